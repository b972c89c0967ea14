"""Running many paths: in this process, in worker processes, or on a Dask cluster.

Paths go out in consecutive batches (`run_batch`: plain data in, figures
out). Results come back in batch order whatever finishes first, so that
paths.csv is written in path order and is the same, byte for byte, for one
worker, K workers or a Dask cluster. At most a few batches per worker are in
flight at once: memory does not grow with the number of paths.
"""

from __future__ import annotations

import collections
import logging
import math
import multiprocessing
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

from contract import terms_to_dict
from engine.errors import InvalidAction, NpaError
from engine.outfiles import Staged
from engine.simulation.model import BehaviourModel
from engine.simulation.output import PathsCsv, plot, prepare, write_summary
from engine.simulation.paths import batches, run_batch
from engine.simulation.plan import SimulationError, plan_for
from engine.simulation.results import PathResult
from engine.simulation.summary import SimulationResult, Tally, summarise

#: The most paths a batch holds; fewer when a run is small, so every worker gets some.
BATCH = 250
#: How long to wait for a Dask scheduler to answer, in seconds (once to open a TCP
#: connection, once more for the client's handshake).
DASK_TIMEOUT = 4
#: The most a Dask handshake may take, importing distributed included, in seconds.
HANDSHAKE = 6
_ADDRESS = re.compile(r"^([a-z][a-z0-9+]*://)?[A-Za-z0-9._\-\[\]:]+$")

Job = tuple[int, int, int, dict[str, Any], dict[str, Any], str]
Progress = Callable[[int], None]


def check_dask_address(address: object) -> str:
    """A scheduler address such as tcp://127.0.0.1:8786, or InvalidAction naming `dask`."""
    if not isinstance(address, str) or len(address) > 200 or not _ADDRESS.fullmatch(address):
        raise InvalidAction(f"{address!r:.60} is not a scheduler address (such as "
                            "tcp://127.0.0.1:8786)", field="dask")
    return address


def execute(paths: int, seed: int, model: BehaviourModel, terms: Any, *, workers: int,
            dask: str | None, discount: Decimal, out: str | Path | None,
            progress: Progress | None = None) -> SimulationResult:
    """Run paths 1..paths and summarise them; write paths.csv, summary.json and plots to `out`.

    Raises:
        InvalidAction: for an output directory that cannot be written.
        SimulationError: for terms that never reach Outstanding, or a Dask
            scheduler that cannot be reached or fails.
    """
    plan = plan_for(terms, model, discount)
    folder = prepare(out) if out is not None else None
    tally = Tally(plan)
    sheet = terms_to_dict(plan.terms)
    resolved = model.to_dict()
    parallel = workers if dask is None else 0
    size = max(1, min(BATCH, math.ceil(paths / (4 * max(parallel, 2)))))
    jobs: list[Job] = [(seed, first, last, sheet, resolved, str(discount))
                       for first, last in batches(paths, size)]
    started = time.perf_counter()
    # All or none: every file is written under a temporary name, and put in place only
    # once the run and every file are done (a run that fails leaves the directory as it was).
    staged = Staged(folder) if folder is not None else None
    try:
        writer = PathsCsv(staged) if staged is not None else None
        try:
            for batch in _run(jobs, workers, dask):
                for path in batch:
                    tally.add(path)
                    if writer is not None:
                        writer.write(path)
                if progress is not None:
                    progress(len(tally))
        finally:
            if writer is not None:
                writer.close()
        seconds = time.perf_counter() - started
        result = summarise(tally, plan, seed=seed, discount=discount, seconds=seconds,
                           out=str(folder) if folder is not None else None)
        if staged is not None:
            write_summary(staged, result)
            plot(staged, tally, result)
            staged.commit()
    finally:
        if staged is not None:
            staged.discard()
    return result


def _run(jobs: list[Job], workers: int, dask: str | None) -> Iterator[list[PathResult]]:
    """Each job's paths, in job order."""
    if dask is not None:
        yield from _on_dask(jobs, dask)
    elif workers <= 1:
        for job in jobs:
            yield run_batch(*job)
    else:
        # Forking is fast and safe while no other thread runs (a thread holding a lock at
        # the fork would leave it held in the child); otherwise start fresh interpreters.
        alone = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if alone else "spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            yield from _in_order(lambda job: pool.submit(run_batch, *job), jobs, 2 * workers + 2)


def _in_order(submit: Callable[[Job], Any], jobs: Iterable[Job],
              window: int) -> Iterator[list[PathResult]]:
    """Submit jobs with at most `window` in flight, and yield their results in job order."""
    flight: collections.deque[Any] = collections.deque()
    todo = iter(jobs)
    for job in todo:
        flight.append(submit(job))
        if len(flight) >= window:
            break
    while flight:
        done: list[PathResult] = flight.popleft().result()
        for job in todo:
            flight.append(submit(job))
            break
        yield done


def _check_reachable(address: str) -> None:
    """Refuse at once a TCP scheduler address where nothing listens (before importing
    distributed, which alone can take seconds)."""
    scheme, _, rest = address.rpartition("://")
    if scheme not in ("", "tcp"):
        return
    host, _, port = rest.rpartition(":")
    if not host:
        host, port = rest, "8786"
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=DASK_TIMEOUT):
            pass
    except (OSError, ValueError) as exc:
        raise SimulationError(f"cannot reach the Dask scheduler at {address} "
                              f"({exc.__class__.__name__})", field="dask") from None


def _connect(address: str) -> Any:
    """A Dask client of the scheduler, or SimulationError within HANDSHAKE seconds.

    The client is made (and distributed imported) in a thread of its own: a peer
    that accepts the connection but never speaks Dask's protocol would otherwise
    keep the handshake waiting.
    """
    _check_reachable(address)
    made: dict[str, Any] = {}

    def connect() -> None:
        try:
            logging.getLogger("distributed").setLevel(logging.CRITICAL)
            from distributed import Client

            made["client"] = Client(address, timeout=DASK_TIMEOUT,  # type: ignore[no-untyped-call]
                                    set_as_default=False)
        except BaseException as exc:  # handed to the caller's thread below
            made["error"] = exc

    thread = threading.Thread(target=connect, name="npa-dask-connect", daemon=True)
    thread.start()
    thread.join(HANDSHAKE)
    error = made.get("error")
    if thread.is_alive():
        raise SimulationError(f"{address} did not answer as a Dask scheduler within "
                              f"{HANDSHAKE} s", field="dask")
    if isinstance(error, OSError | TimeoutError | ValueError):
        raise SimulationError(f"cannot reach the Dask scheduler at {address} "
                              f"({error.__class__.__name__})", field="dask")
    if error is not None:  # something answered, but not as a Dask scheduler does
        raise SimulationError(f"{address} did not answer as a Dask scheduler "
                              f"({error.__class__.__name__})", field="dask")
    client = made["client"]
    try:
        client.wait_for_workers(1, timeout=2 * DASK_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        client.close()
        raise SimulationError(f"the Dask scheduler at {address} has no workers "
                              f"({exc.__class__.__name__})", field="dask") from None
    return client


def _on_dask(jobs: list[Job], address: str) -> Iterator[list[PathResult]]:
    """The jobs run on an existing Dask distributed scheduler, results in job order."""
    client = _connect(address)
    try:
        threads = max(1, sum(client.nthreads().values()))
        yield from _in_order(lambda job: client.submit(run_batch, *job, pure=False), jobs,
                             2 * threads + 2)
    except (OSError, TimeoutError) as exc:
        raise SimulationError(f"the Dask scheduler at {address} failed "
                              f"({exc.__class__.__name__}: {exc})", field="dask") from None
    except NpaError:
        raise
    except Exception as exc:  # a worker that cannot run the batch (no engine there, a crash)
        raise SimulationError(f"a Dask worker of {address} failed ({exc.__class__.__name__}: "
                              f"{exc})", field="dask") from None
    finally:
        client.close()
