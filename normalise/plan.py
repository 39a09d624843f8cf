"""Turn item drafts into schema ``ActionItem``s and the plan around them."""

from __future__ import annotations

from collections import defaultdict

from ..extract.base import Document
from ..schema import ActionItem, ActionPlan, SourceDocument, SourceLocation, Status
from .colours import rag_of_fills
from .drafts import Draft, Recommendation
from .glossary import resolve_initials
from .inspection import read_inspection, report_lines
from .lead_vocabulary import Vocabulary
from .leads import parse_leads
from .refs import report_refs, split_number
from .report import is_report, read_recommendations
from .rows import read_rows
from .settings import Settings
from .status import parse_status
from .timescales import parse_timescale
from .validate import anchor_issues, finding_issue, issue, mean_confidence, shape_issues, text_layer_issues, validate

# Where the source does not mark merged cells, a lead or timescale column counts as merged down over each recommendation's actions when the
# table shows the pattern a merged cell leaves: recommendations of several actions whose
# cell is written on the first action only. Two such recommendations make the pattern
# (one could be a real gap); in a table where later actions carry their own cells, an
# empty one is a gap (missing_lead), not a merge.
MERGED_PATTERN_GROUPS = 2


def build_plan(document: Document, sha256: str, settings: Settings | dict | None = None) -> ActionPlan:
    settings = Settings.resolve(settings)
    report = is_report(document)
    read = read_rows(document, settings.headings(), own_headers_only=report)
    context = read.context
    drafts = read.drafts or _listed_recommendations(document)
    _inherit_merged_cells(drafts)
    anchor = settings.anchor_date or context.anchor
    glossary = {**context.glossary, **settings.glossary}
    # The shipped and user vocabulary, plus the teams and boards this plan spells out.
    vocabulary = settings.vocabulary().with_acronyms(context.acronyms)
    words = (settings.status_vocabulary(), settings.timescale_vocabulary())
    items = [_item(draft, anchor, glossary, vocabulary, report, words) for draft in drafts]
    plan = ActionPlan(
        source=SourceDocument(
            path=str(document.path), format=document.format, sha256=sha256, pages=document.pages,
            page_strategies=document.page_strategies or None, ocr_pages=document.ocr_pages or None,
        ),
        title=document.title or context.title,
        as_of=context.as_of,
        anchor_date=anchor,
        items=items,
        rows=read.counts,
        columns=read.columns,
        document_kind="inspection_report" if report else "action_plan",
        inspection=read_inspection(report_lines(document)) if report else None,
    )
    plan.issues = (
        text_layer_issues(document.pages_without_text, document.ocr_note)
        + shape_issues(document.pages_too_busy)
        + [finding_issue(note) for note in document.notes]
        + _outcome_issues(plan, report, document)
        + [finding_issue(found) for found in read.findings]
        + validate(plan.items, drafts, read.header_fields, plan.as_of, report=report)
        + anchor_issues(plan.items, plan.anchor_date)
    )
    return plan


def _listed_recommendations(document: Document) -> list[Draft]:
    """Where no table gave items: the recommendations the document lists in its text
    (an inspection report's numbered or bulleted points), as drafts of table 0."""
    drafts = []
    for number, found in enumerate(read_recommendations(document.blocks), start=1):
        fields = {"action": found.text}
        if found.timescale:
            fields["timescale"] = found.timescale
        drafts.append(Draft(
            fields=fields, extra={}, group=Recommendation(), section=found.section, table=0, row=number,
            page=found.page, logical_table=0, first_in_group=True, listed=True,
        ))
    return drafts


def _outcome_issues(plan: ActionPlan, report: bool, document: Document) -> list:
    """What kind of document this was read as, where a user needs telling: an
    inspection report (its recommendations are the items), or a document in which no
    action table and no recommendations were found (zero items, never invented ones)."""
    if not plan.items:
        if document.pages_without_text and len(document.pages_without_text) == (document.pages or 0):
            return []  # no_text_layer says why
        what = "an inspection report with no recommendations found" if report else "no action table"
        return [issue("no_items", f"no items: {what} (no table with an action or recommendation column, "
                                  "and no list under a recommendations heading)")]
    if report:
        return [issue("inspection_report", f"read as an inspection report: the {len(plan.items)} items are its "
                                           "recommendations; leads and timescales are given only where the report "
                                           "states them")]
    return []


def _inherit_merged_cells(drafts: list[Draft]) -> None:
    """Give empty lead / timescale cells the value above them where the cell was merged:
    marked so by the source (Word's vMerge), or where the table shows the merged-cell
    pattern (text and PDF conversions lose the marks; Word authors leave cells blank)."""
    by_table: dict[int, list[Draft]] = defaultdict(list)
    for draft in drafts:
        by_table[draft.logical_table].append(draft)
    for table_drafts in by_table.values():
        runs = _recommendation_runs(table_drafts)
        for name in ("lead", "timescale"):
            pattern = sum(
                1 for run in runs
                if len(run) >= 2 and run[0].fields.get(name) and not any(d.fields.get(name) for d in run[1:])
            )
            merged_column = pattern >= MERGED_PATTERN_GROUPS
            for run in runs:
                for previous, draft in zip(run, run[1:]):
                    merged = merged_column or name in draft.merged_from_above
                    if not draft.fields.get(name) and merged and previous.fields.get(name):
                        draft.fields[name] = previous.fields[name]
                        draft.inherited.add(name)


def _recommendation_runs(drafts: list[Draft]) -> list[list[Draft]]:
    """Runs of drafts under one recommendation, in order."""
    runs: list[list[Draft]] = []
    for draft in drafts:
        if runs and runs[-1][-1].group is draft.group:
            runs[-1].append(draft)
        else:
            runs.append([draft])
    return runs


def _item(draft: Draft, anchor, glossary: dict[str, str], vocabulary: Vocabulary, report: bool = False,
          words: tuple | None = None) -> ActionItem:
    fields = draft.fields
    action_ref, action = split_number(fields.get("action") or "")
    action_ref = (fields.get("action_ref") or "").strip() or action_ref  # an "Action no" column, where there is one
    recommendation = draft.group.text
    if not action.strip():
        action = draft.group.text or draft.group.ref or "(no action text)"
        if report:  # a report's recommendation is the item's action, not a recommendation above it
            recommendation = None
    lead_raw = fields.get("lead")
    status_text = fields.get("status") or fields.get("progress")
    status_words, timescale_words = words or (None, None)  # the status and timescale vocabularies
    status = parse_status(status_text, rag_of_fills(draft.fills), vocabulary=status_words,
                          commentary=not fields.get("status"))
    return ActionItem(
        id=f"list-{draft.row}" if draft.listed else f"t{draft.table}-r{draft.row}",
        section=draft.section,
        recommendation_ref=draft.group.ref,
        recommendation=recommendation,
        action_ref=action_ref,
        action=action.strip(),
        outcome=fields.get("outcome") or draft.context_outcome,
        leads=resolve_initials(parse_leads(lead_raw, vocabulary), glossary, vocabulary),
        lead_raw=lead_raw,
        timescale=parse_timescale(fields.get("timescale"), anchor, timescale_words),
        status=status if status_text or draft.fills else Status(),
        progress=fields.get("progress"),
        monitoring=fields.get("monitoring"),
        report_refs=report_refs(draft.group.report_refs),
        extra=draft.extra,
        inherited=sorted(draft.inherited),
        source=SourceLocation(page=draft.page, table=draft.table, row=draft.row),
        ocr_confidence=mean_confidence([c for confidences in draft.ocr.values() for c in confidences]),
    )
