@section_5_2
Feature: 5.2 Conditions to Obligations of the Company
  The Company's obligations are subject to each condition below, and the Company
  alone may give one up:
  "The obligations of the Company under this Agreement are, at the option of the
  Company, subject to the fulfillment of each of the following conditions:"

  Where an example says that every other condition of 5.1 and 5.2 is met, every
  condition the Closing needs is met except those the example itself names.

  Background:
    Given the 1997 deal, signed by the Company and the Purchaser

  Example: A deal whose conditions are never met says what the Company is still owed
    When time passes to November 28, 1997
    Then the deal is ConditionsPending
    And the deal still needs 5.2(b)
    And the deal still needs 5.2(e)

  Rule: (a) Representations, Etc.

    Example: Purchaser's representations stand unless one is recorded as untrue
      Then condition 5.2(a) is satisfied

    Example: An untrue representation of Purchaser stops the Closing
      Given every other condition of 5.1 and 5.2 is met
      And the Company records that the representation in 4.1 was untrue on October 24, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then the action is refused under 5.2(a)
      And condition 5.2(a) is pending
      And the deal is ConditionsPending

    Example: The Company may waive an untrue representation of Purchaser and close
      Given every other condition of 5.1 and 5.2 is met
      And the Company records that the representation in 4.1 was untrue on October 24, 1997 at 09:00
      And the Company waives condition 5.2(a) on October 24, 1997 at 10:00
      When Purchaser closes on October 27, 1997 at 10:00
      Then the deal is Closed
      And condition 5.2(a) is waived

    Example: An untrue representation of the Company does not fail the Company's condition 5.2(a)
      When Purchaser records that the representation in 3.6 was untrue on October 24, 1997 at 09:00
      Then condition 5.2(a) is satisfied
      And condition 5.1(a) is pending

    Example: Only the Company may waive condition 5.2(a)
      Given the Company records that the representation in 4.1 was untrue on October 24, 1997 at 09:00
      When Purchaser waives condition 5.2(a) on October 24, 1997 at 10:00
      Then the action is refused under 5.2
      And condition 5.2(a) is pending

    Example: The Company's waiver of 5.2(a) does not cover a representation of Purchaser recorded untrue after it
      Given every other condition of 5.1 and 5.2 is met
      And the Company waives condition 5.2(a) on October 24, 1997 at 09:00
      And the Company records that the representation in 4.1 was untrue on October 24, 1997 at 10:00
      When Purchaser closes on October 27, 1997 at 10:00
      Then the action is refused under 5.2(a)
      And condition 5.2(a) is pending

  Rule: (b) Officer's Certificate

    Example: The Closing waits for Purchaser's officer's certificate
      Given every other condition of 5.1 and 5.2 is met
      When Purchaser closes on October 27, 1997 at 10:00
      Then the action is refused under 5.2(b)
      And the deal still needs 5.2(b)
      And the deal is ConditionsPending

    Example: Purchaser's officer's certificate meets condition 5.2(b)
      Given every other condition of 5.1 and 5.2 is met
      And Purchaser delivers its officer's certificate on October 27, 1997 at 09:00
      When Purchaser closes on October 27, 1997 at 10:00
      Then condition 5.2(b) is satisfied
      And the deal is Closed

    Example: The Company cannot deliver Purchaser's certificate
      When the Company satisfies condition 5.2(b) on October 24, 1997 at 09:00
      Then the action is refused under 5.2(b)
      And condition 5.2(b) is pending

    Example: The Company may waive Purchaser's officer's certificate and close
      Given every other condition of 5.1 and 5.2 is met
      And the Company waives condition 5.2(b) on October 24, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then condition 5.2(b) is waived
      And the deal is Closed

    Example: Only the Company may waive condition 5.2(b)
      When Purchaser waives condition 5.2(b) on October 24, 1997 at 09:00
      Then the action is refused under 5.2
      And condition 5.2(b) is pending

    Example: Purchaser's officer's certificate is dated the Closing Date: one delivered after it does not meet condition 5.2(b)
      Given the Company and Purchaser agree in writing, signed by both, on October 24, 1997 at 09:00, to move the Closing Date to October 29, 1997
      When Purchaser delivers its officer's certificate on October 30, 1997 at 09:00
      Then the action is refused under 5.2(b)
      And condition 5.2(b) is pending

    Example: Purchaser's certificate dated the old Closing Date does not serve a Closing Date later moved
      Given every other condition of 5.1 and 5.2 is met
      And Purchaser delivers its officer's certificate on October 27, 1997 at 09:00
      And the Company and Purchaser agree in writing, signed by both, on October 27, 1997 at 09:30, to move the Closing Date to October 29, 1997
      When Purchaser closes on October 29, 1997 at 10:00
      Then the action is refused under 5.2(b)
      And condition 5.2(b) is pending

  Rule: (c) Purchase Price

    Example: The Closing does not wait for the Purchase Price, which is paid at it
      Given every condition of 5.1 and 5.2 is met
      When the Company closes on October 27, 1997 at 10:00
      Then the deal is Closed
      And condition 5.2(c) is pending

    Example: Payment of the Purchase Price meets condition 5.2(c)
      Given every other condition of 5.1 and 5.2 is met
      And the Company closes on October 27, 1997 at 10:00
      When Purchaser pays the Purchase Price of $7,500,000.00 on October 27, 1997 at 11:00
      Then condition 5.2(c) is satisfied

    Example: Condition 5.2(c) is the sale itself and cannot be waived
      When the Company waives condition 5.2(c) on October 24, 1997 at 09:00
      Then the action is refused under 1.2
      And condition 5.2(c) is pending

    Example: Purchaser cannot waive condition 5.2(c) either
      When Purchaser waives condition 5.2(c) on October 24, 1997 at 09:00
      Then the action is refused under 5.2
      And the action is refused under 1.2

  Rule: (d) Proceedings

    Example: A pending proceeding to enjoin the sale stops the Closing for the Company too
      Given every other condition of 5.1 and 5.2 is met
      And Purchaser records a proceeding seeking to enjoin the sale of the Notes on October 24, 1997 at 09:00
      When Purchaser closes on October 27, 1997 at 10:00
      Then the action is refused under 5.2(d)
      And condition 5.2(d) is pending

    Example: Once the proceeding is no longer pending, condition 5.2(d) is met
      Given the court records a proceeding seeking to enjoin the sale of the Notes on October 24, 1997 at 09:00
      When the court records the proceeding as resolved on October 25, 1997 at 09:00
      Then condition 5.2(d) is satisfied

    Example: With the waivers of both parties, the Closing proceeds despite the proceeding
      Given every other condition of 5.1 and 5.2 is met
      And the court records a proceeding seeking to enjoin the sale of the Notes on October 24, 1997 at 09:00
      And the Company waives condition 5.2(d) on October 24, 1997 at 10:00
      And Purchaser waives condition 5.1(e) on October 24, 1997 at 10:00
      When the Company closes on October 27, 1997 at 10:00
      Then the deal is Closed

    Example: Only the Company may waive condition 5.2(d)
      Given the court records a proceeding seeking to enjoin the sale of the Notes on October 24, 1997 at 09:00
      When Purchaser waives condition 5.2(d) on October 24, 1997 at 10:00
      Then the action is refused under 5.2

    Example: The Company cannot clear a proceeding the court recorded
      Given the court records a proceeding seeking to enjoin the sale of the Notes on October 24, 1997 at 09:00
      When the Company records the proceeding as resolved on October 24, 1997 at 10:00
      Then the action is refused under 5.1(e)
      And condition 5.2(d) is pending

  Rule: (e) Consents

    Example: The Closing waits for the consents of third parties under 5.2(e)
      Given every other condition of 5.1 and 5.2 is met
      When the Company closes on October 27, 1997 at 10:00
      Then the action is refused under 5.2(e)
      And the deal is ConditionsPending

    Example: Either party may deliver the consents that 5.2(e) asks for
      Given every other condition of 5.1 and 5.2 is met
      And the Company satisfies condition 5.2(e) on October 24, 1997 at 09:00
      When Purchaser closes on October 27, 1997 at 10:00
      Then condition 5.2(e) is satisfied
      And the deal is Closed

    Example: The Company may waive the consents and close
      Given every other condition of 5.1 and 5.2 is met
      And the Company waives condition 5.2(e) on October 24, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then the deal is Closed

    Example: Only the Company may waive condition 5.2(e)
      When Purchaser waives condition 5.2(e) on October 24, 1997 at 09:00
      Then the action is refused under 5.2

  Rule: (f) Other Instruments

    Example: An instrument the Company requested and has not received stops the Closing
      Given every other condition of 5.1 and 5.2 is met
      And the Company requests a certified copy of Purchaser's board resolutions on October 22, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then the action is refused under 5.2(f)
      And condition 5.2(f) is pending

    Example: Once Purchaser delivers the requested instrument, the Closing proceeds
      Given every other condition of 5.1 and 5.2 is met
      And the Company requests a certified copy of Purchaser's board resolutions on October 22, 1997 at 09:00
      And Purchaser delivers the requested instrument on October 23, 1997 at 09:00
      When the Company closes on October 27, 1997 at 10:00
      Then condition 5.2(f) is satisfied
      And the deal is Closed

    Example: The instrument the Company requested is delivered by Purchaser, not by the Company
      Given the Company requests a certified copy of Purchaser's board resolutions on October 22, 1997 at 09:00
      When the Company delivers the requested instrument on October 23, 1997 at 09:00
      Then the action is refused under 5.2(f)

    Example: The Company may waive the instruments it requested and close
      Given every other condition of 5.1 and 5.2 is met
      And the Company requests a certified copy of Purchaser's board resolutions on October 22, 1997 at 09:00
      And the Company waives condition 5.2(f) on October 24, 1997 at 09:00
      When Purchaser closes on October 27, 1997 at 10:00
      Then the deal is Closed

    Example: Only the Company may waive condition 5.2(f)
      Given the Company requests a certified copy of Purchaser's board resolutions on October 22, 1997 at 09:00
      When Purchaser waives condition 5.2(f) on October 24, 1997 at 09:00
      Then the action is refused under 5.2
