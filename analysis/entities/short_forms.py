"""Short forms of names: acronyms, and the first words of a company named with a legal suffix.

Used by clustering (:mod:`analysis.entities.cluster`: "KOPRI" of "Korea Polar Research Institute", "URE" after
"Energy Regulatory Office", "Chaffey Bend" of "Chaffey Bend Citrus Pty Ltd") and by span repairs
(:mod:`analysis.entities.repair`: "Commission for Conciliation, Mediation and Arbitration (CCMA)", "Agence
régionale de santé (ARS)").
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from analysis.entities.mention import Mention
from analysis.entities.names import (
    COMMERCIAL_WORDS,
    LEGAL_SUFFIXES,
    ORG_WORDS,
    initials,
    is_title_word,
    known,
    name_key,
)

__all__ = ["ACRONYM_SKIP", "LOWER_NAMED", "abbreviates", "comma_named", "defined", "fold", "legal_base",
           "legal_prefixes", "company_prefixes", "place_free_initials", "redefined", "shortens", "translated"]

#: Words an acronym may skip, English and Romance ("Agenzia regionale per la salute", ARS).
ACRONYM_SKIP = frozenset("""of the and for on & de la per di del della des du da do dos das et y e el le les los
las""".split())
#: Lower-case words of a name in a Romance language spaCy cut off, before its acronym ("Agence" + " régionale de
#: santé" + " (ARS)").
_DEFINING_LINKS = frozenset({"of", "and", "for", "on"})
LOWER_NAMED = re.compile(r"((?: [a-z\u00e0-\u00ff][\w'\u2019\u00e0-\u00ff-]*){1,5}) \(([A-Z]{2,8})\)")
_ACRONYM_BRACKET = re.compile(r" \(([A-Z]{3,8})\)")


def comma_named(text: str, prev: Mention, m: Mention) -> tuple[int, int] | None:
    """Offsets of the acronym in brackets after two organisation spans one comma apart that it abbreviates
    whole, so they are one name with a comma ("Commission for Conciliation, Mediation and Arbitration
    (CCMA)"); else None."""
    if prev.spacy_label != "ORG" or text[prev.end:m.start] != ", " or m.start < 0:
        return None
    bracket = _ACRONYM_BRACKET.match(text, m.end)
    if bracket is None or not abbreviates(bracket.group(1), text[prev.start:m.end].replace(",", "")):
        return None
    return bracket.start(1), bracket.end(1)


def legal_prefixes(keys: Iterable[str]) -> set[str]:
    """The first two words or more of each name ending in a legal suffix ("chaffey bend" and "chaffey bend
    citrus" of "chaffey bend citrus pty ltd"): the company's short forms, no person's name."""
    out = set()
    for k in keys:
        words = k.split()
        if len(words) > 2 and words[-1].strip(".,") in LEGAL_SUFFIXES:
            out.update(" ".join(words[:n]) for n in range(2, len(words))
                       if words[n - 1] not in ("&", "and", "of", "the", "for"))
    return out

def company_prefixes(keys: Iterable[str]) -> set[str]:
    """The first two words or more of each name of three words or more ending in a company's word
    ("keystone aqua" of "keystone aqua utilities", "kilcreggan marine" of "kilcreggan marine engineering";
    round 11): the company's short forms, no person's name unless a title or a sentence says so (not an
    institution's word: "Ada Quist Foundation" may be named after a person)."""
    out = set()
    for k in keys:
        words = k.split()
        if len(words) > 2 and words[-1] in COMMERCIAL_WORDS:
            out.update(" ".join(words[:n]) for n in range(2, len(words))
                       if words[n - 1] not in ("&", "and", "of", "the", "for"))
    return out


def place_free_initials(name: str) -> set[str]:
    """Initials of an organisation's name without the state or country it opens with, which its acronym
    often leaves out ("PUC" of "Pennsylvania Public Utility Commission"; round 11), when two words or more
    remain of which one is an organisation's word; else none."""
    words = name.split()
    for n in (1, 2):
        rest = words[n:]
        if len(rest) >= 2 and (entry := known(" ".join(words[:n]))) is not None and entry.label == "GPE" \
                and any(w.lower() in ORG_WORDS for w in rest):
            return initials(" ".join(rest))
    return set()


def legal_base(key: str) -> str:
    """A name without its trailing legal suffixes ("chaffey bend citrus" of "chaffey bend citrus pty ltd")."""
    words = key.split()
    while len(words) > 1 and words[-1].strip(".,") in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)

def abbreviates(acronym: str, name: str) -> bool:
    """Whether an acronym stands for a multi-word name: each word but "of", "the", "and", "for" gives
    its initial and maybe more letters, in order ("KOPRI" of "Korea Polar Research Institute"); "Exchange"
    may give an X ("NGX" of "Nigerian Exchange")."""
    words, letters = name.lower().split(), acronym.lower()

    def match(wi: int, pos: int) -> bool:
        if wi == len(words):
            return pos == len(letters)
        w = words[wi]
        if w in ACRONYM_SKIP and match(wi + 1, pos):
            return True
        if pos < len(letters) and letters[pos] == "x" and w.startswith("exchange"):
            return match(wi + 1, pos + 1)  # "ASX", "NGX": X for an exchange (round 8b)
        if pos >= len(letters) or w[0] != letters[pos]:
            return False
        pos += 1
        if match(wi + 1, pos):
            return True
        for c in w[1:]:
            if pos < len(letters) and c == letters[pos]:
                pos += 1
                if match(wi + 1, pos):
                    return True
        return False

    return len(words) > 1 and match(0, 0)

def translated(acronym: str, m: Mention) -> bool:
    """Whether an acronym in brackets may be the short form of the organisation named in translation
    before it, in the letters of its own language ("Energy Regulatory Office (URE)"): an organisation
    span of three words or more, half the acronym's letters or more among its initials."""
    words = [w for w in m.text.split() if w.lower() not in ACRONYM_SKIP]
    firsts = {w[0].lower() for w in words}
    return (m.spacy_label == "ORG" and len(words) >= 3 and all(w[:1].isupper() for w in words)
            and 2 * sum(c in firsts for c in acronym.lower()) >= len(acronym))

def defined(acronym: str, m: Mention) -> bool:
    """Whether a short form in brackets right after an organisation's name is defined there whatever its
    letters (a name translated, or in syllables: "Law and Justice (PiS)", "Ghana Cocoa Board (COCOBOD)"): two
    capitals or more, no known name or title, after a name of three words or more (a shorter one may be the
    tail of a name spaCy cut, "Anti-Corruption Commission" of "Ethics and …") with an organisation's word or a
    linking word ("of", "and"), which no place's or team's name is ("Tarvin Valley Hawks (WPL)")."""
    words = name_key(m.text).split()
    return (sum(c.isupper() for c in acronym) >= 2 and known(acronym) is None and not is_title_word(acronym)
            and m.spacy_label not in ("GPE", "LOC", "PERSON") and len(words) >= 3
            and any(w in ORG_WORDS or w in _DEFINING_LINKS for w in words[1:]))


def redefined(mentions: list[Mention], forms: dict[str, list[int]]) -> set[str]:
    """Keys of known acronyms the article defines in brackets as the short form of another name it
    spells out, so that name is what they stand for here ("Democratic Renewal Congress (DRC)" is no
    Congo; round 11): all capitals, right after a name they abbreviate that is not the known one."""
    out: set[str] = set()
    ends = None
    for k, ix in forms.items():
        word = mentions[ix[0]].text
        if not (word.isupper() and word.isalpha() and 2 <= len(word) <= 6) \
                or not any(mentions[i].bracketed for i in ix) or (entry := known(word)) is None:
            continue
        if ends is None:
            ends = {(m.paragraph, m.end): m for m in mentions if m.start >= 0}
        for i in ix:
            m = mentions[i]
            long = ends.get((m.paragraph, m.start - 2)) if m.bracketed else None
            if long is not None and abbreviates(word, long.text) and (
                    (other := known(long.text)) is None or other.canonical != entry.canonical):
                out.add(k)
    return out


def shortens(word: str, name: str) -> bool:
    """Whether a short form in title case is made of the name's letters in order, beginning with its
    first ("Asopesca" of "Asociación de Pescadores Artesanales"); only for a word in brackets right after
    the name."""
    letters, folded = word.lower(), fold(name).lower()
    if not folded.startswith(letters[0]):
        return False
    pos = 0
    for c in folded:
        if pos < len(letters) and c == letters[pos]:
            pos += 1
    return pos == len(letters) and len(name.split()) > 1

def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
