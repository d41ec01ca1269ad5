"""The quotations of one statement: pieces around a cue clause, fragments of one cue (part of
:mod:`analysis.quotes`).
"""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.quotes.schema import Quote


def join_pieces(rows: list[Quote], text: str) -> list[Quote]:
    """Quotations of one statement share one content: the pieces of a quotation on either side of its cue
    clause in one paragraph (``"We will," he said, "win."``, ``"A," she said. "B."``, ``"A," he said, but
    "b."``: a piece set off by a comma after the cue clause is direct speech, whatever its first letter),
    and the fragments one cue reports (``called him a "liar" who is "amoral"``: their clauses together)."""
    out = list(rows)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and _continues(out[j], out[j + 1], first=out[i], text=text):
            j += 1
        if j > i:
            group = out[i:j + 1]
            if all(q.kind == "direct" or q.attribution != "indirect" and _set_off(q, group[0], text)
                   for q in group[1:]) and group[0].kind == "direct":
                words, c0, c1 = " ".join(q.text for q in group), group[0].start, group[-1].end
                kinds = ["direct"] * len(group)
            else:
                c0, c1 = min(q.content_start for q in group), max(q.content_end for q in group)
                words, kinds = text[c0:c1], [q.kind for q in group]
            for k, kind in zip(range(i, j + 1), kinds):
                out[k] = replace(out[k], kind=kind, content=words, content_start=c0, content_end=c1)
        i = j + 1
    return out


#: What may stand between a cue clause and the next piece of the quotation it interrupts.
_PIECE_LEAD = re.compile(r",\s*(?:but|and)?\s*[\"'\u201c\u2018]{1,2}$")


def _set_off(b: Quote, a: Quote, text: str) -> bool:
    """Whether ``b`` goes on after ``a``'s cue clause, set off by a comma (``"A," he said, but "b."``)."""
    return b.cue_start is not None and a.end <= b.cue_start < b.start and bool(_PIECE_LEAD.search(text, 0, b.start))


def _continues(a: Quote, b: Quote, *, first: Quote, text: str) -> bool:
    """Whether quotation ``b`` belongs to the statement of ``a`` (and of ``first``, the group's first): the
    same cue, and ``b`` after ``a``'s cue clause (or a continuation), or fragments the cue reports."""
    if a.paragraph == 0 or b.paragraph != a.paragraph or ";" in a.segments or ";" in b.segments \
            or b.cue_start is None or b.cue_start != first.cue_start or a.cue_start != b.cue_start:
        return False
    if a.kind == "direct" and b.kind == "direct":
        return b.attribution == "continuation" or a.end <= b.cue_start < b.start
    if a.kind == "direct":
        return _set_off(b, a, text) or b.content_start < a.end + 200 and b.content_start <= a.content_end + 2
    if b.kind == "direct":  # The summit did "too little," he added. "Without …"
        return b.attribution != "continuation" and a.end <= b.cue_start < b.start
    return b.start - a.end < 300  # fragments of one cue: its sentence
