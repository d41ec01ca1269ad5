"""Repairing spans spaCy cut short or glued together, on text we did not write.

- A span across a dash is two ("Mozambique — Rescue Teams"): :func:`split_dashes`.
- Places joined by a hyphen are two places ("Vienna-Bratislava"); common words joined so are no
  name ("the Red-Green coalition"): :func:`split_hyphens`.
- An institution named with a possessive stays whole ("St Oswin’s College London"), where spaCy
  tags the saint and leaves "College London", and so does a body named after its members with a plural
  possessive ("Hollin Vale Beekeepers' Association") or a court ("Marwick Magistrate's Court"):
  :func:`institution_end`.
- A name cut at its particles grows back ("Kamp" → "van der Kamp", "Chiara Lo" + "Monaco", "Lorenzo" +
  "Dall'Aglio"): :func:`particle_end` (neighbouring spans that are one name:
  :mod:`analysis.entities.neighbours`; headlines: :mod:`analysis.entities.headlines`).
- A storm is an event, not a person or a place ("Cyclone Tamsin", "Tamsin", "Tamsins"):
  :func:`storm_name`.
- A sports report names clubs after towns ("Porthaven City"): :func:`is_sport`.
"""
from __future__ import annotations

import functools
import re

from analysis.entities.lexicon import common_noun, ordinary
from analysis.entities.names import (
    ADMIN_WORDS,
    CLUB_WORDS,
    COMMERCIAL_WORDS,
    GEO_WORDS,
    LEGAL_SUFFIXES,
    ORG_WORDS,
    PARTICLES,
    STORM_WORDS,
    is_title_word,
    known,
    name_key,
)

__all__ = ["split_dashes", "split_hyphens", "institution_end", "particle_end", "storm_name", "is_sport"]

#: Words that end names of organisations, places and clubs (a headline word is none of them), and
#: those that make two names side by side no person's ("Dallas Cowboys").
_NAME_ENDS = ORG_WORDS | GEO_WORDS | CLUB_WORDS | LEGAL_SUFFIXES | ADMIN_WORDS
_DASH = re.compile(r"\s+[\u2014\u2013-]+\s+|\s*[\u2014\u2013]\s*|\s*--+\s*|:\s+")  # "--": a typed dash
_SAINTS = frozenset({"st", "st.", "saint", "sainte", "san", "santa", "santo", "sao", "são"})
_INSTITUTION_WORDS = frozenset("""college hospital school university academy cathedral church chapel institute
society infirmary abbey priory hall seminary clinic museum""".split())
_SPORT_WORDS = frozenset("""goal goals scored header free-kick penalty minute half-time match season league cup
derby striker goalkeeper manager coach fixture kick-off play-off points referee""".split())


def split_dashes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut at its dashes ("Mozambique — Rescue Teams" → "Mozambique", "Rescue Teams"; a dash typed as
    two hyphens: "Ariz.--Ada Quist") and at a colon ("National Pride: The Arts Council" → "National Pride", "The
    Arts Council")."""
    surface = text[start:end]
    if "\u2014" not in surface and "\u2013" not in surface and " -" not in surface and ": " not in surface \
            and "--" not in surface:
        return [(start, end)]
    pieces, pos = [], start
    for m in _DASH.finditer(text, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    return [(s, e) for s, e in pieces if e > s]


def split_hyphens(text: str, start: int, end: int, label: str,
                  places: set[str]) -> list[tuple[int, int, str]] | None:
    """Pieces of a hyphenated name: places joined ("Bratislava-Budapest") are each a place,
    common words joined ("Red-Green") are none ([]); None when the span is no such compound.

    Args:
        text: The article text.
        start: The span's start.
        end: Its end.
        label: spaCy's label.
        places: Folded names tagged as places in the article.
    """
    surface = text[start:end]
    if " " in surface or "-" not in surface.strip("-"):
        return None
    parts = surface.split("-")
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts) or known(surface):
        return None
    if any((e := known(p)) is not None and e.label == "NORP" for p in parts):
        return None  # "Kazakh-American"
    if all(ordinary(p) for p in parts):
        return []

    def place(p: str) -> bool:
        entry = known(p)
        return (entry is not None and entry.label in ("GPE", "LOC")) or name_key(p) in places

    if not any(place(p) for p in parts) or any(ordinary(p) or known(p) is not None and not place(p) for p in parts):
        return None
    out, pos = [], start
    for p in parts:
        entry = known(p)
        out.append((pos, pos + len(p), entry.label if entry else "GPE"))
        pos += len(p) + 1
    return out


_POSSESSIVE = re.compile(r"['\u2019]s\b|(?<=[a-z]s)['\u2019](?=\s)")
_POSSESSIVE_RUN = re.compile(r"(['\u2019]s?)?\s+([A-Z][\w\u2019'&-]*(?:\s+[A-Z][\w\u2019'&-]*)*)")
#: Heads of a body named with a plural possessive ("Growers' Association", "Fishers' Co-operative",
#: "Seafarers' Union") or a singular one ("Magistrate's Court"), beside the institutions.
_PLURAL_OWNED = ORG_WORDS - COMMERCIAL_WORDS
_MEMBERS = ("ers", "ors", "ists", "ians", "ants", "ents")  # "Growers'", "Irrigators'", "Pharmacists'"
_OWNED = frozenset({"court"})
#: Elected or appointed officers whose office is named with their possessive ("the Sheriff's Office").
_OFFICE_HOLDERS = frozenset("""sheriff coroner attorney prosecutor comptroller controller auditor treasurer assessor
recorder clerk marshal inspector examiner ombudsman registrar""".split())


def institution_end(text: str, start: int, end: int, names: set[str]) -> tuple[int, int] | None:
    """An institution named with a possessive that a span begins ("St Oswin’s" + " College
    London", "Oswin’s College" after "St"): its (start, end), or None.

    The word after the possessive is an institution's ("College", "Hospital"); the part before it
    is a saint, a title or a common noun ("King’s", "Children’s"), or no name the article uses on its
    own (``names``: folded names of its mentions), so "Azerbaijan’s Ministry" is left alone.
    """
    if _POSSESSIVE.search(text, start, min(len(text), end + 3)) is None:
        return None
    if end - start > 2 and text[end - 2] == "s" and text[end - 1] in "'\u2019":
        end -= 1  # "the Tarvin Growers'" + " Collective": spaCy kept the plural's apostrophe
    if text.endswith("St ", 0, start):
        start -= 3
    elif text.endswith("St. ", 0, start):
        start -= 4
    surface = text[start:end]
    inner = re.search(r"(?:['\u2019]s|(?<=[a-z]s)['\u2019])\s+([\w-]+)", surface)
    if inner is not None:
        head, word, new_end = surface[:inner.start()], inner.group(1), end
        plural = not inner.group(0).lower().startswith(("'s", "\u2019s"))
    else:
        plural = surface.endswith("s") and re.match(r"['\u2019]\s", text[end:end + 2]) is not None
        if not re.search(r"['\u2019]s$", surface) and not re.match(r"['\u2019]s\s", text[end:end + 3]) \
                and not plural:
            return None
        m = _POSSESSIVE_RUN.match(text, end)
        if m is None:
            return None
        head, word, new_end = re.sub(r"['\u2019]s$", "", surface), m.group(2).split()[0], m.end(2)
    words = head.split()
    heads = _PLURAL_OWNED if plural else _INSTITUTION_WORDS | _OWNED
    if not plural and word.lower() == "office" and words and (is_title_word(words[-1]) or words[-1].lower() in
                                                                _OFFICE_HOLDERS):
        return start, new_end  # round 10: an office named after its holder ("Clark County Coroner's Office")
    if word.lower() not in heads or not words:
        return None
    if len(words) > 1 and words[-1].lower() in ORG_WORDS:
        return None  # "Hokkaido University's Institute of …": an organisation's own institute, two names
    if plural:  # the members a body is named after ("Growers'"), not a place ("Texas' Department of …")
        last = words[-1]
        return (start, new_end) if len(words) > 1 and known(head) is None and (
            common_noun(last) or (last.endswith(_MEMBERS) and last[1:].islower())) else None
    if known(head) is not None or (words[0].lower() not in _SAINTS and not is_title_word(words[0])
                                   and not common_noun(words[-1]) and name_key(head) in names):
        return None
    return start, new_end


_PARTICLE_AFTER = re.compile(r"(?:\s+(?:" + "|".join(sorted(PARTICLES)) + r")){1,3}\s+[A-Z][a-z][\w\u2019'-]*\b")
_PARTICLE_TAIL = re.compile(r"(?:\s+(?:" + "|".join(sorted(PARTICLES)) + r"))*\s+[A-Z][\w\u2019'-]+")
#: Particles that end a span spaCy cut ("Chiara Lo" + " Monaco"), beyond :data:`PARTICLES`: Italian ones
#: that are rarely a name's last word.
_CUT_PARTICLES = PARTICLES | frozenset("lo li dal dalla dello degli dei delle dalle".split())
#: An elided Italian or French particle joined to a capitalised surname ("Dall'Aglio", "D'Alessandro").
_ELIDED = re.compile(r" (?:D|Dall|Dell|Degl|Sant)['\u2019][A-Z][\w\u2019'-]+")


def particle_end(text: str, start: int, end: int) -> int:
    """The end of a span that spaCy cut inside a name's particles ("Luc van" + " den Broek", "van
    den" + " Broek", "Kamau" + " wa Njoroge"): past the particles and the capitalised word after
    them; else ``end``."""
    words = text[start:end].split()
    if not words:
        return end
    if words[-1].lower() in PARTICLES or (len(words) > 1 and words[-1].lower() in _CUT_PARTICLES):
        m = _PARTICLE_TAIL.match(text, end)
        return m.end() if m is not None else end
    m = _PARTICLE_AFTER.match(text, end)
    if words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    if len(words) > 1 and is_title_word(words[0]):
        words = words[1:]  # "Puan Noraini" + " binti Yusof" (round 8b)
    inner = len(words) > 2 and any(w in PARTICLES for w in words[1:-1])  # "Consorzio di Bonifica" + " della Romagna"
    if (len(words) == 1 or inner) and words[0][:1].isupper() and m is not None:
        return m.end()
    m = _ELIDED.match(text, end)
    if len(words) == 1 and words[0][:1].isupper() and m is not None:
        return m.end()  # "Lorenzo" + " Dall'Aglio"
    return end


@functools.lru_cache(maxsize=50_000)
def storm_name(surface: str) -> str | None:
    """The name of a storm ("Cyclone Tamsin" → "Tamsin", "Tropical Storm Bertil" → "Bertil"), or None."""
    words = surface.split()
    for i, w in enumerate(words[:-1]):
        name = words[i + 1:]
        if (w.lower() in STORM_WORDS and len(name) <= 2 and all(x[:1].isupper() and not ordinary(x) for x in name)
                and not any(x.lower() in _NAME_ENDS for x in name)):
            return " ".join(name)
    return None


@functools.lru_cache(maxsize=64)
def is_sport(text: str) -> bool:
    """Whether an article reads like a match report (three or more kinds of sports words)."""
    words = set(re.findall(r"[a-z][a-z-]+", text.lower()))
    return len(words & _SPORT_WORDS) >= 3
