"""Scans of generated layouts: draw-1 PDFs printed and scanned back, for measuring OCR.

    python tests/accuracy/corpus/make_scans.py            # every layout in scans.toml
    python tests/accuracy/corpus/make_scans.py --layouts pdf-grid
    python tests/accuracy/corpus/make_scans.py --source /tmp/draw-3 --out /tmp/scans-3

With ``--source`` (a draw made by ``generate.py --seed N --out DIR``) every PDF of that
draw is scanned into ``--out`` at a resolution, angle and JPEG quality drawn (seeded by
the layout's name) from the ranges scan-1 uses, and each scan gets a copy of its
layout's key naming the scan as its source: ``run.py --tuning --draw OUT`` scores
them. These are fresh scans to tune OCR against without looking at the held-out ones.

Each page of ``draw-1/<layout>.pdf`` is rendered (pypdfium2) at the scan's resolution in
greyscale, turned by a slight angle, given sensor noise and JPEG compression, and stored
as an image-only PDF (Pillow) in ``scan-1/<layout>.pdf`` at the original page size. The
scan's answer key is the key of the layout it was made from (``run.py`` pairs them), so
nothing here writes a key. What each scan gets (resolution, angle, JPEG quality, whether
it is tuned against or held out) is in ``scan-1/scans.toml``; the noise is seeded from
the layout's name, so the same file comes out each time.

Like the generator, this never imports or runs actionplan.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
SOURCE, TARGET = HERE / "draw-1", HERE / "scan-1"
NOISE = 3.0  # grey levels of sensor noise (standard deviation)


def scan_page(page, dpi: int, angle: float, quality: int, rng: np.random.Generator) -> Image.Image:
    grey = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    turned = grey.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    pixels = np.asarray(turned, dtype=float) + rng.normal(0, NOISE, (turned.height, turned.width))
    noisy = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    noisy.save(buffer, format="JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue()))


def make_scan(layout: str, dpi: int, angle: float, quality: int,
              source: Path = SOURCE, out: Path = TARGET) -> Path:
    pdf = pdfium.PdfDocument(str(source / f"{layout}.pdf"))
    rng = np.random.default_rng(random.Random(f"scan:{layout}").getrandbits(32))
    pages = [scan_page(pdf[index], dpi, angle, quality, rng) for index in range(len(pdf))]
    target = out / f"{layout}.pdf"
    pages[0].save(target, save_all=True, append_images=pages[1:], resolution=dpi, quality=quality)
    return target


def drawn_spec(draw: Path, layout: str) -> dict:
    """Scan settings for a layout of a fresh draw, in scan-1's ranges, the same each time."""
    rng = random.Random(f"spec:{draw.name}:{layout}")
    return {"dpi": rng.choice((150, 200, 300)), "angle": round(rng.uniform(-1.5, 1.5), 1),
            "quality": rng.randrange(40, 61, 5)}


def scan_draw(source: Path, out: Path, layouts: list[str] | None) -> int:
    """Every PDF of a draw made elsewhere, scanned into ``out`` with its key beside it."""
    out.mkdir(parents=True, exist_ok=True)
    for pdf in sorted(source.glob("*.pdf")):
        layout = pdf.stem
        if layouts and layout not in layouts:
            continue
        spec = drawn_spec(source, layout)
        target = make_scan(layout, spec["dpi"], spec["angle"], spec["quality"], source, out)
        key = json.loads((source / f"{layout}.key.json").read_text(encoding="utf-8"))
        key["document"].update(sources=[str(target)], scan=spec)
        (out / f"{layout}.key.json").write_text(json.dumps(key, indent=1), encoding="utf-8")
        print(f"{target}: {spec['dpi']} dpi, {spec['angle']:+.1f} degrees, JPEG quality {spec['quality']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layouts", help="comma-separated layouts (default: every one in scans.toml)")
    parser.add_argument("--source", type=Path, help="a draw made elsewhere (generate.py --out DIR) to scan")
    parser.add_argument("--out", type=Path, help="where the scans of --source and their keys go")
    args = parser.parse_args(argv)
    if args.source or args.out:
        if not (args.source and args.out):
            parser.error("--source and --out go together")
        return scan_draw(args.source, args.out, args.layouts.split(",") if args.layouts else None)
    with (TARGET / "scans.toml").open("rb") as handle:
        scans = tomllib.load(handle)
    wanted = args.layouts.split(",") if args.layouts else list(scans)
    for layout in wanted:
        spec = scans[layout]
        target = make_scan(layout, spec["dpi"], spec["angle"], spec["quality"])
        print(f"{target.relative_to(HERE.parents[2])}: {spec['dpi']} dpi, {spec['angle']:+.1f} degrees, "
              f"JPEG quality {spec['quality']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
