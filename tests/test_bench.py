"""`tests/bench.py --quick` runs and reports every row: no timing is asserted here.

The figures themselves are for `make bench` on a quiet machine (PRODUCT.md
section 10); this test only keeps the benchmark from rotting.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).with_name("bench.py")
ROWS = ("1", "2", "3", "3w", "3b", "4", "5a", "5b", "6", "7", "8", "9a", "9f", "9b", "10a", "10b",
        "10f", "11", "12", "12f")
#: Row 7 compares with QuantLib (a dev dependency): without it the row is skipped.
QUANTLIB = importlib.util.find_spec("QuantLib") is not None


def test_quick_bench_prints_the_table_with_every_row(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--quick", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert "| what | measured | baseline | ratio | target | met |" in lines
    rows = {line.split(".", 1)[0].removeprefix("| "): line
            for line in lines if line.startswith("| ") and line[2].isdigit()}
    assert sorted(rows) == sorted(ROWS), done.stdout
    for line in rows.values():
        cells = [cell.strip() for cell in line.strip("|").split(" | ")]
        assert len(cells) == 6, line
        key = line.split(".", 1)[0].removeprefix("| ")
        if cells[1] == "skipped":  # only row 7, only without QuantLib, with the reason
            assert key == "7" and not QUANTLIB, line
            assert any(note.startswith("- 7 skipped: QuantLib is not importable")
                       for note in lines), done.stdout
            continue
        assert cells[3].endswith("x") and cells[5] in ("yes", "no", "n/a"), line
        if cells[5] == "no":  # an unmet target comes with what dominates, under the table
            assert any(note.startswith(f"- {key} not met") for note in lines), done.stdout
        if cells[5] == "n/a":  # so does a row without a target (6, 8, 9b and the floors)
            assert cells[4] == "—", line
            assert any(note.startswith(f"- {key} (no target); what dominates:")
                       for note in lines), done.stdout
    assert (tmp_path / "bench-quick.md").read_text(encoding="utf-8").strip() \
        == done.stdout.strip()
    raw = json.loads((tmp_path / "bench-quick.json").read_text(encoding="utf-8"))
    assert [row["key"] for row in raw["rows"]] == list(ROWS)
    assert all(row["samples"] and row["measured_ns"] > 0 for row in raw["rows"]
               if not row["skipped"])
    (schedule,) = [row for row in raw["rows"] if row["key"] == "7"]
    assert schedule["target"] == "≤ 2x"
    assert bool(schedule["skipped"]) is not QUANTLIB
