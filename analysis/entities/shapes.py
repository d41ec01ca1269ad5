"""Splitting spaCy's spans that hold more than one name.

- A place glued onto an organisation: "University of Reading in England" →
  "University of Reading" + "England" (:func:`split_locative`).
- Two places in one span: "Greenock to Aberdeen", "Enugu, Nigeria"; a list of places,
  "Salalah, Duqm and Sur" (:func:`split_joined_places`).
- A party or a company, a title and a name in one span: "Fianna Fáil TD Breda Furlong" →
  "Fianna Fáil" + "Breda Furlong", "Labour MP" + "Tessa Orlington" → "Labour"
  (:func:`split_title_inside`).
- Two names coordinated in one span, one written alone elsewhere: "Harlow Action Fund and Fairway" →
  "Harlow Action Fund" + "Fairway" (:func:`split_coordinated`).
- A place followed by another name: "Queensland Mackay" → "Queensland" + "Mackay"
  (:func:`split_place_prefix`).

Words around a name (descriptors, title phrases, businesses, captions) are in
:mod:`analysis.entities.descriptors`, teams in :mod:`analysis.entities.teams`, works and events in
:mod:`analysis.entities.works`, headlines in :mod:`analysis.entities.headlines`.
"""
from __future__ import annotations

import re

from analysis.entities.lexicon import common_noun, lexicon, ordinary
from analysis.entities.names import (
    ADMIN_WORDS,
    GENERIC_WORDS,
    GEO_WORDS,
    LEGAL_SUFFIXES,
    ORG_WORDS,
    THING_WORDS,
    is_title_head,
    is_title_word,
    known,
    name_key,
)

__all__ = ["MEMBER_TITLES", "NAME_WORDS", "split_locative", "split_joined_places", "split_title_inside",
           "split_place_prefix", "split_coordinated"]

#: Words that make or end a name of an organisation, place, thing (precomputed unions).
NAME_WORDS = ORG_WORDS | GEO_WORDS | THING_WORDS | GENERIC_WORDS | LEGAL_SUFFIXES
_LOCATIVE = re.compile(r"\s+(in|at)\s+|,\s+")


def _place(text: str) -> bool:
    entry = known(text)
    return entry is not None and entry.label in ("GPE", "LOC")


def split_locative(text: str, start: int, end: int, label: str,
                   names: set[str]) -> list[tuple[int, int, str]]:
    """An organisation span split where a place is glued onto it with "in", "at" or a
    comma ("University of Reading in England"): when the tail is a known place, or a
    capitalised name and the head is named on its own elsewhere in the article
    (``names``: folded mention texts). The tail gets the place's label (GPE when unknown).
    """
    if label not in ("ORG", "FAC") or known(text[start:end]) is not None:
        return [(start, end, label)]
    for m in _LOCATIVE.finditer(text, start, end):
        head, tail = text[start:m.start()], text[m.end():end]
        words = tail.split()
        if not words or not head or not head.split()[-1][:1].isupper():
            continue
        capital = all(w[:1].isupper() for w in words) and not any(w.lower() in ORG_WORDS for w in words)
        institution = (m.group(1) == "in" and len(head.split()) > 1  # "Universidad … del Comahue in Neuquén"
                       and any(w.lower() in ORG_WORDS for w in head.split())
                       and (len(words) > 1 or not common_noun(words[0])))
        if _place(tail) or (capital and (name_key(head) in names or institution)):
            entry = known(tail)
            tail_label = entry.label if entry else ("GPE" if m.group(1) != "at" else label)
            return [(start, m.start(), label), (m.end(), end, tail_label)]
    return [(start, end, label)]


_JOINED = re.compile(r" to |, ")
_PLACE_WORDS = GEO_WORDS | ADMIN_WORDS | frozenset("port fort mount saint san santa".split())


def split_joined_places(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """Two places in one span split: joined by "to" ("from Greenock to Aberdeen") when each side is
    capitalised names that are no ordinary words nor organisation or thing words, or by a comma
    ("Enugu, Nigeria") in a span spaCy calls a place when the tail is a known place written out
    (not "Ore."). Each side gets its known label, else GPE. A person's name after a comma is an
    appositive, not part of the name before it ("the Member for Condamine, Rhys Fairweather, whose").
    Two names joined by "and" after a preposition of place that spaCy calls a work are places ("out to
    Baldivis and Ellenbrook")."""
    surface = text[start:end]
    if label == "WORK_OF_ART" and surface.count(" and ") == 1 and known(surface) is None \
            and _PLACE_PREPOSITION.search(text[max(0, start - 9):start]):
        head, tail = surface.split(" and ")  # "moving out to Baldivis and Ellenbrook" (round 8b)
        if _list_item(head) and _list_item(tail) and _name_side(head) and _name_side(tail):
            cut = surface.index(" and ")
            return [(start, start + cut, _place_label(head)), (start + cut + 5, end, _place_label(tail))]
    if label not in ("GPE", "LOC", "ORG", "FAC", "") or known(surface) is not None:
        return [(start, end, label)]
    listed = _place_list(surface, label, text[max(0, start - 9):start])
    if listed is not None:
        return [(start + s, start + e, _place_label(surface[s:e])) for s, e in listed]
    for m in _JOINED.finditer(surface):
        head, tail = surface[:m.start()], surface[m.end():]
        if not head or not tail:
            continue
        if m.group() == ", " and _appositive_person(text, start + m.end(), end) and _name_side(head):
            place = known(head) is not None or re.search(r"\b(?:for|in|from)\s+$", text[max(0, start - 6):start])
            return [(start, start + m.start(), _place_label(head) if place else label),
                    (start + m.end(), end, "PERSON")]  # "Member for Condamine, Rhys Fairweather, whose"
        if m.group() == ", ":
            entry = known(tail)
            if label not in ("GPE", "LOC") or entry is None or entry.label not in ("GPE", "LOC") \
                    or "." in tail or len(tail) <= 3 or not _name_side(head):
                continue
        elif not (_name_side(head) and _name_side(tail)):
            continue
        return [(start, start + m.start(), _place_label(head)), (start + m.end(), end, _place_label(tail))]
    return [(start, end, label)]


_PLACE_PREPOSITION = re.compile(r"\b(?:to|in|from|via|between|across)\s+$")
_LIST_SEP = re.compile(r",? (?:and|or) |, ")


def _place_list(surface: str, label: str, before: str) -> list[tuple[int, int]] | None:
    """The items of a list of three places or more in one span spaCy calls a place ("Salalah, Duqm and
    Sur" → three places): items joined by commas and a last "and"/"or", capitalised names without
    an organisation's words, all but one of them a place's name by :func:`_name_side`; in a span spaCy
    calls a place, or an organisation after a preposition of place ("services to Salalah, Duqm and Sur")."""
    if label not in ("GPE", "LOC") and not (label in ("ORG", "") and _PLACE_PREPOSITION.search(before)):
        return None
    if ", " not in surface or not re.search(r",? (?:and|or) [^,]+$", surface):
        return None
    pieces, pos = [], 0
    for m in _LIST_SEP.finditer(surface):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(surface)))
    if len(pieces) < 3 or not all(_list_item(surface[s:e]) for s, e in pieces) \
            or sum(_name_side(surface[s:e]) for s, e in pieces) < len(pieces) - 1:
        return None
    return pieces


def _list_item(side: str) -> bool:
    """A capitalised name of one to three words, none a title nor an organisation's or thing's word (a
    word in a list between places may be an ordinary word too: "Sur")."""
    words = side.split()
    return 1 <= len(words) <= 3 and all(
        w[:1].isupper() and w.lower() not in NAME_WORDS and not is_title_word(w) for w in words)


#: Legislators' titles in capitals, written between a party and a name ("Labour MP", "Fianna Fáil TD").
MEMBER_TITLES = frozenset({"MP", "MEP", "MSP", "MLA", "MPP", "MHK", "TD", "MK", "MNA", "MHA"})


def split_title_inside(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """A span with a title inside, between the name of a party or a company and a person's name, is
    two names ("Fianna Fáil TD Breda Furlong" → "Fianna Fáil" + "Breda Furlong"; "Hallbrook CEO Jane
    Doe"); a span ending in a legislator's title right before a capitalised word loses the title
    ("Labour MP" + "Tessa Orlington" → "Labour"), as does one ending in any title before a name ("Tarvin
    Mayor" + "Ana Ruiz" → "Tarvin"). The head is one to four capitalised words, the last no
    title word ("Prime Minister Jane Doe" stays); the tail one to three capitalised words that are no
    titles nor words of organisation, place or thing names."""
    words = list(re.finditer(r"\S+", text[start:end]))
    n = len(words)
    if n < 2:
        return [(start, end, label)]
    for i in range(1, min(n, 5)):
        w = words[i].group()
        if not (w.strip(".") in MEMBER_TITLES or (is_title_head(w) and w[:1].isupper())):
            continue
        head = [x.group() for x in words[:i]]
        if any(is_title_word(h) or not h[:1].isupper() for h in head) or head[0].lower() in ("the", "a", "an"):
            return [(start, end, label)]
        head_end = start + words[i - 1].end()
        head_label = known(text[start:head_end]).label if known(text[start:head_end]) is not None else "ORG"
        if i == n - 1:
            after = text[end:end + 30].split()
            if after and after[0][:1].isupper() and not is_title_word(after[0]) and after[0].isalpha():
                return [(start, head_end, head_label)]  # "Labour MP" + "Tessa Orlington", "Guiuan Mayor" + …
            return [(start, end, label)]
        tail = [x.group() for x in words[i + 1:]]
        if len(tail) > 3 or not all(t[:1].isupper() and not is_title_word(t) and t.lower() not in NAME_WORDS
                                    and t.lower() not in _PLACE_WORDS for t in tail):
            return [(start, end, label)]
        return [(start, head_end, head_label), (start + words[i + 1].start(), end, "PERSON")]
    return [(start, end, label)]


_APPOSITIVE_END = re.compile(r",\s+(?:who|whose|a|an|the|his|her|\d)\b")


def _appositive_person(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, after a comma inside a span, is a person's full name set off as an
    appositive ("The Member for Condamine, Rhys Fairweather, whose …"): two or three capitalised words,
    none an ordinary word, a title or a word of an organisation, place or thing name, no known name, and
    then a comma and a relative pronoun, an article or an age, or its last word alone elsewhere."""
    words = text[start:end].split()
    if not 2 <= len(words) <= 3 or known(text[start:end]) is not None or not all(
            w[:1].isupper() and w[1:2].islower() and not ordinary(w) and w.lower() not in NAME_WORDS
            and w.lower() not in _PLACE_WORDS and not is_title_word(w) for w in words):
        return False
    if _APPOSITIVE_END.match(text, end):
        return True
    alone = re.compile(r"(?<![\w-])" + re.escape(words[-1]) + r"(?![\w-])")
    return any(not (start <= hit.start() < end) and text[max(0, hit.start() - 1 - len(words[-2])):hit.start() - 1]
               != words[-2] for hit in alone.finditer(text))


def _name_side(side: str) -> bool:
    """A place's name: a known place, or one to three capitalised words that are no ordinary words,
    no title and no organisation or thing words, but for place words ("Port Dunmore", "Lake Orrin")."""
    words = side.split()
    if not 1 <= len(words) <= 3:
        return False
    if _place(side):
        return True
    names = [w for w in words if w.lower() not in _PLACE_WORDS]
    return bool(names) and all(w[:1].isupper() for w in words) and all(
        not ordinary(w) and w.lower() not in NAME_WORDS and not is_title_word(w) for w in names)


def _place_label(side: str) -> str:
    entry = known(side)
    return entry.label if entry is not None and entry.label in ("GPE", "LOC") else "GPE"


def _place_and_people(surface: str) -> int | None:
    """Where a known place ends in a span that is that place and a known people or party ("Ohio Republican",
    "Texas Democratic"), or None."""
    head, _, tail = surface.rpartition(" ")
    entry = known(tail) if head else None
    return len(head) if entry is not None and entry.label == "NORP" and _place(head) else None


def split_place_prefix(text: str, start: int, end: int, label: str,
                       places: set[str], persons: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """A span split after a leading place when another name follows it ("Queensland
    Mackay" → "Queensland" + "Mackay"): the head a known place or a place named in
    the article (``places``: folded names), the tail capitalised names without
    organisation, place or generic words ("Oregon Department of Forestry", "Texas
    Instruments", "Manchester United" stay whole). Not for people ("Jordan Ellis"), nor when the
    tail is a person's name elsewhere (``persons``: folded names spaCy calls people; "Odessa Grant"
    where "Grant said")."""
    surface = text[start:end]
    if known(surface) is None and (party := _place_and_people(surface)) is not None:
        return [(start, start + party, "GPE"), (start + party + 1, end, "NORP")]  # "Tarvin Democratic" Governor
    if label == "PERSON" or known(surface) is not None:
        return [(start, end, label)]
    head_word, *tail_words = surface.split()
    if (len(tail_words) == 1 and name_key(tail_words[0]) in persons and known(tail_words[0]) is None
            and head_word.lower() not in GENERIC_WORDS):
        return [(start, end, "PERSON")]
    words = list(re.finditer(r"\S+", surface))
    for n in range(len(words) - 1, 0, -1):
        head, tail = surface[:words[n - 1].end()], surface[words[n].start():]
        tail_words = [w.group() for w in words[n:]]
        if not (_place(head) or name_key(head) in places) or (len(head) <= 3 and not head.isupper()):
            continue  # "La" of "La Rochelle" is no "LA"
        lower = [w.lower() for w in tail_words]
        if (all(w[:1].isupper() for w in tail_words) and known(tail) is None
                and not any(w in NAME_WORDS for w in lower)
                and not (len(tail_words) == 1 and tail_words[0].endswith("s"))
                and not any(lexicon().get(w) for w in lower)):
            entry = known(head)
            return [(start, start + len(head), entry.label if entry else "GPE"), (start + words[n].start(), end, "GPE")]
    return [(start, end, label)]


def split_coordinated(text: str, start: int, end: int, label: str, names: set[str],
                      people: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """A span of two names joined by "and" when the article writes one of them alone elsewhere (``names``:
    folded texts of its spans), a name of two words or more: "Harlow Action Fund and Fairway" → "Harlow
    Action Fund", "Fairway"; a side of ordinary words only goes ("… Fund and Correct", spaCy's cut of a
    name it missed; not "Fairway Trust"). Two surnames of the article's people (``people``: folded full
    names and surnames) are two people ("Quist and Brandt"). Known names stay whole ("Trinidad and Tobago")."""
    surface = text[start:end]
    if surface.count(" and ") != 1 or known(surface) is not None:
        return [(start, end, label)]
    cut = surface.index(" and ")
    head, tail = surface[:cut], surface[cut + 5:]
    sides = [(start, start + cut, head), (start + cut + 5, end, tail)]
    if all(" " not in side and side[:1].isupper() and name_key(side) in people for _, _, side in sides):
        return [(s, e, "PERSON") for s, e, _ in sides]  # "Quist and Brandt are moving up"
    if not tail[:1].isupper() or not any(len(side.split()) > 1 and name_key(side) in names for _, _, side in sides):
        return [(start, end, label)]
    return [(s, e, label) for s, e, side in sides
            if not all(ordinary(w) and w.lower() not in NAME_WORDS for w in side.split())]


