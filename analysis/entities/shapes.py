"""Reshaping spaCy's spans before clustering: rules that need a little context.

- A place glued onto an organisation: "University of Reading in England" →
  "University of Reading" + "England" (:func:`split_locative`).
- A common-noun descriptor before a name: "Shipper Nordvik Line",
  "Watchmaker Duvanel" → "Nordvik Line", "Duvanel" (:func:`descriptor_end`).
- A title phrase before a person: "Federal Agriculture" in "Federal Agriculture
  Minister Jane Doe" is no organisation (:func:`is_title_phrase`).
- A possessive business name: "Rosa" in "Rosa's Kitchen" is the diner, not the
  owner (:func:`business_end`).
- Two places in one span: "Greenock to Aberdeen", "Enugu, Nigeria"; a list of places,
  "Salalah, Duqm and Sur" (:func:`split_joined_places`).
- A party or a company, a title and a name in one span: "Fianna Fáil TD Breda Furlong" →
  "Fianna Fáil" + "Breda Furlong", "Labour MP" + "Tessa Orlington" → "Labour"
  (:func:`split_title_inside`).
- Two names coordinated in one span, one written alone elsewhere: "Harlow Action Fund and Fairway" →
  "Harlow Action Fund" + "Fairway" (:func:`split_coordinated`).
- A family named by the plural of a surname of the article: "the Quists" (:func:`is_family`); the people of
  a name of the article named after it, "Main Streeters" (:func:`residents_of`).
- A place followed by another name: "Queensland Mackay" → "Queensland" + "Mackay"
  (:func:`split_place_prefix`).
- Team cues: "Lakeshore coach", "Carver State beat Lakeshore" (:func:`team_cue`); a team named
  "the" + a town + a nickname in a match report ("the Hamilton Stags"), whose town or nickname
  alone stands for it (:func:`team_parts`).
- An organisation named "X without Y" cut after X: "Médecins" + "Sans Frontières"
  (:func:`without_start`); an outlet's channel number: "Rai News" + "24" (:func:`number_end`).
- A name in quotation marks after a network's possessive or "on" is a show's title: MSNBC's "Morning
  Hours", said on "Sunday Desk", and so is a title with "the" after a network's ("KBC's Meet the Voters");
  one after "author of" is a book's (:func:`show_title`); a name an event is "called" is the event's
  ("a fundraiser called Pints and Polls", :func:`event_called`).
- A name glued to the label of a caption's next field is cut before it: "Name: Ada Quist Age: 27City: New
  KellJob: …" → "Ada Quist", "Port Kell" (:func:`field_end`).
- A title-case headline span no body name anchors, cut to the name inside: "Sea Ice Off
  Hokkaido Thinning Faster" → "Hokkaido" (:func:`headline_core`).

Whether a word is a common noun comes from :mod:`analysis.entities.lexicon`.
"""
from __future__ import annotations

import re

from analysis.entities.lexicon import agent_noun, common_noun, lexicon, ordinary
from analysis.entities.names import (
    ADMIN_WORDS,
    CLUB_WORDS,
    GENERIC_WORDS,
    GEO_WORDS,
    LEGAL_SUFFIXES,
    ORG_WORDS,
    ROLE_HEADS,
    STORM_WORDS,
    THING_WORDS,
    VENUE_WORDS,
    is_title_head,
    is_title_word,
    known,
    name_key,
)

__all__ = ["alone_elsewhere", "split_locative", "split_joined_places", "split_title_inside",
           "split_place_prefix", "descriptor_end",
           "is_title_phrase", "business_end", "team_cue", "team_parts", "PORTFOLIO_WORDS", "headline_core",
           "number_end", "score_end", "without_start", "show_title", "field_end", "split_coordinated",
           "is_family", "event_called", "work_kind",
           "residents_of"]

#: Words that make or end a name of an organisation, place, thing (precomputed unions).
_NAME_WORDS = ORG_WORDS | GEO_WORDS | THING_WORDS | GENERIC_WORDS | LEGAL_SUFFIXES
_ORGISH = ORG_WORDS | GENERIC_WORDS | LEGAL_SUFFIXES | GEO_WORDS

#: Portfolios and modifiers that make a title phrase with a following title head
#: ("Federal Agriculture Minister", "Shadow Health Secretary").
PORTFOLIO_WORDS = frozenset("""agriculture health finance foreign defence defense education environment energy trade
transport justice interior home treasury labour labor housing tourism culture sport sports water fisheries industry
infrastructure communications immigration employment economy economic climate science innovation digital
federal state national regional provincial shadow junior deputy acting local county city police fire
commerce development affairs security planning resources mines mining agricultural""".split())

#: Words that make a team of a name before them ("Lakeshore coach") or after ("beat Lakeshore").
_TEAM_NOUNS = frozenset("""coach manager captain striker goalkeeper keeper midfielder defender forward fan fans
supporter supporters player players squad side team quarterback pitcher skipper winger boss""".split())
#: Role nouns that, capitalised at a sentence start before a full name, describe the person (the
#: tagger lexicon lacks "winger", "midfielder").
_PERSON_ROLES = (_TEAM_NOUNS - {"fan", "fans", "supporters", "players", "squad", "side", "team"}) | ROLE_HEADS
#: Players' positions that are also words of names ("Centre", "Guard"), stripped before a full name.
_POSITIONS = frozenset("""centre center defenceman defenseman goaltender goalie netminder fullback halfback flanker
wicketkeeper batsman bowler catcher shortstop linebacker guard striker winger midfielder defender forward
shooter goalscorer prop hooker fly-half scrum-half setter libero""".split())  # netball, rugby, volleyball (round 8b)
_TEAM_VERBS = frozenset("beat defeat host face edge thrash rout down outscore overcome outplay draw tie".split())
_LOCATIVE = re.compile(r"\s+(in|at)\s+|,\s+")
#: Words that end names, so a headline word is none of them ("Korvel Mining Workers Strike").
_HEADLINE_NAME_ENDS = ORG_WORDS | GEO_WORDS | CLUB_WORDS | LEGAL_SUFFIXES | ADMIN_WORDS
_POSSESSIVE_TAIL = re.compile(r"['\u2019]s\s+([A-Z][\w'\u2019-]*)")


def _place(text: str) -> bool:
    entry = known(text)
    return entry is not None and entry.label in ("GPE", "LOC")


def split_locative(text: str, start: int, end: int, label: str,
                   names: set[str]) -> list[tuple[int, int, str]]:
    """An organisation span split where a place is glued onto it with "in", "at" or a
    comma ("University of Reading in England"): when the tail is a known place, or a
    capitalised name and the head is named on its own elsewhere in the article
    (``names``: folded mention texts). The tail gets the place's label (GPE when unknown).
    """
    if label not in ("ORG", "FAC") or known(text[start:end]) is not None:
        return [(start, end, label)]
    for m in _LOCATIVE.finditer(text, start, end):
        head, tail = text[start:m.start()], text[m.end():end]
        words = tail.split()
        if not words or not head or not head.split()[-1][:1].isupper():
            continue
        capital = all(w[:1].isupper() for w in words) and not any(w.lower() in ORG_WORDS for w in words)
        institution = (m.group(1) == "in" and len(head.split()) > 1  # "Universidad … del Comahue in Neuquén"
                       and any(w.lower() in ORG_WORDS for w in head.split())
                       and (len(words) > 1 or not common_noun(words[0])))
        if _place(tail) or (capital and (name_key(head) in names or institution)):
            entry = known(tail)
            tail_label = entry.label if entry else ("GPE" if m.group(1) != "at" else label)
            return [(start, m.start(), label), (m.end(), end, tail_label)]
    return [(start, end, label)]


_JOINED = re.compile(r" to |, ")
_PLACE_WORDS = GEO_WORDS | ADMIN_WORDS | frozenset("port fort mount saint san santa".split())


def split_joined_places(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """Two places in one span split: joined by "to" ("from Greenock to Aberdeen") when each side is
    capitalised names that are no ordinary words nor organisation or thing words, or by a comma
    ("Enugu, Nigeria") in a span spaCy calls a place when the tail is a known place written out
    (not "Ore."). Each side gets its known label, else GPE. A person's name after a comma is an
    appositive, not part of the name before it ("the Member for Condamine, Rhys Fairweather, whose").
    Two names joined by "and" after a preposition of place that spaCy calls a work are places ("out to
    Baldivis and Ellenbrook")."""
    surface = text[start:end]
    if label == "WORK_OF_ART" and surface.count(" and ") == 1 and known(surface) is None \
            and _PLACE_PREPOSITION.search(text[max(0, start - 9):start]):
        head, tail = surface.split(" and ")  # "moving out to Baldivis and Ellenbrook" (round 8b)
        if _list_item(head) and _list_item(tail) and _name_side(head) and _name_side(tail):
            cut = surface.index(" and ")
            return [(start, start + cut, _place_label(head)), (start + cut + 5, end, _place_label(tail))]
    if label not in ("GPE", "LOC", "ORG", "FAC", "") or known(surface) is not None:
        return [(start, end, label)]
    listed = _place_list(surface, label, text[max(0, start - 9):start])
    if listed is not None:
        return [(start + s, start + e, _place_label(surface[s:e])) for s, e in listed]
    for m in _JOINED.finditer(surface):
        head, tail = surface[:m.start()], surface[m.end():]
        if not head or not tail:
            continue
        if m.group() == ", " and _appositive_person(text, start + m.end(), end) and _name_side(head):
            place = known(head) is not None or re.search(r"\b(?:for|in|from)\s+$", text[max(0, start - 6):start])
            return [(start, start + m.start(), _place_label(head) if place else label),
                    (start + m.end(), end, "PERSON")]  # "Member for Condamine, Rhys Fairweather, whose"
        if m.group() == ", ":
            entry = known(tail)
            if label not in ("GPE", "LOC") or entry is None or entry.label not in ("GPE", "LOC") \
                    or "." in tail or len(tail) <= 3 or not _name_side(head):
                continue
        elif not (_name_side(head) and _name_side(tail)):
            continue
        return [(start, start + m.start(), _place_label(head)), (start + m.end(), end, _place_label(tail))]
    return [(start, end, label)]


_PLACE_PREPOSITION = re.compile(r"\b(?:to|in|from|via|between|across)\s+$")
_LIST_SEP = re.compile(r",? (?:and|or) |, ")


def _place_list(surface: str, label: str, before: str) -> list[tuple[int, int]] | None:
    """The items of a list of three places or more in one span spaCy calls a place ("Salalah, Duqm and
    Sur" → three places): items joined by commas and a last "and"/"or", capitalised names without
    an organisation's words, all but one of them a place's name by :func:`_name_side`; in a span spaCy
    calls a place, or an organisation after a preposition of place ("services to Salalah, Duqm and Sur")."""
    if label not in ("GPE", "LOC") and not (label in ("ORG", "") and _PLACE_PREPOSITION.search(before)):
        return None
    if ", " not in surface or not re.search(r",? (?:and|or) [^,]+$", surface):
        return None
    pieces, pos = [], 0
    for m in _LIST_SEP.finditer(surface):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(surface)))
    if len(pieces) < 3 or not all(_list_item(surface[s:e]) for s, e in pieces) \
            or sum(_name_side(surface[s:e]) for s, e in pieces) < len(pieces) - 1:
        return None
    return pieces


def _list_item(side: str) -> bool:
    """A capitalised name of one to three words, none a title nor an organisation's or thing's word (a
    word in a list between places may be an ordinary word too: "Sur")."""
    words = side.split()
    return 1 <= len(words) <= 3 and all(
        w[:1].isupper() and w.lower() not in _NAME_WORDS and not is_title_word(w) for w in words)


#: Legislators' titles in capitals, written between a party and a name ("Labour MP", "Fianna Fáil TD").
_MEMBER_TITLES = frozenset({"MP", "MEP", "MSP", "MLA", "MPP", "MHK", "TD", "MK", "MNA", "MHA"})


def split_title_inside(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """A span with a title inside, between the name of a party or a company and a person's name, is
    two names ("Fianna Fáil TD Breda Furlong" → "Fianna Fáil" + "Breda Furlong"; "Hallbrook CEO Jane
    Doe"); a span ending in a legislator's title right before a capitalised word loses the title
    ("Labour MP" + "Tessa Orlington" → "Labour"), as does one ending in any title before a name ("Tarvin
    Mayor" + "Ana Ruiz" → "Tarvin"). The head is one to four capitalised words, the last no
    title word ("Prime Minister Jane Doe" stays); the tail one to three capitalised words that are no
    titles nor words of organisation, place or thing names."""
    words = list(re.finditer(r"\S+", text[start:end]))
    n = len(words)
    if n < 2:
        return [(start, end, label)]
    for i in range(1, min(n, 5)):
        w = words[i].group()
        if not (w.strip(".") in _MEMBER_TITLES or (is_title_head(w) and w[:1].isupper())):
            continue
        head = [x.group() for x in words[:i]]
        if any(is_title_word(h) or not h[:1].isupper() for h in head) or head[0].lower() in ("the", "a", "an"):
            return [(start, end, label)]
        head_end = start + words[i - 1].end()
        head_label = known(text[start:head_end]).label if known(text[start:head_end]) is not None else "ORG"
        if i == n - 1:
            after = text[end:end + 30].split()
            if after and after[0][:1].isupper() and not is_title_word(after[0]) and after[0].isalpha():
                return [(start, head_end, head_label)]  # "Labour MP" + "Tessa Orlington", "Guiuan Mayor" + …
            return [(start, end, label)]
        tail = [x.group() for x in words[i + 1:]]
        if len(tail) > 3 or not all(t[:1].isupper() and not is_title_word(t) and t.lower() not in _NAME_WORDS
                                    and t.lower() not in _PLACE_WORDS for t in tail):
            return [(start, end, label)]
        return [(start, head_end, head_label), (start + words[i + 1].start(), end, "PERSON")]
    return [(start, end, label)]


_APPOSITIVE_END = re.compile(r",\s+(?:who|whose|a|an|the|his|her|\d)\b")


def _appositive_person(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, after a comma inside a span, is a person's full name set off as an
    appositive ("The Member for Condamine, Rhys Fairweather, whose …"): two or three capitalised words,
    none an ordinary word, a title or a word of an organisation, place or thing name, no known name, and
    then a comma and a relative pronoun, an article or an age, or its last word alone elsewhere."""
    words = text[start:end].split()
    if not 2 <= len(words) <= 3 or known(text[start:end]) is not None or not all(
            w[:1].isupper() and w[1:2].islower() and not ordinary(w) and w.lower() not in _NAME_WORDS
            and w.lower() not in _PLACE_WORDS and not is_title_word(w) for w in words):
        return False
    if _APPOSITIVE_END.match(text, end):
        return True
    alone = re.compile(r"(?<![\w-])" + re.escape(words[-1]) + r"(?![\w-])")
    return any(not (start <= hit.start() < end) and text[max(0, hit.start() - 1 - len(words[-2])):hit.start() - 1]
               != words[-2] for hit in alone.finditer(text))


def _name_side(side: str) -> bool:
    """A place's name: a known place, or one to three capitalised words that are no ordinary words,
    no title and no organisation or thing words, but for place words ("Port Dunmore", "Lake Orrin")."""
    words = side.split()
    if not 1 <= len(words) <= 3:
        return False
    if _place(side):
        return True
    names = [w for w in words if w.lower() not in _PLACE_WORDS]
    return bool(names) and all(w[:1].isupper() for w in words) and all(
        not ordinary(w) and w.lower() not in _NAME_WORDS and not is_title_word(w) for w in names)


def _place_label(side: str) -> str:
    entry = known(side)
    return entry.label if entry is not None and entry.label in ("GPE", "LOC") else "GPE"


def _place_and_people(surface: str) -> int | None:
    """Where a known place ends in a span that is that place and a known people or party ("Ohio Republican",
    "Texas Democratic"), or None."""
    head, _, tail = surface.rpartition(" ")
    entry = known(tail) if head else None
    return len(head) if entry is not None and entry.label == "NORP" and _place(head) else None


def split_place_prefix(text: str, start: int, end: int, label: str,
                       places: set[str], persons: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """A span split after a leading place when another name follows it ("Queensland
    Mackay" → "Queensland" + "Mackay"): the head a known place or a place named in
    the article (``places``: folded names), the tail capitalised names without
    organisation, place or generic words ("Oregon Department of Forestry", "Texas
    Instruments", "Manchester United" stay whole). Not for people ("Jordan Ellis"), nor when the
    tail is a person's name elsewhere (``persons``: folded names spaCy calls people; "Odessa Grant"
    where "Grant said")."""
    surface = text[start:end]
    if known(surface) is None and (party := _place_and_people(surface)) is not None:
        return [(start, start + party, "GPE"), (start + party + 1, end, "NORP")]  # "Tarvin Democratic" Governor
    if label == "PERSON" or known(surface) is not None:
        return [(start, end, label)]
    head_word, *tail_words = surface.split()
    if (len(tail_words) == 1 and name_key(tail_words[0]) in persons and known(tail_words[0]) is None
            and head_word.lower() not in GENERIC_WORDS):
        return [(start, end, "PERSON")]
    words = list(re.finditer(r"\S+", surface))
    for n in range(len(words) - 1, 0, -1):
        head, tail = surface[:words[n - 1].end()], surface[words[n].start():]
        tail_words = [w.group() for w in words[n:]]
        if not (_place(head) or name_key(head) in places) or (len(head) <= 3 and not head.isupper()):
            continue  # "La" of "La Rochelle" is no "LA"
        lower = [w.lower() for w in tail_words]
        if (all(w[:1].isupper() for w in tail_words) and known(tail) is None
                and not any(w in _NAME_WORDS for w in lower)
                and not (len(tail_words) == 1 and tail_words[0].endswith("s"))
                and not any(lexicon().get(w) for w in lower)):
            entry = known(head)
            return [(start, start + len(head), entry.label if entry else "GPE"), (start + words[n].start(), end, "GPE")]
    return [(start, end, label)]


def descriptor_end(words: list[str], *, sentence_start: bool, elsewhere: bool, label: str) -> int:
    """How many leading words of a name are a common-noun descriptor to strip ("Shipper"
    in "Shipper Nordvik Line"): 1 or 0.

    Args:
        words: The cleaned name's words.
        sentence_start: The name starts its sentence.
        elsewhere: The name without its first word occurs elsewhere in the article.
        label: spaCy's label (a PERSON keeps a first word unless the rest has two words).
    """
    if len(words) < 2:
        return 0
    first, rest = words[0], words[1:]
    bare = first.lower().strip(".,")
    if label == "PERSON" and sentence_start and len(rest) >= 2 and bare in _POSITIONS \
            and all(w[:1].isupper() for w in rest):
        return 1  # "Centre Eli Vanderhoek cut the lead": a player's position, though also a word of names
    rest_entry = known(" ".join(rest))
    if sentence_start and elsewhere and rest_entry is not None and rest_entry.label == "ORG" \
            and known(" ".join(words)) is None \
            and lexicon().get(bare) in ("JJ", "JJS") and not is_title_head(first):
        return 1  # "Top Kell Party donor Ada Quist said": an adjective before a known organisation
    if (bare in _NAME_WORDS | STORM_WORDS
            or is_title_word(first)
            or known(first) is not None or not all(w[:1].isupper() for w in rest) or known(" ".join(rest))):
        return 0
    rest_lower = [w.lower().strip(".,") for w in rest]
    if all(w in _ORGISH for w in rest_lower):
        return 0  # "Amnesty International", "Carrier Corp"
    if all(common_noun(w) for w in rest) or any(lexicon().get(w) in ("IN", "DT", "CC", "TO") for w in rest_lower):
        return 0  # "Citizens Advice", "Doctors Without Borders"
    if label == "PERSON" and len(rest) < 2:
        return 0  # "Hunter Biden"
    role = label == "PERSON" and sentence_start and len(rest) >= 2 and bare in _PERSON_ROLES
    if common_noun(first) or role:  # "Winger Sydney Falaniko scored", "Midfielder Ömer Yıldırım"
        if elsewhere or (label == "PERSON" and sentence_start):
            return 1
        return int(label != "PERSON" and agent_noun(first))  # "Shipper Nordvik Line", not "Cobalt Ridge Ventures"
    if sentence_start and lexicon().get(bare) in ("VBG", "VBN") and lexicon().get(first.strip(".,"), "") != "NNP":
        return 1  # "Neighboring Ashby Junction"
    # "Brewer Ostmark said …, Ostmark's chief executive said": a noun that is also a surname
    return int(sentence_start and elsewhere and lexicon().get(bare) in ("NN", "NNS"))


def alone_elsewhere(text: str, rest: str, full: str) -> bool:
    """Whether a name without its first word ("Nordvik Line" of "Shipper Nordvik Line") stands on
    its own somewhere else in the text: not after another capitalised word ("Seton Ridge" is no
    "Ridge" alone)."""
    if text.count(rest) <= text.count(full):
        return False
    for m in re.finditer(rf"(?<!\w){re.escape(rest)}(?!\w)", text):
        before = text[max(0, m.start() - 30):m.start()].split("\n")[-1].split()
        if not before or not before[-1][:1].isupper() or before[-1].endswith((".", ":", "\u201c", '"')):
            return True
    return False


def is_title_phrase(surface: str, after: str) -> bool:
    """Whether a span is the portfolio part of a title before a title head ("Federal
    Agriculture" before "Minister"), not a name; before a legislator's title it is a party ("Labour
    MP")."""
    words = [name_key(w) for w in surface.split()]
    return (bool(words) and is_title_head(after) and after.strip(".,") not in _MEMBER_TITLES and known(surface) is None
            and all(w in PORTFOLIO_WORDS or is_title_word(w) for w in words))


def business_end(text: str, end: int) -> int | None:
    """End of a possessive business name continuing a mention that ends at ``end``
    ("Rosa" + "'s Kitchen"), or None."""
    m = _POSSESSIVE_TAIL.match(text, end)
    if m and m.group(1).lower() in VENUE_WORDS:
        return m.end()
    return None


def team_cue(tok) -> bool:
    """Whether a token names a team by its context: "Lakeshore coach", "beat Lakeshore",
    "Carver State beat …", "lost to Lakeshore"."""
    head = tok.head
    if tok.dep_ == "compound" and head.lower_ in _TEAM_NOUNS:
        return True
    if tok.dep_ in ("nsubj", "dobj") and head.lemma_ in _TEAM_VERBS:
        return True
    return tok.dep_ == "pobj" and head.lower_ in ("to", "against") and head.head.lemma_ in ("lose", "fall", "draw")


_NOT_NICKNAME = ORG_WORDS | GEO_WORDS | VENUE_WORDS | THING_WORDS | ADMIN_WORDS | GENERIC_WORDS | LEGAL_SUFFIXES \
    | frozenset("house court street road square park stadium ground arena oval field cup league final".split())


def team_parts(text: str, start: int, end: int) -> tuple[str, str] | None:
    """(town, nickname) of a team named "the" + a town + a nickname ("the Napier Tide", "the Hamilton
    Stags", "the Red Deer Wranglers": a town of two words before a plural nickname), or None; for match
    reports only (the caller checks), where the town alone ("Hamilton held on") and the nickname alone
    ("the Stags led") stand for the team. The town is no ordinary word nor a known name that is no
    place ("the Red Cross", "the Labour Party" are none)."""
    words = text[start:end].split()
    if not 2 <= len(words) <= 3 or text[max(0, start - 4):start].lower() != "the ":
        return None
    town, nickname = " ".join(words[:-1]), words[-1]
    if len(words) == 3 and not (nickname.endswith("s") and not nickname.endswith("ss")):
        return None
    if not (all(w[:1].isupper() and w.isalpha() for w in words)) \
            or nickname.lower() in _NOT_NICKNAME or any(w.lower() in _NOT_NICKNAME for w in words[:-1]) \
            or ordinary(town) or any(is_title_word(w) for w in words):
        return None
    entry = known(town)
    if entry is not None and entry.label not in ("GPE", "LOC"):
        return None
    return town, nickname


_WITHOUT = "Sans|Sin|Sem|Senza|Ohne|Zonder|Without"
_WITHOUT_BEFORE = re.compile(r"([A-Z][\w\u2019'-]+) (?:(?:" + _WITHOUT + r") )?$")


def without_start(text: str, start: int, end: int) -> int:
    """The start of an organisation named "X without Y" that spaCy cut after X ("Sans Frontières" of
    "Médecins Sans Frontières", "Borders" of "Reporters Without Borders"); else ``start``."""
    first = text[start:end].split(" ", 1)[0]
    before = text[max(0, start - 40):start].split("\n")[-1]
    m = _WITHOUT_BEFORE.search(before)
    if m is None or (first not in _WITHOUT.split("|") and not before.endswith(tuple(
            f" {w} " for w in _WITHOUT.split("|")))):
        return start
    return start - len(before) + m.start(1)


_SCORE_TAIL = re.compile(r"\s+\d{1,2}\s?[-\u2013]\s?\d{1,2}$")  # "4-3", "2–1" (a score, not "737-800")
_SCORED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_CHANNEL_NUMBER = re.compile(r" \d{1,3}\b(?![.,]?\d|%| ?(?:per|percent|hours?|minutes?|days?|years?)\b)")
_MEDIA_WORDS = frozenset("news tv radio channel sport sports info".split())


def number_end(text: str, start: int, end: int) -> int:
    """The end of an outlet's name with its channel number ("Rai News" + " 24", "Sky Sport" + " 1"):
    past the number when the name ends in a media word; else ``end``."""
    words = text[start:end].split()
    m = _CHANNEL_NUMBER.match(text, end)
    return m.end() if m is not None and len(words) > 1 and words[-1].lower() in _MEDIA_WORDS else end


def score_end(text: str, start: int, end: int, label: str) -> int:
    """The end of a name glued to a match score after it ("the Red Deer Wranglers" + " 4-3"): before
    the score; else ``end``."""
    m = _SCORE_TAIL.search(text, start, end)
    return m.start() if m is not None and label in _SCORED_LABELS and m.start() > start else end


def headline_core(surface: str) -> tuple[int, int] | None:
    """A title-case headline span that no body name anchors, cut to the name inside it: the ordinary
    words up to a preposition before it and the headline words after it go ("Sea Ice Off Hokkaido
    Thinning Faster" → "Hokkaido", "Emilia-Romagna Floods Live: Thousands Evacuated" →
    "Emilia-Romagna"); offsets into ``surface``, or None when nothing is cut or no name is left."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", surface)]
    words = [surface[s:e].strip(":;,") for s, e in spans]
    n = len(words)
    if n < 3:
        return None
    lo = next((i + 1 for i, w in enumerate(words[:-1]) if w.lower() not in ("of", "and")
               and lexicon().get(w.lower()) in ("IN", "TO") and all(ordinary(x) for x in words[:i])), 0)
    hi = n
    while hi > lo + 1 and ordinary(words[hi - 1]) and words[hi - 1].lower() not in _HEADLINE_NAME_ENDS:
        hi -= 1
    core = words[lo:hi]
    if (lo, hi) == (0, n) or all(ordinary(w) for w in core) or not core[0][:1].isupper():
        return None
    return spans[lo][0], spans[hi - 1][0] + len(words[hi - 1])


_SHOW_BEFORE = re.compile(r"(?:[A-Z][\w.&]*['\u2019]s?|\bon)\s+(?:''|[\"\u201c\u2018'])$")  # or NYT's ''
_QUOTE_MARKS = "\"\u201c\u2018'"
_SHOW_AFTER = re.compile(r"[.,!?]?[\"\u201d\u2019']")


_NETWORK_BEFORE = re.compile(r"\b[A-Z]{2,6}['\u2019]s?\s+$")
_AUTHOR_OF = re.compile(r"\b(?:author|co-author|editor) of (?:the (?:book|novel|memoir|report) )?$")


def show_title(text: str, start: int, end: int) -> bool:
    """Whether a span is all of a quotation after a network's possessive or "on" ("Kellnet Radio's "Morning
    Hours."", "said on “Sunday Desk”"), or a title with "the" after a network's ("KBC's Meet the Voters"):
    a show's title; or a book's after "author of" ("is the author of Harbour Lights and …"): no entity."""
    if text.endswith(("of ", "book ", "novel ", "memoir ", "report "), 0, start) \
            and _AUTHOR_OF.search(text, max(0, start - 40), start) is not None:
        return True
    if " the " in text[start:end] and _NETWORK_BEFORE.search(text, max(0, start - 20), start) is not None:
        return True  # "KBC' Meet the Voters", not "KBC' Ada Quist"
    return (text[start - 1:start] in _QUOTE_MARKS and start > 0 and _SHOW_AFTER.match(text, end) is not None
            and _SHOW_BEFORE.search(text, max(0, start - 40), start) is not None)


#: Labels of the fields of a photo caption or a profile box ("Name: … Age: … City: … Job: …").
_FIELD_WORDS = frozenset("""name age city town hometown state country job occupation profession pay salary wage
location title role photo credit source""".split())
_FIELD_TAIL = re.compile(r"(?:(?<=\s)|(?<=[a-z]))([A-Z][a-z]+)$")
_FIELD_LABEL = re.compile(r"([A-Z][a-z]+):")


def field_end(text: str, start: int, end: int) -> int:
    """The end of a name glued to the label of the next field of a caption, right before its colon ("Ada
    Quist Age" + ":", "Port KellJob" + ":" → "Ada Quist", "Port Kell"), in a paragraph of three such fields
    or more ("Kansas City: …" alone is a name); else ``end``."""
    if text[end:end + 1] != ":":
        return end
    m = _FIELD_TAIL.search(text, start, end)
    if m is None or m.start(1) <= start or m.group(1).lower() not in _FIELD_WORDS:
        return end
    line = text[text.rfind("\n", 0, start) + 1:end + 200].split("\n")[0]
    if sum(label.lower() in _FIELD_WORDS for label in _FIELD_LABEL.findall(line)) < 3:
        return end
    return len(text[:m.start(1)].rstrip())


def split_coordinated(text: str, start: int, end: int, label: str, names: set[str],
                      people: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """A span of two names joined by "and" when the article writes one of them alone elsewhere (``names``:
    folded texts of its spans), a name of two words or more: "Harlow Action Fund and Fairway" → "Harlow
    Action Fund", "Fairway"; a side of ordinary words only goes ("… Fund and Correct", spaCy's cut of a
    name it missed; not "Fairway Trust"). Two surnames of the article's people (``people``: folded full
    names and surnames) are two people ("Quist and Brandt"). Known names stay whole ("Trinidad and Tobago")."""
    surface = text[start:end]
    if surface.count(" and ") != 1 or known(surface) is not None:
        return [(start, end, label)]
    cut = surface.index(" and ")
    head, tail = surface[:cut], surface[cut + 5:]
    sides = [(start, start + cut, head), (start + cut + 5, end, tail)]
    if all(" " not in side and side[:1].isupper() and name_key(side) in people for _, _, side in sides):
        return [(s, e, "PERSON") for s, e, _ in sides]  # "Quist and Brandt are moving up"
    if not tail[:1].isupper() or not any(len(side.split()) > 1 and name_key(side) in names for _, _, side in sides):
        return [(start, end, label)]
    return [(s, e, label) for s, e, side in sides
            if not all(ordinary(w) and w.lower() not in _NAME_WORDS for w in side.split())]


def is_family(text: str, start: int, end: int, people: frozenset[str]) -> bool:
    """Whether a span is a family, "the" + the plural of a surname of the article's people (``people``:
    folded full names and surnames): "the Quists", "the Kennedys"; no one person."""
    surface = text[start:end]
    if text[start:start + 4].lower() == "the ":
        surface = surface[4:]
    elif text[max(0, start - 4):start].lower() != "the ":
        return False
    return " " not in surface and surface.endswith("s") and name_key(surface[:-1]) in people


_EVENT_CALLED = re.compile(r"\b(?:event|rally|festival|fundraiser|dinner|gala|conference|summit|forum|breakfast|"
                           r"luncheon|concert|fair|parade|march|race|contest|tournament)s?\b[^.;:!?]{0,30}\b"
                           r"(?:called|named|dubbed|billed as)\s+[\"\u201c\u2018']?$")


def event_called(text: str, start: int) -> bool:
    """Whether a name is what an event is called ("a celebratory event was held called Pints and Polls", "a
    fundraiser dubbed “Kell Nights”"): the event's name, no organisation (not "a group called …")."""
    before = text[start - 12:start] if start > 12 else text[:start]
    if "called" not in before and "named" not in before and "dubbed" not in before and "billed" not in before:
        return False
    return _EVENT_CALLED.search(text, max(0, start - 80), start) is not None


def work_kind(text: str, start: int, end: int) -> str:
    """"WORK_OF_ART" for a show's or a book's title (:func:`show_title`), "EVENT" for an event's name
    (:func:`event_called`), else ""."""
    if show_title(text, start, end):
        return "WORK_OF_ART"
    return "EVENT" if event_called(text, start) else ""


def residents_of(surface: str, names: set[str]) -> bool:
    """Whether a name is the people of another name of the article (``names``: folded mention texts) with
    "-ers" or "-ites" ("Main Streeters" beside "Main Street", "Kellites"): a group of people (NORP)."""
    if not surface.endswith(("ers", "ites")) or known(surface) is not None:
        return False  # "Reuters"
    for ending in ("ers", "ites"):
        if surface.endswith(ending) and len(surface) > len(ending) + 3 \
                and name_key(surface[:-len(ending)]) in names:
            return True
    return False
