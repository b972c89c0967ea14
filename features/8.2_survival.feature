@section_8_2
Feature: 8.2 Survival
  "The representations, warranties, covenants and agreements made herein shall
  survive the closing of the transactions contemplated hereby." They are made
  when the agreement is signed; a claim for indemnification on one (8.10) lies
  from then on, while the Notes are outstanding and after they are repaid.
  A claim after repayment runs its whole course, and the deal stays Repaid.

  Rule: The representations, warranties, covenants and agreements survive the Closing

    Example: A representation of the Company survives the Closing, and founds a claim while the Notes are outstanding
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      When Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      Then the action is accepted
      And the claim is asserted
      And the deal is Outstanding

    Example: A claim asserted after the Notes are repaid runs its course and is paid, and the deal stays Repaid
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And the Company has furnished every report and made every payment on time before February 2, 2000
      When Purchaser claims indemnity from the Company under 3.6 by registered mail, postmarked on March 1, 2000 at 16:00, for these Damages:
        | kind                   | amount      | consented |
        | losses                 | $150,000.00 | no        |
        | attorneys' fees        | $40,000.00  | no        |
        | costs of investigating | $10,000.00  | no        |
        | settlement costs       | $25,000.00  | no        |
      Then the action is accepted
      And the claim is notice pending
      And the deal is Repaid
      When time passes to March 6, 2000 at 16:00
      Then the claim is asserted
      When the Company disputes the claim on March 8, 2000 at 11:00
      And the Company consents in writing to the settlement of the claim on April 12, 2000 at 10:00
      And Purchaser settles the claim for $180,000.00 on April 20, 2000 at 15:00
      Then the claim is settled
      And $180,000.00 is indemnifiable on the claim
      When the Company pays $180,000.00 of indemnity on the claim on April 28, 2000 at 10:00
      Then the action is accepted
      And the claim is paid
      And $180,000.00 has been paid on the claim
      And the deal is Repaid

    Example: A misrepresentation acknowledged after the Notes are repaid is indemnified, but is no Event of Default
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And the Company has furnished every report and made every payment on time before February 2, 2000
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on March 1, 2000 at 10:00, for losses of $150,000.00
      When the Company acknowledges the claim on March 8, 2000 at 10:00
      Then the claim is acknowledged
      And $150,000.00 is indemnifiable on the claim
      And no Event of Default has occurred
      And the deal is Repaid

    Example: Purchaser's representations survive the Closing too, and found the Company's claim after repayment
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And the Company has furnished every report and made every payment on time before February 2, 2000
      When the Company claims indemnity from Purchaser under 4.1 by hand, delivered on March 1, 2000 at 10:00, for losses of $60,000.00
      Then the action is accepted
      And the claim is asserted
      And the deal is Repaid

    Example: The covenants of the Company survive the Closing, and a breach of one founds a claim after repayment
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And the Company has furnished every report and made every payment on time before February 2, 2000
      When Purchaser claims indemnity from the Company under 6.2 by hand, delivered on March 1, 2000 at 10:00, for losses of $60,000.00
      Then the action is accepted
      And the claim is asserted
      And the deal is Repaid

    Example: Before the agreement is signed nothing has been represented, and no claim lies
      Given the 1997 deal
      When Purchaser claims indemnity from the Company under 3.6 by hand, delivered on October 15, 1997 at 10:00, for losses of $150,000.00
      Then the action is refused under 8.10
      And the deal is Drafted
