"""`make bench`: speed figures, each against a baseline measured in the same run.

- batch: files per second converting 200 plans at --workers 1 and 2, the scaling
  ratio, and the largest process's peak RSS;

- timescales: cells parsed per second by dateparser alone against our rules-first,
  cached parser, on 500 cells taken from the seeds;

- PDF: pages per second of `actionplan.extract` against pdfplumber's own
  `page.extract_tables()` over the same pages, and peak RSS of each at 30 and 300
  pages (a long plan made by repeating the sunderland sample's pages);

- DOCX, per sample document, whole process (median of 5): `actionplan extract FILE`
  against python-docx alone opening the file and walking every cell of every table;

- OCR: pages per second reading scans (the scan-1 corpus of make accuracy, made if
  missing) with `actionplan extract` at --workers 1 and 2, against the same plans' text
  layers (draw-1) read with no OCR: Tesseract runs inside the worker processes, so
  --workers scales it;

- whole archives (scale.py): peak RSS of 100 / 1,000 / 10,000 generated plans, and a
  Dask LocalCluster against the local workers;

- whole process: `actionplan extract` on the five seed texts (median of 5) against a
  bare `python -c "import actionplan.cli"` (interpreter start + imports) in the same run;
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
            ours = median_seconds([sys.executable, "-m", "actionplan.cli", "extract", str(path), "-o", out, "--force"])
            walk = median_seconds([sys.executable, "-c", PYTHON_DOCX_WALK, str(path)])
            ratios.append(ours / walk)
            print(f"  {path.name:34} {ours:9.3f}s {walk:16.3f}s {ours / walk:5.2f}x")
    print(f"  median ratio {statistics.median(ratios):.2f}x")


PDF_SAMPLE = REPO / "samples" / "pdf" / "sunderland-2013.pdf"
PEAK_RSS = """
import resource, sys, time
{work}
start, cpu = time.perf_counter(), time.process_time()
run(sys.argv[1])
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
print(seconds, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
OURS = "import actionplan\ndef run(path): actionplan.extract(path)"
PDFPLUMBER = (
    "import pdfplumber\ndef run(path):\n    with pdfplumber.open(path) as pdf:\n"
    "        for page in pdf.pages:\n            page.extract_tables()\n            page.close()"
)


def long_pdf(pages: int, target: Path) -> Path:
    """A plan of ``pages`` pages: the sunderland sample's pages repeated."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(PDF_SAMPLE))
    out = pdfium.PdfDocument.new()
    while len(out) < pages:
        take = min(len(source), pages - len(out))
        out.import_pages(source, list(range(take)))
    out.save(str(target))
    return target


def timed_run(work: str, path: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MiB) of one fresh process doing ``work``
    on ``path`` (the import outside the timing: both sides import once per process)."""
    result = subprocess.run([sys.executable, "-c", PEAK_RSS.format(work=work), str(path)],
                            check=True, capture_output=True, text=True, cwd=REPO)
    seconds, cpu, kib = result.stdout.split()
    return float(seconds), float(cpu), int(kib) / 1024


def pdf_figures() -> None:
    """Our whole extraction against pdfplumber's extract_tables on the same files, the
    runs interleaved (ours, theirs, ours, ...) so that a machine busy with other work
    slows both alike. The best of the runs is the figure (noise only ever adds time);
    CPU seconds beside wall seconds, as CPU time is what other load disturbs least."""
    print("PDF (landscape sunderland sample, its pages repeated), one fresh process per run, best of the runs:")
    with tempfile.TemporaryDirectory() as folder:
        for pages, runs in ((30, 5), (300, 2)):
            path = long_pdf(pages, Path(folder) / f"long-{pages}.pdf")
            ours, plumber = [], []
            for _ in range(runs):
                ours.append(timed_run(OURS, path))
                plumber.append(timed_run(PDFPLUMBER, path))
            wall, cpu = min(s for s, _, _ in ours), min(c for _, c, _ in ours)
            their_wall, their_cpu = min(s for s, _, _ in plumber), min(c for _, c, _ in plumber)
            print(f"  {pages:3} pages: actionplan {pages / wall:5.1f} pages/s, peak RSS {max(m for *_, m in ours):6.1f} MiB"
                  f" | pdfplumber extract_tables {pages / their_wall:5.1f} pages/s, peak RSS "
                  f"{max(m for *_, m in plumber):6.1f} MiB | time ratio (ours / theirs) wall {wall / their_wall:.2f}x,"
                  f" CPU {cpu / their_cpu:.2f}x")


def timescale_figures() -> None:
    """500 timescale cells (the seeds' own, repeated): dateparser on each cell, as a
    plain implementation would, against our rules-first parser, cold and cached."""
    import dateparser

    import actionplan
    from actionplan.normalise import timescales

    cells = [i.timescale.raw for p in SEEDS for i in actionplan.extract(p).items if i.timescale.raw]
    cells = (cells * (500 // len(cells) + 1))[:500]
    dateparser.parse("1 June 2012", languages=["en"])  # load its English data outside the timing
    start = time.perf_counter()
    for cell in cells:
        dateparser.parse(cell, languages=["en"], settings={"DATE_ORDER": "DMY"})
    plain = time.perf_counter() - start
    timescales._parse.cache_clear()
    start = time.perf_counter()
    for cell in cells:
        timescales.parse_timescale(cell)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    for cell in cells:
        timescales.parse_timescale(cell)
    warm = time.perf_counter() - start
    distinct = list(dict.fromkeys(cells))
    timescales._parse.cache_clear()
    start = time.perf_counter()
    for cell in distinct:
        timescales.parse_timescale(cell)
    uncached = (time.perf_counter() - start) / len(distinct)
    start = time.perf_counter()
    for cell in distinct:
        dateparser.parse(cell, languages=["en"], settings={"DATE_ORDER": "DMY"})
    plain_distinct = (time.perf_counter() - start) / len(distinct)
    print(f"timescales, 500 cells from the seeds ({len(set(cells))} distinct):")
    print(f"  dateparser.parse on each cell: {500 / plain:8.0f} cells/s")
    print(f"  actionplan, cache empty:       {500 / cold:8.0f} cells/s  ({plain / cold:.0f}x)")
    print(f"  actionplan, cached:            {500 / warm:8.0f} cells/s  ({plain / warm:.0f}x)")
    print(f"  each distinct cell once, no cache: dateparser {1 / plain_distinct:6.0f} cells/s, "
          f"actionplan {1 / uncached:6.0f} cells/s ({plain_distinct / uncached:.0f}x)")


def batch_figures() -> None:
    """200 plans mixing the samples (text, Word, PDF), whole CLI process, 1 and 2 workers."""
    import resource
    import shutil

    samples = sorted(p for pattern in ("*.txt", "docx/*.docx", "pdf/*.pdf") for p in (REPO / "samples").glob(pattern)
                     if p.name != "scanned-plan.pdf")
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "plans"
        batch.mkdir()
        for n in range(200):
            source = samples[n % len(samples)]
            shutil.copy(source, batch / f"{n:03d}-{source.name}")
        print(f"batch of 200 plans ({len(samples)} samples repeated: text, Word, PDF), whole CLI process:")
        timings = {}
        for workers in (1, 2):
            out = Path(folder) / f"out{workers}"
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "actionplan.cli", "extract", str(batch), "-o", str(out), "-q",
                            "--workers", str(workers)], check=False, cwd=REPO)
            timings[workers] = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            print(f"  --workers {workers}: {200 / timings[workers]:5.1f} files/s ({timings[workers]:.1f} s), "
                  f"largest process peak RSS {max(peak, before) / 1024:.0f} MiB")
        print(f"  scaling 1 -> 2 workers: {timings[1] / timings[2]:.2f}x (this machine has 2 cores)")


SCANS = REPO / "tests" / "accuracy" / "corpus" / "scan-1"


def ocr_figures() -> None:
    """Scanned plans (image-only PDFs) through the whole CLI, 1 and 2 workers."""
    import tomllib

    import pypdfium2 as pdfium

    with (SCANS / "scans.toml").open("rb") as handle:
        layouts = list(tomllib.load(handle))
    missing = [name for name in layouts if not (SCANS / f"{name}.pdf").exists()]
    if missing:
        subprocess.run([sys.executable, str(SCANS.parent / "make_scans.py"), "--layouts", ",".join(missing)],
                       check=True, stdout=subprocess.DEVNULL, cwd=REPO)
    scans = [SCANS / f"{name}.pdf" for name in layouts]
    texts = [SCANS.parent / "draw-1" / f"{name}.pdf" for name in layouts]
    pages = sum(len(pdfium.PdfDocument(str(path))) for path in scans)
    print(f"OCR: {len(scans)} scanned plans, {pages} pages (tests/accuracy/corpus/scan-1), whole CLI process:")
    with tempfile.TemporaryDirectory() as out:
        timings = {}
        for workers in (1, 2):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "actionplan.cli", "extract", *map(str, scans), "-o", out, "-q",
                            "--force", "--workers", str(workers)], check=False, cwd=REPO)
            timings[workers] = time.perf_counter() - start
            print(f"  --workers {workers}: {pages / timings[workers]:5.2f} OCR pages/s ({timings[workers]:.1f} s)")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "actionplan.cli", "extract", *map(str, texts), "-o", out, "-q",
                        "--force", "--workers", "1"], check=False, cwd=REPO)
        text_layer = time.perf_counter() - start
        print(f"  baseline, the same plans' text layers (no OCR), --workers 1: {pages / text_layer:5.1f} pages/s")
        print(f"  scaling 1 -> 2 workers: {timings[1] / timings[2]:.2f}x (this machine has 2 cores)")


def main() -> None:
    with tempfile.TemporaryDirectory() as out:
        whole = median_seconds([sys.executable, "-m", "actionplan.cli", "extract", *map(str, SEEDS), "-o", out, "--force"])
    startup = median_seconds([sys.executable, "-c", "import actionplan.cli"])
    convert, split = in_process()
    print(f"seed texts: {len(SEEDS)} files, {sum(p.stat().st_size for p in SEEDS) / 1024:.0f} KiB")
    print(f"whole process, `actionplan extract` the five seeds (median of 5): {whole:.3f} s")
    print(f"  baseline `python -c 'import actionplan.cli'`:            {startup:.3f} s  ratio {whole / startup:.2f}x")
    print(f"in process, extract all five (median of 5, warm):          {convert * 1000:.1f} ms")
    print(f"  baseline read + TAB-split of the same files:             {split * 1000:.2f} ms  ratio {convert / split:.0f}x")
    timescale_figures()
    docx_figures()
    pdf_figures()
    ocr_figures()
    batch_figures()
    from scale import dask_figures, memory_figures  # beside this file: whole archives, Dask

    memory_figures()
    dask_figures()


if __name__ == "__main__":
    main()
