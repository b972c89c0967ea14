"""`npa page`: the whole agreement as one self-contained HTML page, each clause annotated
with the deal's live state at a moment (`page_of`), and the lifecycle as SVG
(`lifecycle_svg`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from engine.clock import iso, parse_time
from engine.page.diagram import lifecycle_svg


def page_of(deal: Any, as_of: datetime | str | None = None,
            coverage: dict[str, Any] | None = None) -> str:
    """The page of a deal (an `engine.Deal`) as of a moment (default: its clock), with the
    clause coverage of the features if given (`engine.clause_coverage`'s report, as a dict).

    A past moment shows the deal as it was then; a later one as it will be if
    nothing else happens, with the deadlines that fall due by then on its
    timeline. Nothing is stored.
    """
    from contract._parse import agreement
    from engine.deadlines import fire_until
    from engine.page.annotate import notes
    from engine.page.render import page_html
    from engine.schedule import payment_schedule, schedule_to_json
    from engine.state import DealState, evolve
    from engine.status import describe

    moment = parse_time(as_of, "as-of") if as_of is not None else deal.state.clock
    status = deal.status(moment) if moment is not None else deal.status()
    kept = [event for event in deal.events
            if moment is None or event.at is None or event.at <= moment]
    state = DealState()
    timeline: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []
    for event in kept:
        records.append(_record(event))
        text, section = describe(state, event)
        state = evolve(state, event)
        timeline.append({"seq": len(timeline) + 1, "at": iso(event.at) if event.at else None,
                         "event": event.TAG, "section": section, "summary": text,
                         "state": state.status.value})
    if moment is not None and (state.clock is None or moment > state.clock):
        fired, _ = fire_until(state, moment)
        for event in fired:
            records.append(_record(event))
            text, section = describe(state, event)
            state = evolve(state, event)
            timeline.append({"seq": len(timeline) + 1, "at": iso(event.at) if event.at else None,
                             "event": event.TAG, "section": section,
                             "summary": f"{text} (if nothing else happens)",
                             "state": state.status.value})
    payments = [r for r in records if r["type"] == "payment_made"
                and r.get("purpose") in ("interest", "principal")]
    # The Notes' own schedule once issued (a late issue accrues from its day); before, the
    # term sheet's.
    schedule = schedule_to_json(deal.state.schedule or payment_schedule(deal.state.terms.notes))
    return page_html(deal_id=deal.id, status=status, timeline=timeline,
                     found=notes(status, timeline, records, coverage), schedule=schedule,
                     payments=payments, titles=agreement().titles, coverage=coverage,
                     purchaser=deal.state.terms.parties["purchaser"].name)


def _record(event: Any) -> dict[str, Any]:
    from engine.codec import to_record

    record: dict[str, Any] = to_record(event)
    return record




def write_page(text: str, out: str) -> str | None:
    """Write the page to a file (or standard output for "-"); the path written, or None.

    Raises:
        InvalidAction: the file cannot be written (field "out").
    """
    import sys
    from pathlib import Path

    from engine.errors import InvalidAction

    if out == "-":
        sys.stdout.write(text)
        return None
    try:
        Path(out).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InvalidAction(f"cannot write {out} ({exc.strerror or exc.__class__.__name__})",
                            field="out") from None
    return out


__all__ = ["lifecycle_svg", "page_of", "write_page"]
