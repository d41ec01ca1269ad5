"""Spans glued over more than one name, or cut inside one (round 8): a span holding a verb in lower case is
a clause, no name ("Ada Quist told The Kell Herald" → "Ada Quist", "The Kell Herald"); a person's name before
a known organisation's is two names ("the Quist White House" → "Quist", "White House"). Either would
otherwise name a cluster and take every short mention of the real names. An institution's name cut before
"for", "of" or "on" and the words after it grows over them ("the Kell Center" + " for Rural Studies")."""
from __future__ import annotations

import re

from analysis.entities.lexicon import ordinary
from analysis.entities.names import ORG_WORDS, is_junk, is_title_word, known, name_key

__all__ = ["clause_pieces", "owner_pieces", "connective_end", "hyphen_start"]

_VERB_POS = frozenset({"VERB", "AUX"})
_CONNECTIVE = re.compile(r" (?:(?:for|of|on)(?: the| an?)? )?((?:[A-Z][\w'\u2019-]* ?){1,4})")
#: Social networks, named after an outlet or a person whose page or chat they host ("Kellnet Facebook chat").
_PLATFORMS = frozenset("facebook twitter youtube instagram whatsapp tiktok linkedin snapchat".split())
_AND_WORD = re.compile(r" and ([A-Z][a-z]+)(?=[,.;:)]| [a-z(])")
_GIVEN_BEFORE = re.compile(r"(?:^|(?<=[\s(\"\u201c]))([A-Z][a-z]+)-$")


def clause_pieces(text: str, start: int, end: int, label: str, unit) -> list[tuple[int, int, str]]:
    """A span cut at each verb in lower case into the capitalised pieces around it ("Ada Quist told The
    Kell Herald" → "Ada Quist", "The Kell Herald"; "Quist says" → "Quist"); other spans whole. The pieces
    lose spaCy's label, which was the clause's."""
    if unit is None or not any(w.islower() for w in text[start:end].split()):
        return [(start, end, label)]
    span = unit.doc.char_span(start - unit.start, end - unit.start, alignment_mode="expand")
    if span is None or not any(t.pos_ in _VERB_POS and t.text.islower() for t in span):
        return [(start, end, label)]
    pieces, run = [], []
    for tok in [*span, None]:
        if tok is None or (tok.pos_ in _VERB_POS and tok.text.islower()):
            if run and run[0].text[:1].isupper():
                pieces.append((*unit.offsets(span.doc[run[0].i:run[-1].i + 1]), ""))
            run = []
        else:
            run.append(tok)
    return [(s, e, lb) for s, e, lb in pieces if text[e - 1:e].isalnum() or text[e - 1:e] == "."]


def owner_pieces(text: str, start: int, end: int, label: str,
                 people: frozenset[str] | None) -> list[tuple[int, int, str]]:
    """A person's surname or name (``people``: folded full names and surnames the article gives people)
    before a known organisation or facility of two words or more, split off it ("Quist White House" →
    "Quist", "White House"); a name before a social network too ("Kellnet Facebook" chat → "Kellnet",
    "Facebook"); other spans whole."""
    words = text[start:end].split()
    if len(words) > 1 and words[-1].lower() in _PLATFORMS and known(text[start:end]) is None \
            and not any(is_title_word(w) for w in words[:-1]) and all(w[:1].isupper() for w in words[:-1]):
        cut = start + len(text[start:end].rstrip()) - len(words[-1])  # "Kellnet Facebook chat": two names
        return [(start, start + len(text[start:cut].rstrip()), label), (cut, end, "ORG")]
    if not people or len(words) < 3:
        return [(start, end, label)]
    for n in range(1, min(3, len(words) - 2) + 1):
        owner, rest = words[:n], words[n:]
        entry = known(" ".join(rest))
        if entry is not None and entry.label in ("ORG", "FAC") and name_key(" ".join(owner)) in people \
                and all(w[:1].isupper() and not is_title_word(w) for w in owner):
            cut = text.index(rest[0], start + len(" ".join(owner)))
            owner_end = start + len(text[start:cut].rstrip())
            return [(start, owner_end, "PERSON"), (cut, end, entry.label)]
    return [(start, end, label)]


def connective_end(text: str, start: int, end: int, label: str) -> int:
    """The end of an institution's name spaCy cut before "for", "of" or "on" and the capitalised words
    after them ("the Kell Center" + " for Rural Studies", "Committee for" + " a Sound Budget"), or before "and" and
    one ordinary word in title case ending it in a name with "of" or "for" ("Office of Rural Policy" + " and
    Outreach"); ``end`` when the span is no such name. The span is an organisation's and ends in an
    organisation word or in the connective; the last word after it is an ordinary word in title case."""
    words = text[start:end].split()
    if label != "ORG" or not words:
        return end
    last = words[-1].lower()
    if last in ("for", "of", "on"):
        grown = re.compile(r" (?:(?:the|an?) )?((?:[A-Z][\w'\u2019-]* ?){1,4})").match(text, end)
    elif last in ORG_WORDS:
        grown = _CONNECTIVE.match(text, end)
        if grown is not None and grown.group(0).startswith(" " + grown.group(1)):
            grown = None  # no connective: a name after the institution is not part of it
    elif "of" in words[1:] or "for" in words[1:]:  # session 10: "Department for Education" + " and Skills"
        grown = _AND_WORD.match(text, end)
        return grown.end(1) if grown is not None and ordinary(grown.group(1)) else end
    else:
        return end
    if grown is None:
        return end
    tail = grown.group(1).rstrip()
    if not tail or is_title_word(tail.split()[0]) or not ordinary(tail.split()[-1]) or is_junk(tail.split()[-1]):
        return end  # "Kell Council on Monday", "Congress for Quist", "the Senate on Iran"
    return grown.start(1) + len(tail)


def hyphen_start(text: str, start: int, end: int, label: str) -> int:
    """The start of a person's name spaCy cut after the hyphen of a given name ("Jan-" + "Michael Tarvell",
    "Hyung-" + "Taik Quist"): a capitalised word glued before it; else ``start``."""
    if label not in ("PERSON", "ORG") or len(text[start:end].split()) < 2 or text[start - 1:start] != "-":
        return start
    m = _GIVEN_BEFORE.search(text, max(0, start - 20), start)
    return m.start(1) if m is not None and known(m.group(1)) is None else start
