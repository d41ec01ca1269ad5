"""An organisation called by its head word alone (round 8): "the Department" in an article naming one
department ("the Kell Department of Roads" … "the Department said"), "the Council" beside one council, "the
Senate" beside one state's senate (round 10). spaCy
rarely tags the bare head word; these mentions stand for the one organisation of the article with that head
(:attr:`analysis.entities.mention.Mention.team` carries its key, as for a team's town)."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from analysis.entities.mention import Mention
from analysis.entities.names import known, name_key

__all__ = ["head_references"]

#: Legislative chambers: "the Senate" of "the Missouri Senate", "the House" of "the Kell House of Delegates"; their
#: owner is named after a place (no "White House") or opens with the chamber.
_CHAMBERS = frozenset("senate house assembly legislature parliament".split())
_HEADS = frozenset("department agency bureau commission committee ministry council board authority tribunal"
                   .split()) | _CHAMBERS  # round 11: "the Tribunal" of the "Waitangi Tribunal"
_THE_HEAD = re.compile(r"\b[Tt]he (Department|Agency|Bureau|Commission|Committee|Ministry|Council|Board|Authority"
                       r"|Tribunal|Senate|House|Assembly|Legislature|Parliament)\b(?!\s+(?:of|for|on|and)\b)"
                       r"(?!\s+to\s+[A-Z])(?! [A-Z])")  # "urged the Council to act": "to" + a verb opens no longer name


def _head(key: str) -> str | None:
    """The head word of an organisation's name: its last word, or the word before "of" ("department" of
    "state department", "department of state", "kell department of roads")."""
    words = key.split()
    if len(words) > 1 and words[-1] in _HEADS:
        head, owner = words[-1], " ".join(words[:-1])
    else:
        heads = [(i, w) for i, (w, after) in enumerate(zip(words, words[1:])) if w in _HEADS and after == "of"]
        if not heads or len(words) <= 2:
            return None
        head, owner = heads[0][1], " ".join(words[:heads[0][0]])
    if head in _CHAMBERS and owner and ((entry := known(owner)) is None or entry.label != "GPE"):
        return None  # "the White House" is no chamber
    return head


def head_references(parsed, mentions: list[Mention]) -> list[Mention]:
    """The mentions, those of "the" + a capitalised head word ("the Department") marked as standing for the one
    organisation of the article whose name has that head (none when two or more have it), and such words no
    mention covers added."""
    text = parsed.article.text
    if not any(h.title() in text for h in _HEADS):
        return mentions
    owners: dict[str, dict[str, str]] = defaultdict(dict)  # head → entity → the key of one of its forms
    for m in mentions:
        entry = known(m.text)
        if m.spacy_label != "ORG" and (entry is None or entry.label != "ORG"):
            continue
        key = name_key(m.text)
        if (head := _head(key)) is not None:
            owners[head].setdefault(entry.canonical if entry is not None else key, key)
    if not any(len(v) == 1 for v in owners.values()):
        return mentions
    found = {match.start(1): match for match in _THE_HEAD.finditer(text)
             if len(owners.get(match.group(1).lower(), ())) == 1}
    out = []
    for m in mentions:
        match = found.pop(m.start, None)
        if match is not None and m.end == match.end(1):
            m = replace(m, team=next(iter(owners[match.group(1).lower()].values())), hint="ORG")
        out.append(m)
    covered = [(m.start, m.end) for m in mentions if m.start >= 0]
    sentences = [(unit.start + sent.start_char, unit.start + sent.end_char, sid, unit.paragraph)
                 for sid, unit, sent in parsed.sentences()]
    for start, match in found.items():
        end = match.end(1)
        where = next(((sid, paragraph) for lo, hi, sid, paragraph in sentences if lo <= start < hi), None)
        if where is None or any(s < end and start < e for s, e in covered):
            continue
        key = next(iter(owners[match.group(1).lower()].values()))
        out.append(Mention(where[0], where[1], start, end, match.group(1), "", "propagated", hint="ORG", team=key))
    return out
