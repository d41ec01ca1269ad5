"""A name right before "Act" or "Acts" is a law's (round 8b): spaCy cuts "the Licensing Acts" to "Licensing"
and calls it a place; the span grows over the word and is a law, so its words name nothing else."""
from __future__ import annotations

import re

__all__ = ["act_end"]

_ACT_AFTER = re.compile(r" Acts?(?![\w-])")


def act_end(text: str, end: int) -> int | None:
    """The end of a law's name when "Act" or "Acts" follows a span ending at ``end``; else None."""
    m = _ACT_AFTER.match(text, end)
    return m.end() if m is not None else None
