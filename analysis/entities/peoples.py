"""Peoples named with a tribal prefix are peoples, not organisations or persons (round 11): a Māori iwi or
hapū ("Ngāti Hinerau", "Ngāi Tahu"), whatever label spaCy gives it; a longer name with an organisation's word
("Ngāti Hinerau Trust") stays an organisation."""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.entities.mention import Mention
from analysis.entities.names import LEGAL_SUFFIXES, ORG_WORDS

__all__ = ["tribal_peoples"]

_TRIBAL = re.compile(r"(?:Ng[aā]ti|Ng[aā]i) [A-Z\u0100-\u017f][\w\u0100-\u017f-]*(?: [A-Z][\w\u0100-\u017f-]*)?")


def tribal_peoples(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with each name of an iwi or hapū ("Ngāti Awa") labelled a people (NORP)."""
    if "Ng" not in text or _TRIBAL.search(text) is None:  # cheap: no such name anywhere
        return mentions
    return [replace(m, spacy_label="NORP", hint="NORP", cue=False) if _people(m.text) else m for m in mentions]


def _people(surface: str) -> bool:
    words = surface.split()
    return _TRIBAL.fullmatch(surface) is not None and not any(
        w.lower() in ORG_WORDS or w.lower().strip(".") in LEGAL_SUFFIXES for w in words[1:])
