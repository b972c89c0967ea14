@section_8_6
Feature: 8.6 Delay or Omission
  "No delay or omission to exercise any right, power or remedy accruing to any
  holder of any Notes upon any breach or default by the Company under this
  Agreement, shall impair such right, power or remedy of such holder nor shall it
  be construed to be a waiver of any such breach or default, or an acquiescence
  therein"; "nor shall any waiver of any single breach or default be deemed a
  waiver of any other breach or default theretofore or thereafter occurring".
  Time passing never ends an Event of Default or a breach; a waiver, in writing
  by Holders of a majority in principal (Schedule 1, ASSUMED), ends only the one
  it names, and only before acceleration.

  Background:
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding

  Rule: No delay or omission impairs a right or waives a breach or default

    Example: An Event of Default left alone for months still continues
      Given time passes to March 5, 1998
      When time passes to July 1, 1998
      Then the Event of Default under Schedule 1 (b) continues
      And the deal is Default

    Example: Months after the Event of Default, the Holders may still accelerate
      Given time passes to March 5, 1998
      And time passes to July 1, 1998
      When Purchaser gives notice of acceleration by hand, delivered on July 1, 1998 at 10:00
      Then the action is accepted
      And the Notes are accelerated
      And the Company owes $533,750.00 of interest and $7,500,000.00 of principal

    Example: A missed report not pursued for months is still a breach
      Given time passes to November 25, 1997
      When time passes to February 27, 1998
      Then the Company is in breach of 6.1(b)

    Example: Months after a report was missed, the Holders may still give notice of the breach
      Given time passes to November 25, 1997
      And time passes to February 27, 1998
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on February 27, 1998 at 10:00
      Then the action is accepted
      And the notice is effective

  Rule: A waiver of one breach or default is not a waiver of any other

    Example: Waiving one Event of Default leaves another continuing
      Given the Company records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      And time passes to March 5, 1998
      When Purchaser waives in writing the Event of Default under Schedule 1 (d) on March 6, 1998 at 10:00
      Then the action is accepted
      And the Event of Default under Schedule 1 (d) is waived
      And the Event of Default under Schedule 1 (b) continues
      And the deal is Default

    Example: A waiver does not cover a similar default thereafter occurring
      Given the Company records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      And Purchaser waives in writing the Event of Default under Schedule 1 (d) on November 4, 1997 at 10:00
      When the Company records that the representation in 3.7 was untrue on November 10, 1997 at 10:00
      Then the Event of Default under Schedule 1 (d) continues
      And the deal is Default

    Example: An Event of Default once waived cannot be waived again
      Given the Company records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      And Purchaser waives in writing the Event of Default under Schedule 1 (d) on November 4, 1997 at 10:00
      When Purchaser waives in writing the Event of Default under Schedule 1 (d) on November 5, 1997 at 10:00
      Then the action is refused under 8.6

    Example: An Event of Default already cured cannot be waived
      Given time passes to March 5, 1998
      And the Company pays interest of $205,625.00 on March 6, 1998 at 10:00
      When Purchaser waives in writing the Event of Default under Schedule 1 (b) on March 9, 1998 at 10:00
      Then the action is refused under 8.6

    Example: Once the Notes are accelerated, a waiver is refused
      Given time passes to March 5, 1998
      And Purchaser gives notice of acceleration by hand, delivered on March 10, 1998 at 11:00
      When Purchaser waives in writing the Event of Default under Schedule 1 (b) on March 11, 1998 at 10:00
      Then the action is refused under Schedule 1
      And the Event of Default under Schedule 1 (b) continues
      And the deal is Default

    Example: A waiver of an Event of Default given orally is no waiver
      Given the Company records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      When Purchaser waives orally the Event of Default under Schedule 1 (d) on November 4, 1997 at 10:00
      Then the action is refused under 8.4
      And the Event of Default under Schedule 1 (d) continues
      And the deal is Default

    Example: The Company cannot waive the Event of Default on behalf of the Holders
      Given the Company records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      When the Company waives in writing, on behalf of Purchaser, the Event of Default under Schedule 1 (d) on November 4, 1997 at 10:00
      Then the action is refused under Schedule 1
      And the Event of Default under Schedule 1 (d) continues
      And the deal is Default

    Example: Holders who together hold a majority each sign the waiver, and it ends the Event of Default it names
      Given Purchaser gives notice of a proposed transfer of $3,750,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on November 3, 1997 at 10:00
      And Purchaser completes the transfer on November 3, 1997 at 11:00
      And the Company records that the representation in 3.6 was untrue on November 4, 1997 at 10:00
      When Acme Bank waives in writing the Event of Default under Schedule 1 (d) on November 5, 1997 at 10:00
      Then the waiver of the Event of Default under Schedule 1 (d) is pending, joined by Acme Bank
      And the deal is Default
      When Purchaser joins the waiver of the Event of Default under Schedule 1 (d) on November 5, 1997 at 11:00
      Then the action is accepted
      And the deal is Outstanding

    Example: Only Holders of a majority in principal may waive an Event of Default
      Given the Company records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      When the Company waives in writing the Event of Default under Schedule 1 (d) on November 4, 1997 at 10:00
      Then the action is refused under Schedule 1
      And the deal is Default

  Rule: A breach that continues after its Event of Default was waived can found a new one

    Example: After the waiver, a new notice of the breach starts a new 30 days, and the breach still unremedied then is a new Event of Default
      Given time passes to November 25, 1997
      And Purchaser sends the Company a notice of covenant breach by hand, delivered on November 26, 1997 at 10:00
      And time passes to December 27, 1997
      And Purchaser waives in writing the Event of Default under Schedule 1 (c) on January 5, 1998 at 10:00
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on January 6, 1998 at 10:00
      Then the action is accepted
      When time passes to February 5, 1998 at 23:59
      Then no Event of Default continues
      And the deal is Outstanding
      When time passes to February 6, 1998
      Then an Event of Default under Schedule 1 (c) occurred on February 6, 1998 at 00:00
      And one Event of Default under Schedule 1 (c) continues
      And the deal is Default

    Example: The waiver of the Event of Default does not remedy the breach
      Given time passes to November 25, 1997
      And Purchaser sends the Company a notice of covenant breach by hand, delivered on November 26, 1997 at 10:00
      And time passes to December 27, 1997
      When Purchaser waives in writing the Event of Default under Schedule 1 (c) on January 5, 1998 at 10:00
      Then the deal is Outstanding
      And the Company is in breach of 6.1(b)

    Example: While the Event of Default a breach founded continues, a new notice of that breach has nothing to start
      Given time passes to November 25, 1997
      And Purchaser sends the Company a notice of covenant breach by hand, delivered on November 26, 1997 at 10:00
      And time passes to December 27, 1997
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on December 29, 1997 at 10:00
      Then the action is refused under Schedule 1 (c)

    Example: The breach remedied after the waiver founds no new Event of Default
      Given time passes to November 25, 1997
      And Purchaser sends the Company a notice of covenant breach by hand, delivered on November 26, 1997 at 10:00
      And time passes to December 27, 1997
      And Purchaser waives in writing the Event of Default under Schedule 1 (c) on January 5, 1998 at 10:00
      And Purchaser sends the Company a notice of covenant breach by hand, delivered on January 6, 1998 at 10:00
      And the Company furnishes the quarterly report for the quarter ended September 30, 1997 on January 20, 1998 at 10:00
      When time passes to February 6, 1998
      Then no Event of Default continues
      And the Company is in breach of no covenant
