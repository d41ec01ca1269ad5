"""Team sheets: players listed by initial and surname ("Kell: R Varnholt; T Quist, A Brandt, D de Vos").

spaCy misses many of them, cuts others ("Brandt" of "D Brandt") and takes the initial "A" for an article; in a
paragraph listing four or more such names between colons, commas, semicolons and brackets, each is one person
mention, whole, in place of what spaCy made of it (:func:`lineup_people`).
"""
from __future__ import annotations

import re

from analysis.entities.mention import Mention

__all__ = ["lineup_people", "MIN_PLAYERS"]

#: Names of the initial-and-surname shape a paragraph needs to be read as a team sheet.
MIN_PLAYERS = 4
_PLAYER = re.compile(r"(?:(?<=[:;,(])|^)\s*(?:rep\s*:\s*)?"
                     r"(?P<name>[A-Z]{1,2}\.? (?:(?:de|del|della|dal|da|di|du|le|la|van|von|ter|dos) )?"
                     r"[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)?)\s*(?=[;,()]|\.?$|\.\s)")


def lineup_people(parsed, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with every player of a team sheet as a person mention, whole, replacing the mentions
    that overlap it."""
    found: list[Mention] = []
    for sid, unit, sent in parsed.sentences():
        if unit.paragraph == 0:
            continue
        text = unit.text[sent.start_char:sent.end_char]
        players = list(_PLAYER.finditer(text))
        if len(players) < MIN_PLAYERS:
            continue
        base = unit.start + sent.start_char
        found += [Mention(sid, unit.paragraph, base + m.start("name"), base + m.end("name"), m.group("name"),
                          "PERSON", "pattern") for m in players]
    if not found:
        return mentions
    spans = [(m.start, m.end) for m in found]
    kept = [m for m in mentions if not any(m.start < e and s < m.end for s, e in spans)]
    return sorted(kept + found, key=lambda m: (m.paragraph, m.start))
