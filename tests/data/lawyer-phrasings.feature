# Natural phrasings a finance lawyer writes, for measuring the vocabulary (issue 14).
# Run with `npa spec --dry-run tests/data/lawyer-phrasings.feature`: a step that is
# undefined is one the vocabulary does not understand. Not run as a test of the engine.
Feature: A lawyer's own phrasings

  Scenario: Parties by their names in the agreement
    Given the 1997 deal
    When Lexington Precision Corporation signs on October 20, 1997 at 09:00
    And Nomura Holding America, Inc. signs on October 20, 1997 at 10:00
    And LCI delivers the Guarantee on October 24, 1997 at 09:00
    And Lexington Precision Corporation delivers the opinion of counsel on October 24, 1997 at 09:30
    And Nomura Holding America, Inc. delivers its officer's certificate on October 24, 1997 at 10:00
    And the Company closes on October 27, 1997 at 10:00
    Then the deal is Closed

  Scenario: The state in words
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
    When time passes to March 6, 1998
    Then the deal is in Default
    And the deal is in default
    And the Notes are outstanding
    And the Notes have not been accelerated
    And the Event of Default under Schedule 1 (b) is continuing
    And an Event of Default is continuing
    And an Event of Default has occurred

  Scenario: Refusals with and without a section
    Given the 1997 deal
    When the Company closes on October 28, 1997 at 10:00
    Then the action is refused
    And the closing is refused under 2.1
    And the action is refused under 2.1 and 5.1(b)

  Scenario: What a party may or may not do, without doing it
    Given the 1997 deal, signed by the Company and the Purchaser
    Then the Company cannot close on October 28, 1997 at 10:00
    And the Company cannot close on October 28, 1997 at 10:00 under 2.1
    And Purchaser may waive condition 5.1(d) on October 24, 1997 at 09:00
    And the Company may not waive condition 5.1(d) on October 24, 1997 at 09:00
    And the Company may deliver the opinion of counsel on October 24, 1997 at 09:00

  Scenario: Notices by facsimile, sent at one time and confirmed at another
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
    When Purchaser sends the Company a notice of covenant breach by facsimile, sent on April 15, 1998 at 10:00 and confirmed on April 15, 1998 at 10:20
    And Purchaser faxes the Company a notice of covenant breach on April 15, 1998 at 10:00, confirmed on April 15, 1998 at 10:20
    And Purchaser faxes the Company a notice of covenant breach on April 15, 1998 at 10:00, confirmed at 10:20
    Then the notice is effective on April 15, 1998 at 10:20
    And the notice takes effect on April 15, 1998 at 10:20
    And the notice is effective

  Scenario: Notices delivered by hand and by mail at times of their own
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
    When Purchaser hand-delivers to the Company a notice of covenant breach on April 15, 1998 at 10:00
    And Purchaser sends the Company a notice of covenant breach by hand, sent on April 15, 1998 at 09:00 and delivered on April 15, 1998 at 11:00
    And Purchaser sends the Company a notice of covenant breach by registered mail, sent on April 15, 1998 at 09:00 and postmarked on April 15, 1998 at 17:00
    And Purchaser mails the Company a notice of covenant breach by certified mail, postmarked on April 15, 1998 at 17:00
    Then the notice is effective on April 20, 1998 at 17:00
    And the notice has no effect because it was not sent to every copy recipient

  Scenario: A defective notice of acceleration
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
    And time passes to March 6, 1998
    When Purchaser gives notice of acceleration by registered mail, postmarked on March 10, 1998 at 11:00, addressed to 1 Main Street, New York, New York
    And Purchaser gives notice of acceleration by hand, delivered on March 10, 1998 at 11:00, with no copy to Nixon, Hargrave, Devans & Doyle LLP
    And Purchaser gives notice of acceleration by facsimile on March 10, 1998 at 11:00, with no confirmation of transmission
    And Purchaser gives notice of acceleration by facsimile, sent on March 10, 1998 at 11:00 and confirmed on March 10, 1998 at 11:30
    Then the notice has no effect
    And the Notes are not accelerated

  Scenario: Defective notices of default, claims, transfers and addresses
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
    When the Company sends Purchaser a notice of default by hand, delivered on March 6, 1998 at 10:00, with no copy to Robinson, Silverman, Pearce, Aronsohn & Berman LLP
    And Purchaser claims indemnity from the Company under 3.1 by hand, delivered on March 6, 1998 at 10:00, addressed to 1 Main Street, New York, for losses of $5,000.00
    And Purchaser claims indemnity from the Company under 3.1 by facsimile, sent on March 6, 1998 at 10:00 and confirmed on March 6, 1998 at 10:10, for losses of $5,000.00
    And Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on March 6, 1998 at 10:00, with no copy to Nixon, Hargrave, Devans & Doyle LLP
    And the Company gives notice of its new address, 1 Main Street, New York, New York, by facsimile, sent on March 6, 1998 at 10:00 and confirmed on March 6, 1998 at 10:05
    And the Company gives notice of its new facsimile number, (212) 555-0100, by hand, delivered on March 6, 1998 at 10:00, with no copy to Nixon, Hargrave, Devans & Doyle LLP
    Then the notice has no effect

  Scenario: A Holder's share of a payment
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
    When the Company pays interest of $205,625.00 on February 2, 1998 at 10:00
    Then Purchaser receives $205,625.00 of the interest due on February 1, 1998
    And Acme Bank receives $68,541.66 of the interest due on August 1, 1998
    And Nomura Holding America, Inc. receives $205,625.00 of the interest due on February 1, 1998
    And Purchaser has received $205,625.00 of interest

  Scenario: Holders of a majority in principal
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
    And time passes to March 6, 1998
    When the Holders of a majority in principal give notice of acceleration by hand, delivered on March 10, 1998 at 11:00
    And the Holders of a majority in principal waive in writing the Event of Default under Schedule 1 (b) on March 10, 1998 at 11:00
    And Holders of a majority in principal send the Company a notice of covenant breach by hand, delivered on April 15, 1998 at 10:00
    Then the Notes are accelerated
    And the Notes have been accelerated

  Scenario: Verbs a lawyer uses
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
    When Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, with an opinion of counsel, by hand, delivered on November 3, 1997 at 10:00
    And the Company rejects the opinion of counsel on November 4, 1997 at 10:00
    And the Company accepts the opinion of counsel on November 4, 1997 at 10:00
    And the Company rejects the opinion on November 4, 1997 at 10:00
    And the Company accepts the opinion on November 4, 1997 at 10:00
    And Purchaser claims indemnity from the Company under 3.1 by hand, delivered on November 5, 1997 at 10:00, for losses of $50,000.00
    And the court awards $50,000.00 on the claim on December 1, 1997 at 10:00
    And the court awards nothing on the claim on December 1, 1997 at 10:00
    And the Company pays $50,000.00 of indemnity on the claim on December 2, 1997 at 10:00
    Then the claim is paid

  Scenario: Waivers
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
    And time passes to March 6, 1998
    When Purchaser waives in writing the Event of Default under Schedule 1 (b) on March 10, 1998 at 11:00
    Then the waiver is refused under 8.4
    And the waiver is accepted
    And the Event of Default under Schedule 1 (b) is waived

  Scenario: Dates and times as a lawyer writes them
    Given the 1997 deal
    When the Company signs on October 20, 1997 at 11:59 PM
    And Purchaser signs on October 21, 1997 at 23:59
    And the Company closes on 1997-10-27 at 10:00
    And time passes to October 25, 1998 at 01:30 EDT
    Then the deal is ConditionsPending

  Scenario: Holders acting together, their notice with its particulars
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
    And time passes to March 6, 1998
    When Purchaser, joined by Acme Bank, gives notice of acceleration by hand, delivered on March 10, 1998 at 11:00, with no copy to Nixon, Hargrave, Devans & Doyle LLP
    And the Holders of a majority in principal give notice of acceleration by facsimile, sent on March 10, 1998 at 11:00 and confirmed at 11:15
    And the Holders of a majority in principal give notice of acceleration by registered mail, postmarked on March 10, 1998 at 11:00, without return receipt requested
    Then the notice has no effect
