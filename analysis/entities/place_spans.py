"""Place spans spaCy cut or glued (issue 15 round 11b), mended before :func:`analysis.entities.places.world_places`
runs:

- a village unit's word before a place's name is no part of it, as a title is none of a person's ("Barangay
  Masulog" → "Masulog"), nor is an Irish county's "Co" or a sentence's capitalised possessive before a place
  the lexicon knows ("Co Mayo", "Its Scotland organiser");
- a place and a person's full name that spaCy made one person after "for" are two mentions ("Member for
  Lismore Jan Hale");
- an agency's acronym before the region of its office and a role is the agency, and the region a place
  ("OCD Western Visayas spokesperson");
- a compass word hyphen-joined after a capitalised name is one district with it ("Amsterdam-Noord",
  "Oud-West"), and a mention of the name alone inside it goes.
"""
from __future__ import annotations

from dataclasses import replace

from analysis.entities.mention import Mention
from analysis.entities.places import NOT_PLACE_AFTER, OFFICE_ROLES, ambiguous, place_kind, word_after

__all__ = ["place_spans"]

#: Words for a village or ward before its name ("Barangay San Agustin", "Kampung Baru").
_VILLAGE_WORDS = frozenset("Barangay Brgy. Brgy Kampung Kelurahan Desa".split())
#: Words before a place's name that are no part of it when the lexicon knows the rest ("Co Mayo", "Its Scotland").
_BEFORE_PLACE = frozenset("Co Co. Its Their Our His Her".split())
#: Compass words that make a district of the name hyphen-joined before them ("Amsterdam-Noord", "Oud-West").
_COMPASS = frozenset("noord zuid oost west north south east nord sud süd ost ouest centrum zentrum mitte".split())


def place_spans(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with the place spans above mended (see the module docstring)."""
    return _districts(text, _village_words(text, mentions))


def _village_words(text: str, mentions: list[Mention]) -> list[Mention]:
    """A village unit's word before a place's name is no part of it, as a title is none of a person's
    ("Barangay Masulog" → "Masulog", a place whatever spaCy called the whole), nor is an Irish county's
    "Co" or a sentence's capitalised possessive before a place the lexicon knows ("Co Mayo", "Its Scotland
    organiser" → "Mayo", "Scotland"); a person's name after an electorate's ("Member for Lismore Jan Hale")
    is a person of its own, and an agency's acronym before the region of its office and a role is the
    agency ("DSWD Western Visayas regional director")."""
    out, places = [], {m.text for m in mentions if m.spacy_label in ("GPE", "LOC")}
    for m in mentions:
        split = None
        if m.spacy_label == "PERSON" and m.start >= 4 and text[m.start - 4:m.start] == "for ":
            split = _electorate(m, places)
        elif m.text[:2].isupper() and " " in m.text and m.start >= 0 and word_after(text, m.end) in OFFICE_ROLES:
            split = _regional_office(m, places)
        if split is not None:
            out += split
            continue
        head, _, rest = m.text.partition(" ")
        if rest[:1].isupper() and m.start >= 0 and (head in _VILLAGE_WORDS or (
                head in _BEFORE_PLACE and place_kind(rest) is not None)):  # "Castlebar, Co Mayo"
            m = replace(m, start=m.end - len(rest), text=rest, spacy_label="GPE", hint="GPE", context="GPE")
        out.append(m)
    return out


def _electorate(m: Mention, places: set[str]) -> list[Mention] | None:
    """A place (the lexicon's or the article's) and a person's full name that spaCy made one person after
    "for" ("Member for Lismore Jan Hale"), as two mentions; None when the words are not so."""
    words = m.text.split(" ")
    for k in (2, 1):
        place, rest = " ".join(words[:k]), words[k:]
        named = all(w[:1].isupper() and w.isalpha() and w.lower() not in NOT_PLACE_AFTER for w in rest)
        if 2 <= len(rest) <= 3 and named and place_kind(" ".join(rest)) is None \
                and (place in places or place_kind(place) is not None) and not ambiguous(place):
            cut = m.start + len(place)
            return [replace(m, end=cut, text=place, spacy_label="GPE", hint="GPE", context="GPE"),
                    replace(m, start=cut + 1, text=" ".join(rest))]
    return None


def _regional_office(m: Mention, places: set[str]) -> list[Mention] | None:
    """An agency's acronym and the region its office serves, before a role ("OCD Western Visayas
    spokesperson", "RFS Far South Coast district manager"), as the agency and the place; None otherwise
    ("NSW Farmers president")."""
    acronym, _, place = m.text.partition(" ")
    if not (2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper()):
        return None
    if place not in places and place_kind(place) is None:
        return None
    cut = m.start + len(acronym)
    return [replace(m, end=cut, text=acronym, spacy_label="ORG", hint="ORG", context=""),
            replace(m, start=cut + 1, text=place, spacy_label="GPE", hint="GPE", context="GPE")]


def _districts(text: str, mentions: list[Mention]) -> list[Mention]:
    """A compass word hyphen-joined after a capitalised name is one district with it ("Amsterdam-Noord",
    "Oud-West", "Berlin-Ost"): the compass word's mention grows over the name, and a mention of the name
    alone inside it goes."""
    grown: dict[int, Mention] = {}
    for i, m in enumerate(mentions):
        if m.start < 2 or m.text.lower() not in _COMPASS or text[m.start - 1] != "-":
            continue
        a = m.start - 1
        while a > 0 and (text[a - 1].isalpha() or text[a - 1] in "'\u2019"):
            a -= 1
        if (a == m.start - 1 or not text[a].isupper() or text[a:m.start - 1].lower() in _COMPASS
                or (a > 0 and not text[a - 1].isspace() and text[a - 1] not in "(\"\u201c")):
            continue
        grown[i] = replace(m, start=a, text=text[a:m.end], spacy_label=m.spacy_label or "GPE", hint="GPE",
                           context="GPE")
    if not grown:
        return mentions
    inside = {(g.start, g.end - len(mentions[i].text) - 1) for i, g in grown.items()}
    return [grown.get(i, m) for i, m in enumerate(mentions) if (m.start, m.end) not in inside]
