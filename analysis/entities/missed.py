"""Mentions spaCy missed, found within one article.

- Propagation: untagged tokens spelled like a name found elsewhere in the
  article, a found person's surname or first name, a company's short form or
  an acronym given in brackets ("Tokayev further reflected…", "Rovers pulled one
  back", "the CPF"), and countries and well-known organisations named in the
  gazetteer ("Belize reefs rebounded", "ECB President Christine Lagarde").
- Patterns: a run of two or more capitalised proper nouns ("Mikel Arteta"; split
  after a place, "New South Wales Riverina", or without a descriptor, "Shipper
  Nordvik Line"), a capitalised proper noun that says or tells something ("Arteta
  said"), and a repeated one used as a team ("Lakeshore coach", "beat Lakeshore").

Every candidate must be capitalised and stand alone, not inside a longer
capitalised name ("Trump" in "Trump Tower"). Headlines are in title case, so only
propagation (not patterns) looks at them, and there only case counts.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import replace

from analysis.entities.context import MOTION_PREPS, MOTION_VERBS, coordinated
from analysis.entities.descriptors import alone_elsewhere, descriptor_end, is_title_phrase
from analysis.entities.gazetteer import FINDABLE_KEYS, lookup
from analysis.entities.lexicon import ordinary
from analysis.entities.mention import Mention, title_before
from analysis.entities.names import (
    ADMIN_WORDS,
    CLUB_WORDS,
    COMMERCIAL_WORDS,
    GENERIC_WORDS,
    GEO_WORDS,
    LEGAL_SUFFIXES,
    NAME_LABELS,
    ORG_WORDS,
    ROLE_HEADS,
    THING_WORDS,
    clean_name,
    initials,
    is_junk,
    is_title_head,
    is_title_word,
    known,
    name_key,
    person_name,
)
from analysis.entities.nicknames import nickname
from analysis.entities.repair import is_sport, storm_name
from analysis.entities.short_forms import abbreviates, defined
from analysis.entities.teams import team_cue, team_parts

__all__ = ["propagate", "patterns", "speaker_labels"]

_TAIL_WORDS = ORG_WORDS | GEO_WORDS | THING_WORDS | LEGAL_SUFFIXES
_INSTITUTION_WORDS = ORG_WORDS - COMMERCIAL_WORDS
_NOT_SHORT = ORG_WORDS | GENERIC_WORDS | LEGAL_SUFFIXES
_NOT_PERSON = ORG_WORDS | THING_WORDS | GENERIC_WORDS

_NOT_NAME_POS = frozenset({"VERB", "AUX", "INTJ", "ADV", "PRON", "DET", "ADP", "SCONJ", "CCONJ", "PART"})
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z]{2,6})\)")
#: Verbs whose subject is a speaker, so a person or organisation ("Arteta said").
SPEECH_VERBS = frozenset("""say tell add note argue warn explain insist stress remark write reply ask acknowledge
concede announce claim state testify comment admit confirm deny suggest""".split())


def _sentence_index(parsed) -> dict[int, tuple[list[int], list[int]]]:
    """Per paragraph: sentence start tokens and their sentence ids."""
    index: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for sid, unit, sent in parsed.sentences():
        index[unit.paragraph][0].append(sent.start)
        index[unit.paragraph][1].append(sid)
    return index


def _taken(unit, mentions: list[Mention]) -> set[int]:
    """Token indices already in a mention, or in a spaCy entity of a non-name label (dates, numbers)."""
    doc = unit.doc
    taken = {t.i for ent in doc.ents if ent.label_ not in NAME_LABELS for t in ent}
    for m in mentions:
        if m.paragraph == unit.paragraph:
            span = doc.char_span(m.start - unit.start, m.end - unit.start, alignment_mode="expand")
            taken.update(t.i for t in span or ())
    return taken


def _new(parsed, unit, sentences, i: int, j: int, origin: str, cue: bool = False) -> Mention | None:
    starts, sids = sentences[unit.paragraph]
    pos = bisect.bisect_right(starts, i) - 1
    if pos < 0:
        return None
    s, e = unit.offsets(unit.doc[i:j])
    text = parsed.article.text
    return Mention(sids[pos], unit.paragraph, s, e, text[s:e], "", origin, cue or title_before(text, s),
                   unit.doc[i].pos_ not in _NOT_NAME_POS, "ORG" if any(team_cue(t) for t in unit.doc[i:j]) else "")


# --- transcripts ---------------------------------------------------------------------------

_LABEL = re.compile(r"[\"\u201c]?([A-Z][A-Z'\u2019.-]+(?: [A-Z][A-Z'\u2019.-]+){0,2}):\s")


def speaker_labels(parsed, mentions: list[Mention]) -> list[Mention]:
    """The speaker labels of a transcript, a name in capitals opening a paragraph ("HADLEY: Let's
    start …"), as person mentions: when the article names a person so ("Ruth Hadley", also when the
    name is a word too, "Alan Morrow" for "MORROW:"), or when the
    label opens two paragraphs or more and is no known place (not a dateline, "MUMBAI: …") nor an
    ordinary word ("HOST:", "Q:")."""
    labels = []
    for unit in parsed.units:
        if unit.paragraph > 0 and (m := _LABEL.match(unit.text)) is not None:
            labels.append((unit, m))
    if not labels:
        return []
    people = {k for x in mentions if x.spacy_label == "PERSON" or x.cue
              for k in (name_key(x.text), name_key(x.text).rsplit(" ", 1)[-1])}
    counts = defaultdict(int)
    for _, m in labels:
        counts[name_key(m.group(1))] += 1
    taken = {(x.paragraph, x.start) for x in mentions}
    sentences = _sentence_index(parsed)
    out = []
    for unit, m in labels:
        key, start = name_key(m.group(1)), unit.start + m.start(1)
        if (unit.paragraph, start) in taken or is_junk(m.group(1)) or not (key in people or (
                counts[key] > 1 and known(m.group(1)) is None and not ordinary(m.group(1).title()))):
            continue  # a person's name even when it is also a word ("MORROW:" beside "Alan Morrow")
        sids = sentences[unit.paragraph][1]
        if sids:
            out.append(Mention(sids[0], unit.paragraph, start, unit.start + m.end(1), m.group(1), "", "pattern",
                               True, True))
    return out


# --- patterns ------------------------------------------------------------------------------

def _name_word(pos: str, t: str) -> bool:
    """Whether a token (its POS and text) can be part of a name: a capitalised proper noun, not a title."""
    return (pos == "PROPN" and t[:1].isupper() and any(c.islower() for c in t) and len(t) > 1
            and not is_title_word(t) and not is_junk(t))


def _name_flags(unit) -> tuple[bool, ...]:
    """:func:`_name_word` of every token of a unit's doc (computed once per unit)."""
    return unit.memo("name_flags", lambda u: tuple(map(_name_word, u.column("pos_"), u.column("text"))))


def _title_stripped(title: str, name: str) -> bool:
    """Whether a title before a single name is no part of it ("Lord Tarvell" is "Tarvell"; not "Queen Mary")."""
    return clean_name(f"{title} {name}", person=True) == (len(title) + 1, len(title) + 1 + len(name))


def patterns(parsed, mentions: list[Mention]) -> list[Mention]:
    """Names spaCy did not tag: runs of capitalised proper nouns, and speakers."""
    sentences = _sentence_index(parsed)
    teams = _team_words(parsed, mentions)
    places = {name_key(m.text) for m in mentions if m.spacy_label in ("GPE", "LOC")}
    places |= {k for k in (name_key(m.text) for m in mentions) if (e := lookup(k)) and e.label in ("GPE", "LOC")}
    hyphenated = {name_key(w) for m in mentions for w in m.text.split() if "-" in w}  # "Ouellet-Brun"
    out = []
    for unit in parsed.units:
        if unit.paragraph == 0:
            continue
        doc, taken = unit.doc, _taken(unit, mentions)
        tokens, words, spaces, flags = unit.tokens, unit.column("text"), unit.column("whitespace_"), _name_flags(unit)
        n = len(tokens)
        i = 0
        while i < n:
            j = i
            while j < n and j not in taken and flags[j] and (j == i or spaces[j - 1]):
                j += 1
            hyphen = j - i >= 2 and _hyphen_part(words, spaces, flags, taken, j, places)
            # "company SOCAR", "IEBC returning officer"
            if j == i and words[i].isupper() and i not in taken and _acronym_org(tokens, i):
                mention = _new(parsed, unit, sentences, i, i + 1, "pattern")
                if mention is not None:
                    out.append(replace(mention, hint="ORG"))
                i += 1
                continue
            speaker = j == i + 1 and _is_speaker(tokens[i])
            team = j == i + 1 and words[i] in teams
            place = j == i + 1 and j < n and words[j] in _PLACE_AFTER and not (  # "Manicaland province"
                tokens[i].is_sent_start and ordinary(words[i]))  # not "Endangered river dolphins"
            role = j == i + 1 and i > 0 and not tokens[i].is_sent_start and _role_follows(tokens, j)
            titled = (j == i + 1 and i > 0 and words[i - 1][:1].isupper() and is_title_head(words[i - 1])
                      and not ordinary(words[i]) and (j == n or not words[j][:1].isupper())
                      and _title_stripped(words[i - 1], words[i]))
            # "Judge Lord Tarvell", "Baroness Quist" (session 10); not "Queen Mary", nor a first name before a name
            linked = (j == i + 1 and not (speaker or team or place or role or titled)
                      and _place_context(tokens, i, places))  # "Sofia and Plovdiv", "in Bol,"
            place = place or linked
            if (2 <= j - i <= 4 or speaker or team or place or role or titled) \
                    and (linked or titled or not _inside_longer_name(doc, i, j)) \
                    and not (j < len(doc) and is_title_phrase(doc[i:j].text, doc[j].text)):
                camel = any(c.isupper() for c in doc[i].text[1:])  # "QazGasLink said": a company
                for a, b in _run_pieces(doc, i, j, places):
                    if hyphen and b == j and b - a >= 2:
                        b += 2  # "Catalina Pham" + "-Ruiz": a hyphenated surname whole
                    if a == i >= 2 and words[a - 1] == "-" and not (spaces[a - 2] or spaces[a - 1]) \
                            and a - 2 not in taken and ((speaker and flags[a - 2]) or (
                                words[a - 2][:1].isupper() and name_key(doc[a - 2:b].text) in hyphenated)
                                or (b - a >= 2 and flags[a - 2] and known(words[a - 2]) is None)):
                        a -= 2  # "Tanabe-Morris said", or a name the article writes so: the hyphenated surname;
                        # a hyphenated given name before a full name ("Jan-Michael Tarvell", session 10)
                    mention = _new(parsed, unit, sentences, a, b, "pattern", cue=speaker and not camel and b - a == 1)
                    if mention is not None and (known(mention.text) is None or (a, b) != (i, j)):
                        place_tail = not mention.hint and a > i and name_key(doc[i:a].text) in places
                        # "… Wales Riverina", "Manicaland province"
                        out.append(replace(mention, hint="GPE") if place_tail or place else mention)
            i = max(j, i + 1)
    return out


#: Prepositions whose object, joined to a capitalised word, makes it a place ("between Blandford and
#: Shaftesbury").
_PLACE_PREPS = frozenset({"in", "near", "across", "between"})
#: Plural place nouns after a coordination of names ("the Aspe and Ossau valleys").
_PLURAL_PLACE_NOUNS = frozenset("valleys rivers islands lakes mountains provinces regions districts counties".split())
_PLACE_AFTER = frozenset("""province region district county oblast prefecture governorate mountains river lake
valley island islands coast hills""".split())
#: Nouns for organisations that an acronym may follow ("the state energy company SOCAR").
_ORG_BEFORE = frozenset("""company union operator agency regulator firm group party bank broadcaster carrier
airline supplier commission authority insurer lender network""".split())


def _hyphen_part(words, spaces, flags, taken, j: int, places: set[str]) -> bool:
    """Whether a name run ending before token ``j`` goes on over a hyphen to a capitalised word that
    is no place ("Nneka Obi" + "-Fitzgerald", not "Port Elms" + "-Dover")."""
    return (j + 1 < len(words) and words[j] == "-" and not spaces[j - 1] and not spaces[j] and flags[j + 1]
            and j + 1 not in taken and name_key(words[j + 1]) not in places and lookup(name_key(words[j + 1])) is None
            and (j + 2 == len(words) or words[j + 2] != "-"))


def _acronym_org(tokens, i: int) -> bool:
    """Whether token ``i`` is an organisation's acronym spaCy missed: in capitals, after an
    organisation noun ("company SOCAR", "operator NMBS") or before a role and a name ("IEBC
    returning officer Mary Atieno")."""
    tok = tokens[i]
    word = tok.text
    if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
        return False
    if is_junk(word) or known(word) is not None or tok.ent_type_ not in ("", "ORG"):
        return False
    return (i > 0 and tokens[i - 1].lower_ in _ORG_BEFORE) or _role_follows(tokens, i + 1)


def _place_context(tokens, i: int, places: set[str]) -> bool:
    """Whether a lone capitalised word is a place by its neighbours: joined by "and" or "or" to a
    place ("Nottingham or Peterborough") or to a name before a plural place noun ("the Aspe and Ossau
    valleys"), or after "in" or "near" inside a sentence ("in Bol,")."""
    tok = tokens[i]
    group = coordinated(tok)
    last = max((x.i for x in [tok, *group]))
    if group and last + 1 < len(tokens) and tokens[last + 1].lower_ in _PLURAL_PLACE_NOUNS:
        return True  # "the Aspe and Ossau valleys"
    if any(x.ent_type_ in ("GPE", "LOC") or name_key(x.text) in places
           or (x.dep_ == "pobj" and x.head.lower_ in _PLACE_PREPS)
           or (x.dep_ == "pobj" and x.head.lower_ in MOTION_PREPS and x.head.head.lemma_.lower() in MOTION_VERBS)
           for x in group):
        return True  # "in Athlone, Cork and Rosslare", "between Blandford Forum and Shaftesbury", "travel to …"
    if i + 2 < len(tokens) and tokens[i + 1].text == "-" and not tokens[i].whitespace_ \
            and name_key(tokens[i + 2].text) in places:
        return True  # "Bremen-Hamburg"
    if i > 1 and tokens[i - 1].text == "-" and not tokens[i - 2].whitespace_ \
            and name_key(tokens[i - 2].text) in places:
        return True
    return (i > 1 and tokens[i - 1].lower_ in ("in", "near") and not tokens[i - 1].is_sent_start
            and (i + 1 == len(tokens) or not tokens[i + 1].text[:1].isupper()))


def _role_follows(tokens, j: int) -> bool:
    """Whether lower-case role words and then a capitalised name follow token ``j`` ("Třebíč"
    before "mayor Pavel Kratochvíl", "Morobe" before "governor Ken Tolo")."""
    k = j
    while k < len(tokens) and k - j < 3 and tokens[k].text.islower() and (
            tokens[k].pos_ in ("NOUN", "ADJ") or tokens[k].tag_ == "VBG"):
        k += 1
    return (j < k < len(tokens) and tokens[k - 1].lower_ in ROLE_HEADS and tokens[k].pos_ == "PROPN"
            and tokens[k].text[:1].isupper())


def _team_words(parsed, mentions: list[Mention]) -> set[str]:
    """Single capitalised proper nouns used as a team at least once ("Lakeshore coach", "beat
    Lakeshore") and named at least twice in the body."""
    counts: dict[str, int] = defaultdict(int)
    cued = set()
    for unit in parsed.units[1:]:
        words = unit.column("text")
        for k, flag in enumerate(_name_flags(unit)):
            if flag and known(words[k]) is None:
                counts[words[k]] += 1
                if team_cue(unit.tokens[k]):
                    cued.add(words[k])
    return {w for w in cued if counts[w] >= 2}


def _run_pieces(doc, i: int, j: int, places: set[str]) -> list[tuple[int, int]]:
    """A run of capitalised words split after a leading place ("New South Wales Riverina"
    → "New South Wales", "Riverina") or without a leading common-noun descriptor
    ("Shipper Nordvik Line" → "Nordvik Line")."""
    for k in range(j - 1, i, -1):
        head, tail = doc[i:k], doc[k:j]
        if name_key(head.text) in places and not any(
                t.lower_ in _TAIL_WORDS for t in tail) \
                and not (len(tail) == 1 and _plural(tail[0].text)):
            return [(i, k), (k, j)]
    words = [t.text for t in doc[i:j]]
    text = doc.text
    if descriptor_end(words, sentence_start=doc[i].is_sent_start, label="",
                      elsewhere=alone_elsewhere(text, doc[i + 1:j].text, doc[i:j].text)):
        return [(i + 1, j)]
    return [(i, j)]


_LINKS = frozenset("of on the for and de".split())


def _inside_longer_name(doc, i: int, j: int) -> bool:
    """Whether tokens i..j continue a capitalised name before them or after them, directly
    or across "of", "on", "the" ("Convention on the Legal Status of the Caspian Sea"); a person "of" a
    name is no longer name ("Ada Quist of Harlow Partners")."""
    def capital(tok) -> bool:
        return tok.text[:1].isupper() and (tok.pos_ == "PROPN" or tok.ent_type_ != "")

    k = i - 1
    while k >= 0 and i - k <= 3 and doc[k].lower_ in _LINKS:
        k -= 1
    if k >= 0 and capital(doc[k]) and (k == i - 1 or doc[k + 1].lower_ in _LINKS) \
            and not (k == i - 1 and is_title_word(doc[k].text)) \
            and not (k < i - 1 and doc[k].ent_type_ == "PERSON" and doc[k + 1].lower_ == "of"):
        return True  # not "Selectwoman Hattie Quimby", nor a person's firm ("Ada Quist of Harlow Partners")
    k = j
    while k < len(doc) and k - j < 3 and doc[k].lower_ in _LINKS:
        k += 1
    return k > j and k < len(doc) and capital(doc[k])


def _is_speaker(tok) -> bool:
    """The subject of a speech verb ("Arteta said"), or X in "according to X"."""
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in SPEECH_VERBS:
        return True
    return tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


# --- propagation ----------------------------------------------------------------------------

def _short_forms(name: str) -> list[str]:
    """Short forms of an organisation's name: without its legal suffix ("Duvanel SA" →
    "Duvanel"), its distinctive first word ("Lakeshore Capital Partners" →
    "Lakeshore") and, for two words, its plural last word ("Ashford Rovers" → "Rovers")."""
    words = name.split()
    if len(words) < 2 or known(name) is not None:
        return []
    out = []
    if words[-1].lower().strip(".") in LEGAL_SUFFIXES:
        out.append(" ".join(words[:-1]))
    tail = known(" ".join(words[1:]))  # "BBC Scotland": "BBC" is another organisation
    if " of " not in f" {name.lower()} " and not any(w.lower() in _INSTITUTION_WORDS for w in words) \
            and not (tail is not None and tail.label in ("GPE", "LOC")):
        for word in {words[0], words[-1]} if len(words) == 2 else {words[0]}:
            bare = word.lower()
            if (len(word) > 2 and word[:1].isupper() and bare not in _NOT_SHORT
                    and not is_title_word(word) and known(word) is None and (word == words[0] or _plural(word))):
                out.append(word)
    return out


def _plural(word: str) -> bool:
    """A plural last word can stand for its team or band ("Rovers", "Sharks")."""
    return word.endswith("s") and not word.endswith("ss")


def _person_parts(text: str) -> list[str]:
    """Surname, nickname ("Tomek" of "Tomasz "Tomek" Wierzba") and (unless it names a place) first name of a
    full person name."""
    pn = person_name(text)
    if pn is None or any(w.lower() in _NOT_PERSON for w in text.split()):
        return []
    words = text.split()
    n_surname = len(pn.surname.split())
    surname = " ".join(words[len(words) - n_surname - (1 if pn.suffix else 0):len(words) - (1 if pn.suffix else 0)])
    parts = [surname]
    if (nick := nickname(text, key=False)) is not None:
        parts.append(nick)
    if known(words[0]) is None and len(words[0].rstrip(".")) > 1:
        parts.append(words[0])
    return parts


def propagate(parsed, mentions: list[Mention], *, headings: dict[int, tuple[int, int]] | None = None) -> list[Mention]:
    """Untagged tokens spelled like a name of the article, a part of one, or a gazetteer name; subheadings
    in the body (``headings``: paragraph → offsets) are headlines, where spaCy tags poorly and only case
    counts ("… Warns ISIS Still Holds Towns In Peru")."""
    text = parsed.article.text
    headings = headings or {}
    units = {u.paragraph: u for u in parsed.units}
    names: dict[tuple[str, ...], str] = {}  # token texts → "name" | "norp" | "short" | "club"
    sport = is_sport(text)

    def add(span, lo: int, hi: int, kind: str) -> None:
        seq = tuple(t.text for t in span if t.idx >= span.start_char + lo and t.idx + len(t) <= span.start_char + hi)
        if seq and (kind not in ("short", "club") or seq not in names):
            names[seq] = kind if names.get(seq) in (None, "short", "club") else names[seq]

    for m in mentions:
        unit = units.get(m.paragraph)
        span = unit.doc.char_span(m.start - unit.start, m.end - unit.start) if unit is not None else None
        if span is None:
            continue
        entry = known(m.text)
        add(span, 0, len(m.text), "norp" if m.spacy_label == "NORP" or (entry and entry.label == "NORP") else "name")
        if m.origin == "dateline" and m.text.isupper():  # "BERGEN, Norway" names "Bergen" in the body
            names.setdefault(tuple(t.text.title() for t in span), "name")
        if m.spacy_label == "PERSON" or m.cue or (m.spacy_label == "ORG" and len(m.text.split()) == 2):
            for part in _person_parts(m.text):  # of "Lydia Musimbi" even when spaCy calls her ORG
                if (m.spacy_label == "PERSON" and m.paragraph > 0) or m.cue or not ordinary(part):
                    # a title-case headline glues words to names: "Shares" of "Vallmora Energía Shares"
                    add(span, *_where(m.text, part), "name")
        if m.spacy_label == "ORG":
            for part in _short_forms(m.text):
                add(span, *_where(m.text, part), "short")
            acronym = _ACRONYM_AFTER.match(text, m.end)
            if acronym and (acronym.group(1) in initials(m.text)  # "Caspian Policy Forum (CPF)"
                            or abbreviates(acronym.group(1), m.text)  # "Office of Audit (OOA)" (round 8b)
                            or defined(acronym.group(1), m)):  # round 11: "… Producers' Union (UPAU)"
                names.setdefault((acronym.group(1),), "name")
        words = m.text.split()
        if m.spacy_label in ("GPE", "LOC") and len(words) > 1 and words[-1].lower() in ADMIN_WORDS:
            add(span, 0, len(m.text) - len(words[-1]) - 1, "short")  # "Morobe" of "Morobe Province"
        storm = storm_name(m.text)
        if storm:
            add(span, *_where(m.text, storm), "name")  # "Odalys" of "Hurricane Odalys"
        if sport and len(words) == 2 and words[-1].lower() in CLUB_WORDS:
            add(span, len(m.text) - len(words[-1]), len(m.text), "club")  # "City" of "Porthaven City"
        if sport and m.spacy_label != "PERSON" and (team := team_parts(text, m.start, m.end)) is not None:
            add(span, len(m.text) - len(team[1]), len(m.text), "name")  # "Stags" of "the Hamilton Stags"
            add(span, 0, len(team[0]), "name")  # and "Hamilton" (a team or the town, as its sentence says)
    if not names:
        return []
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for seq in sorted(names, key=len, reverse=True):
        by_first[seq[0]].append(seq)
    sentences = _sentence_index(parsed)
    out = []
    for unit in parsed.units:
        doc, taken = unit.doc, _taken(unit, mentions)
        words, idx = unit.column("text"), unit.column("idx")
        i = 0
        heading = headings.get(unit.paragraph)
        title_case = len(unit.text) if unit.paragraph == 0 else heading[1] - unit.start if heading else -1
        while i < len(doc):
            headline = idx[i] < title_case
            for seq in [*by_first.get(words[i], ()), *_known_at(words, idx, unit.text, i, headline=headline)]:
                j = i + len(seq)
                if (words[i:j] != seq or any(k in taken for k in range(i, j))
                        or not _propagation_ok(doc, i, j, names.get(seq, "country"), headline=headline)):
                    continue
                mention = _new(parsed, unit, sentences, i, j, "propagated")
                if mention is None:
                    continue
                out.append(mention)
                taken.update(range(i, j))
                i = j - 1
                break
            i += 1
    return out


def _where(text: str, part: str) -> tuple[int, int]:
    """Offsets of a part that begins or ends a name (its first occurrence from the end if not a prefix)."""
    lo = 0 if text.startswith(part) else text.rfind(part)
    return lo, lo + len(part)


def _known_at(words: tuple[str, ...], idx: tuple[int, ...], text: str, i: int, *,
              headline: bool = False) -> tuple[tuple[str, ...], ...]:
    """Token texts of a country or well-known organisation (from the gazetteer) starting at
    token ``i``, if any; a short one must be in capitals ("US", not "Us"), but in a headline a
    country that is no ordinary word ("Peru").

    Args:
        words: The texts of the doc's tokens.
        idx: Their character offsets in the doc's ``text``.
        text: The doc's text.
        i: The token.
    """
    if not words[i][:1].isupper():
        return ()
    for n in (4, 3, 2, 1):
        if i + n <= len(words):
            last = i + n - 1
            span = text[idx[i]:idx[last] + len(words[last])]  # the span's text
            if name_key(span) in FINDABLE_KEYS:
                if n == 1 and len(span.replace(".", "")) <= 5 and not span.isupper() and not (
                        headline and not ordinary(span) and lookup(name_key(span)).label == "GPE"):
                    return ()
                return (words[i:i + n],)
    return ()


def _propagation_ok(doc, i: int, j: int, kind: str, *, headline: bool = False) -> bool:
    """A missed mention must be capitalised, a noun when it starts a sentence (or a
    demonym adjective), and stand alone, not inside a longer capitalised name
    ("Trump" in "Trump Tower"); a short form or a country not found by spaCy must
    be a proper noun. Headlines are tagged poorly, so there only case counts."""
    first = doc[i]
    if not first.text[:1].isupper():
        return False
    if kind == "club" and i > 0 and doc[i - 1].lower_ in ("the", "a", "this", "that"):
        return False  # "the City", "a Town": no club
    if not headline:
        if kind in ("short", "country") and not (first.pos_ == "PROPN" or (kind == "short" and j - i == 1
                                                                          and _plural(first.text))):
            return False
        allowed = ("PROPN", "NOUN", "ADJ") if kind == "norp" else ("PROPN", "NOUN")
        if j - i == 1 and first.is_sent_start and first.pos_ not in allowed:
            return False

    def joins(tok) -> bool:  # in a title-case headline, "High" in "Vienna-Bratislava High-Speed" joins nothing
        return (tok.pos_ == "PROPN" and tok.text[:1].isupper() and not is_title_word(tok.text)
                and not (headline and ordinary(tok.text)))

    return not ((i > 0 and joins(doc[i - 1]) and doc[i - 1].whitespace_)
                or (j < len(doc) and joins(doc[j]) and doc[j - 1].whitespace_))


