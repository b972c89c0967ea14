"""The share of a set of step lines that the vocabulary understands (issue 14).

    python tests/vocabulary_share.py [FILE...]

A step is understood when it matches a step of the vocabulary (its words and
every value); `npa spec --dry-run` tells the same. With no FILE, it measures
the lawyer's phrasings (tests/data/lawyer-phrasings.feature) and the shipped
features.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from features.runner import run_files  # noqa: E402

PHRASINGS = ROOT / "tests" / "data" / "lawyer-phrasings.feature"


def share(paths: list[Path]) -> tuple[int, int, list[str]]:
    """(understood, total, the lines not understood) over every step of the files."""
    report = run_files(paths, dry_run=True)
    steps = [s for scenario in report["scenarios"] for s in scenario["steps"]]
    missed = [f"{s['keyword']}{s['text']}" for s in steps if s["status"] != "skipped"]
    return len(steps) - len(missed), len(steps), missed


def main(argv: list[str]) -> None:
    """Print the share understood of each set of files."""
    sets = [[Path(a) for a in argv]] if argv else [[PHRASINGS], [ROOT / "features"]]
    for paths in sets:
        understood, total, missed = share(paths)
        names = ", ".join(str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p)
                          for p in paths)
        print(f"{names}: {understood} of {total} step lines understood "
              f"({100 * understood / total:.0f}%)")
        for line in missed:
            print(f"    not understood: {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
