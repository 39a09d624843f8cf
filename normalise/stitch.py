"""Stitching: what one data row is, decided from the items read so far.

A table's rows reach the normaliser cut where the source cut them: a page break splits a
row in two, a merged cell leaves its text on the first row only, a conversion writes a
theme row into one column. ``decide`` looks at the state so far (the recommendation
being read, the last item) and the next row's cells and says what the row is:

- ``recommendation``: a row opening a numbered recommendation ("Recommendation 2: ...");
- ``section``: a theme row;
- ``item``: a new action (perhaps of a new recommendation);
- ``continuation``: more of the last item (the rest of a cell cut by a page break, a
  progress note on a row of its own, the actions of a recommendation row);
- ``dropped``: a row with no action and nothing to continue;

with the reason, and what else follows from it (a theme column changing, text carried
back to the item above). ``decide`` changes nothing; the row reader applies the decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .context import recommendation_marker
from .cues import looks_like_title, mid_sentence, reads_as_timescale, unfinished, unterminated
from .drafts import Draft, Recommendation
from .layout import Header
from .refs import starts_with_number
from .row_cells import RowCells

PROSE_FIELDS = ("recommendation", "action", "outcome", "progress", "monitoring", "status")
_LONGEST_THEME_WORDS = 20  # "Quality of assessment, planning and review" is 6; prose runs on
_LONGEST_THEME_IN_FIRST_CELL = 8  # words of a theme a conversion wrote into the recommendation column
# Of the recommendations seen, the share written with a number ("3. Improve ...") above
# which an unnumbered recommendation cell is the rest of the last one, not a new one.
_NUMBERED_SHARE = 0.8
_NUMBERED_MIN_SEEN = 2


@dataclass(frozen=True)
class Policy:
    """What the source tells the stitcher about its rows."""

    # An inspection report's tables each carry their own header; a one-column table of
    # one is a list whose every row is an item.
    own_headers_only: bool = False
    # Cells sit in their own columns (Word, HTML, spreadsheets), so a lone lead is the
    # rest of the lead above, never a theme written into the wrong column.
    cells_in_place: bool = False


@dataclass
class StitchState:
    """What the rows read so far leave for the next one."""

    recommendation: Recommendation | None = None  # the recommendation whose actions are being read
    last: Draft | None = None  # the item the next row may continue
    numbered_recommendations: int = 0  # recommendation texts that opened one, written with a number
    recommendations_seen: int = 0  # recommendation texts that opened one

    def restart(self) -> None:
        """Nothing read before continues (new text above, a theme, a new table)."""
        self.recommendation, self.last = None, None


@dataclass
class Decision:
    """What a row is, why, and what follows from it."""

    kind: str  # "recommendation" | "section" | "item" | "continuation" | "dropped"
    reason: str
    marker: tuple[str, str] | None = None  # kind "recommendation": its number and words
    section: str | None = None  # kind "section": the theme; else a theme its section column sets
    section_joined: bool = False  # that theme is the rest of the last item's, cut by a page break
    new_recommendation: bool = False  # the row opens a recommendation of its own
    counted_numbered: bool | None = None  # its recommendation text counts towards the numbered share
    last_was_theme: bool = False  # the last row, a lone heading with no actions, was a theme
    append_to_recommendation: bool = False  # its recommendation / report refs cells continue the current one
    carried: tuple[str, ...] = ()  # prose fields whose text finishes the last item's cells
    waiting_for_action: bool = False  # kind "item": a recommendation row whose actions come on the next rows
    fills_waiting: bool = False  # kind "continuation": the actions of a recommendation row
    fields: dict[str, str] = field(default_factory=dict)  # the row's fields, theme and recommendation cells taken out
    ref: str = ""
    recommendation: str = ""
    report_refs: str = ""


def decide(state: StitchState, cells: RowCells, header: Header, section: str | None, after_break: bool,
           policy: Policy) -> Decision:
    """What the row with ``cells`` is, read under ``header`` with the theme ``section`` in
    force; ``after_break``: a page break may have cut the row above in two."""
    lone = cells.lone_text
    marker = recommendation_marker(lone) if lone else None
    if marker and (cells.cell_count == 1 or not cells.by_field.get("action")):
        return Decision("recommendation", "a lone cell opening a numbered recommendation; its actions follow",
                        marker=marker)
    if _is_section(cells, header, after_break, policy):
        return Decision("section", "a short title alone on its row", section=lone)

    fields = dict(cells.by_field)
    decision = Decision("item", "", fields=fields)
    theme = fields.pop("section", "")
    decision.ref = ref = fields.pop("recommendation_ref", "")
    decision.recommendation = recommendation = fields.pop("recommendation", "")
    decision.report_refs = report_refs = fields.pop("report_refs", "")
    action = fields.get("action", "")
    last, current = state.last, state.recommendation
    # A row cut by a page break: no lead or date of its own (or only the rest of an
    # unfinished lead), and text that starts mid-sentence. It starts nothing new.
    split_tail = (
        after_break and last is not None
        and (not fields.get("lead") or unfinished(last.fields.get("lead")))
        and not reads_as_timescale(fields.get("timescale"))
        and any(mid_sentence(text) for text in (recommendation, *(fields.get(name, "") for name in PROSE_FIELDS)))
    )
    if theme and split_tail and last.section and theme != last.section:
        decision.section, decision.section_joined = f"{last.section} {theme}", True  # a theme cut in two
    elif theme and theme != section:
        decision.section, current = theme, None

    new = False
    if not (split_tail and not ref and last is not None):
        new, decision.counted_numbered = _opens_recommendation(state, current, ref, recommendation, header)
    if (not new and not split_tail and recommendation and not action and current is not None
            and recommendation != current.text and not any(fields.values()) and not cells.fill
            and not mid_sentence(recommendation) and not unterminated(current.text)):
        # A lone recommendation cell after a finished recommendation, not cut from it by a
        # page break and not reading on from it ("plans, and that ..."), is no continuation
        # but a new recommendation (or a theme written in that column, which
        # theme_in_first_cell then tells).
        new = True
    decision.new_recommendation = new
    if new and last is not None and theme_in_first_cell(last):
        decision.last_was_theme, last, current = True, None, None  # nothing before this row continues
    wrapped = after_break or mid_sentence(recommendation)
    # A merged cell's text repeated at the top of the next page is not more text.
    decision.append_to_recommendation = not new and bool(recommendation or report_refs) and current is not None

    if not action:
        if new:
            decision.reason, decision.waiting_for_action = "a recommendation row; its actions follow", True
        elif last is not None:
            decision.kind, decision.reason = "continuation", "no action of its own: more of the item above"
        else:
            decision.kind, decision.reason = "dropped", "no action and nothing to continue"
        return decision

    repeated_ref = bool(ref) and not new
    own_date = bool(fields.get("timescale")) and not repeated_ref
    if last is not None and not new and continues(action, last, wrapped, split_tail, own_date):
        decision.kind = "continuation"
        decision.reason = "cut by a page break" if split_tail else "its action reads on from the action above"
    elif last is not None and last.waiting_for_action and not new:
        decision.kind, decision.fills_waiting = "continuation", True
        decision.reason = "the first action of the recommendation row above"
    else:
        decision.reason = "opens a recommendation" if new else "a new action"
        if wrapped and last is not None:
            decision.carried = split_cells(last, fields)
    return decision


def _is_section(cells: RowCells, header: Header, after_break: bool, policy: Policy) -> bool:
    text = cells.lone_text
    if text is None or mid_sentence(text):
        return False
    if policy.own_headers_only and sum(1 for column in header.columns if column.heading) == 1:
        return False  # a one-column table (a report's "Areas for improvement"): each row is an item
    if cells.cell_count == 1 and header.width > 1:  # one cell spanning the row
        # ... a theme, unless it runs on like prose (a note, or OCR debris).
        return len(text.split()) <= _LONGEST_THEME_WORDS
    # A merged theme row's text lands in any column of a text conversion; a lone
    # short line under a date or notes heading is the tail of that cell instead,
    # and after a page break even a lone lead is the rest of the one above. Where
    # cells are in place (Word), a lone lead is the rest of the lead above.
    title_columns = {None, "section", "recommendation", "recommendation_ref", "action"}
    if not after_break and not policy.cells_in_place:
        title_columns.add("lead")
    return cells.lone_field in title_columns and looks_like_title(text, any_case=cells.emphasised)


def theme_in_first_cell(last: Draft) -> bool:
    """The last row held only a short unnumbered heading in the recommendation column
    and no action came under it before the next recommendation: a theme row that a
    CSV or text conversion wrote in the first cell (the merge across lost), not a
    recommendation without actions."""
    text = last.group.text or ""
    if not (last.waiting_for_action and not last.group.ref and not last.extra and not last.fields):
        return False
    return not (len(text.split()) > _LONGEST_THEME_IN_FIRST_CELL or text.rstrip().endswith((".", ";", ":", ","))
                or mid_sentence(text))


def _opens_recommendation(state: StitchState, current: Recommendation | None, ref: str, recommendation: str,
                          header: Header) -> tuple[bool, bool | None]:
    """Whether the row's number or recommendation cell opens a new recommendation, and
    (where its text is counted towards the plan's numbered share) whether it is numbered."""
    can_continue = state.last is not None and current is not None
    if ref:
        if can_continue and ref == current.ref:
            return False, None  # a repeated number: the same recommendation
        # "1.2" under "1.1" with no recommendation text of its own: a number column that
        # counts actions within recommendation 1, not a new recommendation.
        return not (can_continue and not recommendation and _same_parent(ref, current.ref)), None
    if not recommendation:
        return False, None
    numbered = starts_with_number(recommendation)
    if can_continue and not numbered:
        seen_numbered, seen = state.numbered_recommendations, state.recommendations_seen
        if mid_sentence(recommendation) or (seen >= _NUMBERED_MIN_SEEN and seen_numbered / seen >= _NUMBERED_SHARE):
            return False, None
        if "recommendation_ref" in header.fields:  # the number column is empty: same one
            return False, None
    return True, numbered


def _same_parent(ref: str, other: str | None) -> bool:
    """"1.2" and "1.1" (or "1") number actions of one recommendation."""
    parent = ref.rstrip(".").split(".")
    return bool(other) and len(parent) > 1 and parent[0] == other.rstrip(".").split(".")[0]


def continues(action: str, last: Draft, wrapped: bool, split_tail: bool, own_date: bool) -> bool:
    """Is this row's action the rest of the last item's action?

    ``wrapped``: the row follows a page break, or its recommendation cell goes
    on mid-sentence, so the row may be the second half of the one above.
    ``own_date``: the row has a timescale of its own (a new action, unless its
    action text itself starts mid-sentence).
    """
    if starts_with_number(action) or last.waiting_for_action:
        return False
    if split_tail:
        return True
    if own_date and not mid_sentence(action):
        return False
    return (wrapped or mid_sentence(action)) and unterminated(last.fields.get("action"))


def split_cells(last: Draft, fields: dict[str, str]) -> tuple[str, ...]:
    """A new row cut from the one above by a page break or a wrapped line: its prose
    cells (other than the action) that start mid-sentence finish the last item's."""
    return tuple(
        name for name in PROSE_FIELDS
        if name != "action" and fields.get(name) and mid_sentence(fields[name]) and unterminated(last.fields.get(name))
    )
