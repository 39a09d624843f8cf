"""PDF renderers drawn directly with the reportlab canvas, so that every choice is ours: ruled or
unruled, header repeated or only on page 1, rows cut by page breaks, RAG as cell fills."""
from __future__ import annotations

from reportlab.lib.colors import HexColor, black
from reportlab.lib.pagesizes import A4, landscape as _landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from common import glossary, header_lines

WEIGHTS = {"ref": 0.55, "rec": 3.2, "action": 4.2, "lead": 1.9, "timescale": 1.45, "rag": 0.85,
           "progress": 2.6, "progress_rag": 2.8, "outcome": 2.4, "evidence": 1.8}


class Pdf:
    def __init__(self, path, *, landscape=False, size=8, ruled="grid", repeat=True, margin=40,
                 running_head=None, page_numbers=True, header_fill=None, split_rows=True, gap=6):
        self.ps = _landscape(A4) if landscape else A4
        self.c = canvas.Canvas(path, pagesize=self.ps, pageCompression=1)
        self.c.setTitle("")
        self.size, self.lead, self.pad = size, size * 1.22, 2.5 if ruled == "none" else 3
        self.ruled, self.repeat, self.m = ruled, repeat, margin
        self.head, self.numbers, self.hfill = running_head, page_numbers, header_fill
        self.split_rows, self.gap = split_rows, gap
        self.page = 1
        self.cols = None
        self._furniture()
        self.y = self.ps[1] - self.m

    # -- page furniture
    def _furniture(self):
        c = self.c
        if self.head:
            c.setFont("Helvetica-Oblique", 7)
            c.drawString(self.m, self.ps[1] - self.m / 2, self.head)
        if self.numbers:
            c.setFont("Helvetica", 7)
            c.drawCentredString(self.ps[0] / 2, self.m / 2, f"Page {self.page}")

    def new_page(self, header=True):
        self.c.showPage()
        self.page += 1
        self._furniture()
        self.y = self.ps[1] - self.m
        if header and self.cols and self.repeat:
            self._header()

    @property
    def width(self):
        return self.ps[0] - 2 * self.m

    # -- paragraphs
    def para(self, text, size=9, bold=False, space=4):
        font = "Helvetica-Bold" if bold else "Helvetica"
        for line in simpleSplit(text, font, size, self.width):
            if self.y - size * 1.25 < self.m:
                self.new_page(header=False)
            self.c.setFont(font, size)
            self.c.drawString(self.m, self.y - size, line)
            self.y -= size * 1.25
        self.y -= space

    # -- tables
    def begin(self, cols, headings, words=None):
        total = sum(WEIGHTS[c] for c in cols)
        self.widths = [self.width * WEIGHTS[c] / total for c in cols]
        # no column narrower than its longest word (heading or cell); take the room from the widest
        extra = 2 * self.pad + (self.gap if self.ruled == "none" else 0) + 1
        for j, texts in enumerate(words or []):
            need = max([stringWidth(w, "Helvetica-Bold", self.size) + extra
                        for t in texts + [headings[j]] for w in t.split()] or [0])
            if need > self.widths[j]:
                widest = max(range(len(cols)), key=lambda i: self.widths[i])
                self.widths[widest] -= need - self.widths[j]
                self.widths[j] = need
        self.xs = [self.m + sum(self.widths[:i]) for i in range(len(cols))]
        self.cols, self.headings = cols, headings
        if self.y - 6 * self.lead < self.m:
            self.new_page(header=False)
        self._header()

    def end(self, space=10):
        self.cols = None
        self.y -= space

    def _wrap(self, text, width, font):
        out = []
        for para in (text.split("\n") if text else []):
            out += simpleSplit(para, font, self.size, width - 2 * self.pad - (self.gap if self.ruled == "none" else 0)) or [""]
        return out

    def _header(self):
        cells = [self._wrap(h, w, "Helvetica-Bold") for h, w in zip(self.headings, self.widths)]
        self._segment(cells, 0, max(len(c) for c in cells), fills={i: self.hfill for i in range(len(cells))}
                      if self.hfill else {}, bold=True, header=True)

    def _segment(self, cells, i, k, fills, bold=False, header=False, xs=None, widths=None):
        c = self.c
        xs, widths = xs or self.xs, widths or self.widths
        h = k * self.lead + 2 * self.pad
        top = self.y
        for j, (x, w) in enumerate(zip(xs, widths)):
            if fills.get(j):
                c.setFillColor(HexColor("#" + fills[j]))
                c.rect(x, top - h, w, h, fill=1, stroke=0)
        c.setFillColor(black)
        c.setFont("Helvetica-Bold" if bold else "Helvetica", self.size)
        for x, lines in zip(xs, cells):
            for n, line in enumerate(lines[i:i + k]):
                c.drawString(x + self.pad, top - self.pad - self.size - n * self.lead + 1.5, line)
        c.setLineWidth(0.5)
        if self.ruled == "grid":
            for x, w in zip(xs, widths):
                c.rect(x, top - h, w, h, fill=0, stroke=1)
        elif self.ruled == "hlines":
            if header:
                c.setLineWidth(1)
                c.line(self.m, top, self.m + self.width, top)
            c.line(self.m, top - h, self.m + self.width, top - h)
        self.y = top - h

    def row(self, texts, fills=None, bold=False, span=False):
        """One table row; cut across a page break when it does not fit (if split_rows)."""
        fills = fills or {}
        font = "Helvetica-Bold" if bold else "Helvetica"
        if span:
            xs, widths = [self.m], [self.width]
            cells = [self._wrap(texts[0], self.width, font)]
        else:
            xs, widths = self.xs, self.widths
            cells = [self._wrap(t, w, font) for t, w in zip(texts, widths)]
        n = max(1, max(len(c) for c in cells))
        i = 0
        while i < n:
            avail = int((self.y - self.m - 2 * self.pad) // self.lead)
            rest = n - i
            if avail < 1 or (rest > avail and (not self.split_rows or span or avail < 2)):
                self.new_page()
                continue
            k = min(avail, rest)
            self._segment(cells, i, k, fills, bold=bold, xs=xs, widths=widths)
            i += k
            if i < n:
                self.new_page()

    def save(self):
        self.c.showPage()
        self.c.save()


def multiline(heading, lines):
    """Break a heading over up to ``lines`` lines (balanced by words)."""
    words = []
    for w in heading.split():  # keep "/" with the word after it
        if words and words[-1] in ("/", "&", "-"):
            words[-1] += " " + w
        else:
            words.append(w)
    if lines <= 1 or len(words) == 1:
        return heading
    n = min(lines, len(words))
    per = -(-len(words) // n)
    return "\n".join(" ".join(words[i:i + per]) for i in range(0, len(words), per))


def render_pdf(plan, views, o, path, *, landscape=False, ruled="grid", repeat=True, rec_mode="once",
               section_mode="row", split_rows=True, header_lines_n=1, size=8, running_head=False,
               header_fill=None):
    """rec_mode: once | every | heading (a table per recommendation under a heading paragraph);
    section_mode: row (full-width row) | heading (paragraph between tables) | none."""
    pdf = Pdf(path, landscape=landscape, size=size, ruled=ruled, repeat=repeat,
              running_head=plan.title if running_head else None, header_fill=header_fill,
              split_rows=split_rows)
    lines = header_lines(plan)
    pdf.para(lines[0], size=13, bold=True, space=6)
    for l in lines[1:]:
        pdf.para(l, size=9)
    pdf.y -= 6
    cols = [c for c in o["columns"] if not (rec_mode == "heading" and c == "rec")]
    heads = [multiline(o["headings"][c], header_lines_n) if header_lines_n > 1 else o["headings"][c]
             for c in cols]
    sec_fill = "EDEDED" if ruled != "none" else None
    words = [[w.cell(c) for w in views] for c in cols]
    started = False
    for v in views:
        if v.first_of_section and section_mode == "heading":
            if started:
                pdf.end()
                started = False
            pdf.para(v.section, size=11, bold=True, space=3)
        if rec_mode == "heading" and v.first_of_rec:
            if started:
                pdf.end()
                started = False
            pdf.para(f"{o.get('rec_heading', 'Recommendation {n}').format(n=v.rec_no)}", size=9.5, bold=True, space=1)
            pdf.para(v.rec_plain, size=9, space=4)
        if not started:
            pdf.begin(cols, heads, words)
            started = True
        if v.first_of_section and section_mode == "row":
            pdf.row([v.section], fills={0: sec_fill} if sec_fill else {}, bold=True, span=True)
        texts, fills = [], {}
        for j, c in enumerate(cols):
            if c == "rec":
                texts.append(v.rec_text if (rec_mode == "every" or v.first_of_rec) else "")
            else:
                texts.append(v.cell(c))
            if c in ("rag", "progress_rag") and v.rag and o.get("rag_fill"):
                fills[j] = o["palette"][v.rag]
        pdf.row(texts, fills)
    if started:
        pdf.end()
    g = glossary(views, plan, o)
    if g:
        pdf.para("Key to initials", size=9, bold=True, space=2)
        for ini, name in g:
            pdf.para(f"{ini} – {name}", size=8.5, space=0)
    pdf.save()
