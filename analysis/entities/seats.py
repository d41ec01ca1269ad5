"""A legislator's seat glued to the name after it: "State Member for Lismore Janine Oakridge" (round 11).

spaCy may take the seat's place and the member's name for one person ("Lismore Janine Oakridge"); after a
seat title and "for" ("Member for", "MP for", "MLA for", "Senator for"), a leading place the article names
or the gazetteer knows is split off when a given name and a surname follow it.
"""
from __future__ import annotations

import re

from analysis.entities.names import GEO_WORDS, ORG_WORDS, known, name_key

__all__ = ["after_seat", "split_seat_holder"]

_SEAT_BEFORE = re.compile(r"\b(?:Member|MP|MLA|MHA|MPP|MSP|MS|TD|Senator|Representative|Deputy)s? for $")
_NOT_PERSON = ORG_WORDS | GEO_WORDS
_CAPITALISED = re.compile(r"[A-Z][\w'\u2019.-]*$")


def after_seat(text: str, start: int) -> bool:
    """Whether a seat title and "for" stand right before ``start`` ("State Member for " + "Lismore")."""
    return _SEAT_BEFORE.search(text, max(0, start - 24), start) is not None


def split_seat_holder(text: str, start: int, end: int, label: str,
                      places: set[str]) -> list[tuple[int, int, str]]:
    """A span (spaCy's PERSON or ORG) after a seat title and "for" split into the seat's place and the member: the first
    one or two words a place (``places``: folded names the article calls places, or a known place), two
    capitalised words or three after them, no organisation's or place's word ("Member for Lismore" + "Janine
    Oakridge"); else the span whole.
    """
    if label in ("GPE", "LOC") or not after_seat(text, start):
        return [(start, end, label)]
    words = list(re.finditer(r"\S+", text[start:end]))
    for n in range(1, min(3, len(words))):
        rest = [w.group() for w in words[n:]]
        head = text[start:start + words[n - 1].end()]
        if 2 <= len(rest) <= 3 and all(_CAPITALISED.match(w) and w.lower() not in _NOT_PERSON for w in rest) and (
                name_key(head) in places or ((entry := known(head)) is not None and entry.label in ("GPE", "LOC"))):
            return [(start, start + len(head), "GPE"), (start + words[n].start(), end, "PERSON")]
    return [(start, end, label)]
