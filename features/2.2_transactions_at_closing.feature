@section_2_2
Feature: 2.2 Transactions at Closing; Delivery
  Delivery against payment, at the Closing:
  "At the Closing, and upon completion of the transactions described in Section 5
  hereof, the Company shall deliver instruments in such denominations as Purchaser
  may request evidencing the Notes against payment to the Company of the Purchase
  Price therefor in accordance with Section 1.2 hereof."
  And "At the Closing, the Company shall pay Nomura Holding America, Inc. a fee in
  the amount of $75,000".

  Background:
    Given the 1997 deal, signed by the Company and the Purchaser
    And every condition of 5.1 and 5.2 is met

  Example: Settlement is complete when the Notes and the Guarantee are delivered against the Purchase Price and the Transaction Fee is paid
    Given the Company closes on October 27, 1997 at 10:00
    When the Company delivers the Notes in these denominations on October 27, 1997 at 11:00
      | denomination  |
      | $5,000,000.00 |
      | $2,500,000.00 |
    And LCI delivers the Guarantee on October 27, 1997 at 11:00
    And Purchaser pays the Purchase Price of $7,500,000.00 on October 27, 1997 at 11:00
    And the Company pays the Transaction Fee of $75,000.00 on October 27, 1997 at 11:00
    Then the deal is Outstanding
    And Purchaser holds $7,500,000.00 of Notes
    And condition 5.1(c) is satisfied
    And condition 5.1(g) is satisfied
    And condition 5.2(c) is satisfied

  Example: A Closing without delivery and payment leaves the deal Closed, and says what it still needs
    When the Company closes on October 27, 1997 at 10:00
    Then the deal is Closed
    And the deal still needs 5.1(c)
    And the deal still needs 5.1(g)
    And the deal still needs 5.2(c)

  Example: The Notes are not delivered before the Closing
    When the Company delivers the Notes in these denominations on October 24, 1997 at 09:00
      | denomination  |
      | $7,500,000.00 |
    Then the action is refused under 2.2
    And the deal is ConditionsPending

  Example: Only the Company delivers the Notes
    Given the Company closes on October 27, 1997 at 10:00
    When Purchaser delivers the Notes in these denominations on October 27, 1997 at 11:00
      | denomination  |
      | $7,500,000.00 |
    Then the action is refused under 2.2

  Example: The Notes are delivered once
    Given the Company closes on October 27, 1997 at 10:00
    And the Company delivers the Notes in these denominations on October 27, 1997 at 11:00
      | denomination  |
      | $7,500,000.00 |
    When the Company delivers the Notes in these denominations on October 27, 1997 at 11:30
      | denomination  |
      | $7,500,000.00 |
    Then the action is refused under 2.2

  Example: LCI may deliver the Guarantee before the Closing
    Given LCI delivers the Guarantee on October 24, 1997 at 09:00
    And the Company closes on October 27, 1997 at 10:00
    And the Company delivers the Notes in these denominations on October 27, 1997 at 11:00
      | denomination  |
      | $7,500,000.00 |
    And Purchaser pays the Purchase Price of $7,500,000.00 on October 27, 1997 at 11:00
    When the Company pays the Transaction Fee of $75,000.00 on October 27, 1997 at 11:00
    Then the deal is Outstanding
    And Purchaser holds $7,500,000.00 of Notes

  Example: Only LCI delivers the Guarantee
    When the Company delivers the Guarantee on October 24, 1997 at 09:00
    Then the action is refused under 5.1(c)

  Example: The Transaction Fee is $75,000
    Given the Company closes on October 27, 1997 at 10:00
    When the Company pays the Transaction Fee of $7,500.00 on October 27, 1997 at 11:00
    Then the action is refused under 2.2
    And condition 5.1(g) is pending

  Example: The Company, not Purchaser, pays the Transaction Fee
    Given the Company closes on October 27, 1997 at 10:00
    When Purchaser pays the Transaction Fee of $75,000.00 on October 27, 1997 at 11:00
    Then the action is refused under 2.2
    And condition 5.1(g) is pending

  Example: The Transaction Fee is not paid before the Closing
    When the Company pays the Transaction Fee of $75,000.00 on October 24, 1997 at 09:00
    Then the action is refused under 2.2

  Example: Without the Transaction Fee settlement is not complete
    Given the Company closes on October 27, 1997 at 10:00
    And the Company delivers the Notes in these denominations on October 27, 1997 at 11:00
      | denomination  |
      | $7,500,000.00 |
    And LCI delivers the Guarantee on October 27, 1997 at 11:00
    When Purchaser pays the Purchase Price of $7,500,000.00 on October 27, 1997 at 11:00
    Then the deal is Closed
    And the deal still needs 5.1(g)

  Example: Purchaser's waiver of condition 5.1(g) leaves the Company's covenant to pay the Transaction Fee
    Given Purchaser waives condition 5.1(g) on October 24, 1997 at 09:00
    And the Company closes on October 27, 1997 at 10:00
    And the Company delivers the Notes in these denominations on October 27, 1997 at 11:00
      | denomination  |
      | $7,500,000.00 |
    And LCI delivers the Guarantee on October 27, 1997 at 11:00
    And Purchaser pays the Purchase Price of $7,500,000.00 on October 27, 1997 at 11:00
    Then the deal is Outstanding
    And the Transaction Fee is pending
    When time passes to December 1, 1997
    Then the Transaction Fee is overdue
    When the Company pays the Transaction Fee of $75,000.00 on December 1, 1997 at 10:00
    Then the action is accepted
    And the Transaction Fee is paid
    And the deal is Outstanding

  Example: The Transaction Fee, once paid at the Closing, is not paid again
    Given the Company closes on October 27, 1997 at 10:00
    And the Company pays the Transaction Fee of $75,000.00 on October 27, 1997 at 11:00
    When the Company pays the Transaction Fee of $75,000.00 on October 28, 1997 at 11:00
    Then the action is refused under 2.2
    And the Transaction Fee is paid

  Rule: Nothing is owed, breached or in default before the Notes are issued

    Example: Notes issued after the Closing Date bear interest only from the day they are issued
      Given the Company closes on October 27, 1997 at 10:00
      And LCI delivers the Guarantee on October 27, 1997 at 11:00
      When the Company delivers the Notes in these denominations on March 10, 1998 at 10:00
        | denomination  |
        | $7,500,000.00 |
      And Purchaser pays the Purchase Price of $7,500,000.00 on March 10, 1998 at 10:00
      And the Company pays the Transaction Fee of $75,000.00 on March 10, 1998 at 10:00
      Then the deal is Outstanding
      And the interest due on August 1, 1998 is $308,437.50, payable on August 3, 1998

    Example: A coupon date and a report's last day that passed before the Notes were issued owe nothing
      Given the Company closes on October 27, 1997 at 10:00
      And LCI delivers the Guarantee on October 27, 1997 at 11:00
      When the Company delivers the Notes in these denominations on March 10, 1998 at 10:00
        | denomination  |
        | $7,500,000.00 |
      And Purchaser pays the Purchase Price of $7,500,000.00 on March 10, 1998 at 10:00
      And the Company pays the Transaction Fee of $75,000.00 on March 10, 1998 at 10:00
      And time passes to March 11, 1998
      Then no Event of Default has occurred
      And the Company is in breach of no covenant
      And the deal is Outstanding
      And the quarterly report for the quarter ended September 30, 1997 was never owed
      And the annual report for 1997 is due by April 10, 1998

    Example: The first report owed after a late issue is late from its own last day, and no earlier
      Given the Company closes on October 27, 1997 at 10:00
      And LCI delivers the Guarantee on October 27, 1997 at 11:00
      And the Company delivers the Notes in these denominations on March 10, 1998 at 10:00
        | denomination  |
        | $7,500,000.00 |
      And Purchaser pays the Purchase Price of $7,500,000.00 on March 10, 1998 at 10:00
      And the Company pays the Transaction Fee of $75,000.00 on March 10, 1998 at 10:00
      When time passes to April 11, 1998
      Then the Company is in breach of 6.1(a)
      And the annual report for 1997 is overdue
