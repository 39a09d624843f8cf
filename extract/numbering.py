"""Word list numbering: the "1.1" or bullet a paragraph shows but does not contain.

Word stores list numbers as a definition (``numbering.xml``) plus a counter that
runs through the document, so we count as we read, in document order.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from ..bullets import BULLET as _BULLET

_MAX_LEVEL = 8  # Word's list levels are 0-8
_MAX_COUNT = 10_000  # a list start past this is damage, not a plan's numbering
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _bounded(text: str | None, default: int, high: int) -> int:
    """An attribute as an int in 0..high; a damaged or non-numeric one gives ``default``."""
    try:
        return min(max(int(text), 0), high) if text is not None else default
    except ValueError:
        return default


def _format(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)


class ListNumbering:
    def __init__(self, levels: dict[str, dict[int, tuple[str, str, int]]], style_numbers: dict[str, str]):
        self.levels = levels  # numId -> ilvl -> (numFmt, lvlText, start)
        self.style_numbers = style_numbers  # paragraph style id -> numId (e.g. "ListBullet")
        self.counters: dict[str, list[int]] = {}

    @classmethod
    def of(cls, word) -> "ListNumbering":
        levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        try:
            numbering = word.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return cls({}, {})
        abstract = {}
        for definition in numbering.findall(qn("w:abstractNum")):
            lvls = {}
            for lvl in definition.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                lvls[_bounded(lvl.get(qn("w:ilvl")), 0, _MAX_LEVEL)] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "%1.",
                    _bounded(start.get(qn("w:val")), 1, _MAX_COUNT) if start is not None else 1,
                )
            abstract[definition.get(qn("w:abstractNumId"))] = lvls
        for num in numbering.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                levels[num.get(qn("w:numId"))] = abstract.get(ref.get(qn("w:val")), {})
        style_numbers = {}
        for style in word.styles.element.findall(qn("w:style")):
            num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
            if num_id is not None:
                style_numbers[style.get(qn("w:styleId"))] = num_id.get(qn("w:val"))
        return cls(levels, style_numbers)

    def marker(self, p) -> str | None:
        """The number or bullet Word shows before paragraph ``p``, advancing the count."""
        p_pr = p.find(qn("w:pPr"))
        if p_pr is None:
            return None
        num_pr = p_pr.find(qn("w:numPr"))
        num_id, level = None, 0
        if num_pr is not None:
            id_el, lvl_el = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
            num_id = id_el.get(qn("w:val")) if id_el is not None else None
            level = _bounded(lvl_el.get(qn("w:val")), 0, _MAX_LEVEL) if lvl_el is not None else 0
        else:
            style = p_pr.find(qn("w:pStyle"))
            num_id = self.style_numbers.get(style.get(qn("w:val"))) if style is not None else None
        if not num_id or num_id == "0" or num_id not in self.levels:
            return None
        definition = self.levels[num_id]
        fmt, text, start = definition.get(level, ("bullet", _BULLET, 1))
        if fmt == "bullet":
            return _BULLET
        counts = self.counters.setdefault(num_id, [])
        while len(counts) <= level:
            counts.append(definition.get(len(counts), ("decimal", "", 1))[2] - 1)
        counts[level] += 1
        del counts[level + 1:]
        for position in range(level + 1):
            level_fmt = definition.get(position, ("decimal", "", 1))[0]
            text = (text or "").replace(f"%{position + 1}", _format(counts[position], level_fmt))
        return text.strip() or None
