"""Shapes of the names (forms) of one article that decide what may join what when clustering
(:mod:`analysis.entities.cluster`): a place owning a longer name, a known organisation ending one, an
acronym of its own, a compound surname, a name with particles, a country or city opening a body's or a
newspaper's name, a name plus a known place, and the name a form is shown by."""
from __future__ import annotations

from collections import Counter

from analysis.entities.gazetteer import FINDABLE_KEYS
from analysis.entities.mention import Mention
from analysis.entities.names import (
    ADMIN_WORDS,
    COMMERCIAL_WORDS,
    LEGAL_SUFFIXES,
    ORG_WORDS,
    PARTICLES,
    known,
    name_key,
)
from analysis.entities.short_forms import fold

__all__ = ["AGENCY_HEADS", "OUTLET_WORDS", "owned_by_place", "known_tail", "own_acronym", "compound_surname",
           "particle_name", "country_words", "display_name", "known_spelling", "place_tail"]

#: Head words of a government agency's name, which the article may leave out ("the Treasury" of "the Treasury
#: Department").
AGENCY_HEADS = frozenset("bureau department agency administration service".split())
#: Head words of newspapers' names, which their readers call by the words after the city ("the Times").
OUTLET_WORDS = frozenset("""times post news herald journal tribune gazette globe chronicle courier telegraph
observer examiner inquirer star sun register dispatch bee independent guardian mirror express""".split())
_INSTITUTION_WORDS = ORG_WORDS - COMMERCIAL_WORDS


def owned_by_place(prefix: list[str], rest: list[str]) -> bool:
    """Whether a longer organisation name is a body of the place its first words name, so those words
    alone are the place, not its short form: a possessive after them ("Darling Downs Growers'
    Association") or a public body of a state or region ("Ondo State Police Command")."""
    if rest[0].endswith("'") or rest[0].endswith("'s"):
        return True
    return (prefix[-1] in ADMIN_WORDS or prefix[-1] in ("state", "city")) and any(
        w in _INSTITUTION_WORDS for w in rest)


def known_tail(surface: list[str]) -> bool:
    """Whether a name ends in a known organisation's or facility's name of two words or more ("Quist White
    House"), so it is no person's name though shaped like one."""
    for n in range(1, len(surface) - 1):
        entry = known(" ".join(surface[n:]))
        if entry is not None and entry.label in ("ORG", "FAC"):
            return True
    return False


def own_acronym(surface: list[str]) -> bool:
    """Whether the first word of a longer name is an acronym in capitals, a name of its own rather than that
    name's short form ("KBN" of "KBN Metro Weekly", "XLP" of "XLP Power Rankings"); not before one head word
    ("NBC" of "NBC News", "KLM" of "KLM Group"), a channel's number before it too ("WLXK" of "WLXK 27 News";
    round 11)."""
    word = surface[0]
    if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
        return False
    rest = [name_key(w) for w in surface[1:] if not w.isdigit()]
    return not (len(rest) == 1 and (rest[0] in ORG_WORDS or rest[0] in OUTLET_WORDS or rest[0] in AGENCY_HEADS
                                    or rest[0].strip(".") in LEGAL_SUFFIXES))


def compound_surname(short: str, full: str) -> bool:
    """Whether a two-word name is the compound surname of a longer one ("Quispe Mamani" of
    "Héctor Quispe Mamani", "Madeira Lopes" of "Ana Madeira Lopes"): its words end the longer name
    (folded keys), which has one or two given names before them."""
    a, b = short.split(), full.split()
    return len(a) == 2 and 3 <= len(b) <= 4 and b[-2:] == a


def particle_name(surface: str) -> bool:
    """Whether a name has the shape of a person's with particles ("Pieter de Vries", "Kamau wa Njoroge")."""
    words = surface.split()
    return (len(words) >= 3 and words[0][:1].isupper() and words[-1][:1].isupper()
            and all(w.islower() and w in PARTICLES for w in words[1:-1]))


def country_words(words: list[str], *, outlet: bool = False) -> int:
    """How many first words of a national body's name name its country ("U.S." of "U.S. Senate", "United
    States" of "United States Senate"), or of a newspaper's its place (``outlet``: "New York" of "New York
    Times"), before a capitalised rest; 0 if none."""
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        entry = known(head)
        if len(words) > n and words[n][:1].isupper() and entry is not None and entry.label == "GPE" \
                and (outlet or name_key(head) in FINDABLE_KEYS):
            return n
    return 0


def display_name(mentions: list[Mention]) -> str:
    """The name a form is shown by: its most frequent spelling, one not in capitals on a tie, and a
    dateline's capitals in title case ("CEDAR HOLLOW" → "Cedar Hollow")."""
    counts = Counter(m.text for m in mentions)
    best = max(counts, key=lambda s: (counts[s], not (s.isupper() and len(s) > 3)))
    if best.isupper() and any(m.origin == "dateline" for m in mentions):
        return best.title()
    return best


def known_spelling(canonical: str, surface: str) -> str:
    """A known name as the article spells it when that differs only by diacritics ("Gdańsk", "Bogotá"
    for the gazetteer's "Gdansk", "Bogota")."""
    if surface != canonical and not surface.isascii() and fold(surface) == canonical:
        return surface
    return canonical


def place_tail(words: list[str]) -> bool:
    """Whether a name is another name plus a known place ("BBC Scotland"): its first
    word is then no short form of it."""
    entry = known(" ".join(words[1:]))
    return entry is not None and entry.label in ("GPE", "LOC")
