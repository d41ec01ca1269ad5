"""Joint names in US political copy: a poll's sponsors (a span before "poll" or "survey") joined by
a slash ("Dorn Tribune/Kell University poll") or by a hyphen between two names of two words or more,
the second opening with an acronym ("Dorn Tribune-KBN News poll") or the first written alone elsewhere
(round 10), are two organisations; the word "Poll" after them is no part of either, nor of one sponsor's
name (round 10: "the Kell News Poll"). A compound's lower-case suffix is no part of a name either ("Ana
Tili-led" → "Ana Tili", "Dornvale-based" → "Dornvale")."""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.entities.mention import Mention

__all__ = ["split_joint"]

_JOINT = re.compile(r"(?<=\w)[/-](?=[A-Z])")
_ACRONYM = re.compile(r"[A-Z]{2,}\b")
_POLL = re.compile(r"\s+(?:Poll|Polls|Survey)$")
_SUFFIX = re.compile(r"[-\u2010](?:led|based|backed|owned|run|funded|born|bred|style|era|like|linked|allied)$")
_ONE_POLL = re.compile(r"(?:^|\s)[A-Z][\w.'\u2019-]*( (?:Poll|Survey))$")  # "Kell News Poll", not "Pints and Polls"
_POLL_AFTER = re.compile(r"\s+(?:poll|polls|survey|Poll|Survey)\b")


def split_joint(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions of a poll's sponsors split where a slash, or a hyphen before an acronym between names
    of two words or more, joins two names, with a glued "Poll" cut off; mentions without a compound's
    suffix ("-led", "-based")."""
    out: list[Mention] = []
    alone = {m.text for m in mentions}  # a name written alone elsewhere ("Dorn Tribune") is one side of a hyphen
    for m in mentions:
        if (suffix := _SUFFIX.search(m.text)) is not None and suffix.start() > 0:
            m = replace(m, end=m.start + suffix.start(), text=m.text[:suffix.start()])
        poll = _POLL.search(m.text) is not None or _POLL_AFTER.match(text, m.end) is not None
        pieces = _pieces(m.text, alone) if m.start >= 0 and poll else None
        if pieces is None:
            if m.start >= 0 and (glued := _ONE_POLL.search(m.text)) is not None and m.text[0].isupper():
                cut = glued.start(1)  # round 10: "Kell News Poll"
                m = replace(m, end=m.start + cut, text=m.text[:cut])
            out.append(m)
            continue
        for s, e in pieces:
            piece = _POLL.sub("", m.text[s:e])
            out.append(replace(m, start=m.start + s, end=m.start + s + len(piece), text=piece))
    return out


def _pieces(text: str, alone: set[str] | frozenset[str] = frozenset()) -> list[tuple[int, int]] | None:
    """Offsets of the two names a slash or hyphen joins in ``text``, or None; a hyphen joins two names when the
    second opens with an acronym or the first is written alone elsewhere (``alone``: texts of the mentions)."""
    seps = list(_JOINT.finditer(text))
    if len(seps) != 1:
        return None
    sep = seps[0]
    left, right = text[:sep.start()], text[sep.end():]
    if not (left[:1].isupper() and right[:1].isupper()) or len(left.split()) < 2 and len(right.split()) < 2:
        return None  # not "Tarvin/Kell", two places or people
    if sep.group(0) == "-" and (len(left.split()) < 2 or len(_POLL.sub("", right).split()) < 2
                                or (_ACRONYM.match(right) is None and left not in alone)):
        return None  # not "Collectif Haut-Béarn Naissances"
    return [(0, sep.start()), (sep.end(), len(text))]
