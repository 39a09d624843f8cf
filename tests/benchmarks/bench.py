"""`make bench`: speed figures, each against a baseline measured in the same run.

- DOCX, per sample document, whole process (median of 5): `actionplan extract FILE`
  against python-docx alone opening the file and walking every cell of every table;

- whole process: `actionplan extract samples` (median of 5) against a bare
  `python -c "import actionplan"` (interpreter start + imports) in the same run;
- in process: converting all five seed texts against only reading and TAB-splitting
  the same files (the floor for any text extractor).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "samples").glob("*.txt"))
WORD_FILES = sorted((REPO / "samples" / "docx").glob("*.docx"))
PYTHON_DOCX_WALK = (
    "import sys, docx; d = docx.Document(sys.argv[1]); "
    "[c.text for t in d.tables for r in t.rows for c in r.cells]; [p.text for p in d.paragraphs]"
)


def median_seconds(command: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def in_process(runs: int = 5) -> tuple[float, float]:
    import actionplan

    def convert() -> None:
        for path in SEEDS:
            actionplan.extract(path)

    def baseline() -> None:
        for path in SEEDS:
            [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]

    convert()  # warm: first use loads the heading table and dateparser
    results = []
    for work in (convert, baseline):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        results.append(statistics.median(times))
    return results[0], results[1]


def docx_figures() -> None:
    print("DOCX, whole process per document (median of 5):")
    print(f"  {'document':34} {'actionplan':>10} {'python-docx walk':>17} {'ratio':>6}")
    ratios = []
    with tempfile.TemporaryDirectory() as out:
        for path in WORD_FILES:
            ours = median_seconds([sys.executable, "-m", "actionplan.cli", "extract", str(path), "-o", out])
            walk = median_seconds([sys.executable, "-c", PYTHON_DOCX_WALK, str(path)])
            ratios.append(ours / walk)
            print(f"  {path.name:34} {ours:9.3f}s {walk:16.3f}s {ours / walk:5.2f}x")
    print(f"  median ratio {statistics.median(ratios):.2f}x")


def main() -> None:
    with tempfile.TemporaryDirectory() as out:
        whole = median_seconds([sys.executable, "-m", "actionplan.cli", "extract", "samples", "-o", out])
    startup = median_seconds([sys.executable, "-c", "import actionplan.cli"])
    convert, split = in_process()
    print(f"seed texts: {len(SEEDS)} files, {sum(p.stat().st_size for p in SEEDS) / 1024:.0f} KiB")
    print(f"whole process, `actionplan extract samples` (median of 5): {whole:.3f} s")
    print(f"  baseline `python -c 'import actionplan.cli'`:            {startup:.3f} s  ratio {whole / startup:.2f}x")
    print(f"in process, extract all five (median of 5, warm):          {convert * 1000:.1f} ms")
    print(f"  baseline read + TAB-split of the same files:             {split * 1000:.2f} ms  ratio {convert / split:.0f}x")
    docx_figures()


if __name__ == "__main__":
    main()
