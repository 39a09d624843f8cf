"""An item as it is assembled from source rows, before it becomes an ActionItem."""

from __future__ import annotations

from dataclasses import dataclass, field

from .layout import Header


@dataclass
class Recommendation:
    """The recommendation a run of items answers (a vertically merged first column): every
    draft under it holds this one object, so the run is found by identity."""

    ref: str | None = None
    text: str | None = None
    report_refs: str | None = None


@dataclass
class Draft:
    """An item as it is being assembled from one or more source rows."""

    fields: dict[str, str]
    extra: dict[str, str]
    group: Recommendation  # the recommendation this item is an action of
    section: str | None
    table: int
    row: int
    page: int | None
    logical_table: int
    first_in_group: bool
    context_outcome: str | None = None
    fills: list[str] = field(default_factory=list)
    inherited: set[str] = field(default_factory=set)
    merged_from_above: set[str] = field(default_factory=set)
    waiting_for_action: bool = False  # a recommendation row whose actions come on the next row
    header: Header | None = None  # the header the item was read under
    listed: bool = False  # a recommendation an inspection report lists in its text (table 0)
    # Read by OCR: the confidence (0-100) of each word, by the field it went to.
    ocr: dict[str, list[float]] = field(default_factory=dict)

