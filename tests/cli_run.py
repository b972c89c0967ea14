"""Running `npa` in process for the tests: one helper, shared by every CLI test."""

from __future__ import annotations

import pytest

from engine.cli import main


def npa(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run `npa ARGS` in process through `main`: its exit code, stdout and stderr."""
    capsys.readouterr()
    try:
        main(list(args))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    else:
        code = 0
    out, err = capsys.readouterr()
    return code, out, err
