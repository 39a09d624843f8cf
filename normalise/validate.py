"""Checks on a plan's items, each problem a ``ValidationIssue`` with a stable code."""

from __future__ import annotations

from ..schema import ActionItem, ValidationIssue
from .leads import is_initials
from .rows import Draft
from .timescales import says_done

# code -> (severity, what it means); the README's table of codes is made from this.
CODES: dict[str, tuple[str, str]] = {
    "missing_lead": ("error", "the action names no lead"),
    "missing_timescale": ("error", "the action has no timescale (or the plan has no timescale column)"),
    "invalid_date": ("error", "the timescale is a date that does not exist, such as 31/02/2013"),
    "unparsed_timescale": ("warning", "the timescale has text but no date, period or known phrase"),
    "missing_action": ("warning", "a recommendation row with no action text; the recommendation stands in"),
    "skipped_table": ("warning", "a table with no action or recommendation column was not converted"),
    "dropped_row": ("warning", "a source row or text that became no part of any item"),
    "no_text_layer": ("error", "PDF pages that are only images (scanned): their content is not read without OCR"),
    "lead_initials_only": ("warning", "a lead given only as initials that no glossary resolves"),
    "unmapped_heading": ("warning", "a column heading that maps to no field; its text is kept in `extra`"),
}


def issue(code: str, message: str, item_id: str | None = None, field: str | None = None) -> ValidationIssue:
    return ValidationIssue(item_id=item_id, field=field, code=code, severity=CODES[code][0], message=message)


def text_layer_issues(pages: list[int]) -> list[ValidationIssue]:
    if not pages:
        return []
    listed = ", ".join(map(str, pages))
    return [issue(
        "no_text_layer",
        f"page{'s' if len(pages) > 1 else ''} {listed} ha{'ve' if len(pages) > 1 else 's'} no text layer "
        "(scanned images?): not converted; run OCR on the file first",
    )]


def validate(items: list[ActionItem], drafts: list[Draft], header_fields: set[str]) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    for item, draft in zip(items, drafts):
        where = f"item {item.id}" + (f" ({item.action_ref})" if item.action_ref else "")
        if not draft.fields.get("action", "").strip():
            issues.append(issue("missing_action", f"{where}: no action text; recommendation used", item.id, "action"))
        if not item.lead_raw:
            issues.append(issue("missing_lead", f"{where}: no lead named", item.id, "leads"))
        initials = [lead.name for lead in item.leads if is_initials(lead)]
        if initials:
            issues.append(issue(
                "lead_initials_only",
                f"{where}: lead {', '.join(initials)} given as initials only; add them to a glossary (--glossary)",
                item.id, "leads",
            ))
        timescale = item.timescale
        if timescale.kind == "missing":
            why = "no timescale given" if "timescale" in header_fields else "the plan has no timescale column"
            issues.append(issue("missing_timescale", f"{where}: {why}", item.id, "timescale"))
        elif timescale.kind == "invalid":
            issues.append(issue("invalid_date", f"{where}: {timescale.raw!r} is not a real date", item.id, "timescale"))
        elif timescale.kind == "unknown" and not says_done(timescale.raw):
            issues.append(issue(
                "unparsed_timescale", f"{where}: no date in timescale {timescale.raw!r}", item.id, "timescale"
            ))
    return issues
