@section_8_10
Feature: 8.10 Indemnification
  "The Company shall indemnify, defend and hold Purchaser harmless against all
  liability, losses, damages, claims, actions, suits, proceedings, judgments,
  costs and expenses of any nature whatsoever", including "reasonable
  attorneys' fees, settlement costs incurred with the prior written consent of
  the indemnifying party", arising from "any misrepresentation or breach of
  warranty or agreement of the Company contained in this Agreement or in any
  certificate delivered by the Company at the Closing pursuant to this
  Agreement"; and "Purchaser shall indemnify, defend and hold the Company
  harmless against all Damages incurred by the Company". A claim is made by
  notice under 8.5 that names the section broken and lists the Damages; it is
  asserted when the notice takes effect. The indemnifying party acknowledges
  or disputes it; a court may decide it; the claimant may withdraw it until
  something is paid on it. A settlement is an agreement of both sides: the
  claimant settles a claim with the indemnifying party's written consent to
  settle (for up to the amount it names), or alone only a claim the
  indemnifying party acknowledged. What is indemnifiable is, once
  acknowledged, every item of Damages that counts; once settled by both, the
  settlement; settled by the claimant alone, the settlement up to the Damages
  that count; once decided, the amount the court awards. Settlement costs
  count only when incurred with the indemnifying party's prior written
  consent: the claim says so of them (its column consented), or they were incurred
  (when the claim says, or else when it is made) after the indemnifying
  party's written consent. A consent given after they were incurred is not
  prior, and never makes them count.

  Rule: (a) The Company indemnifies Purchaser against Damages from a misrepresentation or breach of the Company

    Example: A claim sent by registered mail is pending until five days after the postmark, then asserted
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      When Purchaser claims indemnity from the Company under 3.6 by registered mail, postmarked on November 3, 1997 at 16:00, for these Damages:
        | kind            | amount      | consented |
        | losses          | $150,000.00 | no        |
        | attorneys' fees | $40,000.00  | no        |
      Then the action is accepted
      And the claim is notice pending
      And the claim is for $190,000.00
      When time passes to November 8, 1997 at 15:59
      Then the claim is notice pending
      When time passes to November 8, 1997 at 16:00
      Then the claim is asserted
      And the notice takes effect on November 8, 1997 at 16:00

    Example: An acknowledged claim makes every item of Damages that counts indemnifiable
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for these Damages:
        | kind                   | amount      | consented |
        | losses                 | $150,000.00 | no        |
        | attorneys' fees        | $40,000.00  | no        |
        | costs of investigating | $10,000.00  | no        |
        | settlement costs       | $25,000.00  | yes       |
        | settlement costs       | $5,000.00   | no        |
      When the Company acknowledges the claim on November 10, 1997 at 10:00
      Then the claim is acknowledged
      And the claim is for $230,000.00
      And $225,000.00 is indemnifiable on the claim

    Example: Nothing is indemnifiable on a claim the Company disputes, so nothing is paid on it
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      And the Company disputes the claim on November 10, 1997 at 10:00
      When the Company pays $150,000.00 of indemnity on the claim on November 11, 1997 at 10:00
      Then the action is refused under 8.10
      And the claim is disputed
      And $0.00 is indemnifiable on the claim

    Example: A disputed claim that the court adjudicates for an amount is indemnifiable for that amount, and the Company pays it
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for these Damages:
        | kind            | amount      | consented |
        | losses          | $150,000.00 | no        |
        | attorneys' fees | $40,000.00  | no        |
      And the Company disputes the claim on November 10, 1997 at 10:00
      When the court adjudicates the claim for $120,000.00 on January 12, 1998 at 10:00
      Then the claim is adjudicated
      And $120,000.00 is indemnifiable on the claim
      When the Company pays $120,000.00 of indemnity on the claim on January 20, 1998 at 10:00
      Then the action is accepted
      And the claim is paid
      And $120,000.00 has been paid on the claim

    Example: The court awards no more than the Damages that count
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for these Damages:
        | kind             | amount      | consented |
        | losses           | $150,000.00 | no        |
        | settlement costs | $25,000.00  | no        |
      And the Company disputes the claim on November 10, 1997 at 10:00
      When the court adjudicates the claim for $175,000.00 on January 12, 1998 at 10:00
      Then the action is refused under 8.10
      And the claim is disputed

    Example: A claim that fails in court is indemnified with nothing, and a payment on it is refused
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      And the Company disputes the claim on November 10, 1997 at 10:00
      When the court finds against the claim on January 12, 1998 at 10:00
      Then the claim is failed
      And $0.00 is indemnifiable on the claim
      When the Company pays $1,000.00 of indemnity on the claim on January 20, 1998 at 10:00
      Then the action is refused under 8.10
      And $0.00 has been paid on the claim

    Example: Settlement costs incurred without the Company's prior written consent do not count
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for these Damages:
        | kind                   | amount      | consented |
        | losses                 | $150,000.00 | no        |
        | attorneys' fees        | $40,000.00  | no        |
        | costs of investigating | $10,000.00  | no        |
        | settlement costs       | $25,000.00  | no        |
      And the Company acknowledges the claim on November 10, 1997 at 10:00
      When Purchaser settles the claim for $225,000.00 on December 8, 1997 at 10:00
      Then the claim is settled
      And $200,000.00 is indemnifiable on the claim

    Example: Settlement costs incurred after the Company's written consent count
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for these Damages:
        | kind             | amount      | consented | incurred         |
        | losses           | $150,000.00 | no        |                  |
        | settlement costs | $25,000.00  | no        | December 8, 1997 |
      And the Company consents in writing to the settlement of the claim on December 1, 1997 at 10:00
      When the Company acknowledges the claim on December 10, 1997 at 10:00
      Then $175,000.00 is indemnifiable on the claim

    Example: A consent given after the settlement costs were incurred never makes them count
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for these Damages:
        | kind             | amount      | consented | incurred                      |
        | losses           | $150,000.00 | no        |                               |
        | settlement costs | $25,000.00  | no        | November 20, 1997 at 10:00    |
      And the Company consents in writing to the settlement of the claim on December 1, 1997 at 10:00
      When the Company acknowledges the claim on December 10, 1997 at 10:00
      Then $150,000.00 is indemnifiable on the claim

    Example: Settlement costs the claim says were incurred with the Company's prior written consent count
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for these Damages:
        | kind             | amount      | consented |
        | losses           | $150,000.00 | no        |
        | settlement costs | $25,000.00  | yes       |
      When the Company acknowledges the claim on November 10, 1997 at 10:00
      Then $175,000.00 is indemnifiable on the claim

    Example: A settlement is an agreement of both sides: Purchaser alone cannot settle a claim the Company disputes
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      And the Company disputes the claim on November 10, 1997 at 10:00
      When Purchaser settles the claim for $100,000.00 on December 8, 1997 at 10:00
      Then the action is refused under 8.10
      And the claim is disputed
      And $0.00 is indemnifiable on the claim

    Example: With the Company's written consent to settle, Purchaser settles the disputed claim and the settlement is owed
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      And the Company disputes the claim on November 10, 1997 at 10:00
      And the Company consents in writing to the settlement of the claim for up to $100,000.00 on December 1, 1997 at 10:00
      When Purchaser settles the claim for $100,000.00 on December 8, 1997 at 10:00
      Then the claim is settled
      And $100,000.00 is indemnifiable on the claim
      When the Company pays $100,000.00 of indemnity on the claim on December 15, 1997 at 10:00
      Then the claim is paid

    Example: Purchaser cannot settle for more than the Company consented to
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      And the Company disputes the claim on November 10, 1997 at 10:00
      And the Company consents in writing to the settlement of the claim for up to $100,000.00 on December 1, 1997 at 10:00
      When Purchaser settles the claim for $120,000.00 on December 8, 1997 at 10:00
      Then the action is refused under 8.10
      And the claim is disputed

    Example: A consent after the settlement comes too late to be given
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for these Damages:
        | kind             | amount      | consented |
        | losses           | $150,000.00 | no        |
        | settlement costs | $25,000.00  | no        |
      And the Company acknowledges the claim on November 10, 1997 at 10:00
      And Purchaser settles the claim for $175,000.00 on December 8, 1997 at 10:00
      When the Company consents in writing to the settlement of the claim on December 9, 1997 at 10:00
      Then the action is refused under 8.10
      And $150,000.00 is indemnifiable on the claim

    Example: Only the Company, the indemnifying party, consents to the settlement of Purchaser's claim
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      When Purchaser consents in writing to the settlement of the claim on December 1, 1997 at 10:00
      Then the action is refused under 8.10

    Example: Only the Company, the indemnifying party, answers Purchaser's claim
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      When Purchaser acknowledges the claim on November 10, 1997 at 10:00
      Then the action is refused under 8.10
      And the claim is asserted

    Example: Purchaser may withdraw its claim before anything is paid on it
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      And the Company acknowledges the claim on November 10, 1997 at 10:00
      When Purchaser withdraws the claim on November 12, 1997 at 10:00
      Then the action is accepted
      And the claim is withdrawn
      And $0.00 is indemnifiable on the claim

    Example: Purchaser may not withdraw its claim once something is paid on it
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      And the Company acknowledges the claim on November 10, 1997 at 10:00
      And the Company pays $50,000.00 of indemnity on the claim on November 20, 1997 at 10:00
      When Purchaser withdraws the claim on November 21, 1997 at 10:00
      Then the action is refused under 8.10
      And the claim is acknowledged
      And $50,000.00 has been paid on the claim

    Example: Only the Company, the indemnifying party, pays the indemnity
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      And the Company acknowledges the claim on November 10, 1997 at 10:00
      When Purchaser pays $150,000.00 of indemnity on the claim on November 20, 1997 at 10:00
      Then the action is refused under 8.10
      And $0.00 has been paid on the claim

    Example: The Company never pays more than is indemnifiable and not yet paid
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      And the Company acknowledges the claim on November 10, 1997 at 10:00
      And the Company pays $100,000.00 of indemnity on the claim on November 20, 1997 at 10:00
      When the Company pays $50,000.01 of indemnity on the claim on November 21, 1997 at 10:00
      Then the action is refused under 8.10
      And $100,000.00 has been paid on the claim
      When the Company pays $50,000.00 of indemnity on the claim on November 21, 1997 at 10:00
      Then the claim is paid
      And $150,000.00 has been paid on the claim

    Example: A claim lies on the officer's certificate the Company delivered at the Closing
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      When Purchaser claims indemnity from the Company under 5.1(b) by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      Then the action is accepted
      And the claim is asserted

    Example: No claim lies on an officer's certificate the Company has not delivered
      Given the 1997 deal, signed by the Company and the Purchaser
      When Purchaser claims indemnity from the Company under 5.1(b) by hand, delivered on October 22, 1997 at 10:00, for losses of $150,000.00
      Then the action is refused under 8.10

    Example: LCI, the guarantor, gives no indemnity under 8.10
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      When Purchaser claims indemnity from LCI under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      Then the action is refused under 8.10

    Example: A section that holds no representation, warranty or agreement, such as 8.11 Titles, founds no claim
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      When Purchaser claims indemnity from the Company under 8.11 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      Then the action is refused under 8.10

    Example: Purchaser's own representation in 4.1 founds no claim against the Company
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      When Purchaser claims indemnity from the Company under 4.1 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      Then the action is refused under 8.10

    Example: A claim sent by e-mail is not asserted, and the Company cannot answer it
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      When Purchaser claims indemnity from the Company under 3.6 by e-mail on November 3, 1997 at 10:00, for losses of $150,000.00
      Then the claim is not asserted
      And the notice has no effect
      When the Company acknowledges the claim on November 10, 1997 at 10:00
      Then the action is refused under 8.10
      And $0.00 is indemnifiable on the claim

    Example: The Company's agreement in 7.2(b) to "issue an instrument without such legend" founds a claim
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      When Purchaser claims indemnity from the Company under 7.2(b) by hand, delivered on November 3, 1997 at 10:00, for losses of $50,000.00
      Then the action is accepted
      And the claim is asserted

    Example: The Company's agreement in 2.1 that the Closing "shall be held" on the Closing Date founds a claim
      Given the 1997 deal, signed by the Company and the Purchaser
      When Purchaser claims indemnity from the Company under 2.1 by hand, delivered on October 28, 1997 at 10:00, for losses of $50,000.00
      Then the action is accepted
      And the claim is asserted

    Example: 8.6, which binds no party to act, founds no claim
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      When Purchaser claims indemnity from the Company under 8.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $50,000.00
      Then the action is refused under 8.10

  Rule: (b) Purchaser indemnifies the Company against Damages from a misrepresentation or breach of Purchaser

    Example: The Company claims on Purchaser's representation in 4.1, and Purchaser acknowledges and pays
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      When the Company claims indemnity from Purchaser under 4.1 by hand, delivered on November 3, 1997 at 10:00, for these Damages:
        | kind            | amount     | consented |
        | losses          | $60,000.00 | no        |
        | attorneys' fees | $15,000.00 | no        |
      Then the claim is asserted
      When Purchaser acknowledges the claim on November 10, 1997 at 10:00
      Then $75,000.00 is indemnifiable on the claim
      When Purchaser pays $75,000.00 of indemnity on the claim on November 20, 1997 at 10:00
      Then the claim is paid
      And the deal is Outstanding

    Example: The Company claims on Purchaser's representation in 8.7(b) that no broker has a claim
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      When the Company claims indemnity from Purchaser under 8.7(b) by hand, delivered on November 3, 1997 at 10:00, for losses of $40,000.00
      Then the action is accepted
      And the claim is asserted

    Example: A claim lies on the certificate Purchaser delivered at the Closing
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      When the Company claims indemnity from Purchaser under 5.2(b) by hand, delivered on November 3, 1997 at 10:00, for losses of $40,000.00
      Then the claim is asserted

    Example: The Company's own representation in 3.6 founds no claim against Purchaser
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      When the Company claims indemnity from Purchaser under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $40,000.00
      Then the action is refused under 8.10

    Example: Only Purchaser, the indemnifying party, pays the Company's claim
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And the Company claims indemnity from Purchaser under 4.1 by hand, delivered on November 3, 1997 at 10:00, for losses of $60,000.00
      And Purchaser acknowledges the claim on November 10, 1997 at 10:00
      When the Company pays $60,000.00 of indemnity on the claim on November 20, 1997 at 10:00
      Then the action is refused under 8.10
      And the claim is acknowledged

    Example: Purchaser's agreement in 7.3 "to comply in all respects" founds the Company's claim
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      When the Company claims indemnity from Purchaser under 7.3 by hand, delivered on November 3, 1997 at 10:00, for losses of $40,000.00
      Then the action is accepted
      And the claim is asserted

    Example: Purchaser's agreement in 8.9 to "bear its own expenses and legal fees" founds the Company's claim
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      When the Company claims indemnity from Purchaser under 8.9 by hand, delivered on November 3, 1997 at 10:00, for losses of $40,000.00
      Then the action is accepted

  Rule: A representation of section 3 found untrue on a claim while the Notes are outstanding is an Event of Default (Schedule 1 (d), ASSUMED)

    Example: The Company acknowledging a claim on a representation of section 3 is an Event of Default
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      When the Company acknowledges the claim on November 10, 1997 at 10:00
      Then an Event of Default under Schedule 1 (d) occurred on November 10, 1997 at 10:00
      And the deal is Default

    Example: A claim on a representation of section 3 adjudicated for an amount is an Event of Default
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      And the Company disputes the claim on November 10, 1997 at 10:00
      When the court adjudicates the claim for $120,000.00 on January 12, 1998 at 10:00
      Then an Event of Default under Schedule 1 (d) occurred on January 12, 1998 at 10:00
      And the deal is Default

    Example: A claim on a representation of section 3 that fails in court makes no Event of Default
      Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 3, 1997 at 10:00, for losses of $150,000.00
      And the Company disputes the claim on November 10, 1997 at 10:00
      When the court finds against the claim on January 12, 1998 at 10:00
      Then no Event of Default has occurred
      And the deal is Outstanding

  Rule: A representation of section 3 the Company acknowledges untrue before the Closing fails condition 5.1(a)

    Example: The Closing waits when the Company has acknowledged a claim on a representation of section 3
      Given the 1997 deal, signed by the Company and the Purchaser
      And every other condition of 5.1 and 5.2 is met
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on October 22, 1997 at 10:00, for losses of $150,000.00
      And the Company acknowledges the claim on October 23, 1997 at 10:00
      When the Company closes on October 27, 1997 at 10:00
      Then the action is refused under 5.1(a)
      And condition 5.1(a) is pending
      And the deal is ConditionsPending
