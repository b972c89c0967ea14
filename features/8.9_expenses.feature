@section_8_9
Feature: 8.9 Expenses
  "The Company and Purchaser shall each bear its own expenses and legal fees
  incurred with respect to this Agreement and the transactions contemplated
  hereby; provided, however, that the Company will pay the reasonable legal
  fees and out-of-pocket expenses of Robinson, Silverman, Pearce, Aronsohn &
  Berman LLP, counsel to Purchaser". Purchaser presents those fees and
  expenses to the Company, which pays them, and no more than was presented.
  The clause sets no time for payment: ASSUMED, within 30 days of the
  presentation. Unpaid after that, they are overdue, the Company is in breach
  of its agreement in 8.9, and Purchaser may claim indemnity for it (8.10(a)).
  A presentation is of that counsel's fees "incurred by Purchaser in connection
  with the preparation, execution and delivery hereof and of the Notes": it may
  name the counsel and say when the fees were incurred; left unsaid, they are
  taken to be that counsel's, incurred before the Notes were delivered. Fees
  incurred after the Notes were delivered are not expenses under 8.9: if a
  breach caused them, they are reasonable attorneys' fees among the Damages of
  a claim under 8.10; otherwise Purchaser bears them.

  Background:
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding

  Rule: The Company pays the reasonable fees and expenses of Purchaser's counsel

    Example: Fees and expenses presented are pending, due within 30 days (ASSUMED)
      When Purchaser presents its counsel's fees and expenses of $85,000.00 on October 28, 1997 at 10:00
      Then the action is accepted
      And the expenses are pending
      And the expenses are due by November 27, 1997

    Example: The Company pays the fees and expenses presented
      Given Purchaser presents its counsel's fees and expenses of $85,000.00 on October 28, 1997 at 10:00
      When the Company pays $85,000.00 of expenses on November 10, 1997 at 10:00
      Then the action is accepted
      And the expenses are paid

    Example: The Company does not pay more than was presented
      Given Purchaser presents its counsel's fees and expenses of $85,000.00 on October 28, 1997 at 10:00
      When the Company pays $85,000.01 of expenses on November 10, 1997 at 10:00
      Then the action is refused under 8.9
      And the expenses are pending

    Example: Nothing is paid as expenses before Purchaser presents them
      When the Company pays $85,000.00 of expenses on November 10, 1997 at 10:00
      Then the action is refused under 8.9

    Example: Purchaser's counsel's fees are the Company's to pay, not Purchaser's
      Given Purchaser presents its counsel's fees and expenses of $85,000.00 on October 28, 1997 at 10:00
      When Purchaser pays $85,000.00 of expenses on November 10, 1997 at 10:00
      Then the action is refused under 8.9
      And the expenses are pending

  Rule: The Company bears its own expenses and legal fees

    Example: The Company presents no fees of its own counsel for payment
      When the Company presents its counsel's fees and expenses of $60,000.00 on October 28, 1997 at 10:00
      Then the action is refused under 8.9

  Rule: Fees and expenses unpaid after 30 days are overdue, and found a claim under 8.9 (ASSUMED)

    Example: Fees and expenses still unpaid after their last day are overdue
      Given Purchaser presents its counsel's fees and expenses of $85,000.00 on October 28, 1997 at 10:00
      When time passes to November 27, 1997 at 23:59
      Then the expenses are pending
      When time passes to November 28, 1997
      Then the expenses are overdue

    Example: Overdue fees and expenses found Purchaser's claim against the Company under 8.9
      Given Purchaser presents its counsel's fees and expenses of $85,000.00 on October 28, 1997 at 10:00
      And time passes to November 28, 1997
      When Purchaser claims indemnity from the Company under 8.9 by hand, delivered on December 1, 1997 at 10:00, for these Damages:
        | kind            | amount     | consented |
        | losses          | $85,000.00 | no        |
        | attorneys' fees | $5,000.00  | no        |
      Then the action is accepted
      And the claim is asserted
      And the claim is for $90,000.00

    Example: Before the fees and expenses are overdue, a claim under 8.9 is refused
      Given Purchaser presents its counsel's fees and expenses of $85,000.00 on October 28, 1997 at 10:00
      When Purchaser claims indemnity from the Company under 8.9 by hand, delivered on November 27, 1997 at 10:00, for losses of $85,000.00
      Then the action is refused under 8.9

    Example: Fees and expenses paid late are paid
      Given Purchaser presents its counsel's fees and expenses of $85,000.00 on October 28, 1997 at 10:00
      And time passes to November 28, 1997
      When the Company pays $85,000.00 of expenses on December 1, 1997 at 10:00
      Then the action is accepted
      And the expenses are paid

  Rule: 8.9 covers the fees of Purchaser's counsel for the preparation, execution and delivery of the Agreement and the Notes

    Example: The fees of other counsel are Purchaser's own
      When Purchaser presents the fees and expenses of Cravath, Swaine & Moore of $20,000.00 on October 28, 1997 at 10:00
      Then the action is refused under 8.9

    Example: The fees of Robinson, Silverman, Pearce, Aronsohn & Berman LLP are the Company's to pay
      When Purchaser presents the fees and expenses of Robinson, Silverman, Pearce, Aronsohn & Berman LLP of $85,000.00 on October 28, 1997 at 10:00
      Then the action is accepted
      And the expenses are pending

    Example: Fees incurred on the Closing Date, in the delivery of the Notes, are expenses under 8.9
      When Purchaser presents its counsel's fees and expenses of $85,000.00, incurred on October 27, 1997, on November 3, 1997 at 10:00
      Then the action is accepted
      And the expenses are due by December 3, 1997

    Example: Fees incurred after the Notes were delivered are not expenses under 8.9
      When Purchaser presents its counsel's fees and expenses of $30,000.00, incurred on March 9, 1998, on March 10, 1998 at 10:00
      Then the action is refused under 8.9

    Example: Fees a breach caused after the Closing are claimed as attorneys' fees under 8.10
      Given time passes to April 11, 1998
      When Purchaser claims indemnity from the Company under 6.1 by hand, delivered on April 20, 1998 at 10:00, for these Damages:
        | kind            | amount     | consented | incurred       |
        | attorneys' fees | $30,000.00 | no        | April 15, 1998 |
      Then the action is accepted
      And the claim is for $30,000.00
