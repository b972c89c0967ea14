"""What `--out DIR` writes: paths.csv as paths finish, summary.json, and three plots.

paths.csv has one row a path, in path order, with the columns of
`CSV_COLUMNS`: money as decimal strings, flags as true/false, the first
Event of Default as an ISO instant (New York time) or empty, days in default
to 4 decimals. The plots are PNGs drawn with matplotlib's Agg backend
(imported only here, only when plotting):

- recoveries.png: cash to the Holders as a share of full performance
  (present values), over the paths that had an Event of Default;
- time_in_default.png: days in default, over the paths that spent any;
- default_curve.png: the share of paths with an Event of Default by each
  date, from the Closing to the end of the paths.
"""

from __future__ import annotations

import csv
import json
import math
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import IO, Any

from engine import outfiles
from engine.errors import InvalidAction
from engine.simulation.results import CSV_COLUMNS, PathResult
from engine.simulation.summary import SimulationResult, Tally

PLOTS = ("recoveries.png", "time_in_default.png", "default_curve.png")


#: Every file `--out` writes, in the order a run writes them.
FILES = ("paths.csv", "summary.json", *PLOTS)


def prepare(out: str | Path) -> Path:
    """The output directory, made if missing, checked before any path runs.

    Raises:
        InvalidAction: naming `out`, when it cannot be a directory to write the files in.
    """
    return outfiles.out_dir(out, FILES, "paths.csv, summary.json and the plots")


class PathsCsv:
    """paths.csv, written row by row as paths finish (in path order), under a temporary
    name until the run's files are put in place together."""

    def __init__(self, staged: outfiles.Staged) -> None:
        self._file: IO[str] = staged.open("paths.csv")
        self._writer = csv.writer(self._file, lineterminator="\n")
        self._writer.writerow(CSV_COLUMNS)

    def write(self, path: PathResult) -> None:
        """One path's row."""
        self._writer.writerow(path.row())

    def close(self) -> None:
        """Flush and close the file."""
        self._file.close()


def write_summary(staged: outfiles.Staged, result: SimulationResult) -> None:
    """summary.json: the document of `npa simulate --json`."""
    staged.write("summary.json", json.dumps(result.to_dict(), indent=2) + "\n")


def plot(staged: outfiles.Staged, tally: Tally, result: SimulationResult) -> list[Path]:
    """The three PNG plots of a run; returns their paths."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.dates import date2num

    n = len(tally)
    full_pv = tally.full_pv_cents or 1
    defaulted = [i for i, d in enumerate(tally.first_default) if not math.isnan(d)]
    written = []
    subtitle = f"{n:,} path{'' if n == 1 else 's'}, seed {result.seed}, discount {result.discount}"

    fig, ax = plt.subplots(figsize=(8, 4.8), dpi=100)
    recoveries = [100 * tally.cash_pv[i] / full_pv for i in defaulted]
    if recoveries:
        ax.hist(recoveries, bins=40, range=(0, max(100.0, max(recoveries))), color="#3b6ea5",
                edgecolor="white")
    else:
        ax.text(0.5, 0.5, "no path had an Event of Default", ha="center", va="center",
                transform=ax.transAxes)
    ax.set_title(f"Recovery: cash to Holders as % of full performance (present value)\n"
                 f"{len(defaulted):,} of {subtitle} had an Event of Default", fontsize=10)
    ax.set_xlabel("cash to Holders / full performance, present value (%)")
    ax.set_ylabel("paths")
    written.append(_save(fig, staged, PLOTS[0]))

    fig, ax = plt.subplots(figsize=(8, 4.8), dpi=100)
    spent = [d for d in tally.days if d > 0]
    if spent:
        ax.hist(spent, bins=40, color="#a5553b", edgecolor="white")
    else:
        ax.text(0.5, 0.5, "no path spent any time in Default", ha="center", va="center",
                transform=ax.transAxes)
    ax.set_title(f"Time in Default, over the {len(spent):,} paths that spent any\n"
                 f"({n - len(spent):,} spent none; {subtitle})", fontsize=10)
    ax.set_xlabel("days in Default (to the end of the path)")
    ax.set_ylabel("paths")
    written.append(_save(fig, staged, PLOTS[1]))

    fig, ax = plt.subplots(figsize=(8, 4.8), dpi=100)
    days = sorted(tally.first_default[i] for i in defaulted)
    start = tally.start.replace(tzinfo=None)
    end_days = (tally.horizon - tally.start).total_seconds() / 86400
    xs = [start] + [start + timedelta(days=d) for d in days] + [
        start + timedelta(days=end_days)]
    ys = [0.0] + [100 * (i + 1) / n for i in range(len(days))] + [100 * len(days) / n]
    ax.step([date2num(x) for x in xs], ys,  # type: ignore[no-untyped-call]
            where="post", color="#2d7a3e")
    line = date2num(datetime.combine(tally.maturity, time(0)))  # type: ignore[no-untyped-call]
    ax.axvline(line, color="grey", linestyle="--",
               linewidth=1, label=f"maturity, {tally.maturity.isoformat()}")
    ax.legend(loc="upper left")
    ax.set_ylim(bottom=0)
    ax.set_title(f"Cumulative default curve: share of paths with an Event of Default\n"
                 f"{subtitle}", fontsize=10)
    ax.set_xlabel("date (from the Closing to the end of the paths)")
    ax.set_ylabel("paths with an Event of Default by then (%)")
    ax.xaxis_date()
    fig.autofmt_xdate()
    written.append(_save(fig, staged, PLOTS[2]))
    return written


def _save(fig: Any, staged: outfiles.Staged, name: str) -> Path:
    import matplotlib.pyplot as plt

    path = staged.path(name)
    fig.tight_layout()
    try:
        fig.savefig(path, format="png")
    except OSError as exc:
        raise InvalidAction(f"cannot write {staged.where / name} "
                            f"({exc.strerror or exc.__class__.__name__})", field="out") from None
    finally:
        plt.close(fig)
    return staged.where / name
