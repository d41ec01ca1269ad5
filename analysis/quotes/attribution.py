"""Speaker, cue and kind of every marked quotation of an article (part of :mod:`analysis.quotes`).

:func:`attribute_marked` goes through the quotations :mod:`analysis.quotes.marks` found: it leaves out
scare quotes, titles, chants and signs, attributes the rest by their cue (:mod:`analysis.quotes.cues`),
a transcript label, the reported clause around a fragment, the body quotation a headline repeats or the
speaker a quotation continues (:mod:`analysis.quotes.continuation`), and joins the pieces of one
statement (:mod:`analysis.quotes.pieces`).
"""
from __future__ import annotations

import bisect
import difflib
import re

from analysis.quotes import lexicon as lex
from analysis.quotes.content import fragment_clause, not_a_place, unnamed_words
from analysis.quotes.continuation import floating_speaker, named_in
from analysis.quotes.cues import (
    Found,
    attribute_segment,
    is_statement,
    looks_like_title,
    not_speech,
    scare_marked,
    titled,
)
from analysis.quotes.indirect import Reported
from analysis.quotes.marks import MarkedQuote
from analysis.quotes.pieces import join_pieces
from analysis.quotes.schema import Quote
from analysis.quotes.speakers import ArticleContext, Speaker

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


def attribute_marked(ctx: ArticleContext, marked: list[MarkedQuote],
                     reported: dict[int, list[Reported]]) -> list[Quote]:
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
            floating = floating_speaker(ctx, p, text[:segs[0].open_pos], prev, out, reported)
            # the cue clause just before in this paragraph names the speaker: "A," X said. "B … X …"
            same = floating is not None and floating.paragraph == p and floating.cue_start is not None \
                and floating.cue_start < unit_start + segs[0].start
            if floating is not None and p >= 1 and (same or not named_in(inner, floating.speaker)):
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
    return join_pieces(out, ctx.parsed.article.text)


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
