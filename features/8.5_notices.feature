@section_8_5
Feature: 8.5 Notices, etc.
  A notice counts only if it is duly given, and it takes effect at a moment the
  clause fixes, to the minute, New York time: "All notices, claims, demands and
  other communications required or permitted hereunder shall be deemed to have
  been duly given or served if in writing and delivered by hand (effective upon
  delivery) or sent by registered or certified mail, return receipt requested
  (effective five days following the time of postmark), or by facsimile
  (effective upon receipt of confirmation of transmission)" and go "to the
  parties (and other persons or entities receiving copies thereof) at the
  following addresses or facsimile numbers (or to such other address or
  facsimile number as a party may have specified by notice given to the other
  party pursuant to this provision)". The Company's address is "767 Third Avenue
  29th Floor New York, New York 10017-2023", "with a copy to: Nixon, Hargrave,
  Devans & Doyle LLP"; Purchaser's copy goes to "Robinson, Silverman, Pearce,
  Aronsohn & Berman LLP". A notice that is not duly given is recorded, with what
  is wrong with it, and has no effect.

  Background:
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding

  Rule: Delivered by hand, a notice is effective upon delivery

    Example: A notice delivered by hand takes effect at the minute it is delivered
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on April 15, 1998 at 14:37
      Then the action is accepted
      And the notice takes effect on April 15, 1998 at 14:37
      And the notice is effective

    Example: The Company's notice to Purchaser by hand is effective upon delivery
      When the Company sends Purchaser a notice of claim by hand, delivered on April 15, 1998 at 09:05
      Then the notice takes effect on April 15, 1998 at 09:05
      And the notice is effective

  Rule: Sent by registered or certified mail, return receipt requested, a notice is effective five days following the time of postmark

    Example: A notice by registered mail takes effect five days after its postmark, at the same time of day
      When Purchaser sends the Company a notice of covenant breach by registered mail, postmarked on April 15, 1998 at 10:00
      Then the action is accepted
      And the notice is pending
      And the notice takes effect on April 20, 1998 at 10:00

    Example: A notice by certified mail takes effect five days after its postmark, at the same time of day
      When Purchaser sends the Company a notice of default by certified mail, postmarked on April 15, 1998 at 16:45
      Then the notice takes effect on April 20, 1998 at 16:45

    Example: The change to daylight saving time in spring does not move a mailed notice's effect by an hour
      When Purchaser sends the Company a notice of covenant breach by registered mail, postmarked on March 31, 1998 at 10:00
      Then the notice takes effect on April 5, 1998 at 10:00
      And as of April 5, 1998 at 09:59 the notice is pending
      And as of April 5, 1998 at 10:00 the notice is effective

    Example: The return to standard time in autumn does not move a mailed notice's effect by an hour
      When Purchaser sends the Company a notice of covenant breach by certified mail, postmarked on October 22, 1998 at 10:00
      Then the notice takes effect on October 27, 1998 at 10:00
      And as of October 27, 1998 at 09:30 the notice is pending
      And as of October 27, 1998 at 10:00 the notice is effective

    Example: A notice by registered mail without return receipt requested is no notice
      When Purchaser sends the Company a notice of covenant breach by registered mail, postmarked on April 15, 1998 at 10:00, without return receipt requested
      Then the action is accepted
      And the notice has no effect because sent by registered mail without return receipt requested

    Example: A notice by certified mail without return receipt requested is no notice
      When Purchaser sends the Company a notice of covenant breach by certified mail, postmarked on April 15, 1998 at 10:00, without return receipt requested
      Then the notice has no effect because sent by certified mail without return receipt requested

  Rule: Sent by facsimile, a notice is effective upon receipt of confirmation of transmission

    Example: A notice by facsimile takes effect when the confirmation of transmission is received
      When Purchaser sends the Company a notice of covenant breach by facsimile, confirmed on April 15, 1998 at 16:05
      Then the action is accepted
      And the notice takes effect on April 15, 1998 at 16:05
      And the notice is effective

    Example: A notice by facsimile sent to the Company's number for notices is effective
      When Purchaser sends the Company a notice of covenant breach by facsimile, confirmed on April 15, 1998 at 16:05, to facsimile number (212) 319-4659
      Then the notice takes effect on April 15, 1998 at 16:05

    Example: A facsimile with no confirmation of transmission is no notice
      When Purchaser sends the Company a notice of covenant breach by facsimile on April 15, 1998 at 16:05, with no confirmation of transmission
      Then the action is accepted
      And the notice has no effect because no confirmation of transmission was received

    Example: A facsimile sent to a number other than the Company's number for notices is no notice
      When Purchaser sends the Company a notice of covenant breach by facsimile, confirmed on April 15, 1998 at 16:05, to facsimile number (212) 555-0199
      Then the notice has no effect because sent to facsimile (212) 555-0199, not the Company's number for notices

  Rule: Any other way of sending a communication is not notice under 8.5, and is recorded as such

    Example: A notice by e-mail is recorded but has no effect
      When Purchaser sends the Company a notice of covenant breach by e-mail on April 15, 1998 at 10:00
      Then the action is accepted
      And the notice has no effect because e-mail is not a way of giving notice under 8.5

    Example: A notice by ordinary mail is recorded but has no effect
      When Purchaser sends the Company a notice of default by ordinary mail on April 15, 1998 at 10:00
      Then the notice has no effect because ordinary mail is not a way of giving notice under 8.5

    Example: A notice by courier, not delivered by hand, is recorded but has no effect
      When the Company sends Purchaser a notice of claim by courier on April 15, 1998 at 10:00
      Then the notice has no effect because courier is not a way of giving notice under 8.5

  Rule: A notice goes to the other party at its address for notices, with a copy to each person the clause names

    Example: A notice addressed to the Company at its address for notices is duly given
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on April 15, 1998 at 10:00, addressed to 767 Third Avenue, 29th Floor, New York, New York 10017-2023
      Then the notice takes effect on April 15, 1998 at 10:00

    Example: A notice addressed as 8.5 prints the address, the addressee and its Attention line included, is duly given
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on April 15, 1998 at 10:00, addressed to Lexington Precision Corporation, 767 Third Avenue, 29th Floor, New York, New York 10017-2023, Attention: President
      Then the notice takes effect on April 15, 1998 at 10:00

    Example: A notice addressed to the Company elsewhere than its address for notices has no effect
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on April 15, 1998 at 10:00, addressed to 1 Main Street, New York, New York
      Then the action is accepted
      And the notice has no effect because sent to 1 Main Street, New York, New York, not the Company's address for notices

    Example: A notice addressed to Purchaser elsewhere than its address for notices has no effect
      When the Company sends Purchaser a notice of claim by registered mail, postmarked on April 15, 1998 at 10:00, addressed to Two World Financial Center, New York, New York 10281-1198
      Then the notice has no effect because sent to Two World Financial Center, New York, New York 10281-1198, not Purchaser's address for notices

    Example: A notice to the Company without a copy to Nixon, Hargrave, Devans & Doyle LLP has no effect
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on April 15, 1998 at 10:00, with no copy to Nixon, Hargrave, Devans & Doyle LLP
      Then the notice has no effect because no copy to Nixon, Hargrave, Devans & Doyle LLP

    Example: A notice to Purchaser without a copy to Robinson, Silverman, Pearce, Aronsohn & Berman LLP has no effect
      When the Company sends Purchaser a notice of claim by hand, delivered on April 15, 1998 at 10:00, with no copy to Robinson, Silverman, Pearce, Aronsohn & Berman LLP
      Then the notice has no effect because no copy to Robinson, Silverman, Pearce, Aronsohn & Berman LLP

    Example: A notice to the Company with its copy to Nixon, Hargrave, Devans & Doyle LLP is effective
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on April 15, 1998 at 10:00, addressed to 767 Third Avenue, 29th Floor, New York, New York 10017-2023, with a copy to Nixon, Hargrave, Devans & Doyle LLP
      Then the notice takes effect on April 15, 1998 at 10:00
      And the notice is effective

    Example: A notice to Purchaser with its copy to Robinson, Silverman, Pearce, Aronsohn & Berman LLP is effective
      When the Company sends Purchaser a notice of claim by certified mail, postmarked on April 15, 1998 at 10:00, with a copy to Robinson, Silverman, Pearce, Aronsohn & Berman LLP
      Then the notice takes effect on April 20, 1998 at 10:00

    Example: A notice goes to the other party, not to the party giving it
      When the Company sends the Company a notice of claim by hand, delivered on April 15, 1998 at 10:00
      Then the action is refused under 8.5

  Rule: A party may specify another address or facsimile number by notice, which changes nothing until that notice is effective

    Example: A new address for notices takes effect only when the notice of it does
      When the Company gives notice of its new address, 10 Main Street, New York, New York 10001, by registered mail, postmarked on April 15, 1998 at 10:00
      Then the notice is pending
      And the Company's address for notices is 767 Third Avenue, 29th Floor, New York, New York 10017-2023
      When time passes to April 20, 1998 at 10:00
      Then the notice is effective
      And the Company's address for notices is 10 Main Street, New York, New York 10001

    Example: Once the new address is effective, a notice to the old address has no effect
      Given the Company gives notice of its new address, 10 Main Street, New York, New York 10001, by hand, delivered on April 15, 1998 at 10:00
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on April 16, 1998 at 10:00, addressed to 767 Third Avenue, 29th Floor, New York, New York 10017-2023
      Then the notice has no effect because sent to 767 Third Avenue, 29th Floor, New York, New York 10017-2023, not the Company's address for notices

    Example: Once the new address is effective, a notice to the new address is effective
      Given the Company gives notice of its new address, 10 Main Street, New York, New York 10001, by hand, delivered on April 15, 1998 at 10:00
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on April 16, 1998 at 10:00, addressed to 10 Main Street, New York, New York 10001
      Then the notice takes effect on April 16, 1998 at 10:00

    Example: A notice sent to the old address before the new address took effect is effective
      Given the Company gives notice of its new address, 10 Main Street, New York, New York 10001, by registered mail, postmarked on April 15, 1998 at 10:00
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on April 17, 1998 at 10:00, addressed to 767 Third Avenue, 29th Floor, New York, New York 10017-2023
      Then the notice takes effect on April 17, 1998 at 10:00
      When time passes to April 21, 1998 at 10:00
      Then the notice is effective
      And the Company's address for notices is 10 Main Street, New York, New York 10001

    Example: A notice of a new address that is not duly given changes nothing
      Given the Company gives notice of its new address, 10 Main Street, New York, New York 10001, by hand, delivered on April 15, 1998 at 10:00, with no copy to Robinson, Silverman, Pearce, Aronsohn & Berman LLP
      Then the notice has no effect because no copy to Robinson, Silverman, Pearce, Aronsohn & Berman LLP
      And the Company's address for notices is 767 Third Avenue, 29th Floor, New York, New York 10017-2023

    Example: Purchaser may specify a new address for notices as well
      Given Purchaser gives notice of its new address, 180 Maiden Lane, New York, New York 10038, by hand, delivered on April 15, 1998 at 10:00
      When the Company sends Purchaser a notice of claim by hand, delivered on April 16, 1998 at 10:00, addressed to 180 Maiden Lane, New York, New York 10038
      Then the notice is effective
      And Purchaser's address for notices is 180 Maiden Lane, New York, New York 10038

    Example: Once a new facsimile number is effective, a facsimile to the old number has no effect
      Given the Company gives notice of its new facsimile number, (212) 555-0100, by hand, delivered on April 15, 1998 at 10:00
      When Purchaser sends the Company a notice of covenant breach by facsimile, confirmed on April 16, 1998 at 10:00, to facsimile number (212) 319-4659
      Then the notice has no effect because sent to facsimile (212) 319-4659, not the Company's number for notices
      And the Company's facsimile number for notices is (212) 555-0100

  Rule: Time passing brings each notice into effect at its time, and not before

    Example: Nothing takes effect before its time
      Given Purchaser sends the Company a notice of covenant breach by registered mail, postmarked on April 15, 1998 at 10:00
      When time passes to April 20, 1998 at 09:59
      Then the notice is pending

    Example: When time passes to the moment a notice takes effect, it is effective
      Given Purchaser sends the Company a notice of covenant breach by registered mail, postmarked on April 15, 1998 at 10:00
      When time passes to April 20, 1998 at 10:00
      Then the notice is effective

    Example: The deal as of a later time shows the notice effective, and nothing is stored
      Given Purchaser sends the Company a notice of covenant breach by registered mail, postmarked on April 15, 1998 at 10:00
      Then as of April 20, 1998 at 10:00 the notice is effective
      And the notice is pending

  Rule: A notice must give the time its method turns on

    Example: A notice by hand with no time of delivery is not a valid action
      When Purchaser sends the Company a notice of covenant breach by hand on April 15, 1998 at 10:00, with no time of delivery
      Then the action is rejected as invalid

    Example: A notice by registered mail with no postmark is not a valid action
      When Purchaser sends the Company a notice of covenant breach by registered mail on April 15, 1998 at 10:00, with no postmark
      Then the action is rejected as invalid

  Rule: A notice is sent at one moment and takes effect at the moment its method turns on

    Example: A facsimile sent at one time and confirmed at another takes effect on confirmation
      When Purchaser sends the Company a notice of covenant breach by facsimile, sent on April 15, 1998 at 17:55 and confirmed on April 16, 1998 at 09:10
      Then the notice is pending
      When time passes to April 16, 1998 at 09:10
      Then the notice is effective on April 16, 1998 at 09:10

    Example: A lawyer may say the notice is faxed, or hand-delivered
      When Purchaser faxes the Company a notice of covenant breach on April 15, 1998 at 10:00, confirmed at 10:20
      Then the notice takes effect on April 15, 1998 at 10:20
      When Nomura Holding America, Inc. hand-delivers to Lexington Precision Corporation a notice of covenant breach on April 16, 1998 at 11:00
      Then the notice is effective on April 16, 1998 at 11:00

    Example: A notice of acceleration without its copy to the Company's counsel has no effect
      Given time passes to March 6, 1998
      When Purchaser gives notice of acceleration by hand, delivered on March 10, 1998 at 11:00, with no copy to Nixon, Hargrave, Devans & Doyle LLP
      Then the notice has no effect
      And the Notes are not accelerated

  Rule: A time is a moment: in the hour New York repeats when daylight saving ends, a time says which of the two it is

    Example: A notice delivered by hand in the repeated hour takes effect at the moment its time names
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on October 25, 1998 at 01:30 EDT
      Then the action is accepted
      And the notice takes effect on October 25, 1998 at 01:30 EDT
      And as of October 25, 1998 at 01:10 EST the notice is effective

    Example: A time in the second 01:00 to 02:00, standard time, comes after every time of the first
      Given Purchaser sends the Company a notice of covenant breach by hand, delivered on October 25, 1998 at 01:45 EDT
      When Purchaser sends the Company a notice of default by hand, delivered on October 25, 1998 at 01:15 EST
      Then the action is accepted
      And the notice takes effect on October 25, 1998 at 01:15 EST

    Example: A time in the repeated hour that does not say EDT or EST names no moment, and is not a valid action
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on October 25, 1998 at 01:30
      Then the action is rejected as invalid

    Example: A time may be written with its offset from UTC, or as a lawyer writes it
      When Purchaser sends the Company a notice of covenant breach by hand, delivered on 1998-10-25 at 01:30 -05:00
      Then the notice takes effect on October 25, 1998 at 01:30 EST
      And as of October 25, 1998 at 1:45 a.m. EST the notice is effective

    Example: A notice by registered mail postmarked five days before the clocks go back takes effect at the first of the two 01:30s
      When Purchaser sends the Company a notice of covenant breach by registered mail, postmarked on October 20, 1998 at 01:30
      Then the notice takes effect on October 25, 1998 at 01:30 EDT
      And as of October 25, 1998 at 01:29 EDT the notice is pending
