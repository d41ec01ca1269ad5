"""Grammar of attribution on spaCy tokens (part of :mod:`analysis.quotes`).

Token-level tests the speaker resolution builds on: whether a verb is a cue,
which token is its speaker, whether a noun is definite, which words describe
it, and what a name looks like.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from analysis.quotes import lexicon as lex

if TYPE_CHECKING:  # spaCy is imported on first parse
    from spacy.tokens import Token

__all__ = ["age_of", "several", "is_cue", "subject_of", "subject_rank", "reported_tokens", "complement_of", "definite",
           "describing", "role_word", "person_shaped", "name_words", "SUBJ", "TITLE_WORDS"]

SUBJ = ("nsubj", "nsubjpass")
_INHERIT_SUBJECT = ("advcl", "xcomp", "conj", "pcomp", "acl", "ccomp", "prep", "pobj", "dep")
#: Words that are titles or roles, never a name by themselves.
TITLE_WORDS = lex.TITLES | lex.PERSON_ROLES
_PLACE_WORDS = frozenset("north south east west northern southern eastern western central new san saint st "
                         "city county island islands isles republic kingdom state states united river sea lake "
                         "mount bay gulf coast valley province region district".split())


def is_cue(tok: Token, *, via: str | None = None) -> bool:
    """Whether ``tok`` is a verb of saying.

    ``via`` is the dependency by which the quotation hangs on it directly, or
    "climb" when the quotation is deeper in its clause: a verb outside the list
    counts only when the quotation is directly its clausal complement.
    """
    if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.tag_.startswith("VB")):
        return False
    lemma = tok.lemma_.lower()
    if lemma in lex.NAMING_CUES:
        return via in (None, "climb", "oprd", "dobj", "attr", "xcomp", "ccomp", "prep", "pobj", "acomp")
    if lemma in lex.CUE_LEMMAS:
        return True
    # the parse, not the list: a quotation that is a verb's clausal complement is what it says
    return via in ("ccomp", "parataxis") and any(c.dep_ in SUBJ for c in tok.children) and lemma not in (
        "be", "have", "do", "seem", "make", "become", "mean", "show", "remain")


def subject_rank(tok: Token) -> tuple[int, int]:
    """Sort key among several parsed subjects of one verb: a person or an organisation, another name, a
    pronoun, a common noun; then text order."""
    if tok.ent_type_ in ("PERSON", "ORG"):
        return 0, tok.i
    if tok.ent_type_ or tok.pos_ == "PROPN":
        return 1, tok.i
    return (2 if tok.pos_ == "PRON" else 3), tok.i


def age_of(tok: Token) -> str | None:
    """The age in "the 27-year-old" when ``tok`` is its head word "old" (with "year" and the number)."""
    if tok.lower_ != "old":
        return None
    year = next((c for c in tok.children if c.lower_ == "year"), None)
    num = None if year is None else next((c for c in year.children if c.dep_ == "nummod" and c.text.isdigit()), None)
    if num is None or num.i == 0 or tok.doc[num.i - 1].lower_ != "the":
        return None
    return num.text


def several(tok: Token) -> bool:
    """A plural noun counted or paired: "the two companies", "both unions", "three ministers" (no one entity)."""
    return tok.tag_ in ("NNS", "NNPS") and any(
        (c.dep_ == "nummod" and c.lower_ not in ("one", "1")) or c.lower_ == "both" for c in tok.children)


def subject_of(verb: Token, *, skip: Callable[[Token], bool] | None = None, depth: int = 0) -> Token | None:
    """The speaker token of a cue verb: its subject, or the subject of the clause a participle hangs on.

    Args:
        verb: The cue verb.
        skip: Tokens that cannot be the subject (those inside quotations).
    """
    if verb.lemma_.lower() in ("quote", "cite"):  # quoted the minister as saying; Tokayev was quoted as saying
        quoted = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and not (skip and skip(c))), None)
        if quoted is not None and (verb.lemma_.lower() == "quote" or quoted.ent_type_ in ("PERSON", "ORG")):
            return quoted  # (cited a minister as saying; but cited figures, cited his remarks: the subject)
    subjects = [c for c in verb.children if c.dep_ in SUBJ and c.lower_ not in ("there",) and not (skip and skip(c))]
    # "insisted coach Pep Guardiola": two subjects, the name wins over the common noun, a person or an
    # organisation over a place ("CAMBRIDGE, Mass. — "…," said Ann Lee": the dateline is no subject)
    subj = min(subjects, key=subject_rank, default=None)
    if subj is None:  # "…," the 54-year-old said: the parse may hang the age on the verb
        subj = next((c for c in verb.children if c.i < verb.i and age_of(c) and not (skip and skip(c))), None)
    if subj is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if subj is not None and subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return verb.head  # Tokayev, who said …
    if subj is not None and subj.dep_ == "nsubjpass":
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if pobj is not None:
            return pobj
    if subj is None and depth < 3 and verb.dep_ == "acl" and verb.head.pos_ == "NOUN" \
            and verb.head.dep_ in ("dobj", "nsubjpass") and verb.head.head.pos_ == "VERB":
        # Trump issued a statement saying …: the subject of the verb that makes the statement
        return subject_of(verb.head.head, skip=skip, depth=depth + 1)
    if subj is None and depth < 3 and verb.dep_ in _INHERIT_SUBJECT and verb.head is not verb:
        return subject_of(verb.head, skip=skip, depth=depth + 1)
    if subj is None and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # a statement from the ministry saying …
    return subj


def reported_tokens(comp: Token) -> list[Token]:
    """The tokens of a cue's clausal complement that the cue reports, in order.

    A verb coordinated inside the complement without a subject of its own belongs to the cue clause,
    not to what was said, when it is a verb of saying (``said it was opposed and warned …``) or a
    past tense after a complement that is not one or after a copula (``said Kazakhstan would remain
    neutral and urged …``, ``tweeted that she was "a con" and encouraged …``), but not after a perfect,
    whose auxiliary it shares (``said costs had risen and tied up ships``); it is left out with its
    conjunction, as is a participle after a comma that holds another attribution (``…, engaging in what
    analysts described as …``).
    """
    cut: set[int] = set()
    perfect = comp.tag_ == "VBN" and any(g.dep_ == "aux" and g.lemma_.lower() == "have" for g in comp.children)
    for c in comp.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and not any(g.dep_ in SUBJ for g in c.children) and (
                c.lemma_.lower() in lex.CUE_LEMMAS or (c.tag_ == "VBD" and not perfect
                                                       and (comp.tag_ != "VBD" or comp.pos_ == "AUX"))):
            cut |= {t.i for t in c.subtree}
        elif c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > comp.i and c.doc[c.i - 1].text == "," and any(
                t.lemma_.lower() in lex.CUE_LEMMAS | lex.NAMING_CUES and any(g.dep_ in SUBJ for g in t.children)
                for t in c.subtree if t.pos_ == "VERB"):
            cut |= {t.i for t in c.subtree} | {c.i - 1}  # "…," engaging in what analysts described as …
    if cut:
        first = min(cut)
        cut |= {c.i for c in comp.children if c.dep_ == "cc" and c.i < first
                and not any(c.i < t.i < first and t.i not in cut and not t.is_punct for t in comp.subtree)}
    return [t for t in comp.subtree if t.i not in cut]


#: Nouns of a statement a cue reports through (said in a statement that …).
_VEHICLES = frozenset("statement letter email e-mail interview post tweet release note memo filing message "
                      "speech remarks testimony briefing conference call video".split())


def complement_of(verb: Token) -> Token | None:
    """The clause a verb of saying reports: its clausal complement, or the that-clause of the statement
    it speaks through when the parse hangs it there (``said in a statement that …``)."""
    comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if comp is not None:
        return comp
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.lemma_.lower() in _VEHICLES:
                return next((c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > obj.i
                             and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    return None


def definite(tok: Token) -> bool:
    """Whether a noun is definite: "the minister", "this company", "the ministry's …", "Kazakhstan's leader"."""
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")) or c.dep_ == "poss"
               for c in tok.children)


def describing(tok: Token) -> set[str]:
    """Lower-case words of a noun and its modifiers (compound titles, adjectives), not its possessor
    or prepositional phrases: "Kazakh President …" → {kazakh, president, …}."""
    out = {tok.lower_} if tok.pos_ in ("NOUN", "PROPN", "ADJ") else set()
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i:
            out |= describing(c)
    return out


@functools.lru_cache(maxsize=100_000)
def role_word(name: str) -> bool:
    """A "name" that is only a title or role ("Minister", "the President"): the NER's mistake."""
    words = [w.lower() for w in name_words(name) if w.lower() != "the"]
    return bool(words) and all(w in TITLE_WORDS or w in lex.ORG_ROLES for w in words)


@functools.lru_cache(maxsize=100_000)
def person_shaped(name: str) -> bool:
    """A name the NER may have mislabelled that reads like a person's: two to four capitalised words,
    none of them an organisation or place word (Kassym-Jomart Tokayev, Elnur Hasanli)."""
    words = name_words(name)
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and not w.isupper() for w in words) and not (
        {w.lower() for w in words} & (lex.ORG_ROLES | lex.COMPANY_WORDS | lex.MEDIA_WORDS | _PLACE_WORDS))


@functools.lru_cache(maxsize=100_000)
def name_words(text: str) -> tuple[str, ...]:
    """The words of a name (hyphens, apostrophes and dots kept inside)."""
    return tuple(re.findall(r"[\w’'.-]+", text))
