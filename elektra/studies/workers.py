"""Where a study's work runs: a pool of worker processes, or a Dask cluster.

Both sweeps and the questions' runs use these, so that the rules hold everywhere:

- **Workers die with their parent.** A pool worker asks the kernel to kill it when its
  parent dies (Linux ``PR_SET_PDEATHSIG``), and a watchdog thread ends it once its parent
  is gone where that is not available; so a killed ``elektra`` leaves no worker (nor, with
  them, multiprocessing's resource tracker) behind. An interrupt of the parent (Ctrl-C,
  SIGTERM) ends the workers at once instead of waiting for their current task; workers
  ignore Ctrl-C themselves, so that only the parent reports it.
- **A Dask scheduler that cannot be used is one line**: an address that is not one is bad
  input (exit 2); a scheduler that does not answer, or something answering that is not a
  Dask scheduler, is a :class:`ClusterError` (exit 6).
- **A lost Dask worker is reported**, with the tasks Dask ran again elsewhere
  (:class:`LostWorkers`).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

#: How long to wait for a Dask scheduler to answer.
SCHEDULER_TIMEOUT = "20s"
#: How often a worker without PR_SET_PDEATHSIG looks whether its parent still lives (s).
WATCH_SECONDS = 0.5


class ClusterError(RuntimeError):
    """A Dask cluster that cannot be reached or used (exit code 6)."""


class AddressError(ValueError):
    """A scheduler address that is not one (bad input, exit code 2)."""


# --------------------------------------------------------------------------- process pool


def _die_with(parent: int) -> None:
    """End this process when ``parent`` dies: the kernel's signal where it has one, and a
    watchdog thread in any case (it also covers a parent that died before this ran)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            set_death_signal = 1  # PR_SET_PDEATHSIG
            ctypes.CDLL(None, use_errno=True).prctl(set_death_signal, signal.SIGKILL)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="elektra-parent-watch", daemon=True).start()


def _start_worker(parent: int, initializer: Callable | None, initargs: tuple) -> None:
    """Pool initialiser: tie the worker to its parent, leave Ctrl-C to the parent, then
    run the study's own initialiser."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)
    if initializer is not None:
        initializer(*initargs)


def _end_workers(pool: Any) -> None:
    """Terminate a ProcessPoolExecutor's workers now (an interrupt; no task is waited for)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, AttributeError, ValueError):
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


@contextlib.contextmanager
def process_pool(
    processes: int, initializer: Callable | None = None, initargs: tuple = ()
) -> Iterator[Any]:
    """A ProcessPoolExecutor of ``processes`` spawned workers that die with this process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        max_workers=processes,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(os.getpid(), initializer, initargs),
    )
    try:
        yield pool
    except BaseException:
        _end_workers(pool)
        raise
    pool.shutdown(wait=True, cancel_futures=True)


def unordered(
    pool: Any, function: Callable, items: Iterable, window: int
) -> Iterator[tuple[Any, Any]]:
    """``(item, function(item))`` as each finishes on ``pool``, with at most ``window``
    items submitted ahead (a long study does not queue everything at once)."""
    from concurrent.futures import FIRST_COMPLETED, wait

    pending: dict[Any, Any] = {}
    queue = iter(items)
    try:
        for item in queue:
            pending[pool.submit(function, item)] = item
            if len(pending) >= window:
                break
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                item = pending.pop(future)
                yield item, future.result()
                following = next(queue, None)
                if following is not None:
                    pending[pool.submit(function, following)] = following
    finally:
        for future in pending:
            future.cancel()


# --------------------------------------------------------------------------- Dask


def check_address(scheduler: str) -> None:
    """Raise AddressError unless ``scheduler`` reads as ``[protocol://]host:port``."""
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        protocol, location = parse_address(scheduler)
        if protocol in ("tcp", "tls", "ws", "wss"):
            parse_host_port(location)
    except (ValueError, TypeError) as error:
        raise AddressError(
            f"--scheduler {scheduler!r} is not a scheduler address ({error}); expected "
            "e.g. tcp://host:8786"
        ) from None


def _connect(scheduler: str) -> Any:
    """A Client of the scheduler at ``scheduler``, or a one-line ClusterError."""
    from distributed import Client

    check_address(scheduler)
    try:
        # not the default client: a failed connection must leave no client behind that
        # later dask computations in this process would try to use
        return Client(scheduler, timeout=SCHEDULER_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise ClusterError(
            f"--scheduler {scheduler}: no Dask scheduler answered within {SCHEDULER_TIMEOUT} "
            f"({error}); is it running, and is the address right?"
        ) from None
    except Exception as error:  # a server that answers in another protocol
        raise ClusterError(
            f"--scheduler {scheduler}: something answers there, but not a Dask scheduler "
            f"({type(error).__name__}: {str(error)[:120]})"
        ) from None


@contextlib.contextmanager
def dask_client(local: bool, scheduler: str | None, processes: int) -> Iterator[Any]:
    """A Dask client: a LocalCluster of ``processes`` workers (``local``), a client of an
    existing ``scheduler``, or None for neither."""
    if not local and scheduler is None:
        yield None
        return
    if scheduler is not None:
        client = _connect(scheduler)
        with client:
            yield client
        return
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=max(1, processes),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client


def worker_count(client: Any) -> int:
    return len(client.scheduler_info().get("workers", {}))


class LostWorkers:
    """Which Dask workers left while a study ran, and which of its tasks Dask ran again.

    Start it before submitting; :meth:`notes` reads the scheduler's ``remove-worker``
    events of each worker present at the start since then (each worker's own topic: the
    topic "all" may hold events Dask cannot send), and names each task (by ``labels``:
    task key -> what it is) that the lost worker was running or held unreturned, which
    Dask then ran elsewhere.
    """

    def __init__(self, client: Any) -> None:
        self.client = client
        self.since = time.time()
        self.addresses = sorted(client.scheduler_info().get("workers", {}))
        self.workers = len(self.addresses)

    def removed(self) -> list[dict]:
        found = []
        for address in self.addresses:
            try:
                events = self.client.get_events(address)
            except Exception:  # a scheduler gone at the end: nothing more to learn
                continue
            found += [
                {**message, "worker": address}
                for stamp, message in events
                if stamp >= self.since
                and isinstance(message, dict)
                and message.get("action") == "remove-worker"
                and not message.get("expected", False)
            ]
        return found

    def notes(self, labels: dict[str, str]) -> list[str]:
        """One line per lost worker: its address and the tasks that were run again."""
        lines = []
        for message in self.removed():
            keys = set(message.get("processing-tasks", ())) | set(
                message.get("lost-computed-tasks", ())
            )
            again = sorted(labels[str(k)] for k in keys if str(k) in labels)
            shown = ", ".join(again[:10]) + (
                f" and {len(again) - 10} more" if len(again) > 10 else ""
            )
            lines.append(
                f"Dask worker {message.get('worker', '?')} was lost during the sweep; "
                + (
                    f"{len(again)} variant(s) it held were solved again on other workers: {shown}"
                    if again
                    else "it held no unfinished variant"
                )
            )
        return lines


def killed_worker_message(error: BaseException, labels: dict[str, str]) -> str:
    """A one-line ClusterError text for Dask's KilledWorker (a task that ended workers)."""
    task = getattr(error, "task", None)
    label = labels.get(str(task), str(task))
    return (
        f"variant {label} ended every Dask worker that tried it (each died while solving it: "
        "memory?); the variants finished before it are kept, run the same command to resume"
    )
