"""A name spaCy cut in two where the article writes it whole (round 8b): two mentions one space apart
that make a longer name of the article, with or without its legal suffix, are one ("Ras Omani" +
"Port Services" beside "Ras Omani Port Services LLC"), in the headline too."""
from __future__ import annotations

from dataclasses import replace

from analysis.entities.mention import Mention
from analysis.entities.names import name_key
from analysis.entities.short_forms import legal_base

__all__ = ["join_written_whole"]


def join_written_whole(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with neighbours one space apart joined when the article writes the two as one name of
    three words or more elsewhere (its legal suffix aside); the joined one takes that name's label."""
    whole: dict[str, str] = {}
    for m in mentions:
        key = name_key(m.text)
        if m.start >= 0 and len(key.split()) >= 3:
            whole.setdefault(key, m.spacy_label)
            whole.setdefault(legal_base(key), m.spacy_label)
    if not whole:
        return mentions
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start < 0, m.start)):
        prev = out[-1] if out else None
        if (prev is not None and m.start >= 0 and prev.paragraph == m.paragraph and text[prev.end:m.start] == " "
                and (key := name_key(text[prev.start:m.end])) in whole):
            out[-1] = replace(prev, end=m.end, text=text[prev.start:m.end], spacy_label=whole[key] or m.spacy_label,
                              cue=False)
            continue
        out.append(m)
    return out
