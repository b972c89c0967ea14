"""The page in a real browser: headless Chromium (Debian's `chromium`) driven by
Playwright's Python package. It loads the demo deal's page at three moments,
reads the annotations of a few clauses, follows a refusal's link to its clause
and a timeline link, checks there are no console errors and no network
requests, and takes a screenshot and a PDF print (kept under
`.venv/page-shots/` for a person to look at).

`make test` installs chromium when it is missing and it can (as root); the
tests skip with one line saying why otherwise.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engine import Deal
from engine.demo import STORIES
from engine.explain import page_anchor
from engine.page import page_of

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = Path(__file__).resolve().parent.parent / ".venv" / "page-shots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - a dev dependency
    sync_playwright = None  # type: ignore[assignment]

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make test installs "
                       "Debian's chromium when it runs as root)"),
    pytest.mark.skipif(sync_playwright is None, reason="playwright is not installed (pip "
                       "install -e '.[dev]')"),
]

#: The demo's default story at three moments: closed, in default, repaid.
MOMENTS = {"closed": "1997-10-27T10:45", "default": "1998-03-12T12:00",
           "repaid": "1998-07-02T10:00"}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The page of the demo's default story at each moment, written to files."""
    deal = Deal.create(None, "lexington-1997")
    for action in STORIES["default"]():
        assert deal.act(action).accepted
    folder = tmp_path_factory.mktemp("pages")
    written = {}
    for name, moment in MOMENTS.items():
        path = folder / f"{name}.html"
        path.write_text(page_of(deal, moment), encoding="utf-8")
        written[name] = path
    refused = deal.act({"type": "close", "actor": "company", "at": "1998-07-02T10:00"})
    (folder / "refusal.txt").write_text(refused.to_dict()["reasons"][0]["page"],
                                        encoding="utf-8")
    return written


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium with a new empty profile, no network of its own."""
    assert sync_playwright is not None
    profile = tmp_path_factory.mktemp("profile")
    with sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=ARGS,
            viewport={"width": 1400, "height": 1000})
        yield context
        context.close()


class _Watched:
    """A browser tab with its console errors and every request it made."""

    def __init__(self, context: Any) -> None:
        self.page = context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error"
                     else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def notes(self, section: str) -> str:
        found: str = self.page.locator(f"#{page_anchor(section)} > .body > aside.live").inner_text()
        return " ".join(found.split())


def test_the_page_loads_without_errors_or_network(browser: Any, pages: dict[str, Path]) -> None:
    """Each page loads with no console error and no request but for its own file."""
    for path in pages.values():
        tab = _Watched(browser)
        tab.page.goto(path.as_uri())
        tab.page.wait_for_load_state("load")
        assert tab.errors == []
        assert tab.requests == [path.as_uri()]
        tab.page.close()


def test_the_annotations_at_three_moments(browser: Any, pages: dict[str, Path]) -> None:
    """5.1(d), Schedule 1 (b), 8.5 and the state badge read as the deal stood each time."""
    tab = _Watched(browser)
    tab.page.goto(pages["closed"].as_uri())
    assert "Satisfied by the Company on October 27, 1997 at 09:35 EST" in tab.notes("5.1(d)")
    assert tab.page.locator("#current-state").inner_text() == "Closed"
    tab.page.goto(pages["default"].as_uri())
    assert "continuing" in tab.notes("Schedule 1 (b)") and "ASSUMED" in tab.notes(
        "Schedule 1 (b)")
    assert "Notice N2 (acceleration)" in tab.notes("8.5")
    assert tab.page.locator("svg.lifecycle g.state.current").get_attribute(
        "data-state") == "Default"
    tab.page.goto(pages["repaid"].as_uri())
    assert "cured" in tab.notes("Schedule 1 (b)")
    assert tab.page.locator("#current-state").inner_text() == "Repaid"
    assert tab.errors == []
    tab.page.close()


def test_a_refusal_opens_the_page_at_its_clause(browser: Any, pages: dict[str, Path]) -> None:
    """A refused action's "page" anchor opens the page at that clause, scrolled into view."""
    anchor = (pages["repaid"].parent / "refusal.txt").read_text(encoding="utf-8")
    tab = _Watched(browser)
    tab.page.goto(pages["repaid"].as_uri() + anchor)
    target = tab.page.evaluate("document.querySelector(':target') && "
                               "document.querySelector(':target').id")
    assert "#" + target == anchor
    top = tab.page.evaluate("document.querySelector(':target').getBoundingClientRect().top")
    assert 0 <= top < 200
    tab.page.close()


def test_a_timeline_event_links_to_its_clause(browser: Any, pages: dict[str, Path]) -> None:
    """Clicking an event's section on the timeline goes to that clause."""
    tab = _Watched(browser)
    tab.page.goto(pages["default"].as_uri())
    tab.page.locator("#event-6 .cite a").click()
    assert tab.page.evaluate("location.hash") == "#section-5-1-d"
    assert tab.page.locator("#section-5-1-d").is_visible()
    tab.page.close()


def test_screenshots_and_a_print(browser: Any, pages: dict[str, Path]) -> None:
    """A screenshot of the top and of 8.5, and a PDF print with the print stylesheet."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab = _Watched(browser)
    tab.page.goto(pages["default"].as_uri())
    tab.page.screenshot(path=str(SHOTS / "page-default-top.png"))
    tab.page.goto(pages["default"].as_uri() + "#section-8-5")
    tab.page.screenshot(path=str(SHOTS / "page-default-8.5.png"))
    tab.page.emulate_media(media="print")
    assert tab.page.locator("nav#contents").is_hidden()
    pdf = tab.page.pdf(path=str(SHOTS / "page-default.pdf"), format="Letter")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") > 10
    assert (SHOTS / "page-default-top.png").stat().st_size > 10_000
    tab.page.close()
