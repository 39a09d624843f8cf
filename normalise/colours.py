"""RAG from a cell's fill colour, by hue, saturation and brightness rather than a list of
shades: Word's and Excel's palettes, their tints ("lighter 40%"), Excel's Good / Neutral /
Bad styles (C6EFCE, FFEB9C, FFC7CE) and web palettes all fall in the same hue bands.

- red: hue below 15° or from 335° (FF0000, C00000, FF5050, FFC7CE, E6B8B7, D9534F)
- amber: hue 15°-70°: orange, amber and yellow (FFC000, F4B084, F79646, FFEB9C, FFFF00)
- green: hue 70°-165° (92D050, 00B050, C6EFCE, A9D08E, 70AD47)
- blue: hue 185°-255°, BRAG's "complete" (00B0F0, 8DB4E2, 5B9BD5, 0070C0)

Greys, white and near-white tints (D9D9D9, F2F2F2, E2EFDA) and dark header colours
(navy 1F3864, dark green 375623) are no rating. Pale blues (DEEBF7, BDD7EE) and creams
(FFF2CC, FCE4D6) are the stock shading of headers and banded rows, and yellow looks
pale at a strength where red and green do not, so amber and blue need a stronger colour
than red and green.
"""

from __future__ import annotations

import re

_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")
_MIN_CHROMA = 36  # max - min of R, G, B (0-255): below it a tint is too pale to be a rating
_MIN_STRONG_CHROMA = 60  # amber and blue: cream (FFF2CC, FCE4D6) and pale blue tints are decoration
_MIN_VALUE = 0.40  # brightness (max of R, G, B / 255): below it a colour is a dark header shade
_MIN_BLUE_VALUE = 0.60
_BANDS = (  # (from hue, to hue, rating), degrees
    (0, 15, "red"),
    (15, 70, "amber"),
    (70, 165, "green"),
    (185, 255, "blue"),
    (335, 360, "red"),
)


def _hue(r: int, g: int, b: int) -> float:
    high, low = max(r, g, b), min(r, g, b)
    span = high - low
    if span == 0:
        return 0.0
    if high == r:
        hue = ((g - b) / span) % 6
    elif high == g:
        hue = (b - r) / span + 2
    else:
        hue = (r - g) / span + 4
    return hue * 60


def rag_from_fill(fill: str | None) -> str | None:
    """'red' / 'amber' / 'green' / 'blue' for a fill colour ("FFC000", "#92d050") in one
    of those hue bands and strong enough to be a rating, else None."""
    found = _HEX.match((fill or "").strip())
    if not found:
        return None
    value = found.group(1)
    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    chroma, brightness = max(r, g, b) - min(r, g, b), max(r, g, b) / 255
    if chroma < _MIN_CHROMA or brightness < _MIN_VALUE:
        return None
    hue = _hue(r, g, b)
    rating = next((name for start, end, name in _BANDS if start <= hue < end), None)
    if rating in ("amber", "blue") and chroma < _MIN_STRONG_CHROMA:
        return None
    if rating == "blue" and brightness < _MIN_BLUE_VALUE:
        return None
    return rating


def rag_of_fills(fills: list[str]) -> str | None:
    """The first RAG colour among a row's cell fills, or None."""
    for fill in fills:
        rag = rag_from_fill(fill)
        if rag:
            return rag
    return None
