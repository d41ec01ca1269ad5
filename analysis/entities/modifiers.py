"""A name used as a modifier before a capitalised head word (round 9): a person's before "Administration"
(spaCy glues "the Quist Administration" and calls it an organisation; the name is the person's mention, as in
"the Quist administration", and the head word names no body of its own), and a known country's or
organisation's before a facility's word ("U.S. Embassy", "the Tarvel Agency Annex": the facility is no name
counted, its owner is)."""
from __future__ import annotations

import re

from analysis.entities.names import known, name_key

__all__ = ["facility_owner", "modifier_end"]

_HEADS = frozenset({"Administration", "Administration’s", "Administration's"})
_FACILITIES = frozenset({"Embassy", "Consulate", "Annex", "Compound", "Embassy’s", "Consulate’s"})
_LAST = re.compile(r"\s+(\S+)$")


def modifier_end(text: str, start: int, end: int, people: frozenset[str]) -> int | None:
    """The end of the person's name when a span is a person of the article (``people``: folded full names
    and surnames) before "Administration" ("Quist Administration" → "Quist"); else None."""
    m = _LAST.search(text, start, end)
    if m is None or m.group(1) not in _HEADS:
        return None
    return m.start() if name_key(text[start:m.start()]) in people else None


def facility_owner(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(end, label) of a known country or organisation before a facility's word ending the span ("U.S." of
    "U.S. Embassy"); else None."""
    m = _LAST.search(text, start, end)
    if m is None or m.group(1) not in _FACILITIES:
        return None
    entry = known(text[start:m.start()])
    return (m.start(), entry.label) if entry is not None and entry.label in ("GPE", "ORG") else None
