"""The dateline of an article: the place in capitals opening the first paragraph ("CEDAR HOLLOW, Ore.
(AP) —", :func:`dateline_span`) and the wire or outlet in brackets after it (:func:`dateline_wire`),
added as mentions (:func:`dateline_mentions`)."""
from __future__ import annotations

import re

from analysis.entities.mention import Mention
from analysis.entities.names import known
from analysis.entities.places import place_kind

__all__ = ["dateline_span", "dateline_wire", "dateline_mentions"]

_DATELINE = re.compile(r"([A-Z][A-Z'\u2019.\-]*(?: [A-Z][A-Z'\u2019.\-]*){0,3})(?=,|\s+\(|\s+[\u2014\u2013-]\s)")


#: A place in capitals and a colon opening a paragraph, as South and South-East Asian and Gulf papers write
#: datelines ("MUMBAI: Shares of …", "KOTA KINABALU: …").
_COLON_DATELINE = re.compile(r"([A-Z][A-Z'\u2019.\-]*(?: [A-Z][A-Z'\u2019.\-]*){0,2}): (?=[A-Z\u201c\"])")


def dateline_span(paragraph: str) -> tuple[int, int] | None:
    """Offsets of the place in capitals that opens a paragraph as a dateline ("CEDAR HOLLOW, Ore.
    (AP) —", "OSLO, May 6 (Reuters) -", "N'DJAMENA (AFP) -", or a place the world-places lexicon knows
    before a colon: "MUMBAI: Shares of …"; not "UPDATE: …"), or None."""
    c = _COLON_DATELINE.match(paragraph)
    if c is not None:
        name = c.group(1).title().replace("'S", "'s")
        entry = known(name)
        if place_kind(name) is not None or (entry is not None and entry.label in ("GPE", "LOC")):
            return c.start(1), c.end(1)
    m = _DATELINE.match(paragraph)
    if m is None or len(m.group(1).replace(" ", "")) < 3 or not any(c.isalpha() for c in m.group(1)):
        return None
    rest = paragraph[m.end():m.end() + 60]
    if not re.search(r"\((?:AP|AFP|Reuters|UPI|dpa|AAP|PA)\)|[\u2014\u2013]| - ", rest):
        return None
    return m.start(1), m.end(1)


_WIRE = re.compile(r"[^()\n]{0,40}?\(([A-Z][A-Za-z&'.-]{1,15}(?: [A-Z][A-Za-z&'.-]+){0,3})\)\s*[\u2014\u2013-]")


def dateline_wire(paragraph: str, place_end: int) -> tuple[int, int] | None:
    """Offsets of the wire or outlet in brackets after a dateline's place ("KETTERING, Ohio (WDLN) —",
    "DOHA (HGW) —"): a capitalised name, no place; or None."""
    m = _WIRE.match(paragraph, place_end)
    if m is None or any(c.isdigit() for c in m.group(1)):
        return None
    entry = known(m.group(1))
    if entry is not None and entry.label != "ORG":
        return None
    return m.start(1), m.end(1)


def dateline_mentions(parsed, mentions: list[Mention]) -> list[Mention]:
    """Mentions with the place of a dateline in capitals ("CEDAR HOLLOW, Ore. (AP) —") found or
    marked as a place (origin "dateline"), and the wire or outlet in brackets after it an organisation
    (origin "pattern": "(WDLN)", "(AP)")."""
    units = [u for u in parsed.units if u.paragraph == 1]
    if not units:
        return mentions
    unit = units[0]
    found = dateline_span(unit.text)
    if found is None:
        return mentions
    start, end = unit.start + found[0], unit.start + found[1]
    text = parsed.article.text
    kept = [m for m in mentions if m.paragraph != 1 or m.end <= start or m.start >= end]
    sid = next((sid for sid, u, _ in parsed.sentences() if u.paragraph == 1), 0)
    found = [Mention(sid, 1, start, end, text[start:end], "GPE", "dateline", hint="GPE")]
    wire = dateline_wire(unit.text, found[0].end - unit.start)
    if wire is not None:
        ws, we = unit.start + wire[0], unit.start + wire[1]
        kept = [m for m in kept if m.paragraph != 1 or m.end <= ws or m.start >= we]
        found.append(Mention(sid, 1, ws, we, text[ws:we], "ORG", "pattern", hint="ORG"))
    return sorted([*kept, *found], key=lambda m: (m.start < 0, m.start))
