"""HTML renderer: the Word layouts' structure (``render_docx``'s switches) as a web page.

Merged recommendation cells are ``rowspan``, theme rows one ``colspan`` cell, RAG fills
``background-color``, the header a ``<th>`` row in ``<thead>``, multi-line cells
``<p>`` paragraphs and bullets a ``<ul>``; headings and paragraphs around the tables as
Word has them. Same arguments as ``render_docx``, so any Word layout can be drawn as HTML;
the ``html-*`` layouts add what web pages do that Word does not (a theme column spanning
its rows, ``<br>`` lines, a ``<th>`` row outside ``<thead>``, RAG colours from stylesheet
classes, a committee paper's document-history and contacts tables).
"""
from __future__ import annotations

import random
from html import escape

from banks import FIRST, LAST, POSTS
from common import glossary, header_lines


def _lines(lines, lists=False, ordinal=None, breaks="p"):
    """A cell's lines: bullet lines ("• x") as a <ul>, other lines as paragraphs (or, for
    Word-list layouts, the first line as an <ol> item numbered as Word would number it);
    ``breaks="br"`` writes the lines joined by <br> instead, as pages typed in a CMS do."""
    if isinstance(lines, str):
        lines = lines.split("\n") if lines else []
    if breaks == "br" and not lists:
        return _br_lines(lines)
    out, bullets = [], []
    for i, line in enumerate(lines):
        if line.startswith("• "):
            bullets.append(f"<li>{escape(line[2:])}</li>")
            continue
        if bullets:
            out.append("<ul>" + "".join(bullets) + "</ul>")
            bullets = []
        if lists and i == 0 and ordinal is not None:
            out.append(f'<ol start="{ordinal}"><li>{escape(line)}</li></ol>')
        else:
            out.append(f"<p>{escape(line)}</p>" if len(lines) > 1 else escape(line))
    if bullets:
        out.append("<ul>" + "".join(bullets) + "</ul>")
    return "".join(out)


def _br_lines(lines):
    """Lines joined by <br>; a run of bullet lines is still a <ul> (its own block)."""
    out, bullets, text = [], [], []
    for line in lines + [None]:
        if line is not None and line.startswith("• "):
            if text:
                out.append("<br>".join(text))
                text = []
            bullets.append(f"<li>{escape(line[2:])}</li>")
            continue
        if bullets:
            out.append("<ul>" + "".join(bullets) + "</ul>")
            bullets = []
        if line is not None:
            text.append(escape(line))
    if text:
        out.append("<br>".join(text))
    return "".join(out)


def _td(content, fill=None, rowspan=1, colspan=1, tag="td", css=None):
    attrs = ""
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    if fill and css and fill in css:  # a stylesheet class (written in <head>) colours the cell
        attrs += f' class="{css[fill]}"'
    elif fill:
        attrs += f' style="background-color: #{fill}"'
    return f"<{tag}{attrs}>{content}</{tag}>"


def render_html(plan, views, o, path, *, rec_mode="once", section_mode="row", split="single",
                repeat=False, landscape=False, lists=False, breaks="p", head="thead", rag_css="inline",
                around=False):
    """rec_mode: merge | once | every | heading; section_mode: row | heading | column | none
    ("column": a theme column first, each theme one cell ``rowspan`` over its rows);
    split: single | section | rec (a new table per section / per recommendation);
    breaks: p | br (multi-line cells as paragraphs or <br> lines); head: thead (<th> row in
    <thead>) | th (a <th> row as the table's first row); rag_css: inline (style attribute) |
    class (a stylesheet class per colour); around: a committee paper's document-history
    table before the plan and a contacts table after it.
    ``repeat`` and ``landscape`` have no meaning on a page; accepted so Word layouts' arguments fit."""
    cols = o["columns"]
    title = header_lines(plan)
    body = [f"<h1>{escape(title[0])}</h1>"] + [f"<p>{escape(line)}</p>" for line in title[1:]]
    extra = random.Random(o["seed"])
    if around:
        body += _history(extra, plan)
    # body: headings and paragraphs as HTML, tables as ("table", rows); a row is a list of
    # [content, fill, rowspan, colspan], None where a rowspan from above covers the cell
    table = None
    rec_cell = theme_cell = None
    for n, v in enumerate(views, start=1):
        new_sec = v.first_of_section
        if new_sec and section_mode == "heading":
            body.append(f"<h2>{escape(v.section)}</h2>")
        if rec_mode == "heading" and v.first_of_rec:
            label = o.get("rec_heading", "Recommendation {n}").format(n=v.rec_no)
            body += [f"<h3>{escape(label)}</h3>", f"<p>{escape(v.rec_plain)}</p>"]
        if table is None or (split == "section" and new_sec) or (split == "rec" and v.first_of_rec):
            table = []
            body.append(("table", table))
            rec_cell = None
        if new_sec and section_mode == "row":
            table.append([[f"<b>{escape(v.section)}</b>", o.get("section_fill", "F2F2F2"), 1, len(cols)]])
        row = []
        if section_mode == "column":
            if new_sec:
                theme_cell = [escape(v.section), None, 1, 1]
                row.append(theme_cell)
            else:
                theme_cell[2] += 1  # the theme cell spans this row too
                row.append(None)
        for c in cols:
            if c == "action":
                row.append([_lines(v.action_plain if lists else v.action_lines, lists, n, breaks), None, 1, 1])
            elif c == "rec":
                if rec_mode == "merge" and not v.first_of_rec and rec_cell is not None:
                    rec_cell[2] += 1  # the recommendation cell spans this row too
                    row.append(None)
                    continue
                text = v.rec_text if (rec_mode in ("every", "merge") or v.first_of_rec) else ""
                row.append([_lines(text, breaks=breaks), None, 1, 1])
                rec_cell = row[-1]
            elif c == "ref":
                row.append([escape(v.ref), None, 1, 1])
            else:
                fill = o["palette"][v.rag] if c in ("rag", "progress_rag") and v.rag and o.get("rag_fill") else None
                row.append([_lines(v.cell(c), breaks=breaks), fill, 1, 1])
        table.append(row)
    head_cols = (["section"] if section_mode == "column" else []) + cols
    css = {fill: f"rag-{rag}" for rag, fill in o["palette"].items()} if rag_css == "class" else None
    style = "td, th { border: 1px solid #999 }"
    if css:
        style += "".join(f"\ntd.{name} {{ background-color: #{fill}; }}" for fill, name in css.items())
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{escape(title[0])}</title><style>{style}</style></head><body>"]
    for part in body:
        if isinstance(part, tuple) and part[0] == "table":
            out.append(_table_html(part[1], head_cols, o, head, css))
        elif isinstance(part, str):
            out.append(part)
    gloss = glossary(views, plan, o)
    if gloss:
        out.append("<p><b>Key to lead officers:</b></p>")
        out += [f"<p>{escape(ini)} – {escape(name)}</p>" for ini, name in gloss]
    if around:
        out += _contacts(extra)
    out.append("</body></html>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def _table_html(rows, cols, o, head="thead", css=None):
    head_row = "<tr>" + "".join(_td(escape(o["headings"][c]), "D9D9D9", tag="th") for c in cols) + "</tr>"
    lines = ["<table>", f"<thead>{head_row}</thead><tbody>" if head == "thead" else f"<tbody>{head_row}"]
    for row in rows:
        cells = "".join(_td(content, fill, rowspan, colspan, css=css) for content, fill, rowspan, colspan in
                        (cell for cell in row if cell is not None))
        lines.append(f"<tr>{cells}</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def _small_table(caption, head, rows):
    """A committee paper's small table around the plan (not a plan: no action columns)."""
    out = [f"<h2>{escape(caption)}</h2>", "<table>", "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>"]
    out += ["<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows]
    return out + ["</table>"]


def _history(rng, plan):
    """The document-history table committee papers open with: versions, dates, authors."""
    dated = plan.as_of or plan.inspected
    year = dated.year if dated else 2024
    rows = []
    for version in range(1, rng.randint(2, 4) + 1):
        day = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}"
        author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        change = "First draft" if version == 1 else rng.choice(
            ["Updated after partner comments", "Progress updated", "Timescales revised", "Final for committee"])
        rows.append([f"0.{version}", day, author, change])
    return ["<p>Report to: Children's Services Scrutiny Committee</p>"] + _small_table(
        "Document history", rng.choice([["Version", "Date", "Author", "Changes"],
                                        ["Version", "Date", "Author", "Summary of changes"]]), rows)


def _contacts(rng):
    """The contacts table a committee paper closes with: who to ask about the plan."""
    rows = []
    for _ in range(rng.randint(1, 3)):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        rows.append([f"{first} {last}", rng.choice(POSTS)[0], f"01632 {rng.randint(100000, 999999)}", f"{first}.{last}@example.gov.uk".lower()])
    return _small_table("Contact officers", ["Name", "Job title", "Telephone", "Email"], rows)
