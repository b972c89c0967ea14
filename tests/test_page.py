"""`npa page`: the agreement as one self-contained page, annotated with the deal's
state at a moment; and `npa diagram --format svg`."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from contract.text import SECTIONS
from engine import Deal
from engine.cli import cli, main
from engine.demo import STORIES
from engine.explain import page_anchor
from engine.page import lifecycle_svg, page_of
from engine.page.render import e

SVG = "{http://www.w3.org/2000/svg}"

#: Three moments of the default story: just closed, in Default, and cured and repaid.
CLOSED, IN_DEFAULT, REPAID = "1997-10-27T10:45", "1998-03-12T12:00", "1998-07-02T10:00"


@pytest.fixture(scope="module")
def deal() -> Deal:
    """The demo's default story: a missed coupon, default, acceleration, recovery."""
    made = Deal.create(None, "lexington-1997")
    for action in STORIES["default"]():
        assert made.act(action).accepted
    return made


class _Sections(HTMLParser):
    """Each clause's text and its notes, by section, as a reader sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, list[str]] = {}
        self.ids: list[str] = []
        self.tags: set[str] = set()
        self.links: list[str] = []
        self.urls: list[str] = []
        self._stack: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.add(tag)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        for key in ("src", "href"):
            if found.get(key):
                (self.links if key == "href" else self.urls).append(str(found[key]))
        if tag == "section":
            self._stack.append(found.get("data-section"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        here = next((s for s in reversed(self._stack) if s), None)
        if here is not None:
            self.sections.setdefault(here, []).append(data)

    def text(self, section: str) -> str:
        return " ".join(" ".join(self.sections.get(section, [])).split())


def _read(html: str) -> _Sections:
    parsed = _Sections()
    parsed.feed(html)
    return parsed


def test_every_section_of_the_agreement_is_on_the_page_in_its_own_words(deal: Deal) -> None:
    """Each section has its anchor and its words; Schedule 1 and its (a)-(e) are there too."""
    page = _read(page_of(deal, CLOSED))
    for section in SECTIONS:
        assert page_anchor(section) in page.ids, section
    assert "The Company shall furnish to each Holder" in page.text("6.1") or page.text("6.1")
    assert page.text("5.1(d)").startswith("5.1(d) Opinion of Counsel (d) OPINION OF COUNSEL.")
    for letter in "abcde":
        assert page_anchor(f"Schedule 1 ({letter})") in page.ids
    assert len(set(page.ids)) == len(page.ids)


def test_the_page_is_self_contained(deal: Deal) -> None:
    """No script, no external stylesheet, font or image: every link stays on the page."""
    html = page_of(deal, IN_DEFAULT)
    page = _read(html)
    assert "script" not in page.tags and "link" not in page.tags
    assert page.urls == []
    assert all(link.startswith("#") for link in page.links)
    assert all(link[1:] in page.ids for link in page.links)
    assert "@font-face" not in html and "url(" not in html.replace("url(#arrow)", "")


def test_just_after_the_closing_conditions_show_who_met_them_and_when(deal: Deal) -> None:
    """At 10:45 on the Closing Date, 5.1(d) was met by the Company at 09:35; the deal is Closed."""
    page = _read(page_of(deal, CLOSED))
    assert "Satisfied by the Company on October 27, 1997 at 09:35 EST" in page.text("5.1(d)")
    assert "Satisfied by the Company on October 27, 1997 at 10:30 EST" in page.text("5.1(e)")
    assert "The Notes have not been delivered" in page.text("2.2")
    assert "Closed" in page.text("2.1")


def test_in_default_the_event_of_default_and_the_acceleration_are_shown(deal: Deal) -> None:
    """In March 1998 Schedule 1 (b) shows E1 continuing, 8.5 the notices, all ASSUMED marks."""
    page = _read(page_of(deal, IN_DEFAULT))
    default = page.text("Schedule 1 (b)")
    assert "Event of Default E1 (b)" in default and "continuing" in default
    assert "ASSUMED" in default
    assert "The Notes were accelerated on March 10, 1998 at 11:00 EST" in page.text("Schedule 1")
    notices = page.text("8.5")
    assert "Notice N2 (acceleration) from Purchaser to the Company by hand" in notices
    assert "effective March 10, 1998 at 11:00 EST" in notices


def test_once_repaid_the_event_of_default_is_cured(deal: Deal) -> None:
    """After the recovery E1 is cured and the page says the deal is Repaid."""
    html = page_of(deal, REPAID)
    page = _read(html)
    # Cured with the last payment, of the default interest run on since April 1.
    assert "cured on July 1, 1998 at 10:30 EDT" in page.text("Schedule 1 (b)")
    assert 'id="current-state">Repaid<' in html


def test_the_page_as_of_a_later_moment_shows_what_will_fall_due(deal: Deal) -> None:
    """A fresh deal's page a year on: nothing signed, and nothing stored by asking."""
    fresh = Deal.create(None, "fresh")
    before = len(fresh.events)
    page = _read(page_of(fresh, "1998-10-27T10:00"))
    assert "Not yet signed" in page.text("signature page")
    assert "Pending" in page.text("5.1(d)")
    assert len(fresh.events) == before


def test_sections_not_operative_say_why(deal: Deal) -> None:
    """8.11 Titles and 8.14 Counterparts are marked not operative, with the reason."""
    page = _read(page_of(deal, CLOSED))
    assert "Not operative: the titles are for convenience of reference only" in page.text("8.11")
    assert "Not operative:" in page.text("8.14")


def test_the_payment_schedule_shows_what_was_paid(deal: Deal) -> None:
    """The schedule (ASSUMED) lists each payment with its status, and what was paid to whom."""
    html = page_of(deal, REPAID)
    assert re.search(r'<tr class="paid"><td>February 1, 1998</td><td>February 2, 1998</td>'
                     r"<td>interest</td>", html)
    assert ("<li>April 1, 1998 at 10:00 EST: the Company paid $336,875.00 of interest "
            "(shares: Purchaser $336,875.00)</li>") in html


def test_the_timeline_links_each_event_to_its_clause(deal: Deal) -> None:
    """Every timeline entry with a section links to that clause's anchor."""
    html = page_of(deal, IN_DEFAULT)
    entries = re.findall(r'<li id="event-(\d+)" data-seq="\d+">.*?</li>', html)
    assert len(entries) > 30
    assert '<li id="event-6" data-seq="6"><span class="when">October 27, 1997 at 09:35 EST' \
           '</span> <span class="what">5.1(d) satisfied</span> <span class="cite">' \
           '<a href="#section-5-1-d">5.1(d)</a>' in html


def test_user_text_cannot_forge_markup(deal: Deal) -> None:
    """A description with markup and line breaks is shown as text, on one line."""
    made = Deal.create(None, "forge")
    made.act({"type": "record_proceeding", "actor": "company", "at": "1997-10-20T09:00",
              "description": "<script>alert(1)</script> <b>forged</b> & \"quoted\""})
    html = page_of(made)
    assert "<script" not in html and "<b>forged" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;forged&lt;/b&gt; &amp; " \
           "&quot;quoted&quot;" in html
    assert e("a\nb\u2028c\x1bd <i>") == "a b cd &lt;i&gt;"


def test_a_refusal_carries_the_anchor_of_its_clause_on_the_page(deal: Deal) -> None:
    """Each reason of a refused action names its clause's anchor on the page."""
    result = deal.act({"type": "close", "actor": "company", "at": "1998-07-02T10:00"})
    assert not result.accepted
    reasons = result.to_dict()["reasons"]
    assert reasons and all(r["page"] == "#" + page_anchor(r["section"]) for r in reasons)
    ids = _read(page_of(deal)).ids
    assert all(r["page"][1:] in ids for r in reasons)


def test_a_refusal_under_time_order_links_to_an_anchor_the_page_has(deal: Deal) -> None:
    """An action dated before the deal's clock is refused under "time order", the engine's
    own rule: its "page" named #section-time-order, which the page did not have."""
    result = deal.act({"type": "sign", "actor": "purchaser", "at": "1997-10-19T09:00"})
    [reason] = [r for r in result.to_dict()["reasons"] if r["section"] == "time order"]
    page = _read(page_of(deal))
    assert reason["page"][1:] in page.ids


def test_npa_page_writes_one_file_and_reports_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`npa page DEAL --out FILE --as-of T` writes the page; bad input is one line, exit 2."""
    db = str(tmp_path / "npa.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["new", "d1", "--db", db]).exit_code == 0
    out = tmp_path / "d1.html"
    result = runner.invoke(cli, ["page", "d1", "--db", db, "--out", str(out),
                                 "--as-of", "1997-10-27T09:00", "--json", "--no-coverage"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["out"] == str(out)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    for args, field in ((["d1", "--as-of", "nonsense"], "as-of"),
                        (["d1", "--out", str(tmp_path / "no" / "x")], "out"),
                        (["d1", "--as-of", "1997-10-27T09:00", "--out", str(tmp_path)], "out")):
        with pytest.raises(SystemExit) as code:
            main(["page", *args, "--db", db])
        err = capsys.readouterr().err
        assert code.value.code == 2 and err.startswith(f"npa: error: {field}: "), err
        assert err.count("\n") == 1


def _svg(text: str) -> ET.Element:
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    return root


def test_npa_diagram_svg_parses_as_svg_with_every_state_and_transition() -> None:
    """`npa diagram --format svg` is well-formed SVG with the six states and each transition."""
    result = CliRunner().invoke(cli, ["diagram", "--format", "svg", "--state", "Default"])
    assert result.exit_code == 0
    root = _svg(result.output)
    states = [g.get("data-state") for g in root.iter(f"{SVG}g") if g.get("data-state")]
    assert states == ["Drafted", "ConditionsPending", "Closed", "Outstanding", "Default",
                      "Repaid"]
    current = [g.get("data-state") for g in root.iter(f"{SVG}g")
               if "current" in (g.get("class") or "")]
    assert current == ["Default"]
    triggers = {g.get("data-trigger") for g in root.iter(f"{SVG}g") if g.get("data-trigger")}
    assert triggers == {"execute", "close", "settle", "default", "repay", "cure"}
    as_json = json.loads(CliRunner().invoke(cli, ["diagram", "--format", "svg", "--json"]).output)
    _svg(as_json["diagram"])


def test_the_svg_check_fails_on_broken_svg() -> None:
    """The check is real: SVG with a tag left open does not parse."""
    with pytest.raises(ET.ParseError):
        _svg(lifecycle_svg().replace("</svg>", ""))


def _vertical_arrows(root: ET.Element) -> list[tuple[float, float, float]]:
    """Each straight vertical arrow of the diagram: its x and the y it runs between."""
    out = []
    for path in root.iter(f"{SVG}path"):
        words = (path.get("d") or "").split()
        if len(words) == 6 and words[0] == "M" and words[3] == "L" and words[1] == words[4]:
            out.append((float(words[1]), float(words[2]), float(words[5])))
    return out


@pytest.mark.parametrize("state", ["Drafted", "ConditionsPending", "Closed", "Outstanding",
                                   "Default", "Repaid"])
def test_the_now_label_touches_no_arrow(state: str) -> None:
    """The "now" over the current state is not drawn across an arrow into or out of it
    (it lay on the arrow from Default into Repaid)."""
    root = _svg(lifecycle_svg(state))
    [label] = [t for t in root.iter(f"{SVG}text") if t.get("class") == "now"]
    x, y = float(label.get("x") or 0), float(label.get("y") or 0)
    for line_x, top, bottom in _vertical_arrows(root):
        crossed = abs(line_x - x) < 20 and min(top, bottom) - 2 <= y <= max(top, bottom) + 12
        assert not crossed, f"'now' at ({x}, {y}) lies on the arrow at x={line_x}"


def test_the_now_check_sees_a_label_on_an_arrow() -> None:
    """The check above can fail: a label put back on the arrow into Repaid is found."""
    root = _svg(lifecycle_svg("Repaid"))
    [(line_x, top, bottom)] = _vertical_arrows(root)
    assert abs(line_x - 1153) < 1 and min(top, bottom) < 191 < max(top, bottom) + 12


def test_each_page_state_marks_its_own_state(deal: Deal) -> None:
    """The page's inline diagram marks the deal's current state."""
    for moment, state in ((CLOSED, "Closed"), (IN_DEFAULT, "Default"), (REPAID, "Repaid")):
        html = page_of(deal, moment)
        assert f'class="state current" data-state="{state}" aria-current="true"' in html


@pytest.mark.parametrize(("args", "field"), [
    (["spec", "FEATURE", "--tags", "not"], "tags"),
    (["spec", "FEATURE:999"], "path"),
    (["spec", "FEATURE", "--format", "html"], "format"),
    (["spec", "FEATURE", "--format", "pretty", "--format", "junit"], "format"),
    (["spec", "FEATURE", "--format", "junit:"], "format"),
    (["spec", "FEATURE", "--format", "junit:/nonexistent/dir/x.xml"], "format"),
    (["spec", "NOWHERE.feature"], "path"),
    (["diagram", "--format", "svg", "--state", "Limbo"], "state"),
    (["diagram", "--format", "png"], None),
    (["page", "d1", "--as-of", "1997-13-40T10:00"], "as-of"),
    (["page", "d1", "--coverage", "NOWHERE.feature"], "coverage"),
    (["page", "d1", "--as-of", "2300-01-01T00:00"], "as-of"),
])
def test_every_new_input_in_a_bad_form_is_one_line_and_exit_2(
    args: list[str], field: str | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad options of spec, diagram and page: one line on stderr (naming the field), exit 2."""
    db = str(tmp_path / "npa.db")
    feature = tmp_path / "a.feature"
    feature.write_text("Feature: x\n  Example: y\n    Given the 1997 deal\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["new", "d1", "--db", db]).exit_code == 0
    given = [a.replace("FEATURE", str(feature)).replace("NOWHERE", str(tmp_path / "no"))
             for a in args]
    with pytest.raises(SystemExit) as code:
        main([*given, "--db", db])
    err = capsys.readouterr().err
    assert code.value.code == 2, err
    assert err.startswith("npa: error: " + (f"{field}: " if field else "")) and \
        err.count("\n") == 1


def test_each_section_says_how_the_engine_carries_it_or_why_not(deal: Deal) -> None:
    """Beside each operative clause, how the engine carries it (or why it has nothing to
    decide); Schedules 2 to 8 are listed with why they are not there."""
    html = page_of(deal, CLOSED)
    page = _read(html)
    assert "In the engine: `close` is held on the Closing Date only" in page.text("2.1")
    assert "Not modelled: whether a provision is unenforceable is for a court" in \
        page.text("8.12")
    for number in range(2, 9):
        assert page_anchor(f"Schedule {number}") in page.ids
    assert html.index('id="payment-schedule"') < html.index('id="section-schedule-2"')


def test_the_page_shows_the_clause_coverage_of_the_features(deal: Deal, tmp_path: Path) -> None:
    """With `npa coverage`'s report, the page lists the clauses never exercised and says
    beside each operative clause how many scenarios exercise it."""
    from engine.clause_coverage import coverage

    feature = tmp_path / "a.feature"
    feature.write_text("Feature: x\n  Example: y\n    Given the 1997 deal\n"
                       "    When the Company signs on October 20, 1997 at 09:00\n",
                       encoding="utf-8")
    report = coverage([feature]).to_dict()
    html = page_of(deal, CLOSED, report)
    page = _read(html)
    assert "Features: 1 scenario exercises this clause" in page.text("signature page")
    assert "Features: no scenario exercises this clause" in page.text("5.1(d)")
    never = html[html.index('<p class="never">'):].split("</p>")[0]
    assert '<a href="#section-5-1-d">5.1(d)</a>' in never
    assert "signature page" not in never
    assert "Not computed" in page_of(deal, CLOSED)


def test_the_state_has_its_own_colour_red_only_for_default(deal: Deal) -> None:
    """The badge and the diagram's current state were the same alarm red whatever the
    state: Repaid is green, Default red."""
    from engine.page.style import STYLE

    repaid, default = page_of(deal, REPAID), page_of(deal, IN_DEFAULT)
    assert 'class="badge state-Repaid"' in repaid and 'class="badge state-Default"' in default
    assert ".badge.state-Repaid, .badge.state-Outstanding { background: var(--ok); }" in STYLE
    assert ".badge.state-Default { background: var(--bad); }" in STYLE
    assert 'data-state="Repaid" aria-current="true"><rect' in repaid
    current = repaid.split('data-state="Repaid" aria-current="true">', 1)[1]
    assert 'fill="#1f5f3a"' in current.split("</g>", 1)[0]
    current = default.split('data-state="Default" aria-current="true">', 1)[1]
    assert 'fill="#8b1a1a"' in current.split("</g>", 1)[0]
