@section_1_2
Feature: 1.2 Purchase and Sale of Notes
  Purchaser pays the Purchase Price, and only at the Closing:
  "Subject to the terms and conditions hereof, Purchaser shall purchase from the
  Company, and the Company shall sell to Purchaser, at the Closing provided for in
  Section 2.1, the Notes for an amount equal to the Purchase Price."
  The Company delivers the Notes "in consideration of the payment by Purchaser of
  the Purchase Price in immediately available funds."

  Background:
    Given the 1997 deal, signed by the Company and the Purchaser
    And every condition of 5.1 and 5.2 is met

  Example: Purchaser pays the Purchase Price of $7,500,000.00 at the Closing
    Given the Company closes on October 27, 1997 at 10:00
    When Purchaser pays the Purchase Price of $7,500,000.00 on October 27, 1997 at 11:00
    Then the action is accepted
    And condition 5.2(c) is satisfied

  Example: An amount other than the Purchase Price is refused
    Given the Company closes on October 27, 1997 at 10:00
    When Purchaser pays the Purchase Price of $7,499,999.99 on October 27, 1997 at 11:00
    Then the action is refused under 1.2
    And condition 5.2(c) is pending

  Example: Only Purchaser pays the Purchase Price
    Given the Company closes on October 27, 1997 at 10:00
    When the Company pays the Purchase Price of $7,500,000.00 on October 27, 1997 at 11:00
    Then the action is refused under 1.2
    And condition 5.2(c) is pending

  Example: The Purchase Price is paid once
    Given the Company closes on October 27, 1997 at 10:00
    And Purchaser pays the Purchase Price of $7,500,000.00 on October 27, 1997 at 11:00
    When Purchaser pays the Purchase Price of $7,500,000.00 on October 27, 1997 at 11:30
    Then the action is refused under 1.2

  Example: The Purchase Price is not paid before the Closing
    When Purchaser pays the Purchase Price of $7,500,000.00 on October 24, 1997 at 09:00
    Then the action is refused under 1.2
    And the deal is ConditionsPending

  Example: The Notes are not issued until the Purchase Price is paid
    Given the Company closes on October 27, 1997 at 10:00
    And the Company delivers the Notes in these denominations on October 27, 1997 at 11:00
      | denomination  |
      | $7,500,000.00 |
    And LCI delivers the Guarantee on October 27, 1997 at 11:00
    When the Company pays the Transaction Fee of $75,000.00 on October 27, 1997 at 11:00
    Then the deal is Closed
    And the deal still needs 5.2(c)
    And Purchaser holds $0.00 of Notes

  Example: The Notes are issued to Purchaser against the Purchase Price
    Given the Company closes on October 27, 1997 at 10:00
    And the Company delivers the Notes in these denominations on October 27, 1997 at 11:00
      | denomination  |
      | $7,500,000.00 |
    And LCI delivers the Guarantee on October 27, 1997 at 11:00
    And the Company pays the Transaction Fee of $75,000.00 on October 27, 1997 at 11:00
    When Purchaser pays the Purchase Price of $7,500,000.00 on October 27, 1997 at 11:30
    Then the deal is Outstanding
    And Purchaser holds $7,500,000.00 of Notes
