"""OCR of scanned PDF pages with Tesseract, into the page the PDF reader already reads.

A page with no text layer (or only garbage in it) is rendered with pypdfium2, set
upright and straight and its ruling lines found (``scan``); Tesseract (its TSV output,
through a subprocess: no Python binding needed) gives the words with their boxes and
confidences. ``OcrPage`` hands both to ``pdf`` in pdfplumber's own shapes (word dicts
and line objects in PDF points), so a scan goes through the same table reading as a
PDF with a text layer: pdfplumber's table finder on the lines, or text alignment.

OCR is the optional ``ocr`` extra (numpy) plus the Tesseract program; without them a
scanned page is reported (``no_text_layer``) with the commands that enable OCR.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import os
import shutil
import statistics
import subprocess
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pdfplumber.container import Container
from pdfplumber.table import TableFinder, TableSettings

from ..errors import DocumentLoadError
from .ocr_case import capitals_by_height, small_letter_height

OcrMode = Literal["auto", "never", "always"]
HOW_TO_ENABLE = "pip install 'actionplan[ocr]' and apt-get install tesseract-ocr tesseract-ocr-eng"
_GARBAGE_SHARE = 0.3  # a text layer with this share of unreadable glyphs is garbage: read the picture
_SIZE_BELOW, _SIZE_ABOVE = 0.35, 0.15  # line heights this close to the page's usual are its body size
_BLOCK_LINES, _BLOCK_APART = 3, 0.09  # a block of 3+ lines whose median height is 9% off the body's is another size
_SIDE_BEARING = 0.05  # of a line's height: the white a glyph's advance has beside its ink, each side
_ASCENT = 0.78  # share of a line's height (top of capitals to foot of descenders) above the baseline
_DESCENDERS = set("gjpqy(),;[]{}|@$/")
_ASCENDERS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789bdfhklt()[]{}|/")
_BOLD = 1.2  # strokes this much wider than the page's usual are bold type (regular words measure up to ~1.15, bold from ~1.3)
_MARK_CONFIDENCE = 80  # a mark read on its own at lower confidence is more likely a speck than a letter
_DASHES = set("-–—")
# Marks Tesseract puts before a word out of a speck or what is left of a cell's rule (a
# "‘" or "_" glued to the first word of a cell: "‘Yvonne Adeyemi"): opening quotes, with
# the closing quotes that would show a real quotation, and strokes no word starts with.
_OPENING_QUOTES, _CLOSING_QUOTES, _STROKES = set("‘“'\""), set("’”'\""), set("_|")
_EN_DASH_WIDEST = 0.75  # of a line's height: an en dash is about 0.55 of it, an em dash about 1
_NUMBER_CONFIDENCE, _NUMBERS_PER_PAGE = 80, 40  # doubtful numbers read again, at most this many a page
_TIMEOUT = 300  # seconds for one page: far beyond a real page, short of hanging a batch


@dataclass(frozen=True)
class OcrOptions:
    """``mode``: auto (pages with no or garbage text layer), never, always (every page)."""
    mode: OcrMode = "auto"
    dpi: int = 300


def unavailable() -> str | None:
    """Why OCR cannot run here (None when it can)."""
    if importlib.util.find_spec("numpy") is None:
        return "the OCR extra is not installed"
    if shutil.which("tesseract") is None:
        return "the tesseract program is not installed"
    return None


def garbage_text(page) -> bool:
    """A text layer that is mostly unmapped glyphs ("(cid:12)"), private-use or control
    characters: a scan's invisible text gone wrong, not words."""
    chars = page.chars
    if not chars:
        return True
    # Judged once per distinct glyph text (a page repeats a few dozen), not per glyph:
    # this runs on every page of every PDF.
    counts = Counter(char.get("text", "") for char in chars)
    bad = sum(count for text, count in counts.items() if _unreadable(text))
    return bad / len(chars) >= _GARBAGE_SHARE


def _unreadable(text: str) -> bool:
    return text.startswith("(cid:") or not text or all(
        unicodedata.category(ch) in ("Co", "Cc", "Cs", "Cn") or ch == "\ufffd" for ch in text)


class PageOcr:
    """Decides, page by page, whether to read the picture, and reads it."""

    def __init__(self, path: Path, options: OcrOptions | None = None):
        self.path = path
        self.options = options or OcrOptions()
        self.missing = unavailable() if self.options.mode != "never" else None
        if self.options.mode == "always" and self.missing:
            raise DocumentLoadError(path, f"OCR was asked for (--ocr always) but {self.missing}: {HOW_TO_ENABLE}")
        self._pdfium = None

    @property
    def note(self) -> str:
        """Why pages without text were not read, for the no_text_layer issue."""
        if self.options.mode == "never":
            return "OCR is off (--ocr never); run with --ocr auto to read them"
        return f"{self.missing}; to read them with OCR: {HOW_TO_ENABLE}"

    def wants(self, page) -> bool:
        if self.options.mode == "never" or self.missing:
            return False
        return self.options.mode == "always" or garbage_text(page)

    def read(self, page, number: int) -> "OcrPage":
        from .scan import prepare  # numpy: imported only when a page is read by OCR

        dpi = self.options.dpi
        import pypdfium2

        try:
            grey = self._document()[number - 1].render(scale=dpi / 72, grayscale=True).to_pil()
        except pypdfium2.PdfiumError as error:  # the document opened, this page does not (found by tests/fuzz.py)
            raise DocumentLoadError(self.path, f"damaged PDF: its scanned pages cannot be rendered for OCR "
                                               f"(page {number}: {error}); save it again from a PDF reader") from error
        image = prepare(grey, dpi, lambda picture: _orientation(picture, dpi, self.path, number))
        rows = _tesseract(image.grey, dpi, self.path, number)
        _reread_numbers(image, rows, self.path, number)
        rows += _unread_marks(image, rows, self.path, number)
        return OcrPage(page, number, image, rows)

    def close(self) -> None:
        if self._pdfium is not None:
            self._pdfium.close()

    def _document(self):
        if self._pdfium is None:
            import pypdfium2

            try:
                self._pdfium = pypdfium2.PdfDocument(str(self.path))
            except pypdfium2.PdfiumError as error:  # pdfplumber read it; PDFium (renders for OCR) cannot
                raise DocumentLoadError(self.path, f"damaged PDF: its scanned pages cannot be rendered for OCR "
                                                   f"({error}); save it again from a PDF reader") from error
        return self._pdfium


def _run(arguments: list[str], picture, path: Path, number: int) -> str:
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    # One thread per Tesseract: the batch's worker processes are the parallelism (--workers).
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(["tesseract", "stdin", "stdout", *arguments], input=buffer.getvalue(),
                              capture_output=True, env=env, timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise DocumentLoadError(path, f"OCR of page {number} failed ({error})") from error
    if done.returncode != 0:
        last = (done.stderr.decode(errors="replace").strip().splitlines() or ["no message"])[-1]
        raise DocumentLoadError(path, f"OCR of page {number} failed (tesseract: {last})")
    return done.stdout.decode("utf-8", errors="replace")


def _orientation(picture, dpi: int, path: Path, number: int) -> int:
    """Quarter turns (counter-clockwise) that set a sideways page upright, by Tesseract's
    orientation detection; a clockwise turn where it cannot tell."""
    try:
        out = _run(["--psm", "0", "--dpi", str(dpi)], picture, path, number)
    except DocumentLoadError:
        return 3
    for line in out.splitlines():
        if line.startswith("Rotate:"):  # degrees clockwise that set the page upright
            return (4 - int(line.split(":")[1]) // 90) % 4
    return 3


def _tesseract(picture, dpi: int, path: Path, number: int) -> list[dict]:
    out = _run(["--psm", "3", "--dpi", str(dpi), "-l", "eng", "tsv"], picture, path, number)
    return list(csv.DictReader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE))


def _reread_numbers(image, rows: list[dict], path: Path, number: int) -> None:
    """A second look at numbers Tesseract doubted: in a page's layout analysis it drops
    the point of a small "9.1" or "8.3" (a reference's dot is a speck at 150 dpi) and
    reads "91"; read alone, as one line of text, the number keeps it. The new reading
    is taken only where it has the same digits, so a look never changes a number, only
    the stops and strokes between its digits."""
    doubtful = [row for row in rows if _kept(row) and float(row["conf"]) < _NUMBER_CONFIDENCE
                and row["text"].strip().isdigit() and len(row["text"].strip()) >= 2]
    for row in doubtful[:_NUMBERS_PER_PAGE]:
        left, top, width, height = (int(row[name]) for name in ("left", "top", "width", "height"))
        pad = height // 2
        crop = image.grey.crop((max(0, left - pad), max(0, top - pad), min(image.grey.width, left + width + pad),
                                min(image.grey.height, top + height + pad)))
        read = _run(["--psm", "7", "--dpi", str(image.dpi), "-l", "eng"], crop, path, number).strip()
        digits = "".join(ch for ch in read if ch.isdigit())
        if " " not in read and read != row["text"].strip() and digits == row["text"].strip() \
                and read[:1].isdigit() and read[-1:].isdigit():
            row["text"] = read


def _unread_marks(image, rows: list[dict], path: Path, number: int) -> list[dict]:
    """A second look at the ink no word covers: Tesseract's layout analysis throws a
    letter standing alone (a RAG "G" in its own cell) away as noise, but reads it when
    shown it as a line of text. The marks go to Tesseract together, set one under
    another (``scan.montage``), and what it reads is put back where each mark was: a
    TSV row of its own line, as if the first pass had read it."""
    from .scan import montage, unread_marks

    kept = [row for row in rows if _kept(row)]
    heights = [int(row["height"]) for row in rows if row.get("level") == "4"]
    line_height = statistics.median(heights) if heights else image.dpi * 10 / 72
    boxes = [(int(r["left"]), int(r["top"]), int(r["left"]) + int(r["width"]), int(r["top"]) + int(r["height"]))
             for r in kept]
    unread, marks = unread_marks(image.grey, boxes, line_height, image.dpi)
    if not marks:
        return []
    sheet, placed = montage(unread, marks, line_height)
    out = _run(["--psm", "6", "--dpi", str(image.dpi), "-l", "eng", "tsv"], sheet, path, number)
    lines: dict[tuple, list[int]] = {}  # the first pass's text lines: key -> [x0, top, x1, bottom]
    for row, (x0, top, x1, bottom) in zip(kept, boxes):
        box = lines.setdefault(_line_key(row), [x0, top, x1, bottom])
        box[:] = [min(box[0], x0), min(box[1], top), max(box[2], x1), max(box[3], bottom)]
    found = []
    for row in csv.DictReader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE):
        if not _kept(row) or float(row["conf"]) < _MARK_CONFIDENCE:
            continue
        left, top, width, height = (int(row[name]) for name in ("left", "top", "width", "height"))
        middle = top + height / 2
        for mark, ((x, y), (x0, top0, x1, bottom0)) in enumerate(placed):
            if y <= middle <= y + bottom0 - top0:
                left, top = x0 + left - x, top0 + top - y
                own = (f"mark {mark}:{row['block_num']}", row["par_num"], row["line_num"])
                key = _line_beside(lines, left, top + height / 2, left + width) or own
                found.append({**row, "block_num": key[0], "par_num": key[1], "line_num": key[2],
                              "left": str(left), "top": str(top)})
                break
    return found


def _line_key(row: dict) -> tuple:
    return (row["block_num"], row["par_num"], row["line_num"])


def _line_beside(lines: dict[tuple, list[int]], x0: int, middle: float, x1: int) -> tuple | None:
    """The first pass's text line a mark sits on (its middle within the line's height),
    the nearest across the page: a letter alone in a cell is set on its row's first line
    and takes that line's height and baseline."""
    level = [(max(box[0] - x1, x0 - box[2], 0), key) for key, box in lines.items() if box[1] <= middle <= box[3]]
    return min(level)[1] if level else None


def _kept(row: dict) -> bool:
    """A TSV row that is a word read, not a speck or a bit of a rule."""
    text = (row.get("text") or "").strip()
    try:
        confidence = float(row.get("conf") or -1)
        wide = int(row["width"]) >= 2 * int(row["height"])
    except (ValueError, KeyError):
        return False
    return row.get("level") == "5" and bool(text) and confidence >= 0 and not _debris(text, confidence, wide)


class OcrPage(Container):
    """A scanned page as pdfplumber shows a page: its words (``extract_words``) and
    ruling lines (``lines``, and the ``edges`` pdfplumber's table finder uses), in PDF
    points from the top left of the straightened page. Closing it closes the page it
    stands in for."""

    def __init__(self, page, number: int, image, rows: list[dict]):
        self._page = page
        self.page_number = number
        scale = 72 / image.dpi
        height_px, width_px = image.ink.shape
        self.width, self.height = width_px * scale, height_px * scale
        self.bbox = (0, 0, self.width, self.height)
        self.words = _words(rows, image, scale)
        lines = [_line(s.x0 * scale, s.top * scale, s.x1 * scale, s.bottom * scale, self.height)
                 for s in image.segments]
        self._objects = {"line": lines, "char": self.words, "rect": [], "curve": []}

    @property
    def objects(self) -> dict:
        return self._objects

    def extract_words(self, **_settings) -> list[dict]:
        return self.words

    def find_tables(self, table_settings=None):
        return TableFinder(self, TableSettings.resolve(table_settings)).tables

    def close(self) -> None:
        self._page.close()


def _line(x0: float, top: float, x1: float, bottom: float, height: float) -> dict:
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0,
            "height": bottom - top, "doctop": top, "y0": height - bottom, "y1": height - top, "linewidth": 1,
            "stroking_color": (0,), "non_stroking_color": (0,), "fill": False, "stroke": True}


def _words(rows: list[dict], image, scale: float) -> list[dict]:
    """Tesseract's words as pdfplumber word dicts with their confidence. Every word of a
    text line gets the line's top and bottom (letters' boxes vary with ascenders and
    descenders; a text layer's do not), and a size snapped to the page's body size
    unless clearly larger (a heading) or smaller: OCR boxes jitter, type sizes do not."""
    import numpy as np

    from .scan import binarise, inked_rows, stroke_width

    words_ink = binarise(np.asarray(image.grey))  # the page as Tesseract read it, rules erased
    lines: dict[tuple, list[dict]] = {}
    for row in rows:
        if not _kept(row):
            continue
        left, top, width, height = (int(row[name]) for name in ("left", "top", "width", "height"))
        top, bottom = inked_rows(words_ink, (left, top, left + width, top + height))
        height = bottom - top
        lines.setdefault(_line_key(row), []).append({"text": row["text"].strip(), "confidence": float(row["conf"]),
                                                     "box": (left, top, left + width, top + height)})
    for line in lines.values():
        _strip_stray_marks(line)
    heights = [_line_height(line) for line in lines.values() if len(line) >= 2]
    body = statistics.median(heights) if heights else None
    strokes = {id(word): stroke_width(image.ink, word["box"]) for line in lines.values() for word in line}
    usual_stroke = statistics.median([s for s in strokes.values() if s > 0] or [1.0])
    sizes = _block_sizes(lines, body)
    x_height = small_letter_height([word for line in lines.values() for word in line])
    if x_height:
        for line in lines.values():
            for word in line:
                word["text"] = capitals_by_height(word["text"], word["box"][3] - word["box"][1], x_height)
    words = []
    for key, line in lines.items():
        height = _line_height(line)
        if body and body * (1 - _SIZE_BELOW) <= height <= body * (1 + _SIZE_ABOVE):
            height = sizes.get(key[0], body)
        # Every line's box hangs from its baseline, so line spacing reads the same whether
        # or not a line has descenders (a wider gap starts a new paragraph in a cell).
        top = _baseline(line, height) - _ASCENT * height
        lettered = [w for w in line if any(ch.isalnum() for ch in w["text"])] or line  # a dash is all bar
        bold_line = statistics.median(strokes[id(w)] for w in lettered) > usual_stroke * _BOLD
        bearing = _SIDE_BEARING * height  # a text layer's word spans its glyphs' advances, OCR's only the ink
        for word in line:
            x0, _, x1, _ = word["box"]
            text = _dash(word["text"], x1 - x0, height)
            x0, x1 = x0 - bearing, x1 + bearing
            words.append({
                "text": text, "x0": x0 * scale, "x1": x1 * scale, "top": top * scale,
                "bottom": (top + height) * scale, "doctop": top * scale, "upright": True,
                "size": height * scale, "fontname": "OCR-Bold" if bold_line else "OCR",
                "confidence": word["confidence"], "object_type": "char",
            })
    return words


def _strip_stray_marks(line: list[dict]) -> None:
    """Drop a mark read before a word's letters where Tesseract doubted the word (below
    ``_MARK_CONFIDENCE``) and nothing later in the line closes it as a quotation; the
    word's box loses the mark's share of its width. Words read with confidence keep
    their quotes, and so does a quotation whose closing mark was read."""
    for index, word in enumerate(line):
        text = word["text"]
        lead = len(text) - len(text.lstrip("".join(_OPENING_QUOTES | _STROKES)))
        if not lead or lead == len(text) or not text[lead].isalnum() or word["confidence"] >= _MARK_CONFIDENCE:
            continue
        # A quotation closes at a word's end ("‘Good’."); an apostrophe inside one does not.
        closed = any(w.rstrip(".,;:!?)")[-1:] in _CLOSING_QUOTES
                     for w in [text[lead:]] + [later["text"] for later in line[index + 1:]])
        if closed and not set(text[:lead]) <= _STROKES:
            continue
        x0, top, x1, bottom = word["box"]
        word["text"] = text[lead:]
        word["box"] = (x0 + round((x1 - x0) * lead / len(text)), top, x1, bottom)


def _block_sizes(lines: dict[tuple, list[dict]], body: float | None) -> dict[str, float]:
    """The size of each of Tesseract's blocks of three lines or more set clearly apart
    from the body size (a key or a note below a table, set a point larger or smaller):
    one line's height jitters by a few per cent, the median of a block's lines does not."""
    if not body:
        return {}
    blocks: dict[str, list[float]] = {}
    for key, line in lines.items():
        blocks.setdefault(key[0], []).append(_line_height(line))
    sizes = {}
    for block, heights in blocks.items():
        size = statistics.median(heights)
        if len(heights) >= _BLOCK_LINES and abs(size - body) >= body * _BLOCK_APART:
            sizes[block] = size
    return sizes


def _line_height(line: list[dict]) -> float:
    """Top of capitals to foot of descenders, from the median word that reaches each
    (one stray tall box, a speck or a bracket, does not make the line a heading)."""
    tops = [w["box"][1] for w in line if set(w["text"]) & _ASCENDERS]
    feet = [w["box"][3] for w in line if set(w["text"]) & _DESCENDERS]
    flat = [w["box"][3] for w in line if not set(w["text"]) & _DESCENDERS]
    if tops and feet:
        return statistics.median(feet) - statistics.median(tops)
    if tops and flat:
        return (statistics.median(flat) - statistics.median(tops)) / _ASCENT
    return max(w["box"][3] for w in line) - min(w["box"][1] for w in line)


def _baseline(line: list[dict], height: float) -> float:
    """Where a line's letters sit: the bottom of its words without descenders, or
    above the lowest descender where every word has one."""
    flat = [w["box"][3] for w in line if not set(w["text"]) & _DESCENDERS and any(ch.isalnum() for ch in w["text"])]
    if flat:
        return statistics.median(flat)
    return max(w["box"][3] for w in line) - (1 - _ASCENT) * height


def _debris(text: str, confidence: float, wide: bool = False) -> bool:
    """Specks and bits of rules Tesseract read as marks: no letter or digit, low confidence.
    A dash read with little confidence is still a dash where its box is a bar (wider than
    tall): "SA – Stuart Ashdown" keeps the dash a key of initials is read by."""
    if wide and set(text) <= _DASHES:
        return False
    return not any(ch.isalnum() for ch in text) and (confidence < 60 or set(text) <= set("|_"))


def _dash(text: str, width: float, line_height: float) -> str:
    """An en or em dash as its width says: Tesseract reads most en dashes ("Ongoing –
    reviewed monthly") as em dashes, but an en dash is half an em wide and an em dash a
    whole one (a line's height, capitals' tops to descenders' feet, is about an em)."""
    if text in ("–", "—") and line_height > 0:
        return "–" if width < _EN_DASH_WIDEST * line_height else "—"
    return text
