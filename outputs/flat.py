"""An action as flat values, the way the spreadsheet outputs and the report show it:
leads as text, the item's issue codes beside it."""

from __future__ import annotations

from ..schema import ActionItem, ActionPlan, Lead


def lead_label(lead: Lead) -> str:
    """Who a lead is, in a word or two: the person, else the post, else the body (what the
    report's "actions per lead" counts and filters by)."""
    return lead.name or lead.role or lead.organisation or ""


def lead_text(lead: Lead) -> str:
    """A lead in full: "Sue Burns (LSCB Manager)", "Amir Khan (Named Nurse, Northgate NHS Trust)"."""
    about = ", ".join(filter(None, [lead.role, lead.organisation]))
    return " ".join(filter(None, [lead.name, f"({about})" if about else None]))


def leads_text(item: ActionItem) -> str:
    return "; ".join(lead_text(lead) for lead in item.leads)


def lead_labels(item: ActionItem) -> list[str]:
    """Each lead's label once, in order; a lead cell that gave no person, post or body
    counts as written, so an action with text in its lead cell is never 'no lead'."""
    labels = list(dict.fromkeys(filter(None, map(lead_label, item.leads))))
    return labels or ([item.lead_raw] if item.lead_raw else [])


def codes_by_item(plan: ActionPlan) -> dict[str, list[str]]:
    """Each item's issue codes, in the order the plan lists them."""
    codes: dict[str, list[str]] = {}
    for found in plan.issues:
        if found.item_id:
            codes.setdefault(found.item_id, []).append(found.code)
    return codes


def short_text(text: str | None, width: int) -> str:
    """``text`` on one line, at most ``width`` characters: cut at a word boundary with an
    ellipsis (a word longer than the width is cut inside, as nothing else fits)."""
    flat = " ".join((text or "").split())
    if len(flat) <= width:
        return flat
    cut = flat[:width - 1]
    if flat[width - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.–-") + "…"
