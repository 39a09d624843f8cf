#!/usr/bin/env python3
"""Render the layout-variation corpus for one seed, with an exact answer key per file.

    python tests/accuracy/corpus/generate.py --seed N [--out DIR] [--layouts a,b] [--list]

Writes ``<layout>.<ext>`` and ``<layout>.key.json`` for every layout into
``tests/accuracy/corpus/draw-<N>/`` (default). Same seed -> same content and keys. Uses only
the standard library, python-docx, openpyxl and reportlab (and LibreOffice for the ``*-lo`` layouts);
it never imports actionplan.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import describe, key_items, prepare  # noqa: E402
from content import build_plan  # noqa: E402
from layouts import LAYOUTS, options_rng, plan_seed  # noqa: E402

REPO = HERE.parents[2]
CODES = ["missing_lead", "missing_timescale", "invalid_date"]
NOTES = ("Generated: the key is written from the same data the renderer drew, so it is exact. "
         "Recommendation and action text are given without their leading numbers / 'Recommendation n' "
         "labels; bullet sub-points are '• ' lines. Leads are the person's name wherever a person is "
         "named (initials resolved through the key printed below the table; organisation prefixes and "
         "bracketed posts dropped), otherwise the post, team or body as written. RAG only where the "
         "layout writes one (word, letter or cell colour); 'blue' only in BRAG layouts.")


def soffice_to_pdf(docx_files, outdir):
    """Print Word files to PDF with LibreOffice in a private profile; returns {stem: pdf path}."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit("LibreOffice (soffice) is needed for the *-lo layouts")
    with tempfile.TemporaryDirectory() as prof:
        cmd = [exe, f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf",
               "--outdir", str(outdir)] + [str(f) for f in docx_files]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900)
    return {Path(f).stem: Path(outdir) / (Path(f).stem + ".pdf") for f in docx_files}


def rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(REPO).as_posix()
    except ValueError:
        return str(path.resolve())


def generate(seed: int, out: Path, names: list[str], quiet=False):
    out.mkdir(parents=True, exist_ok=True)
    if set(names) == set(LAYOUTS):  # a full draw: drop files of layouts that no longer exist
        for key in out.glob("*.key.json"):
            stem = key.name[: -len(".key.json")]
            if stem not in LAYOUTS:
                for f in out.glob(stem + ".*"):
                    if f.name == key.name or f.suffix in (".docx", ".pdf", ".txt", ".md", ".tsv", ".xlsx", ".csv", ".html"):
                        f.unlink()
    lo_jobs = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name in names:
            L = LAYOUTS[name]
            plan = build_plan(plan_seed(seed, L), *L.size)
            o, render, kk = L.make(options_rng(seed, L))
            views = prepare(plan, o)
            path = out / f"{name}.{L.ext}"
            if L.base:
                src = tmp / f"{name}.docx"
                render(plan, views, o, str(src))
                lo_jobs.append((src, path))
            else:
                render(plan, views, o, str(path))
            key = {
                "document": {
                    "sources": [rel(path)],
                    "checked_codes": CODES,
                    "keyed_by": f"generated, seed {seed}, layout {name}",
                    "layout": name,
                    "format": L.fmt,
                    "notes": f"{L.desc}. {NOTES} Plan: {plan.n_actions} actions, "
                             f"{sum(len(s.recs) for s in plan.sections)} recommendations, "
                             f"{len(plan.sections)} themes. Choices: {describe(o)}.",
                },
                "item": key_items(views, o, **kk),
            }
            with open(out / f"{name}.key.json", "w", encoding="utf-8") as f:
                json.dump(key, f, indent=2, ensure_ascii=False)
                f.write("\n")
            if not quiet:
                print(f"{name:28s} {L.fmt:5s} {plan.n_actions:3d} actions")
        if lo_jobs:
            pdfs = soffice_to_pdf([s for s, _ in lo_jobs], tmp / "pdf")
            for src, dest in lo_jobs:
                shutil.move(str(pdfs[src.stem]), dest)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--seed", type=int, required=False)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--layouts", help="comma-separated layout names (default: all)")
    ap.add_argument("--list", action="store_true", help="list the layouts and exit")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    if a.list:
        for L in LAYOUTS.values():
            print(f"{L.name:28s} {L.fmt:5s} {L.desc}")
        return 0
    if a.seed is None:
        ap.error("--seed is required")
    names = a.layouts.split(",") if a.layouts else list(LAYOUTS)
    unknown = [n for n in names if n not in LAYOUTS]
    if unknown:
        ap.error(f"unknown layout(s): {', '.join(unknown)}")
    generate(a.seed, a.out or HERE / f"draw-{a.seed}", names, quiet=a.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
