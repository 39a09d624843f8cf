"""`make bench`, whole archives: peak RSS of a batch of 100, 1,000 and 10,000 small
generated plans (the ratio to 100 plans is the figure: the bar is 1.10), and the
overhead of a Dask LocalCluster against the local workers on the same plans.

Each batch is `actionplan extract DIR -o OUT --workers 2 -q -f csv --report
OUT/report.html` in a fresh process: every whole-batch output that could hold the plans
(the csv, the report page). The parent's peak is its own getrusage(RUSAGE_SELF) at exit;
the workers' is their /proc VmHWM (the kernel's high-water mark), read every 0.1 s while
they live. Sizes: `python tests/benchmarks/scale.py --sizes 100,1000` (10,000 takes about
two to four minutes on 2 shared cores)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SIZES = (100, 1000, 10000)
# the CLI, reporting its own peak RSS (KiB) on stderr's last line when it exits
MEASURED_CLI = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: print('peak', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr))\n"
    "from actionplan.cli import main\nmain()\n"
)
ROWS = [  # (action, lead, timescale, RAG): numbered per plan so no two plans are the same file
    ("Audit {n} referral cases each month", "Head of Service", "March 2013", "Green"),
    ("Train every social worker in risk assessment", "Principal Social Worker", "Within 3 months", "Amber"),
    ("Report progress to the LSCB quarterly", "", "Ongoing", "Red"),
]


def generate(folder: Path, plans: int) -> Path:
    """``plans`` three-action text plans, a thousand to a folder."""
    for number in range(plans):
        target = folder / f"part-{number // 1000:03d}" / f"plan-{number:05d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        rows = "".join(f"1.{index}\t{action.format(n=number)}\t{lead}\t{due}\t{rag}\n"
                       for index, (action, lead, due, rag) in enumerate(ROWS, start=1))
        target.write_text(f"Action plan {number}\n\nRef\tAction\tLead\tTimescale\tRAG\n{rows}", encoding="utf-8")
    return folder


def _vm_hwm(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        parent = stack.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children") if Path(f"/proc/{parent}").exists() else []:
            try:
                children = [int(child) for child in task.read_text().split()]
            except OSError:
                continue
            found += children
            stack += children
    return found


def measured_batch(plans: Path, out: Path, *options: str) -> tuple[float, int, int]:
    """(seconds, parent peak KiB, largest worker peak KiB) of one batch."""
    command = [sys.executable, "-c", MEASURED_CLI, "extract", str(plans), "-o", str(out), "-q", "--workers", "2",
               *options]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    workers = 0
    while process.poll() is None:
        workers = max([workers] + [_vm_hwm(pid) for pid in _descendants(process.pid)])
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    errors = process.stderr.read().splitlines()
    parent = int(errors[-1].split()[1]) if errors and errors[-1].startswith("peak ") else 0
    return seconds, parent, workers


def memory_figures(sizes: tuple[int, ...] = SIZES) -> None:
    print("Whole archive, peak RSS (`extract DIR --workers 2 -q -f csv --report OUT/report.html`, "
          "generated 3-action text plans):")
    print(f"  {'plans':>6} {'seconds':>8} {'plans/s':>8} {'parent MiB':>11} {'ratio':>6} {'worker MiB':>11} {'ratio':>6}")
    baseline = None
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            plans = generate(Path(folder) / "plans", size)
            out = Path(folder) / "out"
            seconds, parent, worker = measured_batch(plans, out, "-f", "csv", "--report", str(out / "report.html"))
            rows = sum(1 for _ in (out / "items.csv").open(encoding="utf-8-sig")) - 1
        baseline = baseline or (parent, worker)
        print(f"  {size:6d} {seconds:8.1f} {size / seconds:8.1f} {parent / 1024:11.1f} {parent / baseline[0]:6.2f} "
              f"{worker / 1024:11.1f} {worker / baseline[1]:6.2f}   ({rows} csv rows)")


def dask_figures(size: int = 200) -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("Dask: not installed (pip install 'actionplan[dask]'): overhead not measured")
        return
    print(f"Local workers against a Dask LocalCluster (2 processes, 1 thread each), {size} generated plans, "
          "--report report.json, cluster start-up included:")
    with tempfile.TemporaryDirectory() as folder:
        plans = generate(Path(folder) / "plans", size)
        timings = {}
        for executor in ("local", "dask"):
            out = Path(folder) / executor
            timings[executor], _, _ = measured_batch(plans, out, "--executor", executor, "--report",
                                                     str(out / "report.json"))
            print(f"  --executor {executor:5}: {size / timings[executor]:6.1f} plans/s ({timings[executor]:.1f} s)")
        print(f"  Dask / local time: {timings['dask'] / timings['local']:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated batch sizes")
    sizes = tuple(int(size) for size in parser.parse_args().sizes.split(","))
    memory_figures(sizes)
    dask_figures()


if __name__ == "__main__":
    os.chdir(REPO)
    main()
