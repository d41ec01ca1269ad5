"""Teams in match reports.

Team cues: "Lakeshore coach", "Carver State beat Lakeshore" (:func:`team_cue`); a team named "the" + a
town + a nickname ("the Hamilton Stags", :func:`team_parts`) is an organisation, and its town or nickname
alone stands for it ("Hamilton held on", "the Stags led"); a nickname never written beside its team ("the
Bison") stands for the team it most often follows (:func:`team_mentions`); a score after a team's name
is no part of it ("the Red Deer Wranglers" + " 4-3", :func:`score_end`).
"""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.entities.lexicon import ordinary
from analysis.entities.mention import Mention
from analysis.entities.names import (
    ADMIN_WORDS,
    GENERIC_WORDS,
    GEO_WORDS,
    LEGAL_SUFFIXES,
    ORG_WORDS,
    THING_WORDS,
    VENUE_WORDS,
    is_title_word,
    known,
    name_key,
)
from analysis.entities.repair import is_sport

__all__ = ["TEAM_NOUNS", "team_mentions", "team_cue", "team_parts", "score_end"]

#: Words that make a team of a name before them ("Lakeshore coach") or after ("beat Lakeshore").
TEAM_NOUNS = frozenset("""coach manager captain striker goalkeeper keeper midfielder defender forward fan fans
supporter supporters player players squad side team quarterback pitcher skipper winger boss""".split())
_TEAM_VERBS = frozenset("beat defeat host face edge thrash rout down outscore overcome outplay draw tie".split())
_NOT_NICKNAME = ORG_WORDS | GEO_WORDS | VENUE_WORDS | THING_WORDS | ADMIN_WORDS | GENERIC_WORDS | LEGAL_SUFFIXES \
    | frozenset("house court street road square park stadium ground arena oval field cup league final".split())
_SCORE_TAIL = re.compile(r"\s+\(?\d{1,2}\s?[-\u2013]\s?\d{1,2}\)?$")  # "4-3", "2–1", "(7-5)" (not "737-800")
_SCORED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_SCORE_GOES_ON = re.compile(r"[-\u2013]\d")
_SCORE_CUT = re.compile(r"\s+\d{1,2}$")


def team_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """In a match report, teams named "the" + a town + a nickname ("the Hamilton Stags") are
    organisations, and their town or nickname alone is marked as standing for them ("Hamilton held
    on", "the Stags led"): not where the sentence says a place ("in Hamilton") or a person; a word
    that is also part of a person's name in the article is that person ("Napier" beside "Leon
    Napier" and "the Napier Tide": the article calls the team "the Tide")."""
    if not is_sport(text):
        return mentions
    mentions = _nicknames(text, mentions)
    teams: dict[str, tuple[str, str]] = {}
    for m in mentions:
        if m.start >= 0 and (parts := team_parts(text, m.start, m.end)) is not None:  # "the" + a name: no person
            teams[name_key(m.text)] = parts
    if not teams:
        return mentions
    people = {name_key(w) for m in mentions if (m.spacy_label == "PERSON" or m.cue) and name_key(m.text) not in teams
              for w in m.text.split()[:-1 if len(m.text.split()) > 1 else 0] + m.text.split()[1:]}
    parts: dict[str, set[str]] = {}
    for key, (town, nickname) in teams.items():
        for word in (town, nickname):
            parts.setdefault(name_key(word), set()).add(key)
    out = []
    for m in mentions:
        key = name_key(m.text)
        if m.start >= 0 and key in teams:
            m = replace(m, hint="ORG")
        elif (m.start >= 0 and len(parts.get(key, ())) == 1 and key not in people and not m.cue
              and m.context not in ("GPE", "PERSON", "SPEAKER")):
            m = replace(m, hint="ORG", team=next(iter(parts[key])))
        elif m.start >= 0 and key in parts and key in people and not m.context and len(m.text.split()) == 1:
            m = replace(m, context="PERSON")  # the article says "the Tide" for the team, so "Napier" is the player
        out.append(m)
    return out


_PLACE_BEFORE = re.compile(r"\b(?:in|from|near)\s+$")


def _nicknames(text: str, mentions: list[Mention]) -> list[Mention]:
    """In a match report, a team's nickname never written beside its name ("the Bison", "the
    Pioneers": one capitalised word, no acronym, always after "the", no known name, no person's name)
    stands for the team its mentions most often follow (a name a team cue marks, "Carver State coach",
    "beat Lakeshore", never written after "the", no known place and never "in" or "from" it); a tie
    links none."""
    def after_the(m: Mention) -> bool:
        return text[max(0, m.start - 4):m.start].lower() == "the "

    body = [m for m in mentions if m.start >= 0]
    by_key: dict[str, list[Mention]] = {}
    for m in body:
        by_key.setdefault(name_key(m.text), []).append(m)
    people = {w for m in body if m.spacy_label == "PERSON" and " " in m.text for w in name_key(m.text).split()}
    people |= {name_key(m.text) for m in body if m.spacy_label == "PERSON" and " " in m.text}
    teams = {k for k, ms in by_key.items() if any(m.hint == "ORG" for m in ms) and not any(after_the(m) for m in ms)
             and all(m.spacy_label != "PERSON" or m.hint == "ORG" for m in ms) and known(ms[0].text) is None
             and k not in people  # a player's surname ("Ouellet-Brun tied it") is no team
             and not any(_PLACE_BEFORE.search(text, max(0, m.start - 6), m.start) for m in ms)}  # "from Rapid City"
    links: dict[str, str] = {}
    for k, ms in by_key.items():
        if k in teams or k in people or " " in k or known(ms[0].text) is not None or is_title_word(ms[0].text) \
                or ms[0].text.isupper() \
                or not all(after_the(m) and m.text[:1].isupper() and not m.cue for m in ms):
            continue
        votes: dict[str, int] = {}
        for m in ms:
            before = [t for t in body if name_key(t.text) in teams and t.end <= m.start]
            if before:
                team = name_key(max(before, key=lambda t: t.start).text)
                votes[team] = votes.get(team, 0) + 1
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            links[k] = ranked[0][0]
    if not links:
        return mentions
    return [replace(m, hint="ORG", team=links[k]) if m.start >= 0 and (k := name_key(m.text)) in links else m
            for m in mentions]


def team_cue(tok) -> bool:
    """Whether a token names a team by its context: "Lakeshore coach", "beat Lakeshore",
    "Carver State beat …", "lost to Lakeshore"."""
    head = tok.head
    if tok.dep_ == "compound" and head.lower_ in TEAM_NOUNS:
        return True
    if tok.dep_ in ("nsubj", "dobj") and head.lemma_ in _TEAM_VERBS:
        return True
    return tok.dep_ == "pobj" and head.lower_ in ("to", "against") and head.head.lemma_ in ("lose", "fall", "draw")


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


def score_end(text: str, start: int, end: int, label: str) -> int:
    """The end of a name glued to a match score after it ("the Red Deer Wranglers" + " 4-3", a tennis player +
    " 6-4 7-6 (7-5)"): before the scores; else ``end``."""
    if label not in _SCORED_LABELS:
        return end
    if _SCORE_GOES_ON.match(text, end) and (m := _SCORE_CUT.search(text, start, end)) is not None \
            and m.start() > start:
        end = m.start()  # "Jan Tarvell 6" + "-4 6-3": spaCy's span ends inside a set's score
    while (m := _SCORE_TAIL.search(text, start, end)) is not None and m.start() > start:
        end = m.start()
    return end
