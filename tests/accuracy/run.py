"""`make accuracy`: run actionplan over every keyed document and score it.

    python tests/accuracy/run.py [--check] [--json FILE] [--only TEXT] [--misses N] [--workers N]

Keys: hand keys in tests/accuracy/keys/**/*.toml (five seed plans in their text, Word
and PDF versions; real inspection reports), generated keys beside the generated corpus
in tests/accuracy/corpus/draw-*/ (draw-1 is tuned against; draw-2 is held out).

Prints a table per document and per slice, then one line
`ACCURACY {json}` with the figures per slice, which tests and closing notes quote.
`--check` compares the slices with tests/accuracy/thresholds.toml and exits 1 when any
figure falls below its floor.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import tomllib

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCANS = HERE / "corpus" / "scan-1"
sys.path.insert(0, str(HERE))

from score import FIELDS, Score, score_document  # noqa: E402

METRICS = ("f1", "precision", "recall", *FIELDS, "issue_recall")  # what a floor can be set on
FIELD_LABELS = {"leads": "lead", "timescale": "tsc", "due": "due", "rag": "rag",
                "recommendation": "rec", "section": "sect"}


def load_keys(extra_draws: tuple[Path, ...] = ()) -> list[tuple[str, dict]]:
    """(source path, key) for every keyed file, each source of a key on its own; ``extra_draws``
    adds generated draws kept outside the repository (a fresh seed to tune against)."""
    keys = []
    for path in sorted((HERE / "keys").rglob("*.toml")):
        with path.open("rb") as handle:
            key = tomllib.load(handle)
        key["document"]["key_file"] = str(path.relative_to(ROOT))
        for source in key["document"]["sources"]:
            keys.append((source, key))
    generated = sorted((HERE / "corpus").glob("draw-*/*.key.json"))
    for draw in extra_draws:
        generated.extend(sorted(Path(draw).glob("*.key.json")))
    for path in generated:
        key = json.loads(path.read_text(encoding="utf-8"))
        key["document"]["key_file"] = str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        for source in key["document"]["sources"]:
            keys.append((source, key))
    return keys + scan_keys()


def scan_keys() -> list[tuple[str, dict]]:
    """Scans of draw-1 layouts (corpus/scan-1, made by make_scans.py), each scored against
    the key of the layout it was made from; the ones held out are marked so."""
    with (SCANS / "scans.toml").open("rb") as handle:
        scans = tomllib.load(handle)
    keys = []
    for layout, spec in scans.items():
        path = HERE / "corpus" / "draw-1" / f"{layout}.key.json"
        key = json.loads(path.read_text(encoding="utf-8"))
        source = str((SCANS / f"{layout}.pdf").relative_to(ROOT))
        key["document"].update(key_file=str(path.relative_to(ROOT)), sources=[source],
                               held_out=bool(spec.get("held_out")))
        keys.append((source, key))
    return keys


def make_missing_scans(sources: list[str]) -> None:
    """The scans are made from draw-1 on first use (seeded: the same each time), not stored."""
    missing = [Path(source).stem for source in sources
               if "scan-1" in Path(source).parts and not (ROOT / source).exists()]
    if missing:
        sys.path.insert(0, str(HERE / "corpus"))
        from make_scans import main as make_scans

        make_scans(["--layouts", ",".join(missing)])


def slice_of(source: str, key: dict | None = None) -> str:
    """seed-text / seed-docx / seed-pdf, reports (held-out ones apart), draw-N/<format>, scans-N/pdf."""
    parts = Path(source).parts
    suffix = Path(source).suffix.lower().lstrip(".")
    fmt = {"txt": "text", "md": "text", "docx": "docx", "pdf": "pdf"}.get(suffix, suffix)
    if "scan-1" in parts:
        return "scan-1/held-out" if key and key["document"].get("held_out") else "scan-1/tuned"
    # draw-N, or scans-N: a draw made elsewhere scanned by make_scans.py --source --out
    draw = next((part for part in parts if part.startswith(("draw-", "scans-"))), None)
    if draw is not None:
        return f"{draw}/{fmt}"
    if "reports" in parts:
        return "reports-held-out" if key and key.get("document", {}).get("held_out") else "reports"
    return f"seed-{fmt}"


def held_out(source: str, key: dict) -> bool:
    """Scored in CI, never looked at while changing rules: draw-2 and keys marked held_out."""
    return slice_of(source, key).startswith("draw-2") or bool(key.get("document", {}).get("held_out"))


def run_one(source: str) -> tuple[str, dict | None, str | None]:
    """Convert one file in a worker; the plan as its JSON, or the error."""
    import actionplan

    try:
        plan = actionplan.extract(ROOT / source)
    except actionplan.ActionPlanError as error:
        return source, None, str(error)
    except Exception as error:  # an internal defect: scored as a failed document, named
        return source, None, f"internal error: {type(error).__name__}: {error}"
    return source, plan.model_dump(mode="json"), None


def percent(value: float | None) -> str:
    return "  -  " if value is None else f"{100 * value:5.1f}"


def row(label: str, score: Score) -> str:
    fields = " ".join(f"{percent(score.field_accuracy(name)):>5}" for name in FIELDS)
    issues = percent(score.issue_recall)
    return (f"{label:<46} {score.expected:>4} {score.found:>4} {percent(score.precision)} "
            f"{percent(score.recall)} {percent(score.f1)}  {fields}  {issues:>5}")


def header(title: str) -> str:
    fields = " ".join(f"{FIELD_LABELS[name]:>5}" for name in FIELDS)
    return f"{title:<46} {'key':>4} {'out':>4} {'prec':>5} {'rec':>5} {'F1':>5}  {fields}  {'iss':>5}"


def check(slices: dict[str, Score], floors_path: Path) -> list[str]:
    """The figures below their floors in thresholds.toml, as lines to print."""
    with floors_path.open("rb") as handle:
        floors = tomllib.load(handle)
    failures = []
    for name, floor in floors.items():
        score = slices.get(name)
        if score is None:
            failures.append(f"{name}: no documents scored (thresholds name a slice that has none)")
            continue
        now = figures(score)
        for metric, minimum in floor.items():
            if metric not in METRICS:
                failures.append(f"{name}: {metric} is no figure the scorer gives ({', '.join(METRICS)})")
                continue
            value = now.get(metric)  # absent: nothing of the kind was scored in this slice
            if value is not None and value + 1e-9 < minimum:
                failures.append(f"{name}: {metric} {value:.4f} is below its floor {minimum:.4f}")
    return failures


def figures(score: Score) -> dict[str, float]:
    """The figures a floor can be set on, by name."""
    summary = score.summary()
    values = {"f1": summary["f1"], "precision": summary["precision"], "recall": summary["recall"]}
    values.update({name: value for name, value in summary["fields"].items() if value is not None})
    if summary["issues"]["recall"] is not None:
        values["issue_recall"] = summary["issues"]["recall"]
    return values


def raise_floors(slices: dict[str, Score], floors_path: Path) -> None:
    """Each floor up to today's figure (truncated to three decimals) where that is higher."""
    with floors_path.open("rb") as handle:
        floors = tomllib.load(handle)
    header = floors_path.read_text(encoding="utf-8").split("\n[", 1)[0].rstrip() + "\n"
    lines = [header]
    for name in sorted(set(floors) | set(slices)):
        now = figures(slices[name]) if name in slices else {}
        floor = dict(floors.get(name, {}))
        for metric, value in now.items():
            floor[metric] = max(floor.get(metric, 0.0), math.floor(value * 1000) / 1000)
        lines.append(f'\n["{name}"]')
        lines.extend(f"{metric} = {value:.3f}" for metric, value in floor.items())
    floors_path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a slice falls below thresholds.toml")
    parser.add_argument("--json", type=Path, help="also write the per-document and per-slice figures here")
    parser.add_argument("--only", help="score only sources whose path contains this text")
    parser.add_argument("--tuning", action="store_true",
                        help="leave out everything held out (draw-2, keys marked held_out): for working on rules")
    parser.add_argument("--misses", type=int, default=0, help="print up to N wrong fields per document")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--draw", type=Path, action="append", default=[],
                        help="also score a draw generated elsewhere (generate.py --seed 3 --out /tmp/draw-3)")
    parser.add_argument("--raise-floors", action="store_true",
                        help="raise thresholds.toml to today's figures where they are higher (never lowers one)")
    args = parser.parse_args(argv)

    keyed = [(source, key) for source, key in load_keys(tuple(args.draw)) if not args.only or args.only in source]
    if args.tuning:
        keyed = [(source, key) for source, key in keyed if not held_out(source, key)]
    sources = sorted({source for source, _ in keyed})
    make_missing_scans(sources)
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        results = {source: (plan, error) for source, plan, error in pool.map(run_one, sources)}

    slices: dict[str, Score] = {}
    documents = {}
    print(header("document"))
    for source, key in sorted(keyed, key=lambda pair: (slice_of(*pair), pair[0])):
        plan, error = results[source]
        score = score_document(key, plan)
        name = slice_of(source, key)
        slices.setdefault(name, Score()).add(score)
        draw = name.split("/")[0]
        if draw.startswith(("draw-", "scans-")):
            slices.setdefault(f"{draw}/all", Score()).add(score)
        documents[source] = {"slice": name, "error": error, **score.summary()}
        print(row(source[-46:], score) + (f"  FAILED: {error}" if error else ""))
        for miss in score.misses[: args.misses]:
            print(f"    {miss[0]:<14} key={miss[1]!r:.70}  got={miss[2]!r:.70}  [{miss[3]}]")

    print()
    print(header("slice"))
    for name in sorted(slices):
        print(row(name, slices[name]))
    summary = {name: score.summary() for name, score in sorted(slices.items())}
    print("ACCURACY " + json.dumps(summary, separators=(",", ":")))
    if args.json:
        args.json.write_text(json.dumps({"slices": summary, "documents": documents}, indent=1), encoding="utf-8")
    if args.raise_floors:
        raise_floors(slices, HERE / "thresholds.toml")
    if args.check:
        failures = check(slices, HERE / "thresholds.toml")
        for line in failures:
            print(f"below threshold: {line}", file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
