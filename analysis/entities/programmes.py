"""Government programmes are no organisations: spaCy tags "the Early Start for Rural Families
program, or ESRF" as an organisation and its acronym too. A name of two words or more right before
"program" or "programme" (or before "and" + a name and then "programs") is a programme, so is an acronym
given right after that word ("program, or ESRF", "program (ESRF)"), and so is every other mention of
either; they are labelled LAW, spaCy's nearest kind, which is not counted among people, organisations
and places."""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.entities.mention import Mention
from analysis.entities.names import ORG_WORDS, known, name_key

__all__ = ["mark_programmes"]

_PROGRAMME_AFTER = re.compile(r"(?: and (?:[A-Z][\w'\u2019-]*\s){1,4}| )programm?e?s?\b")
_ACRONYM_BEFORE = re.compile(r"\bprogramm?e?s?(?:, or| \()\s?$")


def mark_programmes(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with the article's programmes, their acronyms and every mention of them labelled LAW."""
    keys = set()
    for m in mentions:
        if m.start < 0:
            continue
        words = m.text.split()
        if len(words) > 1 and _PROGRAMME_AFTER.match(text, m.end) and known(m.text) is None \
                and words[-1].lower() not in ORG_WORDS:
            keys.add(name_key(m.text))  # "Early Start for Rural Families" + " program"
        elif m.text.isupper() and len(words) == 1 and _ACRONYM_BEFORE.search(text, max(0, m.start - 20), m.start):
            keys.add(name_key(m.text))  # "program, or ESRF"
    if not keys:
        return mentions
    return [replace(m, spacy_label="LAW", hint="LAW", cue=False) if m.start >= 0 and name_key(m.text) in keys else m
            for m in mentions]
