@section_6_3
Feature: 6.3 Obligations Upon Merger or Consolidation
  "In the event of a merger or consolidation of the Company with or into another
  corporation in which the Company is not the surviving corporation", "the
  Company shall ensure that the Surviving Corporation shall assume all
  obligations of the Company under this Agreement." A merger without that
  assumption is a breach of this section (an Event of Default only under
  Schedule 1 (c), ASSUMED: after written notice from Holders of a majority in
  principal and 30 days more). With it, the Surviving Corporation is the
  Company for every later action and notice.

  Background:
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding

  Example: A merger in which the Surviving Corporation does not assume the Company's obligations is a breach of 6.3
    When the Company merges into Acme Corporation, which does not assume the obligations of the Company, on November 10, 1997 at 10:00
    Then the action is accepted
    And the Company is in breach of 6.3
    And no Event of Default has occurred
    And the deal is Outstanding

  Example: A merger in which the Surviving Corporation assumes all obligations of the Company is no breach
    When the Company merges into Acme Corporation, which assumes all obligations of the Company under this Agreement, on November 10, 1997 at 10:00
    Then the action is accepted
    And the Company is not in breach of 6.3
    And the Company is in breach of no covenant

  Example: Once it has assumed the Company's obligations, the Surviving Corporation is the Company
    When the Company merges into Acme Corporation, which assumes all obligations of the Company under this Agreement, on November 10, 1997 at 10:00
    Then the Surviving Corporation Acme Corporation is the Company
    And the deal is Outstanding

  Example: The Surviving Corporation pays the interest on the Notes as the Company
    Given the Company merges into Acme Corporation, which assumes all obligations of the Company under this Agreement, on November 10, 1997 at 10:00
    When the Company pays interest of $205,625.00 on February 2, 1998 at 10:00
    Then the action is accepted
    And the interest due on February 1, 1998 is paid

  Example: The Surviving Corporation furnishes the reports of 6.1 as the Company
    Given the Company merges into Acme Corporation, which assumes all obligations of the Company under this Agreement, on November 10, 1997 at 10:00
    When the Company furnishes the quarterly report for the quarter ended September 30, 1997 on November 20, 1997 at 10:00
    Then the quarterly report for the quarter ended September 30, 1997 is furnished on time

  Example: The breach of 6.3, unremedied 30 days after notice from Holders of a majority in principal, is an Event of Default
    Given the Company merges into Acme Corporation, which does not assume the obligations of the Company, on November 10, 1997 at 10:00
    And Purchaser sends the Company a notice of covenant breach by hand, delivered on November 12, 1997 at 10:00
    And the Company furnishes the quarterly report for the quarter ended September 30, 1997 on November 20, 1997 at 10:00
    When time passes to December 12, 1997 at 23:59
    Then no Event of Default has occurred
    When time passes to December 13, 1997
    Then an Event of Default under Schedule 1 (c) occurred on December 13, 1997 at 00:00
    And the deal is Default

  Example: Once the Company has remedied the breach of 6.3, it is no longer in breach
    Given the Company merges into Acme Corporation, which does not assume the obligations of the Company, on November 10, 1997 at 10:00
    When the Company remedies its breach of 6.3 on November 20, 1997 at 10:00
    Then the action is accepted
    And the Company is not in breach of 6.3

  Example: A merger that the Company survives is no breach of 6.3, without any assumption
    When the Company merges with Acme Corporation, the Company surviving the merger, on November 10, 1997 at 10:00
    Then the action is accepted
    And the Company is in breach of no covenant
    And the deal is Outstanding

  Example: A merger that the Company survives is no breach of 6.3, and the Company stays the Company
    When the Company merges into Lexington Precision Corporation, which assumes all obligations of the Company under this Agreement, on November 10, 1997 at 10:00
    Then the action is accepted
    And the Company is in breach of no covenant
    And the Surviving Corporation Lexington Precision Corporation is the Company

  Example: The Company named as the surviving corporation of a merger without assumption is still no breach
    When the Company merges into Lexington Precision Corporation, which does not assume the obligations of the Company, on November 10, 1997 at 10:00
    Then the action is accepted
    And the Company is in breach of no covenant
