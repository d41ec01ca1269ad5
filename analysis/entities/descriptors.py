"""What surrounds a name in its span: words to drop or to keep.

- A common-noun descriptor before a name: "Shipper Nordvik Line", "Watchmaker Duvanel" → "Nordvik
  Line", "Duvanel" (:func:`descriptor_end`, :func:`alone_elsewhere`).
- A title phrase before a person: "Federal Agriculture" in "Federal Agriculture Minister Jane Doe" is no
  organisation (:func:`is_title_phrase`).
- A possessive business name: "Rosa" in "Rosa's Kitchen" is the diner, not the owner
  (:func:`business_end`).
- An organisation named "X without Y" cut after X: "Médecins" + "Sans Frontières" (:func:`without_start`);
  an outlet's channel number: "Rai News" + "24" (:func:`number_end`).
- A name glued to the label of a caption's next field is cut before it: "Name: Ada Quist Age: 27City: New
  KellJob: …" → "Ada Quist", "Port Kell" (:func:`field_end`).
- A family named by the plural of a surname of the article: "the Quists" (:func:`is_family`); the people
  of a name of the article named after it, "Main Streeters" (:func:`residents_of`).

Whether a word is a common noun comes from :mod:`analysis.entities.lexicon`.
"""
from __future__ import annotations

import re

from analysis.entities.lexicon import agent_noun, common_noun, lexicon
from analysis.entities.names import (
    GENERIC_WORDS,
    GEO_WORDS,
    LEGAL_SUFFIXES,
    ORG_WORDS,
    ROLE_HEADS,
    STORM_WORDS,
    VENUE_WORDS,
    is_title_head,
    is_title_word,
    known,
    name_key,
)
from analysis.entities.shapes import MEMBER_TITLES, NAME_WORDS
from analysis.entities.teams import TEAM_NOUNS
from analysis.quotes.names import given_name_gender

__all__ = ["PORTFOLIO_WORDS", "descriptor_end", "nationality_noun", "alone_elsewhere", "is_title_phrase",
           "business_end", "without_start", "number_end", "field_end", "is_family", "residents_of"]

_ORGISH = ORG_WORDS | GENERIC_WORDS | LEGAL_SUFFIXES | GEO_WORDS
#: Portfolios and modifiers that make a title phrase with a following title head
#: ("Federal Agriculture Minister", "Shadow Health Secretary").
PORTFOLIO_WORDS = frozenset("""agriculture health finance foreign defence defense education environment energy trade
transport justice interior home treasury labour labor housing tourism culture sport sports water fisheries industry
infrastructure communications immigration employment economy economic climate science innovation digital
federal state national regional provincial shadow junior deputy acting local county city police fire
commerce development affairs security planning resources mines mining agricultural""".split())
#: Role nouns that, capitalised at a sentence start before a full name, describe the person (the
#: tagger lexicon lacks "winger", "midfielder").
_PERSON_ROLES = (TEAM_NOUNS - {"fan", "fans", "supporters", "players", "squad", "side", "team"}) | ROLE_HEADS
#: Players' positions that are also words of names ("Centre", "Guard"), stripped before a full name.
_POSITIONS = frozenset("""centre center defenceman defenseman goaltender goalie netminder fullback halfback flanker
wicketkeeper batsman bowler catcher shortstop linebacker guard striker winger midfielder defender forward
shooter goalscorer prop hooker fly-half scrum-half setter libero""".split())  # netball, rugby, volleyball (round 8b)
#: Tags of closed-class words that open no person's name ("Against", "Its", "Among", "Every").
_FUNCTION_TAGS = frozenset("IN DT PRP$ CC TO WDT WP WRB PDT".split())
_POSSESSIVE_TAIL = re.compile(r"['\u2019]s\s+([A-Z][\w'\u2019-]*)")
_WITHOUT = "Sans|Sin|Sem|Senza|Ohne|Zonder|Without"
_WITHOUT_BEFORE = re.compile(r"([A-Z][\w\u2019'-]+) (?:(?:" + _WITHOUT + r") )?$")
_CHANNEL_NUMBER = re.compile(r" \d{1,3}\b(?![.,]?\d|%| ?(?:per|percent|hours?|minutes?|days?|years?)\b)")
_MEDIA_WORDS = frozenset("news tv radio channel sport sports info".split())
#: Labels of the fields of a photo caption or a profile box ("Name: … Age: … City: … Job: …").
_FIELD_WORDS = frozenset("""name age city town hometown state country job occupation profession pay salary wage
location title role photo credit source""".split())
_FIELD_TAIL = re.compile(r"(?:(?<=\s)|(?<=[a-z]))([A-Z][a-z]+)$")
_FIELD_LABEL = re.compile(r"([A-Z][a-z]+):")


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
    if label == "PERSON" and sentence_start and _opening_word(first, elsewhere=elsewhere) \
            and all(w[:1].isupper() for w in rest):
        return 1  # round 11: "Against Marwick, the motion failed", "Top Marwick aides said"
    nationality = nationality_noun(first)
    if nationality and len(rest) >= 2 and all(w[:1].isupper() for w in rest) \
            and known(" ".join(words)) is None and known(" ".join(rest)) is None \
            and not any(w.lower().strip(".,") in _ORGISH for w in rest) \
            and (given_name_gender(rest[0]) is not None  # an adjective ("American") only before a given name
                 or (nationality == "noun" and lexicon().get(rest[0]) in ("NNP", None) and known(rest[0]) is None
                     and not any(lexicon().get(w.lower()) in ("NN", "NNS") for w in rest))):  # "Air Force"
        return 1  # "Frenchman Luc Tarvell", "Swede Nils Varnholt", "American Ada Quist"
    rest_entry = known(" ".join(rest))
    if sentence_start and elsewhere and rest_entry is not None and rest_entry.label == "ORG" \
            and known(" ".join(words)) is None \
            and lexicon().get(bare) in ("JJ", "JJS") and not is_title_head(first):
        return 1  # "Top Kell Party donor Ada Quist said": an adjective before a known organisation
    if (bare in NAME_WORDS | STORM_WORDS
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


def nationality_noun(word: str) -> str:
    """How a capitalised word names a person by nationality: "noun" for a person noun ("Frenchman",
    "Swede", "Briton", "Irishwoman"), "adjective" for the demonym that is also the adjective
    ("American", "Kenyan"), "" for none (a demonym the gazetteer knows, or one plus "man"/"woman")."""
    word = word.strip(".,")
    stem = re.sub(r"(?:wo)?m[ae]n$", "", word)
    entry = known(word) or (known(stem) if stem != word else None)
    if entry is None or entry.label != "NORP":
        return ""
    return "adjective" if name_key(word) == name_key(entry.canonical) else "noun"


def _opening_word(word: str, *, elsewhere: bool) -> bool:
    """Whether a capitalised word opening a sentence is no given name but a function word ("Against",
    "Its", "Among") or, when the rest of the span stands alone elsewhere, an adjective or adverb ("Top"):
    the tagger lexicon's tag of the capitalised form (given names there are NNP: "Rich", "Young")."""
    tag = lexicon().get(word.strip(".,"))
    return tag in _FUNCTION_TAGS or (elsewhere and tag in ("JJ", "JJS", "RB"))


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
    return (bool(words) and is_title_head(after) and after.strip(".,") not in MEMBER_TITLES and known(surface) is None
            and all(w in PORTFOLIO_WORDS or is_title_word(w) for w in words))


def business_end(text: str, end: int) -> int | None:
    """End of a possessive business name continuing a mention that ends at ``end``
    ("Rosa" + "'s Kitchen"), or None."""
    m = _POSSESSIVE_TAIL.match(text, end)
    if m and m.group(1).lower() in VENUE_WORDS:
        return m.end()
    return None


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


def number_end(text: str, start: int, end: int) -> int:
    """The end of an outlet's name with its channel number ("Rai News" + " 24", "Sky Sport" + " 1"):
    past the number when the name ends in a media word; else ``end``."""
    words = text[start:end].split()
    m = _CHANNEL_NUMBER.match(text, end)
    return m.end() if m is not None and len(words) > 1 and words[-1].lower() in _MEDIA_WORDS else end


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


def is_family(text: str, start: int, end: int, people: frozenset[str]) -> bool:
    """Whether a span is a family, "the" + the plural of a surname of the article's people (``people``:
    folded full names and surnames): "the Quists", "the Kennedys"; no one person."""
    surface = text[start:end]
    if text[start:start + 4].lower() == "the ":
        surface = surface[4:]
    elif text[max(0, start - 4):start].lower() != "the ":
        return False
    return " " not in surface and surface.endswith("s") and name_key(surface[:-1]) in people


def residents_of(surface: str, names: set[str]) -> bool:
    """Whether a name is the people of another name of the article (``names``: folded mention texts) with
    "-ers" or "-ites" ("Main Streeters" beside "Main Street", "Kellites"), or of a known place of the article
    with "-ns" or "-ans" ("Oklahomans", "Texans", "Floridians"; round 10): a group of people (NORP)."""
    if not surface.endswith(("ers", "ites", "ns")) or known(surface) is not None:
        return False  # "Reuters"
    for ending in ("ers", "ites"):
        if surface.endswith(ending) and len(surface) > len(ending) + 3 \
                and name_key(surface[:-len(ending)]) in names:
            return True
    if " " in surface or len(surface) < 6 or not surface.endswith("ns"):
        return False
    bases = {surface[:-2], surface[:-3] + "as", surface[:-4] + "a"}  # Oklahoma+ns, Tex+as+ns, Florid+a+ians
    return any(name_key(b) in names and (entry := known(b)) is not None and entry.label in ("GPE", "LOC")
               for b in bases if b[-1:] == "a" or b.endswith("as"))
