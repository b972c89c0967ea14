"""Every refusal quotes the clause it cites: from contract/, or Schedule 1's assumed words."""

from __future__ import annotations

import pytest

from contract import EVENTS_OF_DEFAULT
from engine.citations import literal_refusal_sections
from engine.explain import quote, refusal

#: Every section written literally into a refusal in the engine (one scan: engine.citations).
CITED = sorted(literal_refusal_sections())


@pytest.mark.parametrize("section", CITED)
def test_every_section_a_rule_cites_has_words_to_quote(section: str) -> None:
    """A section written into a refusal quotes non-empty text."""
    assert quote(section)


@pytest.mark.parametrize("letter", sorted(EVENTS_OF_DEFAULT))
def test_each_assumed_event_of_default_is_quoted_as_assumed(letter: str) -> None:
    """"Schedule 1 (b)" quotes the assumed term, and says it is assumed."""
    text = refusal(f"Schedule 1 ({letter})", "x").text
    assert "ASSUMED" in text and EVENTS_OF_DEFAULT[letter] in text


def test_a_refusal_under_schedule_1_c_quotes_the_assumed_term() -> None:
    """Regression: a breach notice with no breach continuing was refused with no clause text."""
    from engine import Deal
    from engine.demo import SIGNING_TO_OUTSTANDING

    deal = Deal.create(None, "q")
    for action in SIGNING_TO_OUTSTANDING:
        deal.act(action)
    result = deal.act({"type": "send_notice", "actor": "purchaser", "at": "1997-11-01T10:00",
                       "to": "company", "kind": "covenant_breach",
                       "notice": {"method": "hand", "delivered_at": "1997-11-01T10:00"}})
    assert [(r.section, bool(r.text)) for r in result.reasons] == [("Schedule 1 (c)", True)]


def test_a_condition_not_delivered_is_said_in_good_english() -> None:
    """"5.1(f) Consents has not been delivered" read wrong: consents have."""
    from engine import Deal

    deal = Deal.create(None, "words")
    for actor, at in (("company", "1997-10-20T09:00"), ("purchaser", "1997-10-20T10:00")):
        assert deal.act({"type": "sign", "actor": actor, "at": at}).accepted
    messages = [r.message for r in deal.why_not(
        {"type": "close", "actor": "company", "at": "1997-10-27T10:00"})]
    assert any(m.startswith("5.1(f) Consents have not been delivered") for m in messages)
    assert any(m.startswith("5.1(d) Opinion of Counsel has not been delivered") for m in messages)
