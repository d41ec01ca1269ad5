"""A name spaCy cut in two where the article writes it whole (round 8b): two mentions one space apart
that make a longer name of the article, with or without its legal suffix, are one ("Ras Omani" +
"Port Services" beside "Ras Omani Port Services LLC"), in the headline too; a body cut before "in" + a
place is one with it when the acronym in brackets after takes the place's initial ("Organisation for
Trade and Security" + " in " + "Asia" + " (OTSA)"); a university and its campus after a dash are one
("University of Kell" + "–" + "Tarvel")."""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.entities.mention import Mention
from analysis.entities.names import name_key
from analysis.entities.short_forms import abbreviates, legal_base

__all__ = ["join_written_whole"]

_CAMPUS_DASHES = frozenset({"\u2013", "-"})
_CAMPUS_WORDS = frozenset({"university", "college", "université", "universidad", "universidade", "universität"})
_ACRONYM_AFTER = re.compile(r" \(([A-Z]{3,8})\)")


def join_written_whole(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with neighbours one space apart joined when the article writes the two as one name of
    three words or more elsewhere (its legal suffix aside); the joined one takes that name's label."""
    whole: dict[str, str] = {}
    for m in mentions:
        key = name_key(m.text)
        if m.start >= 0 and len(key.split()) >= 3:
            whole.setdefault(key, m.spacy_label)
            whole.setdefault(legal_base(key), m.spacy_label)
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start < 0, m.start)):
        prev = out[-1] if out else None
        if prev is None or m.start < 0 or prev.paragraph != m.paragraph:
            out.append(m)
            continue
        gap = text[prev.end:m.start]
        if gap == " " and (key := name_key(text[prev.start:m.end])) in whole:
            out[-1] = replace(prev, end=m.end, text=text[prev.start:m.end], spacy_label=whole[key] or m.spacy_label,
                              cue=False)
            continue
        if gap in _CAMPUS_DASHES and prev.spacy_label == "ORG" and m.text[:1].isupper() and " " not in m.text.strip() \
                and _CAMPUS_WORDS & set(name_key(prev.text).split()):
            out[-1] = replace(prev, end=m.end, text=text[prev.start:m.end], cue=False)  # "University of Kell–Tarvel"
            continue
        if gap == " in " and prev.spacy_label == "ORG" and _located_acronym(text, prev, m):
            out[-1] = replace(prev, end=m.end, text=text[prev.start:m.end], cue=False)
            continue
        out.append(m)
    return out


def _located_acronym(text: str, body: Mention, place: Mention) -> bool:
    """Whether the acronym in brackets after ``place`` abbreviates ``body`` and the place, its last letter
    the place's initial ("Organisation for Trade and Security" + " in " + "Asia" + " (OTSA)")."""
    m = _ACRONYM_AFTER.match(text, place.end)
    if m is None or " " in place.text.strip() or not place.text[:1].isupper():
        return False
    acronym = m.group(1)
    return acronym[-1] == place.text[0].upper() and abbreviates(acronym[:-1], body.text)
