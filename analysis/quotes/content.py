"""The statement a quotation belongs to, and the words of an unnamed source (part of
:mod:`analysis.quotes`).

A quoted fragment worked into reported speech is part of a longer statement: the clause the cue
verb reports (``said the plan was "brutal"`` → ``the plan was "brutal"``; ``called the plan
"brutal"`` → ``the plan "brutal"``). :func:`fragment_clause` reads that clause off the dependency
parse. :func:`unnamed_words` gives the words describing a source the text does not name ("police",
"two committee aides", "a spokesperson for TransLink").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.quotes import lexicon as lex
from analysis.quotes.grammar import reported_tokens, several
from analysis.quotes.speakers import ArticleContext, Speaker

if TYPE_CHECKING:  # spaCy is imported on first parse
    from spacy.tokens import Token

__all__ = ["fragment_clause", "unnamed_words", "not_a_place", "PEOPLE_NOUNS"]

#: Dependencies of a cue's right-hand complements: what it reports (that-clause, object, "as …").
_COMPLEMENTS = {"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "dative", "prep", "advcl", "npadvmod"}
#: Nouns for people who speak without being named (plural or with a role).
PEOPLE_NOUNS = frozenset("""
aide analyst attendee authority authorities bystander caller colleague commuter customer demonstrator doctor
driver employee expert fan friend investigator journalist lawyer listener marcher member neighbor neighbour
nurse observer official organiser organizer paramedic parent participant passenger physician pediatrician
police prosecutor protester protestor reader relative reporter resident rescuer shopper source spokesman
spokesperson spokeswoman staff student supporter teacher trooper user viewer voter witness worker
""".split())
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})
_PHRASE_LEFT = {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case", "predet"}
_PHRASE_PREPS = {"for", "at", "of", "from", "in", "with"}


def _trimmed(ctx: ArticleContext, p: int, toks: list[Token]) -> tuple[int, int] | None:
    """Article offsets of a token run, without a leading ``that`` and punctuation outside quotes."""
    unit = ctx.units[p]
    inside = ctx.quoted(p)
    while toks and ((toks[0].is_punct and not inside(toks[0])) or toks[0].is_space
                    or (toks[0].dep_ == "mark" and toks[0].lower_ == "that")):
        toks = toks[1:]
    while toks and ((toks[-1].is_punct and not inside(toks[-1])) or toks[-1].is_space):
        toks = toks[:-1]
    if not toks:
        return None
    return unit.start + toks[0].idx, unit.start + toks[-1].idx + len(toks[-1])


def _arm(cue: Token, tok: Token) -> Token | None:
    """The child of ``cue`` whose subtree holds ``tok`` (None when ``tok`` is not under the cue)."""
    x = tok
    for _ in range(40):
        if x.head.i == cue.i and x.i != cue.i:
            return x
        if x.head.i == x.i:
            return None
        x = x.head
    return None


def _aside(ctx: ArticleContext, p: int, cue: Token, first: Token) -> tuple[int, int] | None:
    """The statement around a cue clause set off by commas inside it (``These employees, Stumpf explained,
    were "well-paid"``): what follows the cue clause to the end of the sentence (one span: the words
    before the cue clause are left out), when the fragment comes after it."""
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    sent = cue.sent
    if subj is None or subj.i > cue.i or first.i < cue.i:
        return None
    left = min(t.i for t in subj.subtree)
    doc = cue.doc
    lead = doc[sent.start:left - 1]
    if not len(lead) or doc[left - 1].text != "," or lead[0].pos_ in ("ADP", "SCONJ", "ADV", "CCONJ") \
            or any(t.pos_ in ("VERB", "AUX") for t in lead):
        return None  # no subject before the cue clause ("At the hearing, the mayor said …")
    comps = {t.i for c in cue.children if c.dep_ in ("ccomp", "xcomp", "dobj") for t in c.subtree}
    close = next((t.i for t in doc[cue.i + 1:first.i] if t.text == ","), None)
    if close is None or any(t.i in comps or t.text in ".;:!?" for t in doc[left:close]):
        return None
    return _trimmed(ctx, p, list(doc[close + 1:sent.end]))


def fragment_clause(ctx: ArticleContext, p: int, cue: Token | None, start: int, end: int) -> tuple[int, int] | None:
    """Article offsets of the reported statement around the quoted fragment at [start, end).

    Args:
        ctx: The article.
        p: The paragraph of the fragment (the cue must be in the same one).
        cue: The cue verb the fragment was attributed to.
        start: Article offset of the fragment's first character (inside the marks).
        end: Article offset just past its last character.

    Returns:
        ``(start, end)`` of the clause, marks of the fragment included; None when the parse does
        not tie the fragment to the cue.
    """
    if cue is None or cue.pos_ not in ("VERB", "AUX", "NOUN"):
        return None
    unit = ctx.units[p]
    if cue.doc is not unit.doc:
        return None
    first = unit.doc.char_span(start - unit.start, end - unit.start, alignment_mode="expand")
    if first is None or not len(first):
        return None
    aside = _aside(ctx, p, cue, first[0])
    if aside is not None:
        return aside
    arm = _arm(cue, first[0])
    if arm is not None and arm.dep_ == "conj" and arm.i > cue.i and arm.pos_ in ("VERB", "AUX"):
        # said that A, and there was "no evidence" of B: the reported clause and the clause joined to it
        comp = next((c for c in cue.children if c.dep_ == "ccomp" and c.i < arm.i), None)
        if comp is None or lex.CUE_LEMMAS & {arm.lemma_.lower()} or not any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in arm.children):
            return None
        span = _trimmed(ctx, p, list(cue.doc[min(t.i for t in comp.subtree):max(t.i for t in arm.subtree) + 1]))
        return None if span is None else (min(span[0], start - 1), max(span[1], end))
    if arm is None:
        # the cue hangs on the quoted clause ("… "disgusting," he said): the sentence less the cue clause
        if cue.dep_ not in ("parataxis", "ccomp", "conj") or cue.head.i >= len(cue.doc):
            return None
        cue_clause = {t.i for t in cue.subtree}
        sent = cue.sent
        toks = [t for t in sent if t.i not in cue_clause and not (t.dep_ == "cc" and t.head.i in cue_clause)]
        if not toks or not (toks[0].idx <= first[0].idx and first[-1].idx <= toks[-1].idx):
            return None
        return _trimmed(ctx, p, toks)
    if arm.dep_ not in _COMPLEMENTS or arm.i < cue.i:
        return None
    wh = next((c for c in cue.children if c.tag_ in ("WP", "WDT") and c.i < cue.i), None)
    if wh is not None and cue.lemma_.lower() in lex.NAMING_CUES:  # what she called a "rant"
        span = _trimmed(ctx, p, list(cue.doc[wh.i:first[-1].i + 1]))
        return None if span is None else (span[0], end + 1 if ctx.inside_quote(end) else end)
    # naming cues: object and description together (called the plan "brutal"); else the arm alone
    arms = [c for c in cue.children if c.i > cue.i and c.dep_ in ("dobj", "oprd", "ccomp", "xcomp", "dative")
            or c.i == arm.i or (c.i > cue.i and c.dep_ == "prep" and c.lower_ == "as")
            or (c.dep_ == "prep" and c.i > arm.i and arm.dep_ == "prep")]  # hailed X as "…" for …
    if cue.lemma_.lower() not in lex.NAMING_CUES and arm.dep_ in ("ccomp", "xcomp"):
        arms = [arm]
    toks: list[Token] = []
    for a in arms:
        if a.dep_ == "ccomp":
            toks += reported_tokens(a)  # "said X would … and urged …": urged is the cue clause's
        else:
            toks += list(a.subtree)
    toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
    lo, hi = toks[0].i, toks[-1].i
    run = list(cue.doc[lo:hi + 1])
    span = _trimmed(ctx, p, run)
    if span is None:
        return None
    return min(span[0], start - 1), max(span[1], end + 1) if ctx.inside_quote(end) else max(span[1], end)


def unnamed_words(ctx: ArticleContext, p: int, tok: Token | None, speaker_name: str | None) -> str | None:
    """The words describing a source the text does not name, or None.

    ``tok`` is the speaker token of the cue. A common noun for people ("police", "officials", "a
    spokesperson", "two aides", "one pediatrician") is an unnamed source when it names nobody
    (``speaker_name`` None) or speaks for an organisation named in its own phrase ("a spokesperson
    for TransLink") or before ("the spokesperson" after it); a definite role noun that refers to
    somebody named ("the minister") is not.
    """
    if tok is None or tok.doc is not ctx.units[p].doc or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = tok.lemma_.lower()
    lower = tok.lower_
    norp = tok.ent_type_ == "NORP" and speaker_name is None  # Republicans, one Democrat
    if lemma in lex.NON_AGENTS or (tok.pos_ == "PROPN" and lower not in PEOPLE_NOUNS and lemma not in PEOPLE_NOUNS
                                   and not norp):
        return None
    people = lemma in PEOPLE_NOUNS or lower in PEOPLE_NOUNS or lemma in lex.PERSON_ROLES or norp
    bare = not any(c.dep_ in ("det", "poss") for c in tok.children)  # unions warn …: no particular ones
    if not people and not (tok.tag_ == "NNS" and speaker_name is None and (lemma not in lex.ORG_ROLES
                                                                          or several(tok) or bare)):
        return None
    left = [c for c in tok.children if c.dep_ in _PHRASE_LEFT and c.i < tok.i]
    right = [c for c in tok.children if c.i > tok.i and (
        (c.dep_ == "prep" and c.lower_ in _PHRASE_PREPS)
        or (c.dep_ == "amod" and any(g.dep_ == "prep" for g in c.children)))]  # officials familiar with the talks
    lo = min([tok.i] + [t.i for c in left for t in c.subtree])
    hi = max([tok.i] + [t.i for c in right for t in c.subtree])
    comma = next((t.i for t in tok.doc[tok.i + 1:hi + 1] if t.text == ","), None)
    if comma is not None:  # an employee at one of the banks, who declined to give her name, …
        hi = comma - 1
    words = tok.doc[lo:hi + 1].text.strip(" ,")
    if speaker_name is not None:
        if lemma in _SPOKES and ctx.label_of(speaker_name, None) not in (None, "PERSON") and all(
                c.dep_ == "det" for c in tok.children if c.i < tok.i):
            return words  # "the spokesperson" of an organisation named earlier
        named_inside = speaker_name.split()[-1].lower() in words.lower()
        if not (named_inside and (lemma in _SPOKES or tok.tag_ == "NNS" or lemma in PEOPLE_NOUNS)):
            return None  # "the minister", "the company": somebody named
        if lemma not in _SPOKES and tok.tag_ != "NNS" and not any(c.dep_ == "prep" for c in right):
            return None
    return words or None


_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _dash(tok: Token) -> bool:
    """A dash that ends a dateline: an em or en dash, ``--``, or a hyphen standing alone (Reuters' `` - ``)."""
    return tok.text in ("\u2014", "\u2013", "--") or (
        tok.text == "-" and bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_))


def not_a_place(ctx: ArticleContext, p: int, tok: Token | None, speaker: Speaker) -> Speaker:
    """``speaker``, unless it is a place or venue the parse reached by mistake: a place speaks only as the
    grammatical subject of its cue ("China said"), never from a dateline (``YOUNGSTOWN, Ohio —``), a
    prepositional phrase or the head of ``who said`` (``an operator from Struthers, who said``), where
    the person it belongs to speaks instead, if the parse names one. A group named by its nationality,
    religion or party ("Republicans said", "one Democrat said") is nobody named either."""
    if tok is None or speaker.name is None:
        return speaker
    if speaker.label == "NORP" and (tok.tag_ in ("NNS", "NNPS") or tok.lower_ != tok.lemma_.lower()
                                    or any(c.dep_ in ("det", "nummod") for c in tok.children)):
        return Speaker(None, None, speaker.start, speaker.end)  # Republicans said, one Democrat: a group, unnamed
    doc = tok.doc
    dateline = tok.i <= 2 and tok.text.isupper() and tok.i + 1 < len(doc) and doc[tok.i + 1].text in (",", "(") \
        and any(_dash(t) for t in doc[tok.i:tok.i + 10])  # YOUNGSTOWN, Ohio —; LONDON, May 2 (Reuters) -
    in_phrase = tok.dep_ == "pobj" and tok.head.lower_ in ("from", "in", "at", "of")  # an operator from Struthers
    if not dateline and not in_phrase and (speaker.label not in _PLACES or tok.dep_ in ("nsubj", "nsubjpass")):
        return speaker
    if dateline:  # YOUNGSTOWN, Ohio — Senate candidate Colleen Brandt told …: the parse's apposition after the dash
        dash = next(t.i for t in doc[tok.i:tok.i + 10] if _dash(t))
        for c in sorted((c for c in tok.children if c.dep_ == "appos" and c.i > dash), key=lambda c: c.i):
            found = ctx.speaker(p, c)
            if found.name and found.label not in _PLACES:
                return found
    x = tok
    for _ in range(8):
        if x.head.i == x.i:
            break
        x = x.head
        if x.pos_ == "PROPN":
            found = ctx.speaker(p, x)
            if found.name and found.label == "PERSON":
                return found
    if in_phrase and not dateline and speaker.label not in _PLACES:
        return speaker  # no person to give it to: leave the parse's choice
    return Speaker(None, None, speaker.start, speaker.end)
