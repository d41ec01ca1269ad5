"""Whose words a quotation with no cue of its own continues (part of :mod:`analysis.quotes`).

The last speaker of the paragraph before (reported speech included), the person that paragraph is
about when they have spoken before, the speaker of the sentence just before the quotation, or the last
quotation's speaker; never a person the quotation talks about (:func:`named_in`).
"""
from __future__ import annotations

import bisect
import re

from analysis.quotes import lexicon as lex
from analysis.quotes.content import not_a_place, unnamed_words
from analysis.quotes.grammar import subject_of
from analysis.quotes.indirect import Reported
from analysis.quotes.schema import Quote
from analysis.quotes.speakers import ArticleContext


def floating_speaker(ctx: ArticleContext, p: int, lead: str, prev: Quote | None, out: list[Quote],
                     reported: dict[int, list[Reported]]) -> Quote | None:
    """Whose words a quotation with no cue of its own continues: the last speaker of the paragraph before
    (reported speech included: "X said she had been hit twice.¶"The second time …""), else the person
    that paragraph is about when they have spoken before ("Holm has heard it before.¶"…""); the last
    quotation's speaker when it ends in the paragraph before or this one."""
    if p < 1:
        return None
    after = prev.start if prev is not None and prev.paragraph == p - 1 else -1
    if not lead.strip() and p - 1 >= 1 and p - 1 in ctx.units:
        said = [r for r in reported.get(p - 1, ())
                if r.start > after and (r.speaker.name or r.unnamed)]
        if said:
            r = said[-1]
            return Quote(p - 1, r.start, r.end, r.text, "indirect", r.speaker.name, r.speaker.label, r.cue,
                         r.speaker.start, r.speaker.end, r.cue_start, r.cue_end, "", "indirect",
                         unnamed_source=r.unnamed)
        if prev is None or prev.paragraph < p - 1:
            about = _subject_person(ctx, p - 1, {q.speaker for q in out if q.speaker})
            if about is not None:
                return about
    if lead.strip():
        before = _sentence_before(ctx, p, len(lead.rstrip()))
        if before is not None:
            return before
    if prev is not None and int(prev.segments.split(";")[-1].split("-")[0]) >= ctx.units[p - 1].start \
            and (prev.speaker or prev.unnamed_source):
        return prev
    return None


def _sentence_before(ctx: ArticleContext, p: int, end: int) -> Quote | None:
    """The speaker of the sentence that ends right before a quotation in its paragraph, when its verb is one
    of saying (``Hannity pressed. "…"``, ``X agreed. "…"``, ``X argues that … . "…"``)."""
    unit = ctx.units[p]
    idx = unit.column("idx")
    k = bisect.bisect_left(idx, end) - 1
    while k >= 0 and (unit.tokens[k].is_punct or unit.tokens[k].is_space):
        k -= 1
    if k < 0 or ctx.inside_quote(unit.start + idx[k]):
        return None
    verb = unit.tokens[k].sent.root
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in lex.CUE_LEMMAS | lex.NAMING_CUES \
            or ctx.inside_quote(unit.start + verb.idx):
        return None
    subj = subject_of(verb, skip=ctx.quoted(p))
    if subj is None:
        return None
    found = not_a_place(ctx, p, subj, ctx.speaker(p, subj))
    unnamed = unnamed_words(ctx, p, subj, found.name)
    if found.name is None and unnamed is None:
        return None
    cue_start = unit.start + verb.idx
    return Quote(p, cue_start, cue_start, "", "indirect", found.name, found.label, verb.lemma_.lower(), found.start,
                 found.end, cue_start, cue_start + len(verb), "", "continuation", unnamed_source=unnamed)


def _subject_person(ctx: ArticleContext, p: int, spoken: set[str]) -> Quote | None:
    """The person who is the subject of the last sentence of paragraph ``p``, when they have spoken."""
    unit = ctx.units[p]
    if ctx.inside_quote(unit.start) or not unit.sents:
        return None
    root = unit.sents[-1].root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    found = ctx.speaker(p, subj)
    if found.name is None or found.name not in spoken or found.label != "PERSON":
        return None
    return Quote(p, found.start or 0, found.end or 0, "", "indirect", found.name, found.label, None, found.start,
                 found.end, None, None, "", "continuation")


def named_in(inner: str, name: str | None) -> bool:
    """Whether a quotation talks about ``name`` (its surname or given name in the third person)."""
    if not name:
        return False
    words = [w for w in name.split() if len(w) > 2 and w[:1].isupper()]
    return any(re.search(rf"\b{re.escape(w)}\b(?!,)", inner) for w in words[:1] + words[-1:])
