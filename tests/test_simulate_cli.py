"""`npa simulate` from the shell: modes, output files, bad input, scale and progress."""

from __future__ import annotations

import json
import os
import pty
import select
import socket
import subprocess
import sys
import time
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from engine import SimulationError, simulate, simulate_path
from engine.cli import main
from engine.demo import to_repayment
from engine.simulation import runner

NPA = Path(sys.executable).with_name("npa")

#: A model where much goes wrong, so that every branch of a path is taken.
STORMY: dict[str, Any] = {
    "payments": {"on_time": 0.85, "late": 0.1, "missed": 0.05},
    "reports": {"on_time": 0.8, "late": 0.15, "never": 0.05},
    "insolvency": {"hazard_per_year": 0.15},
    "indemnity": {"claims_per_year": 0.5},
}
STORMY_TOML = """
[payments]
on_time = 0.85
late = 0.1
missed = 0.05
[reports]
on_time = 0.8
late = 0.15
never = 0.05
[insolvency]
hazard_per_year = 0.15
[indemnity]
claims_per_year = 0.5
"""


def npa(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run `npa ARGS` in process: its exit code, stdout and stderr."""
    capsys.readouterr()
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    out, err = capsys.readouterr()
    return code, out, err


# --- scripted ---------------------------------------------------------------------


def test_a_scenario_prints_timeline_cash_flows_and_final_state_and_stores_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`--scenario FILE` runs in memory: no database file is created or changed."""
    monkeypatch.chdir(tmp_path)
    scenario = tmp_path / "repaid.jsonl"
    scenario.write_text("\n".join(json.dumps(a) for a in to_repayment()), encoding="utf-8")
    code, out, err = npa(capsys, "simulate", "--scenario", str(scenario))
    assert (code, err) == (0, "")
    assert "timeline:" in out and "cash flows:" in out
    assert "1998-02-02    company -> holders    interest              205625.00" in out
    assert out.rstrip().endswith("final state: Repaid")
    assert list(tmp_path.iterdir()) == [scenario]


def test_a_scenario_as_json_is_one_document(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """`--json`: the timeline, the cash flows and the final status in one document."""
    scenario = tmp_path / "repaid.json"
    scenario.write_text(json.dumps(to_repayment()), encoding="utf-8")
    code, out, _ = npa(capsys, "simulate", "--scenario", str(scenario), "--json")
    data = json.loads(out)
    assert code == 0 and data["state"] == "Repaid" and data["refused"] == 0
    assert {"date", "from", "to", "purpose", "amount"} <= set(data["cash_flows"][0])
    assert data["status"]["state"] == "Repaid" and data["timeline"][-1]["state"] == "Repaid"


def test_a_scenario_with_a_refused_action_exits_1(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A refused action is shown with its reasons; the exit status is 1."""
    scenario = tmp_path / "early.jsonl"
    scenario.write_text(json.dumps({"type": "close", "actor": "company",
                                    "at": "1997-10-27T10:30"}), encoding="utf-8")
    code, out, _ = npa(capsys, "simulate", "--scenario", str(scenario))
    assert code == 1
    assert "action 1 (close) refused:" in out and "final state: Drafted" in out


# --- Monte Carlo ----------------------------------------------------------------------


def test_out_writes_the_csv_the_summary_and_three_plots(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--out DIR`: paths.csv (one row a path, in order), summary.json and three PNGs."""
    model = tmp_path / "stormy.toml"
    model.write_text(STORMY_TOML, encoding="utf-8")
    out_dir = tmp_path / "run"
    code, out, err = npa(capsys, "simulate", "--paths", "60", "--seed", "4", "--model",
                         str(model), "--discount", "0.08", "--out", str(out_dir), "--json")
    assert (code, err) == (0, "")
    summary = json.loads(out)
    assert json.loads((out_dir / "summary.json").read_text(encoding="utf-8")) == summary
    lines = (out_dir / "paths.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == ("path,final_state,event_of_default,accelerated,insolvent,"
                        "first_default_at,days_in_default,cash_to_holders,cash_to_holders_pv,"
                        "loss,indemnity_paid,actions,events")
    assert [line.split(",")[0] for line in lines[1:]] == [str(k) for k in range(1, 61)]
    for name in ("recoveries.png", "time_in_default.png", "default_curve.png"):
        assert (out_dir / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert set(summary) >= {"paths", "seed", "model", "final_states", "probability",
                            "time_in_default_days", "cash_to_holders", "loss",
                            "indemnity_paid", "full_performance", "paths_per_second"}
    assert summary["model"]["insolvency"]["hazard_per_year"] == 0.15
    assert set(summary["cash_to_holders"]) == {"nominal", "present_value"}
    assert set(summary["loss"]) == {"mean", "p5", "p50", "p95"}
    assert isinstance(summary["loss"]["p95"], str)
    assert set(summary["probability"]) == {"event_of_default", "acceleration", "insolvency"}
    assert sum(summary["final_states"].values()) == 60


def test_the_summary_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --json: the distributions one a line, and nothing on stderr off a terminal."""
    code, out, err = npa(capsys, "simulate", "--paths", "20", "--seed", "1")
    assert (code, err) == (0, "")
    assert out.startswith("20 paths, seed 1, discount 0")
    assert "loss (PV):" in out and "P(event of default):" in out


def test_one_path_is_one_path(capsys: pytest.CaptureFixture[str]) -> None:
    """A run of one path says "1 path", not "1 paths"."""
    code, out, _ = npa(capsys, "simulate", "--paths", "1", "--seed", "0")
    assert code == 0 and out.startswith("1 path, seed 0, discount 0")


def test_print_model_prints_the_shipped_commented_toml(
        capsys: pytest.CaptureFixture[str]) -> None:
    """`--print-model` is the default model, as commented TOML that loads as it is."""
    code, out, _ = npa(capsys, "simulate", "--print-model")
    assert code == 0 and out.startswith("# The behaviour model")
    assert tomllib.loads(out)["insolvency"]["hazard_per_year"] == 0.03


def test_path_k_prints_its_actions_and_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    """`--path K` re-runs path K alone: its attempts, its timeline, its figures."""
    code, out, _ = npa(capsys, "simulate", "--paths", "10", "--seed", "4", "--path", "3")
    assert code == 0
    assert out.startswith("path 3 of seed 4: ")
    assert "actions:" in out and "timeline:" in out and "cash_to_holders:" in out


def _interesting_path(seed: int) -> int:
    """The first path of a stormy run that is accelerated and pays indemnity."""
    for k in range(1, 400):
        path = simulate_path(k, seed, model=STORMY)
        if path.accelerated and path.indemnity_paid > 0 and path.refused:
            return k
    raise AssertionError("no such path in 400")  # pragma: no cover


def test_a_saved_path_runs_with_npa_run_to_the_same_state_and_cash(
        tmp_path: Path) -> None:
    """`--save FILE` writes path K as a scenario that `npa new X && npa run X FILE` accepts,
    reaching the same final state and the same cash."""
    k = _interesting_path(8)
    model = tmp_path / "stormy.toml"
    model.write_text(STORMY_TOML, encoding="utf-8")
    saved, db = tmp_path / "path.json", tmp_path / "replay.db"
    run = [str(NPA), "simulate", "--paths", "400", "--seed", "8", "--model", str(model),
           "--path", str(k), "--save", str(saved), "--json"]
    path = json.loads(subprocess.run(run, check=True, capture_output=True, text=True).stdout)
    subprocess.run([str(NPA), "new", "replayed", "--db", str(db)], check=True,
                   capture_output=True)
    done = subprocess.run([str(NPA), "run", "replayed", str(saved), "--db", str(db)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    status = json.loads(subprocess.run([str(NPA), "status", "replayed", "--db", str(db),
                                        "--json"], check=True, capture_output=True,
                                       text=True).stdout)
    assert status["state"] == path["final_state"]
    balances = status["balances"]
    cash = Decimal(balances["interest_paid"]) + Decimal(balances["principal_paid"])
    assert cash == Decimal(path["cash_to_holders"])
    claims = sum(Decimal(c["paid"]) for c in status["claims"])
    assert claims == Decimal(path["indemnity_paid"]) > 0
    assert path["refused"] > 0  # the refused attempts are not in the scenario


# --- scale: workers and Dask ----------------------------------------------------------


def test_the_same_seed_gives_the_same_csv_with_1_or_2_workers_or_dask(tmp_path: Path) -> None:
    """1 worker, 2 worker processes and a local Dask cluster of 2 worker processes write
    identical paths.csv bytes, and the same summary."""
    distributed = pytest.importorskip("distributed")
    one = simulate(300, 99, model=STORMY, out=tmp_path / "one")
    two = simulate(300, 99, model=STORMY, workers=2, out=tmp_path / "two")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        on_dask = simulate(300, 99, model=STORMY, dask=cluster.scheduler_address,
                           out=tmp_path / "dask")
    csv = (tmp_path / "one" / "paths.csv").read_bytes()
    assert csv == (tmp_path / "two" / "paths.csv").read_bytes()
    assert csv == (tmp_path / "dask" / "paths.csv").read_bytes()
    same = {**one.to_dict(), "paths_per_second": 0, "out": None}
    assert same == {**two.to_dict(), "paths_per_second": 0, "out": None}
    assert same == {**on_dask.to_dict(), "paths_per_second": 0, "out": None}
    assert one.probability.event_of_default > 0 and one.indemnity_paid.p95 > 0


def test_the_csv_differs_with_another_seed(tmp_path: Path) -> None:
    """The byte-for-byte check can fail: another seed writes another paths.csv."""
    simulate(50, 99, model=STORMY, out=tmp_path / "a")
    simulate(50, 100, model=STORMY, out=tmp_path / "b")
    assert (tmp_path / "a" / "paths.csv").read_bytes() != (
        tmp_path / "b" / "paths.csv").read_bytes()


def test_an_unreachable_scheduler_is_one_line_and_exit_1() -> None:
    """No scheduler listens: one line on stderr, exit 1, within the client's timeout."""
    assert runner.DASK_TIMEOUT + runner.HANDSHAKE <= 10
    done = subprocess.run([str(NPA), "simulate", "--paths", "10", "--seed", "1", "--dask",
                           "tcp://127.0.0.1:9"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("npa: error: dask: cannot reach the Dask "
                                                   "scheduler at tcp://127.0.0.1:9")


def test_a_peer_that_never_answers_is_no_hang() -> None:
    """Something accepts the connection but never speaks Dask: SimulationError after the
    handshake's time, not a hang."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        address = f"tcp://127.0.0.1:{silent.getsockname()[1]}"
        with pytest.raises(SimulationError) as caught:
            simulate(10, 1, dask=address)
    assert caught.value.field == "dask" and caught.value.exit_code == 1
    assert "did not answer as a Dask scheduler" in caught.value.message


# --- progress --------------------------------------------------------------------------


def _on_a_terminal(args: list[str]) -> tuple[int, bytes]:
    """Run npa with stderr on a pseudo-terminal: its exit code and what the terminal got."""
    master, slave = pty.openpty()
    process = subprocess.Popen([str(NPA), *args], stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        elif process.poll() is not None:
            break
    os.close(master)
    return process.wait(timeout=60), seen


def test_a_terminal_shows_a_progress_bar_and_quiet_shows_none() -> None:
    """On a terminal: paths done, paths a second and time left on stderr; --quiet: nothing."""
    code, seen = _on_a_terminal(["simulate", "--paths", "3000", "--seed", "1"])
    assert code == 0
    assert b"simulating" in seen and b"paths/s" in seen and b"/3000" in seen
    code, seen = _on_a_terminal(["simulate", "--paths", "300", "--seed", "1", "--quiet"])
    assert (code, seen) == (0, b"")


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "names"), [
    (["--paths", "0", "--seed", "1"], "paths"),
    (["--paths", "ten", "--seed", "1"], "--paths"),
    (["--paths", "10"], "--seed"),
    (["--paths", "10", "--seed", "-1"], "seed"),
    (["--paths", "10", "--seed", "x"], "--seed"),
    (["--paths", "10", "--seed", "1", "--workers", "0"], "workers"),
    (["--paths", "10", "--seed", "1", "--workers", "two"], "--workers"),
    (["--paths", "10", "--seed", "1", "--discount", "five"], "discount"),
    (["--paths", "10", "--seed", "1", "--discount", "-0.1"], "discount"),
    # Decimal reads Arabic-Indic digits and exponents: a rate is written in 0-9.
    (["--paths", "10", "--seed", "1", "--discount", "٠.٠٥"], "discount"),
    (["--paths", "10", "--seed", "1", "--discount", "5e-2"], "discount"),
    (["--paths", "10", "--seed", "1", "--model", "/no/such/model.toml"], "model"),
    (["--paths", "10", "--seed", "1", "--terms", "/no/such/terms.toml"], "terms"),
    (["--paths", "10", "--seed", "1", "--dask", "no address"], "dask"),
    (["--paths", "10", "--seed", "1", "--dask", "tcp://127.0.0.1:9", "--workers", "2"],
     "dask"),
    (["--paths", "10", "--seed", "1", "--path", "0"], "--path"),
    (["--paths", "10", "--seed", "1", "--path", "11"], "--path"),
    (["--paths", "10", "--seed", "1", "--save", "x.json"], "--save"),
    (["--paths", "10", "--seed", "1", "--path", "2", "--out", "somewhere"], "--out"),
    (["--scenario", "x.json", "--paths", "10"], "--paths"),
    (["--print-model", "--paths", "10"], "--paths"),
    ([], "--paths"),
    (["--scenario", "/no/such/scenario.json"], "scenario"),
])
def test_bad_input_to_every_option_is_one_line_and_exit_2(
        args: list[str], names: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each bad option or combination: one line on stderr naming it, exit 2."""
    code, out, err = npa(capsys, "simulate", *args)
    assert code == 2, err
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("npa: error: ") and names in lines[0]


def test_a_bad_model_file_is_one_line_naming_the_key(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A model key that is wrong: one line naming it, exit 2."""
    model = tmp_path / "bad.toml"
    for text, key in [("[payments]\nlate = 1.5\n", "model.payments.late"),
                      ("[payments]\nontime = 1\n", "model.payments.ontime"),
                      ("[insolvency]\nhazard_per_year = -1\n",
                       "model.insolvency.hazard_per_year"),
                      ("[payments]\non_time = 0.5\n", "model.payments"),
                      ("[payments\n", "model")]:
        model.write_text(text, encoding="utf-8")
        code, out, err = npa(capsys, "simulate", "--paths", "5", "--seed", "1", "--model",
                             str(model))
        assert (code, out) == (2, "")
        assert err.startswith(f"npa: error: {key}: ") and len(err.splitlines()) == 1


def test_an_out_that_is_a_file_is_one_line(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """--out naming a file, not a directory: one line naming --out's field, exit 2."""
    taken = tmp_path / "taken"
    taken.write_text("", encoding="utf-8")
    code, _, err = npa(capsys, "simulate", "--paths", "5", "--seed", "1", "--out", str(taken))
    assert code == 2 and err.startswith("npa: error: out: ")


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: (b"<dir>" if p.is_dir() else p.read_bytes()) for p in folder.iterdir()}


@pytest.mark.parametrize("blocked", ["paths.csv", "summary.json", "recoveries.png",
                                     "default_curve.png"])
def test_out_is_all_or_none_when_a_file_cannot_be_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], blocked: str) -> None:
    """A file of --out that cannot be written (a directory in its place) is one line naming
    out, exit 2, before any path runs, and nothing is written (it was exit 70 with
    paths.csv and summary.json left behind)."""
    out = tmp_path / "out"
    (out / blocked).mkdir(parents=True)
    code, _, err = npa(capsys, "simulate", "--paths", "5", "--seed", "1", "--quiet",
                       "--out", str(out))
    assert code == 2 and err.startswith(f"npa: error: out: cannot write {out / blocked} ")
    assert _listing(out) == {blocked: b"<dir>"}


def test_a_run_that_fails_leaves_the_files_of_the_last_run(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that fails part-way (here its third path) leaves --out as it was: the last
    run's paths.csv is not emptied beside its summary.json, and no temporary file stays."""
    from engine.simulation import runner

    out = tmp_path / "out"
    assert npa(capsys, "simulate", "--paths", "4", "--seed", "7", "--quiet",
               "--out", str(out))[0] == 0
    before = _listing(out)
    assert set(before) == {"paths.csv", "summary.json", "recoveries.png",
                           "time_in_default.png", "default_curve.png"}
    real = runner.run_batch

    def failing(*job: Any) -> Any:
        if job[1] >= 3:
            raise runner.SimulationError("a path failed", field="paths")
        return real(*job)

    monkeypatch.setattr(runner, "run_batch", failing)
    code, _, err = npa(capsys, "simulate", "--paths", "4", "--seed", "1", "--quiet",
                       "--out", str(out))
    assert code == 1 and "a path failed" in err
    assert _listing(out) == before


def test_an_empty_out_is_refused_not_the_working_directory(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`--out ''` (an empty shell variable) wrote the five files into the working directory:
    it is refused naming out, from the CLI and from Python."""
    import engine

    monkeypatch.chdir(tmp_path)
    code, _, err = npa(capsys, "simulate", "--paths", "2", "--seed", "1", "--out", "")
    assert code == 2 and err.startswith("npa: error: out: ")
    with pytest.raises(engine.InvalidAction) as caught:
        engine.simulate(2, 1, out="")
    assert caught.value.field == "out"
    assert list(tmp_path.iterdir()) == []


def test_the_files_of_out_are_made_as_open_makes_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Written under temporary names, the files were left 0600 (mkstemp's mode), unreadable
    to the rest of a team sharing the directory: they get 0666 less the umask, as `open`
    gives a file, for simulate and explore alike."""
    old = os.umask(0o022)
    try:
        out = tmp_path / "out"
        assert npa(capsys, "simulate", "--paths", "3", "--seed", "1", "--quiet",
                   "--out", str(out))[0] == 0
        assert npa(capsys, "explore", "--depth", "0", "--out", str(tmp_path / "ex"))[0] == 0
    finally:
        os.umask(old)
    files = [*out.iterdir(), *(tmp_path / "ex").iterdir()]
    assert len(files) == 7
    assert {oct(f.stat().st_mode & 0o777) for f in files} == {oct(0o644)}
