"""The mutations tests/fuzz.py applies: each takes a file's bytes and a seeded
``random.Random`` and returns a damaged copy, the same for the same seed.

Every format gets byte flips, a truncation and a run of bytes repeated or cut out; then
what damages that format's own structure: a zip member (Word, Excel, OpenDocument) mutated
and the zip re-packed sound, XML elements duplicated, deleted or nested, cell references
and spans made huge; PDF content-stream operators; CSV encodings, delimiters, quotes and
huge fields; HTML tag soup, deep nesting, huge spans and entities; markdown pipes; text
cells of the strings that were once quadratic.
"""

from __future__ import annotations

import io
import random
import re
import zlib
import zipfile
from typing import Callable

Mutation = Callable[[bytes, random.Random], bytes]
_NUMBER = re.compile(rb"(?<![\w.])-?\d+(\.\d+)?(?![\w.])")
_HUGE = [b"99999999999", b"-1", b"0", b"1e308", b"NaN", b"2147483648", b"10000000"]


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
    """Numbers (sizes, offsets, coordinates, spans, list starts) replaced by huge or odd ones."""
    numbers = list(_NUMBER.finditer(data))
    if not numbers:
        return flip_bytes(data, rng)
    out = bytearray(data)
    for match in sorted(rng.sample(numbers, min(len(numbers), rng.randint(1, 10))), key=lambda m: -m.start()):
        out[match.start():match.end()] = rng.choice(_HUGE)
    return bytes(out)


def _elements(names: str) -> re.Pattern:
    return re.compile(rb"<(%s)\b[^>]*?(/>|>.*?</\1>)" % names.encode(), re.S)


WORD_ELEMENTS = _elements(r"w:tbl|w:tr|w:tc|w:p|w:r|w:gridSpan|w:vMerge|w:numPr")
EXCEL_ELEMENTS = _elements(r"row|c|mergeCell|si|is|v|f|col")
ODF_ELEMENTS = _elements(r"table:table|table:table-row|table:table-cell|text:p|text:span|text:list")
_NESTING = {WORD_ELEMENTS: (b"<w:tbl><w:tr><w:tc>", b"<w:p/></w:tc></w:tr></w:tbl><w:p/>"),
            ODF_ELEMENTS: (b"<table:table><table:table-row><table:table-cell>",
                           b"</table:table-cell></table:table-row></table:table>")}


def xml_elements(pattern: re.Pattern) -> Mutation:
    """An element (table, row, cell, paragraph, span...) duplicated many times, deleted, or
    wrapped in tables around itself (formats whose cells hold tables)."""
    def mutate(data: bytes, rng: random.Random) -> bytes:
        elements = list(pattern.finditer(data))
        if not elements:
            return flip_bytes(data, rng)
        match = rng.choice(elements)
        element, choice = match.group(0), rng.random()
        if choice < 0.4 or (choice >= 0.7 and pattern not in _NESTING):
            replacement = element * rng.randint(2, 200)
        elif choice < 0.7:
            replacement = b""
        else:
            opening, closing = _NESTING[pattern]
            replacement = element
            for _ in range(rng.randint(2, 30)):
                replacement = opening + replacement + closing
        return data[:match.start()] + replacement + data[match.end():]
    mutate.__name__ = "xml_elements"
    return mutate


_CELL_REF = re.compile(rb'(\br|\bref|\bsqref)="([A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?)"')


def huge_refs(data: bytes, rng: random.Random) -> bytes:
    """Excel cell references and merged ranges moved to the sheet's far corner or past it."""
    refs = list(_CELL_REF.finditer(data))
    if not refs:
        return huge_numbers(data, rng)
    out = bytearray(data)
    for match in sorted(rng.sample(refs, min(len(refs), rng.randint(1, 5))), key=lambda m: -m.start()):
        far = rng.choice([b"XFD1048576", b"A1048576", b"ZZZZ99999999", b"A0", b"A1:XFD1048576", b"B2:A1"])
        out[match.start(2):match.end(2)] = far
    return bytes(out)


def in_member(parts: tuple[str, ...], member_mutations: list[Mutation]) -> Mutation:
    """A zip package with one of its XML ``parts`` mutated and the zip rebuilt sound."""
    def mutate(data: bytes, rng: random.Random) -> bytes:
        source = zipfile.ZipFile(io.BytesIO(data))
        target = rng.choice([name for name in parts if name in source.namelist()])
        change = rng.choice(member_mutations)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for info in source.infolist():
                member = source.read(info)
                # the member's own time, not now: the same seed gives the same bytes (the test
                # comparing two calls failed when they straddled a zip time's two seconds)
                rebuilt = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                rebuilt.compress_type, rebuilt.external_attr = zipfile.ZIP_DEFLATED, 0o600 << 16  # as writestr(name)
                out.writestr(rebuilt, change(member, rng) if info.filename == target else member)
        return buffer.getvalue()
    mutate.__name__ = "in_member"
    return mutate


# -- PDF content streams ----------------------------------------------------------

_STREAM = re.compile(rb"(<<(?:[^<>]|<<[^<>]*>>)*?/Length\s+)(\d+)((?:[^<>]|<<[^<>]*>>)*?>>\s*stream\r?\n)", re.S)
_OPERATOR = re.compile(rb"(?<![\w/])(Tj|TJ|Td|TD|Tm|Tf|re|cm|m|l|f|S|BT|ET|q|Q|Do|rg|RG|g|w)(?![\w])")


def pdf_operators(data: bytes, rng: random.Random) -> bytes:
    """A page's content stream inflated, its operators duplicated, deleted or given huge
    operands, deflated again with its /Length fixed (so the damage is inside the page)."""
    streams = []
    for match in _STREAM.finditer(data):
        start, length = match.end(), int(match.group(2))
        try:
            streams.append((match, zlib.decompress(data[start:start + length])))
        except zlib.error:
            continue
    contents = [(m, s) for m, s in streams if _OPERATOR.search(s)]
    if not contents:
        return huge_numbers(data, rng)
    match, content = rng.choice(contents)
    operators = list(_OPERATOR.finditer(content))
    for _ in range(rng.randint(1, 5)):
        op = rng.choice(operators)
        line_start = content.rfind(b"\n", 0, op.start()) + 1
        statement = content[line_start:op.end()]
        choice = rng.random()
        if choice < 0.35:
            replacement = (statement + b"\n") * rng.randint(2, 3000)
        elif choice < 0.6:
            replacement = b""
        else:
            replacement = huge_numbers(statement, rng)
        content = content[:line_start] + replacement + content[op.end():]
        operators = list(_OPERATOR.finditer(content)) or operators
    packed = zlib.compress(content)
    end = match.end() + int(match.group(2))
    return (data[:match.start()] + match.group(1) + b"%d" % len(packed) + match.group(3) + packed + data[end:])


# -- text, markdown, CSV ----------------------------------------------------------

_ADVERSARIAL = ["<a ", "(", "[", "|", "\t", "*", "_", "**", "9", "&#", "<!--", "\\", " .", "Within "]


def adversarial_cell(data: bytes, rng: random.Random) -> bytes:
    """A cell of one short string repeated up to 100k times: the inputs that were quadratic."""
    lines = data.split(b"\n")
    at = rng.randrange(len(lines))
    cell = (rng.choice(_ADVERSARIAL) * rng.randint(1_000, 100_000)).encode()
    separator = rng.choice([b"\t", b" | ", b","])
    lines.insert(at, separator.join([b"Audit files", cell, b"Jo Hughes", b"May 2013"]))
    return b"\n".join(lines)


def reencode(data: bytes, rng: random.Random) -> bytes:
    """The text in another encoding or line-ending convention, or with stray bytes."""
    text = data.decode("utf-8", errors="replace")
    choice = rng.randrange(7)
    if choice == 0:
        return text.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32"]))
    if choice == 1:
        return text.encode("cp1252", errors="replace")
    if choice == 2:
        return b"\xef\xbb\xbf" + data
    if choice == 3:
        return data.replace(b"\n", rng.choice([b"\r\n", b"\r", b"\x0b", b"\x0c", b"\xe2\x80\xa8"]))
    if choice == 4:  # invalid UTF-8 sprinkled in
        return flip_bytes(data, rng).replace(b"e", b"\xc3", rng.randint(1, 50))
    if choice == 5:
        return data.replace(b" ", b"\x00", rng.randint(1, 20))
    return text.encode("latin-1", errors="replace")


def redelimit(data: bytes, rng: random.Random) -> bytes:
    """Every delimiter swapped for another, or a mix (some rows one, some another)."""
    old, new = rng.sample([b",", b";", b"\t", b"|"], 2)
    if rng.random() < 0.5:
        return data.replace(old, new)
    lines = data.split(b"\n")
    return b"\n".join(line.replace(old, new) if rng.random() < 0.5 else line for line in lines)


def huge_field(data: bytes, rng: random.Random) -> bytes:
    """A field of up to 2 million characters, quoted or not, perhaps with newlines and
    delimiters inside, perhaps with its closing quote missing."""
    lines = data.split(b"\n")
    filler = rng.choice([b"a", b"a,", b"a\n", b'""', b";", b"\t"]) * rng.randint(1_000, 2_000_000)
    quote = rng.choice([b"", b'"'])
    closing = quote if rng.random() < 0.7 else b""
    lines.insert(rng.randrange(len(lines)), b"Audit," + quote + filler + closing + b",Jo,May 2013")
    return b"\n".join(lines)


def quotes(data: bytes, rng: random.Random) -> bytes:
    """Quote characters inserted or deleted at random."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        at = rng.randrange(len(out))
        if out[at:at + 1] == b'"':
            del out[at]
        else:
            out[at:at] = b'"'
    return bytes(out)


def pipes(data: bytes, rng: random.Random) -> bytes:
    """Markdown table damage: pipes inserted, removed, escaped, or a row of thousands of cells."""
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 10)):
        at = rng.randrange(len(lines))
        choice = rng.random()
        if choice < 0.3:
            lines[at] = lines[at].replace(b"|", b"", 1)
        elif choice < 0.6:
            lines[at] = lines[at].replace(b"|", b"\\|", rng.randint(1, 5))
        elif choice < 0.8:
            lines[at] = b"|" + b" x |" * rng.randint(100, 20_000)
        else:
            lines[at] = b"|" + b"-|" * rng.randint(1, 5_000)
    return b"\n".join(lines)


# -- HTML ---------------------------------------------------------------------------

_TAG = re.compile(rb"</?[a-zA-Z][^<>]*>")
_SPAN = re.compile(rb'(rowspan|colspan)="?\d*"?', re.I)
_CELL_OPEN = re.compile(rb"<t[dh]\b[^>]*>", re.I)


def tag_soup(data: bytes, rng: random.Random) -> bytes:
    """Tags deleted, duplicated or left unclosed; stray angle brackets."""
    tags = list(_TAG.finditer(data))
    out = bytearray(data)
    for match in sorted(rng.sample(tags, min(len(tags), rng.randint(1, 30))), key=lambda m: -m.start()):
        choice = rng.random()
        tag = match.group(0)
        out[match.start():match.end()] = (b"" if choice < 0.4 else tag * rng.randint(2, 50) if choice < 0.7
                                          else tag[:-1] if choice < 0.85 else b"<" + tag)
    return bytes(out)


def deep_nesting(data: bytes, rng: random.Random) -> bytes:
    """A cell's content wrapped thousands of levels deep (divs, tables, lists, inline tags)."""
    cells = list(_CELL_OPEN.finditer(data)) or list(_TAG.finditer(data))
    at = rng.choice(cells).end() if cells else 0
    opening, closing = rng.choice([(b"<div>", b"</div>"), (b"<table><tr><td>", b"</td></tr></table>"),
                                   (b"<ul><li>", b"</li></ul>"), (b"<b>", b"</b>"), (b"<td>", b"")])
    depth = rng.randint(100, 20_000)
    return data[:at] + opening * depth + b"deep" + closing * depth + data[at:]


def huge_spans(data: bytes, rng: random.Random) -> bytes:
    """rowspan / colspan of 10^7 or nonsense, on existing or new cells."""
    value = rng.choice([b"10000000", b"99999999999", b"-5", b"0", b"abc", b"1e9", b"65535"])
    spans = list(_SPAN.finditer(data))
    if spans and rng.random() < 0.5:
        match = rng.choice(spans)
        return data[:match.start()] + match.group(1) + b'="' + value + b'"' + data[match.end():]
    cells = list(_CELL_OPEN.finditer(data))
    if not cells:
        return tag_soup(data, rng)
    match = rng.choice(cells)
    attribute = rng.choice([b"rowspan", b"colspan"])
    return data[:match.end() - 1] + b" " + attribute + b'="' + value + b'"' + data[match.end() - 1:]


def entities(data: bytes, rng: random.Random) -> bytes:
    """Character references out of range, unknown, unterminated, or by the hundred thousand."""
    entity = rng.choice([b"&#99999999;", b"&#x110000;", b"&#0;", b"&bogus;", b"&amp", b"&#", b"&nbsp;",
                         b"&#xD800;", b"&" + b"a" * 1000 + b";"])
    at = rng.randrange(len(data))
    return data[:at] + entity * rng.randint(1, 2_000_000 // len(entity)) + data[at:]
