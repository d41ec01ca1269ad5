"""A mention grown to the known name it opens: spaCy tags "Islamic" (NORP) in "the Islamic State"
and leaves "State" out; the gazetteer knows the whole name, so the mention becomes it (not over a
compound's lower-case tail: "Islamic State-led")."""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.entities.mention import Mention
from analysis.entities.names import known

__all__ = ["grow_known"]

_LOWER_COMPOUND = re.compile(r"-[a-z][\w'\u2019-]*$")
_NEXT_WORDS = re.compile(r"(?: (?:of |for |on )?(?:[dl]['\u2019])?[A-Z0-9][\w'\u2019-]*){1,3}")  # "Group" + " of 20",
# "Côte" + " d’Ivoire" (round 10: an elided French particle)


def grow_known(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions grown over the capitalised words after them when the whole is a known organisation or
    place the mention alone is not ("Islamic" + " State" → "Islamic State"); the mentions the grown
    span covers go."""
    out: list[Mention] = []
    covered = -1
    for m in sorted(mentions, key=lambda m: (m.start < 0, m.start)):
        if 0 <= m.start < covered:
            continue
        grown = _grown(text, m) if m.start >= 0 else None
        if grown is not None:
            covered = grown.end
            m = grown
        out.append(m)
    return out


def _grown(text: str, m: Mention) -> Mention | None:
    """``m`` over the one to three capitalised words (or numbers, after "of") after it that complete a
    known name, or None."""
    after = _NEXT_WORDS.match(text, m.end)
    if after is None or (own := known(m.text)) is not None and own.label != "NORP":
        return None
    words = after.group(0).split(" ")[1:]
    for n in range(len(words), 0, -1):
        tail = " ".join(words[:n])
        tail = tail[:-2] if tail.endswith(("'s", "\u2019s")) else tail  # "Islamic State's"
        tail = _LOWER_COMPOUND.sub("", tail)  # "Islamic State" + "-as-…", "-led", "-style"
        entry = known(m.text + " " + tail)
        if entry is not None and entry.label in ("ORG", "GPE", "LOC"):
            return replace(m, end=m.end + 1 + len(tail), text=m.text + " " + tail, spacy_label=entry.label, hint="")
    return None
