"""Worker supervision (workers.py): a job past its time or memory limit, or whose worker
dies, is one failed result and the other jobs still finish; workers die with the batch.

The jobs are standard-library callables (picklable by name) standing in for a file that
hangs (time.sleep), exhausts memory (bytearray) or crashes its process (raise_signal).
Each check runs in a child process under a harness timeout: a regression fails, not hangs."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import EXIT_UNREADABLE, app

HARNESS_TIMEOUT = 120
runner = CliRunner()


def supervised(function: str, jobs: str, workers: int, limits: str) -> dict:
    """{key: result or failure reason} of ``supervise`` run in a child process."""
    code = textwrap.dedent(f"""
        import json, os, signal, time
        from actionplan.workers import Failed, Limits, supervise
        results = {{}}
        for key, result in supervise({function}, {jobs}, {workers}, Limits{limits}):
            results[key] = result.reason if isinstance(result, Failed) else repr(result)
        print(json.dumps(results))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=HARNESS_TIMEOUT)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_a_job_past_its_time_limit_fails_and_the_others_finish():
    results = supervised("time.sleep", "[('hangs', (3600,)), ('a', (0,)), ('b', (0,)), ('c', (0,))]", 2, "(timeout=3)")
    assert results == {"hangs": "timed out after 3 s (raise --timeout)", "a": "None", "b": "None", "c": "None"}


def test_a_killed_worker_fails_its_job_only_and_is_replaced():
    """SIGKILL is what the kernel's OOM killer sends; the pool used to break and lose the batch."""
    jobs = "[('a', (0,)), ('killed', (signal.SIGKILL,)), ('b', (0,)), ('crashed', (signal.SIGSEGV,)), ('c', (0,))]"
    results = supervised("signal.raise_signal", jobs, 2, "()")
    assert results == {
        "a": "None", "b": "None", "c": "None",
        "killed": "worker killed (SIGKILL: out of memory? raise --memory-limit)",
        "crashed": "worker crashed (SIGSEGV, a fault in a library reading this file)",
    }


def test_memory_is_capped_in_workers_only():
    """2 GiB asked for under a 512 MiB cap: MemoryError in the worker, a failure for that job."""
    results = supervised("bytearray", "[('big', (2 << 30,)), ('small', (16,))]", 1, "(memory=512 << 20)")
    assert results == {"big": "out of memory (raise --memory-limit)", "small": repr(bytearray(16))}


def test_an_exception_in_a_job_is_its_failure_and_the_worker_goes_on():
    results = supervised("int", "[('bad', ('x',)), ('good', ('7',))]", 1, "()")
    assert results == {"bad": "internal error ValueError: invalid literal for int() with base 10: 'x'", "good": "7"}


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited
    except (FileNotFoundError, ProcessLookupError):  # gone before the open, or between the open and the read
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_the_batch():
    """Killing the batch (SIGKILL: no clean-up runs) used to leave its workers running forever."""
    code = textwrap.dedent("""
        import os, sys, time
        from actionplan.workers import supervise
        results = supervise(os.getpid, [(1, ()), (2, ())], 2)
        pids = [next(results)[1], next(results)[1]]  # two workers, now idle, waiting for jobs
        print(*pids, flush=True)
        time.sleep(3600)
    """)
    batch = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(pid) for pid in batch.stdout.readline().split()]
        assert len(pids) == 2 and all(_alive(pid) for pid in pids)
    finally:
        batch.kill()
        batch.wait()
    for _ in range(HARNESS_TIMEOUT * 10):  # waits for the kernel to act; asserts nothing about how long
        if not any(_alive(pid) for pid in pids):
            break
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in pids)


def test_cli_reports_a_timed_out_file_and_converts_the_rest(tmp_path):
    """--timeout reaches the workers: with a limit no conversion can meet every file fails
    with the reason and the fix, the batch ends, exit code 2."""
    plan = tmp_path / "plan.txt"
    plan.write_bytes(Path("samples/sunderland-2013.txt").read_bytes())
    result = runner.invoke(app, ["extract", str(plan), "-o", str(tmp_path / "out"), "-q", "--timeout", "1e-9"])
    assert result.exit_code == EXIT_UNREADABLE
    assert result.output.strip() == f"error: {plan}: timed out after 1e-09 s (raise --timeout)"
    assert not (tmp_path / "out" / "plan.json").exists()


def test_jobs_are_taken_as_workers_free_up_not_all_at_once():
    """A batch of ten thousand files is never a list of ten thousand jobs: ``supervise``
    takes the next job only when a worker is free (the jobs here record when they are
    taken; ``abs`` is the stand-in job)."""
    code = textwrap.dedent("""
        import json
        from actionplan.workers import Limits, supervise
        taken = []
        def jobs():
            for number in range(6):
                taken.append(number)
                yield number, (-number,)
        seen = [len(taken) for _ in supervise(abs, jobs(), 2, Limits(0, 0))]
        print(json.dumps(seen))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=HARNESS_TIMEOUT)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen[0] == 2 and seen == sorted(seen) and seen[-1] == 6
