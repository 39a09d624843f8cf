"""The page image OCR reads (extract/scan.py): the ink Tesseract left unread, the
montage it is shown again in, and how wide a word's strokes are (bold or not)."""

import pytest

np = pytest.importorskip("numpy")  # the OCR extra
from PIL import Image  # noqa: E402

from pathlib import Path  # noqa: E402

from actionplan.extract.scan import inked_rows, montage, prepare, stroke_width, unread_marks  # noqa: E402

DPI, LINE = 300, 36  # a 300 dpi page whose lines of text are 36 pixels high


def _page(*boxes):
    pixels = np.full((600, 800), 255, dtype=np.uint8)
    for x0, top, x1, bottom in boxes:
        pixels[top:bottom, x0:x1] = 0
    return Image.fromarray(pixels)


def test_only_letter_sized_ink_no_word_covers_is_a_mark():
    read = (50, 50, 300, 80)  # a word Tesseract read
    letter = (600, 52, 622, 78)  # a "G" alone in its cell, on the same line
    speck = (400, 300, 403, 303)  # JPEG noise
    picture = (100, 400, 400, 580)  # a logo or a signature: taller than two lines
    long_run = (420, 200, 780, 230)  # ten words' width of ink: not something Tesseract misses
    unread, marks = unread_marks(_page(read, letter, speck, picture, long_run), [read], LINE, DPI)
    assert marks == [letter]
    assert np.asarray(unread)[60, 100] == 255  # the words read are whitened in what marks are cut from


def test_two_lines_of_a_header_are_two_marks():
    """ "RAG" over "status": each line its own mark, so each is read on its own line."""
    upper, lower = (600, 50, 660, 76), (600, 90, 680, 114)
    _, marks = unread_marks(_page(upper, lower), [], LINE, DPI)
    assert marks == [upper, lower]


def test_montage_sets_each_mark_under_the_last_and_says_where():
    page = _page((600, 52, 622, 78), (100, 300, 160, 330))
    sheet, placed = montage(page, [(600, 52, 622, 78), (100, 300, 160, 330)], LINE)
    (x1, y1), box1 = placed[0]
    (x2, y2), box2 = placed[1]
    assert box1 == (600, 52, 622, 78) and box2 == (100, 300, 160, 330)
    assert y2 >= y1 + 26 + 4  # below the first mark, with white between
    pixels = np.asarray(sheet)
    assert (pixels[y1:y1 + 26, x1:x1 + 22] == 0).all() and (pixels[y2:y2 + 30, x2:x2 + 60] == 0).all()
    assert pixels.sum() == 255 * (pixels.size - 26 * 22 - 30 * 60)  # nothing but the marks


@pytest.mark.parametrize("stem", [3, 5])
def test_stroke_width_is_the_width_of_upright_strokes_not_of_bars(stem):
    ink = np.zeros((40, 200), dtype=bool)
    for x in range(10, 190, 12):  # upright stems, as in "m", "n", "l"
        ink[5:35, x:x + stem] = True
    ink[18:18 + stem, 10:190] = True  # one long bar across them, as an "e" or a "t" has
    assert stroke_width(ink, (0, 0, 200, 40)) == pytest.approx(stem)


def test_a_word_box_taller_than_its_ink_is_cut_to_the_ink():
    """Tesseract boxed "Corporate" 41 pixels high round 32 of ink: the line read as
    a larger size, set apart from the lines round it, and a lead cut in two."""
    ink = np.zeros((60, 100), dtype=bool)
    ink[14:46, 10:90] = True
    ink[5, 50] = True  # one speck in the box is no ink of the word
    assert inked_rows(ink, (5, 2, 95, 55)) == (14, 46)
    assert inked_rows(np.zeros((60, 100), dtype=bool), (5, 2, 95, 55)) == (2, 55)  # nothing inked: as boxed


def test_a_shaded_rows_edges_are_rules_where_its_thin_rule_scanned_too_light():
    """Rows of a plan ruled between its rows, with a theme row shaded light grey, cut
    from a 150 dpi scan (JPEG quality 55): the 0.5 pt rule along the shaded row's top
    scanned lighter than ink, so without the fill's edges the theme row ran into the
    row above it ("8.3 Workforce")."""
    picture = Image.open(Path(__file__).with_name("scans") / "shaded-theme-row.png")
    page = prepare(picture, 150)
    width = picture.width
    rules = sorted(s.top * 72 / 150 for s in page.segments if s.top == s.bottom and s.x1 - s.x0 > 0.8 * width)
    assert any(33 <= y <= 36 for y in rules)  # the shaded row's top
    assert any(49 <= y <= 53 for y in rules)  # and its bottom
    assert not any(38 <= y <= 47 for y in rules)  # nothing through the words inside it


def test_a_one_line_heading_rows_short_rules_are_found_where_they_meet_rules_at_both_ends():
    """A Word table's heading row of one line of small type, 10 pt between its rules,
    with a full-width theme row under it (so the column rules stop there): the 13 pt
    a free-standing upright rule needs left the heading row without columns, its
    headings read as one cell and the whole table skipped (seed 4 word-lists-lo and
    word-nested-lo scans: 0 items). A letter's stem as tall, clear of the rules, is no rule."""
    pixels = np.full((600, 800), 255, dtype=np.uint8)
    pixels[100:102, 50:750] = 0  # the heading row's top rule
    pixels[142:144, 50:750] = 0  # its bottom rule, 10 pt (42 px at 300 dpi) below
    for x in (50, 300, 520, 748):  # column rules between the two, and no further
        pixels[100:144, x:x + 2] = 0
    pixels[110:134, 400:403] = 0  # a stem of a letter ("l") inside a cell
    page = prepare(Image.fromarray(pixels), DPI)
    uprights = sorted(round(s.x0) for s in page.segments if s.x0 == s.x1)
    assert uprights == [50, 300, 520, 748]


@pytest.mark.parametrize("first, width", [
    (300, 6),  # a 1.5 pt rule at 300 dpi: its middle (302.5) falls between pixels
    (300, 5),  # a 1.2 pt rule: the middle on a pixel
    (301, 9),  # a 2.2 pt rule, still thin enough to be a line rather than a filled box
])
def test_a_rule_is_erased_across_its_whole_thickness(first, width):
    """A rule is whitened over all of its ink, not its middle plus a fixed two pixels: on
    a seed 4 scan (word-table-per-rec-lo) a column rule whose middle sat half a pixel
    off left a one-pixel sliver where it met a row's rule, and Tesseract read it as a
    dash before the cell's words ("- Immediately", a timescale lost)."""
    pixels = np.full((600, 800), 255, dtype=np.uint8)
    pixels[100:500, first:first + width] = 0  # an upright column rule
    pixels[200:200 + width, 50:750] = 0  # a row's rule crossing it
    pixels[250:280, 320:340] = 0  # a letter in the cell beside the column rule, clear of it
    page = prepare(Image.fromarray(pixels), DPI)
    left = np.asarray(page.grey) < 128
    assert not left[:, first - 4:first + width + 4].any()  # no sliver of either rule
    assert not left[190:200 + width + 10, :].any()
    assert left[250:280, 320:340].all()  # the letter is still there to read


def test_a_rule_with_a_dark_cell_hanging_from_it_is_erased_across_its_thickness():
    """A table's top rule with a dark-filled cell (a RAG cell binarised to ink) under part
    of it is one filled box to the opening; its outline along the top is the rule, 4 px
    thick. Erasing only the box's first row of pixels left three, which Tesseract read
    as dashes in the row's cells ("30 - September 2023", seed 4 word-shading-lo)."""
    pixels = np.full((600, 800), 255, dtype=np.uint8)
    pixels[100:104, 50:750] = 0  # the rule
    pixels[104:300, 600:700] = 0  # the dark cell under it
    pixels[120:150, 200:220] = 0  # a letter in the next cell, clear of both
    page = prepare(Image.fromarray(pixels), DPI)
    left = np.asarray(page.grey) < 128
    assert not left[90:110, 50:590].any()  # nothing of the rule beside the cell
    assert left[120:150, 200:220].all()
