"""What a layout writes for each field, and the key entry that says so.

``draw_options`` picks a layout's free choices (headings, order, RAG / date / lead forms ...)
from the layout's own ``random.Random``; ``prepare`` turns a plan into one ``View`` per action:
the strings the renderer writes and the key item describing them. Renderers only place the
strings; they never invent text, so the key is what the file shows.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from content import Plan, Timescale

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

HEADINGS = {
    "ref": ["No.", "Ref", "Ref."],
    "rec": ["Recommendation", "Area for improvement", "Area for Improvement", "Area of weakness",
            "Issue raised", "Issue raised in the report", "Inspection finding", "Recommendations"],
    "action": ["Action", "Actions", "Actions to be taken", "What we will do", "Action(s) required",
               "Planned action", "Key actions"],
    "lead": ["Lead", "Responsibility", "Responsible officer(s)", "Owner", "Who", "Lead officer",
             "Accountable lead", "Lead(s)"],
    "timescale": ["Timescale", "By when", "Completion date", "Due", "Target date", "Deadline",
                  "Timescale for completion", "When"],
    "rag": ["RAG", "Status", "RAG status", "RAG rating"],
    "progress_rag": ["Progress (RAG)", "Progress / RAG", "Update and RAG rating"],
    "progress": ["Progress", "Progress to date", "Update", "Progress note", "Commentary"],
    "outcome": ["Outcome", "Measure of success", "Outcome / Measure", "Success criteria",
                "How will we know?", "Impact measure"],
    "evidence": ["Evidence", "Evidence of impact", "Source of evidence", "Evidence / Monitoring"],
}
BRAG_HEADINGS = ["BRAG", "BRAG status", "Status (BRAG)"]
UNFAMILIAR = {
    "rec": ["Concern identified", "Finding", "Inspectors' judgement", "Shortfall"],
    "action": ["Our response", "Steps", "Response", "Improvement activity"],
    "lead": ["Champion", "Named lead", "Accountable", "Driver"],
    "timescale": ["Milestone", "Delivery date", "Target", "Complete by"],
    "rag": ["Rating", "Confidence", "Assurance"],
    "progress": ["Position statement", "Latest position"],
    "outcome": ["Difference it will make", "Impact sought"],
    "evidence": ["Proof", "Assurance source"],
}
# shades a layout may use for a RAG colour (hex, no '#')
PALETTES = [
    {"red": "FF0000", "amber": "FFC000", "green": "00B050", "blue": "0070C0"},
    {"red": "C00000", "amber": "FFBF00", "green": "92D050", "blue": "5B9BD5"},
    {"red": "E06666", "amber": "F6B26B", "green": "93C47D", "blue": "6FA8DC"},
    {"red": "FF6666", "amber": "FFD966", "green": "A9D08E", "blue": "9DC3E6"},
    {"red": "D9534F", "amber": "F0AD4E", "green": "5CB85C", "blue": "337AB7"},
]
RAG_WORDS = {"red": "Red", "amber": "Amber", "green": "Green", "blue": "Blue"}

SEPARATORS = ["; ", " / ", "\n", " and ", ", "]


def draw_options(rng: random.Random, *, rag_styles=("word", "upper", "letter"), lead_styles=None,
                 extras=True, unfamiliar=False, rec_col=True, ref_col=None, seps=SEPARATORS,
                 progress=None, rag=None, **fixed):
    """A layout's free choices. ``fixed`` overrides anything drawn."""
    o = {}
    o["rag_style"] = rng.choice(list(rag_styles))
    o["brag"] = rng.random() < 0.35
    o["palette"] = rng.choice(PALETTES)
    o["date_style"] = rng.choice(["d/m/Y", "d/m/y", "d Month Y", "dth Month Y", "d.m.Y", "mixed"])
    o["month_style"] = rng.choice(["Month Y", "End of Month Y", "Mon-YY", "Mon Y", "mixed"])
    o["quarter_style"] = rng.choice(["Q3 2024/25", "Quarter 3 2024/25"])
    o["lead_style"] = rng.choice(lead_styles or ["name", "name", "name_post", "post", "org_prefix", "initials"])
    o["lead_sep"] = rng.choice(list(seps))
    o["action_num"] = rng.choice(["prefix", "prefix_dot", "none", "letter"])
    o["rec_num"] = rng.choice(["dot", "none", "paren"])
    o["section_case"] = rng.choice(["as is", "as is", "upper"])
    with_progress = rng.random() < 0.6 if progress is None else progress
    with_rag = rng.random() < 0.8 if rag is None else rag
    cols = []
    if ref_col if ref_col is not None else rng.random() < 0.2:
        cols.append("ref")
    if rec_col:
        cols.append("rec")
    cols.append("action")
    if extras and rng.random() < 0.45:
        cols.append("outcome")
    tail = ["lead", "timescale"] if rng.random() < 0.6 else ["timescale", "lead"]
    cols += tail
    if with_rag and with_progress and o["rag_style"] in ("word", "upper") and rng.random() < 0.3:
        cols.append("progress_rag")
    else:
        if with_progress:
            cols.append("progress")
        if with_rag:
            cols.insert(1 if rng.random() < 0.12 else len(cols), "rag")
    if extras and rng.random() < 0.3:
        cols.append("evidence")
    o["columns"] = cols
    heads = {}
    for c in cols:
        bank = HEADINGS[c]
        if c == "rag" and o["brag"]:
            bank = BRAG_HEADINGS
        if unfamiliar and c in UNFAMILIAR:
            bank = UNFAMILIAR[c]
        heads[c] = rng.choice(bank)
    o["headings"] = heads
    o.update(fixed)
    if "ref" in o["columns"]:
        o["action_num"] = "none"
    o["seed"] = rng.random()
    return o


# --------------------------------------------------------------------------- field forms


def _ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fmt_day(d, m, y, style):
    if style == "d/m/Y":
        return f"{d:02d}/{m:02d}/{y}"
    if style == "d/m/y":
        return f"{d:02d}/{m:02d}/{y % 100:02d}"
    if style == "d.m.Y":
        return f"{d:02d}.{m:02d}.{y}"
    if style == "d Month Y":
        return f"{d} {MONTHS[m - 1]} {y}"
    return f"{_ordinal(d)} {MONTHS[m - 1]} {y}"


def fmt_month(m, y, style):
    if style == "Month Y":
        return f"{MONTHS[m - 1]} {y}"
    if style == "End of Month Y":
        return f"End of {MONTHS[m - 1]} {y}"
    if style == "Mon-YY":
        return f"{MONTHS[m - 1][:3]}-{y % 100:02d}"
    return f"{MONTHS[m - 1][:3]} {y}"


def fmt_timescale(ts: Timescale | None, o, rng) -> str:
    if ts is None:
        return ""
    ds = o["date_style"] if o["date_style"] != "mixed" else rng.choice(
        ["d/m/Y", "d/m/y", "d Month Y", "dth Month Y"])
    ms = o["month_style"] if o["month_style"] != "mixed" else rng.choice(
        ["Month Y", "End of Month Y", "Mon-YY", "Mon Y"])
    k = ts.kind
    if k == "date":
        return fmt_day(ts.day.day, ts.day.month, ts.day.year, ds)
    if k == "invalid":
        return fmt_day(ts.day_num, ts.month, ts.year, ds)
    if k == "month":
        return fmt_month(ts.month, ts.year, ms)
    if k == "quarter":
        fy = f"{ts.year}/{(ts.year + 1) % 100:02d}"
        return f"Q{ts.quarter} {fy}" if o["quarter_style"].startswith("Q3") else f"Quarter {ts.quarter} {fy}"
    if k == "fy":
        return f"{ts.year}/{(ts.year + 1) % 100:02d}"
    if k in ("relative", "immediate", "ongoing"):
        return ts.phrase
    if k == "recurring":
        return f"{MONTHS[ts.month - 1]} {ts.year} {ts.phrase}"
    if k == "multi":
        return f"{MONTHS[ts.month - 1]} {ts.year} ({ts.phrase} {MONTHS[ts.second.month - 1]} {ts.second.year})"
    raise ValueError(k)


def fmt_lead(lead, style):
    """(written text, key text) for one lead."""
    p = lead.person
    if p is None:
        return lead.text, lead.text
    if style == "name":
        return p.name, p.name
    if style == "name_post":
        return f"{p.name} ({p.post})", p.name
    if style == "post":
        return p.post, p.post
    if style == "org_prefix":
        return f"{p.org}{': ' if len(p.org) > 3 or p.org in ('LA', 'ICB') else ' – '}{p.name}", p.name
    if style == "initials":
        return p.initials, p.name
    raise ValueError(style)


def fmt_rag(rag, o):
    """(written text, key rag) for a RAG in the layout's encoding; text '' for colour-only."""
    if rag is None:
        return "", None
    if rag == "blue" and not o["brag"]:
        rag = "green"
    st = o["rag_style"]
    if st in ("colour",):
        return "", rag
    if st == "letter":
        return rag[0].upper(), rag
    if st == "upper":
        return rag.upper(), rag
    return RAG_WORDS[rag], rag


# --------------------------------------------------------------------------- views


@dataclass
class View:
    section: str | None
    rec_no: int
    rec_text: str          # written recommendation (with its number when the layout numbers it)
    rec_plain: str         # the key's recommendation (number dropped)
    first_of_rec: bool
    first_of_section: bool
    ref: str               # "1.2"
    action_lines: list[str]  # first line = main text (with number prefix), then "• bullet" lines
    action_plain: str
    bullets: list[str]
    leads: list[str]       # written, one per lead
    lead_text: str         # written cell (joined with the layout's separator)
    key_leads: list[str]
    timescale: str
    due: str | None
    rag: str | None        # key rag after the layout's mapping (None = none written)
    rag_text: str
    progress: str
    progress_rag: str
    outcome: str
    evidence: str
    issues: list[str] = field(default_factory=list)

    def cell(self, col, bullet_char="• "):
        if col == "ref":
            return self.ref
        if col == "rec":
            return self.rec_text
        if col == "action":
            return "\n".join(self.action_lines)
        if col == "lead":
            return self.lead_text
        if col == "timescale":
            return self.timescale
        if col == "rag":
            return self.rag_text
        if col == "progress":
            return self.progress
        if col == "progress_rag":
            return self.progress_rag
        if col == "outcome":
            return self.outcome
        if col == "evidence":
            return self.evidence
        raise ValueError(col)


def rec_written(no, text, style):
    if style == "dot":
        return f"{no}. {text}"
    if style == "paren":
        return f"{no}) {text}"
    return text


def section_written(name, o):
    return name.upper() if o.get("section_case") == "upper" else name


def prepare(plan: Plan, o) -> list[View]:
    rng = random.Random(o["seed"])
    views, last_sec, last_rec = [], None, None
    for sec, rec, act in plan.actions():
        i = rec.actions.index(act)
        ref = f"{rec.number}.{i + 1}"
        prefix = {"prefix": f"{ref} ", "prefix_dot": f"{ref}. ", "letter": f"{'abcd'[i]}) ",
                  "none": ""}[o["action_num"]]
        lines = [prefix + act.text] + [f"• {b}" for b in act.bullets]
        written = [fmt_lead(l, o["lead_style"]) for l in act.leads]
        sep = o["lead_sep"]
        if sep.strip() and any(sep.strip() in w.replace(".", " ").split() or sep.strip() in w
                               for w, _ in written):
            sep = "; " if not any(";" in w for w, _ in written) else "\n"
        ts = fmt_timescale(act.timescale, o, rng)
        rag_text, rag = fmt_rag(act.rag, o)
        if "progress_rag" in o["columns"]:
            word = rag_text or (RAG_WORDS[rag] if rag else "")
            if rag and o["rag_style"] == "letter":
                word = RAG_WORDS[rag]
            pr = f"{word}{rng.choice([' – ', ': ', '. '])}{act.progress}" if word and act.progress else (
                word or act.progress)
        else:
            pr = ""
        issues = []
        if not act.leads:
            issues.append("missing_lead")
        if act.timescale is None:
            issues.append("missing_timescale")
        elif act.timescale.kind == "invalid":
            issues.append("invalid_date")
        views.append(View(
            section=section_written(sec.name, o), rec_no=rec.number,
            rec_text=rec_written(rec.number, rec.text, o["rec_num"]), rec_plain=rec.text,
            first_of_rec=rec is not last_rec, first_of_section=sec is not last_sec, ref=ref,
            action_lines=lines, action_plain="\n".join([act.text] + [f"• {b}" for b in act.bullets]),
            bullets=act.bullets, leads=[w for w, _ in written], lead_text=sep.join(w for w, _ in written),
            key_leads=[k for _, k in written], timescale=ts,
            due=act.timescale.due if act.timescale else None, rag=rag, rag_text=rag_text,
            progress=act.progress, progress_rag=pr, outcome=act.outcome, evidence=act.evidence,
            issues=issues))
        last_sec, last_rec = sec, rec
    return views


def glossary(views, plan, o):
    """The initials key listed below an initials-style table: [(initials, name)] in first-use order."""
    if o["lead_style"] != "initials":
        return []
    seen = {}
    for _, _, a in plan.actions():
        for l in a.leads:
            if l.person and l.person.initials not in seen:
                seen[l.person.initials] = l.person.name
    return list(seen.items())


def key_items(views, o, *, sections=True, recs=True):
    """KEYS.md items for what the layout wrote."""
    has_rag = "rag" in o["columns"] or "progress_rag" in o["columns"]
    items = []
    for v in views:
        it = {"action": v.action_plain}
        if recs:
            it["recommendation"] = v.rec_plain
        if sections and v.section:
            it["section"] = v.section
        it["leads"] = v.key_leads
        if v.timescale:
            it["timescale"] = v.timescale
        if v.due:
            it["due"] = v.due
        if has_rag and v.rag:
            it["rag"] = v.rag
        it["issues"] = list(v.issues)
        items.append(it)
    return items


def header_lines(plan: Plan, rng_or_style=0):
    """Title block paragraphs above the table."""
    out = [plan.title]
    if plan.inspected:
        out.append(f"Inspection date: {fmt_day(plan.inspected.day, plan.inspected.month, plan.inspected.year, 'dth Month Y')}")
    if plan.as_of:
        out.append(f"Progress as at {fmt_day(plan.as_of.day, plan.as_of.month, plan.as_of.year, 'dth Month Y')}")
    return out


def describe(o):
    """One-line summary of the choices, for the key's notes."""
    return (f"columns={o['columns']}; headings={[o['headings'][c] for c in o['columns']]}; "
            f"rag={o['rag_style']}{' (BRAG)' if o['brag'] else ''}; dates={o['date_style']}/{o['month_style']}; "
            f"leads={o['lead_style']} sep={o['lead_sep']!r}; action numbers={o['action_num']}; "
            f"rec numbers={o['rec_num']}")
