"""Labelling a cluster by a weighted vote over its mentions (:func:`vote`): spaCy's label, a title
before a mention, a team cue and what a sentence says count once each, plus priors from the gazetteer,
the name's words ("Ministry", "River") and the full-name pattern; so one mislabelled mention never
decides."""
from __future__ import annotations

import re
from collections import Counter

from analysis.entities.facilities import is_building
from analysis.entities.mention import Mention
from analysis.entities.names import (
    BODY_WORDS,
    GEO_WORDS,
    LEGAL_SUFFIXES,
    ORG_WORDS,
    THING_WORDS,
    VENUE_WORDS,
    demonym_compound,
    has_acronym,
    known,
    name_key,
)

__all__ = ["KNOWN_WEIGHT", "PERSON_PATTERN_WEIGHT", "SHARED_SURNAME_WEIGHT", "WORD_WEIGHT", "CONTEXT_WEIGHT",
           "LABEL_ORDER", "DEMONYM_ENDINGS", "TOWN", "vote"]

#: Weight of the gazetteer's label in a vote (each mention counts 1).
KNOWN_WEIGHT = 2.5
#: PERSON weight of a full name that a bare surname or first name refers back to.
PERSON_PATTERN_WEIGHT = 2.0
#: PERSON weight of a full name sharing its surname with a person ("Sanne de Vries").
SHARED_SURNAME_WEIGHT = 1.5
#: ORG weight of a name with an organisation word ("Ministry"); LOC weight of one with a place word ("River").
WORD_WEIGHT = 2.0
#: Weight of what a mention's sentence says it is ("in Savannah", "Kessler shareholders"): as much as
#: one spaCy label.
CONTEXT_WEIGHT = 1.0
#: Label preference on ties.
LABEL_ORDER = ["PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"]
_FACILITY_WORDS = THING_WORDS | VENUE_WORDS | ORG_WORDS | GEO_WORDS
TOWN = re.compile(r"([^\W\d_][\w']+)(?:-(?:on|upon|under|over|le|la|les|en|sur|sous|am|an|im|in|by|the|de|du|des"
                   r"|del|saint|sainte|st|ste))+-")  # "stockton" of "stockton-on-tees"
DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ic", "ch", "ss", "ern", "ist", "ite", "ean")


def vote(mentions: list[Mention], name: str, *, person: bool = False, shared: bool = False) -> tuple[str, str]:
    """(label, linked country) of one cluster: a weighted vote over its mentions and priors."""
    entry = known(name)
    if demonym_compound(name):
        return "NORP", ""
    if entry is not None and entry.label == "NORP":
        return "NORP", entry.country
    raw: Counter = Counter(m.spacy_label for m in mentions if m.spacy_label)
    votes: Counter = Counter({lb: float(n) for lb, n in raw.items()})
    votes["PERSON"] += sum(m.cue for m in mentions)
    place = "LOC" if raw["LOC"] > raw["GPE"] else "GPE"  # the context says a place, not which kind
    told: Counter = Counter(place if m.context == "GPE" else m.context for m in mentions
                            if m.context in ("PERSON", "ORG", "GPE"))  # "Brightman, 41,", "in Savannah"
    for lb, n in told.items():
        votes[lb] += n * CONTEXT_WEIGHT
    words_of_name = name_key(name).split()
    if votes["FAC"] and entry is None and not is_building(words_of_name) and (len(words_of_name) == 1 or (
            told["GPE"] + told["LOC"] and not any(w in _FACILITY_WORDS for w in words_of_name))):
        votes[place] += votes.pop("FAC")  # a one-word "facility", or one "in" which things happen without a
        # facility word, is a place spaCy mislabelled ("Luzon", "in Le Havre")
    hints = Counter(m.hint for m in mentions if m.hint)
    for lb, n in hints.items():
        votes[lb] += n + 1  # a context cue ("Lakeshore coach") outweighs one spaCy label
    words = name_key(name).split()
    if votes["NORP"] and entry is None and len(words) == 1 and not words[0].endswith(DEMONYM_ENDINGS) \
            and not hints["NORP"]:  # round 10: unless a rule said a people ("Oklahomans" beside "Oklahoma")
        votes["GPE"] += votes.pop("NORP")  # "Auckland" is not a people
    if entry is not None:
        votes[entry.label] += KNOWN_WEIGHT
    if person:
        votes["PERSON"] += PERSON_PATTERN_WEIGHT if votes["PERSON"] else SHARED_SURNAME_WEIGHT if shared else 0
        if len(words) > 1 and votes["PERSON"]:
            votes.pop("NORP", None)  # a person's full name is no people's ("Harquist" read as "-ist")
    if has_acronym(name) or all(m.context == "PREFIX" for m in mentions):
        votes.pop("PERSON", None)  # "BVH Havens", "CARE Australia", "Kessel" in "Kessel chief executive" are no people
    if any(w in ORG_WORDS or w.strip(".") in LEGAL_SUFFIXES for w in words[1:]) or (words and words[0] in ORG_WORDS) \
            or (len(words) > 2 and words[0] in BODY_WORDS and words[1] == "of"):
        votes["ORG"] += WORD_WEIGHT
        if len(words) > 1 and (words[-1] in ORG_WORDS or words[-1].strip(".") in LEGAL_SUFFIXES):
            votes.pop("PERSON", None)  # "Eurasia Wire", "Halvorsen Energy" are not people
    elif any(w in THING_WORDS for w in words[1:]):
        votes["FAC"] += WORD_WEIGHT
    elif words and (words[-1] in GEO_WORDS or (words[0] in GEO_WORDS and len(words) > 1)):
        votes["LOC"] += WORD_WEIGHT
    elif len(words) == 1 and TOWN.match(words[0]) is not None:
        votes["GPE"] += WORD_WEIGHT  # a town named with a particle: "Stockton-on-Tees", "Châlons-en-Champagne"
    votes = Counter({lb: w for lb, w in votes.items() if w > 0})
    if not votes:
        return ("PERSON" if person else "ORG"), ""
    rank = {lb: i for i, lb in enumerate(LABEL_ORDER)}
    best = max(votes, key=lambda lb: (votes[lb], raw[lb], lb == (entry.label if entry else None),
                                      -rank.get(lb, 99)))
    return best, ""
