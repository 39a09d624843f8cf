"""RAG from a cell's fill colour, tolerant of the shades Word's palette offers."""

from __future__ import annotations

import re

# Reference shades: Word's standard red / amber / green and their common neighbours.
_REFERENCE = {
    "red": ["FF0000", "C00000", "FF5050", "E6B8B7"],
    "amber": ["FFC000", "FFBF00", "FFA500", "FFFF00", "F79646", "FFD966"],
    "green": ["92D050", "00B050", "00FF00", "C6E0B4", "A9D08E", "70AD47"],
}
_MAX_DISTANCE = 110  # Euclidean RGB distance: near shades match, greys and blues do not
_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def rag_from_fill(fill: str | None) -> str | None:
    """'red' / 'amber' / 'green' for a fill colour close to one, else None."""
    found = _HEX.match((fill or "").strip())
    if not found:
        return None
    r, g, b = _rgb(found.group(1).upper())
    best, best_distance = None, float("inf")
    for rag, shades in _REFERENCE.items():
        for shade in shades:
            sr, sg, sb = _rgb(shade)
            distance = ((r - sr) ** 2 + (g - sg) ** 2 + (b - sb) ** 2) ** 0.5
            if distance < best_distance:
                best, best_distance = rag, distance
    return best if best_distance <= _MAX_DISTANCE else None
