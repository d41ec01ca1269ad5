"""A word in a list of places is a place (round 8b): "Queens" in "Brooklyn, Queens and Staten Island" is
the borough, not the plural of a title; so is a royal title's plural called a place anywhere ("Queens")."""
from __future__ import annotations

from analysis.entities.mention import Mention

__all__ = ["listed_place", "royal_plural"]

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
