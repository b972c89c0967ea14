@section_2_1
Feature: 2.1 Closing Date
  The Closing is held on the Closing Date, New York time:
  "Subject to the terms and conditions of this Agreement, the closing of the
  purchase and sale of the Notes" is to be "held on October 27, 1997",
  "or such other date as the parties may mutually agree upon in writing."

  Background:
    Given the 1997 deal, signed by the Company and the Purchaser

  Example: The Closing is held on the Closing Date, October 27, 1997
    Given every condition of 5.1 and 5.2 is met
    When the Company closes on October 27, 1997 at 10:00
    Then the action is accepted
    And the deal is Closed

  Example: Purchaser may hold the Closing as well as the Company
    Given every condition of 5.1 and 5.2 is met
    When Purchaser closes on October 27, 1997 at 10:00
    Then the deal is Closed

  Example: The Closing Date lasts until midnight in New York
    Given every condition of 5.1 and 5.2 is met
    When the Company closes on October 27, 1997 at 23:59
    Then the deal is Closed

  Example: The Closing is not held before the Closing Date
    Given every condition of 5.1 and 5.2 is met
    When the Company closes on October 24, 1997 at 10:00
    Then the action is refused under 2.1
    And the deal is ConditionsPending

  Example: The Closing is not held after the Closing Date
    Given every condition of 5.1 and 5.2 is met
    When the Company closes on October 28, 1997 at 10:00
    Then the action is refused under 2.1
    And the deal is ConditionsPending

  Example: The Closing Date does not excuse an unmet condition
    Given every condition of 5.1 and 5.2 is met except 5.1(d)
    When the Company closes on October 27, 1997 at 10:00
    Then the action is refused under 5.1(d)
    And the deal is ConditionsPending

  Example: The Closing may be held on another date the parties agree upon in writing
    Given every condition of 5.1 and 5.2 is met
    And the Company and Purchaser agree in writing, signed by both, on October 24, 1997 at 09:00, to move the Closing Date to October 29, 1997
    When Purchaser closes on October 29, 1997 at 10:00
    Then the deal is Closed

  Example: A deal that never closes stays ConditionsPending and says what is missing
    When time passes to December 31, 1997
    Then the deal is ConditionsPending
    And the deal still needs 5.1(b)
    And the deal still needs 5.1(d)
    And the deal still needs 5.1(f)
    And the deal still needs 5.2(b)
    And the deal still needs 5.2(e)

  Example: Once the Closing Date has passed, the Closing can no longer be held without an amendment
    Given every condition of 5.1 and 5.2 is met
    And time passes to November 3, 1997
    When the Company closes on November 3, 1997 at 10:00
    Then the action is refused under 2.1
    And the deal is ConditionsPending

  Example: A deal whose Closing Date has passed says that it needs a new Closing Date
    Given every condition of 5.1 and 5.2 is met
    When time passes to November 3, 1997
    Then the deal is ConditionsPending
    And the deal still needs 2.1
