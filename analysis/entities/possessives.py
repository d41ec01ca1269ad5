"""A span split at an inner possessive: "Azerbaijan’s Ministry of Energy" → "Azerbaijan", "Ministry of
Energy"; "Putin’s Astana" → "Putin", "Astana"; a person's before another name, "Varga’s Redwood Capital
Group" → "Varga", "Redwood Capital Group" (round 7); an outlet's person, "Kellnet’s Dora Vantreece" → "Kellnet",
"Dora Vantreece" (round 10); an institution named with a possessive stays whole
("St Oswin’s College London")."""
from __future__ import annotations

import re

from analysis.entities.lexicon import ordinary
from analysis.entities.names import GEO_WORDS, ORG_WORDS, is_title_word, known, name_key
from analysis.entities.repair import institution_end

__all__ = ["possessive_pieces"]

_POSSESSIVE_JOIN = re.compile(r"['\u2019]s\s+")
_PLURAL_JOIN = re.compile(r"(?<=[a-z]s)['\u2019]\s+")
#: Irregular plurals whose possessive opens a body's name ("People’s Party", "Children’s Fund"): no owner.
_COLLECTIVES = frozenset("people peoples women children men".split())


def possessive_pieces(text: str, start: int, end: int, label: str,
                      people: frozenset[str] | None = None, *,
                      alone: set[str] | frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """A span split at an inner possessive when one side is a known place or the
    right side an organisation ("Azerbaijan’s Ministry of Energy" → "Azerbaijan",
    "Ministry of Energy"; "Putin’s Astana" → "Putin", "Astana"), or when the left side is a person
    (``people``: folded full names and surnames of the article's people, or a full name in a span spaCy
    calls a person): "Varga’s Redwood Capital Group" → "Varga", "Redwood Capital Group"; ordinary words
    after a person, no organisation's, go ("Ada Quist’s Almanac" → "Ada Quist"), and so do ordinary words
    after any owner the article names alone (``alone``: folded names of its spans; round 9): "Kellnet’s
    Person of the Year" → "Kellnet"; before other names, such an owner is split off ("Commission’s
    Directorate-General for Trade" → "Commission", "Directorate-General for Trade"). Not in the headline
    (``people`` None), where a possessive often opens a work's title."""
    m = _POSSESSIVE_JOIN.search(text, start, end)
    if m is None and people is not None and (m := _PLURAL_JOIN.search(text, start, end)) is not None \
            and m.start() > start and m.end() < end:  # round 10: "Harbor News’ Washington", "… News’ Dora Vantreece"
        right, other = text[m.end():end], known(text[m.end():end])
        if (other is not None and other.label in ("GPE", "LOC")) or (other is None and _full_name(right)):
            return [(start, m.start(), "ORG" if label == "ORG" else ""),
                    (m.end(), end, other.label if other is not None else "PERSON")]
        return [(start, end, label)]  # "Citizens’ Alliance": the members' body
    if m is None or m.start() == start or m.end() >= end:
        return [(start, end, label)]
    left, right = text[start:m.start()], text[m.end():end]
    if left.split() and left.split()[-1].lower() in _COLLECTIVES:
        return [(start, end, label)]  # "European People’s Party", "Women’s Institute": the members' body
    entry, other = known(left), known(right)
    if people is not None and entry is None and other is None and name_key(left) in alone and right[:1].isupper():
        owner = (start, m.start(), "" if label == "PERSON" else label)
        if _ordinary_words(right):
            return [owner]  # "Kellnet’s Person": an award's
        if institution_end(text, start, end, set()) is None:
            return [owner, (m.end(), end, label)]  # "Commission’s Directorate-General for Trade"
    if people is not None and entry is None and right[:1].isupper() and _person_owner(left, label, people):
        if other is None and _ordinary_words(right):
            return [(start, m.start(), "PERSON")]  # "Almanac", "Salt and Iron": a work's title
        return [(start, m.start(), "PERSON"), (m.end(), end, other.label if other else "" if label == "PERSON"
                                                else label)]
    if people is not None and entry is None and other is None and _full_name(right) and left[:1].isupper():
        return [(start, m.start(), "ORG" if label == "ORG" else ""), (m.end(), end, "PERSON")]  # round 10:
        # an outlet's or a company's person, "Kellnet’s Dora Vantreece"
    if entry is None and other is None and right.split()[0].lower() not in ORG_WORDS:
        return [(start, end, label)]
    if entry is None and other is None and institution_end(text, start, end, set()) is not None:
        return [(start, end, "ORG")]  # "St Oswin’s College London", "Children’s Hospital"
    return [(start, m.start(), entry.label if entry else ""), (m.end(), end, other.label if other else label)]


def _person_owner(left: str, label: str, people: frozenset[str]) -> bool:
    """Whether the part of a span before an inner possessive is a person: a name or surname of the
    article's people, or a full name of two or three capitalised words in a span spaCy calls a person."""
    words = left.split()
    if not words or not all(w[:1].isupper() and not is_title_word(w) for w in words):
        return False
    return name_key(left) in people or (label == "PERSON" and 2 <= len(words) <= 3)


def _ordinary_words(words: str) -> bool:
    """Whether words are ordinary or lower-case and none an organisation's head word ("Almanac", "Person")."""
    return all(ordinary(w) and w.lower() not in ORG_WORDS or w.islower() for w in words.split())


def _full_name(words: str) -> bool:
    """Whether words are shaped like a person's full name: two or three capitalised words, no title, no
    organisation's or place's word, the last no ordinary word ("Dora Vantreece", not "Political Editor")."""
    parts = words.split()
    return (2 <= len(parts) <= 3 and all(w[:1].isupper() and w[1:].islower() and not is_title_word(w) for w in parts)
            and not any(name_key(w) in ORG_WORDS or name_key(w) in GEO_WORDS for w in parts)
            and not ordinary(parts[-1]) and known(words) is None)
