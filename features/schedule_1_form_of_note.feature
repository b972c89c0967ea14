@schedule_1
Feature: Schedule 1 Form of Note (assumed terms)
  "The Notes shall be issued in substantially the form annexed hereto as SCHEDULE
  1." Schedule 1 was omitted from the filing, so every term below is ASSUMED
  (PRODUCT.md section 3), not read from the agreement: interest at 10 1/2% a
  year on the 30/360 basis, payable semi-annually on February 1 and August 1
  from February 1, 1998, accruing from the Closing Date; a payment date that is
  not a New York banking day moves to the next one, with no extra interest; all
  principal at maturity, February 1, 2000, with no prepayment unless the term
  sheet allows it (then in whole or in part, with interest accrued to the
  payment date, no premium); the next coupon may be paid before its date; and
  principal unpaid after maturity or acceleration bears interest at the note
  rate (or the term sheet's default rate) until paid, not compounded. Events of
  Default: (a) principal not paid when due; (b) interest not paid within 30 days
  after it is due, counted from the adjusted payment date; (c) a covenant of
  section 6 broken and still unremedied 30 days after written notice from
  Holders of a majority in principal; (d) a representation in section 3 untrue
  in a material respect when made; (e) bankruptcy or insolvency of the Company.
  Holders of a majority in principal may accelerate by written notice, which
  makes all principal and accrued interest due at once; (e) accelerates by
  itself. Before acceleration, an Event of Default that is cured or waived ends.

  Background:
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding

  Rule: Interest at 10 1/2% a year, 30/360, payable on February 1 and August 1, and principal at maturity (ASSUMED)

    Scenario Outline: The <payment> due on <due> is <amount>, payable on <payable>
      Then the <payment> due on <due> is <amount>, payable on <payable>

      Examples: The payment schedule of the 1997 Notes
        | payment   | due              | amount        | payable          |
        | interest  | February 1, 1998 | $205,625.00   | February 2, 1998 |
        | interest  | August 1, 1998   | $393,750.00   | August 3, 1998   |
        | interest  | February 1, 1999 | $393,750.00   | February 1, 1999 |
        | interest  | August 1, 1999   | $393,750.00   | August 2, 1999   |
        | interest  | February 1, 2000 | $393,750.00   | February 1, 2000 |
        | principal | February 1, 2000 | $7,500,000.00 | February 1, 2000 |

    Example: Interest paid on its payment date is paid, and nothing more is owed until the next
      When the Company pays interest of $205,625.00 on February 2, 1998 at 10:00
      Then the action is accepted
      And the interest due on February 1, 1998 is paid
      And the Company owes $0.00 of interest and $0.00 of principal

  Rule: Payments are made by the Company, of no more than is owed, and principal not before it is due (ASSUMED)

    Example: Each Holder receives its share of a payment by principal held
      Given the Company pays interest of $205,625.00 on February 2, 1998 at 10:00
      And Purchaser gives notice of a proposed transfer of $1,305,555.56 of Notes to Acme Bank, under Rule 144, by hand, delivered on March 2, 1998 at 10:00
      And Purchaser completes the transfer on March 3, 1998 at 10:00
      When the Company pays interest of $393,750.00 on August 3, 1998 at 10:00
      Then Acme Bank receives $68,541.66 of the interest due on August 1, 1998
      And Purchaser receives $325,208.34 of the interest due on August 1, 1998
      And Purchaser receives $205,625.00 of the interest due on February 1, 1998

    Example: No more than the next coupon is paid before it is payable
      When the Company pays interest of $205,625.01 on January 15, 1998 at 10:00
      Then the action is refused under Schedule 1

    Example: Principal is not prepaid
      Given time passes to February 2, 1998 at 09:00
      When the Company pays principal of $1,000,000.00 on February 2, 1998 at 10:00
      Then the action is refused under Schedule 1
      And the Company owes $205,625.00 of interest and $0.00 of principal

    Example: The Company does not pay more interest than is owed and the next coupon ahead of its date
      When the Company pays interest of $599,375.01 on February 2, 1998 at 10:00
      Then the action is refused under Schedule 1
      And the interest due on February 1, 1998 is pending

    Example: Interest on the Notes is paid by the Company, not by Purchaser
      When Purchaser pays interest of $205,625.00 on February 2, 1998 at 10:00
      Then the action is refused under Schedule 1
      And the interest due on February 1, 1998 is pending

  Rule: (b) Interest not paid within 30 days after it is due is an Event of Default (ASSUMED)

    Example: Interest not paid on its payment date is overdue, but not yet an Event of Default
      When time passes to February 3, 1998
      Then the interest due on February 1, 1998 is overdue
      And no Event of Default has occurred
      And the deal is Outstanding
      And the Company owes $205,625.00 of interest and $0.00 of principal

    Example: Interest payable on February 2, 1998 and still unpaid is an Event of Default from March 5, 1998 at 00:00
      When time passes to March 4, 1998 at 23:59
      Then no Event of Default has occurred
      And the deal is Outstanding
      When time passes to March 5, 1998
      Then an Event of Default under Schedule 1 (b) occurred on March 5, 1998 at 00:00
      And the deal is Default

    Example: Interest paid late, within the 30 days, is no Event of Default
      Given the Company pays interest of $205,625.00 on March 4, 1998 at 10:00
      When time passes to March 6, 1998
      Then no Event of Default has occurred
      And the deal is Outstanding

    Example: Paying the overdue interest before acceleration cures the Event of Default
      Given time passes to March 5, 1998
      When the Company pays interest of $205,625.00 on March 6, 1998 at 10:00
      Then the action is accepted
      And the Event of Default under Schedule 1 (b) is cured
      And the deal is Outstanding

    Example: Paying part of the overdue interest does not cure the Event of Default
      Given time passes to March 5, 1998
      When the Company pays interest of $100,000.00 on March 6, 1998 at 10:00
      Then the action is accepted
      And the Event of Default under Schedule 1 (b) continues
      And the deal is Default
      And the Company owes $105,625.00 of interest and $0.00 of principal

    Example: After acceleration, paying the overdue coupon does not end the default
      Given time passes to March 5, 1998
      And Purchaser gives notice of acceleration by hand, delivered on March 10, 1998 at 11:00
      When the Company pays interest of $205,625.00 on March 11, 1998 at 10:00
      Then the action is accepted
      And the Event of Default under Schedule 1 (b) continues
      And the deal is Default

  Rule: (a) Principal not paid when due is an Event of Default (ASSUMED)

    Example: Principal unpaid at the end of its payment date, February 1, 2000, is an Event of Default
      Given the Company has furnished every report and made every payment on time before February 1, 2000
      And the Company pays interest of $393,750.00 on February 1, 2000 at 10:00
      When time passes to February 1, 2000 at 23:59
      Then no Event of Default has occurred
      When time passes to February 2, 2000
      Then an Event of Default under Schedule 1 (a) occurred on February 2, 2000 at 00:00
      And the deal is Default
      And the Company owes $2,187.50 of interest and $7,500,000.00 of principal
      And $2,187.50 of default interest has accrued

    Example: Principal paid late, with its default interest, cures the default and repays the Notes
      Given the Company has furnished every report and made every payment on time before February 1, 2000
      And the Company pays interest of $393,750.00 on February 1, 2000 at 10:00
      And time passes to February 2, 2000
      When the Company pays principal of $7,500,000.00 on February 3, 2000 at 10:00
      Then the Event of Default under Schedule 1 (a) continues
      And the Company owes $4,375.00 of interest and $0.00 of principal
      When the Company pays interest of $4,375.00 on February 3, 2000 at 11:00
      Then the Event of Default under Schedule 1 (a) is cured
      And the deal is Repaid

  Rule: (c) A covenant of section 6 unremedied 30 days after written notice from Holders of a majority in principal is an Event of Default (ASSUMED)

    Example: A missed report, unremedied 30 days after Purchaser's notice, is an Event of Default
      Given time passes to November 25, 1997
      And Purchaser sends the Company a notice of covenant breach by hand, delivered on December 1, 1997 at 10:00
      When time passes to December 31, 1997 at 23:59
      Then no Event of Default has occurred
      When time passes to January 1, 1998
      Then an Event of Default under Schedule 1 (c) occurred on January 1, 1998 at 00:00
      And the deal is Default

    Example: The 30 days run from the moment the notice is effective
      Given time passes to November 25, 1997
      And Purchaser sends the Company a notice of covenant breach by registered mail, postmarked on December 1, 1997 at 10:00
      When time passes to January 5, 1998 at 23:59
      Then no Event of Default has occurred
      When time passes to January 6, 1998
      Then an Event of Default under Schedule 1 (c) occurred on January 6, 1998 at 00:00

    Example: A breach remedied within the 30 days is no Event of Default
      Given time passes to November 25, 1997
      And Purchaser sends the Company a notice of covenant breach by hand, delivered on December 1, 1997 at 10:00
      And the Company furnishes the quarterly report for the quarter ended September 30, 1997 on December 31, 1997 at 23:00
      When time passes to January 2, 1998
      Then no Event of Default has occurred
      And the deal is Outstanding

    Example: Without notice from the Holders, a breach is no Event of Default however long it lasts
      When time passes to March 1, 1998
      Then the Company is in breach of 6.1(b)
      And no Event of Default has occurred

    Example: Each breach named in the notice, still unremedied after 30 days, is its own Event of Default
      Given time passes to November 25, 1997
      And Purchaser records that the Company is in breach of 6.2(b)(iv) on November 26, 1997 at 10:00
      And Purchaser sends the Company a notice of covenant breach by hand, delivered on December 1, 1997 at 10:00
      When time passes to January 1, 1998
      Then 2 Events of Default under Schedule 1 (c) continue
      When the Company furnishes the quarterly report for the quarter ended September 30, 1997 on January 2, 1998 at 10:00
      Then one Event of Default under Schedule 1 (c) continues
      And the deal is Default
      When the Company remedies its breach of 6.2(b)(iv) on January 3, 1998 at 10:00
      Then no Event of Default continues
      And the deal is Outstanding

    Example: A notice of covenant breach from a holder of a minority in principal waits for Holders of a majority
      Given Purchaser gives notice of a proposed transfer of $5,000,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on November 3, 1997 at 10:00
      And Purchaser completes the transfer on November 3, 1997 at 11:00
      And time passes to November 25, 1997
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on December 1, 1997 at 10:00
      Then the notice of covenant breach is pending, joined by Purchaser
      When Acme Bank sends the Company a notice of covenant breach by hand, delivered on December 1, 1997 at 11:00
      Then the action is accepted
      And no act of the Holders is pending

    Example: The Company cannot give the Holders' notice of covenant breach for them
      Given time passes to November 25, 1997
      When the Company sends Purchaser a notice of covenant breach by hand, delivered on December 1, 1997 at 10:00
      Then the action is refused under Schedule 1 (c)

    Example: With no covenant broken, there is nothing to give notice of
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on November 3, 1997 at 10:00
      Then the action is refused under Schedule 1 (c)

  Rule: (d) A representation in section 3 untrue in a material respect when made is an Event of Default (ASSUMED)

    Example: A representation of the Company in section 3 admitted untrue by the Company is an Event of Default at once
      When the Company records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      Then an Event of Default under Schedule 1 (d) occurred on November 3, 1997 at 10:00
      And the deal is Default

    Example: A representation of the Company in section 3 adjudicated untrue by the court is an Event of Default at once
      When the court records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      Then an Event of Default under Schedule 1 (d) occurred on November 3, 1997 at 10:00
      And the deal is Default

    Example: Purchaser's allegation that a representation was untrue is not proof of it
      When Purchaser records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      Then the action is accepted
      And no Event of Default has occurred
      And the deal is Outstanding

    Example: Purchaser's allegation becomes an Event of Default when the Company acknowledges the claim on it
      Given Purchaser records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 4, 1997 at 10:00, for losses of $100,000.00
      When the Company acknowledges the claim on November 5, 1997 at 10:00
      Then an Event of Default under Schedule 1 (d) occurred on November 5, 1997 at 10:00
      And one Event of Default under Schedule 1 (d) continues

    Example: The same representation proved untrue twice is one Event of Default
      Given the Company records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      When the court records that the representation in 3.6 was untrue on November 4, 1997 at 10:00
      Then the action is accepted
      And one Event of Default under Schedule 1 (d) continues

    Example: Recorded untrue, then found untrue on a claim, the representation is still one Event of Default
      Given the Company records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      And Purchaser claims indemnity from the Company under 3.6 by hand, delivered on November 4, 1997 at 10:00, for losses of $100,000.00
      When the Company acknowledges the claim on November 5, 1997 at 10:00
      Then one Event of Default under Schedule 1 (d) continues

    Example: Two representations proved untrue are two Events of Default
      Given the Company records that the representation in 3.6 was untrue on November 3, 1997 at 10:00
      When the Company records that the representation in 3.9 was untrue on November 4, 1997 at 10:00
      Then 2 Events of Default under Schedule 1 (d) continue

    Example: A representation of Purchaser in section 4 recorded as untrue is no Event of Default under the Notes
      When the Company records that the representation in 4.1 was untrue on November 3, 1997 at 10:00
      Then no Event of Default has occurred
      And the deal is Outstanding

  Rule: (e) Bankruptcy or insolvency of the Company is an Event of Default, and accelerates the Notes at once (ASSUMED)

    Example: The Company's insolvency accelerates the Notes without notice
      When the court declares the Company insolvent on January 5, 1998 at 10:00
      Then an Event of Default under Schedule 1 (e) occurred on January 5, 1998 at 10:00
      And the Notes are accelerated
      And the deal is Default
      And the Company owes $148,750.00 of interest and $7,500,000.00 of principal

    Example: Only a court declares the Company insolvent
      When Purchaser declares the Company insolvent on January 5, 1998 at 10:00
      Then the action is refused under Schedule 1
      And the Notes are not accelerated

  Rule: Holders of a majority in principal may accelerate by written notice while an Event of Default continues (ASSUMED)

    Example: Acceleration by notice makes all principal and accrued interest due at once
      Given time passes to March 5, 1998
      When Purchaser gives notice of acceleration by hand, delivered on March 10, 1998 at 11:00
      Then the action is accepted
      And the Notes are accelerated
      And the Company owes $290,937.50 of interest and $7,500,000.00 of principal

    Example: Acceleration takes effect when its notice does
      Given time passes to March 5, 1998
      When Purchaser gives notice of acceleration by registered mail, postmarked on March 10, 1998 at 11:00
      Then the action is accepted
      And the Notes are not accelerated
      When time passes to March 15, 1998 at 10:59
      Then the Notes are not accelerated
      When time passes to March 15, 1998 at 11:00
      Then the Notes are accelerated
      And the Company owes $301,875.00 of interest and $7,500,000.00 of principal

    Example: The Holders of a majority in principal may accelerate, and a lawyer may ask first
      Given time passes to March 6, 1998
      Then the deal is in Default
      And Purchaser may give notice of acceleration by hand, delivered on March 10, 1998 at 11:00
      When the Holders of a majority in principal give notice of acceleration by hand, delivered on March 10, 1998 at 11:00
      Then the Notes have been accelerated

    Example: The Company cannot accelerate on behalf of the Holders, though it names Purchaser, who holds every Note
      Given time passes to March 6, 1998
      When the Company gives notice of acceleration on behalf of Purchaser by hand, delivered on March 10, 1998 at 11:00
      Then the action is refused under Schedule 1
      And the Notes are not accelerated
      When LCI gives notice of acceleration on behalf of Purchaser by hand, delivered on March 10, 1998 at 11:00
      Then the action is refused under Schedule 1
      When the court gives notice of acceleration on behalf of Purchaser by hand, delivered on March 10, 1998 at 11:00
      Then the action is refused under Schedule 1
      And the Notes are not accelerated
      And the deal is Default

    Example: Acme Bank joins the acceleration, and with Purchaser they are Holders of a majority
      Given Purchaser gives notice of a proposed transfer of $3,750,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on November 3, 1997 at 10:00
      And Purchaser completes the transfer on November 3, 1997 at 11:00
      And time passes to March 6, 1998
      When Acme Bank gives notice of acceleration on behalf of Purchaser by hand, delivered on March 10, 1998 at 10:00
      Then the action is refused under Schedule 1
      When Purchaser gives notice of acceleration by hand, delivered on March 10, 1998 at 11:00
      Then the acceleration is pending, joined by Purchaser
      And the Notes are not accelerated
      When Acme Bank joins the acceleration by hand, delivered on March 10, 1998 at 11:30
      Then the action is accepted
      And the Notes are accelerated

    Example: Without a continuing Event of Default there is nothing to accelerate
      When Purchaser gives notice of acceleration by hand, delivered on December 1, 1997 at 10:00
      Then the action is refused under Schedule 1
      And the Notes are not accelerated

    Example: An Event of Default cured before the notice of acceleration is effective leaves nothing to accelerate
      Given time passes to March 5, 1998
      And Purchaser gives notice of acceleration by registered mail, postmarked on March 10, 1998 at 11:00
      When the Company pays interest of $205,625.00 on March 11, 1998 at 10:00
      And time passes to March 16, 1998
      Then the Notes are not accelerated
      And the deal is Outstanding

  Rule: Paying all principal and interest makes the deal Repaid, and it stays Repaid (ASSUMED)

    Example: Every payment made on time repays the Notes at maturity
      Given the Company has furnished every report and made every payment on time before February 2, 2000
      Then the deal is Repaid
      And the Company owes nothing

    Example: Once repaid, the Notes stay repaid and nothing more can be paid
      Given the Company has furnished every report and made every payment on time before February 2, 2000
      When time passes to April 11, 2000
      Then the deal is Repaid
      When the Company pays interest of $1.00 on April 11, 2000 at 10:00
      Then the action is refused under Schedule 1
      And the deal is Repaid

    Example: After acceleration, paying all principal and accrued interest repays the Notes
      Given time passes to March 5, 1998
      And Purchaser gives notice of acceleration by hand, delivered on March 10, 1998 at 11:00
      When the Company pays interest of $312,812.50 on March 20, 1998 at 10:00
      And the Company pays principal of $7,500,000.00 on March 20, 1998 at 10:00
      Then the deal is Repaid
      And the Company owes nothing

    Example: Once repaid, no Event of Default can occur
      Given the Company has furnished every report and made every payment on time before February 2, 2000
      When the court declares the Company insolvent on March 1, 2000 at 10:00
      Then the action is refused under Schedule 1
      And the deal is Repaid

  Rule: The next coupon may be paid before its date, and a payment may name the coupon it pays (ASSUMED)

    Example: The coupon of Sunday, February 1, 1998 is paid on Friday, January 30
      When the Company pays interest of $205,625.00 on January 30, 1998 at 10:00
      Then the action is accepted
      And $205,625.00 of interest has been paid ahead of its date
      And the interest due on February 1, 1998 is paid
      And the Company owes $0.00 of interest and $0.00 of principal

    Example: A coupon paid early is paid: no Event of Default follows its date
      Given the Company pays interest of $205,625.00 on January 30, 1998 at 10:00
      When time passes to March 6, 1998 at 09:00
      Then no Event of Default has occurred
      And $0.00 of interest has been paid ahead of its date

    Example: A payment names the coupon it pays
      When the Company pays $205,625.00 of the interest due on February 1, 1998, on January 30, 1998 at 10:00
      Then the action is accepted
      And the interest due on February 1, 1998 is paid

    Example: Only the next coupon may be paid ahead of its date
      When the Company pays $393,750.00 of the interest due on August 1, 1998, on January 30, 1998 at 10:00
      Then the action is refused under Schedule 1

    Example: A payment that names its coupon is applied to that coupon and no other
      When the Company pays $205,625.01 of the interest due on February 1, 1998, on February 2, 1998 at 10:00
      Then the action is refused under Schedule 1

    Example: An older coupon is paid before a later one
      Given time passes to March 1, 1998 at 09:00
      When the Company pays $393,750.00 of the interest due on August 1, 1998, on March 2, 1998 at 10:00
      Then the action is refused under Schedule 1

  Rule: Principal unpaid after maturity or acceleration bears interest until it is paid, not compounded (ASSUMED)

    Example: Principal paid a year late bears a year's interest, and the Notes are repaid only when it is paid
      Given the Company has furnished every report and made every payment on time before February 1, 2000
      And the Company pays interest of $393,750.00 on February 1, 2000 at 10:00
      When time passes to February 1, 2001 at 09:00
      Then $787,500.00 of default interest has accrued
      And the Company owes $787,500.00 of interest and $7,500,000.00 of principal
      When the Company pays principal of $7,500,000.00 on February 1, 2001 at 10:00
      Then the action is accepted
      And the deal is in Default
      And the Company owes $787,500.00 of interest and $0.00 of principal
      When the Company pays interest of $787,500.00 on February 1, 2001 at 11:00
      Then the deal is Repaid
      And the Company owes nothing

    Example: After acceleration the principal bears interest from the day of the acceleration
      Given time passes to March 5, 1998 at 09:00
      And Purchaser gives notice of acceleration by hand, delivered on March 10, 1998 at 11:00
      When time passes to April 1, 1998 at 09:00
      Then $45,937.50 of default interest has accrued
      And the Company owes $336,875.00 of interest and $7,500,000.00 of principal

    Example: A term sheet may set another rate for principal unpaid after maturity
      Given the deal made from this term sheet, closed on October 27, 1997, with the Notes outstanding:
        | term               | value   |
        | notes.default_rate | "0.125" |
      And the Company has furnished every report and made every payment on time before February 1, 2000
      And the Company pays interest of $393,750.00 on February 1, 2000 at 10:00
      When time passes to August 1, 2000 at 09:00
      Then $468,750.00 of default interest has accrued

  Rule: Principal is prepaid only where the term sheet allows it, with interest accrued to the payment date and no premium (ASSUMED)

    Example: Where the term sheet allows it, part of the principal is prepaid and shared by principal held
      Given the deal made from this term sheet, closed on October 27, 1997, with the Notes outstanding:
        | term             | value |
        | notes.prepayment | true  |
      And the Company pays interest of $205,625.00 on February 2, 1998 at 10:00
      And Purchaser gives notice of a proposed transfer of $1,875,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on March 2, 1998 at 10:00
      And Purchaser completes the transfer on March 3, 1998 at 10:00
      When the Company pays principal of $2,500,000.00 on May 1, 1998 at 10:00
      Then the action is accepted
      And $5,000,000.00 of principal is outstanding
      And Acme Bank has received $625,000.00 of principal
      And Purchaser has received $1,875,000.00 of principal
      And the interest due on May 1, 1998 is $65,625.00, payable on May 1, 1998
      And the interest due on August 1, 1998 is $262,500.00, payable on August 3, 1998
      And the Company owes $65,625.00 of interest and $0.00 of principal

    Example: Prepaid in whole, the Notes are repaid once the interest accrued to the payment date is paid
      Given the deal made from this term sheet, closed on October 27, 1997, with the Notes outstanding:
        | term             | value |
        | notes.prepayment | true  |
      And the Company pays interest of $205,625.00 on February 2, 1998 at 10:00
      When the Company pays principal of $7,500,000.00 on May 1, 1998 at 10:00
      Then the action is accepted
      And the deal is Outstanding
      And the Company owes $196,875.00 of interest and $0.00 of principal
      When the Company pays interest of $196,875.00 on May 1, 1998 at 11:00
      Then the deal is Repaid

    Example: No prepayment while a coupon has been paid ahead of its date
      Given the deal made from this term sheet, closed on October 27, 1997, with the Notes outstanding:
        | term             | value |
        | notes.prepayment | true  |
      And the Company pays interest of $205,625.00 on January 30, 1998 at 10:00
      When the Company pays principal of $1,000,000.00 on January 30, 1998 at 11:00
      Then the action is refused under Schedule 1
