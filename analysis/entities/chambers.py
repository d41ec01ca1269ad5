"""A legislative chamber before a topic and a lower-case committee word (round 9): spaCy glues the chamber
to the topic ("the Senate Kellport committee" → "Senate Kellport"); the chamber is one name, the topic another
when it is a known name, and the pair names nothing."""
from __future__ import annotations

import re

from analysis.entities.names import known, name_key

__all__ = ["CHAMBERS", "chamber_pieces"]

#: Chambers that a topic may follow as a modifier; never one side of a person's name.
CHAMBERS = frozenset({"House", "Senate"})
_BODY = r" (?:select |special )?(?:committee|subcommittee|panel|hearings?|investigation|probe|inquiry|report)\b"
_BODY_AFTER = re.compile(_BODY)
_BODY_INSIDE = re.compile(_BODY + "(?: [a-z]+)*")


def chamber_pieces(text: str, start: int, end: int, label: str, *,
                   names: set[str] | frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """The span as (start, end, label) pieces: "Senate Kellport" + " committee" → "Senate" (ORG), "Kellport"
    (kept when known, with its label, or a name of the article, ``names``: folded names of its spans); the
    span itself when it is no chamber before a lower-case committee word."""
    words = text[start:end].split()
    if len(words) < 2 or words[0] not in CHAMBERS or label == "LAW":
        return [(start, end, label)]
    if (inside := _BODY_INSIDE.search(text, start, end)) is not None and inside.end() == end:
        end = inside.start()  # the span grown over the committee word: "Senate Kellport committee"
    elif _BODY_AFTER.match(text, end) is None:
        return [(start, end, label)]
    topic = start + len(words[0]) + 1
    if topic >= end:
        return [(start, end, label)]
    entry = known(text[topic:end])
    kept = entry is not None or name_key(text[topic:end]) in names
    return [(start, start + len(words[0]), "ORG")] + ([(topic, end, entry.label if entry else "")] if kept else [])
