@section_7_1
Feature: 7.1 Restrictions on Transferability
  "The Notes shall not be transferable except upon compliance with the conditions
  specified in this Section 7." A Holder may transfer Notes only after its written
  notice of the proposed transfer is effective and, unless the transfer is under
  Rule 144, the Company has found the opinion of counsel reasonably satisfactory
  (7.3). The transferee then holds that principal and is a Holder: payments are
  shared, and Holders of a majority in principal counted, by principal held.

  Background:
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding

  Rule: A transfer that complies with section 7 makes the transferee a Holder of that principal

    Example: After a transfer in compliance with section 7, the transferee holds the Notes transferred
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, with an opinion of counsel, by hand, delivered on December 1, 1997 at 10:00
      And the Company finds the opinion of counsel reasonably satisfactory on December 2, 1997 at 10:00
      When Purchaser completes the transfer on December 3, 1997 at 10:00
      Then the transfer is complete
      And Acme Bank holds $2,500,000.00 of Notes
      And Purchaser holds $5,000,000.00 of Notes

    Example: Without compliance with section 7, the Notes stay with their Holder
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, with an opinion of counsel, by hand, delivered on December 1, 1997 at 10:00
      When Purchaser completes the transfer on December 3, 1997 at 10:00
      Then the action is refused under 7.3
      And the transfer is not complete
      And Acme Bank holds no Notes
      And Purchaser holds $7,500,000.00 of Notes

    Example: A Holder cannot transfer more Notes than it holds
      When Purchaser gives notice of a proposed transfer of $10,000,000.00 of Notes to Acme Bank, with an opinion of counsel, by hand, delivered on December 1, 1997 at 10:00
      Then the action is refused under 7.1

    Example: A transferee cannot transfer more Notes than it received
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      And Purchaser completes the transfer on December 1, 1997 at 11:00
      When Acme Bank gives notice of a proposed transfer of $3,000,000.00 of Notes to Beta Capital, under Rule 144, by hand, delivered on December 2, 1997 at 10:00
      Then the action is refused under 7.1

    Example: A transferee may itself transfer the Notes it holds, in compliance with section 7
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      And Purchaser completes the transfer on December 1, 1997 at 11:00
      And Acme Bank gives notice of a proposed transfer of $1,000,000.00 of Notes to Beta Capital, under Rule 144, by hand, delivered on December 2, 1997 at 10:00
      When Acme Bank completes the transfer on December 2, 1997 at 11:00
      Then Acme Bank holds $1,500,000.00 of Notes
      And Beta Capital holds $1,000,000.00 of Notes
      And Purchaser holds $5,000,000.00 of Notes

    Example: One who holds no Notes has none to transfer
      When Beta Capital gives notice of a proposed transfer of $1,000,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      Then the action is refused under 7.1

    Example: Only the transferring Holder completes its transfer
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      When the Company completes the transfer on December 1, 1997 at 11:00
      Then the action is refused under 7.3
      And Purchaser holds $7,500,000.00 of Notes

    # ASSUMED: section 7 does not say so; a transfer makes a new Holder, and the Company
    # acquiring its own Notes would pay them rather than hold them against itself.
    Example: The Notes are not transferred to the Company that issued them, nor to LCI that guarantees them
      When Purchaser gives notice of a proposed transfer of $5,000,000.00 of Notes to the Company, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      Then the action is refused under 7.1
      When Purchaser gives notice of a proposed transfer of $5,000,000.00 of Notes to "Lexington Precision Corporation", under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      Then the action is refused under 7.1
      When Purchaser gives notice of a proposed transfer of $5,000,000.00 of Notes to LCI, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      Then the action is refused under 7.1
      And Purchaser holds $7,500,000.00 of Notes

    Example: Purchaser named by its legal name is Purchaser, not a new Holder
      When Purchaser gives notice of a proposed transfer of $5,000,000.00 of Notes to "Nomura Holding America, Inc.", under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      Then the action is refused under 7.1
      And Purchaser holds $7,500,000.00 of Notes

  Rule: Holders of a majority in principal are counted by the principal each holds after transfers

    Example: Holding $5,000,000.00 of the $7,500,000.00 outstanding, Purchaser alone is Holders of a majority and may accelerate
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      And Purchaser completes the transfer on December 1, 1997 at 11:00
      And the Company records that the representation in 3.6 was untrue on December 4, 1997 at 10:00
      When Purchaser gives notice of acceleration by hand, delivered on December 5, 1997 at 10:00
      Then the action is accepted
      And the Notes are accelerated

    Example: After transferring half its Notes, Purchaser alone is not Holders of a majority: its acceleration waits for Acme Bank to join it
      Given Purchaser gives notice of a proposed transfer of $3,750,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      And Purchaser completes the transfer on December 1, 1997 at 11:00
      And the Company records that the representation in 3.6 was untrue on December 4, 1997 at 10:00
      When Purchaser gives notice of acceleration by hand, delivered on December 5, 1997 at 10:00
      Then the acceleration is pending, joined by Purchaser
      And the Notes are not accelerated
      When Acme Bank joins the acceleration by hand, delivered on December 5, 1997 at 10:30
      Then the action is accepted
      And the Notes are accelerated
      And no act of the Holders is pending

    Example: Acme Bank joins the acceleration only by acting itself: Purchaser cannot name it
      Given Purchaser gives notice of a proposed transfer of $3,750,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      And Purchaser completes the transfer on December 1, 1997 at 11:00
      And the Company records that the representation in 3.6 was untrue on December 4, 1997 at 10:00
      When Purchaser gives notice of acceleration on behalf of Acme Bank by hand, delivered on December 5, 1997 at 10:00
      Then the action is refused under Schedule 1
      And the Notes are not accelerated

    Example: Joined by the transferee, Purchaser is Holders of a majority and may accelerate
      Given Purchaser gives notice of a proposed transfer of $3,750,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      And Purchaser completes the transfer on December 1, 1997 at 11:00
      And the Company records that the representation in 3.6 was untrue on December 4, 1997 at 10:00
      When Purchaser, joined by Acme Bank, gives notice of acceleration by hand, delivered on December 5, 1997 at 10:00
      Then the action is accepted
      And the Notes are accelerated

    Example: The transferee of half the Notes alone is not Holders of a majority either
      Given Purchaser gives notice of a proposed transfer of $3,750,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      And Purchaser completes the transfer on December 1, 1997 at 11:00
      And the Company records that the representation in 3.6 was untrue on December 4, 1997 at 10:00
      When Acme Bank gives notice of acceleration by hand, delivered on December 5, 1997 at 10:00
      Then the acceleration is pending, joined by Acme Bank
      And the Notes are not accelerated

    Example: Holders are counted when the last of them joins, after transfers: a Holder who joined and then sold its Notes counts for nothing
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      And Purchaser completes the transfer on December 1, 1997 at 11:00
      And the Company records that the representation in 3.6 was untrue on December 4, 1997 at 10:00
      And Acme Bank joins the acceleration by hand, delivered on December 5, 1997 at 10:00
      And Acme Bank gives notice of a proposed transfer of $2,500,000.00 of Notes to Beta Capital, under Rule 144, by hand, delivered on December 5, 1997 at 10:30
      And Acme Bank completes the transfer on December 5, 1997 at 11:00
      When Beta Capital joins the acceleration by hand, delivered on December 5, 1997 at 11:30
      Then the acceleration is pending, joined by Acme Bank and Beta Capital
      And the Notes are not accelerated

    Example: After the transfer, a waiver needs Holders of a majority too
      Given Purchaser gives notice of a proposed transfer of $3,750,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      And Purchaser completes the transfer on December 1, 1997 at 11:00
      And the Company records that the representation in 3.6 was untrue on December 4, 1997 at 10:00
      When Purchaser waives in writing the Event of Default under Schedule 1 (d) on December 5, 1997 at 10:00
      Then the waiver of the Event of Default under Schedule 1 (d) is pending, joined by Purchaser
      And the deal is Default
      When Acme Bank joins the waiver of the Event of Default under Schedule 1 (d) on December 5, 1997 at 11:00
      Then the action is accepted
      And the deal is Outstanding
