"""The one month table (months.py) that dates, headings, spreadsheet formats and the report share."""

import pytest

from actionplan.months import MONTH_ABBREVIATIONS, MONTH_NAMES, MONTH_NUMBERS


@pytest.mark.parametrize("written, number", [("jan", 1), ("may", 5), ("sep", 9), ("sept", 9), ("dec", 12)])
def test_a_months_short_name_gives_its_number(written, number):
    assert MONTH_NUMBERS[written] == number


def test_names_are_english_and_in_calendar_order():
    assert (MONTH_NAMES[0], MONTH_NAMES[8], MONTH_ABBREVIATIONS[11]) == ("January", "September", "Dec")
    assert len(MONTH_NAMES) == len(MONTH_ABBREVIATIONS) == 12 and len(MONTH_NUMBERS) == 13
