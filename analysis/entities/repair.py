"""Repairing spans spaCy cut short or glued together, on text we did not write.

- A span across a dash is two ("Mozambique — Rescue Teams"): :func:`split_dashes`.
- Places joined by a hyphen are two places ("Vienna-Bratislava"); common words joined so are no
  name ("the Red-Green coalition"): :func:`split_hyphens`.
- An institution named with a possessive stays whole ("St Oswin’s College London"), where spaCy
  tags the saint and leaves "College London", and so does a body named after its members with a plural
  possessive ("Hollin Vale Beekeepers' Association") or a court ("Marwick Magistrate's Court"):
  :func:`institution_end`.
- A name cut at its particles grows back ("Kamp" → "van der Kamp", "Sanne" + "Horst" → "Sanne
  ter Horst", "Chiara Lo" + "Monaco", "Lorenzo" + "Dall'Aglio", "Consorzio di Bonifica" + "della
  Romagna"): :func:`particle_end`; two names side by side are one ("Dallas" + "Quigley"); an
  organisation's or a place's head joins its tail ("Movement for" + "Vysočina", "Southern District" +
  "of Georgia", "Bay of" + "Biscay", "Port of" + "Tacoma", "Sisters of" + "St. Casimir"); a place
  cut at an abbreviation is one ("Sault Ste." + "Marie"); a town cut at the hyphens of its particle
  grows over them ("Stockton" + "-on-Tees"); an organisation's head word spaCy cut off joins it
  ("Glenmoy Co-operative" + "Society"), a court its circuit ("Court of Appeals" + "for the 4th
  Circuit") and a university its campus ("University of Texas" + "at El Paso"): :func:`join_neighbours`.
- A glued headline span is cut down to the names the body uses ("Porthaven City Edge Kirkby
  Town"): :func:`headline_pieces`.
- A storm is an event, not a person or a place ("Cyclone Tamsin", "Tamsin", "Tamsins"):
  :func:`storm_name`.
- A dateline names a place ("CEDAR HOLLOW, Ore. (AP) —"): :func:`dateline_span`.
- A sports report names clubs after towns ("Porthaven City"): :func:`is_sport`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from analysis.entities.chambers import CHAMBERS
from analysis.entities.gazetteer import FINDABLE_KEYS
from analysis.entities.lexicon import common_noun, ordinary
from analysis.entities.names import (
    ADMIN_WORDS,
    BODY_WORDS,
    CLUB_WORDS,
    COMMERCIAL_WORDS,
    GEO_WORDS,
    LEGAL_SUFFIXES,
    ORG_WORDS,
    PARTICLES,
    STORM_WORDS,
    THING_WORDS,
    is_title_word,
    known,
    name_key,
)
from analysis.entities.short_forms import LOWER_NAMED, abbreviates, comma_named

__all__ = ["split_dashes", "split_hyphens", "institution_end", "particle_end", "join_neighbours", "headline_pieces",
           "heading_end", "storm_name", "dateline_span", "dateline_wire", "is_sport"]

#: Words that end names of organisations, places and clubs (a headline word is none of them), and
#: those that make two names side by side no person's ("Dallas Cowboys").
_NAME_ENDS = ORG_WORDS | GEO_WORDS | CLUB_WORDS | LEGAL_SUFFIXES | ADMIN_WORDS
_NOT_PERSON = ORG_WORDS | GEO_WORDS | CLUB_WORDS | THING_WORDS | LEGAL_SUFFIXES

_DASH = re.compile(r"\s+[\u2014\u2013-]+\s+|\s*[\u2014\u2013]\s*|:\s+")
#: Abbreviated words inside place names, after which spaCy may cut ("Sault Ste. Marie", "Ft. Worth").
_PLACE_ABBREVIATIONS = frozenset({"St", "Ste", "Mt", "Ft", "Pt"})
_SAINTS = frozenset({"st", "st.", "saint", "sainte", "san", "santa", "santo", "sao", "são"})
_INSTITUTION_WORDS = frozenset("""college hospital school university academy cathedral church chapel institute
society infirmary abbey priory hall seminary clinic museum""".split())
_OF_HEADS = ORG_WORDS | ADMIN_WORDS
_LINKS = ("of", "for", "de", "del", "da", "do", "des", "di")
_LINK_ENDS = tuple(f" {w} " for w in _LINKS)
_OF_RUN = re.compile(r"((?:[A-Z][\w\u2019'-]*\s+)+)(" + "|".join(_LINKS) + r")\s+$")
_SPORT_WORDS = frozenset("""goal goals scored header free-kick penalty minute half-time match season league cup
derby striker goalkeeper manager coach fixture kick-off play-off points referee""".split())


def split_dashes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut at its dashes ("Mozambique — Rescue Teams" → "Mozambique", "Rescue Teams") and at a
    colon ("National Pride: The Arts Council" → "National Pride", "The Arts Council")."""
    surface = text[start:end]
    if "\u2014" not in surface and "\u2013" not in surface and " -" not in surface and ": " not in surface:
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


def join_neighbours(text: str, mentions: list, *, headline_end: int) -> list:
    """Mentions with names cut at particles grown ("Kamp" → "van der Kamp"), two names side by
    side joined ("Dallas" + "Quigley"), an organisation's head and tail joined ("Movement for" +
    "Vysočina", "Southern District" + "of Georgia"), a name with a comma whose acronym follows it
    ("Commission for Conciliation" + ", " + "Mediation and Arbitration (CCMA)", the acronym found too);
    a name spaCy cut before its lower-case words that the acronym after it abbreviates ("Agence" +
    " régionale de santé (ARS)"); the mentions inside them dropped.

    Args:
        text: The article text.
        mentions: :class:`analysis._entity_article.Mention` objects, any order.
        headline_end: Where the headline ends (names side by side there are left alone).
    """
    out: list = []
    extra: list = []  # acronyms in brackets spaCy missed
    keys = {name_key(m.text) for m in mentions}
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        m = _grow_particles(text, m)
        m = _grow_of(text, m)
        m = _grow_town(text, m)
        m = _grow_written_whole(text, m, keys)
        if (lower := LOWER_NAMED.match(text, m.end)) is not None and m.start >= 0 and m.text[:1].isupper() \
                and abbreviates(lower.group(2), text[m.start:lower.end(1)]):
            acronym = (lower.start(2), lower.end(2))  # "Agence" + " régionale de santé" + " (ARS)"
            if not any(x.start == acronym[0] for x in mentions):
                extra.append(replace(m, start=acronym[0], end=acronym[1], text=lower.group(2), spacy_label="ORG",
                                     origin="pattern", hint="ORG", cue=False, role=""))
            m = replace(m, end=lower.end(1), text=text[m.start:lower.end(1)], spacy_label="ORG", hint="ORG",
                        cue=False, role="")
        possessive = m.start >= 0 and text[m.end:m.end + 1] in ("'", "\u2019")
        grown = institution_end(text, m.start, m.end, keys) if possessive else None
        if grown is not None and grown[1] > m.end:  # "St Brendan" + "’s Hospital Galway"
            m = replace(m, start=grown[0], end=grown[1], text=text[grown[0]:grown[1]], spacy_label="ORG", cue=False)
        if m.start >= headline_end:
            m = _grow_name(text, m, keys)
        prev = out[-1] if out else None
        if prev is not None and prev.paragraph == m.paragraph and m.start < prev.end:
            if m.end <= prev.end:
                continue  # inside the grown one
            if m.start <= prev.start:
                out[-1] = m
                continue
            if _joined_court(prev.text):  # "… Court for the Southern District" + "Southern District of Ohio"
                out[-1] = replace(prev, end=m.end, text=text[prev.start:m.end])
                continue
        if prev is not None and prev.paragraph == m.paragraph and _abbreviated(text, prev, m):
            out[-1] = replace(prev, end=m.end, text=text[prev.start:m.end])  # "Sault Ste." + "Marie"
            continue
        gap = text[prev.end:m.start] if prev is not None and prev.paragraph == m.paragraph else ""
        if gap == " at " and _campus(text, prev, m):
            out[-1] = replace(prev, end=m.end, text=text[prev.start:m.end], spacy_label="ORG", hint="ORG")
            continue  # "University of Texas" + " at " + "El Paso"
        if gap == " for the " and _court_tail(text, prev, m):
            out[-1] = replace(prev, end=m.end, text=text[prev.start:m.end], spacy_label="ORG", hint="ORG")
            continue  # "U.S. Court of Appeals" + " for the " + "4th Circuit"
        if prev is not None and prev.paragraph == m.paragraph and _org_head(text, prev, m):
            out[-1] = replace(prev, end=m.end, text=text[prev.start:m.end], spacy_label="ORG", hint="ORG")
            continue  # "Glenmoy Co-operative" + "Society"
        if prev is not None and prev.paragraph == m.paragraph and (acronym := comma_named(text, prev, m)):
            out[-1] = replace(prev, end=m.end, text=text[prev.start:m.end], spacy_label="ORG", hint="ORG")
            if not any(x.start == acronym[0] for x in mentions):  # the short form spaCy missed
                out.append(replace(m, start=acronym[0], end=acronym[1], text=text[acronym[0]:acronym[1]],
                                   spacy_label="ORG", origin="pattern", hint="ORG", cue=False, role=""))
            continue  # "Commission for Conciliation" + ", " + "Mediation and Arbitration" + " (CCMA)"
        if prev is not None and prev.paragraph == m.paragraph and prev.start >= headline_end:
            joined = _side_by_side(text, prev, m)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(m)
    return sorted(out + extra, key=lambda m: (m.start < 0, m.start)) if extra else out


_TOWN_LINKS = r"(?:on|upon|under|over|le|la|les|l\u00e8s|en|sur|sous|am|an|im|in|by|the|de|du|des|del)"
_TOWN_AFTER = re.compile(r"(?:-" + _TOWN_LINKS + r")+-[A-Z][\w'\u2019]*(?![\w-])")
_TOWN_ORG = re.compile(r"(?: [A-Z][\w'\u2019]*){1,3}")
_TOWN_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w'\u2019]*(?:-" + _TOWN_LINKS + r")+-$")


def _grow_town(text: str, m):
    """A name cut at the hyphens of a town's lower-case particle grows over them: "Stockton" +
    "-on-Tees" (+ " Borough Council" when an organisation's word ends the name after it),
    "Southend-on-" + "Sea Borough Council", "Châlons-en-" + "Champagne"."""
    if m.start < 0 or not m.text[:1].isupper():
        return m
    start, end = m.start, m.end
    label = m.spacy_label
    if (after := _TOWN_AFTER.match(text, end)) is not None:
        end = after.end()
        tail = _TOWN_ORG.match(text, end)
        if tail is not None and tail.group(0).split()[-1].lower() in _OF_HEADS:
            end, label = tail.end(), "ORG"  # "Stockton-on-Tees" + " Borough Council"
    if (before := _TOWN_BEFORE.search(text, max(0, start - 40), start)) is not None:
        start = before.start()
    if (start, end) == (m.start, m.end):
        return m
    return replace(m, start=start, end=end, text=text[start:end], spacy_label=label)


def _abbreviated(text: str, a, b) -> bool:
    """Whether a name ends in an abbreviated place word and the next name follows its dot ("Sault
    Ste" + ". " + "Marie", "Mt" + ". " + "Kenya"): spaCy cut one name at the dot."""
    words = a.text.split()
    return (bool(words) and words[-1].rstrip(".") in _PLACE_ABBREVIATIONS and text[a.end:b.start] in (". ", " ")
            and text[b.start - 2:b.start] == ". " and b.text[:1].isupper())


def _grow_particles(text: str, m):
    """"Kamp" after "van der" → "van der Kamp"; with the given name before them when there is one."""
    if m.start <= 0 or m.spacy_label not in ("PERSON", "", "ORG") or text[m.start - 1] != " ":
        return m
    before = text[max(0, m.start - 9):m.start - 1].split()
    if not before or before[-1].lower().strip("\"\u201c\u2018(") not in PARTICLES or len(m.text.split()) > 2:
        return m
    before = text[max(0, m.start - 40):m.start].split("\n")[-1]
    words = [w.strip("\"\u201c\u2018(") for w in before.split(" ")[:-1]] if before.endswith(" ") else []
    n = 0
    while n < min(3, len(words)) and words[-1 - n].lower() in PARTICLES:
        n += 1
    if not n:
        return m
    particles = words[len(words) - n:]
    start = m.start - len(" ".join(particles)) - 1
    given = words[len(words) - n - 1] if len(words) > n else ""
    if given[:1].isupper() and given.isalpha() and not is_title_word(given) and known(given) is None:
        start -= len(given) + 1
    elif not particles[0][:1].isupper() and not (len(words) > n and words[-n - 1][:1].islower()):
        return m  # "Museo de Ciencias": a lower-case particle after no word
    if particles[0].lower() in ("la", "le", "el", "al", "da", "di", "de") and len(particles) == 1 \
            and not given[:1].isupper() and not particles[0][:1].isupper() and m.spacy_label != "PERSON" \
            and not m.cue:
        return m  # "Ciencias" after "de" is no "de Ciencias"; "de Smet said" is a name
    return replace(m, start=start, text=text[start:m.end], spacy_label=m.spacy_label or "PERSON")


def _grow_of(text: str, m):
    """"Vysočina" after "Movement for " → "Movement for Vysočina" (an organisation word before the link);
    "Tacoma" after "Port of " → "Port of Tacoma", "St. Casimir" after "Sisters of " → "Sisters of St.
    Casimir" (a port, a diocese or an order named after a place or a saint)."""
    if not text.endswith(_LINK_ENDS, 0, m.start):
        return m
    line = text[max(0, m.start - 60):m.start].split("\n")[-1]
    hit = _OF_RUN.search(line)
    heads = hit.group(1).split() if hit is not None else []
    geo = bool(heads) and heads[-1].lower() in GEO_WORDS and hit.group(2) == "of"  # "Bay of" + "Biscay"
    body = bool(heads) and heads[-1].lower() in BODY_WORDS and hit.group(2) == "of"  # "Port of" + "Tacoma"
    if hit is None or not (geo or body or any(w.lower() in _OF_HEADS for w in heads)):
        return m
    if known(m.text) is not None and known(m.text).label == "ORG":
        return m
    run = hit.group(1).split()
    while run and (run[0].lower() in ("the", "a", "an") or is_title_word(run[0]) and run[0].lower() not in _OF_HEADS):
        run.pop(0)
    if not run:
        return m
    start = m.start - len(line) + line.rfind(run[0], 0, hit.end(1))
    label = "LOC" if geo and not any(w.lower() in _OF_HEADS for w in run) else "ORG"
    if (entry := known(text[start:m.end])) is not None:
        label = entry.label  # "Port of Spain" is a city
    return replace(m, start=start, text=text[start:m.end], spacy_label=label, cue=False)


_NEXT_NAME = re.compile(r" ([A-Z][a-z][\w\u2019'-]*)\b")


_WORD_BEFORE = re.compile(r"(?<![\w.-])([A-Z][\w\u2019'-]*) $")


def _grow_written_whole(text: str, m, keys: set[str]):
    """A mention grown over the capitalised word before it when the article writes the two as one name
    elsewhere ("in Eastern" + "Samar" beside "Eastern Samar"), or that word and the mention's first word
    ("Ras" + "Omani Port Services LLC" beside "Ras Omani"; round 8b); else ``m``."""
    if m.start < 0:
        return m
    before = _WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
    if before is None:
        return m
    key, words = name_key(f"{before.group(1)} {m.text}"), m.text.split()
    pair = name_key(f"{before.group(1)} {words[0]}") if len(words) > 1 else key
    if key == name_key(m.text) or (key not in keys and (pair not in keys or is_title_word(before.group(1)))):
        return m
    return replace(m, start=before.start(1), text=text[before.start(1):m.end], cue=False)


def _grow_name(text: str, m, keys: set[str]):
    """A one-word mention grown over the next word when that word is a name of the article on its
    own ("Dallas" + "Quigley", where spaCy found "Quigley" elsewhere), or over the word before it
    when a title stands before that ("Selectwoman Hattie" + "Quimby")."""
    if " " in m.text:
        return m
    before = text[max(0, m.start - 40):m.start].split("\n")[-1].split(" ")
    if len(before) >= 3 and before[-1] == "" and is_title_word(before[-3]) \
            and before[-2][:1].isupper() and before[-2].isalpha() and not is_title_word(before[-2]) \
            and known(before[-2]) is None and before[-2] not in CHAMBERS:  # "a special House" + "Tarvel"
        start = m.start - len(before[-2]) - 1
        return replace(m, start=start, text=text[start:m.end], spacy_label="PERSON")
    nxt = _NEXT_NAME.match(text, m.end)
    if nxt is None or name_key(nxt.group(1)) not in keys:
        return m
    joined = _side_by_side(text, m, replace(m, start=nxt.start(1), end=nxt.end(1), text=nxt.group(1),
                                            spacy_label=""))
    return joined if joined is not None else m


def _court_tail(text: str, a, b) -> bool:
    """Whether ``b`` is the circuit or district of the court named before it, "for the" between ("U.S. Court
    of Appeals" + " for the " + "4th Circuit", "District Court" + " for the " + "Southern District of …")."""
    return (text[a.end:b.start] == " for the " and "court" in a.text.lower().split()
            and any(w.lower() in ("circuit", "district") for w in b.text.split()))


def _campus(text: str, a, b) -> bool:
    """Whether ``b`` is the campus town of the university named before it, "at" between ("University of
    Texas" + " at " + "El Paso"): a university or college "of" a place, and a place."""
    if text[a.end:b.start] != " at ":
        return False
    words = a.text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return (len(words) > 2 and words[0].lower() in ("university", "college")
            and words[1] == "of" and b.spacy_label in ("GPE", "LOC", "PERSON", "") and b.text[:1].isupper()
            and len(b.text.split()) <= 3)


def _joined_court(name: str) -> bool:
    """Whether a name is a court joined to its circuit or district ("District Court for the Southern District")."""
    words = name.lower().split()
    return "court" in words and " for the " in name and words[-1] in ("circuit", "district")


def _org_head(text: str, a, b) -> bool:
    """Whether ``b`` is an organisation's head word spaCy cut from the name before it, one space away
    ("Glenmoy Co-operative" + "Society", "Arden Valley Growers" + "Association")."""
    return (text[a.end:b.start] == " " and " " not in b.text and b.text[:1].isupper()
            and b.text.lower() in ORG_WORDS and a.spacy_label == "ORG" and b.spacy_label in ("ORG", "")
            and known(a.text) is None and known(b.text) is None)


def _side_by_side(text: str, a, b):
    """One mention for two names separated by one space ("Dallas" + "Quigley"), or None."""
    if text[a.end:b.start] != " " or len(a.text.split()) != 1 or len(b.text.split()) > 2 or a.text in CHAMBERS:
        return None  # "House" + "Tarvel" (+ " committee"): a chamber and a topic
    for x in (a, b):
        entry = known(x.text)
        if x.spacy_label == "NORP" or (entry is not None and entry.label in ("NORP", "ORG")) or is_title_word(x.text):
            return None
    entry = known(a.text)
    if entry is not None and entry.label == "GPE" and entry.canonical == known(entry.canonical).canonical \
            and name_key(a.text) == name_key(entry.canonical) and " " not in a.text and _country(a.text):
        return None  # "Kazakhstan Tokayev"
    words = [w.lower() for w in (a.text + " " + b.text).split()]
    org = any(w in _NOT_PERSON for w in words)
    label = b.spacy_label if org or common_noun(b.text.split()[-1]) else "PERSON"
    return replace(a, end=b.end, text=text[a.start:b.end], spacy_label=label, hint=a.hint or b.hint)


def _country(word: str) -> bool:
    return name_key(word) in FINDABLE_KEYS


def headline_pieces(surface: str, body: set[str]) -> list[tuple[int, int]] | None:
    """A glued headline span cut to the names the body uses: "Porthaven City Edge Kirkby Town" →
    "Porthaven City", "Kirkby Town"; "Cyclone Tamsin Hits Mozambique" → "Cyclone Tamsin",
    "Mozambique" (offsets into ``surface``); None to keep it as it is.

    A name the body uses (or a known one) begins or ends the span; the ordinary words after it
    (or before it) are headline verbs and nouns ("Edge", "Hits") and go; what is left is a piece.
    A name of the body inside the span cuts it too: "Tideflats Rezoning as Everett Warns of 'Quiet
    Giveaway'" → "Tideflats", "Everett" (:func:`_inner_names`).

    Args:
        surface: The headline span.
        body: Folded names of the body's mentions.
    """
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", surface)]
    n = len(spans)
    if n < 2 or name_key(surface) in body:
        return None

    def name(i: int, j: int) -> bool:
        part = surface[spans[i][0]:spans[j - 1][1]]
        entry = known(part)  # a short form in capitals only: "Who" is no WHO
        return name_key(part) in body or (entry is not None and (
            entry.label != "ORG" or part.isupper() or " " in part or name_key(part) == name_key(entry.canonical)))

    def word(i: int) -> str:
        return surface[spans[i][0]:spans[i][1]]

    def headline_word(i: int) -> bool:  # "Hits", "Edge"; not "Transports" or "City", which end names
        w = word(i).strip("'\"\u2018\u2019\u201c\u201d")
        return ordinary(w) and w.lower() not in _NAME_ENDS

    inner = _inner_names(n, lambda i, j: name_key(surface[spans[i][0]:spans[j - 1][1]]) in body, headline_word, word)
    if inner is not None:
        return [(spans[i][0], spans[j - 1][1]) for i, j in inner]
    prefix = next((j for j in range(n - 1, 0, -1) if name(0, j)), 0)
    suffix = next((i for i in range(max(prefix, 1), n) if name(i, n)), n)
    if not prefix and suffix == n:
        return None
    if prefix and suffix < n and suffix - prefix <= 3:  # "Ashgrove Town Stun Millwall Rovers"
        return [(spans[0][0], spans[prefix - 1][1]), (spans[suffix][0], spans[-1][1])]
    lo, hi = prefix, suffix
    if prefix:
        while lo < hi and headline_word(lo):
            lo += 1
    if suffix < n:
        while hi > lo and headline_word(hi - 1):
            hi -= 1
    if (lo, hi) == (prefix, suffix) and lo < hi:
        return None  # no headline word between the names: keep the span
    out = [(spans[0][0], spans[prefix - 1][1])] if prefix else []
    if lo < hi:
        out.append((spans[lo][0], spans[hi - 1][1]))
    if suffix < n:
        out.append((spans[suffix][0], spans[-1][1]))
    return out


_HEADING_LOWER = frozenset("a an and as at by for from in into of off on or over the to vs with".split())
_QUOTES = "\"'\u2018\u2019\u201c\u201d"
_HEADING_WORD = re.compile(r"[A-Z0-9][\w\u2019'&.,-]*|[a-z]+")


def heading_end(paragraph: str) -> int | None:
    """Where a subheading in title case ends, when it is the whole paragraph ("Cleaner Water." ,
    "Roads and Bridges") or opens it before a colon ("Fewer Buses on Rural Routes: The council …"),
    or None. Its words are capitalised but for short function words; two or more words for one
    before a colon (not a transcript's "MORROW:" or "Host:"), ten at most (sixteen for a whole paragraph,
    a linked headline); words may stand in quotation marks ("… On ‘Radical Change.’"); a paragraph
    ending in a question or a quotation is none."""
    text = paragraph.strip()
    colon = text.find(": ")
    whole = colon < 0
    head = text.rstrip(".") if whole else text[:colon]
    quoted = text[-1:] in _QUOTES and (text[:1] in _QUOTES or not re.search(r"(?:^|\s)[\"\u201c'\u2018]", text))
    if not head or (text[-1:] in "?!" or quoted) and whole:
        return None  # a question, or a quotation (not a headline quoting a phrase: "… On ‘Radical Change.’")
    words = head.split()
    if not 1 <= len(words) <= (16 if whole else 10) or (not whole and len(words) < 2) or head.isupper() \
            or not words[0][:1].isupper() \
            or is_title_word(words[0]):  # "Mr. Ban: …" is a transcript's speaker
        return None
    for w in words:
        w = w.strip(_QUOTES) or w  # "‘Disastrous’", "‘Radical Change.’"
        if _HEADING_WORD.fullmatch(w) is None or (w.islower() and w not in _HEADING_LOWER) or w.endswith(","):
            return None
    if whole and len(words) == 1 and not text.endswith("."):
        return None
    return paragraph.find(head) + len(head)


_HEADLINE_FUNCTION = frozenset("a an the who what how why when where which that this these its their his her".split())


def _inner_names(n: int, name, headline_word, word) -> list[tuple[int, int]] | None:
    """Word ranges of a headline span to keep when a name of the body (not only of the gazetteer: "North
    Atlantic Indoors" stays whole) stands inside it, neither first nor last ("Tideflats Rezoning as
    Everett Warns of …", "Draughtsman Who Gave the Clyde a Voice"): the body's names, and runs of two
    or more words that are no headline words, function words or verbs in "-ing" / "-ed" (a name only
    the headline gives); None when no name stands inside."""
    anchors, i = [], 0
    while i < n:
        j = next((j for j in range(n, i, -1) if (i, j) != (0, n) and name(i, j)), None)
        if j is not None:
            anchors.append((i, j))
        i = j if j is not None else i + 1
    if not any(0 < i and j < n for i, j in anchors):
        return None

    def plain(k: int) -> bool:
        w = word(k).strip("'\"\u2018\u2019\u201c\u201d")
        return not (headline_word(k) or w.lower() in _HEADLINE_FUNCTION or w.lower().endswith(("ing", "ed")))

    out, run = [], []
    taken = {k for i, j in anchors for k in range(i, j)}
    for k in range(n + 1):
        if k < n and k not in taken and plain(k):
            run.append(k)
            continue
        if len(run) >= 2:
            out.append((run[0], run[-1] + 1))
        run = []
    return sorted(out + anchors)


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


_DATELINE = re.compile(r"([A-Z][A-Z'\u2019.\-]*(?: [A-Z][A-Z'\u2019.\-]*){0,3})(?=,|\s+\(|\s+[\u2014\u2013-]\s)")


def dateline_span(paragraph: str) -> tuple[int, int] | None:
    """Offsets of the place in capitals that opens a paragraph as a dateline ("CEDAR HOLLOW, Ore.
    (AP) —", "OSLO, May 6 (Reuters) -", "N'DJAMENA (AFP) -"), or None."""
    m = _DATELINE.match(paragraph)
    if m is None or len(m.group(1).replace(" ", "")) < 3 or not any(c.isalpha() for c in m.group(1)):
        return None
    rest = paragraph[m.end():m.end() + 60]
    if not re.search(r"\((?:AP|AFP|Reuters|UPI|dpa|AAP|PA)\)|[\u2014\u2013]| - ", rest):
        return None
    return m.start(1), m.end(1)


_WIRE = re.compile(r"[^()\n]{0,40}?\(([A-Z][A-Za-z&'.-]{1,15}(?: [A-Z][A-Za-z&'.-]+){0,3})\)\s*[\u2014\u2013-]")


def dateline_wire(paragraph: str, place_end: int) -> tuple[int, int] | None:
    """Offsets of the wire or outlet in brackets after a dateline's place ("KETTERING, Ohio (WDLN) —",
    "DOHA (HGW) —"): a capitalised name, no place; or None."""
    m = _WIRE.match(paragraph, place_end)
    if m is None or any(c.isdigit() for c in m.group(1)):
        return None
    entry = known(m.group(1))
    if entry is not None and entry.label != "ORG":
        return None
    return m.start(1), m.end(1)


@functools.lru_cache(maxsize=64)
def is_sport(text: str) -> bool:
    """Whether an article reads like a match report (three or more kinds of sports words)."""
    words = set(re.findall(r"[a-z][a-z-]+", text.lower()))
    return len(words & _SPORT_WORDS) >= 3
