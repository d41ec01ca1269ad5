"""The matching key of a name, shared by the gazetteer and the name rules."""
from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["name_key", "QUOTES", "POSSESSIVE"]

#: Curly quotes, dashes and no-break spaces folded to their plain forms.
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"',
                        "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u00a0": " "})
#: A possessive ending: "Tokayev's", "Davis'".
POSSESSIVE = re.compile(r"(?:'s|'S|(?<=[sSzZ])')$")


@functools.lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """Matching key of a name: NFKC, straight quotes, no diacritics, lower case,
    dots after single letters dropped ("U.S." → "us"), no leading "the", one space."""
    s = unicodedata.normalize("NFKC", text).translate(QUOTES)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()
    s = re.sub(r"(?<![a-z])([a-z])\.", r"\1", s)
    s = POSSESSIVE.sub("", s.strip())
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)
