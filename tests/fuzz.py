"""Mutation fuzzing of the samples and the hostile files: damaged copies made from a fixed
seed, each converted through the batch (worker processes, time and memory limits) and
classified.

    python tests/fuzz.py --per-format 300 [--formats csv,html] [--seed 17] [--timeout 60]

prints, per input format, how many mutants converted, failed with a clean error, raised
an uncaught exception (an internal error: target 0), hung (timed out: target 0) or had
their worker killed (out of memory: target 0), and the highest peak RSS of one file;
then each hostile file's outcome (tests/hostile_files.py). tests/test_fuzz.py runs a few
of each in CI. The mutations are in tests/fuzz_mutations.py.

The sources are the shipped samples and fixtures; markdown, CSV and HTML plans are also
made from the text samples' tables (so those formats have more than one or two sources),
and .odt from the Word samples by LibreOffice, when it is installed (.odt / .ods are
skipped without it).
"""

from __future__ import annotations

import argparse
import csv
import functools
import html
import io
import random
import shutil
import subprocess
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

from fuzz_mutations import (EXCEL_ELEMENTS, ODF_ELEMENTS, WORD_ELEMENTS, adversarial_cell, deep_nesting, entities,
                            flip_bytes, huge_field, huge_numbers, huge_refs, huge_spans, in_member, pdf_operators,
                            pipes, quotes, redelimit, reencode, splice, tag_soup, truncate, xml_elements)

REPO = Path(__file__).resolve().parent.parent
_TEXT_SAMPLES = sorted((REPO / "samples").glob("*.txt"))
ANCHOR = date(2013, 1, 31)  # the hostile files' timescales are computed from it


def _table_lines(path: Path) -> list[list[str] | str]:
    """A text sample as rows of cells (its tab-separated lines) and paragraphs (the rest)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") if "\t" in line else line for line in lines if line.strip()]


def as_markdown(path: Path) -> bytes:
    out, previous_row = [], False
    for line in _table_lines(path):
        if isinstance(line, list):
            out.append("| " + " | ".join(cell.replace("|", "\\|") for cell in line) + " |")
            if not previous_row:
                out.append("|" + "---|" * len(line))
        else:
            out.append(line)
        previous_row = isinstance(line, list)
    return "\n".join(out).encode()


def as_csv(path: Path) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(line if isinstance(line, list) else [line.lstrip("# ")] for line in _table_lines(path))
    return buffer.getvalue().encode()


def as_html(path: Path) -> bytes:
    out, in_table = ["<html><body>"], False
    for line in _table_lines(path):
        if isinstance(line, list) != in_table:
            out.append("<table border='1'>" if not in_table else "</table>")
            in_table = not in_table
        if in_table:
            out.append("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in line) + "</tr>")
        else:
            out.append(f"<p>{html.escape(line)}</p>")
    return "\n".join(out + ["</table>" if in_table else "", "</body></html>"]).encode()


@functools.lru_cache(maxsize=None)
def _odt_from_word() -> tuple[tuple[str, bytes], ...]:
    """Two Word samples saved as .odt by LibreOffice (a private profile)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    made = []
    with tempfile.TemporaryDirectory() as folder:
        for name in ("merged-recommendations", "rag-by-shading"):
            subprocess.run([soffice, f"-env:UserInstallation={(Path(folder) / 'profile').as_uri()}", "--headless",
                            "--convert-to", "odt", "--outdir", folder, str(REPO / "samples" / "docx" / f"{name}.docx")],
                           check=True, capture_output=True, timeout=300)
            made.append((name, (Path(folder) / f"{name}.odt").read_bytes()))
    return tuple(made)


def _files(paths) -> list[tuple[str, bytes]]:
    return [(path.stem, path.read_bytes()) for path in paths]


def _derived(make) -> list[tuple[str, bytes]]:
    return [(path.stem, make(path)) for path in _TEXT_SAMPLES]


# format -> (suffix, the sources as (stem, bytes), the mutations)
_WORD = in_member(("word/document.xml", "word/numbering.xml", "word/styles.xml"),
                  [flip_bytes, truncate, splice, huge_numbers, xml_elements(WORD_ELEMENTS), xml_elements(WORD_ELEMENTS)])
_EXCEL = in_member(("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"),
                   [flip_bytes, truncate, splice, huge_numbers, huge_refs, xml_elements(EXCEL_ELEMENTS),
                    xml_elements(EXCEL_ELEMENTS)])
_ODF = in_member(("content.xml", "styles.xml"),
                 [flip_bytes, truncate, splice, huge_numbers, xml_elements(ODF_ELEMENTS), xml_elements(ODF_ELEMENTS)])
_BYTES = [flip_bytes, truncate, splice]
FORMATS = {
    "text": (".txt", lambda: _files(_TEXT_SAMPLES + sorted((REPO / "tests/fixtures/text").glob("*.txt"))),
             _BYTES + [huge_numbers, adversarial_cell, adversarial_cell, reencode]),
    "markdown": (".md", lambda: _derived(as_markdown), _BYTES + [pipes, pipes, adversarial_cell, reencode]),
    "csv": (".csv", lambda: _files(sorted((REPO / "tests/fixtures/csv").glob("*.csv"))) + _derived(as_csv),
            _BYTES + [reencode, redelimit, huge_field, quotes, adversarial_cell]),
    "html": (".html", lambda: _files(sorted((REPO / "samples/html").glob("*.html"))) + _derived(as_html),
             _BYTES + [tag_soup, tag_soup, deep_nesting, huge_spans, entities]),
    "docx": (".docx", lambda: _files(sorted((REPO / "samples/docx").glob("*.docx"))), _BYTES + [_WORD] * 3),
    "xlsx": (".xlsx", lambda: _files([REPO / "samples/xlsx/southend-2012-lac.xlsx", REPO / "tests/fixtures/xlsx/tracker.xlsx"]),
             _BYTES + [_EXCEL] * 3),
    # The small PDFs: mutants of the long ones test nothing more, only take longer.
    "pdf": (".pdf", lambda: _files(REPO / "samples/pdf" / f"{name}.pdf" for name in
                                   ("merged-recommendations", "rag-by-shading", "rotated-plan", "unruled-plan")),
            _BYTES + [huge_numbers, huge_numbers, pdf_operators, pdf_operators]),
    "odt": (".odt", lambda: list(_odt_from_word()), _BYTES + [_ODF] * 3),
    "ods": (".ods", lambda: _files([REPO / "tests/fixtures/ods/tracker.ods"]), _BYTES + [_ODF] * 3),
}
NEEDS_LIBREOFFICE = ("odt", "ods")


def available() -> list[str]:
    """The formats this machine can fuzz (OpenDocument needs LibreOffice)."""
    office = bool(shutil.which("soffice") or shutil.which("libreoffice"))
    return [kind for kind in FORMATS if office or kind not in NEEDS_LIBREOFFICE]


def mutants(kind: str, count: int, seed: int) -> list[tuple[str, bytes]]:
    """``count`` damaged copies of the ``kind`` sources, the same for the same seed."""
    suffix, sources, mutations = FORMATS[kind]
    sources = sources()
    rng = random.Random(f"{seed}-{kind}")
    made = []
    for number in range(count):
        stem, data = rng.choice(sources)
        mutation = rng.choice(mutations)
        made.append((f"{number:04d}-{stem}-{mutation.__name__}{suffix}", mutation(data, rng)))
    return made


def classify(outcome) -> str:
    """converted | clean error | uncaught exception | hang | killed."""
    if outcome.status != "failed":
        return "converted"
    if outcome.internal or "internal error" in (outcome.error or ""):
        return "uncaught exception"
    if "timed out" in outcome.error:
        return "hang"
    if "worker" in outcome.error or "out of memory" in outcome.error:
        return "killed"
    return "clean error"


def convert_and_measure(path: Path, anchor: date | None = None):
    """In a worker: the file's outcome, and its own peak resident set in KiB (VmHWM, reset
    before the file through clear_refs, since workers are reused)."""
    from actionplan import Settings
    from actionplan.batch import convert_one

    status = Path("/proc/self/status")
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:  # not Linux, or an old kernel: the worker's peak so far
        pass
    outcome = convert_one(path, None, Settings(anchor_date=anchor))
    peak = next((int(line.split()[1]) for line in status.read_text().splitlines() if line.startswith("VmHWM:")), 0) \
        if status.exists() else 0
    return outcome, peak


def run(files: dict[Path, str], arguments, anchor: date | None = None):
    """Yield (name, verdict, one-line error, peak KiB) for each file, in any order."""
    from actionplan.batch import Outcome
    from actionplan.workers import Failed, Limits, supervise

    jobs = [(name, (path, anchor)) for path, name in files.items()]
    for name, result in supervise(convert_and_measure, jobs, arguments.workers, Limits(arguments.timeout)):
        peak = 0
        if isinstance(result, Failed):
            outcome = Outcome(Path(name), "", "failed", error=result.reason)
        else:
            outcome, peak = result
        yield name, classify(outcome), outcome.error or "", peak


VERDICTS = ("converted", "clean error", "uncaught exception", "hang", "killed")


def main() -> None:  # pragma: no cover - the figures for the issue's closing note
    from hostile_files import write_hostile

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-format", type=int, default=300)
    parser.add_argument("--formats", default=",".join(available()), help="comma-separated; default: all available")
    parser.add_argument("--no-hostile", action="store_true", help="skip the hostile files")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    arguments = parser.parse_args()
    table = [f"{'format':<9} {'mutants':>7} " + " ".join(f"{v:>9}" for v in ("converted", "clean err", "uncaught",
                                                                              "hangs", "killed"))
             + "  worst peak RSS"]
    for kind in [kind for kind in arguments.formats.split(",") if kind]:
        counts: Counter[str] = Counter()
        worst = (0, "")
        with tempfile.TemporaryDirectory() as folder:
            files = {}
            for name, data in mutants(kind, arguments.per_format, arguments.seed):
                (Path(folder) / name).write_bytes(data)
                files[Path(folder) / name] = name
            for name, verdict, error, peak in run(files, arguments):
                counts[verdict] += 1
                worst = max(worst, (peak, name))
                if verdict not in ("converted", "clean error"):
                    print(f"  {name}: {verdict}: {error}", flush=True)
        table.append(f"{kind:<9} {arguments.per_format:>7} " + " ".join(f"{counts[v]:>9}" for v in VERDICTS)
                     + f"  {worst[0] // 1024} MiB ({worst[1]})")
        print(table[-1], flush=True)
    print("\n".join(table))
    if not arguments.no_hostile:
        with tempfile.TemporaryDirectory() as folder:
            files = write_hostile(Path(folder))
            for name, verdict, error, peak in sorted(run(files, arguments, ANCHOR)):
                print(f"hostile {name}: {verdict}, peak {peak // 1024} MiB" + (f": {error[:160]}" if error else ""))


if __name__ == "__main__":
    main()
