@signature_page
Feature: Signature Page
  The agreement binds once both parties have executed it:
  "IN WITNESS WHEREOF, the Company and Purchaser have each caused this Agreement
  to be duly executed and delivered in its name and on its behalf, all as of the
  date first written above."

  Background:
    Given the 1997 deal

  Example: An unsigned agreement is a draft that needs the signature page
    Then the deal is Drafted
    And the deal still needs the signature page

  Example: The signature of one party alone does not execute the agreement
    When the Company signs on October 20, 1997 at 09:00
    Then the action is accepted
    And the deal is Drafted
    And the deal still needs the signature page

  Example: The signature of Purchaser alone does not execute the agreement
    When Purchaser signs on October 20, 1997 at 09:00
    Then the action is accepted
    And the deal is Drafted
    And the deal still needs the signature page

  Example: The agreement is executed once the Company and Purchaser have each signed
    Given the Company signs on October 20, 1997 at 09:00
    When Purchaser signs on October 20, 1997 at 15:00
    Then the deal is ConditionsPending

  Example: A party cannot sign twice, and its second signature does not stand for the other's
    Given the Company signs on October 20, 1997 at 09:00
    When the Company signs on October 21, 1997 at 09:00
    Then the action is refused under the signature page
    And the deal is Drafted
    And the deal still needs the signature page

  Example: A party cannot sign again once the agreement is executed
    Given the Company signs on October 20, 1997 at 09:00
    And Purchaser signs on October 20, 1997 at 15:00
    When Purchaser signs on October 21, 1997 at 09:00
    Then the action is refused under the signature page
    And the deal is ConditionsPending

  Example: LCI is not a party to the signature page
    When LCI signs on October 20, 1997 at 09:00
    Then the action is refused under the signature page
    And the deal is Drafted

  Example: Nothing can be closed before the agreement is executed
    Given the Company signs on October 20, 1997 at 09:00
    When the Company closes on October 27, 1997 at 10:00
    Then the action is refused under the signature page and 2.1
    And the deal is Drafted
