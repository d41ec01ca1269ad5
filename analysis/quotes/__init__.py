"""Quotations and their speakers: who said what, found from the characters and the parse.

:func:`extract_quotes` is the per-article step of the NLP pass
(:func:`analysis.extract.extract`). It works in three layers:

1. Quote marks (:mod:`analysis.quotes.marks`, plain strings, no NLP): straight
   and curly double quotes, the British ‘…’ style with “…” nested, apostrophes
   (don't, Kazakhstan’s, the ’90s, O’Brien, rock ’n’ roll) told apart from quote
   marks, quotations running over several paragraphs joined into one, and
   unbalanced marks kept inside their paragraph (a mark that never closes is no
   quotation, unless a cue clause such as ``, he said`` shows where it ended).
2. Attribution (:mod:`analysis.quotes.cues`, :mod:`analysis.quotes.speakers`):
   the cue verb governing the quotation in the dependency parse, else a cue
   clause next to the marks (inverted ``said X``, colon lead-ins, ``according
   to X``, a dash attribution, a lead-in ending the previous paragraph); the
   speaker token becomes a canonical name through the mention table, a
   pronoun's antecedent, a role noun's entity or a surname's full name; a
   place reached by a misparse (a dateline, a venue) never speaks. A
   quotation with no cue of its own continues the words of the last speaker of
   the paragraph before (reported speech included), never of a person it talks
   about; a headline quotation takes the speaker of the body quotation it repeats.
3. Reported speech without marks (:mod:`analysis.quotes.indirect`), and the
   statement each quotation belongs to (:mod:`analysis.quotes.content`): the
   pieces of a quotation interrupted by its cue, the fragments one cue reports,
   and the reported clause around a fragment are one statement.

Kinds: ``direct`` (a quoted statement), ``partial`` (a quoted fragment worked
into the reporter's sentence), ``indirect`` (reported speech). Scare quotes,
so-called terms, quoted titles, chants and words on placards or signs are
nobody's statement and are left out. A transcript line (``HADLEY: …``) is a
direct quotation of its labelled speaker, marks or not.

Columns of the table (:data:`QUOTE_COLUMNS`, then :data:`EXTRA_COLUMNS`):

- ``quote_id``: 0, 1, … in text order within the article;
- ``paragraph``: 0 for the headline, 1… for body paragraphs (of the first segment);
- ``start``/``end``: offsets in ``Article.text`` of the quoted text without the
  marks (first segment's start, last segment's end);
- ``text``: the quoted text without the marks, segments joined by one space;
- ``kind``, ``speaker`` (canonical name or None), ``speaker_label`` (PERSON,
  ORG, GPE, NORP… or None), ``cue`` (verb lemma, "according to", or None);
- ``polarity``/``subjectivity``: :func:`analysis.sentiment.score` of ``text``;
- ``content``: the whole statement as reported: a direct quotation's words (the
  pieces of one interrupted by its cue clause joined by one space, the same
  content on every piece); for a partial one the reported clause around the
  fragment as it stands in the text, marks included, ``that`` left out (the
  fragments one cue reports share it); for indirect speech the clause;
- ``content_start``/``content_end``: offsets of the statement (from the first
  piece's start to the last piece's end for an interrupted quotation);
- ``unnamed_source``: the words of a source the text does not name ("police",
  "two committee aides", "a spokesperson for X", "the spokesperson"), else None;
  ``speaker`` is then None, or the organisation a spokesperson speaks for;
- ``speaker_start``/``speaker_end``: offsets of the words naming the speaker
  here ("he", "the minister", "Tokayev"), or None;
- ``cue_start``/``cue_end``: offsets of the cue words, or None;
- ``segments``: ``"start-end"`` offsets of each segment, joined by ``;``;
- ``attribution``: how the speaker was found: ``parse``, ``after``, ``before``,
  ``colon``, ``lead-in``, ``dash``, ``according to``, ``continuation``,
  ``headline``, ``transcript``, ``indirect`` (also a fragment that takes the
  speaker of the reported clause around it) or ``none``.
"""
from __future__ import annotations

import bisect
import difflib
import json
import operator
import re
from dataclasses import dataclass, fields, replace

import numpy as np
import pandas as pd

from analysis.frames import frame, str_column
from analysis.quotes import lexicon as lex
from analysis.quotes.content import fragment_clause, not_a_place, unnamed_words
from analysis.quotes.cues import (
    Found,
    attribute_segment,
    is_statement,
    looks_like_title,
    not_speech,
    scare_marked,
    titled,
)
from analysis.quotes.grammar import subject_of
from analysis.quotes.indirect import Reported, find_indirect
from analysis.quotes.marks import MarkedQuote, find_quotes
from analysis.quotes.speakers import ArticleContext, Speaker
from analysis.quotes.table import ROW_COLUMNS, quote_numbers, quote_rows
from analysis.sentiment import score

__all__ = ["QUOTE_COLUMNS", "EXTRA_COLUMNS", "KINDS", "Quote", "extract_quotes", "speaker_quotes", "timeline_rows",
           "quote_rows", "quote_numbers", "ROW_COLUMNS",
           "speaker_leaderboard", "summary_text"]

#: Columns of the per-article quote table (``article_id``, ``published`` and ``source`` are added later).
QUOTE_COLUMNS = ["quote_id", "paragraph", "start", "end", "text", "kind", "speaker", "speaker_label", "cue",
                 "polarity", "subjectivity", "content", "content_start", "content_end", "unnamed_source"]
#: Extra columns after :data:`QUOTE_COLUMNS` (see the module docstring).
EXTRA_COLUMNS = ["speaker_start", "speaker_end", "cue_start", "cue_end", "segments", "attribution"]
_DTYPES = {"quote_id": "int64", "paragraph": "int64", "start": "int64", "end": "int64", "polarity": "float64",
           "subjectivity": "float64", "content_start": "int64", "content_end": "int64", "speaker_start": "Int64",
           "speaker_end": "Int64", "cue_start": "Int64",
           "cue_end": "Int64"}
#: Kinds of quotation, in the order the notebooks list them.
KINDS = ("direct", "partial", "indirect")

#: Dependencies by which a quoted fragment is what a naming cue says (called X "…", described as "…").
_SAYS_FRAGMENT = {"oprd", "ccomp", "xcomp", "acomp", "attr", "dobj", "pobj", "prep", "parataxis", "window",
                  "according"}

#: A headline's lead-in naming the speaker: "Tokayev: …", "Whitlock in Tbilisi: …", "Mayor on bus cuts: …".
_HEADLINE_LEAD = re.compile(r"^\s*([A-Z][\w’'.-]*(?:\s+(?!(?:on|in|at|to|for|about|over|after|with)\b)"
                            r"(?:[A-Z][\w’'.-]*|[a-z]+(?=\s*(?:\s(?:on|in|at|to|for|about|over|after|with)\b|:)))){0,3})"
                            r"(?:\s+(?:on|in|at|to|for|about|over|after|with)\b[^:\n]*)?\s*:\s*$")
#: Dependencies of a noun phrase in its sentence (a quoted name is subject, object or apposition).
_NOUN_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "compound", "npadvmod", "conj"}
#: Cues that coin a name rather than report words.
_COINING = {"dub", "term", "label", "brand", "nickname"}
#: Dependencies by which quoted words modify a noun outside the quotation (a scare quote).
_MODIFIER = {"amod", "compound", "nmod", "poss", "nummod"}


@dataclass(frozen=True)
class Quote:
    """One row of the quote table (without ``quote_id`` and sentiment)."""

    paragraph: int
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_label: str | None
    cue: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue_start: int | None
    cue_end: int | None
    segments: str
    attribution: str
    content: str = ""
    content_start: int = -1
    content_end: int = -1
    unnamed_source: str | None = None


_FIELDS = tuple(f.name for f in fields(Quote))
_COLUMNS = pd.Index(QUOTE_COLUMNS + EXTRA_COLUMNS)
_ROW = operator.attrgetter(*_FIELDS)


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _cue_span(ctx: ArticleContext, found: Found | None) -> tuple[int | None, int | None]:
    if found is None or found.cue is None:
        return None, None
    start = ctx.offset(found.paragraph, found.cue)
    end = start + len(found.cue)
    if found.cue_text == "according to" and found.cue.i + 1 < len(found.cue.doc):
        end = ctx.offset(found.paragraph, found.cue.doc[found.cue.i + 1]) + 2
    return start, end


def _marked(ctx: ArticleContext, marked: list[MarkedQuote], reported: dict[int, list[Reported]]) -> list[Quote]:
    """Attribute every marked quotation: body first (in text order), then the headline; ``reported`` is the
    reported speech of each paragraph (a fragment inside a reported clause belongs to its statement)."""
    texts = {p: u.text for p, u in ctx.units.items()}
    body = [q for q in marked if q.segments[0].paragraph >= 1]
    head = [q for q in marked if q.segments[0].paragraph == 0]
    out: list[Quote] = []
    prev: Quote | None = None  # the last body quotation a continuation may take its speaker from
    prev_last = -1  # the paragraph where it ends
    for mq in body + head:
        segs = mq.segments
        p, text = segs[0].paragraph, texts[segs[0].paragraph]
        if scare_marked(text, segs[0].open_pos) or (mq.label is None and not_speech(text, segs[0].open_pos)):
            continue  # a so-called term; a chant, words on a placard
        inner = " ".join(texts[s.paragraph][s.start:s.end] for s in segs)
        close_end = segs[0].close_pos + 1 if segs[0].close_pos is not None else segs[0].end
        if p >= 1 and len(segs) == 1 and titled(text, segs[0].open_pos, close_end, inner):
            continue  # the title of a book, a show, a song
        if mq.label is not None:
            found = None
        else:
            found = attribute_segment(ctx, p, segs[0].start, segs[0].end, segs[0].open_pos, segs[0].close_pos)
        if mq.label is None and (found is None or found.speaker is None) and len(segs) > 1:
            last = segs[-1]
            found = attribute_segment(ctx, last.paragraph, last.start, last.end, last.open_pos,
                                      last.close_pos) or found
        cue_start, cue_end = _cue_span(ctx, found)
        unit_start = ctx.units[p].start
        cue_before = cue_start is not None and cue_start < unit_start + segs[0].open_pos
        statement = len(segs) > 1 or is_statement(text, segs[0].open_pos, segs[0].end, cue_before=cue_before)
        kind = "direct" if statement else "partial"
        speaker, method, cue = Speaker(None, None), "none", None
        unnamed = None
        if found is not None:
            method, cue = found.method, found.cue_text
            if found.speaker is not None:
                speaker = not_a_place(ctx, found.paragraph, found.speaker, ctx.speaker(found.paragraph, found.speaker))
                unnamed = unnamed_words(ctx, found.paragraph, found.speaker, speaker.name)
        headline = _headline_speaker(ctx, text[:segs[0].open_pos], inner, out) if p == 0 and not speaker.name else None
        if headline is not None:  # the speaker of the body quotation it repeats, or of a lead-in: somebody named
            (speaker, method, cue), unnamed = headline, None
        host = _host(reported.get(p, ()), unit_start + segs[0].open_pos, unit_start + segs[0].end) \
            if mq.label is None and len(segs) == 1 else None
        if kind == "direct" and host is not None:
            if host.start < unit_start + segs[0].open_pos or host.end > unit_start + close_end:
                kind = "partial"  # a quotation inside a longer reported clause: a fragment of it
            else:
                host = None
        if mq.label is not None:
            speaker, method, kind = _label_speaker(ctx, p, mq.label), "transcript", "direct"
        elif found is None and speaker.name is None and host is not None and not looks_like_title(inner) \
                and not _modifies(ctx, p, segs[0].start, segs[0].end):
            # a fragment the parse ties to no cue, inside a reported clause: the reported speaker's words
            found = Found(None, None, "indirect")
            speaker, method, cue, unnamed = host.speaker, "indirect", host.cue, host.unnamed
            cue_start, cue_end = host.cue_start, host.cue_end
        elif found is None and speaker.name is None:
            if kind == "partial" or looks_like_title(inner):
                continue  # a scare quote or a quoted name: nobody's statement
            floating = _floating(ctx, p, text[:segs[0].open_pos], prev, out, reported)
            # the cue clause just before in this paragraph names the speaker: "A," X said. "B … X …"
            same = floating is not None and floating.paragraph == p and floating.cue_start is not None \
                and floating.cue_start < unit_start + segs[0].start
            if floating is not None and p >= 1 and (same or not _named_in(inner, floating.speaker)):
                speaker = Speaker(floating.speaker, floating.speaker_label, floating.speaker_start,
                                  floating.speaker_end)
                method, cue, cue_start, cue_end = "continuation", floating.cue, floating.cue_start, floating.cue_end
                unnamed = floating.unnamed_source
        elif _not_a_statement(kind, inner, found, speaker, cue) or _written_or_chanted(found, cue):
            continue
        if host is not None and found is not None and found.cue is not None and (
                (speaker.name is None and unnamed is None) or host.start <= (cue_start or -1) < host.end):
            # the cue found is inside the reported clause ("said the ad "wrongly" suggests …"), or names
            # nobody: the fragment is the reported speaker's
            speaker, method, cue, unnamed = host.speaker, "indirect", host.cue, host.unnamed
            cue_start, cue_end = host.cue_start, host.cue_end
        if speaker.name is None and unnamed is None and prev is not None and prev.unnamed_source \
                and prev_last >= p - 1 and found is not None and found.speaker is not None \
                and found.speaker.lower_ in lex.PERSON_PRONOUNS | lex.GROUP_PRONOUNS:
            unnamed = prev.unnamed_source  # "…," she said: the unnamed employee quoted just before
        elif speaker.name is None and unnamed is None and found is not None and found.speaker is not None \
                and found.speaker.lower_ in lex.PERSON_PRONOUNS:  # … or reported just before
            unnamed = next((r.unnamed for q in (p, p - 1) for r in reversed(reported.get(q, ()))
                            if r.unnamed and r.speaker.name is None and r.end <= unit_start + segs[0].start), None)
        start = unit_start + segs[0].start
        end = ctx.units[segs[-1].paragraph].start + segs[-1].end
        seg_text = ";".join(f"{ctx.units[s.paragraph].start + s.start}-{ctx.units[s.paragraph].start + s.end}"
                            for s in segs)
        content = (inner, start, end)
        if kind == "partial" and host is not None and host.cue_start == cue_start:
            content = (ctx.parsed.article.text[host.start:host.end], host.start, host.end)
        elif kind == "partial":
            clause = fragment_clause(ctx, p, found.cue if found is not None else None, start, end)
            close = segs[0].close_pos if segs[0].close_pos is not None else segs[0].end - 1
            width = 2 if text.startswith("''", close) else 1  # '' for a double mark
            c0, c1 = clause or (unit_start + segs[0].open_pos, unit_start + close + width)
            content = (ctx.parsed.article.text[c0:c1], c0, c1)
        row = Quote(p, start, end, inner, kind, speaker.name, speaker.label, cue, speaker.start, speaker.end,
                    cue_start, cue_end, seg_text, method, *content, unnamed)
        out.append(row)
        if p >= 1 and (kind == "direct" or row.speaker or row.unnamed_source):
            prev, prev_last = row, segs[-1].paragraph
            if speaker.name:
                ctx.add_speaker(start, speaker)
    return _join_pieces(out, ctx.parsed.article.text)


def _modifies(ctx: ArticleContext, p: int, start: int, end: int) -> bool:
    """Whether quoted words modify a noun outside the quotation (the "temporary" closure): a scare quote."""
    unit = ctx.units[p]
    idx = unit.column("idx")
    toks = unit.tokens[bisect.bisect_left(idx, start):bisect.bisect_left(idx, end)]
    inside = {t.i for t in toks}
    return any(t.dep_ in _MODIFIER and t.head.i not in inside for t in toks)


def _host(reported: list[Reported], start: int, end: int) -> Reported | None:
    """The innermost reported clause around the quoted words at [start, end) (marks included)."""
    around = [r for r in reported if r.start <= start + 1 and end <= r.end]
    return min(around, key=lambda r: r.end - r.start, default=None)


def _label_speaker(ctx: ArticleContext, p: int, label: str) -> Speaker:
    """The speaker a transcript label names (``OKAFOR`` → Ruth Okafor when the article names her, else
    the label's words as a name)."""
    at = ctx.units[p].start + ctx.units[p].text.index(label)
    words = [w for w in label.title().split() if w.rstrip(".").lower() not in lex.TITLES]
    for name in (" ".join(words), words[-1] if words else ""):
        hit = ctx.resolve_name(name) if name else None
        if hit is not None:
            return Speaker(hit[0], hit[1], at, at + len(label))
    return Speaker(" ".join(words) or label.title(), "PERSON", at, at + len(label))


def _floating(ctx: ArticleContext, p: int, lead: str, prev: Quote | None, out: list[Quote],
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


def _named_in(inner: str, name: str | None) -> bool:
    """Whether a quotation talks about ``name`` (its surname or given name in the third person)."""
    if not name:
        return False
    words = [w for w in name.split() if len(w) > 2 and w[:1].isupper()]
    return any(re.search(rf"\b{re.escape(w)}\b(?!,)", inner) for w in words[:1] + words[-1:])


def _join_pieces(rows: list[Quote], text: str) -> list[Quote]:
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


def _not_a_statement(kind: str, inner: str, found: Found | None, speaker: Speaker, cue: str | None) -> bool:
    """Scare quotes and quoted names that the parse ties to a cue all the same."""
    attach = (found.attach or "").removeprefix("post-") if found is not None else ""
    if kind == "partial" and found is not None and found.attach in _MODIFIER:
        return True  # the "temporary" closure, "consulting" accounts
    if kind == "partial" and looks_like_title(inner) and (found is None or found.via not in _SAYS_FRAGMENT):
        return True  # the "Middle Corridor" project
    if kind == "partial" and speaker.name is None and cue in _COINING:
        return True  # critics have dubbed it the "Putin tax"
    return looks_like_title(inner) and cue not in lex.NAMING_CUES and attach in _NOUN_ROLES  # "Friends of the Earth"


def _written_or_chanted(found: Found | None, cue: str | None) -> bool:
    """A chant (the crowd chanted), or words a sign carries (a placard read, a sign said)."""
    if cue in lex.CHANT_CUES:
        return True
    if found is None or cue not in ("read", "say"):
        return False
    carriers = [t for t in (found.speaker, found.cue.head if found.cue is not None and found.cue.dep_ == "acl"
                            else None) if t is not None]
    return any(t.lemma_.lower() in lex.SIGN_NOUNS for t in carriers)  # placards reading "…"


def _headline_speaker(ctx: ArticleContext, lead: str, inner: str,
                      body: list[Quote]) -> tuple[Speaker, str, str | None] | None:
    """A headline quotation's speaker: that of the body quotation it repeats, else a name before a colon."""
    twin = _body_twin(inner, body)
    if twin is not None:
        return Speaker(twin.speaker, twin.speaker_label), "headline", twin.cue
    match = _HEADLINE_LEAD.match(lead)
    hit = ctx.resolve_name(match.group(1)) if match else None
    if hit is None:
        return None
    base = ctx.units[0].start
    return Speaker(hit[0], hit[1], base + match.start(1), base + match.end(1)), "colon", None


def _body_twin(inner: str, body: list[Quote]) -> Quote | None:
    """The attributed body quotation a headline quotation repeats (contains it, or nearly equals it)."""
    key = _norm(inner)
    for q in body:
        text = _norm(q.text)
        if q.speaker and key and (key == text or (len(key.split()) >= 2 and re.search(rf"\b{re.escape(key)}\b", text))
                                  or difflib.SequenceMatcher(None, key, text).ratio() >= 0.8):
            return q
    return None


def extract_quotes(parsed, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Quotations of one parsed article, with speakers, in text order.

    Args:
        parsed: An :class:`analysis.nlp.ParsedArticle`.
        tables: The article's tables made so far; ``tables["mentions"]`` (with
            the article-level ``entity``) names the speakers.

    Returns:
        One row per quotation: :data:`QUOTE_COLUMNS` then :data:`EXTRA_COLUMNS`.
    """
    units = sorted(parsed.units, key=lambda u: u.paragraph)
    texts = [u.text for u in units]
    marked = find_quotes(texts)
    spans = []
    for mq in marked:
        for s in mq.segments:
            base = units[s.paragraph].start
            spans.append((base + s.open_pos, base + (s.close_pos if s.close_pos is not None else s.end)))
    ctx = ArticleContext(parsed, tables.get("mentions"), spans)
    reported = find_indirect(ctx, source=parsed.article.source)
    by_paragraph: dict[int, list[Reported]] = {}
    for r in reported:
        by_paragraph.setdefault(r.paragraph, []).append(r)
    rows = _marked(ctx, marked, by_paragraph)
    taken = sorted((q.start, q.end) for q in rows)
    for r in reported:
        k = bisect.bisect_left(taken, (r.end, -1))
        if k and taken[k - 1][1] > r.start:
            continue  # a quotation inside the clause carries the statement (or the clause is a quotation's)
        rows.append(Quote(r.paragraph, r.start, r.end, r.text, "indirect", r.speaker.name, r.speaker.label, r.cue,
                          r.speaker.start, r.speaker.end, r.cue_start, r.cue_end, f"{r.start}-{r.end}", "indirect",
                          r.text, r.start, r.end, r.unnamed))
    rows.sort(key=lambda q: (q.start, q.end))
    if not rows:
        return pd.DataFrame([], columns=QUOTE_COLUMNS + EXTRA_COLUMNS).astype(_DTYPES)
    scores = [score(q.text) for q in rows]
    values = {"quote_id": list(range(len(rows))), **dict(zip(_FIELDS, map(list, zip(*map(_ROW, rows))))),
              "polarity": [s[0] for s in scores], "subjectivity": [s[1] for s in scores]}
    # columns built with their final dtypes: the same frame as rows + astype(_DTYPES), without the copies
    return frame(_COLUMNS, [_typed(values[c], _DTYPES.get(c)) for c in QUOTE_COLUMNS + EXTRA_COLUMNS])


def _typed(values: list, dtype: str | None):
    """A column's values as an array of ``dtype`` (a list, for pandas to infer, when None)."""
    if dtype is None:
        return str_column(values)  # the str array pandas would infer, or the list for it to infer
    if dtype == "Int64" and all(v is None or type(v) is int for v in values):  # pd.array's, without its checks
        return pd.arrays.IntegerArray(np.array([0 if v is None else v for v in values], dtype=np.int64),
                                      np.array([v is None for v in values], dtype=bool))
    return pd.array(values, dtype=dtype) if dtype[0].isupper() else np.array(values, dtype=dtype)


def speaker_quotes(quotes: pd.DataFrame, *, speakers: list[str] | tuple[str, ...] | None = None,
                   kinds: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Each speaker's quotations with article, date and cue, for reading beside the timeline.

    Args:
        quotes: ``Tables.quotes``.
        speakers: Keep only these speakers (None: everyone with a name).
        kinds: Keep only these kinds (None: all).

    Returns:
        Columns ``speaker, published, source, article_id, kind, cue, text,
        polarity, quote_id``, by speaker then time.
    """
    cols = ["speaker", "published", "source", "article_id", "kind", "cue", "text", "polarity", "quote_id"]
    if quotes is None or not len(quotes):
        return pd.DataFrame(columns=cols)
    df = _attributed(quotes, speakers=speakers, kinds=kinds, columns=cols).reindex(columns=cols)
    return df.sort_values(["speaker", "published", "quote_id"], na_position="last", kind="stable",
                          ignore_index=True)


def _attributed(quotes: pd.DataFrame, *, speakers=None, kinds=None, columns: list[str] | None = None,
                named: bool = True) -> pd.DataFrame:
    """Quotations (with a speaker when ``named``), restricted to ``speakers`` and ``kinds`` when given;
    only ``columns`` (those present) when given. Rows are taken once: a store's quotations can be millions."""
    mask = quotes["speaker"].notna().to_numpy(copy=True) if named else np.ones(len(quotes), dtype=bool)
    speakers, kinds = _as_list(speakers), _as_list(kinds)
    if speakers:
        mask &= quotes["speaker"].isin(speakers).to_numpy()
    if kinds:
        mask &= quotes["kind"].isin(kinds).to_numpy()
    cols = list(quotes.columns) if columns is None else [c for c in columns if c in quotes.columns]
    return quotes.loc[mask, cols]


def timeline_rows(quotes: pd.DataFrame, *, speakers: list[str] | tuple[str, ...] | None = None,
                  kinds: list[str] | tuple[str, ...] | None = None, top_n: int = 8) -> pd.DataFrame:
    """The quotations a timeline shows, numbered as its markers are.

    Args:
        quotes: ``Tables.quotes``.
        speakers: Speakers to show (None or empty: the ``top_n`` most quoted).
        kinds: Kinds to show (None or empty: all).
        top_n: How many speakers when ``speakers`` is not given.

    Returns:
        ``n`` (1…, the marker's number), ``speaker``, ``published``, ``source``,
        ``article_id``, ``kind``, ``cue``, ``text``, ``polarity``, ``start``,
        ``quote_id``, ``statement_id`` (see :mod:`analysis.statements`), ordered by time (undated
        last) and position.
    """
    cols = ["n", "speaker", "published", "source", "article_id", "kind", "cue", "text", "polarity", "start",
            "quote_id", "statement_id"]
    if quotes is None or not len(quotes):
        return pd.DataFrame(columns=cols)
    if not _as_list(speakers):
        speakers = speaker_leaderboard(quotes, kinds=kinds, top_n=top_n)["speaker"].tolist() or ["\0"]
    df = _attributed(quotes, speakers=speakers, kinds=kinds, columns=cols[1:])
    df = df.reindex(columns=cols[1:]).sort_values(["published", "article_id", "start"], na_position="last",
                                                  kind="stable", ignore_index=True)
    df.insert(0, "n", range(1, len(df) + 1))
    return df


def speaker_leaderboard(quotes: pd.DataFrame, *, kinds: list[str] | tuple[str, ...] | None = None,
                        top_n: int = 15) -> pd.DataFrame:
    """Who is quoted most, and by how many outlets.

    Returns:
        ``speaker, speaker_label, quotes, outlets, articles, direct, partial,
        indirect, mean_polarity, first, last``, most quoted first.
    """
    cols = ["speaker", "speaker_label", "quotes", "outlets", "articles", *KINDS, "mean_polarity", "first", "last"]
    if quotes is None or not len(quotes):
        return pd.DataFrame(columns=cols)
    df = _attributed(quotes, kinds=kinds, columns=["speaker", "speaker_label", "kind", "article_id", "polarity",
                                                   "published", "source"])
    if not len(df):
        return pd.DataFrame(columns=cols)
    published = df["published"] if "published" in df else pd.Series(pd.NaT, index=df.index)
    source = df["source"] if "source" in df else pd.Series(None, index=df.index, dtype=object)
    work = df.assign(_published=pd.to_datetime(published, utc=True), _source=source)
    board = work.groupby("speaker", sort=False).agg(
        quotes=("speaker", "size"), outlets=("_source", "nunique"), articles=("article_id", "nunique")
        if "article_id" in work else ("speaker", "size"),
        mean_polarity=("polarity", "mean"), first=("_published", "min"), last=("_published", "max"))
    labels = work.dropna(subset=["speaker_label"]).groupby(["speaker", "speaker_label"]).size().rename("n")
    labels = labels.reset_index().sort_values(["speaker", "n", "speaker_label"], ascending=[True, False, True])
    board.insert(0, "speaker_label", labels.drop_duplicates("speaker").set_index("speaker")["speaker_label"])
    counts = pd.crosstab(work["speaker"], work["kind"]).reindex(columns=list(KINDS), fill_value=0)
    board = board.join(counts).reset_index()
    board = board.sort_values(["quotes", "outlets", "speaker"], ascending=[False, False, True], ignore_index=True)
    return board.reindex(columns=cols).head(top_n)


def summary_text(quotes: pd.DataFrame, *, kinds: list[str] | tuple[str, ...] | None = None) -> str:
    """A few sentences of Markdown about the quotations: how many, who leads, the tone."""
    df = quotes if quotes is not None else pd.DataFrame(columns=QUOTE_COLUMNS)
    if len(df):
        df = _attributed(df, kinds=kinds, named=False, columns=["speaker", "speaker_label", "kind", "article_id",
                                                                "polarity", "published", "source"])
    if not len(df):
        return "**No quotations** were found for this selection (corpus, article, dates and kinds)."
    named = df[df["speaker"].notna()]
    n_articles = df["article_id"].nunique() if "article_id" in df else 1
    n_speakers = named["speaker"].nunique()
    parts = [f"**{len(df)} quotation{'s' if len(df) != 1 else ''}** in {n_articles} "
             f"article{'s' if n_articles != 1 else ''}, {len(named)} with a known speaker ({n_speakers} "
             f"speaker{'s' if n_speakers != 1 else ''}), {len(df) - len(named)} unattributed."]
    if len(named):
        board = speaker_leaderboard(df, top_n=1)
        top = board.iloc[0]
        parts.append(f"Most quoted: **{_md(top['speaker'])}** ({int(top['quotes'])} "
                     f"quotation{'s' if int(top['quotes']) != 1 else ''}, "
                     f"{int(top['outlets'])} outlet{'s' if top['outlets'] != 1 else ''}).")
    pol = df["polarity"].astype(float)
    parts.append(f"Tone: {int((pol > 0.05).sum())} positive, {int((pol < -0.05).sum())} negative, "
                 f"{int(((pol >= -0.05) & (pol <= 0.05)).sum())} neutral (TextBlob polarity).")
    return " ".join(parts)


def _as_list(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    """A list of names from a list, or from a string as a notebook parameter may give it
    ('["direct", "partial"]' or "direct, partial")."""
    if value is None:
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                loaded = json.loads(text)
            except ValueError:
                loaded = None
            if isinstance(loaded, list):
                return [str(v).strip() for v in loaded if str(v).strip()]
            text = text.strip("[]")
        return [v.strip().strip("'\"") for v in text.split(",") if v.strip().strip("'\"")]
    return [str(v) for v in value]


def _md(text: str) -> str:
    """Text from an article, escaped for Markdown."""
    return re.sub(r"([\\`*_{}\[\]()#+!|<>$])", r"\\\1", str(text))
