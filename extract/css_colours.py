"""CSS colour values (``#f00``, ``#ff0000``, ``rgb(255 0 0)``, ``red``) as RRGGBB hex.

Web pages shade RAG cells with any of these forms; the normaliser reads fills as RRGGBB,
as Word writes them. The names are CSS Color Module Level 4's 148 named colours.
"""

from __future__ import annotations

import re

_NAMED = dict(pair.split(":") for pair in """
aliceblue:F0F8FF antiquewhite:FAEBD7 aqua:00FFFF aquamarine:7FFFD4 azure:F0FFFF beige:F5F5DC
bisque:FFE4C4 black:000000 blanchedalmond:FFEBCD blue:0000FF blueviolet:8A2BE2 brown:A52A2A
burlywood:DEB887 cadetblue:5F9EA0 chartreuse:7FFF00 chocolate:D2691E coral:FF7F50
cornflowerblue:6495ED cornsilk:FFF8DC crimson:DC143C cyan:00FFFF darkblue:00008B darkcyan:008B8B
darkgoldenrod:B8860B darkgray:A9A9A9 darkgreen:006400 darkgrey:A9A9A9 darkkhaki:BDB76B
darkmagenta:8B008B darkolivegreen:556B2F darkorange:FF8C00 darkorchid:9932CC darkred:8B0000
darksalmon:E9967A darkseagreen:8FBC8F darkslateblue:483D8B darkslategray:2F4F4F
darkslategrey:2F4F4F darkturquoise:00CED1 darkviolet:9400D3 deeppink:FF1493 deepskyblue:00BFFF
dimgray:696969 dimgrey:696969 dodgerblue:1E90FF firebrick:B22222 floralwhite:FFFAF0
forestgreen:228B22 fuchsia:FF00FF gainsboro:DCDCDC ghostwhite:F8F8FF gold:FFD700
goldenrod:DAA520 gray:808080 green:008000 greenyellow:ADFF2F grey:808080 honeydew:F0FFF0
hotpink:FF69B4 indianred:CD5C5C indigo:4B0082 ivory:FFFFF0 khaki:F0E68C lavender:E6E6FA
lavenderblush:FFF0F5 lawngreen:7CFC00 lemonchiffon:FFFACD lightblue:ADD8E6 lightcoral:F08080
lightcyan:E0FFFF lightgoldenrodyellow:FAFAD2 lightgray:D3D3D3 lightgreen:90EE90 lightgrey:D3D3D3
lightpink:FFB6C1 lightsalmon:FFA07A lightseagreen:20B2AA lightskyblue:87CEFA
lightslategray:778899 lightslategrey:778899 lightsteelblue:B0C4DE lightyellow:FFFFE0 lime:00FF00
limegreen:32CD32 linen:FAF0E6 magenta:FF00FF maroon:800000 mediumaquamarine:66CDAA
mediumblue:0000CD mediumorchid:BA55D3 mediumpurple:9370DB mediumseagreen:3CB371
mediumslateblue:7B68EE mediumspringgreen:00FA9A mediumturquoise:48D1CC mediumvioletred:C71585
midnightblue:191970 mintcream:F5FFFA mistyrose:FFE4E1 moccasin:FFE4B5 navajowhite:FFDEAD
navy:000080 oldlace:FDF5E6 olive:808000 olivedrab:6B8E23 orange:FFA500 orangered:FF4500
orchid:DA70D6 palegoldenrod:EEE8AA palegreen:98FB98 paleturquoise:AFEEEE palevioletred:DB7093
papayawhip:FFEFD5 peachpuff:FFDAB9 peru:CD853F pink:FFC0CB plum:DDA0DD powderblue:B0E0E6
purple:800080 rebeccapurple:663399 red:FF0000 rosybrown:BC8F8F royalblue:4169E1
saddlebrown:8B4513 salmon:FA8072 sandybrown:F4A460 seagreen:2E8B57 seashell:FFF5EE
sienna:A0522D silver:C0C0C0 skyblue:87CEEB slateblue:6A5ACD slategray:708090 slategrey:708090
snow:FFFAFA springgreen:00FF7F steelblue:4682B4 tan:D2B48C teal:008080 thistle:D8BFD8
tomato:FF6347 turquoise:40E0D0 violet:EE82EE wheat:F5DEB3 white:FFFFFF whitesmoke:F5F5F5
yellow:FFFF00 yellowgreen:9ACD32
""".split())
_HEX = re.compile(r"#([0-9a-f]{3,8})\b")
_RGB = re.compile(r"rgba?\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)\s*(?:[,/]\s*([\d.]+%?)\s*)?\)")
_WORD = re.compile(r"[a-z]+")
_NONE = {"transparent", "none", "inherit", "initial", "unset", "currentcolor"}


def _channel(value: str) -> int:
    number = float(value.rstrip("%"))
    if value.endswith("%"):
        number = number * 255 / 100
    return max(0, min(255, round(number)))


def _opaque(alpha: str | None) -> bool:
    """A fully transparent colour shades nothing (rgba(0,0,0,0) is how browsers say 'none')."""
    if alpha is None:
        return True
    number = float(alpha.rstrip("%"))
    return number > (0 if alpha.endswith("%") else 0.0)


def css_colour(value: str | None) -> str | None:
    """RRGGBB of the first colour in a CSS value ("#92d050", "rgb(146,208,80)", "orange",
    "url(x.png) #fc0 no-repeat"), or None where the value names no colour."""
    text = (value or "").strip().lower()
    if not text:
        return None
    hexed = _HEX.search(text)
    if hexed:
        digits = hexed.group(1)
        if len(digits) in (3, 4):  # #rgb / #rgba: each digit doubled
            if len(digits) == 4 and digits[3] == "0":
                return None
            return "".join(d * 2 for d in digits[:3]).upper()
        if len(digits) in (6, 8):
            if len(digits) == 8 and digits[6:] == "00":
                return None
            return digits[:6].upper()
        return None
    rgb = _RGB.search(text)
    if rgb:
        if not _opaque(rgb.group(4)):
            return None
        return "".join(f"{_channel(rgb.group(i)):02X}" for i in (1, 2, 3))
    for word in _WORD.findall(text):
        if word in _NONE:
            return None
        if word in _NAMED:
            return _NAMED[word]
    # A bare hex without '#' is what old bgcolor attributes sometimes hold ("bgcolor=FFC000").
    bare = re.fullmatch(r"[0-9a-f]{6}", text)
    return text.upper() if bare else None


# A rule of a <style> sheet: selectors { declarations }. Comments are dropped first.
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
# A selector that names one class, alone or on a table element: ".red", "td.rag-red", "tr.late".
_CLASS_SELECTOR = re.compile(r"(?:td|th|tr)?\.([-\w]+)")


def class_backgrounds(stylesheet: str) -> dict[str, str]:
    """{class: RRGGBB} for the stylesheet's rules that give one class a background colour.
    Pages written by a CMS colour RAG cells by class (``<td class="rag-red">``) rather than
    inline; descendant, id and pseudo-class selectors are not cell colours and are left out."""
    colours: dict[str, str] = {}
    for selectors, declarations in _RULE.findall(_COMMENT.sub("", stylesheet)):
        colour = None
        for declaration in declarations.split(";"):
            name, _, value = declaration.partition(":")
            if name.strip().lower() in ("background-color", "background"):
                colour = css_colour(value) or colour
        if colour is None:
            continue
        for selector in selectors.split(","):
            matched = _CLASS_SELECTOR.fullmatch(selector.strip().lower())
            if matched:
                colours[matched.group(1)] = colour
    return colours


def inline_class_backgrounds(root) -> None:
    """Write each table cell's or row's stylesheet background into its ``style`` attribute,
    after its own declarations (the reader takes the first colour, so an inline colour still
    wins, as in a browser), so the reader that looks at inline styles sees a class's colour."""
    colours = class_backgrounds("\n".join(style.text_content() for style in root.iter("style")))
    if not colours:
        return
    for element in root.iter("td", "th", "tr"):
        names = [name for name in (element.get("class") or "").lower().split() if name in colours]
        if names:  # of several classes the last listed is taken (specificity is equal; order unknown here)
            element.set("style", (element.get("style") or "") + f"; background-color: #{colours[names[-1]]}")
