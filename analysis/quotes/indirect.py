"""Reported speech without quotation marks (part of :mod:`analysis.quotes`).

Two patterns, both read off the dependency parse of body paragraphs:

- ``X said (that) …``: a finite verb of saying with an explicit subject (a
  name, a pronoun, a role noun, or ``who`` of a relative clause) and a clausal
  complement; the reported clause is that complement without ``that``. An
  unnamed source ("police said", "analysts say") gives a row with no speaker.
  A participle with a that-clause (``X spoke, noting that …``) speaks for the
  subject of the clause it hangs on; questions (``asked whether …``) and an
  outlet's ``X reports`` are not reported speech.
- ``According to X, …``: the rest of the sentence.
- ``X's claim that …``: a noun of saying (claim, warning, promise …) with its owner named.

A clause may hold quoted words (``said the plan was "a disaster"``): they are part of the statement,
marks included. :func:`analysis.quotes.extract_quotes` gives such a clause to the ``partial``
quotation inside it as its ``content`` and reports it as ``indirect`` only when no quotation does
(its quoted words were a scare quote or a title); a clause that starts inside a quotation is that
quotation.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.quotes import lexicon as lex
from analysis.quotes.content import not_a_place, unnamed_words
from analysis.quotes.cues import according_to
from analysis.quotes.grammar import complement_of, reported_tokens, subject_rank
from analysis.quotes.speakers import ArticleContext, Speaker

if TYPE_CHECKING:  # spaCy is imported on first parse
    from spacy.tokens import Token

__all__ = ["Reported", "find_indirect", "reported_in"]

_FINITE = ("VBD", "VBZ", "VBP")
_QUESTION = {"whether", "if", "how", "why", "what", "when", "where", "who", "which"}
_WEB = re.compile(r"\w\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class Reported:
    """One reported clause: article offsets, text, speaker, cue."""

    paragraph: int
    start: int
    end: int
    text: str
    speaker: Speaker
    cue: str
    cue_start: int
    cue_end: int
    unnamed: str | None = None


def _is_outlet(name: str, source: str | None) -> bool:
    words = {w.lower() for w in re.findall(r"\w+", name)}
    return bool((source and name.lower() == source.lower()) or _WEB.search(name) or words & lex.MEDIA_WORDS)


def _unnamed_source(tok: Token) -> bool:
    """Somebody the text does not name but who speaks ("police said", "analysts say", "officials"):
    reported speech with no speaker name, unlike a document ("data show") or a pronoun."""
    if tok.ent_type_ == "NORP" and tok.pos_ in ("NOUN", "PROPN"):
        return True  # Democrats argued …
    return tok.pos_ == "NOUN" and tok.lemma_.lower() not in lex.NON_AGENTS and not tok.ent_type_ and (
        tok.tag_ == "NNS" or tok.lemma_.lower() in lex.PERSON_ROLES | lex.ORG_ROLES | {"police"})


def _finite(verb: Token) -> bool:
    return verb.tag_ in _FINITE or (verb.tag_ in ("VB", "VBN") and any(c.dep_ in ("aux", "auxpass")
                                                                       for c in verb.children)
                                    and verb.dep_ not in ("xcomp", "acl"))


def _clause(ctx: ArticleContext, p: int, tokens: list[Token]) -> tuple[int, int, str] | None:
    """Article offsets and text of a reported clause, trimmed of ``that``, punctuation and quotes."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].is_space or (toks[0].lower_ == "that" and (
            toks[0].dep_ == "mark" or toks[0].head.tag_ == "NNS"))):  # that proceedings …: no determiner
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if len([t for t in toks if not t.is_punct]) < 3 or toks[0].lower_ in _QUESTION:
        return None
    unit = ctx.units[p]
    start, end = unit.start + toks[0].idx, unit.start + toks[-1].idx + len(toks[-1])
    # quoted words inside the clause are part of the statement (said the plan was "a disaster"), with their
    # marks; a clause that starts inside a quotation is that quotation (said "we will win")
    spans, starts, article = ctx.spans, ctx.span_starts, ctx.parsed.article.text
    k = bisect.bisect_left(starts, start)
    words_end = end
    if k and spans[k - 1][1] >= start:
        if spans[k - 1][1] + 1 >= end or len(article[spans[k - 1][1] + 1:end].split()) < 3:
            return None  # the clause is a quotation's words
        start = spans[k - 1][0]  # said that, "…" against what …: the quotation opens a longer clause
    while k < len(spans) and spans[k][0] < end:
        b = spans[k][1]
        end = max(end, b + (2 if article.startswith("''", b) else 1))
        k += 1
    # a contiguous run, or pieces joined by single spaces (the according-to phrase cut out of the middle)
    pieces, run = [], [toks[0]]
    for t in toks[1:]:
        if t.i == run[-1].i + 1:
            run.append(t)
        else:
            pieces.append(run)
            run = [t]
    pieces.append(run)
    doc = toks[0].doc
    text = " ".join(doc[r[0].i:r[-1].i + 1].text.strip(" ,") for r in pieces) + article[words_end:end]
    return start, end, text


def find_indirect(ctx: ArticleContext, *, source: str | None = None) -> list[Reported]:
    """Reported speech in the body paragraphs of an article, in text order."""
    return [r for p in sorted(ctx.units) if p != 0 for r in reported_in(ctx, p, source=source)]


def reported_in(ctx: ArticleContext, p: int, *, source: str | None = None) -> list[Reported]:
    """Reported speech in one body paragraph, in text order."""
    out: list[Reported] = []
    for _ in (0,):
        unit = ctx.units[p]
        lower, pos, lemma, idx = (unit.column(a) for a in ("lower_", "pos_", "lemma_", "idx"))
        for k, tok in enumerate(unit.tokens):
            according = lower[k] == "according"
            noun = pos[k] == "NOUN" and lemma[k].lower() in lex.SAYING_NOUNS
            if not according and not noun and not (pos[k] == "VERB" and lemma[k].lower() in lex.INDIRECT_CUES):
                continue  # no cue here (checked before the quote spans: the cheaper test)
            if ctx.inside_quote(unit.start + idx[k]):
                continue
            if according:
                hit = _according(ctx, p, tok)
            elif noun:
                hit = _claim_that(ctx, p, tok)
            elif _finite(tok) or _participle(tok):
                hit = _said_that(ctx, p, tok, source)
            else:
                hit = None
            if hit is not None:
                out.append(hit)
    return out


def _subject(verb: Token) -> Token | None:
    """A verb's subject; a name first when the parse gives several (``vice - president Darnell Fraser``)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ != "there"]
    return min(subjects, key=subject_rank, default=None)


def _participle(verb: Token) -> bool:
    """``X asked for four years, arguing that …``: a participle of saying with a that-clause (or ``saying``
    with any clause), hung on a finite clause whose subject speaks."""
    comp = complement_of(verb) if verb.tag_ == "VBG" and verb.dep_ == "advcl" else None
    return comp is not None and _finite(verb.head) and (verb.lemma_.lower() == "say" or any(
        c.dep_ == "mark" and c.lower_ == "that" for c in comp.children))  # …, saying it had …: "that" or not


def _stranded_subject(verb: Token) -> Token | None:
    """A name the parse hung on the phrase before the cue instead of making it the subject: ``At a shelter in
    Missoula, Wendell Pryor, 71, said …`` (a PERSON in apposition, then only commas and an age)."""
    doc, k = verb.doc, verb.i - 1
    while k > verb.sent.start and (doc[k].is_punct or doc[k].like_num):
        k -= 1
    tok = doc[k]
    if k < verb.i - 1 and tok.ent_type_ == "PERSON" and tok.dep_ == "appos" and tok.head.i < tok.i \
            and doc[verb.i - 1].text == ",":
        return tok
    return None


def _trailing_cue(ctx: ArticleContext, p: int, verb: Token) -> tuple[Token, list[Token]] | None:
    """``A man was arrested on Friday, police said.``: a cue clause closing its sentence after a comma, whose
    reported clause the parse did not hang on it (it took the clause's subject for a second subject of the
    cue). The subject right before the cue, and the words before the comma."""
    if verb.dep_ != "ROOT":
        return None
    sent, doc = verb.sent, verb.doc
    subj = max((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), default=None,
               key=lambda c: c.i)
    if subj is None or any(t.dep_ == "ccomp" or not (t.is_punct or t.i in {x.i for c in verb.children if c.dep_
                                                     in ("npadvmod", "prep", "advmod") for x in c.subtree})
                           for t in doc[verb.i + 1:sent.end]):
        return None  # words after the cue that are not a time or "in a statement"
    comma = subj.left_edge.i - 1
    if comma <= sent.start + 2 or doc[comma].text != "," or ctx.inside_quote(ctx.offset(p, doc[comma])):
        return None
    content = list(doc[sent.start:comma])
    if not any(t.pos_ in ("VERB", "AUX") and t.tag_ in _FINITE for t in content):
        return None
    return subj, content


def _said_that(ctx: ArticleContext, p: int, verb: Token, source: str | None) -> Reported | None:
    lemma = verb.lemma_.lower()
    if lemma == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return None
    subj = _subject(verb)
    if subj is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):  # X described … and said …
        subj = _subject(verb.head)
    if subj is None and verb.tag_ == "VBG":  # X asked for four years, arguing that …
        subj = _subject(verb.head)
        if subj is None or subj.tag_ in ("WP", "WDT"):
            return None
    if subj is None and verb.dep_ == "ROOT":
        subj = _stranded_subject(verb)
    comp = complement_of(verb)
    if subj is None or ctx.inside_quote(ctx.offset(p, subj)):
        return None
    if comp is not None and ctx.inside_quote(ctx.offset(p, comp)):
        lead = next((t for t in comp.subtree if not t.is_punct and not (t.dep_ == "mark" and t.lower_ == "that")),
                    comp)
        if not ctx.inside_quote(ctx.offset(p, lead)):
            return None  # the parse hung words before a quoted title on the cue (In his book, "…," X suggested)
    if comp is not None and comp.pos_ in ("NOUN", "PROPN"):  # said that proceedings … would follow: the parse
        last = max((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), default=None,
                   key=lambda c: c.i)  # cut the clause in two; its pieces run from the noun to the verb
        if last is not None and last.i > comp.i:
            content = list(verb.doc[comp.left_edge.i:last.right_edge.i + 1])
        else:
            content = reported_tokens(comp)
    elif comp is not None:
        content = reported_tokens(comp)  # "said X would … and urged …": urged is the cue clause's
    elif verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        said = {x.i for x in verb.subtree}
        content = [t for t in verb.sent if t.i not in said]  # The talks, X said, would …
        if not any(t.pos_ in ("VERB", "AUX") and not ctx.inside_quote(ctx.offset(p, t)) for t in content):
            return None  # no clause left (the parse hung the cue on a quoted title)
    else:
        trailing = _trailing_cue(ctx, p, verb)
        if trailing is None:
            return None
        subj, content = trailing
    if subj.tag_ in ("WP", "WDT"):
        if verb.dep_ != "relcl":
            return None
        subj = verb.head
    clause = _clause(ctx, p, content)
    if clause is None:
        return None
    speaker = not_a_place(ctx, p, subj, ctx.speaker(p, subj))
    if not speaker.name and not _unnamed_source(subj):
        return None  # an unresolved pronoun, "I" or "we" outside quotes: not reported speech we can place
    if speaker.name and lemma == "report" and _is_outlet(speaker.name, source):
        return None
    start, end, text = clause
    cue_start = ctx.offset(p, verb)
    return Reported(p, start, end, text, speaker, lemma, cue_start, cue_start + len(verb),
                    unnamed_words(ctx, p, subj, speaker.name))


def _claim_that(ctx: ArticleContext, p: int, noun: Token) -> Reported | None:
    """``Trump's claim that …``: a noun of saying with its owner and a that-clause."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    comp = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                 and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    if owner is None or comp is None or ctx.inside_quote(ctx.offset(p, comp)):
        return None
    clause = _clause(ctx, p, reported_tokens(comp))
    if clause is None:
        return None
    speaker = ctx.speaker(p, owner)
    if not speaker.name:
        return None
    start, end, text = clause
    cue_start = ctx.offset(p, noun)
    return Reported(p, start, end, text, speaker, noun.lemma_.lower(), cue_start, cue_start + len(noun))


def _according(ctx: ArticleContext, p: int, tok: Token) -> Reported | None:
    obj = according_to(tok)
    if obj is None:
        return None
    phrase = {t.i for t in tok.subtree} | ({t.i for t in obj.subtree} if obj.head.head is not tok else set())
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is not None:
        phrase |= {t.i for t in to.subtree}
    sent = tok.sent
    rest = [t for t in sent if t.i not in phrase]
    clause = _clause(ctx, p, rest)
    if clause is None:
        return None
    speaker = ctx.speaker(p, obj)
    if not speaker.name and not _unnamed_source(obj):
        return None
    start, end, text = clause
    cue_start = ctx.offset(p, tok)
    cue_end = ctx.offset(p, to) + len(to) if to is not None else cue_start + len(tok)
    return Reported(p, start, end, text, speaker, "according to", cue_start, cue_end,
                    unnamed_words(ctx, p, obj, speaker.name))
