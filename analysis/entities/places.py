"""World places (round 10c): real cities, US states and counties and countries that spaCy's small model
labels PRODUCT, ORG, PERSON, NORP or WORK_OF_ART ("Santander", "Győr", "Zanzibar") or misses ("from Owo",
"Fredericton-based").

The lexicon is ``data/places.tsv`` (GeoNames, CC BY 4.0, and ISO 3166-2 names, written by
``bench/make_places.py``: cities of 15,000 people or more, US states and counties, other countries' regions
(round 11b), countries), read once per process (:func:`load`, called by
:func:`analysis.extract.warm_up` before helper processes fork). :func:`world_places` runs on the article's
mentions once their contexts are known (:mod:`analysis.entities.context`):

- relabel: the mentions of a name the lexicon knows as a place become GPE when nothing in the article says
  the name is something else (a title, role or first name before it, an organisation word after it, a
  person's, speaker's or business context, a team cue, a longer name of the article containing it). When
  spaCy labelled them all PRODUCT, WORK_OF_ART, NORP, EVENT or LAW that is enough; when it called one of them
  an organisation, a person or a facility, or the name is also a common word or a first name, one of them
  must also stand where a place stands ("in Győr", "Kraków, Poland"), and an ambiguous name stays as spaCy
  said ("Honda" the carmaker);
- town: a person's surname that the lexicon knows as a town, where only a town stands ("grew up in X", "the
  city of X", "moved north from X"; not "faith in X"), is the town;
- missed: a capitalised name spaCy did not tag at all, which the lexicon knows as a place and which stands
  where a place stands ("from Owo", "in Santa Cruz del Quiché", "terminals at Mundra", "Fredericton-based",
  "Oshkosh, Wisconsin", "from Katima Mulilo to Lüderitz", "Rustenburg and Brits"), becomes a GPE mention.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from analysis.entities.lexicon import ordinary
from analysis.entities.mention import Mention
from analysis.entities.names import (
    CLUB_WORDS,
    GEO_WORDS,
    LEGAL_SUFFIXES,
    ORG_WORDS,
    THING_WORDS,
    TOWN_WORDS,
    is_title_head,
    known,
)
from analysis.quotes.names import given_name_gender

__all__ = ["PLACES_FILE", "load", "place_kind", "ambiguous", "world_places", "own_place", "state_short", "word_after",
           "NOT_PLACE_AFTER", "OFFICE_ROLES"]

PLACES_FILE = Path(__file__).parent / "data" / "places.tsv"
#: spaCy labels a known place may wrongly carry, which drop it from the names (a product, a work, a people…);
#: a facility only where a place stands ("in Foggy Bottom" may be the ministry there).
_DROPPED = frozenset({"PRODUCT", "NORP", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
#: Name labels a place may wrongly carry where its sentence puts it where a place stands ("in Győr").
_NAMED = frozenset({"ORG", "PERSON", "FAC"})
_WRONG = _DROPPED | _NAMED
#: Contexts that say a name is no place (:func:`analysis.entities.context.context_hint`).
_NOT_PLACE = frozenset({"PERSON", "SPEAKER", "ORG", "PREFIX"})
#: Words after a name that make it an organisation, team, thing or a longer place ("Santander Bank").
NOT_PLACE_AFTER = ORG_WORDS | LEGAL_SUFFIXES | CLUB_WORDS | THING_WORDS | GEO_WORDS
#: Roles after an agency's acronym and a region that make the region its office's ("OCD Western Visayas
#: spokesperson", "DSWD Eastern Visayas regional director"; not "BBC Scotland's", "ETH Zurich and").
OFFICE_ROLES = frozenset("""regional district provincial area spokesperson spokesman spokeswoman director manager
chief head official officer coordinator commander superintendent administrator""".split())
#: Words before a missed name that make it a place ("from Owo"); "of" and "to" only for unambiguous names.
_PLACE_PREPS = frozenset("in from near outside across around throughout inside within into via".split())
_WEAK_PREPS = frozenset("of to at".split())
_CONNECTORS = frozenset("de del da do dos das di la le les el al am an upon on en sur and of the".split())
_ORG_BEFORE_OF = ORG_WORDS | frozenset({"the"})  # "University of X", "the Duke of X"
#: What stands right before a town's name, never before a person's: "in" or "near" after a word that no
#: abstract noun is ("faith in", "trust in"), "city of", "north of", a motion's "from".
_TOWN_BEFORE = re.compile(r"(?:\b(?P<noun>[A-Za-z]+) (?:in|near|outside)|\b(?:city|town|village|suburb|north|south|east"
                          r"|west|north-east|north-west|south-east|south-west) of|\b(?:moved|came|drove|flew|travelled"
                          r"|traveled|north|south|east|west|away) from|\bgrew up in) $")
_ABSTRACT = frozenset("""faith trust confidence belief interest stake role support hope pride share part
investment""".split())
_PAIR_BEFORE = re.compile(r"(?<![\w'\u2019.-])([A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+)?)[\u2013/]$")
_PARTY_BEFORE = re.compile(r"[,(] ?[RDI]-$")  # "R-Oshkosh": a legislator's party and home town
#: A run of capitalised words (with connectors) standing alone: a candidate for a missed place; a capitalised
#: preposition opening a sentence is no part of it ("In Olsztyn").
_RUN = re.compile(r"(?<![\w'\u2019.-])(?:(?:In|From|Near|To|At|The|And|Of) )?(?P<name>[A-Z][^\W\d_]*(?:[-'\u2019]"
                  r"[^\W\d_]+)*(?: (?:(?:de|del|da|do|dos|das|di|la|le|les|el|al|am|an|upon|on|en|sur) )*"
                  r"[A-Z][^\W\d_]*(?:[-'\u2019][^\W\d_]+)*)*)(?![\w'\u2019-]| [A-Z])")


@functools.cache
def load() -> dict[str, str]:
    """The lexicon: name as written → ``kind<TAB>country code<TAB>population`` (read once per process)."""
    text = PLACES_FILE.read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if line and line[0] != "#")


def place_kind(name: str) -> str | None:
    """"city", "region" or "country" when the lexicon knows ``name`` (as written, or without its accents; a
    curly apostrophe counts as a straight one), else None."""
    name = name.replace("\u2019", "'")
    row = load().get(name)
    if row is None and not name.isascii():  # "Whangārei": the lexicon has every name's ASCII form
        row = load().get("".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)))
    return row.partition("\t")[0] if row is not None else None


def state_short(name: str) -> str | None:
    """The short form of a region named with "State" ("Benue" of "Benue State"), when the lexicon knows both
    as regions; None otherwise ("Ohio State" is a university, "Lagos State" no short form of the city)."""
    short, _, state = name.rpartition(" ")
    if state != "State" or place_kind(name) != "region" or place_kind(short) != "region":
        return None
    return short


def own_place(short: str, longer: str, *, placed: bool = True) -> bool:
    """Whether a known place's bare name, where the article puts it as a place ("in Machakos", a dateline),
    names a place of its own rather than the longer name it begins: a city beside its county, region or
    province ("Machakos County", "Antofagasta Region"), a city beside a company named after it ("Pune Nagarik
    Sahakari Bank"), and, when ``placed`` (the object of "in", "from"…; not "the Magdalena, Colombia's main
    waterway"), a city or region beside its river, bay or valley ("in Pampanga", "Pampanga River"). A region's
    name stays the short form of its administrative name ("Morobe" of "Morobe Province"), and a city that of
    its "City" ("Tacloban City")."""
    words, more = short.split(), longer.split()
    if len(more) <= len(words) or [w.lower() for w in more[:len(words)]] != [w.lower() for w in words]:
        return False
    kind = place_kind(short if not short.isupper() else short.title())
    head = more[-1].lower().strip(".")
    if kind is None or head == "city" or head in TOWN_WORDS:
        return False
    if head in GEO_WORDS:
        return placed
    return kind == "city"


@functools.lru_cache(maxsize=4096)
def ambiguous(name: str) -> bool:
    """Whether a place's name is also something else often: a common word ("Bend", "Gore", "Mobile"), a first
    name ("Eugene", "Lawrence"), or a name the gazetteer knows as no place."""
    entry = known(name)
    if entry is not None and entry.label not in ("GPE", "LOC"):
        return True
    words = name.split()
    return len(words) == 1 and (ordinary(name) or given_name_gender(name) is not None or len(name) < 3)


def world_places(parsed, mentions: list[Mention]) -> list[Mention]:
    """Mentions with known places relabelled GPE and missed ones added (see the module docstring)."""
    if not mentions and not parsed.units:
        return mentions
    text = parsed.article.text
    return _missed(parsed, _relabel(text, mentions))


def _word_before(text: str, start: int) -> str:
    before = text[max(0, start - 30):start].split("\n")[-1]
    words = before.split()
    return words[-1] if words and before[-1:] == " " else ""


def word_after(text: str, end: int) -> str:
    after = text[end:end + 30].split("\n")[0]
    words = after.split()
    return words[0].strip(".,;:!?\"'\u2019\u201d()") if words and after[:1] == " " else ""


def _against(text: str, m: Mention) -> bool:
    """Whether this mention says its name is no place."""
    if m.cue or m.role or m.context in _NOT_PLACE or m.team:
        return True
    before, after = _word_before(text, m.start), word_after(text, m.end)
    if before and (is_title_head(before) or given_name_gender(before) is not None):
        return True  # "Mayor Gore", "Ray Bowman"
    if after[:1].isupper() and after.lower() in NOT_PLACE_AFTER:
        return True  # "Santander Bank", "Dunfermline Athletic"
    return text[m.end:m.end + 2] in ("'s", "\u2019s") and m.context != "GPE"


def _town_position(text: str, m: Mention) -> bool:
    """Whether a mention stands where only a town stands, so that a person's surname there is the town
    ("grew up in Wheeling", "a woman in Mansfield", "the city of Mansfield", "moved north from Nelson",
    "north-west of Gore"); not "faith in Clinton" nor "a call from Carson"."""
    if text[m.end:m.end + 2] in ("'s", "\u2019s"):
        return False
    m2 = _TOWN_BEFORE.search(text, max(0, m.start - 40), m.start)
    return m2 is not None and m2.end() == m.start and m2.group("noun") not in _ABSTRACT


def _relabel(text: str, mentions: list[Mention]) -> list[Mention]:
    groups: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.start >= 0 and m.paragraph > 0:
            groups.setdefault(m.text, []).append(i)
    inside = {w for m in mentions if " " in m.text.strip() and place_kind(m.text) is None for w in m.text.split()}
    out = list(mentions)
    for i, m in enumerate(mentions):  # a person's surname where only a town stands: the town
        if (m.start >= 0 and m.paragraph > 0 and " " not in m.text and m.text in inside and not m.cue
                and place_kind(m.text) is not None and not ambiguous(m.text) and _town_position(text, m)):
            out[i] = replace(m, spacy_label="GPE", hint="GPE", context="GPE")
    for name, idx in groups.items():
        group = [mentions[i] for i in idx]
        if (place_kind(name) is None or not any(m.spacy_label in _WRONG for m in group)
                or any(w in inside for w in name.split()) or any(_against(text, m) for m in group)):
            continue
        placed = any(m.context == "GPE" or m.hint == "GPE" for m in group)
        country = place_kind(name) == "country"  # no country is a building: "in Monaco" FAC
        dropped = all(m.spacy_label in _DROPPED or m.spacy_label in ("GPE", "LOC")
                      or (country and m.spacy_label == "FAC") for m in group)
        if dropped and place_kind(name) == "region" and any(m.spacy_label == "NORP" for m in group):
            dropped = False  # a region's name as a people's adjective: "the Balkan country"
        if not placed and (not dropped or ambiguous(name)):
            continue  # "Honda" the carmaker, "Gore" the surname: only where a place stands
        if not dropped and ambiguous(name):
            continue
        for i in idx:
            if mentions[i].spacy_label in _WRONG:
                out[i] = replace(mentions[i], spacy_label="GPE")
    return out


def _missed(parsed, mentions: list[Mention]) -> list[Mention]:
    text = parsed.article.text
    spans = [(m.start, m.end) for m in mentions if m.start >= 0]
    places = {m.text for m in mentions if m.spacy_label in ("GPE", "LOC")}
    sentences: dict[int, list[tuple[int, int]]] = {}
    out = list(mentions)
    starts = {a for a, _ in spans}
    acronyms = {(m.start, m.end) for m in mentions if m.start >= 0 and m.text.isupper() and " " not in m.text}
    for unit in parsed.units:
        if unit.paragraph == 0:
            continue
        for run in _RUN.finditer(unit.text):
            s, words = unit.start + run.start("name"), run.group("name")
            if s in starts:  # a mention's name (most runs are), or an acronym's and a region's ("DSWD Eastern Visayas")
                head = words.partition(" ")[0]
                if not (head.isupper() and head.isalpha() and (s, s + len(head)) in acronyms and " " in words):
                    continue
                s, words = s + len(head) + 1, words.partition(" ")[2]
            if words[1:2] == "-" and words[:1] in "RDI":
                s, words = s + 2, words[2:]  # "R-Oshkosh"
            head, dash, tail = words.partition(" ")[0].partition("-")
            if dash and tail.islower():
                words = head  # "Fredericton-based", "Tilburg-born"
            name = _known_prefix(words)
            e = s + len(name)
            if not name or any(a < e and s < b for a, b in spans):
                continue
            if not _place_position(text, s, e, name, places):
                continue
            if not sentences:
                for sid, u, sent in parsed.sentences():
                    sentences.setdefault(u.paragraph, []).append((u.start + sent.start_char, sid))
            sid = max((x for x in sentences.get(unit.paragraph, []) if x[0] <= s), default=None)
            if sid is not None:
                out.append(Mention(sid[1], unit.paragraph, s, e, name, "GPE", "pattern", hint="GPE", context="GPE"))
                spans.append((s, e))
    return out


@functools.lru_cache(maxsize=8192)
def _known_prefix(run: str) -> str:
    """The longest known place a run of capitalised words opens, ending the run or before a lower-case
    connector ("Olsztyn" of "Olsztyn on Friday"; not "Cardiff" of "Cardiff University"); "" if none."""
    words = run.split(" ")
    for k in range(len(words), 0, -1):
        if words[k - 1][:1].isupper() and (k == len(words) or words[k][:1].islower()):
            name = " ".join(words[:k])
            if place_kind(name) is not None:
                return name
    return ""


def _place_position(text: str, s: int, e: int, name: str, places: set[str]) -> bool:
    """Whether a known place's name spaCy missed stands where a place stands (see the module docstring)."""
    before = text[max(0, s - 40):s]
    if _PARTY_BEFORE.search(before):
        return True  # "R-Oshkosh"
    after = text[e:e + 40]
    if after.startswith("-based"):
        return True
    if after[:2] == ", " and (_state(after[2:].split(" ")[0].strip(".,;:")) or
                              after[2:].split(" ")[0].strip(".,;:") in places):
        return True  # "Oshkosh, Wisconsin"
    words = before.split()
    if not words or before[-1:] != " ":
        pair = _PAIR_BEFORE.search(before)  # "the Nairobi–Mombasa highway": a route between two places
        return name in places or (pair is not None and pair.group(1) in places and not ambiguous(name))
    weak = ambiguous(name)
    prep = words[-1]
    if prep.isupper() and prep.isalpha() and 2 <= len(prep) <= 6 and not weak and word_after(text, e) in OFFICE_ROLES:
        return True  # "DSWD Eastern Visayas regional director": the region of an agency's office
    if (not weak and prep[-1:] == "," and prep[:1].isupper() and len(prep) > 2
            and place_kind(name) in ("region", "country")):
        return True  # "in Ota, Ogun State", "Pasir Gudang, Johor": a town and its region
    if prep in _PLACE_PREPS and not weak:
        return True
    if prep in _WEAK_PREPS and not weak and (len(words) < 2 or words[-2].lower() not in _ORG_BEFORE_OF):
        return True
    if not weak and (_listed(prep, words[-2] if len(words) > 1 else "", places) or _listed_after(after, places)):
        return True  # "Rustenburg and X", "X and Rustenburg": a list with a place of the article
    return name in places


def _listed(prep: str, word: str, places: set[str]) -> bool:
    """Whether the words before a name end a place and a conjunction or comma ("Rustenburg and", "Kettering,")."""
    if prep in ("and", "or"):
        return word.strip(",") in places
    return prep.endswith(",") and prep[:-1] in places


def _listed_after(after: str, places: set[str]) -> bool:
    """Whether a name is followed by a conjunction or comma and a place of the article ("and Rustenburg")."""
    words = after.split()
    return (len(words) > 1 and words[0] in ("and", "or", ",") and words[1].strip(".,;:") in places) or (
        after[:2] == ", " and len(words) > 0 and words[0].strip(".,;:") in places)


def _state(word: str) -> bool:
    entry = known(word)
    return word[:1].isupper() and entry is not None and entry.label == "GPE"
