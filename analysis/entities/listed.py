"""Names in lists.

- A word in a list of places is a place (round 8b): "Queens" in "Brooklyn, Queens and Staten Island" is
  the borough, not the plural of a title; so is a royal title's plural called a place anywhere ("Queens").
- One span over a list of names is the names ("Quist, Okafor, Brandt, Ilves" of a team line-up;
  "Garcia Quist, Tomas Brandt"): :func:`split_commas`; so is one over a fixture, a case or a choice ("Harwick
  Rovers v Kell City", "Quist v Kell County", "Harwick or Kell City"): :func:`split_versus`.
"""
from __future__ import annotations

import re

from analysis.entities.lexicon import ordinary
from analysis.entities.mention import Mention
from analysis.entities.names import LEGAL_SUFFIXES, PARTICLES, POST_NOMINALS

__all__ = ["listed_place", "royal_plural", "split_commas", "split_versus"]

_PART = re.compile(r"[^,]+")
_VERSUS = re.compile(r" (?:v|vs|vs\.|versus|or) ")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "md"} | {w.lower() for w in POST_NOMINALS}) | LEGAL_SUFFIXES

_LIST_GAPS = frozenset({", ", " and ", ", and ", " or ", ", or "})
_PLACES = frozenset({"GPE", "LOC"})
#: Plurals of royal titles that name places ("Queens", "Kings County"), rarely people in news copy.
_ROYAL_PLURALS = frozenset({"queens", "kings", "princes"})


def royal_plural(m: Mention) -> bool:
    """Whether a plural title spaCy (or a rule) calls a place is a royal one, a place's name ("Queens")."""
    return m.spacy_label in _PLACES and m.text.lower() in _ROYAL_PLURALS


def listed_place(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """Whether ``m``, which spaCy calls a place, stands in a list beside another place of the same
    paragraph (a comma, "and" or "or" between)."""
    if m.spacy_label not in _PLACES or m.start < 0:
        return False
    return any(o is not m and o.paragraph == m.paragraph and o.spacy_label in _PLACES and o.start >= 0
               and (text[o.end:m.start] in _LIST_GAPS or text[m.end:o.start] in _LIST_GAPS) for o in mentions)


def split_commas(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """A person or organisation span over names separated by commas, each of one to three capitalised
    words, as its names; a firm's list of partners ("Skidmore, Owings & Merrill"), a suffix ("Carr, Jr.")
    and a place with its region (another label) stay whole."""
    surface = text[start:end]
    if label not in ("PERSON", "ORG") or ", " not in surface or "&" in surface or " and " in surface:
        return [(start, end, label)]
    parts = [(start + m.start() + (len(m.group()) - len(m.group().lstrip())), start + m.end())
             for m in _PART.finditer(surface)]
    words = [text[s:e].split() for s, e in parts]
    if len(parts) < 2 or any(not 1 <= len(w) <= 3 for w in words) \
            or any(not (x[:1].isupper() or x in PARTICLES) for w in words for x in w) \
            or any(x.lower().strip(".") in _SUFFIXES for w in words for x in w) \
            or 3 * sum(all(ordinary(x) for x in w) for w in words) > len(words):  # "Housing, Local Government"
        return [(start, end, label)]
    return [(s, e, label) for s, e in parts]


def split_versus(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """A span over two names joined by "v", "vs" or "versus" (a fixture, a court case) or "or" ("Harwick or
    Kell City") as the two names, each capitalised; other spans whole."""
    m = _VERSUS.search(text, start, end)
    if m is None or not text[m.end():m.end() + 1].isupper() or not text[start:start + 1].isupper():
        return [(start, end, label)]
    return [(start, m.start(), label)] + split_versus(text, m.end(), end, label)
