@section_6_1
Feature: 6.1 Basic Financial Information
  "The Company will furnish the following reports to the Holders:" the annual
  financial statements of paragraph (a), "within 100 days" after the end of
  each fiscal year, and the quarterly ones of paragraph (b), "within 55 days"
  after the end of each of the "first, second and third quarterly accounting
  periods". The fiscal year is the calendar year (3.8). A period counted in days
  ends at the end of its last day, New York time. The covenants of section 6
  bind from the Closing Date while any Note is outstanding, so the first reports
  owed are those for the quarter ended September 30, 1997 and for the year 1997,
  and none is owed once the Notes are repaid. A report not furnished in time is
  a breach of this section, but not by itself an Event of Default: under
  Schedule 1 (c) (ASSUMED) that needs written notice from Holders of a majority
  in principal and 30 days more. Paragraphs (c), (d) and (e) ask for copies "As
  soon as practicable", with no deadline the engine can keep: a party or a
  Holder records a failure to furnish them as a breach of its paragraph.

  Background:
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding

  Rule: (a) Annual Financial Statements

    Example: The first annual report, for 1997, is due by April 10, 1998
      Then the annual report for 1997 is due by April 10, 1998
      And the annual report for 1997 is pending

    Example: The annual report furnished within 100 days after the fiscal year is on time, and nothing follows
      Given the Company has furnished every report and made every payment on time before April 1, 1998
      When the Company furnishes the annual report for 1997 on April 10, 1998 at 23:59
      And time passes to April 11, 1998
      Then the annual report for 1997 is furnished on time
      And the Company is in breach of no covenant
      And the deal is Outstanding

    Example: The annual report not furnished by April 10, 1998 is a breach of 6.1(a) from April 11, 1998 at 00:00
      Given the Company has furnished every report and made every payment on time before April 1, 1998
      When time passes to April 10, 1998 at 23:59
      Then the Company is not in breach of 6.1(a)
      When time passes to April 11, 1998
      Then the Company is in breach of 6.1(a)
      And the annual report for 1997 is overdue

    Example: A late annual report is a breach but not an Event of Default
      Given the Company has furnished every report and made every payment on time before April 1, 1998
      When time passes to April 20, 1998
      Then the Company is in breach of 6.1(a)
      And no Event of Default has occurred
      And the deal is Outstanding

    Example: Furnishing the annual report late remedies the breach
      Given the Company has furnished every report and made every payment on time before April 1, 1998
      And time passes to April 11, 1998
      When the Company furnishes the annual report for 1997 on April 20, 1998 at 10:00
      Then the action is accepted
      And the annual report for 1997 is furnished late
      And the Company is not in breach of 6.1(a)

    Example: The annual report cannot be furnished before the fiscal year has ended
      When the Company furnishes the annual report for 1997 on December 31, 1997 at 17:00
      Then the action is refused under 6.1(a)
      And the annual report for 1997 is pending

    Example: The annual report may be furnished as soon as the fiscal year has ended
      When the Company furnishes the annual report for 1997 on January 2, 1998 at 10:00
      Then the action is accepted
      And the annual report for 1997 is furnished on time

  Rule: (b) Quarterly Financial Statements

    Example: The first quarterly report, for the quarter ended September 30, 1997, is due by November 24, 1997
      Then the quarterly report for the quarter ended September 30, 1997 is due by November 24, 1997
      And the quarterly report for the quarter ended September 30, 1997 is pending

    Example: The next quarterly report, for the quarter ended March 31, 1998, is due by May 25, 1998
      Then the quarterly report for the quarter ended March 31, 1998 is due by May 25, 1998

    Example: The quarterly report furnished on its last day is on time, and nothing follows
      When the Company furnishes the quarterly report for the quarter ended September 30, 1997 on November 24, 1997 at 23:59
      And time passes to November 25, 1997
      Then the quarterly report for the quarter ended September 30, 1997 is furnished on time
      And the Company is in breach of no covenant
      And no Event of Default has occurred
      And the deal is Outstanding

    Example: The quarterly report not furnished by November 24, 1997 is a breach of 6.1(b) from November 25, 1997 at 00:00
      When time passes to November 24, 1997 at 23:59
      Then the Company is not in breach of 6.1(b)
      When time passes to November 25, 1997
      Then the Company is in breach of 6.1(b)
      And the quarterly report for the quarter ended September 30, 1997 is overdue

    Example: A missed quarterly report is a breach but not an Event of Default
      When time passes to January 15, 1998
      Then the Company is in breach of 6.1(b)
      And no Event of Default has occurred
      And the deal is Outstanding

    Example: Furnishing the quarterly report late remedies the breach
      Given time passes to November 25, 1997
      When the Company furnishes the quarterly report for the quarter ended September 30, 1997 on December 1, 1997 at 10:00
      Then the action is accepted
      And the quarterly report for the quarter ended September 30, 1997 is furnished late
      And the Company is in breach of no covenant

    Example: A quarterly report cannot be furnished before its quarter has ended
      When the Company furnishes the quarterly report for the quarter ended March 31, 1998 on March 31, 1998 at 12:00
      Then the action is refused under 6.1(b)

    Example: A report is furnished once
      Given the Company furnishes the quarterly report for the quarter ended September 30, 1997 on November 20, 1997 at 10:00
      When the Company furnishes the quarterly report for the quarter ended September 30, 1997 on November 21, 1997 at 10:00
      Then the action is refused under 6.1(b)

    Example: The Company, not Purchaser, furnishes the reports
      When Purchaser furnishes the quarterly report for the quarter ended September 30, 1997 on November 20, 1997 at 10:00
      Then the action is refused under 6.1
      And the quarterly report for the quarter ended September 30, 1997 is pending

  Rule: (c) Special or Interim Audit Reports

    Example: A special audit report not furnished as soon as practicable is recorded as a breach of 6.1(c)
      When Purchaser records that the Company is in breach of 6.1(c) on December 1, 1997 at 10:00
      Then the Company is in breach of 6.1(c)
      And no Event of Default has occurred

  Rule: (d) Reports to Stockholders and Commission Filings

    Example: A filing with the Commission not copied to the Holders is recorded as a breach of 6.1(d)
      When Purchaser records that the Company is in breach of 6.1(d) on December 1, 1997 at 10:00
      Then the Company is in breach of 6.1(d)
      And no Event of Default has occurred

  Rule: (e) Other Information Requested

    Example: Information reasonably requested and not furnished is recorded as a breach of 6.1(e), which the Company may remedy
      Given Purchaser records that the Company is in breach of 6.1(e) on December 1, 1997 at 10:00
      When the Company remedies its breach of 6.1(e) on December 8, 1997 at 10:00
      Then the Company is not in breach of 6.1(e)

  Rule: No report is owed once the Notes are repaid

    Example: Once the Notes are repaid at maturity, the annual report for 1999 is not owed
      Given the Company has furnished every report and made every payment on time before February 2, 2000
      Then the deal is Repaid
      And the annual report for 1999 is not owed
      When time passes to April 11, 2000
      Then the Company is in breach of no covenant

    Example: No report can be furnished after the Notes are repaid
      Given the Company has furnished every report and made every payment on time before February 2, 2000
      When the Company furnishes the annual report for 1999 on March 1, 2000 at 10:00
      Then the action is refused under 6.1(a)

    Example: Notes repaid early owe no later report
      Given the court declares the Company insolvent on January 5, 1998 at 10:00
      # 148,750.00 accrued to the acceleration, and a day's default interest, 2,187.50
      And the Company pays interest of $150,937.50 on January 6, 1998 at 10:00
      And the Company pays principal of $7,500,000.00 on January 6, 1998 at 10:00
      Then the deal is Repaid
      And the annual report for 1997 is not owed
