"""`npa diagram`: the lifecycle as mermaid text that mermaid's own parser accepts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from engine.lifecycle import TABLE, mermaid
from engine.state import Status

ROOT = Path(__file__).resolve().parent.parent
MERMAID = ROOT / ".venv" / "mermaid"

needs_parser = pytest.mark.skipif(
    shutil.which("node") is None or not (MERMAID / "node_modules" / "mermaid").is_dir(),
    reason="mermaid's parser is installed by `make test` under .venv/mermaid (needs npm)",
)


def parse(text: str) -> subprocess.CompletedProcess[str]:
    """Run mermaid's own parser (mermaid 11 under node, with jsdom) on some text."""
    script = MERMAID / "mermaid_parse.mjs"
    shutil.copyfile(ROOT / "tests" / "mermaid_parse.mjs", script)
    return subprocess.run(["node", str(script), text], capture_output=True, text=True,
                          timeout=120, check=False)


def test_every_state_and_transition_is_drawn() -> None:
    """The diagram has every lifecycle state and every row of the table."""
    text = mermaid()
    for status in Status:
        assert f'state "{status.value}" as s_{status.value}' in text
    for row in TABLE:
        assert f"s_{row.source.value} --> s_{row.dest.value}" in text


@needs_parser
def test_mermaid_accepts_the_diagram() -> None:
    """mermaid's parser reads `npa diagram` as a state diagram."""
    result = parse(mermaid())
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "stateDiagram"


@needs_parser
def test_mermaid_refuses_a_bare_default_state() -> None:
    """The parser check is real: a state named Default without an alias is refused."""
    result = parse("stateDiagram-v2\n    [*] --> Default\n    Default --> Repaid\n")
    assert result.returncode == 1
    assert "DEFAULT" in result.stdout
