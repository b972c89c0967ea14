"""The step vocabulary: one set of steps for pytest-bdd and for `npa spec`.

Every step is a plain function on a `World` (the deal, the result of the last
action, the last invalid action), registered in `REGISTRY` with its keyword
and a `parse` pattern (`StepPattern`). `register_pytest_bdd` binds the registry
into a pytest-bdd test module; `features.runner` matches Gherkin pickles
against the same registry without pytest. Steps call only the public engine
API (`Deal.create`, `Deal.act`, `Deal.status`), so a feature tests what a
platform sees.

Two conventions make scenarios read the way a lawyer means them:

- an action under Given sets the scene, so it must be accepted: a refused or
  invalid Given fails the scenario at that step; an action under When may be
  refused, and the Then steps say what became of it;
- a Then step after an action that was not even a valid action fails with
  that action's error, unless the scenario says "the action is rejected as
  invalid".

Parse types, defined once here (`TYPES`):

- Party: "the Company", "Purchaser" or "the Purchaser", "LCI" (the
  guarantor), "the court"; or by their names in the agreement: "Lexington
  Precision Corporation", "Nomura Holding America, Inc.", "Lexington
  Components, Inc." (or "the Guarantor")
- Date: "October 27, 1997"; Time: "10:00" (New York time, 24-hour clock)
- Money: "$7,500,000.00" or "$75,000"
- Section: "5.1(d)", "2.1", "the signature page", "Schedule 1 (c)";
  Sections: "5.1(d) and 5.2(b)"
- State: Drafted, ConditionsPending, Closed, Outstanding, Default, Repaid
- Standing (of a condition): pending, satisfied, waived
- Deliverable: "its officer's certificate", "the opinion of counsel",
  "the consents of third parties"
- NoticeKind: "covenant breach", "default", "claim"
- Method (of sending a notice, 8.5): "by hand", "by registered mail",
  "by certified mail", "by facsimile"; and, none of them notice under 8.5,
  "by e-mail", "by ordinary mail", "by courier"
- Delivery (the moment a method of 8.5 turns on): "delivered" (by hand),
  "postmarked" (by mail), "confirmed" (by facsimile)
- Particulars (of a notice, each after a comma): "addressed to <address>",
  "to facsimile number <number>", "with a copy to <name>", "with no copy to
  <name>", "without return receipt requested", "with no confirmation of
  transmission", "with no time of delivery", "with no postmark"
- NoticeStatus: pending, effective
- Holder: a Party, or a transferee of Notes by its legal name, in capitalised
  words or in double quotes ("Acme Bank", "Special Fund, L.P."; the engine's
  "holder:Special Fund, L.P.", the name exactly as written); Holders: "Acme
  Bank and Beta Capital"
- Date: "March 4, 1998" or "1998-03-04"; Time: "23:59", "11:59 PM", "09:30:15",
  and in the hour repeated when daylight saving ends, "01:30 EDT", "01:30 EST"
  or "01:30 -05:00" (without one such a time names no moment: invalid)
- Report (6.1): "the annual report for 1997", "the quarterly report for the
  quarter ended September 30, 1997"; ReportStanding: pending, furnished on
  time, furnished late, overdue, not owed
- PaymentKind: interest, principal; PaymentStanding: pending, paid, overdue,
  accelerated (Schedule 1, ASSUMED)
- Default (an Event of Default's kind, Schedule 1, ASSUMED): "Schedule 1 (b)";
  DefaultStanding: continues, is cured, is waived; Number: "2"
- Basis (of a proposed transfer, 7.3): "with an opinion of counsel", "with an
  opinion of counsel that the legend is not required", "under Rule 144",
  "with no opinion of counsel"
- ClaimStatus (of a claim for indemnification, 8.10): notice pending,
  asserted, not asserted, acknowledged, disputed, settled, adjudicated,
  failed, paid, withdrawn
- ExpenseStanding (of the expenses of Purchaser's counsel, 8.9): pending,
  overdue, paid
- Sending (a notice sent at one moment and received at another): ", sent on
  April 15, 1998 at 10:00 and confirmed on April 16, 1998 at 09:10" (or
  "delivered", "postmarked"; "confirmed at 10:20" the same day), then any
  Particulars after a comma
- ActionNoun (the last action by a noun, "the waiver is refused under 8.4"):
  signature, closing, waiver, payment, notice, acceleration, amendment,
  transfer, claim, delivery, merger, inspection

What each type accepts is listed by `npa steps` (`features.steps.accepts`).

Damages (8.10) are listed in a data table, one item a row, under the heading
"kind | amount | consented", and optionally "incurred": the kind is "losses",
"attorneys' fees", "costs of investigating" or "settlement costs"; the amount
is Money; "consented" is "yes" when the item was incurred with the prior
written consent of the indemnifying party, given before the claim, "no" or
empty otherwise; "incurred" is when the item was incurred, a Date ("December
8, 1997") or a Date and Time ("December 8, 1997 at 10:00"), empty for when
the claim is made.
"""

from __future__ import annotations

# The parts of the agreement register their steps in this order (the first match wins).
from features.steps import (  # noqa: F401
    claims,
    closing,
    covenants,
    invariants,
    notices,
    outcomes,
    payments,
    transfers,
)
from features.steps.bdd import register_pytest_bdd, remember_scenario
from features.steps.registry import REGISTRY, Step, conditions_named, find, step, vocabulary
from features.steps.types import TYPES, StepError
from features.steps.world import World

__all__ = [
    "REGISTRY",
    "TYPES",
    "Step",
    "StepError",
    "World",
    "conditions_named",
    "find",
    "register_pytest_bdd",
    "remember_scenario",
    "step",
    "vocabulary",
]
