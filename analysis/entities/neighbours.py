"""Joining neighbouring spans that are one name (:func:`join_neighbours`).

A name cut at its particles grows back ("Kamp" → "van der Kamp", "Sanne" + "Horst" → "Sanne ter Horst",
"Chiara Lo" + "Monaco", "Consorzio di Bonifica" + "della Romagna"); two names side by side are one
("Dallas" + "Quigley"); an organisation's or a place's head joins its tail ("Movement for" + "Vysočina",
"Southern District" + "of Georgia", "Bay of" + "Biscay", "Sisters of" + "St. Casimir"); a place cut at an
abbreviation is one ("Sault Ste." + "Marie"); a town cut at the hyphens of its particle grows over them
("Stockton" + "-on-Tees"); an organisation's head word spaCy cut off joins it ("Glenmoy Co-operative" +
"Society"), a court its circuit ("Court of Appeals" + "for the 4th Circuit") and a university its campus
("University of Texas" + "at El Paso").
"""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.entities.chambers import CHAMBERS
from analysis.entities.gazetteer import FINDABLE_KEYS
from analysis.entities.lexicon import common_noun, lexicon
from analysis.entities.names import (
    ADMIN_WORDS,
    BODY_WORDS,
    CLUB_WORDS,
    GEO_WORDS,
    LEGAL_SUFFIXES,
    ORG_WORDS,
    PARTICLES,
    THING_WORDS,
    is_title_word,
    known,
    name_key,
)
from analysis.entities.repair import institution_end
from analysis.entities.seats import after_seat
from analysis.entities.short_forms import LOWER_NAMED, abbreviates, comma_named

__all__ = ["join_neighbours"]

_NOT_PERSON = ORG_WORDS | GEO_WORDS | CLUB_WORDS | THING_WORDS | LEGAL_SUFFIXES
#: Abbreviated words inside place names, after which spaCy may cut ("Sault Ste. Marie", "Ft. Worth").
_PLACE_ABBREVIATIONS = frozenset({"St", "Ste", "Mt", "Ft", "Pt"})
_OF_HEADS = ORG_WORDS | ADMIN_WORDS
_LINKS = ("of", "for", "de", "del", "da", "do", "des", "di")
_LINK_ENDS = tuple(f" {w} " for w in _LINKS)
_OF_RUN = re.compile(r"((?:[A-Z][\w\u2019'-]*\s+)+)(" + "|".join(_LINKS) + r")\s+$")


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
    if len(before) >= 3 and before[-1] == "" and is_title_word(before[-3]) and not _sentence_end(before[-3]) \
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


def _sentence_end(word: str) -> bool:
    """Whether a title word ends its sentence ("… the Tarvin governor." before "Against Marwick, …"), so it
    titles no word of the next ("… the First Minister. Its Scotland organiser"): a stop after a whole noun,
    not an abbreviation ("Gov.", "Sen.", "Capt."), or another clause mark (round 11)."""
    bare = word[:-1].lower()
    return word.endswith((",", ";", ":", "!", "?")) or (
        word.endswith(".") and len(bare) > 4 and lexicon().get(bare) in ("NN", "NNS"))


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
    if text[a.end:b.start] != " " or len(a.text.split()) != 1 or len(b.text.split()) > 2 or a.text in CHAMBERS \
            or after_seat(text, a.start):
        return None  # "House" + "Tarvel" (+ " committee"): a chamber and a topic; "Member for Lismore" + "Ada Quist"
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
