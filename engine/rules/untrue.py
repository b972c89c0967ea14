"""Schedule 1 (d), ASSUMED: "a representation in section 3 proved untrue in a material
respect when made".

Proved, not alleged: while Notes are outstanding a section 3 representation
is proved untrue when the Company admits it (records it untrue itself), when
the court adjudicates it (records it untrue), or when a claim under 8.10 on
it is acknowledged by the Company or adjudicated for more than nothing. A
record by Purchaser or a Holder alone is an allegation: it stands on the
record (and, before the Closing, fails 5.1(a)), but founds no Event of
Default. One Event of Default for each representation: proving the same
section untrue again, by any of these ways, makes no second one.
"""

from __future__ import annotations

from datetime import datetime

from engine.events import DefaultOccurred
from engine.rules.default import KINDS, default_occurs
from engine.state import DealState

#: Who proves a representation untrue by recording it: the Company's admission, the
#: court's adjudication. Anyone else's record is an allegation.
PROVED_BY = ("company", "court")


def already_proved(state: DealState, section: str) -> bool:
    """Whether an Event of Default (d) already rests on this section's representation."""
    for e in state.defaults.values():
        if e.kind != "d":
            continue
        cause = e.cause or ""
        known = state.claims.get(cause) or state.misrepresentations.get(cause)
        if known is not None and known.section == section:
            return True
    return False


def proved_untrue(state: DealState, at: datetime, section: str, cause: str,
                  particulars: str) -> list[DefaultOccurred]:
    """Schedule 1 (d), ASSUMED: the Event of Default of a section 3 representation proved
    untrue while Notes are outstanding, unless one already rests on that representation.

    Args:
        state: the deal before the proof.
        at: when it is proved.
        section: the representation ("3.6").
        cause: the record that proves it: a misrepresentation (M1) or a claim (C1).
        particulars: what the Event of Default says after its kind's words.
    """
    if not (section.startswith("3.") and state.notes_alive) or already_proved(state, section):
        return []
    return [default_occurs(state, at, "d", f"{KINDS['d']}: {particulars}", cause=cause)]
