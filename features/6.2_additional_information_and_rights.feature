@section_6_2
Feature: 6.2 Additional Information and Rights
  "The Company will afford to the Holders the following:" written notice to
  Purchaser of a default "Promptly upon the occurrence thereof" (a)(i); "during
  the continuance of an" Event of Default, the right to "visit and inspect any of
  the properties of the Company" (a)(ii); and the right to "examine books of
  account and other records", "at such reasonable times and as often as may be
  reasonably requested" (a)(iii). Reasonable times are a New York business day
  between 9:00 and 17:00. And "The Company will, and will cause each Subsidiary
  to:" maintain its properties, comply with the law, pay its taxes and "Keep
  adequately insured" its property (b). The engine cannot see whether the
  Company keeps its property insured; a party or a Holder records a breach of
  paragraph (b), and it is a breach of that paragraph from then on. These are
  rights of the Holders, and bind while the Notes are outstanding.

  Background:
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding

  Rule: (a)(i) Notice of Default or Proceedings

    Example: Upon an Event of Default the Company owes Purchaser prompt written notice of it
      When the Company records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      Then the deal is Default
      And the Company owes prompt written notice of the Event of Default under Schedule 1 (d)

    Example: The Company's written notice of default to Purchaser is the notice it owes
      Given the Company records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      When the Company sends Purchaser a notice of default by hand, delivered on November 4, 1997 at 10:00
      Then the action is accepted
      And the Company has given notice of the Event of Default under Schedule 1 (d)

    Example: A notice of default given before the default occurred is not notice of it
      Given the Company sends Purchaser a notice of default by hand, delivered on November 2, 1997 at 10:00
      When the Company records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      Then the Company owes prompt written notice of the Event of Default under Schedule 1 (d)

    Example: A notice of default by e-mail is not written notice under 8.5, and the Company still owes it
      Given the Company records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      When the Company sends Purchaser a notice of default by e-mail on November 4, 1997 at 10:00
      Then the notice has no effect
      And the Company owes prompt written notice of the Event of Default under Schedule 1 (d)

    Example: Interest unpaid 30 days after its payment date is a default the Company must notify
      When time passes to March 5, 1998
      Then the Company owes prompt written notice of the Event of Default under Schedule 1 (b)

    Example: A violation of a covenant, though no Event of Default, needs the Company's prompt written notice
      When time passes to November 25, 1997
      Then the Company is in breach of 6.1(b)
      And no Event of Default has occurred
      And the Company owes prompt written notice of its breach of 6.1(b)

    Example: A breach of 6.2(b) recorded by Purchaser needs the Company's prompt written notice
      When Purchaser records that the Company is in breach of 6.2(b)(iv) on December 1, 1997 at 10:00
      Then the Company owes prompt written notice of its breach of 6.2(b)(iv)

    Example: The Company's written notice to Purchaser after the violation is the notice it owes
      Given Purchaser records that the Company is in breach of 6.2(b)(iv) on December 1, 1997 at 10:00
      When the Company sends Purchaser a notice of default by hand, delivered on December 2, 1997 at 10:00
      Then the Company has given notice of its breach of 6.2(b)(iv)

    Example: The commencement of an action against the Company needs the Company's prompt written notice
      When the court records a proceeding against the Company for breach of a supply contract on December 1, 1997 at 10:00
      Then the action is accepted
      And the Company owes prompt written notice of the proceeding
      And no Event of Default has occurred

    Example: The Company's written notice after the action is commenced is the notice it owes
      Given Purchaser records a proceeding against the Company for breach of a supply contract on December 1, 1997 at 10:00
      When the Company sends Purchaser a notice of default by hand, delivered on December 2, 1997 at 10:00
      Then the Company has given notice of the proceeding

  Rule: (a)(ii) Inspection of Properties

    Example: No Event of Default continuing, the properties may not be inspected
      When Purchaser asks to inspect the Company's properties on December 3, 1997 at 10:00
      Then the action is refused under 6.2(a)(ii)

    Example: During an Event of Default, Purchaser may inspect the properties
      Given the Company records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      When Purchaser asks to inspect the Company's properties on November 5, 1997 at 10:00
      Then the action is accepted

    Example: Once the Event of Default is waived, the right to inspect the properties ends
      Given the Company records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      And Purchaser waives in writing the Event of Default under Schedule 1 (d) on November 4, 1997 at 10:00
      When Purchaser asks to inspect the Company's properties on November 5, 1997 at 10:00
      Then the action is refused under 6.2(a)(ii)

    Example: Once the overdue interest is paid, the right to inspect the properties ends
      Given time passes to March 5, 1998
      And the Company pays interest of $205,625.00 on March 6, 1998 at 10:00
      When Purchaser asks to inspect the Company's properties on March 9, 1998 at 10:00
      Then the action is refused under 6.2(a)(ii)

  Rule: (a)(iii) Examination of Books and Records

    Example: Purchaser may examine the books on a business day during business hours
      When Purchaser asks to examine the Company's books of account on December 3, 1997 at 10:00
      Then the action is accepted

    Example: The books may be examined without any Event of Default
      When Purchaser asks to examine the Company's books of account on December 3, 1997 at 16:59
      Then the action is accepted
      And no Event of Default has occurred

    Example: The books are not examined at night
      When Purchaser asks to examine the Company's books of account on December 3, 1997 at 22:00
      Then the action is refused under 6.2(a)(iii)

    Example: The books are not examined before business hours
      When Purchaser asks to examine the Company's books of account on December 3, 1997 at 08:59
      Then the action is refused under 6.2(a)(iii)

    Example: The books are not examined on a Sunday
      When Purchaser asks to examine the Company's books of account on December 7, 1997 at 10:00
      Then the action is refused under 6.2(a)(iii)

    Example: The books are not examined on a bank holiday
      When Purchaser asks to examine the Company's books of account on December 25, 1997 at 10:00
      Then the action is refused under 6.2(a)(iii)

    Example: A transferee that holds Notes is a Holder and may examine the books
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      And Purchaser completes the transfer on December 1, 1997 at 11:00
      When Acme Bank asks to examine the Company's books of account on December 3, 1997 at 10:00
      Then the action is accepted

    Example: Having transferred all its Notes, Purchaser is no longer a Holder and may not examine the books
      Given Purchaser gives notice of a proposed transfer of $7,500,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      And Purchaser completes the transfer on December 1, 1997 at 11:00
      When Purchaser asks to examine the Company's books of account on December 3, 1997 at 10:00
      Then the action is refused under 6.2(a)(iii)
      And Purchaser holds no Notes

    Example: LCI, which holds no Notes, may not examine the books
      When LCI asks to examine the Company's books of account on December 3, 1997 at 10:00
      Then the action is refused under 6.2(a)(iii)

    Example: A stranger who holds no Notes may not examine the books
      When Acme Bank asks to examine the Company's books of account on December 3, 1997 at 10:00
      Then the action is refused under 6.2(a)(iii)

    Example: Once the Notes are repaid, the books may no longer be examined
      Given the court declares the Company insolvent on January 5, 1998 at 10:00
      And the Company pays interest of $148,750.00 on January 6, 1998 at 10:00
      And the Company pays principal of $7,500,000.00 on January 6, 1998 at 10:00
      When Purchaser asks to examine the Company's books of account on January 7, 1998 at 10:00
      Then the action is refused under 6.2(a)(iii)

  Rule: (b) Maintenance and Compliance

    Example: Property not adequately insured is a breach of 6.2(b)(iv), recorded by Purchaser
      When Purchaser records that the Company is in breach of 6.2(b)(iv) on December 1, 1997 at 10:00
      Then the action is accepted
      And the Company is in breach of 6.2(b)(iv)

    Example: A breach of 6.2(b) is not by itself an Event of Default
      When Purchaser records that the Company is in breach of 6.2(b)(iv) on December 1, 1997 at 10:00
      Then no Event of Default has occurred
      And the deal is Outstanding

    Example: The Company may remedy a breach of 6.2(b)
      Given Purchaser records that the Company is in breach of 6.2(b)(iv) on December 1, 1997 at 10:00
      When the Company remedies its breach of 6.2(b)(iv) on December 10, 1997 at 10:00
      Then the action is accepted
      And the Company is not in breach of 6.2(b)(iv)

    Example: Taxes unpaid are a breach of 6.2(b)(iii)
      When Purchaser records that the Company is in breach of 6.2(b)(iii) on December 1, 1997 at 10:00
      Then the Company is in breach of 6.2(b)(iii)
      And the Company is not in breach of 6.2(b)(iv)

    Example: A breach of 6.2(b) cannot be recorded once the Notes are repaid
      Given the court declares the Company insolvent on January 5, 1998 at 10:00
      And the Company pays interest of $148,750.00 on January 6, 1998 at 10:00
      And the Company pays principal of $7,500,000.00 on January 6, 1998 at 10:00
      When Purchaser records that the Company is in breach of 6.2(b)(iv) on January 7, 1998 at 10:00
      Then the action is refused under 6.2(b)(iv)
