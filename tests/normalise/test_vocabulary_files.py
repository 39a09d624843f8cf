"""Every shipped vocabulary file (headings.toml, leads.toml, status.toml, timescales.toml)
is extended the same way: a user's file of the same shape, named by a setting (the CLI's
--headings / --leads / --status / --timescales), adds words that change the result; a
malformed file is a one-line error naming it."""

from datetime import date
from pathlib import Path

import pytest

from actionplan.normalise.leads import parse_leads
from actionplan.normalise.settings import Settings
from actionplan.normalise.status import parse_status
from actionplan.normalise.timescales import parse_timescale

ANCHOR = date(2013, 1, 1)


def _people(raw: str, settings: Settings):
    return [(lead.name, lead.role, lead.organisation) for lead in parse_leads(raw, settings.vocabulary())]


# (setting, the user's file, what is read, without the file, with it)
OVERLAYS = [
    # headings.toml: a plan's own name for a column
    ("headings_file", '[synonyms]\ntimescale = ["go live"]\n',
     lambda s: s.headings().match("Go-live"), None, "timescale"),
    # leads.toml: a team acronym, a post noun, a name particle
    ("leads_file", 'acronyms = ["CSLT"]\n',
     lambda s: _people("Jane Bell CSLT", s), [("Jane Bell", None, "CSLT")], [("Jane Bell", None, None), (None, "CSLT", None)]),
    ("leads_file", 'roles = ["caseworker"]\n',
     lambda s: _people("Ian Smith Caseworker", s), [("Ian Smith Caseworker", None, None)], [(None, "Ian Smith Caseworker", None)]),
    ("leads_file", 'name_particles = ["ter"]\n',
     lambda s: _people("Ruud ter Horst", s), [(None, "Ruud ter Horst", None)], [("Ruud ter Horst", None, None)]),
    # status.toml: a rating word, a state phrase
    ("status_file", '[rag]\namber = ["orange"]\n',
     lambda s: parse_status("Orange", vocabulary=s.status_vocabulary()).rag, None, "amber"),
    ("status_file", '[states]\nnot_started = ["parked"]\n',
     lambda s: parse_status("Parked", vocabulary=s.status_vocabulary()).state, "unknown", "not_started"),
    # timescales.toml: a number phrase, an ongoing phrase
    ("timescales_file", '[numbers]\n"a few" = 3\n',
     lambda s: parse_timescale("Within a few weeks", ANCHOR, s.timescale_vocabulary()).due, None, date(2013, 1, 22)),
    ("timescales_file", '[tens]\nhundred = 100\n',
     lambda s: parse_timescale("Within hundred days", ANCHOR, s.timescale_vocabulary()).due, None, date(2013, 4, 11)),
    ("timescales_file", '[phrases]\nongoing = ["business as usual"]\n',
     lambda s: parse_timescale("Business as usual", ANCHOR, s.timescale_vocabulary()).kind, "unknown", "ongoing"),
]


@pytest.mark.parametrize("setting,text,read,shipped,extended", OVERLAYS)
def test_a_users_file_adds_words_that_change_the_result(tmp_path: Path, setting, text, read, shipped, extended):
    mine = tmp_path / "mine.toml"
    mine.write_text(text, encoding="utf-8")
    assert read(Settings()) == shipped
    assert read(Settings.from_files(**{setting: mine})) == extended


def test_a_users_file_keeps_the_shipped_words(tmp_path: Path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[numbers]\n"a few" = 3\n', encoding="utf-8")
    words = Settings.from_files(timescales_file=mine).timescale_vocabulary()
    assert parse_timescale("within six weeks", ANCHOR, words).due == date(2013, 2, 12)
    assert parse_timescale("Ongoing", ANCHOR, words).kind == "ongoing"


SETTINGS = ["headings_file", "leads_file", "status_file", "timescales_file"]
BROKEN = [
    ('roles = ["unclosed"\n', "not valid TOML"),
    ("\xff\xfe", "not UTF-8"),
]


@pytest.mark.parametrize("setting", SETTINGS)
@pytest.mark.parametrize("content,cause", BROKEN)
def test_a_malformed_file_is_one_line_naming_it(tmp_path: Path, setting, content, cause):
    broken = tmp_path / "broken.toml"
    broken.write_bytes(content.encode("latin-1"))
    with pytest.raises(ValueError) as raised:
        Settings.from_files(**{setting: broken})
    message = str(raised.value)
    assert str(broken) in message and cause in message and "\n" not in message


@pytest.mark.parametrize("setting,text,cause", [
    ("leads_file", 'roles = "caseworker"\n', "roles must be a list"),
    ("timescales_file", '[phrases]\nongoing = "as planned"\n', "phrases.ongoing must be a list"),
    ("timescales_file", 'numbers = ["a few"]\n', "numbers must be a table"),
    ("timescales_file", '[numbers]\n"a few" = "three"\n', "whole number"),
    ("status_file", '[states]\nfinished = ["done"]\n', "unknown state"),
])
def test_a_file_of_the_wrong_shape_is_one_line_naming_it(tmp_path: Path, setting, text, cause):
    wrong = tmp_path / "wrong.toml"
    wrong.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as raised:
        Settings.from_files(**{setting: wrong})
    message = str(raised.value)
    assert message.startswith(f"{wrong}: ") and cause in message and "\n" not in message
