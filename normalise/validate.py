"""Checks on a plan's items, each problem a ``ValidationIssue`` with a stable code."""

from __future__ import annotations

from datetime import date

from ..schema import ActionItem, ValidationIssue
from ..schema.codes import Finding, IssueCode, record
from .colours import rag_of_fills
from .drafts import Draft
from .glossary import is_initials
from .status import text_rag
from .timescales import says_done

# A cell whose OCR words average below this confidence (Tesseract's 0-100) is flagged.
LOW_OCR_CONFIDENCE = 70
_ISSUE_FIELDS = {"lead": "leads"}  # draft field -> the ActionItem field an issue names

def issue(
    code: IssueCode | str, message: str, item: ActionItem | None = None, field: str | None = None, value: str | None = None,
    *, page: int | None = None, table: int | None = None, row: int | None = None,
) -> ValidationIssue:
    """The one way a ValidationIssue is made: the code's severity from its record
    (schema/codes.py) and, for an item, where it came from."""
    if item is not None:
        page, table, row = item.source.page, item.source.table, item.source.row
    return ValidationIssue(
        item_id=item.id if item else None, field=field, code=code, severity=record(code).severity, message=message,
        page=page, table=table, row=row, value=value,
    )


def finding_issue(found: Finding) -> ValidationIssue:
    """A problem an extractor or the row reader recorded, as a plan-level issue."""
    return issue(found.code, found.message, value=found.value, page=found.page, table=found.table, row=found.row)


def text_layer_issues(pages: list[int], why: str | None = None) -> list[ValidationIssue]:
    """``why``: why the pages were not read by OCR, and how to have them read."""
    if not pages:
        return []
    listed = ", ".join(map(str, pages))
    return [issue(
        "no_text_layer",
        f"page{'s' if len(pages) > 1 else ''} {listed} ha{'ve' if len(pages) > 1 else 's'} no text layer "
        f"(scanned images?): not converted; {why or 'run OCR on the file first'}",
    )]


def mean_confidence(confidences: list[float]) -> float | None:
    return round(sum(confidences) / len(confidences), 1) if confidences else None


def _ocr_issues(item: ActionItem, draft: Draft, where: str):
    """Cells OCR read with a low mean word confidence: flagged for a person to check."""
    for name, confidences in draft.ocr.items():
        confidence = mean_confidence(confidences)
        if confidence is not None and confidence < LOW_OCR_CONFIDENCE:
            if name == "recommendation":
                value = draft.group.text
            elif name == "extra":
                value = " | ".join(draft.extra.values()) or None
            else:
                value = draft.fields.get(name) or (draft.section if name == "section" else None)
            yield issue("low_ocr_confidence", f"{where}: {name} read by OCR with mean word confidence "
                        f"{confidence:.0f} (below {LOW_OCR_CONFIDENCE}): check it against the scan",
                        item, _ISSUE_FIELDS.get(name, name), value)


def shape_issues(pages: list[int]) -> list[ValidationIssue]:
    if not pages:
        return []
    return [issue("too_many_shapes", f"page{'s' if len(pages) > 1 else ''} {', '.join(map(str, pages))}: more "
                  "lines and boxes than a plan draws; tables read from text alignment only, rulings ignored")]


def validate(
    items: list[ActionItem], drafts: list[Draft], header_fields: set[str], as_of: date | None = None,
    report: bool = False,
) -> list[ValidationIssue]:
    """``report``: the document is an inspection report. Its items are recommendations,
    not actions: no missing_action, and no missing_lead / missing_timescale where the
    report gives no responsible body / timescale for any of them (a report that has a
    Responsible body column and leaves a cell empty still gets missing_lead)."""
    issues: list[ValidationIssue] = []
    for item, draft in zip(items, drafts):
        where = f"item {item.id}" + (f" ({item.action_ref})" if item.action_ref else "")
        if not draft.fields.get("action", "").strip() and not report:
            issues.append(issue("missing_action", f"{where}: no action text; recommendation used", item, "action"))
        if report and "lead" not in header_fields:
            pass  # the report names no body for its recommendations
        elif not item.lead_raw:
            issues.append(issue("missing_lead", f"{where}: no lead named", item, "leads"))
        initials = [lead.name for lead in item.leads if is_initials(lead)]
        if initials:
            issues.append(issue(
                "lead_initials_only",
                f"{where}: lead {', '.join(initials)} given as initials only; add them to a glossary (--glossary)",
                item, "leads", item.lead_raw,
            ))
        if not (report and item.timescale.kind == "missing"):
            issues.extend(_timescale_issues(item, where, header_fields, as_of))
        issues.extend(_rag_conflict(item, draft, where))
        issues.extend(_ocr_issues(item, draft, where))
    issues.extend(_duplicate_refs(items))
    return issues


def _rag_conflict(item: ActionItem, draft: Draft, where: str):
    """The words say one rating, the cell's colour another: which is current is for a person
    to decide (the words win in `status`)."""
    words = text_rag(draft.fields.get("status") or draft.fields.get("progress"))
    colour = rag_of_fills(draft.fills)
    if words and colour and words[0] != colour:
        yield issue("rag_conflict", f"{where}: the status says {words[0]} ({words[1]!r}) but the cell is shaded "
                    f"{colour}", item, "status", item.status.raw)


def _timescale_issues(item: ActionItem, where: str, header_fields: set[str], as_of: date | None):
    timescale = item.timescale
    if timescale.kind == "missing":
        why = "no timescale given" if "timescale" in header_fields else "the plan has no timescale column"
        yield issue("missing_timescale", f"{where}: {why}", item, "timescale")
    elif timescale.kind == "invalid":
        yield issue("invalid_date", f"{where}: {timescale.raw!r} is not a real date", item, "timescale", timescale.raw)
    elif timescale.kind == "unknown" and not says_done(timescale.raw):
        yield issue("unparsed_timescale", f"{where}: no date in timescale {timescale.raw!r}", item, "timescale",
                    timescale.raw)
    done = item.status.state == "complete" or says_done(timescale.raw)
    if as_of and timescale.due and timescale.due < as_of and not done:
        yield issue("overdue", f"{where}: due {timescale.due.isoformat()}, not reported complete at "
                    f"{as_of.isoformat()}", item, "timescale", timescale.raw)


def _duplicate_refs(items: list[ActionItem]):
    seen: dict[tuple, ActionItem] = {}
    for item in items:
        if not item.action_ref:
            continue
        key = (item.section, item.recommendation_ref, item.action_ref)
        if key in seen:
            first = seen[key]
            yield issue("duplicate_ref", f"item {item.id}: action {item.action_ref} repeats item {first.id}'s number",
                        item, "action_ref", item.action_ref)
        else:
            seen[key] = item


def anchor_issues(items: list[ActionItem], anchor: date | None) -> list[ValidationIssue]:
    """One warning per plan whose relative timescales have no date to count from."""
    relative = [item for item in items if item.timescale.kind in ("relative", "immediate")]
    if anchor is not None or not relative:
        return []
    return [issue(
        "no_anchor_date",
        f"{len(relative)} timescale{'s are' if len(relative) > 1 else ' is'} relative or immediate "
        f"(e.g. {relative[0].timescale.raw!r}) but the plan states no inspection date: "
        "give one with --anchor-date YYYY-MM-DD to get their due dates",
    )]
