"""Where a batch's files are converted: ``local`` worker processes on this machine (the
default: workers.py bounds each file in time and memory), or ``dask``, the workers of a
Dask distributed cluster for an archive one machine cannot convert in time.

Both run the same ``batch.convert_one`` (the pure ``actionplan.extract`` plus the
skip-if-up-to-date check and the per-plan JSON) on the same arguments and yield an
``Outcome`` per file as it finishes; the CLI writes the batch outputs from those in input
order (outputs/stream.py), so the outputs are the same bytes whichever executor ran them.
Dask is an optional extra; nothing here imports it until it is asked for."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Literal

from .batch import Outcome, OutputFormat, convert_jobs, convert_many, convert_one, lost
from .errors import ActionPlanError
from .normalise.settings import Settings
from .workers import Limits

Executor = Literal["local", "dask"]
DASK_MISSING = "--executor dask needs Dask distributed: pip install 'actionplan[dask]'"
IN_FLIGHT_PER_WORKER = 4  # jobs handed to the cluster ahead of the results: keeps the client's memory flat


class ExecutorError(ActionPlanError):
    """The executor cannot run the batch (Dask not installed, scheduler unreachable)."""


def convert_with(
    executor: Executor, names: dict[Path, str], outdir: Path | None, settings: Settings, workers: int,
    output_format: OutputFormat = "json", force: bool = False, limits: Limits = Limits(), debug: bool = False,
    scheduler: str | None = None,
) -> Iterator[Outcome]:
    """Each input's outcome, in the order they finish."""
    if executor == "dask":
        return convert_on_dask(names, outdir, settings, workers, output_format, force, limits, scheduler)
    return convert_many(names, outdir, settings, workers, output_format, force, limits, debug)


def convert_on_dask(
    names: dict[Path, str], outdir: Path | None, settings: Settings, workers: int,
    output_format: OutputFormat = "json", force: bool = False, limits: Limits = Limits(),
    scheduler: str | None = None,
) -> Iterator[Outcome]:
    """On the cluster at ``scheduler`` (``tcp://host:8786``), else on a LocalCluster of
    ``workers`` processes of one thread each. Inputs and the output folder must be at the
    same paths on every worker (a shared or mounted file system). Dask has no per-task
    time limit: ``limits.timeout`` is not applied; ``limits.memory`` caps a LocalCluster's
    workers (Dask's nanny restarts a worker past it and the file is reported as lost)."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as error:
        raise ExecutorError(DASK_MISSING) from error
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   memory_limit=limits.memory or None, dashboard_address=None,
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
    except (OSError, TimeoutError) as error:
        raise ExecutorError(f"cannot reach the Dask scheduler at {scheduler}: {error}: start one "
                            "(dask scheduler) or give its address with --scheduler tcp://host:8786") from error
    jobs = convert_jobs(names, outdir, settings, output_format, force)
    return _outcomes(client, cluster, as_completed, jobs, workers)


def _outcomes(client, cluster, as_completed, jobs: list[tuple[Path, tuple]], workers: int) -> Iterator[Outcome]:
    """Keep a bounded number of jobs on the cluster, yielding each result as it comes."""
    try:
        window = IN_FLIGHT_PER_WORKER * max(workers, _threads(client))
        pending = iter(jobs)
        running: dict = {}

        def submit(job: tuple[Path, tuple]):
            path, arguments = job
            future = client.submit(convert_one, *arguments, pure=False)
            running[future] = (path, arguments[1])
            return future

        finished = as_completed([submit(job) for job in islice(pending, window)])
        for future in finished:
            path, output = running.pop(future)
            try:
                outcome = future.result()
            except Exception as error:  # the worker died (KilledWorker) or the cluster went away
                outcome = lost(path, output, f"lost on the Dask cluster ({type(error).__name__}: {error})")
            future.release()
            for job in islice(pending, 1):
                finished.add(submit(job))
            yield outcome
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _threads(client) -> int:
    return sum(client.nthreads().values()) or 1
