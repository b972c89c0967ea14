@section_8_4
Feature: 8.4 Entire Agreement; Amendment
  The written agreement is the whole agreement, and it changes only in writing:
  "This Agreement and the other documents delivered pursuant hereto constitute the
  full and entire understanding and agreement between the parties with regard to
  the subject matter hereof and thereof" and "Neither this Agreement nor any term
  hereof may be amended, waived, discharged or terminated orally, but only by a
  written instrument signed by the Company and Purchaser."

  Background:
    Given the 1997 deal, signed by the Company and the Purchaser
    And every condition of 5.1 and 5.2 is met

  Example: A written amendment signed by the Company and Purchaser moves the Closing Date
    When the Company and Purchaser agree in writing, signed by both, on October 24, 1997 at 09:00, to move the Closing Date to October 28, 1997
    Then the action is accepted
    And the Closing Date is October 28, 1997

  Example: After a written amendment signed by both, the Closing is held on the new date
    Given the Company and Purchaser agree in writing, signed by both, on October 24, 1997 at 09:00, to move the Closing Date to October 28, 1997
    When the Company closes on October 28, 1997 at 10:00
    Then the deal is Closed

  Example: After a written amendment signed by both, the Closing is not held on the old date
    Given the Company and Purchaser agree in writing, signed by both, on October 24, 1997 at 09:00, to move the Closing Date to October 28, 1997
    When the Company closes on October 27, 1997 at 10:00
    Then the action is refused under 2.1
    And the deal is ConditionsPending

  Example: An oral agreement does not move the Closing Date
    When the Company and Purchaser agree orally, on October 24, 1997 at 09:00, to move the Closing Date to October 28, 1997
    Then the action is refused under 8.4
    And the Closing Date is October 27, 1997
    When the Company closes on October 28, 1997 at 10:00
    Then the action is refused under 2.1
    And the deal is ConditionsPending

  Example: A written amendment signed by the Company alone does not move the Closing Date
    When the Company alone signs a written amendment, on October 24, 1997 at 09:00, to move the Closing Date to October 28, 1997
    Then the action is refused under 8.4
    And the Closing Date is October 27, 1997
    When the Company closes on October 28, 1997 at 10:00
    Then the action is refused under 2.1

  Example: A written amendment signed by Purchaser alone does not move the Closing Date
    When Purchaser alone signs a written amendment, on October 24, 1997 at 09:00, to move the Closing Date to October 28, 1997
    Then the action is refused under 8.4
    And the Closing Date is October 27, 1997

  Example: The parties cannot agree on a Closing Date that has already passed
    When the Company and Purchaser agree in writing, signed by both, on October 24, 1997 at 09:00, to move the Closing Date to October 23, 1997
    Then the action is refused under 2.1
    And the Closing Date is October 27, 1997

  Example: Once the Closing has been held, its date can no longer be amended
    Given the Company closes on October 27, 1997 at 10:00
    When the Company and Purchaser agree in writing, signed by both, on October 28, 1997 at 09:00, to move the Closing Date to October 30, 1997
    Then the action is refused under 2.1
    And the deal is Closed

  Rule: A waiver, like an amendment, is a written instrument signed by the Company and Purchaser

    The conditions of 5.1 are "at the option of Purchaser" and those of 5.2 "at the option
    of the Company": only the protected party may choose to waive one. But no term "may be
    ... waived ... orally, but only by a written instrument signed by the Company and
    Purchaser", so the waiver it chooses is signed by both. A waiver that says nothing of
    its form is taken to be in writing and signed by both.

    Example: An oral waiver of a condition is refused
      When Purchaser waives condition 5.1(g) orally on October 24, 1997 at 09:00
      Then the action is refused under 8.4
      And condition 5.1(g) is pending

    Example: A waiver signed by Purchaser alone is refused
      When Purchaser waives condition 5.1(g) in writing, signed by Purchaser alone, on October 24, 1997 at 09:00
      Then the action is refused under 8.4
      And condition 5.1(g) is pending

    Example: A waiver in writing signed by the Company and Purchaser is accepted
      When Purchaser waives condition 5.1(g) in writing, signed by the Company and Purchaser, on October 24, 1997 at 09:00
      Then the action is accepted
      And condition 5.1(g) is waived

    Example: The Company's signature on Purchaser's waiver does not make it the Company's to give
      When the Company waives condition 5.1(g) in writing, signed by the Company and Purchaser, on October 24, 1997 at 09:00
      Then the action is refused under 5.1
      And condition 5.1(g) is pending

    Example: A waiver that says nothing of its form is taken to be in writing, signed by both
      When Purchaser waives condition 5.1(g) on October 24, 1997 at 09:00
      Then the action is accepted
      And condition 5.1(g) is waived

  Example: The parties cannot move the Closing Date past the maturity of the Notes
    When the Company and Purchaser agree in writing, signed by both, on October 24, 1997 at 09:00, to move the Closing Date to February 2, 2000
    Then the action is refused under 2.1
    And the Closing Date is October 27, 1997

  Example: The Closing Date may be moved as far as the maturity of the Notes
    When the Company and Purchaser agree in writing, signed by both, on October 24, 1997 at 09:00, to move the Closing Date to February 1, 2000
    Then the action is accepted
    And the Closing Date is February 1, 2000
