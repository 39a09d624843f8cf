"""What a user can tell the normaliser, in one validated object.

    Settings.resolve(None)                          # the defaults
    Settings.resolve({"anchor_date": "2013-01-31"})
    Settings.from_files(glossary_file=Path("initials.toml"), headings_file=Path("mine.toml"))
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..toml_files import read_toml
from .headings import HeadingTable, default_table, load_table
from .lead_vocabulary import VOCABULARY_FILE, Vocabulary, default_vocabulary, load_vocabulary


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    anchor_date: date | None = Field(
        None, description="Date relative timescales count from; overrides the inspection date found in the plan."
    )
    glossary: dict[str, str] = Field(
        default_factory=dict, description='Initials to people: {"SMcL": "Shaun McLurg (Head of Service)"}.'
    )
    headings_file: Path | None = Field(None, description="TOML file of extra heading synonyms (as headings.toml).")
    leads_file: Path | None = Field(
        None, description="TOML file of extra lead vocabulary: posts, bodies, team acronyms (as leads.toml)."
    )

    ocr: Literal["auto", "never", "always"] = Field(
        "auto", description="Which PDF pages to read by OCR: auto (pages with no text layer, or a garbage one), "
        "never, always (every page).",
    )
    ocr_dpi: int = Field(300, ge=72, le=600, description="Resolution scanned pages are rendered at for OCR.")

    @classmethod
    def resolve(cls, value: "Settings | dict | None") -> "Settings":
        if value is None:
            return cls()
        return value if isinstance(value, cls) else cls.model_validate(value)

    @classmethod
    def from_files(
        cls, anchor_date: date | None = None, glossary_file: Path | None = None, headings_file: Path | None = None,
        leads_file: Path | None = None, ocr: str = "auto", ocr_dpi: int = 300,
    ) -> "Settings":
        """Settings from the CLI's options; a glossary is a TOML table of initials."""
        glossary = {}
        if glossary_file is not None:
            data = read_toml(glossary_file)
            glossary = {str(k): str(v) for k, v in data.get("glossary", data).items()}
        if headings_file is not None:
            _headings(Path(headings_file))  # fail now, with the file named, if it does not parse
        if leads_file is not None:
            _vocabulary(Path(leads_file))
        return cls(anchor_date=anchor_date, glossary=glossary, headings_file=headings_file, leads_file=leads_file,
                   ocr=ocr, ocr_dpi=ocr_dpi)

    def digest(self) -> str:
        """SHA-256 over every setting, a file setting by its contents (an edited headings file
        changes the output as much as another file does): a re-run converts again when it differs.
        Every field counts, so an option added later is covered without touching this."""
        values = {}
        for name in sorted(type(self).model_fields):
            value = getattr(self, name)
            if isinstance(value, Path):
                value = {"file": hashlib.sha256(value.read_bytes()).hexdigest()}
            values[name] = value
        return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()

    def headings(self) -> HeadingTable:
        return _headings(self.headings_file) if self.headings_file else default_table()

    def vocabulary(self) -> Vocabulary:
        return _vocabulary(self.leads_file) if self.leads_file else default_vocabulary()


@lru_cache(maxsize=8)
def _headings(path: Path) -> HeadingTable:
    from .headings import SYNONYMS_FILE

    return load_table(SYNONYMS_FILE, extra=path)


@lru_cache(maxsize=8)
def _vocabulary(path: Path) -> Vocabulary:
    return load_vocabulary(VOCABULARY_FILE, extra=path)
