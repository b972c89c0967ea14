@section_8_7
Feature: 8.7 Brokers, etc.
  "The Company represents, warrants and agrees that there is no finder or
  broker or other person who would have a valid claim against either party to
  this Agreement for a commission or brokerage fee in connection with the
  transactions contemplated by this Agreement (other than the Transaction Fee
  payable by the Company) as a result of any agreement, understanding or
  action by the Company", and "Purchaser represents, warrants and agrees" the
  same of itself. Each is that party's representation, warranty and
  agreement: a broker's claim through one party founds the other's claim for
  indemnification under 8.10, and only against the party it came through.

  Background:
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding

  Rule: (a) Brokers of the Company

    Example: A broker's claim through the Company founds Purchaser's claim against the Company
      When Purchaser claims indemnity from the Company under 8.7(a) by hand, delivered on November 3, 1997 at 10:00, for these Damages:
        | kind            | amount     | consented |
        | losses          | $50,000.00 | no        |
        | attorneys' fees | $12,000.00 | no        |
      Then the action is accepted
      And the claim is asserted
      When the Company acknowledges the claim on November 10, 1997 at 10:00
      And the Company pays $62,000.00 of indemnity on the claim on November 20, 1997 at 10:00
      Then the claim is paid

    Example: The Company's representation of its own brokers founds no claim of the Company against Purchaser
      When the Company claims indemnity from Purchaser under 8.7(a) by hand, delivered on November 3, 1997 at 10:00, for losses of $50,000.00
      Then the action is refused under 8.10

    Example: A broker's claim acknowledged is no Event of Default, which section 3 alone founds (Schedule 1 (d), ASSUMED)
      Given Purchaser claims indemnity from the Company under 8.7(a) by hand, delivered on November 3, 1997 at 10:00, for losses of $50,000.00
      When the Company acknowledges the claim on November 10, 1997 at 10:00
      Then the claim is acknowledged
      And no Event of Default has occurred
      And the deal is Outstanding

  Rule: (b) Brokers of Purchaser

    Example: A broker's claim through Purchaser founds the Company's claim against Purchaser
      When the Company claims indemnity from Purchaser under 8.7(b) by hand, delivered on November 3, 1997 at 10:00, for losses of $50,000.00
      Then the action is accepted
      And the claim is asserted
      When Purchaser acknowledges the claim on November 10, 1997 at 10:00
      Then the claim is acknowledged
      And $50,000.00 is indemnifiable on the claim

    Example: Purchaser's representation of its own brokers founds no claim of Purchaser against the Company
      When Purchaser claims indemnity from the Company under 8.7(b) by hand, delivered on November 3, 1997 at 10:00, for losses of $50,000.00
      Then the action is refused under 8.10
