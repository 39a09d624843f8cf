"""A scanned page as an image ready for OCR: rendered, set upright, straightened, its
ruling lines found and then erased so Tesseract reads only the words.

Ruling lines are found by morphological opening of the binarised page with a long,
thin structuring element: a run of ink at least ``_RULE_PT`` points long in one
direction survives the opening, letters do not. Opening a binary image with a 1 x L
element keeps exactly the runs of length >= L, so it is computed as run lengths.
numpy (the ``ocr`` extra) does the pixel work; Pillow (a pdfplumber dependency) rotates.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

_RULE_PT = 24.0  # a horizontal rule is at least this long (points): longer than any word's stroke
_VRULE_PT = 13.0  # a vertical rule spans at least one row of text (letters' stems are shorter)
# A shorter upright run is a rule where it runs from one horizontal rule to another: a
# one-line heading row of small type is 9-12 pt tall between its rules, and no letter's
# stem reaches from a rule above it to a rule below.
_CELL_VRULE_PT = 5.0
_MEETS_PT = 0.8  # a rule's end this close to another rule meets it (half a thick rule's width and a pixel or two)
_THICKEST_PT = 3.0  # a ruling line is no thicker than this (points); thicker ink is a filled box
_CLEAR_PT = 1.5  # how far beside a rule to look for white paper (points)
_CROWDED = 0.2  # ink on this share of both sides of a run: a run through text, not a rule
_SHADE_LEVELS = 10  # grey levels below the paper: a shaded cell (a light fill a binarised page loses)
_SHADE_INK = 0.25  # a shaded band holds at most this share of ink (its words); more is a line of text
_MAX_SKEW = 3.0  # degrees: scans are straightened within this; more is not a slight skew
_SIDEWAYS = 1.8  # columns this much sharper in profile than rows: the text runs up the page
# Unread ink worth a second look, in line heights: taller is a picture or a signature, wider
# is text Tesseract would not have missed, lower is a speck or a dot.
_MARK_TALLEST, _MARK_WIDEST, _MARK_SMALLEST = 2.0, 6.0, 0.3
_MARKS_PER_PAGE = 200  # beyond this the page is not text with a few letters missed


@dataclass(frozen=True)
class Segment:
    """A ruling line in pixels of the straightened page: top == bottom or x0 == x1.
    ``thickness`` is how many pixels of ink it spans across (0 where only its middle is known)."""
    x0: float
    top: float
    x1: float
    bottom: float
    thickness: float = 0.0


@dataclass
class PageImage:
    grey: Image.Image  # upright, straightened, ruling lines erased (what Tesseract reads)
    ink: np.ndarray  # the same page binarised, lines kept (for telling bold from regular)
    dpi: int
    skew: float  # degrees the scan was turned to straighten it
    quarter_turns: int  # 90-degree turns (counter-clockwise) that set it upright
    segments: list[Segment]


def prepare(grey: Image.Image, dpi: int, sideways_turns=None) -> PageImage:
    """Straighten a rendered page and find its ruling lines. ``sideways_turns(image)``
    says how many quarter turns (counter-clockwise) make a sideways page read upright
    (Tesseract's orientation detection); without it a sideways page is turned clockwise."""
    grey = grey.convert("L")
    turns = 0
    if _is_sideways(binarise(np.asarray(grey)), dpi):
        turns = sideways_turns(grey) if sideways_turns else 3
        grey = grey.rotate(90 * turns, expand=True, fillcolor=255)
    skew = _skew_angle(binarise(np.asarray(grey)), dpi)
    if abs(skew) > 0.05:
        grey = grey.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    pixels = np.asarray(grey)
    ink = binarise(pixels)
    segments = _segments(ink, dpi, _shaded_edges(pixels, ink, dpi))
    clean = pixels.copy()
    for s in segments:  # erase the rules: Tesseract reads "|" and "_" out of them otherwise
        _erase(clean, s, dpi)
    return PageImage(Image.fromarray(clean), ink, dpi, skew, turns, segments)


def _erase(pixels: np.ndarray, segment: Segment, dpi: int) -> None:
    """Whiten a rule with all of its thickness and a pixel or two of blur beside it. The
    whole width, not its middle plus a fixed pad: a rule 4-5 px thick at 300 dpi, its
    middle a half pixel off, left a one-pixel sliver of ink that Tesseract reads as a
    dash before the cell's words ("- Immediately")."""
    pad = max(1, round(dpi / 150))
    half = max(segment.thickness - 1, 0) / 2  # the middle to the outermost pixel of ink
    across = segment.x0 if segment.x0 == segment.x1 else segment.top
    low, high = int(np.floor(across - half)) - pad, int(np.ceil(across + half)) + pad + 1
    if segment.x0 == segment.x1:
        pixels[max(0, int(segment.top) - pad):int(segment.bottom) + pad + 1, max(0, low):high] = 255
    else:
        pixels[max(0, low):high, max(0, int(segment.x0) - pad):int(segment.x1) + pad + 1] = 255


def binarise(pixels: np.ndarray) -> np.ndarray:
    """Ink (True) where darker than Otsu's threshold over the page's grey levels."""
    histogram = np.bincount(pixels.ravel(), minlength=256).astype(float)
    total = histogram.sum()
    levels = np.arange(256)
    weight = np.cumsum(histogram)
    mean = np.cumsum(histogram * levels)
    between = (mean[-1] * weight - mean * total) ** 2 / np.maximum(weight * (total - weight), 1e-9)
    threshold = int(np.argmax(between[:255]))
    return pixels <= min(threshold, 200)


def _sharpness(profile: np.ndarray) -> float:
    """How much a projection profile swings from one line to the next: text lines lying
    along the axis give sharp swings, text across it a smooth profile."""
    return float(np.sum(np.diff(profile.astype(float)) ** 2))


def _small(ink: np.ndarray, dpi: int, target: int = 75) -> np.ndarray:
    step = max(1, round(dpi / target))
    return ink[::step, ::step]


def _is_sideways(ink: np.ndarray, dpi: int) -> bool:
    """Text lines run up the page: its columns profile far sharper than its rows,
    at whichever slight skew each is sharpest."""
    image = Image.fromarray((_small(ink, dpi) * 255).astype(np.uint8))
    if not np.asarray(image).any():
        return False

    def sharpest(picture: Image.Image) -> float:
        return max(_sharpness(np.asarray(picture.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0))
                              .sum(axis=1)) for angle in np.arange(-_MAX_SKEW, _MAX_SKEW + 1e-9, 0.5))

    return sharpest(image.transpose(Image.Transpose.ROTATE_90)) > sharpest(image) * _SIDEWAYS


def _skew_angle(ink: np.ndarray, dpi: int) -> float:
    """The rotation (degrees, counter-clockwise as Pillow turns) that makes text lines
    level: the angle whose row profile is sharpest, coarse then fine."""
    image = Image.fromarray((_small(ink, dpi, 100) * 255).astype(np.uint8))

    def score(angle: float) -> float:
        turned = np.asarray(image.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0))
        return _sharpness(turned.sum(axis=1))

    best = max(np.arange(-_MAX_SKEW, _MAX_SKEW + 1e-9, 0.25), key=score)
    return float(max(np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05), key=score))


def _runs(mask: np.ndarray, minimum: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every run of True at least ``minimum`` long in each row."""
    height, width = mask.shape
    padded = np.zeros((height, width + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    changes = np.diff(padded, axis=1)
    rows_start, starts = np.nonzero(changes == 1)
    _, ends = np.nonzero(changes == -1)  # row-major order: the n-th end closes the n-th start
    keep = ends - starts >= minimum
    return list(zip(rows_start[keep].tolist(), starts[keep].tolist(), ends[keep].tolist()))


def _close_gaps(mask: np.ndarray, gap: int) -> np.ndarray:
    """Bridge breaks up to ``gap`` pixels along each row (a scanned rule is not solid):
    a pixel with ink within ``gap`` on both sides counts as ink."""
    left = np.zeros_like(mask)
    right = np.zeros_like(mask)
    for k in range(1, gap + 1):
        left[:, k:] |= mask[:, :-k]
        right[:, :-k] |= mask[:, k:]
    return mask | (left & right)


def _segments(ink: np.ndarray, dpi: int, shaded_edges: list[Segment] = ()) -> list[Segment]:
    """Horizontal and vertical ruling lines: runs that survive the opening, joined
    across the neighbouring pixel rows (a line's thickness) into one segment each.
    ``shaded_edges`` (the edges of shaded bands) rule like horizontal lines."""
    horizontal = _lines(ink, dpi, False, _RULE_PT)
    vertical = []
    # A rule's end touches the rule it meets (the two inks join); a letter's stem stops
    # short of a rule by the cell's padding. Shaded bands' edges are not used: they are
    # found only to within a few pixels.
    reach = _MEETS_PT * dpi / 72
    for s in _lines(ink, dpi, True, _CELL_VRULE_PT):
        if s.bottom - s.top >= _VRULE_PT * dpi / 72 or (_meets(s.x0, s.top, horizontal, reach)
                                                        and _meets(s.x0, s.bottom, horizontal, reach)):
            vertical.append(s)
    return horizontal + list(shaded_edges) + vertical


def _meets(x: float, y: float, horizontal: list[Segment], reach: float) -> bool:
    return any(h.x0 - reach <= x <= h.x1 + reach and abs(h.top - y) <= reach for h in horizontal)


def _lines(ink: np.ndarray, dpi: int, transposed: bool, minimum_pt: float) -> list[Segment]:
    """Runs of ink at least ``minimum_pt`` long along the rows (or, transposed, the columns)."""
    gap = max(1, round(dpi / 150))
    mask = ink.T if transposed else ink
    runs = _runs(_close_gaps(mask, gap), round(minimum_pt * dpi / 72))
    thickest = _THICKEST_PT * dpi / 72
    clearance = max(2, round(_CLEAR_PT * dpi / 72))
    found = []
    for start, end, first, last in _join_runs(runs, gap):
        if not _clear_beside(mask, start, end, first - clearance, last + clearance):
            continue  # ink close above and below all along: the middle of a line of bold text
        # A line is thin; a thicker run is a filled box (a shaded cell): its outline is what rules.
        width = last - first + 1
        if width <= thickest:
            across = [((first + last) / 2, width)]
        else:  # each outline as thick as the rule along it (a filled cell hanging from a rule joins it)
            across = [_edge(mask, start, end, first, 1, thickest), _edge(mask, start, end, last, -1, thickest)]
        for at, thickness in across:
            found.append(Segment(at, start, at, end, thickness) if transposed
                         else Segment(start, at, end, at, thickness))
    return found


def _edge(mask: np.ndarray, start: int, end: int, row: int, step: int, thickest: float) -> tuple[float, int]:
    """The middle and thickness of a filled box's outline from ``row`` inwards: the rows
    inked along most of its length. A rule with a dark cell hanging from it (a RAG cell
    binarised to ink) is one box; its outline there is the rule, 3-5 px thick, and
    erasing only its first row left the rest, read as a stray dash ("30 - September")."""
    rows = 0
    while rows < thickest and 0 <= row + rows * step < mask.shape[0] and mask[row + rows * step, start:end].mean() >= 0.5:
        rows += 1
    if rows == 0 or rows >= thickest:
        return row, 1  # a box filled all along: its outline is its edge
    return row + step * (rows - 1) / 2, rows


def _shaded_edges(pixels: np.ndarray, ink: np.ndarray, dpi: int) -> list[Segment]:
    """The top and bottom of shaded bands (a theme row filled light grey) as rules: a
    fill's edge is where a row ends, and the thin rule drawn along it often scans
    lighter than ink (a 0.5 pt rule at 150 dpi blurs into the fill)."""
    paper = float(np.median(pixels))
    shaded = pixels < paper - _SHADE_LEVELS
    gap = max(1, round(dpi / 150))
    found = []
    for start, end, first, last in _join_runs(_runs(_close_gaps(shaded, gap), round(_RULE_PT * dpi / 72)), gap):
        if last - first + 1 <= _THICKEST_PT * dpi / 72:
            continue  # a line, not a band: _segments reads it where it is dark enough to be ink
        if ink[first:last + 1, start:end].mean() > _SHADE_INK or shaded[first:last + 1, start:end].mean() < 0.5:
            continue  # a line of text with its halo, or a ragged patch of noise
        found += [Segment(start, first, end, first), Segment(start, last, end, last)]
    return found


def _clear_beside(mask: np.ndarray, start: int, end: int, above: int, below: int) -> bool:
    """A rule has white paper beside it along most of its length (text near a rule sits
    in a few places); a run through a line of text has letters' stems on both sides."""
    def inked(row: int) -> float:
        return float(mask[row, start:end].mean()) if 0 <= row < mask.shape[0] else 0.0

    return min(inked(above), inked(below)) < _CROWDED


def _join_runs(runs: list[tuple[int, int, int]], gap: int) -> list[tuple[int, int, int, int]]:
    """Runs in neighbouring rows that overlap are one line: (start, end, first row, last row)."""
    open_lines: list[list[int]] = []  # [start, end, first row, last row]
    done: list[list[int]] = []
    for row, start, end in sorted(runs):
        still_open = []
        for line in open_lines:
            (still_open if row - line[3] <= gap else done).append(line)
        open_lines = still_open
        for line in open_lines:
            if start < line[1] and end > line[0]:
                line[0], line[1], line[3] = min(line[0], start), max(line[1], end), row
                break
        else:
            open_lines.append([start, end, row, row])
    return [(s, e, first, last) for s, e, first, last in done + open_lines]


def stroke_width(ink: np.ndarray, box: tuple[int, int, int, int]) -> float:
    """How wide a word's upright strokes are: the mean of the middle half of its
    horizontal ink runs (bold type has wider stems). The runs along a letter's bars,
    the long ones, and the specks, the short ones, are left out: a plain mean moved with
    how many "e"s and "t"s a word has more than with its weight."""
    x0, top, x1, bottom = box
    patch = ink[max(0, top):bottom, max(0, x0):x1]
    if patch.size == 0 or not patch.any():
        return 0.0
    padded = np.zeros((patch.shape[0], patch.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = patch
    changes = np.diff(padded, axis=1)
    runs = np.sort(np.nonzero(changes == -1)[1] - np.nonzero(changes == 1)[1])
    quarter = len(runs) // 4
    return float(runs[quarter:len(runs) - quarter].mean())


def inked_rows(ink: np.ndarray, box: tuple[int, int, int, int]) -> tuple[int, int]:
    """The top and bottom of the rows of a word's box that hold its ink (two pixels or
    more: a speck does not count). Tesseract's box is sometimes a few rows taller than
    the word, and a line's height and baseline are read from its words' boxes."""
    x0, top, x1, bottom = box
    counts = ink[max(0, top):bottom, max(0, x0):x1].sum(axis=1)
    rows = np.nonzero(counts >= 2)[0]
    if len(rows) == 0:
        return top, bottom
    return top + int(rows[0]), top + int(rows[-1]) + 1


def unread_marks(grey: Image.Image, read: list[tuple[int, int, int, int]], line_height: float,
                 dpi: int) -> tuple[Image.Image, list[tuple[int, int, int, int]]]:
    """Boxes (pixels) of ink no word Tesseract read covers, the size of a few letters:
    what its page layout analysis drops as noise, mostly a letter alone in a cell (a
    RAG "G", "A" or "R"). Found by cutting the unread ink into text-line bands (rows
    with ink) and each band into marks at gaps wider than a space between words.
    Returns the page with the words read whitened (what the marks are cut from) and the marks."""
    pixels = np.asarray(grey).copy()
    ink = binarise(pixels)  # the threshold of the whole page, not of what is left of it
    pad = max(1, round(dpi / 100))
    for x0, top, x1, bottom in read:
        pixels[max(0, top - pad):bottom + pad, max(0, x0 - pad):x1 + pad] = 255
        ink[max(0, top - pad):bottom + pad, max(0, x0 - pad):x1 + pad] = False
    marks = []
    tallest, smallest = line_height * _MARK_TALLEST, line_height * _MARK_SMALLEST
    for top, bottom in _spans(ink.any(axis=1), gap=max(1, round(line_height * 0.15))):
        if bottom - top > tallest:
            continue  # a picture, a logo or a signature: no letters to read in it
        band = ink[top:bottom]
        for x0, x1 in _spans(band.any(axis=0), gap=max(1, round(line_height * 0.5))):
            rows = np.nonzero(band[:, x0:x1].any(axis=1))[0]
            mark_top, mark_bottom = top + int(rows[0]), top + int(rows[-1]) + 1
            height, width = mark_bottom - mark_top, x1 - x0
            if height < smallest or width > line_height * _MARK_WIDEST or width < pad:
                continue  # a speck, a dot of JPEG noise, or a run of text too long to be missed
            if band[:, x0:x1].sum() < height * pad:
                continue  # too little ink for a letter: a thin stroke left by a rule
            marks.append((x0, mark_top, x1, mark_bottom))
    return Image.fromarray(pixels), marks[:_MARKS_PER_PAGE]


def _spans(has_ink: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """(start, end) of the runs of True, runs parted by fewer than ``gap`` False joined."""
    padded = np.concatenate(([False], has_ink, [False])).astype(np.int8)
    starts = np.nonzero(np.diff(padded) == 1)[0].tolist()
    ends = np.nonzero(np.diff(padded) == -1)[0].tolist()
    spans: list[list[int]] = []
    for start, end in zip(starts, ends):
        if spans and start - spans[-1][1] < gap:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [(start, end) for start, end in spans]


def montage(grey: Image.Image, marks: list[tuple[int, int, int, int]], line_height: float):
    """The marks cut from the page and set one under another on white paper, a line
    apart, so one Tesseract call reads them all as lines of text. Only each mark's own
    box is cut (a margin around it would bring in bits of its neighbours). Returns the
    picture and where each mark sits in it: ((x, y) of its corner, its box on the page)."""
    margin = max(4, round(line_height * 0.6))
    width = max(x1 - x0 for x0, _, x1, _ in marks) + 2 * margin
    height = sum(bottom - top + margin for _, top, _, bottom in marks) + margin
    sheet = Image.new("L", (width, height), 255)
    placed, y = [], margin
    for box in marks:
        sheet.paste(grey.crop(box), (margin, y))
        placed.append(((margin, y), box))
        y += box[3] - box[1] + margin
    return sheet, placed
