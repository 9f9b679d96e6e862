"""Text helpers every gazetteer generator shares, so that all of them spell and fold alike.

`tidy` gives the spelling a row is written with; `fold` the key under which two strings count
as the same name (for claims, duplicates and curated lists). Standard library only.
"""

from __future__ import annotations

import unicodedata

# Typographic quotes, the no-break space and dashes written as their ASCII forms.
QUOTES_AND_DASHES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u00a0": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
})


def tidy(text: str) -> str:
    """Canonical spelling of a source string: NFC, straight quotes, single spaces."""
    text = unicodedata.normalize("NFC", text).translate(QUOTES_AND_DASHES)
    return " ".join(text.split())


def fold(text: str) -> str:
    """The key under which the matcher sees a string: no accents, no case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.translate(QUOTES_AND_DASHES))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def is_latin(text: str) -> bool:
    """Whether every letter of `text` is a Latin one."""
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in text)
