"""What a user can tell the normaliser, in one validated object.

    Settings.resolve(None)                          # the defaults
    Settings.resolve({"anchor_date": "2013-01-31"})
    Settings.from_files(glossary_file=Path("initials.toml"), headings_file=Path("mine.toml"))
    Settings.from_files(status_file=Path("rag.toml"), timescales_file=Path("numbers.toml"))
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
from . import headings, lead_vocabulary, status, timescales
from .headings import HeadingTable
from .lead_vocabulary import Vocabulary

# Every shipped vocabulary a user's file can extend, by the setting naming that file: the
# shipped file's loader takes the user's file as ``extra`` (toml_files.read_overlaid adds
# its words to the shipped ones). A new vocabulary file is one line here and one field.
_VOCABULARIES = {
    "headings_file": lambda extra: headings.load_table(headings.SYNONYMS_FILE, extra=extra),
    "leads_file": lambda extra: lead_vocabulary.load_vocabulary(lead_vocabulary.VOCABULARY_FILE, extra=extra),
    "status_file": lambda extra: status.load_vocabulary(status.VOCABULARY_FILE, extra=extra),
    "timescales_file": lambda extra: timescales.load_vocabulary(timescales.VOCABULARY_FILE, extra=extra),
}
_DEFAULTS = {
    "headings_file": headings.default_table, "leads_file": lead_vocabulary.default_vocabulary,
    "status_file": status.default_vocabulary, "timescales_file": timescales.default_vocabulary,
}


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
    status_file: Path | None = Field(
        None, description="TOML file of extra status vocabulary: rating words and letters, state phrases (as status.toml)."
    )
    timescales_file: Path | None = Field(
        None, description="TOML file of extra timescale vocabulary: number words, ongoing phrases (as timescales.toml)."
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
        leads_file: Path | None = None, ocr: str = "auto", ocr_dpi: int = 300, status_file: Path | None = None,
        timescales_file: Path | None = None,
    ) -> "Settings":
        """Settings from the CLI's options; a glossary is a TOML table of initials."""
        glossary = {}
        if glossary_file is not None:
            data = read_toml(glossary_file)
            glossary = {str(k): str(v) for k, v in data.get("glossary", data).items()}
        files = {"headings_file": headings_file, "leads_file": leads_file, "status_file": status_file,
                 "timescales_file": timescales_file}
        for setting, path in files.items():
            if path is not None:
                _overlaid(setting, Path(path))  # fail now, with the file named, if it does not load
        return cls(anchor_date=anchor_date, glossary=glossary, ocr=ocr, ocr_dpi=ocr_dpi, **files)

    def _vocabulary_of(self, setting: str):
        path = getattr(self, setting)
        return _overlaid(setting, Path(path)) if path else _DEFAULTS[setting]()

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
        return self._vocabulary_of("headings_file")

    def vocabulary(self) -> Vocabulary:
        """The lead vocabulary (leads.toml and the user's --leads file)."""
        return self._vocabulary_of("leads_file")

    def status_vocabulary(self) -> status.Vocabulary:
        return self._vocabulary_of("status_file")

    def timescale_vocabulary(self) -> timescales.Vocabulary:
        return self._vocabulary_of("timescales_file")


@lru_cache(maxsize=16)
def _overlaid(setting: str, path: Path):
    """A shipped vocabulary extended by the user's file; a file that does not load raises
    a ValueError whose one line names it (a bad word list too, not only bad TOML)."""
    try:
        return _VOCABULARIES[setting](path)
    except ValueError as error:
        message = str(error)
        raise ValueError(message if str(path) in message else f"{path}: {message}") from error
