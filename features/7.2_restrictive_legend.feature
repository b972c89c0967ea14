@section_7_2
Feature: 7.2 Restrictive Legend
  "Each certificate representing any of the Notes shall (unless otherwise
  permitted by the provisions of Section 7.3 below) be stamped or otherwise
  imprinted with a legend" that the Notes have not been registered under the
  Securities Act of 1933 and may not be transferred without registration or "AN
  OPINION OF COUNSEL REASONABLY SATISFACTORY TO THE COMPANY THAT SUCH
  REGISTRATION IS NOT REQUIRED". The Company issues an instrument without the
  legend if the holder provides "an opinion of counsel" that the Notes may be
  sold without registration, or if the Notes "may be sold to the public without
  restriction pursuant to Rule 144". Section 7.3 says the same of the
  certificate a transferee receives.

  Background:
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding

  Rule: (a) The Legend

    Example: The Notes delivered to Purchaser at the Closing bear the restrictive legend
      Then the Notes held by Purchaser bear the restrictive legend

    Example: Notes transferred on an opinion of counsel bear the restrictive legend
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, with an opinion of counsel, by hand, delivered on December 1, 1997 at 10:00
      And the Company finds the opinion of counsel reasonably satisfactory on December 2, 1997 at 10:00
      When Purchaser completes the transfer on December 3, 1997 at 10:00
      Then Acme Bank holds $2,500,000.00 of Notes
      And the Notes held by Acme Bank bear the restrictive legend

    Example: The Notes the transferring Holder keeps still bear the restrictive legend
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      When Purchaser completes the transfer on December 1, 1997 at 11:00
      Then the Notes held by Purchaser bear the restrictive legend

  Rule: (b) Removal of the Legend

    Example: Notes sold under Rule 144 are issued without the restrictive legend
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, under Rule 144, by hand, delivered on December 1, 1997 at 10:00
      When Purchaser completes the transfer on December 1, 1997 at 11:00
      Then Acme Bank holds $2,500,000.00 of Notes
      And the Notes held by Acme Bank do not bear the restrictive legend

    Example: Notes transferred on an opinion of counsel that the legend is not required are issued without it
      Given Purchaser gives notice of a proposed transfer of $2,500,000.00 of Notes to Acme Bank, with an opinion of counsel that the legend is not required, by hand, delivered on December 1, 1997 at 10:00
      And the Company finds the opinion of counsel reasonably satisfactory on December 2, 1997 at 10:00
      When Purchaser completes the transfer on December 3, 1997 at 10:00
      Then Acme Bank holds $2,500,000.00 of Notes
      And the Notes held by Acme Bank do not bear the restrictive legend

