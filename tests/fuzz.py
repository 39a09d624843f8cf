"""Mutation fuzzing of the shipped samples: damaged copies made from a fixed seed, each
converted through the batch (worker processes, time and memory limits) and classified.

    python tests/fuzz.py --per-format 300 [--seed 17] [--timeout 60]

prints, per format, how many mutants converted, failed with a clean error, raised an
uncaught exception (an internal error: target 0) or hung (timed out: target 0), and the
highest peak RSS any worker reached. tests/test_fuzz.py runs a few of each in CI.

Mutations: for every format, random byte flips, a truncation, a run of bytes repeated or
deleted; for Word, the same inside a zip member (document.xml, numbering.xml, styles.xml)
re-packed so the zip itself is sound, and XML elements duplicated, deleted or nested; for
PDF, flips inside its content streams' text operators are covered by the byte flips, and
numbers in the file (sizes, offsets, coordinates) are replaced by huge or negative ones.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import zipfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = {
    "text": sorted((REPO / "samples").glob("*.txt")),
    "docx": sorted((REPO / "samples" / "docx").glob("*.docx")),
    # The small PDFs: mutants of the long ones test nothing more, only take longer.
    "pdf": [REPO / "samples" / "pdf" / name for name in
            ("merged-recommendations.pdf", "rag-by-shading.pdf", "rotated-plan.pdf", "unruled-plan.pdf")],
}
SUFFIX = {"text": ".txt", "docx": ".docx", "pdf": ".pdf"}
_WORD_PARTS = ("word/document.xml", "word/numbering.xml", "word/styles.xml")
_ELEMENT = re.compile(rb"<w:(tbl|tr|tc|p|r|gridSpan|vMerge|numPr)\b[^>]*?(/>|>.*?</w:\1>)", re.S)
_NUMBER = re.compile(rb"(?<![\w.])-?\d+(\.\d+)?(?![\w.])")


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(len(data))]


def splice(data: bytes, rng: random.Random) -> bytes:
    """A run of bytes repeated many times, or cut out."""
    start = rng.randrange(len(data))
    run = data[start:start + rng.randint(1, 200)]
    return data[:start] + (run * rng.randint(2, 500) if rng.random() < 0.5 else b"") + data[start + len(run):]


def huge_numbers(data: bytes, rng: random.Random) -> bytes:
    numbers = list(_NUMBER.finditer(data))
    if not numbers:
        return flip_bytes(data, rng)
    out = bytearray(data)
    for match in sorted(rng.sample(numbers, min(len(numbers), rng.randint(1, 10))), key=lambda m: -m.start()):
        out[match.start():match.end()] = rng.choice([b"99999999999", b"-1", b"0", b"1e308", b"NaN", b"2147483648"])
    return bytes(out)


def xml_elements(data: bytes, rng: random.Random) -> bytes:
    """An element (table, row, cell, paragraph, span...) duplicated many times, deleted, or
    wrapped in copies of itself."""
    elements = list(_ELEMENT.finditer(data))
    if not elements:
        return flip_bytes(data, rng)
    match = rng.choice(elements)
    element = match.group(0)
    choice = rng.random()
    if choice < 0.4:
        replacement = element * rng.randint(2, 200)
    elif choice < 0.7:
        replacement = b""
    else:
        replacement = element
        for _ in range(rng.randint(2, 30)):  # nested: <w:tbl><w:tr><w:tc> around itself
            replacement = b"<w:tbl><w:tr><w:tc>" + replacement + b"<w:p/></w:tc></w:tr></w:tbl><w:p/>"
    return data[:match.start()] + replacement + data[match.end():]


def in_member(data: bytes, rng: random.Random) -> bytes:
    """A Word package with one of its XML parts mutated and the zip rebuilt sound."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [name for name in _WORD_PARTS if name in source.namelist()]
    target = rng.choice(names)
    mutate = rng.choice([flip_bytes, truncate, splice, huge_numbers, xml_elements, xml_elements])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            member = source.read(info)
            # the member's own time, not now: the same seed gives the same bytes (the test
            # comparing two calls failed when they straddled a zip time's two seconds)
            rebuilt = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            rebuilt.compress_type, rebuilt.external_attr = zipfile.ZIP_DEFLATED, 0o600 << 16  # as writestr(name)
            out.writestr(rebuilt, mutate(member, rng) if info.filename == target else member)
    return buffer.getvalue()


MUTATIONS = {
    "text": [flip_bytes, truncate, splice, huge_numbers],
    "docx": [flip_bytes, truncate, splice, in_member, in_member, in_member],
    "pdf": [flip_bytes, truncate, splice, huge_numbers, huge_numbers],
}


def mutants(kind: str, count: int, seed: int) -> list[tuple[str, bytes]]:
    """``count`` damaged copies of the ``kind`` samples, the same for the same seed."""
    rng = random.Random(f"{seed}-{kind}")
    made = []
    for number in range(count):
        source = rng.choice(SOURCES[kind])
        mutation = rng.choice(MUTATIONS[kind])
        made.append((f"{number:04d}-{source.stem}-{mutation.__name__}{SUFFIX[kind]}",
                     mutation(source.read_bytes(), rng)))
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


def convert_and_measure(path: Path):
    """In a worker: the file's outcome, and the worker's peak resident set so far (VmHWM;
    workers are reused, so the largest over all files is the worst file's peak)."""
    from actionplan import Settings
    from actionplan.batch import convert_one

    outcome = convert_one(path, None, Settings())
    peak = next((int(line.split()[1]) for line in Path("/proc/self/status").read_text().splitlines()
                 if line.startswith("VmHWM:")), 0)
    return outcome, peak


def main() -> None:  # pragma: no cover - the figures for the issue's closing note
    import tempfile

    from actionplan.batch import Outcome
    from actionplan.workers import Failed, Limits, supervise

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-format", type=int, default=300)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    arguments = parser.parse_args()
    for kind in SOURCES:
        counts: Counter[str] = Counter()
        worst = (0, "")
        with tempfile.TemporaryDirectory() as folder:
            jobs = []
            for name, data in mutants(kind, arguments.per_format, arguments.seed):
                (Path(folder) / name).write_bytes(data)
                jobs.append((name, (Path(folder) / name,)))
            for name, result in supervise(convert_and_measure, jobs, arguments.workers, Limits(arguments.timeout)):
                if isinstance(result, Failed):
                    outcome = Outcome(Path(name), "", "failed", error=result.reason)
                else:
                    outcome, peak = result
                    worst = max(worst, (peak, name))
                verdict = classify(outcome)
                counts[verdict] += 1
                if verdict not in ("converted", "clean error"):
                    print(f"  {name}: {verdict}: {outcome.error}", flush=True)
        print(f"{kind}: {arguments.per_format} mutants: " + ", ".join(
            f"{counts[v]} {v}" for v in ("converted", "clean error", "uncaught exception", "hang", "killed"))
            + f"; peak worker RSS {worst[0] // 1024} MiB (by {worst[1]})", flush=True)


if __name__ == "__main__":
    main()
