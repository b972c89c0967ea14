@section_5_1
Feature: 5.1 Conditions to Obligations of Purchaser
  Purchaser's obligations are subject to each condition below, and Purchaser
  alone may give one up:
  "The obligations of Purchaser under this Agreement are, at the option of
  Purchaser, subject to the fulfillment of each of the following conditions:"

  Where an example says that every other condition of 5.1 and 5.2 is met, every
  condition the Closing needs is met except those the example itself names.

  Background:
    Given the 1997 deal, signed by the Company and the Purchaser

  Example: With every condition met, the Closing is held on the Closing Date
    Given every condition of 5.1 and 5.2 is met
    When the Company closes on October 27, 1997 at 10:00
    Then the deal is Closed

  Example: A deal whose conditions are never met stays ConditionsPending and says what is missing
    When time passes to November 28, 1997
    Then the deal is ConditionsPending
    And the deal still needs 5.1(b)
    And the deal still needs 5.1(d)
    And the deal still needs 5.1(f)

  Rule: (a) Representations, Etc.

    Example: The Company's representations stand unless one is recorded as untrue
      Then condition 5.1(a) is satisfied

    Example: An untrue representation of the Company stops the Closing
      Given every other condition of 5.1 and 5.2 is met
      And Purchaser records that the representation in 3.6 was untrue on October 24, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then the action is refused under 5.1(a)
      And condition 5.1(a) is pending
      And the deal is ConditionsPending

    Example: Purchaser may waive an untrue representation of the Company and close
      Given every other condition of 5.1 and 5.2 is met
      And Purchaser records that the representation in 3.6 was untrue on October 24, 1997 at 09:00
      And Purchaser waives condition 5.1(a) on October 24, 1997 at 10:00
      When the Company closes on October 27, 1997 at 10:00
      Then the deal is Closed
      And condition 5.1(a) is waived

    Example: An untrue representation of Purchaser does not fail Purchaser's condition 5.1(a)
      When the Company records that the representation in 4.1 was untrue on October 24, 1997 at 09:00
      Then condition 5.1(a) is satisfied
      And condition 5.2(a) is pending

    Example: Only Purchaser may waive condition 5.1(a)
      Given Purchaser records that the representation in 3.6 was untrue on October 24, 1997 at 09:00
      When the Company waives condition 5.1(a) on October 24, 1997 at 10:00
      Then the action is refused under 5.1
      And condition 5.1(a) is pending

    Example: Only a representation or warranty can be recorded as untrue
      When Purchaser records that the representation in 2.1 was untrue on October 24, 1997 at 09:00
      Then the action is rejected as invalid
      And condition 5.1(a) is satisfied

    Example: Purchaser's waiver of 5.1(a) does not cover a representation recorded untrue after it
      The representations are "deemed to be made again on and as of the Closing Date and
      shall then be true": a waiver covers what was recorded against them when it was given.
      Given every other condition of 5.1 and 5.2 is met
      And Purchaser waives condition 5.1(a) on October 24, 1997 at 09:00
      And Purchaser records that the representation in 3.6 was untrue on October 24, 1997 at 10:00
      When the Company closes on October 27, 1997 at 10:00
      Then the action is refused under 5.1(a)
      And condition 5.1(a) is pending

    Example: A new waiver of 5.1(a), given after the representation is recorded untrue, lets the Closing proceed
      Given every other condition of 5.1 and 5.2 is met
      And Purchaser waives condition 5.1(a) on October 24, 1997 at 09:00
      And Purchaser records that the representation in 3.6 was untrue on October 24, 1997 at 10:00
      And Purchaser waives condition 5.1(a) on October 24, 1997 at 11:00
      When the Company closes on October 27, 1997 at 10:00
      Then the deal is Closed
      And condition 5.1(a) is waived

  Rule: (b) Officer's Certificate

    Example: The Closing waits for the Company's officer's certificate
      Given every other condition of 5.1 and 5.2 is met
      When the Company closes on October 27, 1997 at 10:00
      Then the action is refused under 5.1(b)
      And the deal still needs 5.1(b)
      And the deal is ConditionsPending

    Example: The Company's officer's certificate meets condition 5.1(b)
      Given every other condition of 5.1 and 5.2 is met
      And the Company delivers its officer's certificate on October 27, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then condition 5.1(b) is satisfied
      And the deal is Closed

    Example: Purchaser cannot deliver the Company's certificate
      When Purchaser satisfies condition 5.1(b) on October 24, 1997 at 09:00
      Then the action is refused under 5.1(b)
      And condition 5.1(b) is pending

    Example: Purchaser may waive the officer's certificate and close
      Given every other condition of 5.1 and 5.2 is met
      And Purchaser waives condition 5.1(b) on October 24, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then condition 5.1(b) is waived
      And the deal is Closed

    Example: Only Purchaser may waive condition 5.1(b)
      When the Company waives condition 5.1(b) on October 24, 1997 at 09:00
      Then the action is refused under 5.1
      And condition 5.1(b) is pending

    Example: The officer's certificate is dated the Closing Date: one delivered before it does not meet condition 5.1(b)
      Given every other condition of 5.1 and 5.2 is met
      When the Company delivers its officer's certificate on October 24, 1997 at 09:00
      Then the action is refused under 5.1(b)
      And condition 5.1(b) is pending

    Example: A certificate delivered for a Closing Date later moved does not serve the new date
      Given every other condition of 5.1 and 5.2 is met
      And the Company delivers its officer's certificate on October 27, 1997 at 09:00
      And the Company and Purchaser agree in writing, signed by both, on October 27, 1997 at 09:30, to move the Closing Date to October 29, 1997
      When the Company closes on October 29, 1997 at 10:00
      Then the action is refused under 5.1(b)
      And condition 5.1(b) is pending
      And the deal still needs 5.1(b)

    Example: A certificate dated the new Closing Date meets condition 5.1(b)
      Given every other condition of 5.1 and 5.2 is met
      And the Company delivers its officer's certificate on October 27, 1997 at 09:00
      And the Company and Purchaser agree in writing, signed by both, on October 27, 1997 at 09:30, to move the Closing Date to October 29, 1997
      And the Company delivers its officer's certificate on October 29, 1997 at 09:00
      When the Company closes on October 29, 1997 at 10:00
      Then the deal is Closed
      And condition 5.1(b) is satisfied

  Rule: (c) Notes; Guarantee

    Example: The Closing does not wait for the Notes and the Guarantee, which are delivered at it
      Given every condition of 5.1 and 5.2 is met
      When the Company closes on October 27, 1997 at 10:00
      Then the deal is Closed
      And condition 5.1(c) is pending

    Example: The Notes and LCI's Guarantee together meet condition 5.1(c)
      Given every other condition of 5.1 and 5.2 is met
      And the Company closes on October 27, 1997 at 10:00
      When the Company delivers the Notes in these denominations on October 27, 1997 at 11:00
        | denomination  |
        | $7,500,000.00 |
      And LCI delivers the Guarantee on October 27, 1997 at 11:00
      Then condition 5.1(c) is satisfied

    Example: The Notes without LCI's Guarantee do not meet condition 5.1(c)
      Given every other condition of 5.1 and 5.2 is met
      And the Company closes on October 27, 1997 at 10:00
      When the Company delivers the Notes in these denominations on October 27, 1997 at 11:00
        | denomination  |
        | $7,500,000.00 |
      Then condition 5.1(c) is pending
      And the deal still needs 5.1(c)

    Example: Condition 5.1(c) is the sale itself and cannot be waived
      When Purchaser waives condition 5.1(c) on October 24, 1997 at 09:00
      Then the action is refused under 1.2
      And condition 5.1(c) is pending

    Example: The Company cannot waive condition 5.1(c) either
      When the Company waives condition 5.1(c) on October 24, 1997 at 09:00
      Then the action is refused under 5.1
      And the action is refused under 1.2

  Rule: (d) Opinion of Counsel

    Example: The Closing waits for the opinion of the Company's counsel
      Given every other condition of 5.1 and 5.2 is met
      When the Company closes on October 27, 1997 at 10:00
      Then the action is refused under 5.1(d)
      And the deal is ConditionsPending

    Example: The opinion of counsel, once delivered, lets the Closing proceed
      Given every other condition of 5.1 and 5.2 is met
      And the Company delivers the opinion of counsel on October 24, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then condition 5.1(d) is satisfied
      And the deal is Closed

    Example: The opinion comes from the Company's counsel, not from Purchaser
      When Purchaser delivers the opinion of counsel on October 24, 1997 at 09:00
      Then the action is refused under 5.1(d)

    Example: Purchaser may waive the opinion and close
      Given every other condition of 5.1 and 5.2 is met
      And Purchaser waives condition 5.1(d) on October 24, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then the deal is Closed

    Example: Only Purchaser may waive condition 5.1(d)
      When the Company waives condition 5.1(d) on October 24, 1997 at 09:00
      Then the action is refused under 5.1

  Rule: (e) Proceedings

    Example: A pending proceeding to enjoin the sale stops the Closing
      Given every other condition of 5.1 and 5.2 is met
      And the court records a proceeding seeking to enjoin the sale of the Notes on October 24, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then the action is refused under 5.1(e)
      And condition 5.1(e) is pending
      And the deal is ConditionsPending

    Example: Once the proceeding is no longer pending, the Closing proceeds
      Given every other condition of 5.1 and 5.2 is met
      And the court records a proceeding seeking to enjoin the sale of the Notes on October 24, 1997 at 09:00
      And the court records the proceeding as resolved on October 25, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then condition 5.1(e) is satisfied
      And the deal is Closed

    Example: Purchaser's waiver of 5.1(e) does not waive the Company's own condition 5.2(d)
      Given every other condition of 5.1 and 5.2 is met
      And the court records a proceeding seeking to enjoin the sale of the Notes on October 24, 1997 at 09:00
      And Purchaser waives condition 5.1(e) on October 24, 1997 at 10:00
      When the Company closes on October 27, 1997 at 10:00
      Then the action is refused under 5.2(d)
      And condition 5.1(e) is waived

    Example: Only Purchaser may waive condition 5.1(e)
      Given the court records a proceeding seeking to enjoin the sale of the Notes on October 24, 1997 at 09:00
      When the Company waives condition 5.1(e) on October 24, 1997 at 10:00
      Then the action is refused under 5.1

    Example: A proceeding recorded by the court is resolved by the court, not by the Company
      Given every other condition of 5.1 and 5.2 is met
      And the court records a proceeding seeking to enjoin the sale of the Notes on October 27, 1997 at 09:00
      When the Company records the proceeding as resolved on October 27, 1997 at 09:05
      Then the action is refused under 5.1(e)
      When the Company closes on October 27, 1997 at 09:06
      Then the action is refused under 5.1(e)
      And the deal is ConditionsPending

    Example: A threatened proceeding Purchaser recorded is resolved by Purchaser or the court, not by the Company
      Given every other condition of 5.1 and 5.2 is met
      And Purchaser records a proceeding threatened to enjoin the sale of the Notes on October 24, 1997 at 09:00
      When the Company records the proceeding as resolved on October 24, 1997 at 10:00
      Then the action is refused under 5.1(e)
      When Purchaser records the proceeding as resolved on October 24, 1997 at 11:00
      Then the action is accepted
      And condition 5.1(e) is satisfied

  Rule: (f) Consents

    Example: The Closing waits for the consents of third parties
      Given every other condition of 5.1 and 5.2 is met
      When the Company closes on October 27, 1997 at 10:00
      Then the action is refused under 5.1(f)
      And the deal is ConditionsPending

    Example: Either party may deliver the consents of third parties
      When Purchaser satisfies condition 5.1(f) on October 24, 1997 at 09:00
      Then the action is accepted
      And condition 5.1(f) is satisfied

    Example: The consents of third parties meet both 5.1(f) and 5.2(e), and the Closing proceeds
      Given every other condition of 5.1 and 5.2 is met
      And the Company delivers the consents of third parties on October 24, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then condition 5.1(f) is satisfied
      And condition 5.2(e) is satisfied
      And the deal is Closed

    Example: Purchaser may waive the consents and close
      Given every other condition of 5.1 and 5.2 is met
      And Purchaser waives condition 5.1(f) on October 24, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then the deal is Closed

    Example: Only Purchaser may waive condition 5.1(f)
      When the Company waives condition 5.1(f) on October 24, 1997 at 09:00
      Then the action is refused under 5.1

  Rule: (g) Transaction Fee

    Example: The Closing does not wait for the Transaction Fee, which is paid at it
      Given every condition of 5.1 and 5.2 is met
      When the Company closes on October 27, 1997 at 10:00
      Then the deal is Closed
      And condition 5.1(g) is pending

    Example: Payment of the Transaction Fee meets condition 5.1(g)
      Given every other condition of 5.1 and 5.2 is met
      And the Company closes on October 27, 1997 at 10:00
      When the Company pays the Transaction Fee of $75,000.00 on October 27, 1997 at 11:00
      Then condition 5.1(g) is satisfied

    Example: If Purchaser waives the Transaction Fee, settlement is complete without it
      Given every other condition of 5.1 and 5.2 is met
      And Purchaser waives condition 5.1(g) on October 24, 1997 at 09:00
      And the Company closes on October 27, 1997 at 10:00
      And the Company delivers the Notes in these denominations on October 27, 1997 at 11:00
        | denomination  |
        | $7,500,000.00 |
      And LCI delivers the Guarantee on October 27, 1997 at 11:00
      When Purchaser pays the Purchase Price of $7,500,000.00 on October 27, 1997 at 11:00
      Then the deal is Outstanding
      And condition 5.1(g) is waived
      And the Transaction Fee is pending

    Example: Waiving 5.1(g) does not cancel the Company's covenant in 2.2 to pay the Transaction Fee
      Given every other condition of 5.1 and 5.2 is met
      And Purchaser waives condition 5.1(g) on October 24, 1997 at 09:00
      And the Company closes on October 27, 1997 at 10:00
      And the Company delivers the Notes in these denominations on October 27, 1997 at 11:00
        | denomination  |
        | $7,500,000.00 |
      And LCI delivers the Guarantee on October 27, 1997 at 11:00
      And Purchaser pays the Purchase Price of $7,500,000.00 on October 27, 1997 at 11:00
      When time passes to October 28, 1997
      Then the deal is Outstanding
      And the Transaction Fee is overdue
      When the Company pays the Transaction Fee of $75,000.00 on November 3, 1997 at 10:00
      Then the action is accepted
      And the Transaction Fee is paid
      And condition 5.1(g) is waived

    Example: Only Purchaser may waive condition 5.1(g)
      When the Company waives condition 5.1(g) on October 24, 1997 at 09:00
      Then the action is refused under 5.1

  Rule: (h) Other Instruments

    Example: An instrument Purchaser requested and has not received stops the Closing
      Given every other condition of 5.1 and 5.2 is met
      And Purchaser requests a certificate of good standing of the Company on October 22, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then the action is refused under 5.1(h)
      And condition 5.1(h) is pending

    Example: Once the Company delivers the requested instrument, the Closing proceeds
      Given every other condition of 5.1 and 5.2 is met
      And Purchaser requests a certificate of good standing of the Company on October 22, 1997 at 09:00
      And the Company delivers the requested instrument on October 23, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then condition 5.1(h) is satisfied
      And the deal is Closed

    Example: The instrument Purchaser requested is delivered by the Company, not by Purchaser
      Given Purchaser requests a certificate of good standing of the Company on October 22, 1997 at 09:00
      When Purchaser delivers the requested instrument on October 23, 1997 at 09:00
      Then the action is refused under 5.1(h)
      And condition 5.1(h) is pending

    Example: Purchaser may waive the instruments it requested and close
      Given every other condition of 5.1 and 5.2 is met
      And Purchaser requests a certificate of good standing of the Company on October 22, 1997 at 09:00
      And Purchaser waives condition 5.1(h) on October 24, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then the deal is Closed

    Example: Only Purchaser may waive condition 5.1(h)
      Given Purchaser requests a certificate of good standing of the Company on October 22, 1997 at 09:00
      When the Company waives condition 5.1(h) on October 24, 1997 at 09:00
      Then the action is refused under 5.1
