"""Worker processes that one bad file cannot hang or kill the batch through.

``ProcessPoolExecutor`` has no per-task time limit and, when one worker dies (the
kernel's OOM killer, a segfault in a C library), breaks the whole pool: every file in
flight and every file not yet started is lost. Here each worker is a process of its
own with a pipe, given one job at a time, so that:

- a job running longer than ``Limits.timeout`` has its worker killed and is reported
  as failed; a new worker takes the next job;
- a worker that dies takes only its own job with it;
- each worker's address space is capped (``Limits.memory``), so a file that would
  exhaust memory raises ``MemoryError`` in its worker instead of inviting the OOM killer;
- workers die with their parent (``PR_SET_PDEATHSIG`` on Linux, and a watchdog thread
  checking the parent elsewhere): killing ``actionplan`` leaves no orphans behind.

Nothing here knows about plans: ``supervise`` runs any picklable function on any
picklable arguments.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from itertools import islice
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Hashable, Iterable, Iterator

DEFAULT_TIMEOUT = 300.0  # seconds: generous; the slowest real plan takes a few seconds
DEFAULT_MEMORY = 4 << 30  # bytes of address space per worker
_PR_SET_PDEATHSIG = 1
_STOP = None  # sent to a worker: no more jobs


@dataclass(frozen=True)
class Limits:
    """Per-file bounds: seconds of wall time and bytes of address space (0: none)."""

    timeout: float = DEFAULT_TIMEOUT
    memory: int = DEFAULT_MEMORY


@dataclass(frozen=True)
class Failed:
    """A job that gave no result: ``reason`` is one line naming the fix."""

    reason: str
    detail: str | None = None  # the worker's traceback, for --debug


def supervise(
    function: Callable[..., Any], jobs: Iterable[tuple[Hashable, tuple]], workers: int, limits: Limits = Limits(),
    log_warnings: bool = False,
) -> Iterator[tuple[Hashable, Any]]:
    """Run ``function(*args)`` for each ``(key, args)`` in at most ``workers`` processes,
    yielding ``(key, result)`` as each finishes (in any order); ``result`` is a ``Failed``
    where the call raised, ran out of time or memory, or its worker died. Every job
    yields exactly once; stopping the iteration stops the workers. ``log_warnings``: the
    workers print libraries' logged warnings on stderr (--debug)."""
    pending = iter(jobs)  # taken one at a time: a batch's jobs are never all in memory
    idle: list[_Worker] = []
    busy: dict[_Worker, tuple[Hashable, float]] = {}
    context = _context()
    try:
        while True:
            for key, args in islice(pending, max(0, max(1, workers) - len(busy))):
                worker = _started(idle, context, (function, limits, log_warnings), args)
                busy[worker] = (key, time.monotonic())
            if not busy:
                break
            ready = wait([w.connection for w in busy] + [w.process.sentinel for w in busy],
                         timeout=_until_next_deadline(busy, limits))
            for worker in [w for w in busy if w.connection in ready or w.process.sentinel in ready]:
                key, _ = busy.pop(worker)
                result = worker.receive()
                if isinstance(result, Failed) and not worker.process.is_alive():
                    worker.close()
                else:
                    idle.append(worker)
                yield key, result
            now = time.monotonic()
            for worker, (key, started) in list(busy.items()):
                if limits.timeout and now - started >= limits.timeout:
                    del busy[worker]
                    worker.close()
                    yield key, Failed(f"timed out after {limits.timeout:g} s (raise --timeout)")
    finally:
        for worker in idle + list(busy):
            worker.close()


def _started(idle: list["_Worker"], context, how: tuple, args: tuple) -> "_Worker":
    """A worker given ``args``: an idle one, unless it has died while waiting, else a new one."""
    while idle:
        worker = idle.pop()
        try:
            worker.send(args)
            return worker
        except OSError:  # killed from outside between two jobs
            worker.close()
    worker = _Worker(context, *how)
    worker.send(args)
    return worker


def _until_next_deadline(busy: dict, limits: Limits) -> float | None:
    if not limits.timeout:
        return None
    first = min(started for _, started in busy.values())
    return max(0.0, first + limits.timeout - time.monotonic())


def _context():
    """A fork server where there is one: workers start quickly (modules loaded once) and
    are not forked from a parent that may be running threads (a progress bar)."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["actionplan"])
    return context


class _Worker:
    def __init__(self, context, function: Callable[..., Any], limits: Limits, log_warnings: bool):
        self.connection, child_end = context.Pipe()
        self.process = context.Process(target=_serve, args=(child_end, function, limits.memory, log_warnings),
                                       daemon=True)
        self.process.start()
        child_end.close()

    def send(self, args: tuple) -> None:
        self.connection.send(args)

    def receive(self) -> Any:
        try:
            return self.connection.recv()
        except (EOFError, OSError):
            self.process.join(timeout=5)
            return Failed(_death(self.process.exitcode))

    def close(self) -> None:
        """Stop the worker: kill it (its job, if any, is abandoned) and reap it."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else str(-exitcode)
        if -exitcode == signal.SIGKILL:
            return f"worker killed ({name}: out of memory? raise --memory-limit)"
        return f"worker crashed ({name}, a fault in a library reading this file)"
    return f"worker exited unexpectedly (exit code {exitcode})"


# -- inside the worker ----------------------------------------------------------

def _serve(connection: Connection, function: Callable[..., Any], memory: int, log_warnings: bool) -> None:
    _die_with_parent()
    _cap_memory(memory)
    if log_warnings:
        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    while True:
        try:
            args = connection.recv()
        except EOFError:
            return
        if args is _STOP:
            return
        try:
            result = function(*args)
        except MemoryError:
            result = Failed("out of memory (raise --memory-limit)", traceback.format_exc())
        except BaseException as error:  # any defect is this job's failure, not the worker's end
            result = Failed(f"internal error {type(error).__name__}: {error}", traceback.format_exc())
        try:
            connection.send(result)
        except MemoryError:
            connection.send(Failed("out of memory (raise --memory-limit)"))


def _cap_memory(memory: int) -> None:
    """Cap the address space: an allocation past it raises MemoryError in this worker."""
    if not memory:
        return
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _die_with_parent() -> None:
    """Linux: the kernel sends SIGKILL when the process that started us exits (the fork
    server, which itself exits with the batch). Elsewhere, and as a second guard, a thread
    notices that we have been handed to another parent and ends this process."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
