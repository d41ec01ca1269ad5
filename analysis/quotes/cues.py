"""Cue and speaker token of one quoted segment; statement or fragment (part of :mod:`analysis.quotes`).

The dependency parse comes first: from the quoted tokens, climb the heads out of
the quotation to the nearest verb of saying (``"…," Tokayev remarked``, ``said
Tokayev``, ``stating that Russia remains "…"``, ``called Putin "…"``), or find a
verb of saying hanging on the quotation (``parataxis``). When the parse does not
connect them, token windows around the marks are searched: a cue clause after
the closing mark, a lead-in ending with a colon or a comma before the opening
mark (``He said: "…"``), ``according to X``, a dash attribution (``"…" — X``),
or a colon lead-in at the end of the previous paragraph.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from analysis.quotes import lexicon as lex
from analysis.quotes.grammar import is_cue, subject_of
from analysis.quotes.speakers import ArticleContext

if TYPE_CHECKING:  # spaCy is imported on first parse
    from spacy.tokens import Doc, Token

__all__ = ["Found", "attribute_segment", "is_statement", "scare_marked", "looks_like_title", "according_to",
           "not_speech", "titled"]

_SENT_END = re.compile(r"[.!?\u2026]")
_NAMEISH = ("PROPN", "PRON", "NOUN")
#: Entity labels that never speak.
_NOT_SPEAKERS = frozenset("DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY".split())
#: Dashes that introduce a speaker after a quotation ("…" — Michael Osei; “…”― Pamela Padilla).
_DASHES = ("\u2014", "\u2013", "\u2015", "-")


@dataclass(frozen=True)
class Found:
    """How a segment is attributed: the cue token (or None), the speaker token, the method and the
    dependency the quotation hangs on the cue by."""

    cue: Token | None
    speaker: Token | None
    method: str
    via: str | None = None
    cue_text: str | None = None
    paragraph: int = -1  # the paragraph whose doc holds the tokens
    attach: str | None = None  # the dependency by which the quoted words hang on the sentence


def according_to(tok: Token) -> Token | None:
    """The object of ``according to`` when ``tok`` is its "according"."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        to = tok.doc[tok.i + 1]
    if to is None:
        return None
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is not None and obj.lemma_.lower() in lex.NON_AGENTS:  # according to data from the ministry
        owner = next((g for c in obj.children if c.dep_ in ("prep", "poss") for g in
                      ([c] if c.dep_ == "poss" else [x for x in c.children if x.dep_ == "pobj"])), None)
        return owner
    return obj


#: Verbs whose "as" phrase says what something is, not how somebody judges it ("served as", "known as").
_NOT_JUDGING = frozenset("""
be serve know act work use count qualify rank emerge run live start begin come remain stand join return
function double appear pose see dress list register enlist hire appoint name elect swear
""".split())


def _judges_as(verb: Token, prep: Token | None) -> bool:
    """Whether quoted words in an ``as`` phrase are what the verb's subject calls something: ``admires
    Putin as a "strong leader"``, ``pounding Trump as a "con artist"`` (a subject, and an object before)."""
    return prep is not None and prep.lower_ == "as" and prep.dep_ == "prep" and verb.pos_ == "VERB" \
        and verb.lemma_.lower() not in _NOT_JUDGING and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
        and any(c.dep_ in ("dobj", "prep") and verb.i < c.i < prep.i for c in verb.children)


def _climb(ctx: ArticleContext, p: int, start: Token, via: str, qset: set[int]) -> tuple[Token, str] | None:
    x, dep, as_ = start, via, None
    for step in range(8):
        if x.i not in qset and not ctx.inside_quote(ctx.offset(p, x)):
            if is_cue(x, via=dep if step == 0 else "climb") or _judges_as(x, as_):
                return x, dep
            obj = according_to(x) if x.lower_ == "according" else None
            if obj is not None:
                return x, "according"
            if x.lower_ == "as" and x.dep_ == "prep":
                as_ = x  # on the way up: the "as" phrase the quoted words are in
            elif x.pos_ == "VERB":
                as_ = None
        if x.head is x:
            return None
        dep, x = x.dep_, x.head
    return None


def _by_parse(ctx: ArticleContext, p: int, qtoks: list[Token]) -> Found | None:
    qset = {t.i for t in qtoks}
    starts = [(t.head, t.dep_) for t in qtoks if t.head.i not in qset and t.head is not t]
    starts.sort(key=lambda s: s[0].is_punct or s[1] == "punct")
    # "temporary" closure: quoted words modifying the noun right after them
    attach = next((via if head.i > qtoks[-1].i else "post-" + via for head, via in starts if via != "punct"), None)
    for head, via in starts:
        if via == "punct":
            continue
        hit = _climb(ctx, p, head, via, qset)
        if hit is not None:
            return replace(_found(ctx, p, hit[0], hit[1], "parse"), attach=attach)
    for t in qtoks:
        for c in t.children:
            if c.i not in qset and c.dep_ in ("parataxis", "advcl", "ccomp", "conj", "dep") \
                    and not ctx.inside_quote(ctx.offset(p, c)) and is_cue(c, via="parataxis"):
                return _found(ctx, p, c, "parataxis", "parse")
    return None


def _found(ctx: ArticleContext, p: int, cue: Token, via: str, method: str) -> Found:
    if via == "according":
        return Found(cue, according_to(cue), "according to", via, "according to")
    return Found(cue, subject_of(cue, skip=ctx.quoted(p)), method, via, cue.lemma_.lower())


def _after(ctx: ArticleContext, p: int, doc: Doc, close: int) -> Found | None:
    """A cue clause (``, he said.``, ``said the minister``) or a dash attribution after the closing mark."""
    unit = ctx.units[p]
    tokens, idx = unit.tokens, unit.column("idx")
    window: list[Token] = []
    for k in range(bisect.bisect_right(idx, close), len(tokens)):
        t = tokens[k]
        if ctx.inside_quote(unit.start + idx[k]) or len(window) >= 14 or (
                t.tag_ in ("WP", "WDT") and any(w.pos_ == "VERB" for w in window)):
            break  # "…," engaging in what analysts called: a relative clause after a verb is no cue clause
        window.append(t)
        if _SENT_END.fullmatch(t.text):
            break
    words = [t for t in window if not t.is_punct]
    if not words:
        return None
    rest = unit.text[close + 1:].lstrip()  # the mark and a dash may be one token ("”―")
    if rest[:1] in _DASHES and words[0].pos_ == "PROPN":
        return Found(None, words[0] if words[0].ent_type_ else _name_head(words[0]), "dash")
    if unit.text[:close].rstrip().endswith("."):
        return None  # "… done." Then Smith said …: a full stop inside the marks ends the attribution window
    for t in window:
        if t.lower_ == "according" and according_to(t) is not None:
            return Found(t, according_to(t), "according to", "window", "according to")
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in lex.CUE_LEMMAS:
            subj = subject_of(t, skip=ctx.quoted(p))
            if subj is None or subj.i < window[0].i:
                # not the listener (told POLITICO, told reporters) nor a date (on Friday)
                cands = [w for w in window if w.pos_ in _NAMEISH and w is not t and w.ent_type_ not in _NOT_SPEAKERS
                         and not (w.head is t and w.dep_ in ("dobj", "dative", "npadvmod"))]
                after = [w for w in cands if w.i > t.i]
                subj = _name_head(after[0]) if after else (_name_head(cands[0]) if cands else None)
            return Found(t, subj, "after", "window", t.lemma_.lower())
    return None


def _put_it(tok: Token) -> bool:
    """``put it`` of ``as one analyst put it, "…"``."""
    return tok.lemma_.lower() == "put" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "it"


def _name_head(tok: Token) -> Token:
    """The last token of a proper-noun run starting at ``tok`` (the head of "Kassym-Jomart Tokayev")."""
    while tok.i + 1 < len(tok.doc) and tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _before(ctx: ArticleContext, p: int, doc: Doc, open_pos: int, *, sentence_start: int) -> Found | None:
    """A lead-in ending with a colon or comma (``He said: "…"``, ``According to X, "…"``, ``Tokayev: "…"``)."""
    unit = ctx.units[p]
    text = unit.text[:open_pos].rstrip()
    if not text or (text[-1] not in ":,\u2014\u2013" and not re.search(r",\s*(?:but|and)$", text)):
        return None  # the lead-in ends with a colon, a comma or a dash (or ", but": he said, but "…")
    tokens, idx = unit.tokens, unit.column("idx")
    window = [tokens[k] for k in range(bisect.bisect_left(idx, sentence_start), bisect.bisect_left(idx, open_pos))
              if not ctx.inside_quote(unit.start + idx[k])]
    for t in reversed(window):
        if t.lower_ == "according":
            obj = according_to(t)
            if obj is not None:
                return Found(t, obj, "according to", "window", "according to")
        if t.pos_ in ("VERB", "AUX") and (t.lemma_.lower() in lex.CUE_LEMMAS or _put_it(t)):
            return Found(t, subject_of(t, skip=ctx.quoted(p)), "before", "window", t.lemma_.lower())
    words = [t for t in window if not t.is_punct]
    if text[-1] == ":" and words and len(words) <= 5 and all(t.pos_ == "PROPN" or t.ent_type_ for t in words):
        return Found(None, words[-1], "colon")  # headline style: Tokayev: "…"
    if text[-1] == ":" and words:
        verb = next((t for t in reversed(words) if t.pos_ == "VERB" and t.dep_ not in ("amod", "compound", "acl")),
                    words[-1].sent.root)  # not "the following statement"
        return _colon_subject(ctx, p, verb)
    return None


#: Nouns of what somebody said, whose owner speaks (Clinton's response was: "…").
_SAID_NOUNS = lex.SAYING_NOUNS | frozenset("response reply answer message letter tweet post words note".split())


def _colon_subject(ctx: ArticleContext, p: int, verb: Token) -> Found | None:
    """A lead-in ending with a colon and no verb of saying: its subject speaks when it names somebody
    (President Clinton released the following statement: "…"; Trump leaned in and boomed: "…"; Clinton's
    response was: "…")."""
    subj = subject_of(verb, skip=ctx.quoted(p)) if verb.pos_ in ("VERB", "AUX") else None
    if subj is None:
        return None
    if subj.lemma_.lower() in _SAID_NOUNS:
        subj = next((c for c in subj.children if c.dep_ == "poss"), None)
        if subj is None:
            return None
    speaker = ctx.speaker(p, subj)
    if not speaker.name or speaker.label not in ("PERSON", "ORG"):
        return None
    return Found(verb, subj, "before", "window", verb.lemma_.lower())


def attribute_segment(ctx: ArticleContext, p: int, start: int, end: int, open_pos: int,
                      close_pos: int | None) -> Found | None:
    """Cue and speaker token of a quoted segment (offsets relative to paragraph ``p``)."""
    unit = ctx.units[p]
    doc, idx = unit.doc, unit.column("idx")
    qtoks = list(unit.tokens[bisect.bisect_left(idx, start):bisect.bisect_left(idx, end)])
    if not qtoks:
        return None
    found = _by_parse(ctx, p, qtoks)
    if found is not None and found.cue is not None and found.speaker is not None and found.cue.i < qtoks[0].i:
        # a nearer lead-in cue between the parse's cue and the quotation (X sings, before asking her, "…")
        nearer = _before(ctx, p, doc, open_pos, sentence_start=found.cue.idx + len(found.cue))
        if nearer is not None and nearer.cue is not None and nearer.method == "before" and nearer.speaker is not None:
            found = nearer
    if found is None or found.speaker is None:
        later = _after(ctx, p, doc, close_pos if close_pos is not None else end - 1)
        if later is not None and (found is None or later.speaker is not None):
            found = later
    if found is None or found.speaker is None:
        sent_start = qtoks[0].sent.start_char
        if sent_start >= open_pos:  # the parser split the sentence at the quote: lead-in of the previous one
            sent_start = doc[qtoks[0].sent.start - 1].sent.start_char if qtoks[0].sent.start > 0 else 0
        earlier = _before(ctx, p, doc, open_pos, sentence_start=sent_start)
        if earlier is not None and (found is None or earlier.speaker is not None):
            found = earlier
    if found is not None:
        return replace(found, paragraph=p)
    if unit.text[:open_pos].strip() == "" and p - 1 >= 1 and p - 1 in ctx.units:
        prev = ctx.units[p - 1]
        prev_doc = prev.doc
        tail = prev.text.rstrip()
        if tail.endswith(":"):  # The club said in a statement:¶"…"
            last = prev.sents[-1]
            lead = _before(ctx, p - 1, prev_doc, len(tail) + 1, sentence_start=last.start_char)
            if lead is not None:
                return replace(lead, method="lead-in", paragraph=p - 1)
    return None


def is_statement(text: str, open_pos: int, end: int, *, cue_before: bool) -> bool:
    """Whether the quotation starting at ``open_pos`` is a statement of its own rather than a fragment.

    A statement opens its sentence (after a sentence end, a colon or the start
    of the paragraph), or follows a comma after a cue (``said, "We…``), or holds
    a full sentence of its own.
    """
    before = text[:open_pos].rstrip()
    inner = text[open_pos + 1:end].strip().lstrip("'")
    if not before or before[-1] in ".!?:;\u2026\u2014\u2013(" or (
            before[-1] in "\"'\u201d\u2019\u00bb" and before[:-1].rstrip()[-1:] in tuple(".!?\u2026")):
        return True
    if before[-1] == "," and (cue_before or inner[:1].isupper()):
        return True
    return bool(re.search(r"\w[.!?]\s+[A-Z\"'\u201c\u2018]", inner))


def scare_marked(text: str, open_pos: int) -> bool:
    """Whether a term marker (so-called, dubbed, known as…) comes right before the opening mark."""
    before = text[:open_pos].rstrip().lower()
    before = re.sub(r"\b(?:the|a|an|its|his|her|their)$", "", before).rstrip()
    return before.endswith(lex.SCARE_MARKERS)


_WORDS = re.compile(r"[\w’'-]+|[,:;]")
#: Nouns of a statement that a sign-like "reading" may introduce ("a statement reading …" is speech).
_STATEMENT_NOUNS = frozenset("statement letter note message email e-mail post tweet release memo".split())


def not_speech(text: str, open_pos: int) -> bool:
    """Whether the words before the opening mark make the quotation a chant or words written on
    something (``the crowd chanted "…"``, ``placards reading "…"``, ``a T-shirt emblazoned with "…"``)."""
    before = text[:open_pos].rstrip(" :,").lower()
    if before.endswith(lex.NOT_SPEECH_MARKERS):
        return True
    if "reading" not in before:  # the last word below cannot be "reading" (saves listing every word)
        return False
    words = _WORDS.findall(before)
    return len(words) >= 2 and words[-1] == "reading" and words[-2] not in _STATEMENT_NOUNS


def titled(text: str, open_pos: int, close_end: int, inner: str) -> bool:
    """Whether a quotation is the title of a work or a programme: short capitalised words (trailing
    punctuation aside) next to a work noun (``the book "…"``, ``"…" radio program``, ``an episode of
    "…"``), or after ``on`` or a possessive (``on CBS's "Face the Nation,"``)."""
    if not looks_like_title(inner.rstrip(" ,.;:!?\u2026")):
        return False
    after = _WORDS.findall(text[close_end:close_end + 40].lower())
    if after and after[0] in lex.WORK_NOUNS:
        return True
    before = _WORDS.findall(text[max(0, open_pos - 60):open_pos].lower())
    if not before:
        return False
    last = before[-2] if before[-1] == "," and len(before) >= 2 else before[-1]
    if last == "of":  # an episode of "…", the cover of the book "…"
        return any(w in lex.WORK_NOUNS for w in before[-4:-1])
    return last in lex.WORK_NOUNS or last == "on" or last.endswith(("'s", "’s"))


def looks_like_title(inner: str) -> bool:
    """A short capitalised name in quotes (a title, a project, a newspaper), not a statement."""
    words = re.findall(r"[^\W\d_][\w’'-]*|\d+", inner)
    small = {"of", "the", "and", "for", "in", "on", "a", "an", "to", "at", "de"}
    return 0 < len(words) <= 5 and not re.search(r"[.!?,;:]\s*$", inner) and all(
        w[:1].isupper() or w.isdigit() or w.lower() in small for w in words) and words[0][:1].isupper()
