"""`make bench`: the speed figures of PRODUCT.md section 10, each against a baseline.

Every figure is a ratio against a baseline measured in the same run, never an
absolute number checked by a test: this machine has 2 noisy cores. Each
measurement and its baseline are interleaved (A, B, A, B, ...) so that noise
falls on both alike, after a warm-up, timed with `time.perf_counter_ns`, and
summarised by the MEDIAN of the samples (every figure here is a median; none is
a minimum). The rows:

1. one action on an in-memory deal, given as a dict (parsing included), against
   a bare `transitions` trigger going back and forth between two states;
2. `npa act` from the shell, startup included, beside `python -c pass`;
12. the same on a fresh copy of a new deal's database (its first `sign`), beside
   `python -c pass`, target issue 11 item 12's median of at most 150 ms (run with
   bytecode caching on, as a platform's shell has it);
3. an accepted action stored in SQLite (WAL, synchronous FULL) against a bare
   `sqlite3` insert and commit of the same row into a same-keyed table (issue 11
   item 13: at most 2x);
3b. the same kind of stored action on a deal of 20,000 events holding 20,000
   open proceedings, against the same action on a deal of 200 such events
   (issue 10 item 9: the cost, and the time the write lock is held, stay flat);
4. `Deal.load` of a 10,000-event deal against a plain `sqlite3` fetch of its rows;
5. `status` of one deal in a database of 10,000 deals against the same deal in
   a database of one, in process (5a) and through the CLI (5b);
6. one `advance` across a deal holding 1,000 pending deadlines (notices by mail
   waiting to take effect under 8.5), timed as `decide` on the saved
   pre-advance state (firing every deadline and folding its events), against
   folding the same number of events: the 1,000 `NoticeTookEffect` events that
   advance fires, replayed onto that same state. No target was set for it;
7. the payment schedule of one term sheet (`payment_schedule` of the 1997
   notes: dates, business days, day count and amounts) against QuantLib
   building the same bond and its cash flows (`Schedule`, `FixedRateBond`,
   reading `cashflows()` dates and amounts). Without QuantLib the row says so
   and is skipped;
8. a full lifecycle to Repaid in process: the repaid story of `engine.demo`
   (27 actions, each a dict, from signing through every report and payment to
   the principal at maturity: 41 events) applied to a new in-memory deal, per
   lifecycle and per action, against a bare `transitions` machine firing as
   many triggers (27, back and forth between two states, as in row 1). No
   target was set for it;
9. exploration of the 1997 deal (`engine.explore`, one process): the time per
   distinct state of an exploration to depth 2 (9a), against one in-process
   action as in row 1, target at least 10,000 distinct states a second; and
   the depth reached in 60 s (9b), against the same action (no target: the
   row says how deep and how many states).
10. Monte Carlo (`engine.simulate`, the default behaviour model) of the 1997 deal:
   (10a) 10,000 paths with 2 worker processes, wall time per path, beside a bare
   `transitions` machine firing as many triggers as the paths took actions
   (target: at least 1,000 paths a second); (10b) the engine's cost per action
   inside those paths (`Deal.act` on the forked in-memory deals, one process)
   against a bare trigger (target: at most 10x);
11. peak memory (ru_maxrss) of `simulate` with `--out` in a subprocess: 100,000
   paths against 10,000, for the parent and for the largest worker (target: at
   most 300 MB, and at most 1.2x the 10,000-path peak).

The floors, rows without a target of their own, say how far a target can be met on this
machine whatever is done around the engine: 9f, the engine's `decide` alone inside an
exploration, per distinct state (under 9a); 10f, `decide` alone inside Monte Carlo paths,
per path, shared by two workers (under 10a); 12f, a python that imports only the fixed
choices' libraries and the standard modules the engine needs (under 12).

The Markdown table (for the README) and a JSON of the raw samples go to
bench-results/. A target that is not met says "no", with a line under the
table on what dominates (a cProfile of the measured work, function by function);
a row without a target says "n/a", with such a line too.

Usage: python tests/bench.py [--quick] [--out DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import itertools
import json
import os
import platform
import pstats
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from unittest import mock

from transitions import Machine

from contract import DEFAULT_TERMS, NoteTerms
from engine import deal as deal_module
from engine import events as ev
from engine.codec import parse_action
from engine.deal import Deal
from engine.decide import decide
from engine.demo import SIGNING_TO_OUTSTANDING, STORIES
from engine.ports import MemoryLog
from engine.schedule import payment_schedule
from engine.state import replay
from storage import SqliteStore

ROOT = Path(__file__).resolve().parents[1]
PYTHON = Path(sys.executable)
NPA = PYTHON.with_name("npa")
DEAL = "lexington-1997"
START = datetime(1997, 10, 28)


@dataclass(frozen=True)
class Sizes:
    """How much each measurement does; `--quick` shrinks every one of them."""

    action_rounds: int  # batches of engine actions, each followed by a batch of triggers
    action_batch: int  # engine actions per batch
    trigger_batch: int  # bare triggers per batch
    cli_runs: int  # subprocess runs of each command (after warm-up)
    store_rounds: int  # stored actions, each followed by one bare insert and commit
    load_events: int  # events of the deal that Deal.load replays
    load_rounds: int  # loads, each followed by one plain fetch
    deals: int  # deals in the many-deals database
    status_rounds: int  # in-process status reads of each database
    deadlines: int  # pending deadlines that one advance fires
    advance_rounds: int  # advances decided, each followed by one fold of as many events
    schedule_rounds: int  # batches of schedules built, each followed by a batch of QuantLib's
    schedule_batch: int  # schedules (and QuantLib bonds) per batch
    lifecycle_rounds: int  # batches of lifecycles, each followed by a batch of bare runs
    lifecycle_batch: int  # lifecycles to Repaid per batch
    flat_big: int  # open proceedings of the large deal of row 3b
    flat_small: int  # open proceedings of its small twin
    flat_rounds: int  # actions on each, alternating
    bare_lifecycle_batch: int  # bare runs of as many triggers per batch
    mc_paths: int  # paths of each Monte Carlo run with 2 workers (row 10a)
    mc_rounds: int  # Monte Carlo runs, each followed by as many bare triggers
    mc_action_paths: int  # paths whose every Deal.act is timed, in one process (row 10b)
    mc_action_rounds: int  # batches of those, each followed by a batch of bare triggers
    memory_paths: tuple[int, int]  # the large and the small run of row 11
    warmup: int  # untimed runs of everything before its samples
    explore_depth: int = 2  # depth of each timed exploration (9a)
    explore_rounds: int = 7  # explorations, each followed by a batch of actions (9a)
    explore_seconds: float = 60.0  # how long the exploration of 9b runs


FULL = Sizes(action_rounds=31, action_batch=1000, trigger_batch=2000, cli_runs=15,
             store_rounds=61, load_events=10_000, load_rounds=15, deals=10_000,
             status_rounds=101, deadlines=1000, advance_rounds=31, schedule_rounds=31,
             schedule_batch=500, lifecycle_rounds=31, lifecycle_batch=20,
             bare_lifecycle_batch=400, flat_big=20_000, flat_small=200, flat_rounds=41,
             mc_paths=10_000, mc_rounds=3, mc_action_paths=200, mc_action_rounds=11,
             memory_paths=(100_000, 10_000), warmup=3)
QUICK = Sizes(action_rounds=3, action_batch=50, trigger_batch=100, cli_runs=3,
              store_rounds=5, load_events=200, load_rounds=3, deals=50,
              status_rounds=5, deadlines=50, advance_rounds=5, schedule_rounds=3,
              schedule_batch=20, lifecycle_rounds=3, lifecycle_batch=2,
              bare_lifecycle_batch=20, flat_big=300, flat_small=20, flat_rounds=5,
              mc_paths=400, mc_rounds=1, mc_action_paths=20, mc_action_rounds=3,
              memory_paths=(2_000, 200), warmup=1,
              explore_depth=1, explore_rounds=2, explore_seconds=2.0)


@dataclass
class Row:
    """One line of the table, with the raw samples behind it (nanoseconds)."""

    key: str
    what: str
    unit: str  # "µs" or "ms"
    measured_ns: float
    baseline_ns: float
    target: str
    met: bool | None  # None: no target was set ("n/a")
    baseline_what: str
    samples: dict[str, list[int]] = field(default_factory=dict)
    dominant: str = ""  # what the time goes to: when the target is not met, or there is none
    skipped: str = ""  # why the row could not be measured (its figures are then 0)

    @property
    def ratio(self) -> float:
        return self.measured_ns / self.baseline_ns if self.baseline_ns else float("nan")


class Clock:
    """Increasing action times, one minute apart, for `advance` actions."""

    def __init__(self, start: datetime = START) -> None:
        self._next = start

    def action(self) -> dict[str, str]:
        at = self._next
        self._next += timedelta(minutes=1)
        return {"type": "advance", "actor": "company", "at": at.isoformat()}


def median(samples: list[int]) -> float:
    return float(statistics.median(samples))


def log(text: str) -> None:
    """Progress, on stderr, so that stdout is the table alone."""
    print(text, file=sys.stderr, flush=True)


def demo_deal(store: SqliteStore | None, deal_id: str = DEAL) -> Deal:
    """A deal taken from signing to Outstanding by the demo script."""
    deal = Deal.create(store, deal_id)
    for action in SIGNING_TO_OUTSTANDING:
        result = deal.act(action)
        if not result.accepted:
            raise RuntimeError(f"demo action refused: {result}")
    return deal


def interleave(a: Callable[[], int], b: Callable[[], int], rounds: int,
               warmup: int) -> tuple[list[int], list[int]]:
    """Samples of `a` and `b` taken in turn (A, B, A, B, ...) after a warm-up of each."""
    for _ in range(warmup):
        a()
        b()
    gc.collect()
    samples_a, samples_b = [], []
    for _ in range(rounds):
        samples_a.append(a())
        samples_b.append(b())
    return samples_a, samples_b


def profile(work: Callable[[], object], top: int = 6) -> str:
    """The functions `work` spends its own time in (cProfile tottime), largest first."""
    profiler = cProfile.Profile()
    profiler.enable()
    work()
    profiler.disable()
    stats = pstats.Stats(profiler)
    entries = stats.stats  # type: ignore[attr-defined]  # (typeshed omits it)
    total = sum(tt for _, _, tt, _, _ in entries.values()) or 1.0
    ranked = sorted(entries.items(), key=lambda item: item[1][2], reverse=True)[:top]
    parts = []
    for (filename, _, name), (_, _, tt, _, _) in ranked:
        parts.append(f"{_label(filename, name)} {100 * tt / total:.0f}%")
    return "cProfile, own time: " + ", ".join(parts)


def _label(filename: str, name: str) -> str:
    """A profiled function as `module.function` (or `Class.method` for C code)."""
    method = re.fullmatch(r"<method '(\w+)' of '([\w.]+)' objects>", name)
    if method:
        return f"{method.group(2)}.{method.group(1)}"
    if name.startswith("<built-in method "):
        return name[len("<built-in method "):-1]
    if filename.startswith("<"):  # code generated at run time, such as attrs' __init__
        return f"{filename.strip('<>').split()[-1]}.{name}"
    parts = Path(filename).with_suffix("").parts
    roots = [i for i, part in enumerate(parts)
             if part == "site-packages" or part.startswith("python3.")]
    if roots:  # the standard library or an installed package
        start = roots[-1] + 1
    elif Path(filename).is_relative_to(ROOT):  # the project's own code
        start = len(ROOT.parts)
    else:
        start = len(parts) - 1
    module = list(parts[start:])
    if module and module[-1] == "__init__":
        module.pop()
    return ".".join([*module, name])


# --- 1. one action in process against a bare transitions trigger ------------


class _Tiny:
    """The smallest model a bare trigger can move."""

    def __init__(self) -> None:
        self.state = "A"


def bench_action(sizes: Sizes) -> Row:
    deal = demo_deal(None)
    clock = Clock()
    machine = Machine(model=None, states=["A", "B"], initial="A", auto_transitions=False,
                      transitions=[{"trigger": "go", "source": "A", "dest": "B"},
                                   {"trigger": "back", "source": "B", "dest": "A"}])
    go, back = machine.events["go"].trigger, machine.events["back"].trigger
    model = _Tiny()

    def engine_batch() -> int:
        actions = [clock.action() for _ in range(sizes.action_batch)]
        seq = deal.state.seq
        start = time.perf_counter_ns()
        for action in actions:
            deal.act(action)
        elapsed = time.perf_counter_ns() - start
        if deal.state.seq != seq + sizes.action_batch:
            raise RuntimeError("an advance action was refused")
        return elapsed // sizes.action_batch

    def trigger_batch() -> int:
        start = time.perf_counter_ns()
        for _ in range(sizes.trigger_batch // 2):
            go(model)
            back(model)
        elapsed = time.perf_counter_ns() - start
        if model.state != "A":
            raise RuntimeError("the bare machine did not come back")
        return elapsed // (sizes.trigger_batch // 2 * 2)

    engine, bare = interleave(engine_batch, trigger_batch, sizes.action_rounds, 1)
    row = Row("1", "one `advance` action in process (dict in, in-memory deal)", "µs",
              median(engine), median(bare), "≤ 10x", False,
              "bare `transitions` trigger, two states",
              {"engine_per_action": engine, "bare_per_trigger": bare})
    row.met = row.ratio <= 10
    if not row.met:
        row.dominant = profile(lambda: [deal.act(clock.action()) for _ in range(2000)])
    return row


# --- 2. npa act from the shell ----------------------------------------------


#: What a platform's shell has: bytecode caching on (a sandbox may switch it off, which
#: recompiles every module on every start and is no measure of the engine).
_SHELL_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_ns(argv: list[str], expect: int = 0) -> int:
    """Wall time of one subprocess, startup included, in a platform's shell's environment;
    fails on an unexpected exit code."""
    start = time.perf_counter_ns()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False,
                          env=_SHELL_ENV)
    elapsed = time.perf_counter_ns() - start
    if done.returncode != expect:
        raise RuntimeError(f"{argv[:3]} exited {done.returncode}: {done.stderr.decode()[:500]}")
    return elapsed


def bench_cli_act(sizes: Sizes, tmp: Path) -> tuple[Row, dict[str, Any]]:
    path = tmp / "cli.db"
    with SqliteStore(path, synchronous="OFF") as store:
        demo_deal(store)
    clock = Clock()

    def act() -> int:
        return run_ns([str(NPA), "act", DEAL, json.dumps(clock.action()), "--db", str(path)])

    def bare() -> int:
        return run_ns([str(PYTHON), "-c", "pass"])

    npa, python = interleave(act, bare, sizes.cli_runs, sizes.warmup)
    imports = [run_ns([str(PYTHON), "-c", "import engine.cli, engine.deal, storage"])
               for _ in range(sizes.cli_runs)]
    row = Row("2", "`npa act` from the shell, startup included", "ms", median(npa),
              median(python), "median ≤ 200 ms", False, "`python -c pass`, the venv's python",
              {"npa_act": npa, "python_c_pass": python, "python_c_imports": imports})
    row.met = row.measured_ns <= 200e6
    startup, imported = median(python), median(imports)
    breakdown = {"interpreter_ms": startup / 1e6, "imports_ms": (imported - startup) / 1e6,
                 "rest_ms": (median(npa) - imported) / 1e6}
    if not row.met:
        row.dominant = (f"interpreter start {breakdown['interpreter_ms']:.0f} ms, importing "
                        f"engine.cli, engine.deal and storage {breakdown['imports_ms']:.0f} ms, "
                        f"the rest (open store, load, act, fsync, print) "
                        f"{breakdown['rest_ms']:.0f} ms")
    return row, breakdown


# --- 12. npa act against a fresh database (issue 11 item 12) -----------------

def bench_cli_fresh(sizes: Sizes, tmp: Path) -> Row:
    """Median of `npa act` (the first signature) each on a fresh copy of a new deal's
    database, interleaved with `python -c pass`; the target is issue 11's 150 ms."""
    template = tmp / "fresh-template.db"
    with SqliteStore(template, synchronous="FULL") as store:
        Deal.create(store, DEAL)
    sign = json.dumps({"type": "sign", "actor": "company", "at": "1997-10-27T09:00"})
    copies = itertools.count()

    def timed(argv: list[str]) -> int:
        start = time.perf_counter_ns()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              check=False, env=_SHELL_ENV)
        elapsed = time.perf_counter_ns() - start
        if done.returncode != 0:
            raise RuntimeError(f"{argv[:3]} exited {done.returncode}: "
                               f"{done.stderr.decode()[:500]}")
        return elapsed

    def act() -> int:
        fresh = tmp / f"fresh-{next(copies)}.db"
        shutil.copyfile(template, fresh)
        return timed([str(NPA), "act", DEAL, sign, "--db", str(fresh)])

    def bare() -> int:
        return timed([str(PYTHON), "-c", "pass"])

    npa, python = interleave(act, bare, sizes.cli_runs, sizes.warmup)
    row = Row("12", "`npa act` from the shell on a fresh database (one `sign`), startup "
              "included", "ms", median(npa), median(python), "median ≤ 150 ms", False,
              "`python -c pass`, the venv's python", {"npa_act_fresh": npa,
                                                      "python_c_pass": python})
    row.met = row.measured_ns <= 150e6
    row.dominant = (f"{(median(npa) - median(python)) / 1e6:.0f} ms more than `python -c "
                    "pass`: importing the engine (attrs building ~130 classes, ~37% of "
                    "import time under cProfile; then cattrs, click, transitions), "
                    "then open, load, decide, fsync, print")
    return row


#: What `npa act` cannot do without, whatever the engine does: the libraries our fixed
#: choices name for the model and the lifecycle, and the standard modules of money (Decimal),
#: New York time (zoneinfo), the store (sqlite3), its JSON and its hash chain (issue 10).
FIXED_IMPORTS = "import attrs, cattrs, transitions, sqlite3, decimal, zoneinfo, json, hashlib"


def bench_import_floor(sizes: Sizes, fresh: Row) -> Row:
    """12f: a python that only imports what the fixed choices need, against row 12."""
    def run(code: str) -> int:
        start = time.perf_counter_ns()
        subprocess.run([str(PYTHON), "-c", code], check=True, env=_SHELL_ENV)
        return time.perf_counter_ns() - start

    floor, python = interleave(lambda: run(FIXED_IMPORTS), lambda: run("pass"),
                               sizes.cli_runs, sizes.warmup)
    row = Row("12f", f"the floor under 12: `python -c \"{FIXED_IMPORTS}\"`", "ms",
              median(floor), median(python), "—", None,
              "`python -c pass`, the venv's python",
              {"fixed_imports": floor, "python_c_pass": python})
    left = 150e6 - median(floor)
    row.dominant = (f"importing only attrs, cattrs and transitions (the fixed choices) with "
                    f"the standard modules the engine needs takes "
                    f"{median(floor) / 1e6:.0f} ms of row 12's {fresh.measured_ns / 1e6:.0f} "
                    "ms, " + (f"leaving {left / 1e6:.0f} ms of the 150 ms target for the "
                              "engine's own modules, click, the action, the fsync and the output"
                              if left > 0 else
                              f"{-left / 1e6:.0f} ms more than the whole 150 ms target before "
                              "the engine's own modules, click, the action, the fsync and the "
                              "output"))
    return row


# --- 3. an accepted action stored in SQLite ---------------------------------


def _store_pair(tmp: Path, mode: str, warmup: int) -> tuple[Callable[[], int], Callable[[], int],
                                                             int, Callable[[], None]]:
    """A timed engine action on a SqliteStore and a timed bare insert + commit, both in `mode`.

    Returns the two, the length of the stored JSON, and a function that closes both.
    """
    store = SqliteStore(tmp / f"act-{mode}.db", synchronous=mode)  # WAL for a file
    deal = demo_deal(store)
    clock = Clock()
    for _ in range(warmup):
        deal.act(clock.action())
    # the bare table: the very CREATE TABLE of the events log (same key, STRICT)
    reader = sqlite3.connect(tmp / f"act-{mode}.db")
    schema, last = reader.execute(
        "SELECT (SELECT sql FROM sqlite_master WHERE name = 'events'), "
        "(SELECT json_array(type, v, at, data, prev_hash, hash, mac) FROM events "
        " WHERE deal_id = ? ORDER BY seq DESC LIMIT 1)", (DEAL,)).fetchone()
    reader.close()
    kind, version, at, data, prev_hash, digest, mac = json.loads(last)
    bare = sqlite3.connect(tmp / f"bare-{mode}.db")
    bare.execute("PRAGMA journal_mode=WAL")
    bare.execute(f"PRAGMA synchronous={mode}")
    bare.execute(schema)
    bare.commit()
    seq = iter(range(1, 10**9))
    # the same row, its global position included (migration 0007), given as a value
    insert = ("INSERT INTO events (deal_id, seq, type, v, at, data, prev_hash, hash, mac, "
              "position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")

    def engine_act() -> int:
        action = clock.action()
        start = time.perf_counter_ns()
        result = deal.act(action)
        elapsed = time.perf_counter_ns() - start
        if not result.accepted:
            raise RuntimeError("an advance action was refused")
        return elapsed

    def bare_insert() -> int:
        number = next(seq)
        row = (DEAL, number, kind, version, at, data, prev_hash, digest, mac, number)
        start = time.perf_counter_ns()
        bare.execute(insert, row)
        bare.commit()
        return time.perf_counter_ns() - start

    def close() -> None:
        store.close()
        bare.close()

    return engine_act, bare_insert, len(data), close


def _until_the_wal_wraps(work: Callable[[], int], wal: Path, most: int = 5000) -> int:
    """Run `work` until its WAL file stops growing: a checkpoint has let SQLite write the
    log again from its start, as in a store long open. Returns how many runs it took."""
    for runs in range(1, most + 1):
        before = wal.stat().st_size if wal.exists() else 0
        work()
        if before and wal.stat().st_size == before:
            return runs
    raise RuntimeError(f"{wal.name} grew for {most} commits without a checkpoint")


def bench_store(sizes: Sizes, tmp: Path) -> list[Row]:
    """Row 3 with the WAL written again from its start (a store long open, as a platform
    holds it), and 3w while the WAL file still grows (the first commits after a database
    is opened: SQLite removes the WAL when its last connection closes, so each `npa`
    command writes into a new one). The same pair, the engine's first."""
    engine_act, bare_insert, size, close = _store_pair(tmp, "FULL", sizes.warmup)
    growing, growing_plain = interleave(engine_act, bare_insert, sizes.store_rounds, 0)
    wrapped = (_until_the_wal_wraps(engine_act, tmp / "act-FULL.db-wal"),
               _until_the_wal_wraps(bare_insert, tmp / "bare-FULL.db-wal"))
    engine, plain = interleave(engine_act, bare_insert, sizes.store_rounds, sizes.warmup)
    what = f"bare `sqlite3` insert + commit of the same row ({size} B JSON), same mode"
    row = Row("3", "one accepted action stored (SQLite file, WAL, synchronous FULL; issue 11 "
              "item 13), the WAL reused (a store long open)", "ms",
              median(engine), median(plain), "≤ 2x", False, what,
              {"engine_act": engine, "bare_insert_commit": plain})
    row.met = row.ratio <= 2
    grow = Row("3w", "the same while the WAL file grows (the first commits after a "
               "database is opened, as each `npa` command's)", "ms",
               median(growing), median(growing_plain), "≤ 2x", False, what,
               {"engine_act": growing, "bare_insert_commit": growing_plain})
    grow.met = grow.ratio <= 2
    # the same pair without fsync: how much of each figure is the disk's
    off_act, off_insert, _, close_off = _store_pair(tmp, "OFF", sizes.warmup)
    engine_off, plain_off = interleave(off_act, off_insert, sizes.store_rounds, sizes.warmup)
    row.samples |= {"engine_act_sync_off": engine_off, "bare_insert_commit_sync_off": plain_off}
    disk = (f"with synchronous OFF the engine takes {show(median(engine_off), 'ms')} and the "
            f"bare insert {show(median(plain_off), 'ms')}; the engine's commit writes 3 WAL "
            f"pages (the event, its (deal, seq) key, the `deals` row) against the bare "
            f"insert's 2; ")
    row.dominant = (disk + f"the WALs were written again from their start after "
                    f"{wrapped[0]} and {wrapped[1]} more commits; "
                    + profile(lambda: [engine_act() for _ in range(20)]))
    grow.dominant = (disk + "a commit that makes the WAL file longer also syncs the file's "
                     f"new size: {show(median(growing) - median(engine), 'ms')} more for "
                     f"the engine and {show(median(growing_plain) - median(plain), 'ms')} "
                     "for the bare insert than with the WAL reused")
    close()
    close_off()
    return [row, grow]


# --- 3b. the cost of an action on a large deal ---------------------------------

FLAT_AT = datetime(1997, 10, 1, 9, 0)


def proceedings_deal(tmp: Path, count: int) -> tuple[Deal, SqliteStore, list[int]]:
    """A Drafted deal holding `count` open proceedings, stored at once in a FULL-synchronous
    file and loaded; with the list that collects how long each write held the lock."""
    built = Deal.create(None, DEAL)
    for n in range(count):
        built.act({"type": "record_proceeding", "actor": "court",
                   "at": (FLAT_AT + timedelta(seconds=n)).isoformat(), "description": f"p{n}"})
    from engine.status import snapshot_of

    store = SqliteStore(tmp / f"flat-{count}.db", synchronous="FULL")
    store.create(DEAL, built.events, lambda: snapshot_of(built.state))
    held: list[int] = []
    link = store._link
    write = link.write

    def timed(work: Callable[[], Any], after: Callable[[], None] | None = None) -> Any:
        start = time.perf_counter_ns()
        try:
            return write(work, after)
        finally:
            held.append(time.perf_counter_ns() - start)

    link.write = timed  # type: ignore[method-assign]
    return Deal.load(store, DEAL), store, held


def bench_flat(sizes: Sizes, tmp: Path) -> tuple[Row, float]:
    started = time.perf_counter()
    big, big_store, big_held = proceedings_deal(tmp, sizes.flat_big)
    small, small_store, small_held = proceedings_deal(tmp, sizes.flat_small)
    built = time.perf_counter() - started
    events = len(big.events)
    log(f"  built deals of {sizes.flat_big} and {sizes.flat_small} proceedings in {built:.1f} s")
    moment = iter(range(10**9))

    def act_on(deal: Deal) -> Callable[[], int]:
        def act() -> int:
            at = FLAT_AT + timedelta(days=30, seconds=next(moment))
            action = {"type": "record_proceeding", "actor": "court", "at": at.isoformat(),
                      "description": "one more"}
            start = time.perf_counter_ns()
            result = deal.act(action)
            elapsed = time.perf_counter_ns() - start
            if not result.accepted:
                raise RuntimeError("a proceeding was refused")
            return elapsed
        return act

    on_big, on_small = interleave(act_on(big), act_on(small), sizes.flat_rounds, sizes.warmup)
    count = sizes.flat_rounds
    big_lock, small_lock = big_held[-count:], small_held[-count:]
    row = Row("3b", f"one stored action on a deal of {events:,} "
                    f"events with {sizes.flat_big:,} open proceedings (SQLite file, FULL)", "ms",
              median(on_big), median(on_small), "≤ 1.5x", False,
              f"the same on a deal of {sizes.flat_small:,} open proceedings",
              {"big_act": on_big, "small_act": on_small, "big_lock_held": big_lock,
               "small_lock_held": small_lock})
    row.met = row.ratio <= 1.5
    row.dominant = (f"the write lock was held {show(median(big_lock), 'ms')} against "
                    f"{show(median(small_lock), 'ms')} (BEGIN IMMEDIATE to COMMIT, medians); "
                    + profile(act_on(big)))
    big_store.close()
    small_store.close()
    return row, built


# --- 4. Deal.load of a long deal --------------------------------------------


def bench_load(sizes: Sizes, tmp: Path) -> tuple[Row, float]:
    path = tmp / "long.db"
    started = time.perf_counter()
    with SqliteStore(path, synchronous="OFF") as building:
        deal = demo_deal(building)
        clock = Clock()
        while deal.state.seq < sizes.load_events:
            deal.act(clock.action())
    built = time.perf_counter() - started
    log(f"  built a {sizes.load_events}-event deal in {built:.1f} s")
    store = SqliteStore(path)
    conn = sqlite3.connect(path)
    query = "SELECT * FROM events WHERE deal_id = ? ORDER BY seq"

    def load() -> int:
        start = time.perf_counter_ns()
        loaded = Deal.load(store, DEAL)
        elapsed = time.perf_counter_ns() - start
        if len(loaded.events) != sizes.load_events:
            raise RuntimeError("Deal.load read the wrong number of events")
        return elapsed

    def fetch() -> int:
        start = time.perf_counter_ns()
        rows = conn.execute(query, (DEAL,)).fetchall()
        elapsed = time.perf_counter_ns() - start
        if len(rows) != sizes.load_events:
            raise RuntimeError("the plain fetch read the wrong number of rows")
        return elapsed

    loads, fetches = interleave(load, fetch, sizes.load_rounds, sizes.warmup)
    row = Row("4", f"`Deal.load` of a {sizes.load_events:,}-event deal", "ms", median(loads),
              median(fetches), "≤ 10x", False,
              "plain `sqlite3` SELECT * ... ORDER BY seq, fetchall",
              {"deal_load": loads, "sqlite3_fetchall": fetches})
    row.met = row.ratio <= 10
    if not row.met:
        row.dominant = profile(lambda: Deal.load(store, DEAL))
    store.close()
    conn.close()
    return row, built


# --- 5. status of one deal among many ---------------------------------------


def build_many(path: Path, deals: int) -> float:
    """`deals` deals through the API, each taken to Outstanding; the target in the middle."""
    started = time.perf_counter()
    with SqliteStore(path, synchronous="OFF") as store:
        for number in range(deals):
            demo_deal(store, DEAL if number == deals // 2 else f"deal-{number:05d}")
            if number and number % 2000 == 0:
                log(f"  {number} deals in {time.perf_counter() - started:.0f} s")
    return time.perf_counter() - started


def bench_status(sizes: Sizes, tmp: Path) -> tuple[Row, Row, float]:
    many, one = tmp / "many.db", tmp / "one.db"
    built = build_many(many, sizes.deals)
    log(f"  built {sizes.deals} deals in {built:.1f} s")
    build_many(one, 1)
    stores = SqliteStore(many), SqliteStore(one)
    if Deal.load(stores[0], DEAL).status() != Deal.load(stores[1], DEAL).status():
        raise RuntimeError("the deal's status differs between the two databases")

    def status_of(store: SqliteStore) -> Callable[[], int]:
        def read() -> int:
            start = time.perf_counter_ns()
            Deal.load(store, DEAL).status()
            return time.perf_counter_ns() - start
        return read

    in_many, in_one = interleave(status_of(stores[0]), status_of(stores[1]),
                                 sizes.status_rounds, sizes.warmup)
    inproc = Row("5a", f"`status` in process, 1 deal among {sizes.deals:,}", "µs",
                 median(in_many), median(in_one), "≤ 1.5x", False,
                 "the same in a database of 1 deal",
                 {"status_many": in_many, "status_one": in_one})
    inproc.met = inproc.ratio <= 1.5
    if not inproc.met:
        inproc.dominant = profile(lambda: [Deal.load(stores[0], DEAL).status()
                                           for _ in range(200)])

    def cli(path: Path) -> Callable[[], int]:
        return lambda: run_ns([str(NPA), "status", DEAL, "--json", "--db", str(path)])

    cli_many, cli_one = interleave(cli(many), cli(one), sizes.cli_runs, sizes.warmup)
    shell = Row("5b", f"`npa status --json` from the shell, 1 deal among {sizes.deals:,}", "ms",
                median(cli_many), median(cli_one), "≤ 1.5x", False,
                "the same in a database of 1 deal",
                {"cli_status_many": cli_many, "cli_status_one": cli_one})
    shell.met = shell.ratio <= 1.5
    if not shell.met:
        shell.dominant = "the CLI's figure is its startup; see 5a for the store's share"
    for store in stores:
        store.close()
    return inproc, shell, built


# --- 6. advance across many pending deadlines -------------------------------

NOTICES_FROM = datetime(1998, 1, 5, 9, 0)
ADVANCE = {"type": "advance", "actor": "company", "at": "1998-03-01T00:00"}


def pending_deal(deadlines: int) -> Deal:
    """An in-memory deal holding `deadlines` notices by mail, none yet in effect.

    The notices are sent (and postmarked) a minute apart from 1998-01-05 09:00;
    each takes effect five days after its postmark (8.5), so all are pending
    when the last is sent.
    """
    deal = Deal.create(None, "bench")
    for number in range(deadlines):
        at = (NOTICES_FROM + timedelta(minutes=number)).isoformat()
        result = deal.act({"type": "send_notice", "actor": "purchaser", "at": at,
                           "to": "company", "kind": "other",
                           "notice": {"method": "registered_mail", "postmarked_at": at}})
        if not result.accepted:
            raise RuntimeError(f"a notice was refused: {result}")
    if len(deal.state.deadlines) != deadlines:
        raise RuntimeError(f"{len(deal.state.deadlines)} deadlines pending, not {deadlines}")
    return deal


def bench_deadlines(sizes: Sizes) -> tuple[Row, float]:
    n = sizes.deadlines
    started = time.perf_counter()
    deal = pending_deal(n)
    built = time.perf_counter() - started
    log(f"  built a deal with {n} pending deadlines in {built:.1f} s")
    pending, history = deal.state, deal.events  # DealState is immutable: reused by every sample
    advance = parse_action(ADVANCE)
    decision = decide(pending, advance)
    took = [e for e in decision.events if isinstance(e, ev.NoticeTookEffect)]
    if (not decision.accepted or len(took) != n or len(decision.events) != n + 1
            or decision.after is None or decision.after.deadlines):
        raise RuntimeError("the advance did not fire every pending deadline")
    if replay(took, pending).notices != decision.after.notices:
        raise RuntimeError("folding the fired events does not give the state decide gave")

    def decided() -> int:
        start = time.perf_counter_ns()
        result = decide(pending, advance)
        elapsed = time.perf_counter_ns() - start
        if len(result.events) != n + 1:
            raise RuntimeError("the advance fired the wrong number of events")
        return elapsed

    def folded() -> int:
        start = time.perf_counter_ns()
        after = replay(took, pending)
        elapsed = time.perf_counter_ns() - start
        if after.deadlines:
            raise RuntimeError("the fold left deadlines pending")
        return elapsed

    def acted() -> int:
        """`Deal.act` on a fresh deal over a MemoryLog in the pre-advance state."""
        store = MemoryLog()
        store.create("bench", history, lambda: {})
        fresh = Deal.load(store, "bench")
        start = time.perf_counter_ns()
        result = fresh.act(advance)
        elapsed = time.perf_counter_ns() - start
        if not result.accepted or fresh.state.deadlines:
            raise RuntimeError("the advance on a fresh deal did not fire every deadline")
        return elapsed

    decides, folds = interleave(decided, folded, sizes.advance_rounds, sizes.warmup)
    acts, folds_again = interleave(acted, folded, sizes.advance_rounds, sizes.warmup)
    row = Row("6", f"one `advance` firing {n:,} pending deadlines (`decide` on the saved "
                   "state: firing plus the fold, in process)", "ms",
              median(decides), median(folds), "—", None,
              f"`replay` of the {n:,} `NoticeTookEffect` events it fires onto the same state",
              {"decide_advance": decides, "replay_notice_took_effect": folds,
               "deal_act_advance_fresh_deal": acts, "replay_notice_took_effect_2": folds_again})
    firing = median(decides) - median(folds)
    row.dominant = (
        f"the fold of the fired events: of {show(median(decides), 'ms')} "
        f"({show(median(decides) / n, 'µs')} per deadline), folding the {n:,} "
        f"`NoticeTookEffect` events alone takes {show(median(folds), 'ms')} "
        f"({show(median(folds) / n, 'µs')} each); firing them (taking the next deadline, "
        f"making its event, the loop's checks, the advance's own event) adds "
        f"{show(firing, 'ms')}. `Deal.act` on a fresh deal in the same state, which also "
        f"describes the {n + 1:,} consequences and appends the events, takes "
        f"{show(median(acts), 'ms')}")
    if row.ratio > 3:
        row.dominant += "; " + profile(lambda: decide(pending, advance))
    return row, built


# --- 7. the payment schedule of one term sheet against QuantLib ------------

SCHEDULE_WHAT = "payment schedule of one term sheet (the 1997 notes, `payment_schedule`)"
SCHEDULE_BASELINE = ("QuantLib building the same bond and its cash flows (`Schedule`, "
                     "`FixedRateBond`, reading `cashflows()` dates and amounts)")


def quantlib_bond(ql: Any, notes: NoteTerms) -> Callable[[], list[tuple[Any, float]]]:
    """A function that builds the notes as a QuantLib bond and reads its cash flows.

    The 1997 conventions only (30/360 bond basis, the Federal Reserve's
    calendar, following, cycles forward from the first interest date): the
    calendar and day counter are made once, as the engine's holiday table is.
    """
    if (notes.day_count, notes.business_days, notes.cycle_anchor) != ("30/360", "new-york",
                                                                      None):
        raise ValueError("the QuantLib baseline builds the 1997 conventions only")
    calendar = ql.UnitedStates(ql.UnitedStates.FederalReserve)
    day_count = ql.Thirty360(ql.Thirty360.BondBasis)
    tenor_months = int(notes.interest_cycle[:-1]) * (12 if notes.interest_cycle[-1] == "Y"
                                                     else 1)

    def qd(day: Any) -> Any:
        return ql.Date(day.day, day.month, day.year)

    def build() -> list[tuple[Any, float]]:
        schedule = ql.Schedule(qd(notes.issue_date), qd(notes.maturity),
                               ql.Period(tenor_months, ql.Months), ql.NullCalendar(),
                               ql.Unadjusted, ql.Unadjusted, ql.DateGeneration.Forward, False,
                               qd(notes.first_interest_date))
        bond = ql.FixedRateBond(0, float(notes.principal), schedule, [float(notes.rate)],
                                day_count, ql.Following, 100.0, qd(notes.issue_date), calendar)
        return [(flow.date(), flow.amount()) for flow in bond.cashflows()]

    return build


def bench_schedule(sizes: Sizes) -> Row:
    notes = DEFAULT_TERMS.notes
    batch = sizes.schedule_batch
    row = Row("7", SCHEDULE_WHAT, "µs", 0.0, 0.0, "≤ 2x", None, SCHEDULE_BASELINE)
    try:
        import QuantLib as ql  # a dev dependency, for this baseline only
    except ImportError as error:
        row.skipped = f"QuantLib is not importable ({error}): row skipped"
        return row
    build = quantlib_bond(ql, notes)
    ours = [(p.payment_date, p.amount) for p in payment_schedule(notes)]
    theirs = [(date(d.year(), d.month(), d.dayOfMonth()),
               Decimal(repr(a)).quantize(Decimal("0.01"), ROUND_HALF_UP)) for d, a in build()]
    if ours != theirs:
        raise RuntimeError(f"QuantLib's bond is not the same schedule: {ours} != {theirs}")

    def engine_batch() -> int:
        start = time.perf_counter_ns()
        for _ in range(batch):
            payment_schedule(notes)
        return (time.perf_counter_ns() - start) // batch

    def quantlib_batch() -> int:
        start = time.perf_counter_ns()
        for _ in range(batch):
            build()
        return (time.perf_counter_ns() - start) // batch

    engine, quantlib = interleave(engine_batch, quantlib_batch, sizes.schedule_rounds,
                                  sizes.warmup)
    row.measured_ns, row.baseline_ns = median(engine), median(quantlib)
    row.samples = {"payment_schedule": engine, "quantlib_bond_cashflows": quantlib}
    row.met = row.ratio <= 2
    if not row.met:
        row.dominant = profile(lambda: [payment_schedule(notes) for _ in range(2000)])
    return row


# --- 8. a full lifecycle to Repaid against a bare machine -----------------------

LIFECYCLE_EVENTS = 41  # DealCreated and what the 27 actions of the repaid story make


def bench_lifecycle(sizes: Sizes) -> Row:
    story = STORIES["repaid"]()
    triggers = len(story)
    machine = Machine(model=None, states=["A", "B"], initial="A", auto_transitions=False,
                      transitions=[{"trigger": "go", "source": "A", "dest": "B"},
                                   {"trigger": "back", "source": "B", "dest": "A"}])
    go, back = machine.events["go"].trigger, machine.events["back"].trigger
    moves = [go if number % 2 == 0 else back for number in range(triggers)]
    ends_in = "B" if triggers % 2 else "A"

    def lifecycle() -> Deal:
        deal = Deal.create(None, "lifecycle")
        for action in story:
            deal.act(action)
        return deal

    last = lifecycle()
    if last.state.status.value != "Repaid" or len(last.events) != LIFECYCLE_EVENTS:
        raise RuntimeError(f"the repaid story ended {last.state.status.value} with "
                           f"{len(last.events)} events, not Repaid with {LIFECYCLE_EVENTS}")

    def engine_batch() -> int:
        start = time.perf_counter_ns()
        for _ in range(sizes.lifecycle_batch):
            deal = lifecycle()
        elapsed = time.perf_counter_ns() - start
        if deal.state.status.value != "Repaid":
            raise RuntimeError("a lifecycle did not end Repaid")
        return elapsed // sizes.lifecycle_batch

    def bare_batch() -> int:
        start = time.perf_counter_ns()
        for _ in range(sizes.bare_lifecycle_batch):
            model = _Tiny()
            for move in moves:
                move(model)
        elapsed = time.perf_counter_ns() - start
        if model.state != ends_in:
            raise RuntimeError("the bare machine did not end where it should")
        return elapsed // sizes.bare_lifecycle_batch

    engine, bare = interleave(engine_batch, bare_batch, sizes.lifecycle_rounds, sizes.warmup)
    row = Row("8", f"a full lifecycle to Repaid in process (the repaid story: {triggers} "
                   f"actions as dicts, {LIFECYCLE_EVENTS} events, new in-memory deal)", "ms",
              median(engine), median(bare), "—", None,
              f"bare `transitions` machine firing {triggers} triggers, two states",
              {"engine_per_lifecycle": engine, "bare_per_lifecycle": bare,
               "engine_per_action": [ns // triggers for ns in engine],
               "bare_per_trigger": [ns // triggers for ns in bare]})
    decide_parts = ("fire_until", "follow", "evolve")
    parts = cumulative(lambda: [lifecycle() for _ in range(20)], "lifecycle", {
        "parse_action": ("engine/validation.py", "parse_action", "act"),
        "decide": ("engine/decide.py", "decide", "_decide"),
        "fire_until": ("engine/deadlines.py", "fire_until", "decide"),
        "follow": ("engine/lifecycle.py", "follow", "decide"),
        "evolve": ("engine/state.py", "evolve", "decide"),
        "describe": ("engine/status.py", "describe", "_decide"),
    })
    if not parts["decide"] or not parts["parse_action"]:
        # A renamed caller makes a part read 0% (and `rules` negative): say so, never print it.
        raise RuntimeError(f"row 8's breakdown found no time under its callers: {parts}")
    rules = parts["decide"] - sum(parts[name] for name in decide_parts)
    rest = 100 - parts["parse_action"] - parts["decide"] - parts["describe"]
    row.dominant = (
        f"per action {show(median(engine) / triggers, 'µs')} against "
        f"{show(median(bare) / triggers, 'µs')} a bare trigger. Of a lifecycle (cProfile, "
        f"cumulative): `decide` {parts['decide']:.0f}% (the lifecycle's automatic triggers "
        f"tried after each action through the shared `transitions` machine, `follow`, "
        f"{parts['follow']:.0f}%; the rules, time order and authority {rules:.0f}%; folding "
        f"the new events {parts['evolve']:.0f}%; firing what fell due "
        f"{parts['fire_until']:.0f}%), parsing the dicts {parts['parse_action']:.0f}%, "
        f"describing the consequences {parts['describe']:.0f}%, the rest (creating the deal, "
        f"building the results, appending to the log) {rest:.0f}%; "
        + profile(lambda: [lifecycle() for _ in range(20)]))
    return row


def cumulative(work: Callable[[], object], whole: str,
               parts: dict[str, tuple[str, str, str]]) -> dict[str, float]:
    """Each part's cumulative time as a percentage of `whole`'s, profiling `work` once.

    `whole` names a function; each part names one by the end of its file's path, its name,
    and the name of the function whose calls to it count.
    """
    profiler = cProfile.Profile()
    profiler.enable()
    work()
    profiler.disable()
    entries = pstats.Stats(profiler).stats  # type: ignore[attr-defined]  # (typeshed omits it)
    total = sum(entry[3] for (_, _, name), entry in entries.items() if name == whole)
    shares = {}
    for what, (path, function, caller) in parts.items():
        spent = sum(timing[3] for (filename, _, name), entry in entries.items()
                    if name == function and filename.endswith(path)
                    for (_, _, calling), timing in entry[4].items() if calling == caller)
        shares[what] = 100 * spent / (total or 1)
    return shares


@contextlib.contextmanager
def timing_decide(module: Any) -> Iterator[list[int]]:
    """While inside: every call of `module.decide` timed, as [nanoseconds, calls]."""
    spent = [0, 0]
    original = vars(module)["decide"]

    def timed(state: Any, action: Any, **options: Any) -> Any:
        start = time.perf_counter_ns()
        try:
            return original(state, action, **options)
        finally:
            spent[0] += time.perf_counter_ns() - start
            spent[1] += 1

    with mock.patch.object(module, "decide", timed):
        yield spent


# --- 10. Monte Carlo paths: throughput and the engine's cost per action ----------------

MC_SEED = 1997


def bare_triggers(count: int) -> Callable[[], int]:
    """A function timing `count` bare triggers back and forth between two states."""
    machine = Machine(model=None, states=["A", "B"], initial="A", auto_transitions=False,
                      transitions=[{"trigger": "go", "source": "A", "dest": "B"},
                                   {"trigger": "back", "source": "B", "dest": "A"}])
    go, back = machine.events["go"].trigger, machine.events["back"].trigger

    def fire() -> int:
        model = _Tiny()
        start = time.perf_counter_ns()
        for _ in range(count // 2):
            go(model)
            back(model)
        return time.perf_counter_ns() - start

    return fire


def bench_monte_carlo(sizes: Sizes) -> list[Row]:
    from engine.simulation import load_model, simulate
    from engine.simulation.paths import run_path
    from engine.simulation.plan import plan_for

    n = sizes.mc_paths
    plan = plan_for(None, load_model(), Decimal(0))
    actions_per_path = sum(run_path(plan, k, MC_SEED).actions for k in range(1, 201)) / 200
    bare = bare_triggers(int(actions_per_path * n) // 2 * 2)

    def run() -> int:
        start = time.perf_counter_ns()
        result = simulate(n, MC_SEED, workers=2)
        elapsed = time.perf_counter_ns() - start
        if result.paths != n:
            raise RuntimeError("the run did not make every path")
        return elapsed // n

    def bare_paths() -> int:
        return bare() // n

    runs, triggers = interleave(run, bare_paths, sizes.mc_rounds, 0)
    throughput = Row("10a", f"Monte Carlo, the 1997 deal, {n:,} paths, 2 worker processes "
                           f"(wall time per path, startup included)", "µs", median(runs),
                     median(triggers), "≥ 1,000 paths/s", False,
                     f"bare `transitions` triggers, {actions_per_path:.1f} a path (as many as "
                     f"its actions)", {"wall_per_path": runs, "bare_per_path": triggers})
    throughput.met = throughput.measured_ns <= 1e6
    throughput.dominant = (f"{1e9 / median(runs):,.0f} paths a second; one path in one "
                           f"process: " + profile(
                               lambda: [run_path(plan, k, MC_SEED) for k in range(1, 301)]))

    acted = [0, 0]
    original = Deal.act

    def timed(self: Deal, action: Any) -> Any:
        start = time.perf_counter_ns()
        result = original(self, action)
        acted[0] += time.perf_counter_ns() - start
        acted[1] += 1
        return result

    first = iter(range(1, 10**9, sizes.mc_action_paths))

    def engine_actions() -> int:
        acted[:] = [0, 0]
        k = next(first)
        Deal.act = timed  # type: ignore[method-assign]
        try:
            for path in range(k, k + sizes.mc_action_paths):
                run_path(plan, path, MC_SEED)
        finally:
            Deal.act = original  # type: ignore[method-assign]
        return acted[0] // acted[1]

    one = bare_triggers(2000)

    def bare_trigger() -> int:
        return one() // 2000

    engine, triggers = interleave(engine_actions, bare_trigger, sizes.mc_action_rounds,
                                  sizes.warmup)
    per_action = Row("10b", "the engine's cost per action inside Monte Carlo paths "
                           "(`Deal.act` on forked in-memory deals)", "µs", median(engine),
                     median(triggers), "≤ 10x", False, "bare `transitions` trigger, two states",
                     {"deal_act_per_action": engine, "bare_per_trigger": triggers})
    per_action.met = per_action.ratio <= 10
    floors, count = [], sizes.mc_action_paths
    for round_ in range(3):
        with timing_decide(deal_module) as spent:
            for path in range(1 + round_ * count, 1 + (round_ + 1) * count):
                run_path(plan, path, MC_SEED)
        floors.append(spent[0] // count // 2)
    floor = Row("10f", "the floor under 10a: the engine's `decide` alone, timed inside the "
                       "paths (one process), per path, shared by 2 workers", "µs",
                median(floors), median(runs), "—",
                None, "10a: the whole run's wall time per path",
                {"decide_per_path_per_worker": floors})
    floor.dominant = (f"{spent[1] / count:.1f} decisions a path at "
                      f"{2 * median(floors) * count / spent[1] / 1e3:.0f} µs each: with no "
                      f"driver, no `Deal.act` around `decide`, no processes and no summary, "
                      f"2 cores would make {1e9 / median(floors):,.0f} paths a second here "
                      f"(10a's target, 1,000, needs at most 1,000 µs a path)")
    if not per_action.met:
        per_action.dominant = profile(
            lambda: [run_path(plan, k, MC_SEED) for k in range(1, 301)])
    return [throughput, per_action, floor]


# --- 11. Monte Carlo memory ---------------------------------------------------------

MEMORY_SCRIPT = """
import json, resource, sys
from engine.simulation import simulate
simulate(int(sys.argv[1]), 1997, workers=2, out=sys.argv[2])
# Linux keeps ru_maxrss across fork and exec, so a child of the (large) bench process
# would report the bench's own peak; VmHWM is this process's own, reset by exec.
try:
    with open("/proc/self/status") as status:
        own = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"parent_kb": own, "worker_kb": workers}))
"""


def peak_rss(paths: int, out: Path) -> dict[str, int]:
    """The peak RSS (KB) of a subprocess simulating `paths` paths with --out, and its
    largest worker's."""
    done = subprocess.run([str(PYTHON), "-c", MEMORY_SCRIPT, str(paths), str(out)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the memory run failed: {done.stderr[-2000:]}")
    peaks: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    return peaks


def bench_memory(sizes: Sizes, tmp: Path) -> Row:
    large, small = sizes.memory_paths
    # The first run with --out on a new machine builds matplotlib's font list, which
    # runs `fc-list` in a child; RUSAGE_CHILDREN would count that child as the largest
    # worker (66 MB against the workers' 29 MB, seen on a fresh venv). One small run
    # first builds it, so both measured runs find it built.
    peak_rss(min(small, 200), tmp / "mc-warm")
    big = peak_rss(large, tmp / "mc-large")
    little = peak_rss(small, tmp / "mc-small")
    rows = sum(1 for _ in (tmp / "mc-large" / "paths.csv").open(encoding="utf-8")) - 1
    if rows != large:
        raise RuntimeError(f"paths.csv has {rows} rows, not {large}")
    row = Row("11", f"peak RSS of `simulate` with `--out`, {large:,} paths, 2 workers "
                    f"(the parent process)", "MB", big["parent_kb"] * 1024.0,
              little["parent_kb"] * 1024.0, "≤ 300 MB and ≤ 1.2x", False,
              f"the same with {small:,} paths",
              {"parent_kb": [big["parent_kb"], little["parent_kb"]],
               "worker_kb": [big["worker_kb"], little["worker_kb"]]})
    worker_ratio = big["worker_kb"] / little["worker_kb"]
    row.met = (max(big["parent_kb"], big["worker_kb"]) * 1024 <= 300 * 2**20
               and row.ratio <= 1.2 and worker_ratio <= 1.2)
    row.dominant = (f"largest worker {show(big['worker_kb'] * 1024, 'MB')} against "
                    f"{show(little['worker_kb'] * 1024, 'MB')} ({worker_ratio:.2f}x); the "
                    f"parent keeps about 50 bytes a path for the summary and the plots")
    return row


# --- 9. exploration of the 1997 deal -------------------------------------------


def _one_action(deal: Deal, clock: Clock, batch: int) -> Callable[[], int]:
    """A batch of in-process `advance` actions (row 1's measurement), per action."""

    def run() -> int:
        actions = [clock.action() for _ in range(batch)]
        start = time.perf_counter_ns()
        for action in actions:
            deal.act(action)
        return (time.perf_counter_ns() - start) // batch

    return run


def bench_explore(sizes: Sizes) -> tuple[Row, Row, Row]:
    from engine.exploration.search import explore

    deal, clock = demo_deal(None), Clock()
    act = _one_action(deal, clock, sizes.action_batch)
    found: dict[str, int] = {}

    def per_state() -> int:
        result = explore(sizes.explore_depth)
        if result.violations or not result.complete:
            raise RuntimeError("the exploration broke an invariant or stopped early")
        found["states"] = result.states
        return int(result.seconds * 1e9 / result.states)

    explored, action = interleave(per_state, act, sizes.explore_rounds, 1)
    row = Row("9a", f"exploration of the 1997 deal to depth {sizes.explore_depth}, one "
                    f"process ({found['states']:,} distinct states): per distinct state",
              "µs", median(explored), median(action), "≥ 10,000 states/s (≤ 100 µs a state)",
              False, "one `advance` action in process, as in row 1",
              {"explore_per_state": explored, "engine_per_action": action})
    row.met = row.measured_ns <= 100_000
    if not row.met:
        row.dominant = (f"{1e9 / row.measured_ns:,.0f} states a second; "
                        + profile(lambda: explore(sizes.explore_depth), top=8))
    floor = _explore_floor(sizes.explore_depth, median(explored))
    budget = sizes.explore_seconds
    start = time.perf_counter_ns()
    far = explore(20, seconds=budget)
    spent = time.perf_counter_ns() - start
    reached = Row("9b", f"exploration for {budget:g} s, one process: depth reached "
                        f"{far.depth_reached} ({far.states:,} distinct states), per state",
                  "µs", spent / far.states, median(action), "—", None,
                  "one `advance` action in process, as in row 1",
                  {"explore_per_state": [spent // far.states], "engine_per_action": action})
    reached.dominant = (f"in {budget:g} s the search finished depth {far.depth_reached - 1} "
                        f"and reached depth {far.depth_reached}: {far.states:,} states, "
                        f"{far.transitions:,} transitions, {far.refused:,} refused moves, "
                        f"{far.states / (spent / 1e9):,.0f} states a second")
    return row, floor, reached


def _explore_floor(depth: int, per_state: float) -> Row:
    """9f: the engine's own `decide`, timed inside one exploration, per distinct state: the
    least a state costs whatever the search does around it (every distinct state is reached
    by deciding moves, refused ones included, and the moves are the issue's own)."""
    from engine.exploration import search

    samples = []
    for _ in range(3):
        with timing_decide(search) as spent:
            result = search.explore(depth)
        samples.append(spent[0] // result.states)
    floor = Row("9f", f"the floor under 9a: the engine's `decide` alone, timed inside the "
                      f"exploration to depth {depth}, per distinct state ({spent[1]:,} moves "
                      f"decided for {result.states:,} states)", "µs", median(samples),
                per_state, "—", None,
                "9a: the whole exploration per distinct state",
                {"decide_per_state": samples})
    floor.dominant = (f"{spent[1] / result.states:.1f} moves decided per distinct state at "
                      f"{median(samples) * result.states / spent[1] / 1e3:.0f} µs each: with "
                      f"no search around it at all the engine would reach "
                      f"{1e9 / median(samples):,.0f} states a second here (9a's target, "
                      f"10,000, needs at most 100 µs a state)")
    return floor


# --- the report -------------------------------------------------------------


def show(ns: float, unit: str) -> str:
    """A figure in its unit: nanoseconds as µs or ms, or bytes as MB."""
    value = ns / (1e3 if unit == "µs" else 2**20 if unit == "MB" else 1e6)
    digits = 0 if value >= 100 else 1 if value >= 10 else 2
    return f"{value:.{digits}f} {unit}"


def method(sizes: Sizes) -> str:
    """How many samples stand behind each median."""
    return (f"Medians, each measurement alternating with its baseline after a warm-up: "
            f"1: of {sizes.action_rounds} batch means ({sizes.action_batch:,} actions, "
            f"{sizes.trigger_batch:,} triggers a batch); 2 and 5b: of {sizes.cli_runs} runs; "
            f"3 and 3w: of {sizes.store_rounds} single commits each; 3b: of "
            f"{sizes.flat_rounds} single commits on each deal; 4: of {sizes.load_rounds} loads; "
            f"5a: of {sizes.status_rounds} reads; 6: of {sizes.advance_rounds} advances, "
            f"each on the same saved state; 7: of {sizes.schedule_rounds} batch means "
            f"({sizes.schedule_batch:,} schedules, {sizes.schedule_batch:,} QuantLib bonds a "
            f"batch); 8: of {sizes.lifecycle_rounds} batch means ({sizes.lifecycle_batch:,} "
            f"lifecycles, {sizes.bare_lifecycle_batch:,} bare runs a batch); 9a: of "
            f"{sizes.explore_rounds} explorations to depth {sizes.explore_depth}; 9b: one "
            f"exploration of {sizes.explore_seconds:g} s; 10a: of "
            f"{sizes.mc_rounds} runs of {sizes.mc_paths:,} paths; 10b: of "
            f"{sizes.mc_action_rounds} batches of {sizes.mc_action_paths:,} paths; 11: one "
            f"subprocess run of each size; the floors: 9f of 3 explorations, 10f of 3 batches "
            f"of {sizes.mc_action_paths:,} paths, 12f of {sizes.cli_runs} runs.")


def table(rows: list[Row], header: str, footer: str) -> str:
    lines = [header, "",
             "| what | measured | baseline | ratio | target | met |",
             "| --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        if row.skipped:
            lines.append(f"| {row.key}. {row.what} | skipped | ({row.baseline_what}) | — | "
                         f"{row.target} | n/a |")
            continue
        lines.append(f"| {row.key}. {row.what} | {show(row.measured_ns, row.unit)} | "
                     f"{show(row.baseline_ns, row.unit)} ({row.baseline_what}) | "
                     f"{row.ratio:.2f}x | {row.target} | {_met(row.met)} |")
    notes = [f"- {row.key} {'not met' if row.met is False else '(no target)'}; what "
             f"dominates: {row.dominant}" for row in rows if not row.met and not row.skipped]
    notes += [f"- {row.key} skipped: {row.skipped}" for row in rows if row.skipped]
    lines += ["", footer]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)


def _met(met: bool | None) -> str:
    return "n/a" if met is None else "yes" if met else "no"


def machine() -> dict[str, Any]:
    return {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "cpus": os.cpu_count(), "platform": platform.platform(),
            "tmp": tempfile.gettempdir()}


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def steps(self, sizes: Sizes, tmp: Path) -> Iterator[str]:
        yield "1. one action in process"
        self.rows.append(bench_action(sizes))
        yield "2. npa act from the shell"
        row, breakdown = bench_cli_act(sizes, tmp)
        self.rows.append(row)
        self.extra["npa_act_breakdown_ms"] = breakdown
        yield "3. an action stored in SQLite"
        self.rows += bench_store(sizes, tmp)
        yield "3b. an action on a deal of 20,000 events"
        row, built = bench_flat(sizes, tmp)
        self.rows.append(row)
        self.extra["build_flat_deals_s"] = built
        yield "4. Deal.load of a long deal"
        row, built = bench_load(sizes, tmp)
        self.rows.append(row)
        self.extra["build_long_deal_s"] = built
        yield "5. status among many deals"
        inproc, shell, built = bench_status(sizes, tmp)
        self.rows += [inproc, shell]
        self.extra["build_many_deals_s"] = built
        yield "6. advance across pending deadlines"
        row, built = bench_deadlines(sizes)
        self.rows.append(row)
        self.extra["build_pending_deal_s"] = built
        yield "7. payment schedule against QuantLib"
        self.rows.append(bench_schedule(sizes))
        yield "8. a full lifecycle to Repaid"
        self.rows.append(bench_lifecycle(sizes))
        yield "9. exploration of the 1997 deal"
        self.rows += list(bench_explore(sizes))
        yield "10. Monte Carlo paths"
        self.rows += bench_monte_carlo(sizes)
        yield "11. Monte Carlo memory"
        self.rows.append(bench_memory(sizes, tmp))
        yield "12. npa act on a fresh database"
        fresh = bench_cli_fresh(sizes, tmp)
        self.rows.append(fresh)
        yield "12f. the imports the fixed choices need"
        self.rows.append(bench_import_floor(sizes, fresh))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="tiny sizes, to check that the benchmark runs (figures mean little)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results",
                        help="where the table and the raw JSON go (default bench-results/)")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    mode = "quick" if args.quick else "full"
    started = time.perf_counter()
    report = Report()
    with tempfile.TemporaryDirectory(prefix="npa-bench-") as tmp:
        for step in report.steps(sizes, Path(tmp)):
            log(f"{step} ({time.perf_counter() - started:.0f} s so far)")
    wall = time.perf_counter() - started
    info = machine()
    header = (f"npa bench ({mode}): Python {info['python']}, SQLite {info['sqlite']}, "
              f"{info['cpus']} CPUs; every figure a median of interleaved samples; "
              f"run took {wall:.0f} s")
    text = table(report.rows, header, method(sizes))
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if mode == "full" else "-quick"
    (args.out / f"bench{suffix}.md").write_text(text + "\n", encoding="utf-8")
    raw = {"mode": mode, "machine": info, "sizes": asdict(sizes), "wall_s": wall,
           **report.extra,
           "rows": [{**asdict(row), "ratio": row.ratio} for row in report.rows]}
    (args.out / f"bench{suffix}.json").write_text(json.dumps(raw, indent=1) + "\n",
                                                  encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
