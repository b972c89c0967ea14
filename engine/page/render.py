"""The page of `npa page`: the whole agreement in its own words, each clause with the
deal's live state beside it, in one self-contained HTML file.

No network: no script, no external stylesheet, font or image; the lifecycle
is inline SVG. Every word that comes from the agreement, the deal or its
users goes through `html.escape`, so no text can forge markup, and control
characters are dropped so none can forge lines.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from contract.clauses import clause
from contract.schedule1 import EVENTS_OF_DEFAULT, TERMS
from contract.terms import ASSUMED, SCHEDULE_1
from contract.text import SECTIONS
from engine.explain import TIME_ORDER, page_anchor, quote
from engine.page.annotate import Note, day_words, dollars, moment_words, omitted_schedules, who
from engine.page.diagram import lifecycle_svg
from engine.page.style import STYLE

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")


def e(text: Any) -> str:
    """Text made safe for HTML content and attributes (quotes too), control characters
    dropped and line breaks made spaces."""
    return html.escape(_CONTROL.sub("", " ".join(str(text).split())), quote=True)


def _note(note: Note) -> str:
    assumed = ' <span class="assumed" title="' + e(SCHEDULE_1) + '">ASSUMED</span>' \
        if note.assumed else ""
    link = f' <a class="seq" href="#event-{note.seq}">#{note.seq}</a>' if note.seq else ""
    return f'<li class="note {e(note.tone)}">{e(note.text)}{assumed}{link}</li>'


def _notes(section: str, found: Mapping[str, list[Note]]) -> str:
    mine = found.get(section, [])
    if not mine:
        return ""
    live = [n for n in mine if n.tone not in ("event", "model")]
    model = [n for n in mine if n.tone == "model"]
    events = [n for n in mine if n.tone == "event"]
    parts = ['<aside class="live" aria-label="' + e(f"the deal under {section}") + '">']
    if live:
        parts.append('<ul class="state">' + "".join(_note(n) for n in live) + "</ul>")
    if events:
        parts.append('<details class="events"' + (" open" if len(events) <= 4 else "") + ">"
                     f"<summary>{len(events)} event{'s' if len(events) != 1 else ''} under "
                     f"this clause</summary><ul>" + "".join(_note(n) for n in events)
                     + "</ul></details>")
    parts += [f'<p class="model">{e(n.text)}</p>' for n in model]
    parts.append("</aside>")
    return "".join(parts)


def _depth(section: str) -> int:
    depth, parent = 0, clause(section).parent
    while parent is not None:
        depth, parent = depth + 1, clause(parent).parent
    return depth


def _tone(section: str, found: Mapping[str, list[Note]]) -> str:
    tones = {n.tone for n in found.get(section, []) if n.tone not in ("event", "model")}
    for tone in ("bad", "pending", "ok"):
        if tone in tones:
            return tone
    return "quiet"


def _clauses(found: Mapping[str, list[Note]], titles: Mapping[str, str]) -> Iterable[str]:
    article = None
    for section in SECTIONS:
        head = section.split(".")[0] if section[0].isdigit() else None
        if head != article and head is not None and head in titles:
            article = head
            yield f'<h2 class="article" id="article-{e(head)}">Section {e(head)}. ' \
                  f"{e(titles[head])}</h2>"
        found_clause = clause(section)
        operative = "" if found_clause.operative else " not-operative"
        piece = _piece(section)
        yield (f'<section class="clause depth-{_depth(section)} tone-{_tone(section, found)}'
               f'{operative}" id="{page_anchor(section)}" data-section="{e(section)}">'
               f'<h3><a class="num" href="#{page_anchor(section)}">{e(section)}</a> '
               f"{e(found_clause.heading)}</h3>"
               f'<div class="body"><p class="text">{e(piece)}</p>'
               f"{_notes(section, found)}</div></section>")


def _piece(section: str) -> str:
    """A clause's own words (its paragraphs follow as clauses of their own)."""
    from contract._parse import agreement

    for unit in agreement().units:
        if unit.key == section:
            return unit.piece
    return clause(section).text  # pragma: no cover - every key is a unit


def _schedule_1(found: Mapping[str, list[Note]], schedule: Sequence[Mapping[str, Any]],
                obligations: Mapping[str, Mapping[str, Any]],
                payments: Sequence[Mapping[str, Any]]) -> Iterable[str]:
    yield '<h2 class="article" id="article-schedule-1">Schedule 1. Form of Note ' \
          '<span class="assumed">ASSUMED</span></h2>'
    yield (f'<section class="clause depth-0 tone-{_tone("Schedule 1", found)}" '
           f'id="{page_anchor("Schedule 1")}" data-section="Schedule 1">'
           f'<h3><a class="num" href="#{page_anchor("Schedule 1")}">Schedule 1</a> '
           'Form of Note</h3><div class="body"><p class="text assumed-text">'
           f'<span class="assumed">ASSUMED</span> {e(SCHEDULE_1)}. {e(TERMS)}.</p>'
           f'<ul class="assumptions">'
           + "".join(f'<li><span class="assumed">ASSUMED</span> {e(key)}</li>' for key in ASSUMED)
           + f"</ul>{_notes('Schedule 1', found)}</div></section>")
    for letter, words in EVENTS_OF_DEFAULT.items():
        section = f"Schedule 1 ({letter})"
        yield (f'<section class="clause depth-1 tone-{_tone(section, found)}" '
               f'id="{page_anchor(section)}" data-section="{e(section)}">'
               f'<h3><a class="num" href="#{page_anchor(section)}">{e(section)}</a> '
               f'Event of Default</h3><div class="body"><p class="text assumed-text">'
               f'<span class="assumed">ASSUMED</span> ({e(letter)}) {e(words)}.</p>'
               f"{_notes(section, found)}</div></section>")
    rows = []
    for payment in schedule:
        owed = obligations.get(f"{payment['kind']}-{payment['date']}", {})
        standing = owed.get("status", "pending")
        rows.append(f'<tr class="{e(standing)}"><td>{e(day_words(payment["date"]))}</td>'
                    f'<td>{e(day_words(payment["payment_date"]))}</td>'
                    f'<td>{e(payment["kind"])}</td>'
                    f'<td class="money">{e(payment["amount_dollars"])}</td>'
                    f"<td>{e(standing)}</td></tr>")
    yield ('<section class="clause depth-1" id="payment-schedule">'
           '<h3>The payment schedule <span class="assumed">ASSUMED</span></h3>'
           '<table class="schedule"><thead><tr><th>due</th><th>payable</th><th>kind</th>'
           '<th>amount</th><th>status</th></tr></thead><tbody>' + "".join(rows)
           + "</tbody></table>" + _payments(payments) + "</section>")
    for section, heading, why in omitted_schedules():
        yield (f'<section class="clause depth-0 tone-quiet" id="{page_anchor(section)}" '
               f'data-section="{e(section)}"><h3><a class="num" href="#{page_anchor(section)}">'
               f'{e(section)}</a> {e(heading)}</h3><div class="body"><p class="text quiet">'
               f"{e(why)}</p></div></section>")


def _payments(payments: Sequence[Mapping[str, Any]]) -> str:
    if not payments:
        return '<p class="quiet">Nothing has been paid to the Holders.</p>'
    items = []
    for payment in payments:
        shares = "; ".join(f"{who(h)} {dollars(a)}" for h, a in
                           (payment.get("shares") or {}).items())
        items.append(f"<li>{e(moment_words(payment['at']))}: {e(who(payment['payer']))} paid "
                     f"{e(dollars(payment['amount']))} of {e(payment['purpose'])}"
                     + (f" (shares: {e(shares)})" if shares else "") + "</li>")
    return '<h4>What was paid</h4><ul class="payments">' + "".join(items) + "</ul>"


def _timeline(timeline: Sequence[Mapping[str, Any]]) -> str:
    rows = []
    for entry in timeline:
        section = entry.get("section") or ""
        target = page_anchor(section) if section else "timeline"
        cite = f'<a href="#{target}">{e(section)}</a>' if section else ""
        rows.append(f'<li id="event-{entry["seq"]}" data-seq="{entry["seq"]}">'
                    f'<span class="when">{e(moment_words(entry["at"]) if entry["at"] else "")}'
                    f'</span> <span class="what">{e(entry["summary"])}</span> '
                    f'<span class="cite">{cite}</span></li>')
    return ('<section id="timeline" class="panel"><h2>Timeline</h2>'
            '<p class="hint">Each event links to the clause it rests on.</p>'
            '<ol class="timeline">' + "".join(rows) + "</ol>"
            f'<p id="{page_anchor("time passing")}" class="hint">Time passing: the engine '
            "takes actions in time order, and deadlines fire as time passes.</p>"
            # Where a refusal under "time order" links (`Reason.to_dict`'s "page").
            f'<p id="{page_anchor(TIME_ORDER)}" class="hint">Time order: '
            f'{e(quote(TIME_ORDER))}</p></section>')


def _summary(status: Mapping[str, Any]) -> str:
    balances = status.get("balances") or {}
    continuing = [d for d in status.get("events_of_default", []) if d["status"] == "continuing"]
    rows = [("State", status["state"]),
            ("Closing Date", day_words(status.get("closing_date"))),
            ("Principal outstanding", dollars(balances.get("principal_outstanding"))),
            ("Interest accrued", dollars(balances.get("interest_accrued"))),
            ("Interest overdue", dollars(balances.get("interest_overdue"))),
            ("Holders", "; ".join(f"{who(h)} {dollars(p)}"
                                  for h, p in (status.get("holders") or {}).items()) or "none"),
            ("Events of Default continuing", ", ".join(d["id"] for d in continuing) or "none"),
            ("Accelerated", "yes" if status.get("accelerated") else "no")]
    missing = status.get("missing") or []
    body = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows)
    if missing:
        body += "<tr><th>Still missing</th><td><ul>" + "".join(
            f'<li><a href="#{page_anchor(m["section"])}">{e(m["section"])}</a>: '
            f'{e(m["message"])}</li>' for m in missing) + "</ul></td></tr>"
    return f'<section id="summary" class="panel"><h2>The deal now</h2><table>{body}</table>' \
           "</section>"


def _contents(titles: Mapping[str, str], found: Mapping[str, list[Note]]) -> str:
    items = []
    for section in SECTIONS:
        if _depth(section):
            continue
        number = f'<span class="num">{e(section)}</span> ' if section[0].isdigit() else ""
        items.append(f'<li class="tone-{_tone(section, found)}">'
                     f'<a href="#{page_anchor(section)}">{number}{e(clause(section).heading)}'
                     "</a></li>")
    items.append('<li><a href="#article-schedule-1">Schedule 1 Form of Note (ASSUMED)</a></li>')
    return ('<nav id="contents" aria-label="Contents"><h2>Contents</h2>'
            '<p><a href="#summary">The deal now</a> · <a href="#lifecycle">Lifecycle</a> · '
            '<a href="#timeline">Timeline</a> · <a href="#coverage">Coverage</a></p>'
            "<ol>" + "".join(items) + "</ol></nav>")


def _coverage(coverage: Mapping[str, Any] | None) -> str:
    if not coverage:
        return ('<section id="coverage" class="panel"><h2>Clause coverage</h2>'
                '<p class="hint">Not computed for this page (npa page --no-coverage); '
                "npa coverage gives it.</p></section>")
    rows = []
    for row in coverage.get("sections", []):
        count = len(row.get("scenarios", []))
        tone = "ok" if count or row.get("explored") else ("bad" if row.get("operative")
                                                           else "quiet")
        what = (f"{count} scenario{'s' if count != 1 else ''}" if row.get("operative")
                else f"not operative: {row.get('reason') or ''}")
        rows.append(f'<tr class="tone-{tone}"><td><a href="#{page_anchor(row["section"])}">'
                    f'{e(row["section"])}</a></td><td>{e(row.get("heading", ""))}</td>'
                    f'<td class="money">{len(row.get("rules", []))}</td><td>{e(what)}</td></tr>')
    never = coverage.get("never_exercised", [])
    files = coverage.get("files", [])
    return ('<section id="coverage" class="panel"><h2>Clause coverage</h2>'
            f'<p class="hint">From npa coverage: {e(coverage.get("scenarios", 0))} scenarios of '
            f"{len(files)} feature files; a clause is exercised when a scenario's action "
            "produced an event or a refusal citing it.</p>"
            + (f'<p class="never">Never exercised ({len(never)}): '
               + ", ".join(f'<a href="#{page_anchor(n)}">{e(n)}</a>' for n in never) + "</p>"
               if never else "")
            + '<details><summary>Every clause</summary><table class="schedule coverage"><thead>'
            "<tr><th>section</th><th>heading</th><th>rules</th><th>exercised by</th></tr>"
            "</thead><tbody>" + "".join(rows) + "</tbody></table></details></section>")


def page_html(*, deal_id: str, status: Mapping[str, Any], timeline: Sequence[Mapping[str, Any]],
              found: Mapping[str, list[Note]], schedule: Sequence[Mapping[str, Any]],
              payments: Sequence[Mapping[str, Any]], titles: Mapping[str, str],
              coverage: Mapping[str, Any] | None = None,
              purchaser: str = "Nomura Holding America, Inc.") -> str:
    """The whole page as one HTML document."""
    obligations = {o["id"]: o for o in status.get("obligations", [])}
    as_of = moment_words(status.get("as_of")) if status.get("as_of") else "the start"
    title = f"Note Purchase Agreement: {deal_id}, as of {as_of}"
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">",
        f"<title>{e(title)}</title><style>{STYLE}</style></head><body>",
        '<header><p class="kicker">Note Purchase Agreement '
        + ("dated as of October 27, 1997" if purchaser == "Nomura Holding America, Inc."
           else "on the 1997 template") + "</p>"
        f"<h1>{e(status.get('company') or 'the Company')} and {e(purchaser)}</h1>"
        f'<p class="meta">Deal <b>{e(deal_id)}</b> · <span class="badge state-'
        f'{e(status["state"])}" id="current-state">{e(status["state"])}</span> · as of '
        f'<time datetime="{e(status.get("as_of") or "")}">{e(as_of)}</time> (New York time)</p>'
        '<p class="hint">The agreement in its own words; beside each clause, the deal as its '
        "event log stands at that moment. Terms of the omitted Schedule 1 are marked "
        '<span class="assumed">ASSUMED</span>.</p></header>',
        '<div class="layout">', _contents(titles, found), "<main>",
        _summary(status),
        '<section id="lifecycle" class="panel"><h2>Lifecycle</h2>',
        lifecycle_svg(status["state"], title="The lifecycle; the deal is " + status["state"]),
        "</section>",
        _timeline(timeline), _coverage(coverage),
        '<article id="agreement"><h2 class="article">The Agreement</h2>',
        *_clauses(found, titles),
        *_schedule_1(found, schedule, obligations, payments),
        "</article></main></div>",
        '<footer><p>Made by npa from the deal\'s event log; nothing on this page is stored. '
        "Schedule 1 (Form of Note) was omitted from the filing: its terms are ASSUMED.</p>"
        "</footer></body></html>\n",
    ])


__all__ = ["e", "page_html"]
