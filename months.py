"""English month names, the one table: dates read from cells (normalise/dates.py), dated
headings (normalise/headings.py), a spreadsheet's date formats (extract/cell_format.py) and
the report's month labels (outputs/html.py). Not calendar.month_name, which follows the
locale: plans and the report are English whatever the machine's."""

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)  # "Jan" ... "Dec"
# a month's first three letters, lower case -> its number; and "sept", which plans write too
MONTH_NUMBERS = {**{short.lower(): number for number, short in enumerate(MONTH_ABBREVIATIONS, start=1)}, "sept": 9}
