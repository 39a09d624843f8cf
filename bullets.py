"""List bullets, the one table: what every format writes a list item's bullet as, and the
characters and glyphs that start a bulleted line wherever one is read (cell HTML and
wrapped text in extract/, PDF words, Word numbering, list stubs in normalise/layout.py,
a report's bullet lists in normalise/report.py)."""

BULLET = "•"  # how every format writes a bullet, so a list reads the same from any format
# Private-use code points symbol fonts (Symbol, Wingdings) draw bullets with: PDFs give
# them as text.
SYMBOL_FONT_BULLETS = "\uf06e\uf0a7\uf0b7\uf0d8\uf076\uf0fc"
# Unmapped glyph ids LibreOffice's PDFs give for a symbol-font bullet.
GLYPH_ID_BULLETS = ("(cid:127)", "(cid:149)", "(cid:183)")
# Bullet shapes: bullet, middle dot, small square, white bullet, triangular bullet, black
# square, black medium square, black circle.
BULLET_SHAPES = "•·▪◦‣■◼●"
# Characters that start a list line as a bullet but are punctuation elsewhere: a bulleted
# line is one of these at the start of a line, followed by a space.
LIST_DASHES = "-–*"
BULLET_CHARS = BULLET_SHAPES + LIST_DASHES
