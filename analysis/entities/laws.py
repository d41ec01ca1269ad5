"""A name right before "Act" or "Acts" is a law's (round 8b): spaCy cuts "the Licensing Acts" to "Licensing"
and calls it a place; the span grows over the word and is a law, so its words name nothing else. A span that
ends with the word is a law too (round 9): spaCy calls "the Fair Rents Act" an organisation."""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.entities.mention import Mention

__all__ = ["act_end", "is_act", "mark_acts"]

_ACT_AFTER = re.compile(r" Acts?(?![\w-])")


def act_end(text: str, end: int) -> int | None:
    """The end of a law's name when "Act" or "Acts" follows a span ending at ``end``; else None."""
    m = _ACT_AFTER.match(text, end)
    return m.end() if m is not None else None


def is_act(surface: str) -> bool:
    """Whether a span's last word is "Act" or "Acts", so the span names a law ("Fair Rents Act")."""
    words = surface.split()
    return len(words) >= 2 and words[-1] in ("Act", "Acts")


def mark_acts(mentions: list[Mention]) -> list[Mention]:
    """Mentions with every law named with "Act" at its end labelled LAW, found by spaCy or not."""
    return [replace(m, spacy_label="LAW", hint="LAW", cue=False) if m.start >= 0 and is_act(m.text) else m
            for m in mentions]
