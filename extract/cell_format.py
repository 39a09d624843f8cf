"""What a spreadsheet cell shows: its value under its number format, and its fill as RRGGBB.

A date cell holds a number; the user sees it through the cell's number format ("31/03/2014",
"Mar-14"), and that text is what a plan's timescale says, so it is rebuilt here from the
format's codes. Fills come as an RGB value, an index into the workbook's palette, or a theme
colour lightened or darkened by a tint: all three are resolved to the RRGGBB the user sees.
"""

from __future__ import annotations

import colorsys
import re
import xml.etree.ElementTree as ElementTree
from datetime import date, datetime, time, timedelta

from openpyxl.styles.colors import COLOR_INDEX

from ..months import MONTH_ABBREVIATIONS, MONTH_NAMES

# Excel shows its built-in short date (format 14, stored as "mm-dd-yy") and date-time (22)
# in the computer's regional format; the plans are English councils', so UK order.
_REGIONAL = {"mm-dd-yy": "dd/mm/yyyy", "m/d/yy h:mm": "dd/mm/yyyy hh:mm"}
_SYSTEM_LONG_DATE = "[$-f800]"  # "the computer's long date": UK form
_DATE_TOKEN = re.compile(
    r'"[^"]*"|\\.|\[[^\]]*\]|yyyy|yy|e|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am/pm|a/p|.', re.I
)
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def shown_text(value, number_format: str | None) -> str:
    """The text Excel shows for a cell's (cached) value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (datetime, date)):
        return format_date(value, number_format or "")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, (int, float)):
        return _format_number(value, number_format or "General")
    return str(value)


def format_date(value: date, number_format: str) -> str:
    code = number_format.split(";")[0]
    if code.lower().startswith(_SYSTEM_LONG_DATE):
        code = "d mmmm yyyy"
    code = _REGIONAL.get(code, code)
    if not re.search(r"[dmy]", re.sub(r'"[^"]*"|\[[^\]]*\]', "", code), re.I):
        code = "dd/mm/yyyy"  # a date cell under a number or text format: still a date
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    tokens = _DATE_TOKEN.findall(code)
    twelve_hour = any(token.lower() in ("am/pm", "a/p") for token in tokens)
    out = []
    for i, token in enumerate(tokens):
        out.append(_date_part(token, value, tokens, i, twelve_hour))
    return "".join(out).strip()


def _date_part(token: str, value: datetime, tokens: list[str], i: int, twelve_hour: bool) -> str:
    low = token.lower()
    if token.startswith('"'):
        return token[1:-1]
    if token.startswith("\\"):
        return token[1:]
    if token.startswith("["):
        return ""  # a locale, colour or condition
    if low in ("yyyy", "e"):
        return f"{value.year:04d}"
    if low == "yy":
        return f"{value.year % 100:02d}"
    if low in ("m", "mm") and _is_minutes(tokens, i):
        return f"{value.minute:02d}" if low == "mm" else str(value.minute)
    if low == "m":
        return str(value.month)
    if low == "mm":
        return f"{value.month:02d}"
    if low == "mmm":
        return MONTH_ABBREVIATIONS[value.month - 1]
    if low == "mmmm":
        return MONTH_NAMES[value.month - 1]
    if low == "mmmmm":
        return MONTH_NAMES[value.month - 1][0]
    if low == "d":
        return str(value.day)
    if low == "dd":
        return f"{value.day:02d}"
    if low == "ddd":
        return _DAYS[value.weekday()][:3]
    if low == "dddd":
        return _DAYS[value.weekday()]
    if low in ("h", "hh"):
        hour = (value.hour % 12 or 12) if twelve_hour else value.hour
        return f"{hour:02d}" if low == "hh" else str(hour)
    if low in ("s", "ss"):
        return f"{value.second:02d}" if low == "ss" else str(value.second)
    if low in ("am/pm", "a/p"):
        return ("AM" if value.hour < 12 else "PM") if low == "am/pm" else ("A" if value.hour < 12 else "P")
    return "" if token in ("_", "*") else token


def _is_minutes(tokens: list[str], i: int) -> bool:
    """"m" / "mm" straight after hours or before seconds are minutes, not months."""
    codes = [t.lower() for t in tokens if re.fullmatch(r"[a-z/]+", t, re.I)]
    position = sum(1 for t in tokens[:i] if re.fullmatch(r"[a-z/]+", t, re.I))
    before = codes[position - 1] if position > 0 else ""
    after = codes[position + 1] if position + 1 < len(codes) else ""
    return before in ("h", "hh") or after in ("s", "ss")


def _format_number(value: float, number_format: str) -> str:
    code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.', "", number_format.split(";")[0])
    decimals = len(code.split(".", 1)[1].rstrip("%").strip()) if "." in code else 0
    if "%" in code:
        return f"{value * 100:.{decimals}f}%"
    if code.lower() in ("general", "@", "") or not re.search(r"[0#?]", code):
        if float(value).is_integer():
            return str(int(value))
        return f"{value:.10g}"
    grouped = "," in code
    return f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"


# -- fills -------------------------------------------------------------------------

# Theme colour numbers count lt1, dk1, lt2, dk2 (light before dark), though the theme's
# XML lists dk1, lt1, dk2, lt2: Excel swaps the first two pairs.
_THEME_ORDER = ["lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6",
                "hlink", "folHlink"]
_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_NO_FILL = {"FFFFFF"}


def theme_colours(theme_xml: bytes | None) -> list[str]:
    """RRGGBB per theme colour number, from the workbook's theme part ([] if none)."""
    if not theme_xml:
        return []
    try:
        root = ElementTree.fromstring(theme_xml)
    except ElementTree.ParseError:
        return []
    scheme = root.find(f".//{_DRAWING}clrScheme")
    if scheme is None:
        return []
    colours = {}
    for slot in scheme:
        name = slot.tag.replace(_DRAWING, "")
        srgb, system = slot.find(f"{_DRAWING}srgbClr"), slot.find(f"{_DRAWING}sysClr")
        if srgb is not None:
            colours[name] = srgb.get("val", "").upper()
        elif system is not None:
            colours[name] = system.get("lastClr", "").upper()
    return [colours.get(name, "") for name in _THEME_ORDER]


def fill_colour(fill, theme: list[str], palette: list[str] | None = None) -> str | None:
    """A cell's solid fill as RRGGBB, or None where it has none (or white)."""
    if fill is None or getattr(fill, "fill_type", None) != "solid":
        return None
    return colour_rgb(fill.fgColor, theme, palette)


def colour_rgb(colour, theme: list[str], palette: list[str] | None = None) -> str | None:
    """An openpyxl Color (RGB, palette index or theme colour with a tint) as RRGGBB, or None
    where it names no colour (or white)."""
    kind = getattr(colour, "type", None)
    value = None
    if kind == "rgb" and isinstance(colour.rgb, str):
        value = colour.rgb[-6:].upper()
    elif kind == "indexed":
        colours = palette or COLOR_INDEX
        # 64 and 65 are the window's text and background colours: no fill of the user's.
        value = colours[colour.indexed][-6:].upper() if 0 <= colour.indexed < len(colours) else None
    elif kind == "theme" and 0 <= colour.theme < len(theme) and theme[colour.theme]:
        value = theme[colour.theme]
    if not value or not re.fullmatch(r"[0-9A-F]{6}", value):
        return None
    tint = getattr(colour, "tint", 0.0) or 0.0
    if tint:
        value = _tinted(value, tint)
    return None if value in _NO_FILL else value


def _tinted(rgb: str, tint: float) -> str:
    """Excel's tint: lightness moved towards white (tint > 0) or black (tint < 0)."""
    red, green, blue = (int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    lightness = lightness * (1 + tint) if tint < 0 else lightness * (1 - tint) + tint
    red, green, blue = colorsys.hls_to_rgb(hue, lightness, saturation)
    return "".join(f"{round(channel * 255):02X}" for channel in (red, green, blue))
