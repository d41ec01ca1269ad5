"""A person's name whose surname opens with an elided particle and a curly apostrophe ("Tarun D’Sauza",
"Aoife O’Rourke"; round 11).

spaCy's small model, trained on straight apostrophes, often tags no part of such a name; the pattern finder
then finds the surname alone and no sentence makes it a person. :func:`elided_people` makes each given name
and surname written so one PERSON mention, in place of the spans of it spaCy or the finder found, and the
surname alone a person's wherever it stands.
"""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.entities.lexicon import ordinary
from analysis.entities.mention import Mention
from analysis.entities.names import is_title_word, name_key

__all__ = ["elided_people"]

_SURNAME = r"[DOL]\u2019[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_NAMED = re.compile(r"(?<![\w\u2019'.-])((?:[A-Z][a-z]+ ){1,2})(" + _SURNAME + r")(?![\w\u2019'-])")
_ANY = re.compile(_SURNAME)
_ALONE = re.compile(r"(?<![\w\u2019'-])" + _SURNAME + r"(?![\w\u2019'-])")


def elided_people(parsed, mentions: list[Mention]) -> list[Mention]:
    """Mentions with each "Given D’Surname" of the body one PERSON mention (not when a given name is an
    ordinary word or a title: "Capt." stays out), and the surname alone relabelled PERSON."""
    text = parsed.article.text
    if _ANY.search(text) is None:  # cheap: no such surname anywhere
        return mentions
    out, surnames = list(mentions), set()
    sentences = None
    for hit in _NAMED.finditer(text):
        firsts = hit.group(1).split()
        while firsts and (ordinary(firsts[0]) or is_title_word(firsts[0])):
            firsts.pop(0)
        if not firsts or any(ordinary(w) or is_title_word(w) for w in firsts):
            continue
        start, end = hit.end(1) - len(" ".join(firsts)) - 1, hit.end()
        inside = [m for m in out if m.start >= 0 and m.start < end and m.end > start]
        if any(m.start < start or m.end > end for m in inside):
            continue  # a longer name overlaps it
        if sentences is None:
            sentences = [(u.start + sent.start_char, sid, u.paragraph) for sid, u, sent in parsed.sentences()]
        sid, paragraph = next(((sid, p) for s, sid, p in reversed(sentences) if s <= start), (0, 0))
        if paragraph == 0:
            continue
        whole = Mention(sid, paragraph, start, end, text[start:end], "PERSON", "ner",
                        cue=any(m.cue for m in inside), role=next((m.role for m in inside if m.role), ""))
        out = [m for m in out if not any(m is x for x in inside)] + [whole]
        surnames.add(name_key(hit.group(2)))
    if not surnames:
        return mentions
    out = [replace(m, spacy_label="PERSON") if m.start >= 0 and name_key(m.text) in surnames else m for m in out]
    for hit in _ALONE.finditer(text):  # the surname alone where nothing found it ("…,” D’Sauza said.")
        start, end = hit.span()
        if name_key(hit.group()) not in surnames or any(m.start < end and m.end > start for m in out if m.start >= 0):
            continue
        sid, paragraph = next(((sid, p) for s, sid, p in reversed(sentences) if s <= start), (0, 0))
        if paragraph:
            out.append(Mention(sid, paragraph, start, end, hit.group(), "PERSON", "propagated"))
    return sorted(out, key=lambda m: (m.start < 0, m.start))
