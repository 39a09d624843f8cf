"""The layout registry: each layout fixes its structure and draws the rest of its choices from its
own seeded ``random.Random``. ``*-lo`` layouts are a Word layout printed to PDF by LibreOffice
(same plan, same options, so the same key with format "pdf")."""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import partial

from common import draw_options
from render_docx import render_docx, render_docx_cards, render_docx_forms, render_docx_nested
from render_html import render_html
from render_text import render_fixed, render_labelled, render_md, render_tsv
from render_xlsx import render_csv, render_xlsx


def render_pdf(*args, **kwargs):
    """render_pdf.render_pdf, importing reportlab only when a PDF is drawn: the Word and
    text layouts (and the tests that draw them as HTML) need no [corpus] extra."""
    from render_pdf import render_pdf as draw
    return draw(*args, **kwargs)


@dataclass
class Layout:
    name: str
    fmt: str            # docx | pdf | text | xlsx | csv | html
    ext: str
    desc: str
    make: object        # rng -> (options, render(plan, views, o, path), key kwargs)
    size: tuple = (8, 40)
    base: str | None = None   # for -lo layouts: the Word layout printed


LAYOUTS: dict[str, Layout] = {}
WORDS = ("word", "upper", "letter")


def reg(name, fmt, ext, desc, size=(8, 40), lo=False):
    def deco(make):
        LAYOUTS[name] = Layout(name, fmt, ext, desc, make, size)
        if lo:
            LAYOUTS[name + "-lo"] = Layout(name + "-lo", "pdf", "pdf",
                                           f"{name} printed to PDF by LibreOffice", make, size, base=name)
        return make
    return deco


K = {}  # key kwargs: every field the layout writes goes in the key


# ------------------------------------------------------------------ Word


@reg("word-vmerge", "docx", "docx", "recommendation cell merged vertically (vMerge) over its actions; "
     "themes as rows merged across; header row marked to repeat; RAG as words", lo=True)
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, rag=True)
    return o, partial(render_docx, rec_mode="merge", section_mode="row", repeat=True), K


@reg("word-shading", "docx", "docx", "RAG only as cell shading (no words; shade palette drawn); "
     "recommendation merged; header not marked to repeat", size=(20, 36), lo=True)
def _(rng):
    o = draw_options(rng, rag_styles=("colour",), rag=True, rag_fill=True)
    sm = rng.choice(["row", "none"])
    return o, partial(render_docx, rec_mode="merge", section_mode=sm, repeat=False), {"sections": sm != "none"}


@reg("word-table-per-rec", "docx", "docx", "one table per recommendation, the recommendation as a heading "
     "+ paragraph above it; themes as Heading 2 between tables", lo=True)
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, rec_col=False,
                     rec_heading=rng.choice(["Recommendation {n}", "Area for improvement {n}", "Priority {n}"]))
    return o, partial(render_docx, rec_mode="heading", section_mode="heading", split="rec",
                      repeat=rng.random() < 0.5), K


@reg("word-nested", "docx", "docx", "outer table Recommendation | Response, each response a nested table "
     "of that recommendation's actions", lo=True)
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, ref_col=False, extras=False,
                     outer_heading=rng.choice(["Response", "Actions", "Our plan"]))
    return o, partial(render_docx_nested, landscape=rng.random() < 0.5), K


@reg("word-lists", "docx", "docx", "actions as Word numbered-list paragraphs, sub-points as Word bullet "
     "lists (numbering not in the text); recommendation once on the first row", lo=True)
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, ref_col=False, action_num="none")
    return o, partial(render_docx, rec_mode="once", section_mode="row", repeat=True, lists=True), K


@reg("word-landscape-initials", "docx", "docx", "landscape, long; leads as initials with a key listed "
     "below the table; recommendation filled down every row; a table per theme", size=(30, 40), lo=True)
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, lead_styles=["initials"], gloss_form=rng.choice(["lines", "inline"]))
    return o, partial(render_docx, rec_mode="every", section_mode="heading", split="section",
                      repeat=True, landscape=True), K


@reg("word-unfamiliar", "docx", "docx", "unfamiliar column headings (Concern identified / Our response / "
     "Champion / Milestone ...), outcome and evidence columns, recommendation on every row, no themes")
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, unfamiliar=True, extras=False)
    cols = o["columns"]
    cols.insert(cols.index("action") + 1, "outcome")
    cols.append("evidence")
    for c in ("outcome", "evidence"):
        o["headings"][c] = rng.choice({"outcome": ["Difference it will make", "Impact sought"],
                                       "evidence": ["Proof", "Assurance source"]}[c])
    return o, partial(render_docx, rec_mode="every", section_mode="none", repeat=False), {"sections": False}


@reg("word-brag", "docx", "docx", "BRAG single letters (R/A/G/B) with matching cell shading; "
     "recommendation merged; landscape")
def _(rng):
    o = draw_options(rng, rag_styles=("letter",), rag=True, brag=True, rag_fill=True)
    o["headings"]["rag"] = rng.choice(["BRAG", "BRAG status", "Status (BRAG)"])
    return o, partial(render_docx, rec_mode="merge", section_mode="row", repeat=True, landscape=True), K


@reg("word-split-sections", "docx", "docx", "a table per theme with the theme as a heading between; "
     "leads with organisation prefixes (CCG: Dr ...); header repeated", lo=True)
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, lead_styles=["org_prefix"])
    return o, partial(render_docx, rec_mode="once", section_mode="heading", split="section", repeat=True), K


@reg("word-progress-rag", "docx", "docx", "RAG inside a combined 'Progress (RAG)' column as words with "
     "the cell shaded; long; recommendation merged", size=(30, 40))
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, rag=True, progress=True, rag_fill=rng.random() < 0.6)
    cols = [c for c in o["columns"] if c not in ("rag", "progress", "progress_rag")]
    cols.append("progress_rag")
    o["columns"] = cols
    o["headings"]["progress_rag"] = rng.choice(["Progress (RAG)", "Progress / RAG", "Update and RAG rating"])
    return o, partial(render_docx, rec_mode="merge", section_mode="row", repeat=True), K


@reg("word-cards", "docx", "docx", "one small table per recommendation: a shaded merged row "
     "'Recommendation n: ...', then a header row and the actions; themes as bold paragraphs", lo=True)
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, rec_col=False, ref_col=False)
    return o, partial(render_docx_cards, landscape=rng.random() < 0.4), K


@reg("word-forms", "docx", "docx", "a form per action: a two-column table of heading | value down the "
     "page; 'Recommendation n: ...' as a paragraph above; themes as Heading 2", lo=True)
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, rec_col=False,
                     rec_heading=rng.choice(["Recommendation {n}", "Area for improvement {n}", "Priority {n}"]))
    return o, partial(render_docx_forms, landscape=rng.random() < 0.3), K


# ------------------------------------------------------------------ PDF (reportlab)


@reg("pdf-unruled", "pdf", "pdf", "no rules at all, wrapped cells, header repeated on each page, "
     "rows cut by page breaks, themes as bold full-width lines")
def _(rng):
    o = draw_options(rng, rag_styles=WORDS)
    return o, partial(render_pdf, ruled="none", repeat=True, rec_mode="once", section_mode="row"), K


@reg("pdf-unruled-landscape", "pdf", "pdf", "unruled landscape, two-line headers printed only on page 1, "
     "long (3+ pages), rows cut by page breaks", size=(34, 40))
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, progress=True)
    return o, partial(render_pdf, landscape=True, ruled="none", repeat=False, header_lines_n=2,
                      size=9, running_head=True), K


@reg("pdf-unruled-3line", "pdf", "pdf", "unruled, three-line headers, themes as headings between "
     "tables, recommendation on every row")
def _(rng):
    o = draw_options(rng, rag_styles=WORDS)
    return o, partial(render_pdf, ruled="none", repeat=True, rec_mode="every", section_mode="heading",
                      header_lines_n=3), K


@reg("pdf-grid", "pdf", "pdf", "fully ruled grid, RAG as cell fill only, grey header repeated")
def _(rng):
    o = draw_options(rng, rag_styles=("colour",), rag=True, rag_fill=True)
    return o, partial(render_pdf, ruled="grid", repeat=True, header_fill="D9D9D9"), K


@reg("pdf-hlines", "pdf", "pdf", "horizontal rules only (booktabs style), RAG letters, landscape")
def _(rng):
    o = draw_options(rng, rag_styles=("letter",), rag=True)
    return o, partial(render_pdf, landscape=True, ruled="hlines", repeat=True), K


@reg("pdf-rec-headings", "pdf", "pdf", "ruled table per recommendation under a 'Recommendation n' "
     "heading and paragraph; themes as headings")
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, rec_col=False, ref_col=False,
                     rec_heading=rng.choice(["Recommendation {n}", "Recommendation No. {n}", "Area for improvement {n}"]))
    return o, partial(render_pdf, ruled="grid", rec_mode="heading", section_mode="heading"), K


@reg("pdf-grid-landscape-long", "pdf", "pdf", "ruled landscape with outcome and evidence columns, long "
     "(3+ pages), rows cut by page breaks, running head and page numbers, word+fill RAG", size=(34, 40))
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, rag=True, progress=True, extras=False,
                     rag_fill=True)
    cols = o["columns"]
    cols.insert(cols.index("action") + 1, "outcome")
    cols.append("evidence")
    o["headings"]["outcome"] = rng.choice(["Outcome", "Measure of success", "Outcome / Measure"])
    o["headings"]["evidence"] = rng.choice(["Evidence", "Evidence of impact"])
    return o, partial(render_pdf, landscape=True, ruled="grid", repeat=True, running_head=True, size=8.5), K


@reg("pdf-unruled-initials", "pdf", "pdf", "unruled, leads as initials with a key below, rows kept whole "
     "(moved to the next page), no themes", size=(14, 30))
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, lead_styles=["initials"])
    return o, partial(render_pdf, ruled="none", repeat=True, split_rows=False, section_mode="none"), \
        {"sections": False}


# ------------------------------------------------------------------ text


@reg("text-tsv", "text", "txt", "TAB-separated rows, header once, themes as lines on their own, "
     "recommendation written once per group, multi-line cells joined with <br>")
def _(rng):
    o = draw_options(rng, rag_styles=WORDS)
    return o, partial(render_tsv, rec_mode="once", section_mode="line"), K


@reg("text-tsv-filled", "text", "txt", "TAB rows, recommendation filled down every row, BRAG letters, "
     "themes as markdown headings with the header repeated under each")
def _(rng):
    o = draw_options(rng, rag_styles=("letter",), rag=True, brag=True)
    o["headings"]["rag"] = "BRAG"
    return o, partial(render_tsv, rec_mode="every", section_mode="md", repeat_header=True), K


@reg("text-tsv-html", "text", "txt", "TAB rows with HTML fragments in cells (<br>, <ul><li> bullet "
     "lists), themes as a row with text in the first cell only")
def _(rng):
    o = draw_options(rng, rag_styles=WORDS)
    return o, partial(render_tsv, rec_mode="once", section_mode="row", html=True), K


@reg("text-md", "text", "md", "markdown pipe table, <br> inside cells, leads separated by an escaped "
     "\\| (and \\| in text), themes as ## headings (a table each)")
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, lead_sep=" | ")  # written "\|" inside the cells
    return o, partial(render_md, rec_mode="once", section_mode="md"), K


@reg("text-labelled", "text", "txt", "no table: each action as labelled lines ('Lead: ...'), "
     "'Recommendation n: ...' lines above, themes as lines of their own, bullet sub-points on lines below")
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, rec_col=False,
                     rec_heading=rng.choice(["Recommendation {n}", "Area for improvement {n}"]))
    return o, render_labelled, K


@reg("text-md-rec-headings", "text", "md", "markdown: '### Recommendation n' + paragraph + a pipe table "
     "per recommendation")
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, rec_col=False, ref_col=False,
                     rec_heading=rng.choice(["Recommendation {n}", "Area for improvement {n}"]))
    return o, partial(render_md, per_rec=True, section_mode="md"), K


@reg("text-md-bold-sections", "text", "md", "one markdown pipe table, themes as bold rows inside it, "
     "recommendation on every row")
def _(rng):
    o = draw_options(rng, rag_styles=WORDS)
    return o, partial(render_md, rec_mode="every", section_mode="bold_row"), K


@reg("text-fixed", "text", "txt", "fixed-width columns aligned with spaces, cells wrapped onto "
     "continuation lines, themes as lines on their own")
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, extras=False)
    return o, partial(render_fixed, rec_mode="once"), K


@reg("text-fixed-boxed", "text", "txt", "fixed-width columns in an ASCII box (+---+ and | rules), "
     "wrapped cells, themes as boxed full-width rows")
def _(rng):
    o = draw_options(rng, rag_styles=WORDS, extras=False, lead_sep=rng.choice(["; ", " / "]))
    return o, partial(render_fixed, rec_mode="once", boxed=True), K


# ------------------------------------------------------------------ spreadsheets


@reg("xlsx-tracker", "xlsx", "xlsx", "Excel tracker: title rows above the header, themes as rows merged "
     "across, recommendation merged down over its actions, real date cells under their number formats, "
     "RAG as words and / or fills, a RAG legend sheet after the plan")
def _(rng):
    o = draw_options(rng, rag_styles=WORDS + ("colour",), rag=True, rag_fill=rng.random() < 0.6)
    o["rag_fill"] = o["rag_fill"] or o["rag_style"] == "colour"  # a colour-only RAG needs its fill
    return o, partial(render_xlsx, rec_mode="merge", legend=rng.random() < 0.7), K


@reg("xlsx-filled", "xlsx", "xlsx", "Excel tracker: recommendation on every row, RAG only as fills "
     "(palette of shades), initials or names, themes as merged rows or none")
def _(rng):
    o = draw_options(rng, rag_styles=("colour",), rag=True, rag_fill=True)
    o["section_mode"] = rng.choice(["row", "none"])
    return o, partial(render_xlsx, rec_mode="every", legend=rng.random() < 0.5), {"sections": o["section_mode"] != "none"}


@reg("csv-export", "csv", "csv", "a tracker saved by Excel as CSV: UTF-8 with BOM or Windows-1252, comma or "
     "semicolon, themes in the first cell of an otherwise empty row, recommendation once per group")
def _(rng):
    o = draw_options(rng, rag_styles=WORDS)
    return o, partial(render_csv, rec_mode="once", delimiter=rng.choice([",", ";"]),
                      encoding=rng.choice(["utf-8-sig", "cp1252"])), K


# ------------------------------------------------------------------ web pages


@reg("html-committee", "html", "html", "a committee paper as a web page: a document-history table before "
     "the plan and a contacts table after it, <th> header row, recommendation rowspan, themes as a first "
     "column spanning their rows (or headings), <br> or <p> lines in cells")
def _(rng):
    o = draw_options(rng, rag_styles=WORDS)
    sm = rng.choice(["column", "column", "heading"])
    o["headings"]["section"] = rng.choice(["Theme", "Priority area", "Area", "Workstream"])
    return o, partial(render_html, rec_mode="merge", section_mode=sm, split="section" if sm == "heading" else "single",
                      breaks=rng.choice(["p", "br"]), head=rng.choice(["th", "thead"]), around=True), K


@reg("html-rag", "html", "html", "a web page whose RAG cells are coloured by CSS (style attribute or a "
     "stylesheet class), as colour only or word and colour; themes as colspan rows")
def _(rng):
    o = draw_options(rng, rag_styles=WORDS + ("colour",), rag=True, rag_fill=True)
    return o, partial(render_html, rec_mode=rng.choice(["once", "every", "merge"]), section_mode="row",
                      breaks=rng.choice(["p", "br"]), rag_css=rng.choice(["inline", "class"])), K


def plan_seed(seed, layout: Layout):
    return f"{seed}:{layout.base or layout.name}:plan"


def options_rng(seed, layout: Layout):
    return random.Random(f"{seed}:{layout.base or layout.name}:options")
