"""Plain-text renderers: TAB-separated rows, markdown pipe tables, fixed-width columns."""
from __future__ import annotations

import textwrap

from common import glossary, header_lines


def _title(plan, md=False):
    lines = header_lines(plan)
    out = [("# " if md else "") + lines[0], ""]
    for l in lines[1:]:
        out += [l, ""]
    return out


def _gloss(plan, views, o, md=False):
    g = glossary(views, plan, o)
    if not g:
        return []
    return ["", ("**Key to initials**" if md else "Key to initials:")] + [
        f"{ini} – {name}" + ("  " if md else "") for ini, name in g]


def _cell_html(text, o, bullets_html=False):
    """A multi-line cell as one line: <br> between lines, or a <ul> for the bullet lines."""
    lines = text.split("\n") if text else []
    if bullets_html and any(l.startswith("• ") for l in lines):
        head = [l for l in lines if not l.startswith("• ")]
        items = [l[2:] for l in lines if l.startswith("• ")]
        return "<br>".join(head) + "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    return "<br>".join(lines)


def _cells(v, cols, rec_mode):
    out = []
    for c in cols:
        if c == "rec":
            out.append(v.rec_text if (rec_mode == "every" or v.first_of_rec) else "")
        else:
            out.append(v.cell(c))
    return out


def render_tsv(plan, views, o, path, *, rec_mode="once", section_mode="line", repeat_header=False,
               html=False):
    """section_mode: line (the section alone on a line) | md (## heading) | row (section in the
    first cell of an otherwise empty row) | none."""
    cols = o["columns"]
    out = _title(plan, md=section_mode == "md")
    head = "\t".join(o["headings"][c] for c in cols)
    if not repeat_header:
        out.append(head)
    for v in views:
        if v.first_of_section:
            if section_mode == "md":
                out += ["", f"## {v.section}", ""]
            elif section_mode == "line":
                out += ["", v.section, ""]
            elif section_mode == "row":
                out.append(v.section + "\t" * (len(cols) - 1))
            if repeat_header:
                out.append(head)
        out.append("\t".join(_cell_html(t, o, bullets_html=html) for t in _cells(v, cols, rec_mode)))
    out += _gloss(plan, views, o)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def _md_escape(s):
    return s.replace("|", "\\|")


def render_md(plan, views, o, path, *, rec_mode="once", section_mode="md", per_rec=False):
    """Markdown pipe tables; per_rec: a '### Recommendation n' heading + paragraph + table per rec."""
    cols = [c for c in o["columns"] if not (per_rec and c == "rec")]
    out = _title(plan, md=True)

    def header():
        return ["| " + " | ".join(o["headings"][c] for c in cols) + " |",
                "|" + "|".join(" --- " for _ in cols) + "|"]
    started = False
    for v in views:
        if v.first_of_section and section_mode == "md":
            out += ["", f"## {v.section}", ""]
            started = False
        if per_rec and v.first_of_rec:
            out += ["", f"### {o.get('rec_heading', 'Recommendation {n}').format(n=v.rec_no)}", "",
                    _md_escape(v.rec_plain), ""]
            started = False
        if not started:
            out += header()
            started = True
        if v.first_of_section and section_mode == "bold_row":
            out.append("| **" + _md_escape(v.section) + "** |" + " |" * (len(cols) - 1))
        out.append("| " + " | ".join(_md_escape(_cell_html(t, o)) for t in _cells(v, cols, rec_mode)) + " |")
    out += _gloss(plan, views, o, md=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


FIXED_W = {"ref": 5, "rec": 30, "action": 38, "lead": 20, "timescale": 14, "rag": 7, "progress": 26,
           "progress_rag": 28, "outcome": 24, "evidence": 18}


def render_fixed(plan, views, o, path, *, rec_mode="once", boxed=False, blank_between=True):
    """Space-aligned columns, cells wrapped onto continuation lines. boxed: +---+ / | rules."""
    cols = o["columns"]
    widths = [max(FIXED_W[c], len(o["headings"][c]) if len(o["headings"][c]) <= 16 else 0) for c in cols]
    sep = " | " if boxed else "  "
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+" if boxed else "  ".join("-" * w for w in widths)

    def wrap(text, w):
        lines = []
        for para in (text.split("\n") if text else []):
            sub = textwrap.wrap(para, w, break_long_words=False, break_on_hyphens=False) or [""]
            lines += [sub[0]] + [("  " if para.startswith("• ") else "") + s for s in sub[1:]]
        return lines

    def emit(cells):
        wrapped = [wrap(t, w) for t, w in zip(cells, widths)]
        n = max(1, max(len(x) for x in wrapped))
        lines = []
        for i in range(n):
            parts = [(x[i] if i < len(x) else "").ljust(w) for x, w in zip(wrapped, widths)]
            line = sep.join(parts)
            lines.append(("| " + line + " |") if boxed else line.rstrip())
        return lines

    out = _title(plan)
    if boxed:
        out.append(rule)
    out += emit([o["headings"][c] for c in cols])
    out.append(rule if boxed else rule)
    for v in views:
        if v.first_of_section:
            if boxed:
                inner = sum(widths) + 3 * (len(widths) - 1)
                out += ["| " + v.section.ljust(inner) + " |", rule]
            else:
                out += ["", v.section, ""]
        out += emit(_cells(v, cols, rec_mode))
        if boxed:
            out.append(rule)
        elif blank_between:
            out.append("")
    out += _gloss(plan, views, o)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def render_labelled(plan, views, o, path):
    """Each action as labelled lines ('Lead: ...'), a blank line between actions; the
    recommendation as a 'Recommendation n: ...' line above its first action; a bullet
    sub-point of a field on a line of its own; themes as lines of their own."""
    cols = [c for c in o["columns"] if c != "rec"]
    label = o.get("rec_heading", "Recommendation {n}")
    out = _title(plan)
    for v in views:
        if v.first_of_section:
            out += [v.section, ""]
        if v.first_of_rec:
            out += [f"{label.format(n=v.rec_no)}: {v.rec_plain}", ""]
        for c in cols:
            value = v.action_lines if c == "action" else v.ref if c == "ref" else v.cell(c)
            lines = list(value) if isinstance(value, list) else value.split("\n") if value else [""]
            lines = lines or [""]
            out.append(f"{o['headings'][c]}: {lines[0]}".rstrip())
            out += lines[1:]
        out.append("")
    out += _gloss(plan, views, o)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
