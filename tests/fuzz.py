"""The fuzz run over every entry point (issue 10, "Done means"): CLI, dict, action objects,
JSON text, TOML term sheets and Gherkin steps, each input made by mutating a valid one.

It counts, per entry point, the inputs tried, the tracebacks (an exception that is not a
documented `NpaError`, an `npa` exit code outside 0/1/2, or more than one error line) and
the writes on rejection (a refused or invalid input that changed the log). Both must be 0.
`tests/test_fuzz.py` runs 2,000 inputs in `make test`; `make fuzz` runs 10,000:

    python tests/fuzz.py --inputs 10000 --seed 1
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import re
import sqlite3
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from contract import DEFAULT_TERMS, NpaError, dump_toml, load_terms
from engine import Deal, MemoryLog
from engine.actions import ACTION_TYPES, Action, Damage, NoticeSpec
from engine.cli import main
from engine.clock import NEW_YORK
from engine.demo import STORIES
from engine.events import Event

ROOT = Path(__file__).resolve().parent.parent
ENTRY_POINTS = ("dict", "object", "json", "cli", "toml", "gherkin")
#: How the inputs are shared among the entry points (the CLI costs most: a process's work).
SHARES = {"dict": 25, "object": 15, "json": 10, "cli": 15, "toml": 15, "gherkin": 20}

#: Strings that have broken parsers elsewhere: controls, bidi overrides, surrogates, digits
#: of other scripts, the daylight-saving hours, huge and empty text.
NASTY_TEXT = [
    "", " ", "\n", "a\nb", "\x00", "\x1b[2J", "\u202e", "\u2028", "\ud800", "١٢٣", "７５００",
    "1998-10-25T01:30", "1998-04-05T02:30", "9999-12-31T23:59", "1899-12-31T23:59",
    "1997-10-27T25:00", "NaN", "-0.00", "1e5", "1.001", "7500000.00", "0.01", "holder:",
    "holder: x", "holder:Special Fund, L.P.", "holder:" + "A" * 201, "x" * 10_001,
    "\U0001f600" * 300, "purchaser", "company", "Null", "{}", "[]", "'", '"', "\\",
]
WEIRD_VALUES: list[Any] = [
    None, True, False, 0, -1, 10 ** 30, 10 ** 5000, 1.5, float("nan"), float("inf"),
    Decimal("NaN"), Decimal("sNaN"), Decimal("1E+999999"), Decimal("100.001"), b"bytes",
    [], {}, [[[[[[[[[[[]]]]]]]]]]], {"a": {"b": {"c": {}}}}, object(), (1, 2),
    datetime(1998, 10, 25, 1, 30), datetime(2150, 1, 1, tzinfo=NEW_YORK),
    datetime(1997, 10, 27, 10, tzinfo=timezone(timedelta(hours=14))),
    NoticeSpec(method="hand"), Damage(kind="losses", amount=Decimal("1")),
]


@dataclass
class Tally:
    """One entry point's counts, and the first few failures found."""

    inputs: int = 0
    tracebacks: int = 0
    writes_on_rejection: int = 0
    failures: list[str] = field(default_factory=list)

    def fail(self, kind: str, what: str) -> None:
        if kind == "traceback":
            self.tracebacks += 1
        else:
            self.writes_on_rejection += 1
        if len(self.failures) < 5:
            # The input first, the exception last: a long traceback keeps both ends.
            kept = what if len(what) <= 1500 else f"{what[:700]}\n...\n{what[-800:]}"
            self.failures.append(f"{kind}: {kept}")


def _valid_actions() -> list[dict[str, Any]]:
    """Every action of the demo stories: valid ones to mutate."""
    seen: list[dict[str, Any]] = []
    for story in STORIES.values():
        seen += [dict(action) for action in story()]
    return seen


VALID = _valid_actions()


_HUGE = '"__an int of 5,001 digits__"'


def _plain(value: Any) -> Any:
    """A value json.dumps can write: ints too long for str() become a marker."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 10_000:
        return _HUGE.strip('"')
    if isinstance(value, dict):
        return {k if isinstance(k, str | int) else str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def dumps(value: Any) -> str:
    """JSON text of a mutated action, a huge int written as the number it is."""
    return json.dumps(_plain(value), default=str).replace(_HUGE, "1" + "0" * 5000)


def _weird(rng: random.Random) -> Any:
    pick = rng.random()
    if pick < 0.45:
        return rng.choice(NASTY_TEXT)
    if pick < 0.9:
        return rng.choice(WEIRD_VALUES)
    return {"method": rng.choice(["hand", "fax", 3, None]),
            rng.choice(["delivered_at", "postmarked_at", "bogus"]): rng.choice(NASTY_TEXT)}


def mutate(action: dict[str, Any], rng: random.Random) -> Any:
    """A valid action with one to three things broken (or left as it is, now and then)."""
    data: dict[Any, Any] = json.loads(json.dumps(action, default=str))
    for _ in range(rng.randint(0, 3)):
        how = rng.random()
        keys = sorted(data, key=str)
        if how < 0.2 and keys:
            data.pop(rng.choice(keys))
        elif how < 0.55 and keys:
            data[rng.choice(keys)] = _weird(rng)
        elif how < 0.65:
            data[rng.choice(["extra", "request_id", 7, "", "type "])] = _weird(rng)
        elif how < 0.75:
            data["type"] = rng.choice([*ACTION_TYPES, "bogus", None, 1])
        elif how < 0.85:
            data["actor"] = rng.choice(["company", "purchaser", "guarantor", "court",
                                        "holder:Acme", "holder:Special Fund, L.P.",
                                        *NASTY_TEXT[:20]])
        else:
            data["at"] = rng.choice([*NASTY_TEXT[10:18], "1998-02-02T10:00",
                                     "1998-10-25T01:30-04:00"])
    return data


class Deals:
    """Deals at several points of their lives, rebuilt from cached events after each use."""

    def __init__(self) -> None:
        self.logs: list[list[Event]] = []
        for cut in (0, 2, 12, 20, 30, 60):
            deal = Deal.create(None, "fuzz")
            for action in [*STORIES["default"](), *STORIES["indemnity"]()][:cut]:
                deal.act(action)
            self.logs.append(list(deal.events))

    def any(self, rng: random.Random) -> Deal:
        log = MemoryLog()
        events = rng.choice(self.logs)
        log.create("fuzz", events, lambda: {})
        return Deal(log, "fuzz", events)


def _act_checked(deal: Deal, given: Any, tally: Tally, label: str) -> None:
    """`act` (and `why_not`): a result or an NpaError, and nothing stored unless accepted."""
    before = len(deal.events)
    try:
        result = deal.act(given)
        if not result.accepted and len(deal.events) != before:
            tally.fail("write", f"{label}: a refused action stored events: {given!r:.300}")
    except NpaError:
        if len(deal.events) != before:
            tally.fail("write", f"{label}: an invalid action stored events: {given!r:.300}")
    except Exception:
        tally.fail("traceback", f"{label} {given!r:.300}\n{traceback.format_exc()}")
    try:
        deal.why_not(given)
    except NpaError:
        pass
    except Exception:
        tally.fail("traceback", f"why_not {given!r:.300}\n{traceback.format_exc()}")


def fuzz_dict(rng: random.Random, deals: Deals, tally: Tally) -> None:
    _act_checked(deals.any(rng), mutate(rng.choice(VALID), rng), tally, "dict")


def fuzz_object(rng: random.Random, deals: Deals, tally: Tally) -> None:
    cls = rng.choice(sorted(ACTION_TYPES.values(), key=lambda c: c.TYPE))
    base = next((a for a in VALID if a["type"] == cls.TYPE), {"actor": "company",
                                                             "at": "1998-02-02T10:00"})
    values: dict[str, Any] = {}
    for f in attrs.fields(cls):
        if f.name in base and rng.random() < 0.6:
            values[f.name] = base[f.name]
        elif f.default is not attrs.NOTHING and rng.random() < 0.5:
            continue
        else:
            values[f.name] = _weird(rng)
    try:
        action: Action = cls(**values)
    except NpaError:
        return
    except Exception:
        tally.fail("traceback", f"{cls.__name__}(**{values!r:.300})\n{traceback.format_exc()}")
        return
    _act_checked(deals.any(rng), action, tally, "object")


def fuzz_json(rng: random.Random, deals: Deals, tally: Tally) -> None:
    text = dumps(mutate(rng.choice(VALID), rng))
    how = rng.random()
    if how < 0.2:
        text = text[:rng.randint(0, len(text))]
    elif how < 0.3:
        text = "[" * rng.randint(1, 50_000) + text
    elif how < 0.4:
        text = text.replace("}", ', "pad": "' + "\U0001f600" * 270_000 + '"}')
    given: str | bytes = text.encode("utf-8", "surrogatepass") if rng.random() < 0.3 else text
    _act_checked(deals.any(rng), given, tally, "json")


class Cli:
    """`npa` run in process on one SQLite file holding a deal in its life."""

    def __init__(self, folder: Path) -> None:
        self.db = str(folder / "fuzz.db")
        self.folder = folder
        self.run("new", "fuzz", "--db", self.db)
        for action in STORIES["default"]()[:14]:
            self.run("act", "fuzz", json.dumps(action), "--db", self.db)

    def run(self, *args: str) -> tuple[int, str, str, BaseException | None]:
        out, err = io.StringIO(), io.StringIO()
        code: int = 0
        escaped: BaseException | None = None
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main(list(args))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 0
            except BaseException as exc:
                escaped = exc
        return code, out.getvalue(), err.getvalue(), escaped

    def events(self) -> int:
        with contextlib.closing(sqlite3.connect(self.db)) as conn:
            return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])


def fuzz_cli(rng: random.Random, cli: Cli, tally: Tally) -> None:
    action = dumps(mutate(rng.choice(VALID), rng))
    how = rng.random()
    if how < 0.55:
        args = ["act", rng.choice(["fuzz", "fuzz", "nope", "bad id", ""]), action]
    elif how < 0.7:
        args = ["why-not", "fuzz", action]
    elif how < 0.8:
        args = ["status", "fuzz", "--as-of", dumps(_weird(rng)).strip('"')[:60]]
    elif how < 0.9:
        terms = cli.folder / "terms.toml"
        terms.write_text(mutate_toml(rng), encoding="utf-8", errors="surrogatepass")
        args = ["new", f"t{rng.randint(0, 10 ** 9)}", "--terms", str(terms)]
    else:
        scenario = cli.folder / "scenario.jsonl"
        scenario.write_text("\n".join(dumps(mutate(rng.choice(VALID), rng))
                                      for _ in range(3)), encoding="utf-8")
        args = ["run", "fuzz", str(scenario)]
    if rng.random() < 0.5:
        args.append("--json")
    before = cli.events()
    code, _out, err, escaped = cli.run(*args, "--db", cli.db)
    if escaped is not None or code not in (0, 1, 2) or "Traceback" in err:
        tally.fail("traceback", f"npa {' '.join(args)!r:.300}: exit {code}, {err[:500]!r}, "
                                f"{escaped!r}")
    elif code == 2 and len(err.strip().splitlines()) != 1:
        tally.fail("traceback", f"npa {' '.join(args)!r:.300}: {err!r:.500} is not one line")
    if args[0] in ("act", "why-not", "status") and code != 0 and cli.events() != before:
        tally.fail("write", f"npa {' '.join(args)!r:.300} exited {code} and changed the log")
    if args[0] == "why-not" and cli.events() != before:
        tally.fail("write", f"npa {' '.join(args)!r:.300}: why-not changed the log")


TOML_1997 = dump_toml(DEFAULT_TERMS)


def mutate_toml(rng: random.Random) -> str:
    """The 1997 term sheet with a line or a value broken, or something pathological."""
    lines = TOML_1997.splitlines()
    how = rng.random()
    if how < 0.1:
        return "a" + ".a" * rng.randint(1, 40_000) + " = 1\n"
    if how < 0.2:
        return "x = " + "[" * rng.randint(1, 3000) + "]" * rng.randint(0, 3000) + "\n"
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        if "=" in lines[i] and rng.random() < 0.8:
            key = lines[i].split("=")[0]
            value = rng.choice([*NASTY_TEXT[:30], "9999-12-01", "1899-01-01", "2101-01-01",
                                '"７５００"', "[1, [2, [3]]]", "{a = 1}", "1e999", "-1",
                                '"' + "x" * 20_000 + '"', "true", '"\\u001b[2J"'])
            raw = value.startswith(("[", "{", '"')) or rng.random() < 0.5
            lines[i] = f"{key}= {value if raw else json.dumps(value)}"
        elif rng.random() < 0.5:
            lines.insert(i, rng.choice(["[bogus]", "[parties.nobody]", "x.y.z = 1", "= 1",
                                        "[notes", "'''", "[[parties.company.copies]]"]))
        else:
            del lines[i]
    return "\n".join(lines) + "\n"


def fuzz_toml(rng: random.Random, tally: Tally) -> None:
    text = mutate_toml(rng)
    try:
        load_terms(text)
    except NpaError:
        pass
    except Exception:
        tally.fail("traceback", f"load_terms({text[:300]!r})\n{traceback.format_exc()}")


STEP_LINES = sorted({re.sub(r"^\s*(Given|When|Then|And|But)\s+", "", line).rstrip()
                     for path in sorted((ROOT / "features").glob("*.feature"))
                     for line in path.read_text(encoding="utf-8").splitlines()
                     if re.match(r"^\s*(Given|When|Then|And|But)\s", line)
                     and "Given the 1997 deal" not in line})
_WORD_SWAPS = [
    (r"[A-Z][a-z]+ \d{1,2}, \d{4}", ["February 30, 1998", "October 25, 1998",
                                    "April 5, 1998", "1998-10-25", "December 31, 2100",
                                    "January 1, 1899"]),
    (r"\d{1,2}:\d{2}", ["01:30", "02:30", "25:00", "23:59", "12:00 AM", "13:00 PM",
                        "01:30 EDT", "01:30 EST", "10:00 EDT", "01:30 +14:00", "00:00"]),
    (r"\$[\d,]+\.\d{2}", ["$0.00", "$1.001", "$99,999,999,999,999.99", "$7,500,000.01"]),
    (r"Acme Bank|Purchaser|the Company", ["Special Fund, L.P.", '"Smith and Sons"',
                                          "Acme\u202eBank", "LCI", "the court", "A" * 201]),
]


def mutate_step(rng: random.Random) -> str:
    text = rng.choice(STEP_LINES)
    for _ in range(rng.randint(1, 3)):
        pattern, options = rng.choice(_WORD_SWAPS)
        text = re.sub(pattern, rng.choice(options).replace("\\", "\\\\"), text, count=1)
    if rng.random() < 0.05:
        text = text[:rng.randint(0, len(text))]
    return text


class Gherkin:
    """Steps run as `npa spec` runs them: on a World whose deal has its Notes outstanding."""

    def __init__(self) -> None:
        from features.steps import World, find

        self.world_of = World
        self.find = find

    def run(self, text: str, tally: Tally) -> None:
        from features.steps import StepError

        world = self.world_of(named=set())
        background = self.find("the 1997 deal, closed on October 27, 1997, with the Notes "
                               "outstanding", "given")
        assert background is not None
        entry, args = background
        entry.run(world, args, None)
        for keyword in ("when", "then", "given"):
            try:
                found = self.find(text, keyword)
                if found is None:
                    continue
                entry, args = found
                world.keyword = keyword
                entry.run(world, args, None)
            except (AssertionError, StepError, NpaError):
                pass
            except Exception:
                tally.fail("traceback", f"step {text!r:.300}\n{traceback.format_exc()}")
            return


def run(inputs: int, seed: int) -> dict[str, Tally]:
    """Fuzz every entry point with `inputs` inputs in all; the tallies by entry point."""
    rng = random.Random(seed)
    tallies = {name: Tally() for name in ENTRY_POINTS}
    deals = Deals()
    gherkin = Gherkin()
    total = sum(SHARES.values())
    with tempfile.TemporaryDirectory() as folder:
        cli = Cli(Path(folder))
        plan: list[str] = []
        for name in ENTRY_POINTS:
            plan += [name] * (inputs * SHARES[name] // total)
        plan += ["dict"] * (inputs - len(plan))
        rng.shuffle(plan)
        steps: dict[str, Callable[[], None]] = {
            "dict": lambda: fuzz_dict(rng, deals, tallies["dict"]),
            "object": lambda: fuzz_object(rng, deals, tallies["object"]),
            "json": lambda: fuzz_json(rng, deals, tallies["json"]),
            "cli": lambda: fuzz_cli(rng, cli, tallies["cli"]),
            "toml": lambda: fuzz_toml(rng, tallies["toml"]),
            "gherkin": lambda: gherkin.run(mutate_step(rng), tallies["gherkin"]),
        }
        for name in plan:
            tallies[name].inputs += 1
            steps[name]()
    return tallies


def report(tallies: dict[str, Tally]) -> str:
    lines = [f"{'entry point':12} {'inputs':>7} {'tracebacks':>11} {'writes on rejection':>20}"]
    for name, t in tallies.items():
        lines.append(f"{name:12} {t.inputs:7} {t.tracebacks:11} {t.writes_on_rejection:20}")
    lines.append(f"{'all':12} {sum(t.inputs for t in tallies.values()):7} "
                 f"{sum(t.tracebacks for t in tallies.values()):11} "
                 f"{sum(t.writes_on_rejection for t in tallies.values()):20}")
    for name, t in tallies.items():
        lines += [f"  {name}: {failure}" for failure in t.failures]
    return "\n".join(lines)


def _main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    tallies = run(options.inputs, options.seed)
    print(report(tallies))
    bad = sum(t.tracebacks + t.writes_on_rejection for t in tallies.values())
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(_main())
