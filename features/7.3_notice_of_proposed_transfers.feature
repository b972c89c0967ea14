@section_7_3
Feature: 7.3 Notice of Proposed Transfers
  "The holder of each certificate representing Notes, by acceptance thereof,
  agrees to comply in all respects with the provisions of this Section 7.3."
  "Prior to any proposed transfer of any Notes the holder thereof shall give
  written notice to the Company of such holder's intention to effect such
  transfer." The notice goes to the Company under 8.5 and the transfer waits
  until it is effective. It "shall be accompanied (except in transactions in
  compliance with Rule 144 promulgated under the 1933 Act or any similar
  provision" ...) "by a written opinion of legal counsel who shall be reasonably
  satisfactory to the Company": the transfer waits until the Company finds the
  opinion reasonably satisfactory, and never happens if it does not. The
  certificate transferred bears the legend of 7.2, "except that such certificate
  evidencing Notes shall not bear such restrictive legend if the sale is made
  pursuant to Rule 144" or if the opinion says the legend is not required.

  Background:
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding

  Rule: Prior to any transfer the holder gives written notice to the Company, and the transfer waits until the notice is effective

    Example: A transfer is refused before the notice of it is effective
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, with an opinion of counsel, by registered mail, postmarked on December 1, 1997 at 10:00
      And the Company finds the opinion of counsel reasonably satisfactory on December 2, 1997 at 10:00
      When Purchaser completes the transfer on December 3, 1997 at 10:00
      Then the action is refused under 7.3
      And the transfer is not complete
      And Purchaser holds $7,500,000.00 of Notes

    Example: Once the notice is effective and the opinion accepted, the transfer is completed
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, with an opinion of counsel, by registered mail, postmarked on December 1, 1997 at 10:00
      And the Company finds the opinion of counsel reasonably satisfactory on December 2, 1997 at 10:00
      When Purchaser completes the transfer on December 6, 1997 at 10:00
      Then the action is accepted
      And the transfer is complete
      And Acme Bank holds $2,500,000.00 of Notes
      And Purchaser holds $5,000,000.00 of Notes

    Example: A notice of proposed transfer by e-mail is no notice, and the transfer cannot be completed
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, under Rule 144, by e-mail on December 1, 1997 at 10:00
      When Purchaser completes the transfer on December 8, 1997 at 10:00
      Then the action is refused under 7.3
      And Acme Bank holds no Notes

  Rule: The notice is accompanied by a written opinion of legal counsel reasonably satisfactory to the Company

    Example: A transfer is refused before the Company has found the opinion of counsel reasonably satisfactory
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, with an opinion of counsel, by hand, delivered on December 1, 1997 at 10:00
      When Purchaser completes the transfer on December 1, 1997 at 11:00
      Then the action is refused under 7.3
      And the transfer is not complete

    Example: An opinion the Company does not find reasonably satisfactory allows no transfer
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, with an opinion of counsel, by hand, delivered on December 1, 1997 at 10:00
      And the Company finds the opinion of counsel not reasonably satisfactory on December 2, 1997 at 10:00
      When Purchaser completes the transfer on December 3, 1997 at 10:00
      Then the action is refused under 7.3
      And Acme Bank holds no Notes
      And Purchaser holds $7,500,000.00 of Notes

    Example: A notice with neither an opinion of counsel nor Rule 144 is refused
      When Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, with no opinion of counsel, by hand, delivered on December 1, 1997 at 10:00
      Then the action is refused under 7.3
      And Purchaser holds $7,500,000.00 of Notes

    Example: Only the Company decides whether the opinion of counsel is reasonably satisfactory
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, with an opinion of counsel, by hand, delivered on December 1, 1997 at 10:00
      When Purchaser finds the opinion of counsel reasonably satisfactory on December 2, 1997 at 10:00
      Then the action is refused under 7.3

    Example: The Company decides on the opinion of counsel once
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, with an opinion of counsel, by hand, delivered on December 1, 1997 at 10:00
      And the Company finds the opinion of counsel not reasonably satisfactory on December 2, 1997 at 10:00
      When the Company finds the opinion of counsel reasonably satisfactory on December 3, 1997 at 10:00
      Then the action is refused under 7.3

  Rule: Under Rule 144 no opinion of counsel is needed, and the Notes transferred bear no legend

    Example: A transfer under Rule 144 is completed once its notice is effective, without an opinion of counsel
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      When Purchaser completes the transfer on December 1, 1997 at 11:00
      Then the action is accepted
      And Acme Bank holds $2,500,000.00 of Notes
      And the Notes held by Acme Bank do not bear the restrictive legend

    Example: Under Rule 144 the transfer still waits for its notice to be effective
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, under Rule 144, by certified mail, postmarked on December 1, 1997 at 10:00
      When Purchaser completes the transfer on December 5, 1997 at 10:00
      Then the action is refused under 7.3
      When Purchaser completes the transfer on December 6, 1997 at 10:00
      Then the action is accepted
      And Acme Bank holds $2,500,000.00 of Notes

  Rule: A transferee is named by its legal name, exactly as it is written

    Example: Notes transferred to Special Fund, L.P. are held by Special Fund, L.P., which then acts as a Holder
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Special Fund, L.P., with an opinion of counsel, by registered mail, postmarked on December 1, 1997 at 10:00
      And the Company finds the opinion of counsel reasonably satisfactory on December 2, 1997 at 10:00
      When Purchaser completes the transfer on December 8, 1997 at 10:00
      Then the action is accepted
      And Special Fund, L.P. holds $2,500,000.00 of Notes
      And Purchaser holds $5,000,000.00 of Notes
      When Special Fund, L.P. asks to examine the Company's books of account on December 9, 1997 at 10:00
      Then the action is accepted

    Example: A name written differently is another holder, who holds no Notes
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Special Fund, L.P., under Rule 144, by registered mail, postmarked on December 1, 1997 at 10:00
      And Purchaser completes the transfer on December 8, 1997 at 10:00
      Then Special Fund, L.P. holds $2,500,000.00 of Notes
      And Special Fund LP holds no Notes
