"""A place glued to a party's adjective before a common noun is the place (round 8b): spaCy tags "Queens
Democratic" of "the Queens Democratic club circuit" or "Iowa Republican" of "an Iowa Republican who …" as one
name; the party word goes and the place stays (not "Progressive" of "the Progressive Conservative caucus")."""
from __future__ import annotations

import re

from analysis.entities.names import known, name_key

__all__ = ["party_place_end"]

_PARTY_TAIL = re.compile(r" (?:Democratic|Democrat|Republican|GOP|Labour|Conservative|Tory|Liberal) [a-z]")


def party_place_end(text: str, start: int, end: int, places: set[str]) -> int | None:
    """The end of the place when a span goes on with a party's adjective and a lower-case word ("Queens" of
    "Queens Democratic club" or "Queens Democratic" + " club") and the words before it are a place: known,
    or one spaCy calls a place elsewhere in the article (``places``: folded names); else None."""
    if not text[start:start + 1].isupper():
        return None
    m = _PARTY_TAIL.search(text, start, min(len(text), end + 2))
    if m is None or m.start() == start or m.end() - 2 > end:
        return None
    entry = known(text[start:m.start()])
    return m.start() if name_key(text[start:m.start()]) in places or (
        entry is not None and entry.label in ("GPE", "LOC")) else None
