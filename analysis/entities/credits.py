"""The people of a wire story's closing credits (round 8b): in "(Reporting by Ada Quist in Tarvel and Ben
Oyelaran in Kell; Editing by Ines Marr)" every name but those after "in" is a person, whatever spaCy
calls it (a place, a people)."""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.entities.mention import Mention

__all__ = ["credit_people"]

_CREDITS = re.compile(r"\((?:[Aa]dditional )?(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled|[Rr]eported) by "
                      r"[^()]{3,300}\)")
_IN_BEFORE = re.compile(r"\bin\s+$")


def credit_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with the names of a wire's credits in brackets marked as people (the places after "in"
    left alone)."""
    spans = [(m.start(), m.end()) for m in _CREDITS.finditer(text)]
    if not spans:
        return mentions
    return [replace(m, spacy_label="PERSON", hint="PERSON")
            if any(s < m.start and m.end < e for s, e in spans) and not _IN_BEFORE.search(text, max(0, m.start - 5),
                                                                                          m.start)
            else m for m in mentions]
