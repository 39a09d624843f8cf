"""Mutation fuzzing in CI (tests/fuzz.py, fixed seed, a bounded number of mutants per
format): every damaged sample converts or fails with a clean one-line error; none raises
an uncaught exception, hangs past its time limit or kills its worker. The full run for
the figures is ``python tests/fuzz.py --per-format 300``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import actionplan
from actionplan import Settings
from actionplan.errors import DocumentLoadError
from actionplan.batch import convert_many
from actionplan.workers import Limits
from fuzz import ANCHOR, FORMATS, NEEDS_LIBREOFFICE, classify, mutants
from hostile_files import HOSTILE, write_hostile

# A few mutants of each format keep CI short; LibreOffice takes seconds a file, so fewer there.
PER_FORMAT = {kind: 4 if kind in NEEDS_LIBREOFFICE else 16 for kind in FORMATS}
SEED = 17


@pytest.mark.parametrize("kind", list(FORMATS))
def test_mutated_samples_convert_or_fail_cleanly(tmp_path, request, kind):
    if kind in NEEDS_LIBREOFFICE:
        request.getfixturevalue("soffice")  # skipped without LibreOffice, except in CI
    names = {}
    for name, data in mutants(kind, PER_FORMAT[kind], SEED):
        (tmp_path / name).write_bytes(data)
        names[tmp_path / name] = name
    verdicts: Counter[str] = Counter()
    bad = []
    for outcome in convert_many(names, None, Settings(), workers=2, limits=Limits(timeout=120)):
        verdict = classify(outcome)
        verdicts[verdict] += 1
        if verdict not in ("converted", "clean error"):
            bad.append(f"{outcome.path.name}: {verdict}: {outcome.error}")
        elif verdict == "clean error":
            assert outcome.error.startswith(f"{outcome.path}: ") and "\n" not in outcome.error
    assert bad == []
    assert sum(verdicts.values()) == PER_FORMAT[kind]


def test_hostile_files_in_one_batch_end_cleanly_and_the_good_plan_converts(tmp_path):
    """Every hostile file of issue 17 beside a good plan: each converts or fails with one
    clean line (none an internal error, a timeout or a killed worker), and the good plan
    converts. tests/test_hostile.py checks each one's own bound."""
    names = write_hostile(tmp_path)
    good = tmp_path / "good.txt"
    good.write_bytes(Path("samples/southend-2012.txt").read_bytes())
    names[good] = good.name
    verdicts = {}
    for outcome in convert_many(names, None, Settings(anchor_date=ANCHOR), workers=2, limits=Limits(timeout=120)):
        verdicts[outcome.path.name] = (classify(outcome), outcome.error)
    assert {name: verdict for name, verdict in verdicts.items()
            if verdict[0] not in ("converted", "clean error")} == {}
    assert verdicts["good.txt"] == ("converted", None)
    assert set(verdicts) == set(HOSTILE) | {"good.txt"}
    assert verdicts["x.txt"][0] == "clean error"  # the FIFO, refused without blocking


def test_mutants_are_the_same_for_the_same_seed():
    assert mutants("docx", 3, SEED) == mutants("docx", 3, SEED)
    assert mutants("docx", 3, SEED) != mutants("docx", 3, SEED + 1)


def test_pdfminer_warnings_reach_the_terminal_only_with_debug(tmp_path):
    """pdfminer logs a warning per damaged object; a batch of damaged PDFs printed hundreds."""
    import subprocess
    import sys

    for name, data in mutants("pdf", 8, SEED):
        (tmp_path / name).write_bytes(data)
    stderr = {}
    for flags in ((), ("--debug",)):
        done = subprocess.run([sys.executable, "-m", "actionplan.cli", "extract", str(tmp_path), "-o",
                               str(tmp_path / "out"), "-q", "--force", *flags], capture_output=True, text=True,
                              timeout=600)
        stderr[flags] = done.stderr.splitlines()
    assert stderr[()] and all(line.startswith("error: ") for line in stderr[()])
    assert any(not line.startswith("error: ") for line in stderr[("--debug",)])


# 0298: a content stream's operators mutated; PDFium opened the file but not its page.
@pytest.mark.parametrize("number", ["0101", "0160", "0298"])
def test_pdf_pdfplumber_reads_but_pdfium_cannot_render_is_a_clean_error(number):
    """Found by the 300-mutant run (mutants 0101 and 0160 of rotated-plan.pdf, kept as
    fixtures): pdfplumber opened these, PDFium (rendering for OCR) raised PdfiumError, an
    internal error. Now a one-line DocumentLoadError."""
    with pytest.raises(DocumentLoadError, match=r"^.*: damaged PDF: its scanned pages cannot be rendered for OCR"):
        actionplan.extract(f"tests/fixtures/pdf/pdfium-cannot-render-{number}.pdf")
