"""Cell fills -> RAG by hue, saturation and brightness, not by a list of shades."""

import pytest

from actionplan.normalise.colours import rag_from_fill

FILLS = [
    # red: pure, dark, Excel's "Bad" style, pale tints, web palettes
    ("FF0000", "red"), ("C00000", "red"), ("FF5050", "red"), ("FFC7CE", "red"), ("E6B8B7", "red"),
    ("D9534F", "red"),
    # amber: orange, amber, gold, yellow, Excel's "Neutral" style
    ("FFC000", "amber"), ("FFBF00", "amber"), ("F4B084", "amber"), ("F79646", "amber"), ("FFEB9C", "amber"),
    ("FFFF00", "amber"), ("FFD966", "amber"), ("F0AD4E", "amber"), ("FFA500", "amber"),
    # green: Word's standard greens, Excel's "Good" style, tints
    ("92D050", "green"), ("00B050", "green"), ("C6EFCE", "green"), ("C6E0B4", "green"), ("A9D08E", "green"),
    ("70AD47", "green"), ("00FF00", "green"), ("5CB85C", "green"),
    # blue: BRAG's complete
    ("00B0F0", "blue"), ("8DB4E2", "blue"), ("5B9BD5", "blue"), ("0070C0", "blue"), ("337AB7", "blue"),
    # forms of writing a colour
    ("#92d050", "green"), (" ffc000 ", "amber"),
]

NO_RATING = [
    # greys, white, black: header and banding shades
    "D9D9D9", "F2F2F2", "EDEDED", "BFBFBF", "FFFFFF", "000000",
    # pale tints used as decoration: light blue headers, cream, pale green banding
    "DEEBF7", "BDD7EE", "DBE5F1", "FFF2CC", "FCE4D6", "E2EFDA",
    # dark header colours: navy, dark blue, dark green
    "1F3864", "002060", "1F4E79", "375623",
    # hues that are no rating: purple, cyan, pink
    "7030A0", "00FFFF", "FF99CC",
    # not a colour
    "auto", "", None, "FFF", "GGGGGG",
]


@pytest.mark.parametrize("fill,rag", FILLS)
def test_fill_shades(fill, rag):
    assert rag_from_fill(fill) == rag


@pytest.mark.parametrize("fill", NO_RATING)
def test_fills_that_are_no_rating(fill):
    assert rag_from_fill(fill) is None
