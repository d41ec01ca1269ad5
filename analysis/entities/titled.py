"""A person's name behind role words in a span spaCy calls an organisation (round 9): "Superintendent
Ada Quist", "Ranking Democrat Ada B. Quist", "Liberals Ada Quist", "Presidents Quist" (and …). The role
words are titles, party members or their plurals; the name is a person's when its first word
is a common given name or its surname a name of the article (a one-word name: a person's)."""
from __future__ import annotations

import re

from analysis.entities.lexicon import ordinary
from analysis.entities.names import ADMIN_WORDS, GEO_WORDS, ORG_WORDS, is_title_head, is_title_word, known, name_key
from analysis.quotes.names import given_name_gender

__all__ = ["titled_person_start"]

#: Party members and the like before a name: "Ranking Democrat", "Republicans".
_MEMBERS = frozenset("""democrat democrats republican republicans liberal liberals conservative conservatives
independent independents ranking""".split())
#: Words that open a place's name, not a role: "Fort George Meade", "Mount Kellett".
_PLACE_OPENERS = GEO_WORDS | ADMIN_WORDS | frozenset("fort mount mt saint st san santa port cape camp".split())
_WORD = re.compile(r"\S+")
_INITIAL = re.compile(r"[A-Z]\.$")


def titled_person_start(text: str, start: int, end: int, names: set[str] | frozenset[str],
                        people: frozenset[str]) -> int | None:
    """Where the person's name starts in a span of role words + a name, or None.

    Args:
        text: The article's text.
        start: The span's start.
        end: The span's end.
        names: Folded names of the article's spans: a full name's surname among them is evidence.
        people: Folded names and surnames of the article's people: a one-word name must be one.
    """
    words = [(m.start(), m.group()) for m in _WORD.finditer(text, start, end)]
    for i in range(1, len(words)):
        prefix, tail = [w for _, w in words[:i]], [w for _, w in words[i:]]
        if not all(w[:1].isupper() and w.lower().strip(".") not in _PLACE_OPENERS and _role_word(w) for w in prefix):
            return None
        if len(tail) > 3 or not all(w[:1].isupper() and w.lower() not in ORG_WORDS for w in tail) \
                or not any(_head(w) for w in prefix) or known(tail[-1]) is not None:
            continue  # "Energy Watch Tarvel": no title's head; "… Bulgaria": a place
        surname = name_key(tail[-1])
        if _INITIAL.match(tail[-1]) or ordinary(tail[-1]):
            continue
        if len(tail) == 1:
            if surname in people:
                return words[i][0]  # "Presidents Quist" beside "Quist"
            continue
        if given_name_gender(tail[0]) is not None or surname in names or surname in people:
            return words[i][0]
    return None


def _role_word(word: str) -> bool:
    """Whether a capitalised word is a title, a party member or their plural ("Superintendent", "Ranking",
    "Democrat", "Presidents", "Liberals"), no given name ("Grace")."""
    w = word.lower()
    if given_name_gender(word) is not None:
        return False
    return is_title_word(word) or w in _MEMBERS or (w.endswith("s") and is_title_word(word[:-1]))


def _head(word: str) -> bool:
    """Whether a role word ends a title or names a party's member ("Superintendent", "Presidents",
    "Democrat"), not a modifier only ("Energy", "Ranking")."""
    return is_title_head(word) or (word.endswith("s") and is_title_head(word[:-1])) \
        or word.lower() in _MEMBERS - {"ranking"}
