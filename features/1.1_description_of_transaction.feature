@section_1_1
Feature: 1.1 Description of Transaction
  The transaction is the sale of $7,500,000 of Notes for $7,500,000.00:
  "Purchaser proposes to purchase from the Company, and the Company proposes to
  sell to Purchaser, $7,500,000 aggregate principal amount of the Company's
  10 1/2% Senior Unsecured Notes due February 1, 2000", at the Closing,
  "for a purchase price of $7,500,000.00".

  Background:
    Given the 1997 deal, signed by the Company and the Purchaser
    And every condition of 5.1 and 5.2 is met
    And the Company closes on October 27, 1997 at 10:00

  Example: The Notes are delivered in denominations adding up to $7,500,000 of principal
    When the Company delivers the Notes in these denominations on October 27, 1997 at 11:00
      | denomination  |
      | $5,000,000.00 |
      | $2,500,000.00 |
    Then the action is accepted
    And the deal is Closed

  Example: The Notes may be a single instrument of $7,500,000
    When the Company delivers the Notes in these denominations on October 27, 1997 at 11:00
      | denomination  |
      | $7,500,000.00 |
    Then the action is accepted

  Example: Denominations adding up to less than $7,500,000 are refused
    When the Company delivers the Notes in these denominations on October 27, 1997 at 11:00
      | denomination  |
      | $5,000,000.00 |
      | $2,000,000.00 |
    Then the action is refused under 1.1
    And the deal is Closed
    And the deal still needs 5.1(c)

  Example: Denominations adding up to more than $7,500,000 are refused
    When the Company delivers the Notes in these denominations on October 27, 1997 at 11:00
      | denomination  |
      | $5,000,000.00 |
      | $5,000,000.00 |
    Then the action is refused under 1.1

  Example: Once the transaction is complete, Purchaser holds $7,500,000 of the Notes
    Given the Company delivers the Notes in these denominations on October 27, 1997 at 11:00
      | denomination  |
      | $5,000,000.00 |
      | $2,500,000.00 |
    And LCI delivers the Guarantee on October 27, 1997 at 11:00
    And the Company pays the Transaction Fee of $75,000.00 on October 27, 1997 at 11:00
    When Purchaser pays the Purchase Price of $7,500,000.00 on October 27, 1997 at 11:00
    Then the deal is Outstanding
    And Purchaser holds $7,500,000.00 of Notes
