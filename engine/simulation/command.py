"""`npa simulate`: which mode the options ask for, running it, and what it prints.

    npa simulate --scenario FILE [--terms FILE] [--json]
    npa simulate --paths N --seed S [--model FILE] [--terms FILE] [--workers K | --dask ADDRESS]
                 [--discount RATE] [--out DIR] [--json] [--quiet]
    npa simulate --paths N --seed S [--model FILE] [--terms FILE] --path K [--save FILE] [--json]
    npa simulate --print-model

Exit status: 0 done, 1 a scenario action refused or the Dask scheduler lost,
2 invalid input (one line naming the option or key). Nothing is stored.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

from engine.errors import InvalidAction


@attrs.frozen
class Options:
    """The options of `npa simulate`, as given (None: not given)."""

    scenario: str | None = None
    terms: str | None = None
    as_json: bool = False
    paths: int | None = None
    seed: int | None = None
    model: str | None = None
    workers: int | None = None
    dask: str | None = None
    discount: str | None = None
    out: str | None = None
    quiet: bool = False
    path: int | None = None
    save: str | None = None
    print_model: bool = False


Echo = Callable[[str], None]


def _given(options: Options, names: Sequence[str]) -> list[str]:
    """The options among `names` that were given, as the command line spells them."""
    shown = []
    for name in names:
        value = getattr(options, name)
        if value not in (None, False):
            shown.append("--" + name.replace("_", "-"))
    return shown


def _refuse_with(options: Options, mode: str, names: Sequence[str]) -> None:
    stray = _given(options, names)
    if stray:
        raise InvalidAction(f"{stray[0]} does not apply to {mode}", field=stray[0])


def run(options: Options, echo: Echo, read: Callable[[str], list[Any]]) -> int:
    """Run `npa simulate` with these options; the exit code.

    `read` reads a scenario file as `npa run` does.
    """
    if options.print_model:
        _refuse_with(options, "--print-model", [f.name for f in attrs.fields(Options)
                                                 if f.name not in ("print_model", "as_json",
                                                                   "quiet")])
        return _print_model(options, echo)
    if options.scenario is not None:
        _refuse_with(options, "--scenario", ["paths", "seed", "model", "workers", "dask",
                                             "discount", "out", "path", "save"])
        return _scenario(options, echo, read)
    if options.paths is None:
        raise InvalidAction("give --scenario FILE, --paths N --seed S, or --print-model",
                            field="--paths")
    if options.seed is None:
        raise InvalidAction("--paths N needs --seed S", field="--seed")
    if options.path is not None:
        _refuse_with(options, "--path", ["workers", "dask", "out"])
        return _one_path(options, echo)
    _refuse_with(options, "a Monte Carlo run without --path", ["save"])
    return _monte_carlo(options, echo)


def _terms(options: Options) -> Any:
    if options.terms is None:
        return None
    from contract import load_terms_file

    return load_terms_file(options.terms)


def _model(options: Options) -> Any:
    return Path(options.model) if options.model is not None else None


def _print_model(options: Options, echo: Echo) -> int:
    from engine.simulation.model import DEFAULT_MODEL_TOML, load_model

    if options.as_json:
        echo(json.dumps(load_model().to_dict(), indent=2))
    else:
        echo(DEFAULT_MODEL_TOML.rstrip("\n"))
    return 0


def _scenario(options: Options, echo: Echo, read: Callable[[str], list[Any]]) -> int:
    from engine.simulation.scenario import run_scenario

    assert options.scenario is not None
    result = run_scenario(read(options.scenario), terms=_terms(options))
    if options.as_json:
        echo(json.dumps(result.to_dict(), indent=2, default=str))
    else:
        lines = ["timeline:", *_timeline(result.timeline), "", "cash flows:",
                 *_flows([c.to_dict() for c in result.cash_flows]), ""]
        for r in result.results:
            if not r["accepted"]:
                lines.append(f"action {r['position']} ({r['type']}) refused:")
                lines += [f"  {x['section']}: {x['message']}" for x in r["reasons"]]
        lines += _final_status(result.status)
        lines.append(f"final state: {result.state}")
        echo("\n".join(lines))
    return 1 if result.refused else 0


def _final_status(status: Any) -> list[str]:
    """The final status in a few lines: balances and each Event of Default."""
    lines = ["final status:"]
    balances = status.get("balances") or {}
    lines += [f"  {key.replace('_', ' ')}: {balances[key]}" for key in
              ("principal_outstanding", "interest_payable", "interest_paid", "principal_paid")
              if key in balances]
    lines += [f"  Event of Default {e['id']} ({e['section']}): {e['status']}"
              for e in status.get("events_of_default") or ()]
    if status.get("accelerated"):
        lines.append(f"  accelerated at {status.get('accelerated_at')}")
    return lines


def _one_path(options: Options, echo: Echo) -> int:
    from contract import DEFAULT_TERMS
    from engine.clock import iso
    from engine.simulation import simulate_path
    from engine.simulation.plan import closing_actions

    assert options.paths is not None and options.path is not None and options.seed is not None
    if options.paths < 1:
        raise InvalidAction(f"must be at least 1, not {options.paths}", field="--paths")
    if not 1 <= options.path <= options.paths:
        raise InvalidAction(f"must be a path of the run, from 1 to {options.paths}, not "
                            f"{options.path}", field="--path")
    terms = _terms(options)
    result = simulate_path(options.path, options.seed, model=_model(options), terms=terms,
                           discount=options.discount)
    if options.save is not None:
        script = closing_actions(terms or DEFAULT_TERMS) + [
            a.to_dict()["action"] for a in result.attempts if a.result.accepted]
        text = "[\n" + ",\n".join(json.dumps(a) for a in script) + "\n]\n"
        try:
            Path(options.save).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InvalidAction(f"cannot write {options.save} ({exc.__class__.__name__})",
                                field="--save") from None
    if options.as_json:
        echo(json.dumps(result.to_dict(), indent=2, default=str))
        return 0
    lines = [f"path {result.path} of seed {result.seed}: {result.final_state}", "actions:"]
    for attempt in result.attempts:
        a = attempt.to_dict()
        action = a["action"]
        extra = " ".join(f"{k}={v}" for k, v in action.items()
                         if k not in ("type", "actor", "at", "notice", "damages", "joined_by"))
        verdict = "accepted" if a["accepted"] else "refused "
        when = iso(attempt.action.at)  # New York time, for reading
        lines.append(f"  {verdict}  {when}  {action['type']} by {action['actor']}"
                     + (f" {extra}" if extra else ""))
        lines += [f"            {r['section']}: {r['message']}" for r in a["reasons"]]
    lines += ["timeline:", *_timeline(result.timeline), "cash flows:",
              *_flows([c.to_dict() for c in result.cash_flows]), "figures:"]
    row = result.to_dict()
    lines += [f"  {key}: {row[key]}" for key in
              ("event_of_default", "accelerated", "insolvent", "first_default_at",
               "days_in_default", "cash_to_holders", "cash_to_holders_pv", "loss",
               "indemnity_paid", "actions", "refused", "events")]
    if options.save is not None:
        lines.append(f"saved as a scenario for `npa run`: {options.save}")
    echo("\n".join(lines))
    return 0


def _monte_carlo(options: Options, echo: Echo) -> int:
    from engine.simulation import run_simulation

    assert options.paths is not None and options.seed is not None
    bar = not options.quiet and sys.stderr.isatty()
    with _progress(options.paths, bar) as progress:
        result = run_simulation(options.paths, options.seed, model=_model(options),
                                terms=_terms(options),
                                workers=1 if options.workers is None else options.workers,
                                dask=options.dask, discount=options.discount,
                                out=options.out, progress=progress)
    data = result.to_dict()
    if options.as_json:
        echo(json.dumps(data, indent=2))
    else:
        echo(render_summary(data))
    return 0


@contextmanager
def _progress(total: int, enabled: bool) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr (rich): paths done, paths a second, time left."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    started = time.perf_counter()
    columns = (TextColumn("simulating"), BarColumn(), MofNCompleteColumn(),
               TextColumn("paths  {task.fields[rate]}"), TimeRemainingColumn())
    # Refreshed at each batch rather than by rich's own thread: with no other thread
    # running, the worker processes can be forked.
    with Progress(*columns, console=Console(stderr=True), transient=True,
                  auto_refresh=False) as bar:
        task = bar.add_task("paths", total=total, rate="")

        def update(done: int) -> None:
            elapsed = time.perf_counter() - started
            rate = f"{done / elapsed:,.0f} paths/s" if elapsed > 0 else ""
            bar.update(task, completed=done, rate=rate)
            bar.refresh()

        yield update


def render_summary(d: dict[str, Any]) -> str:
    """The summary of a Monte Carlo run, for people."""
    def dist(x: dict[str, Any]) -> str:
        return f"mean {x['mean']:>14}  p5 {x['p5']:>14}  p50 {x['p50']:>14}  p95 {x['p95']:>14}"

    p = d["probability"]
    states = ", ".join(f"{state} {count:,}" for state, count in d["final_states"].items())
    lines = [
        f"{d['paths']:,} path{'' if d['paths'] == 1 else 's'}, seed {d['seed']}, "
        f"discount {d['discount']} "
        f"({d['paths_per_second']:,.0f} paths/s)",
        f"final states:         {states}",
        f"P(event of default):  {p['event_of_default']:.4f}",
        f"P(acceleration):      {p['acceleration']:.4f}",
        f"P(insolvency):        {p['insolvency']:.4f}",
        f"time in default (d):  {dist(d['time_in_default_days'])}",
        f"cash to Holders:      {dist(d['cash_to_holders']['nominal'])}",
        f"  present value:      {dist(d['cash_to_holders']['present_value'])}",
        f"loss (PV):            {dist(d['loss'])}",
        f"indemnity paid:       {dist(d['indemnity_paid'])}",
        f"full performance:     {d['full_performance']['nominal']} "
        f"(present value {d['full_performance']['present_value']})",
    ]
    if d.get("out"):
        lines.append(f"written to {d['out']}: paths.csv, summary.json, recoveries.png, "
                     "time_in_default.png, default_curve.png")
    return "\n".join(lines)


def _timeline(entries: Sequence[dict[str, Any]]) -> list[str]:
    return [f"  {e['seq']:4}  {e['at'] or '':25}  {e['summary']}"
            + (f" ({e['section']})" if e["section"] else "") for e in entries]


def _flows(flows: Sequence[dict[str, Any]]) -> list[str]:
    if not flows:
        return ["  (none)"]
    return [f"  {f['date']}  {f['from']:>9} -> {f['to']:<9}  {f['purpose']:16} {f['amount']:>14}"
            for f in flows]
