"""Schedule 1 (Form of Note): omitted from the filing, so its terms are ASSUMED.

PRODUCT.md section 3 states the assumed terms. They are kept here, as data
beside the agreement's own text, so that every rule resting on them cites
"Schedule 1" (or "Schedule 1 (b)") and every refusal quotes the assumed
words, marked as assumed.
"""

from __future__ import annotations

from collections.abc import Mapping

from contract._frozen import FrozenMap
from contract.terms import SCHEDULE_1

#: The assumed events of default, by the letter each is cited under.
EVENTS_OF_DEFAULT: Mapping[str, str] = FrozenMap({
    "a": "principal not paid when due",
    "b": "interest not paid within 30 days after it is due",
    "c": "a covenant of section 6 broken and still unremedied 30 days after written notice "
         "from Holders of a majority in principal",
    "d": "a representation in section 3 proved untrue in a material respect when made",
    "e": "bankruptcy or insolvency of the Company",
})

#: The assumed terms as a whole: interest, business days, principal and remedies.
TERMS = (
    "interest at the rate of the term sheet on its day count, paid on each interest date "
    "(moved to the next business day, with no extra interest); the next coupon may be paid "
    "before its date; principal all at maturity, no prepayment unless the term sheet allows "
    "it (then in whole or in part, with interest accrued to the payment date, no premium, "
    "shared among the Holders by principal held); principal unpaid after maturity or "
    "acceleration bears interest at the note rate, or the term sheet's default rate, until "
    "paid, not compounded; Holders of a majority in principal may, by written notice, "
    "accelerate: all principal and accrued interest become due at once; (e) accelerates "
    "automatically; before acceleration an event of default that is cured or waived in "
    "writing by Holders of a majority ends"
)


def schedule_1_text(section: str) -> str | None:
    """The assumed words of "Schedule 1" or "Schedule 1 (x)", marked ASSUMED; None otherwise."""
    if section == "Schedule 1":
        return f"{SCHEDULE_1}: {TERMS}."
    if section.startswith("Schedule 1 (") and section.endswith(")"):
        letter = section[len("Schedule 1 ("):-1]
        if letter in EVENTS_OF_DEFAULT:
            return f"{SCHEDULE_1}: an Event of Default is ({letter}) " \
                   f"{EVENTS_OF_DEFAULT[letter]}."
    return None
