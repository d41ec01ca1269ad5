"""Speakers named by role nouns (part of :mod:`analysis.quotes`): the organisation behind a spokesperson
("a spokesman for X", "an X spokeswoman", "the spokesperson" later), an organisation named by the words
around a role noun ("The X union", "the group, "Y","), a person by age ("the 54-year-old") or by a title
(:meth:`ArticleContext.resolve_role`), a relative ("her brother"). :class:`RoleSpeakers` is a part of
:class:`analysis.quotes.speakers.ArticleContext`.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.quotes import lexicon as lex
from analysis.quotes.grammar import definite, name_words, person_shaped, role_word, several
from analysis.quotes.names import given_name_gender

if TYPE_CHECKING:  # spaCy is imported on first parse
    from spacy.tokens import Token

__all__ = ["Speaker", "RoleSpeakers", "SPEAKER_LABELS", "SPEAKS_FOR", "SPOKES"]

#: Entity labels that can speak.
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})

#: Nouns that speak for their owner: "Tokayev's office said", "a spokesman for the ministry said".
SPEAKS_FOR = frozenset("spokesman spokeswoman spokesperson representative office press statement campaign "
                       "website account".split())
#: Nouns of a person who speaks for an organisation.
SPOKES = frozenset("spokesman spokeswoman spokesperson representative".split())
#: Kinship nouns and the gender they imply.
_KIN = {"brother": "m", "sister": "f", "son": "m", "daughter": "f", "father": "m", "mother": "f", "husband": "m",
        "wife": "f", "uncle": "m", "aunt": "f", "nephew": "m", "niece": "f"}


def _lower_case_body(noun: Token) -> str | None:
    """An organisation written as a place and common nouns ("Leeds city council"), its name title-cased, or None."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.ORG_ROLES:
        return None
    mods = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    if not mods or mods[0].ent_type_ not in ("GPE", "ORG", "NORP") or mods[0].pos_ != "PROPN":
        return None
    words = noun.doc[min(t.i for c in mods for t in c.subtree):noun.i + 1].text.split()
    return " ".join(w[:1].upper() + w[1:] for w in words)



@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: canonical name and label, and where the speaker expression is in the text."""

    name: str | None
    label: str | None
    start: int | None = None
    end: int | None = None


class RoleSpeakers:
    """Role-noun resolution of :class:`analysis.quotes.speakers.ArticleContext` (which provides ``units``,
    ``mentions``, ``mention_at``, ``label_of``, ``resolve_role``, ``resolve_pronoun`` …)."""

    def _org_modifier(self, paragraph: int, tok: Token) -> Speaker | None:
        """An organisation named by the modifiers of a role noun: ``The United Food and Commercial Workers
        union said`` (an ORG mention among the words right before the noun)."""
        unit = self.units[paragraph]
        for c in tok.children:
            if c.dep_ in ("compound", "nmod") and c.i < tok.i and c.pos_ == "PROPN":
                m = self.mention_at(unit.start + c.idx, unit.start + c.idx + len(c))
                if m is not None and m["label"] == "ORG" and not role_word(m["entity"]):
                    name, label = self._name_from_mention(m)
                    return Speaker(name, "ORG" if label == "PERSON" else label, m["start"], m["end"])
        return None

    def _aged(self, paragraph: int, tok: Token, age: str) -> Speaker:
        """``the 27-year-old said``: the person last introduced with that age (``Brent Halvorsen, 54,``), else
        the person who was the subject just before."""
        unit = self.units[paragraph]
        s0, s1 = unit.offsets(tok.doc[tok.left_edge.i:tok.i + 1])
        text = self.parsed.article.text
        aged = re.compile(rf",\s*(?:aged\s+)?{age}\b")
        for m in reversed(self.mentions):
            if m["start"] < 0 or m["end"] > s0 or self.label_of(m["entity"], m["label"]) != "PERSON":
                continue
            if aged.match(text, m["end"]):
                name, label = self._name_from_mention(m)
                return Speaker(name, "PERSON", s0, s1)
        hit = self.resolve_role("person", set(), s0, nearby=True)
        return Speaker(*(hit or (None, None)), s0, s1)

    def _mislabelled_person(self, tok: Token) -> bool:
        """A full name the NER took for a place or an organisation here, but that reads as a person's (a common
        given name, or a surname the article names as a person elsewhere): "The regulator's chief executive,
        Marguerite Lalonde [LOC], told …"."""
        if tok.pos_ != "PROPN" or tok.ent_type_ not in ("LOC", "GPE", "ORG", "FAC", "NORP"):
            return False
        parts = [c for c in tok.children if c.dep_ in ("compound", "flat") and c.i < tok.i and c.pos_ == "PROPN"]
        name = " ".join(t.text for t in parts + [tok])
        return person_shaped(name) and (given_name_gender(name) is not None or self.label_of(name, None) == "PERSON")

    def _proper_org(self, paragraph: int, tok: Token) -> Speaker | None:
        """An organisation named by proper nouns around a role word the NER did not mark: ``The U.S.
        Attorney's Office said`` (the words from the first proper noun to the role word)."""
        if tok.pos_ != "PROPN":
            return None
        m = self.mention_at(*self.units[paragraph].offsets(tok.doc[tok.i:tok.i + 1]))
        if m is not None and not role_word(m["entity"]):
            return None  # a name the mention table knows
        left = [t for t in tok.subtree if t.i < tok.i and t.pos_ == "PROPN"]
        if not left:
            return None
        span = tok.doc[min(t.i for t in left):tok.i + 1]
        if any(t.pos_ not in ("PROPN", "PART", "PUNCT") for t in span):
            return None
        s0, s1 = self.units[paragraph].offsets(span)
        return Speaker(span.text, "ORG", s0, s1)

    def _quoted_name(self, paragraph: int, tok: Token) -> Speaker | None:
        """An organisation named in quote marks in apposition to a role noun: ``the group, "Friends of the
        Earth",``."""
        unit = self.units[paragraph]
        appos = next((c for c in tok.children if c.dep_ == "appos" and c.i > tok.i), None)
        if appos is None or not self.inside_quote(unit.start + appos.idx):
            return None
        k = bisect.bisect_right(self.span_starts, unit.start + appos.idx) - 1
        a, b = self.spans[k]
        name = self.parsed.article.text[a + 1:b].strip(" ,.")
        words = name_words(name)
        if not 0 < len(words) <= 6 or not words[0][:1].isupper():
            return None
        return Speaker(name, "ORG", a + 1, b)

    def _role_speaker(self, paragraph: int, tok: Token) -> Speaker:
        """A role noun's entity: the organisation behind a spokesman ("a spokesman for X", "a Kremlin
        spokesperson", "the spokesperson" after "a spokesperson for X"), the person or organisation a
        definite role noun refers to, else nobody."""
        unit = self.units[paragraph]
        chunk = tok.doc[min(t.i for t in tok.subtree if t.i <= tok.i):tok.i + 1]
        s0, s1 = unit.offsets(chunk)
        lemma = tok.lemma_.lower()
        if several(tok) and (lemma in lex.ORG_ROLES or lemma in lex.PERSON_ROLES):
            return Speaker(None, None, s0, s1)  # the two companies said: several, none of them alone
        owner = self._owner(paragraph, tok)
        if owner is None and lemma in SPOKES and definite(tok):
            owner = self._earlier_spokes(s0)
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if lemma in _KIN and poss is not None and poss.pos_ == "PRON":  # "her brother" in a family story
            hit = self._relative(poss.lower_, _KIN[lemma], s0)
            if hit is not None:
                return Speaker(hit[0], hit[1], s0, s1)
        if owner is not None and (lemma in SPEAKS_FOR or not definite(tok)):
            return Speaker(owner[0], owner[1], s0, s1)
        if definite(tok):
            mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
            hit = self.resolve_role(lemma, mods, s0)
            if hit:
                return Speaker(hit[0], hit[1], s0, s1)
        if owner is not None:
            return Speaker(owner[0], owner[1], s0, s1)
        return Speaker(None, None, s0, s1)

    def _owner(self, paragraph: int, tok: Token) -> tuple[str, str | None] | None:
        """The organisation a role noun's own words name ("a spokesman for X", "a Kremlin spokesperson",
        "Tokayev's office"), or None."""
        unit = self.units[paragraph]
        for t in tok.children:
            inner = t
            if t.dep_ == "prep" and t.lower_ in ("for", "of", "at", "from"):
                inner = next((c for c in t.children if c.dep_ == "pobj"), None)
            elif t.dep_ not in ("poss", "compound"):
                continue
            m = None if inner is None else self.mention_at(unit.start + inner.idx, unit.start + inner.idx + len(inner))
            if m is not None and m["label"] in SPEAKER_LABELS - {"NORP"} and (
                    m["label"] != "PERSON" or (t.dep_ == "poss" and tok.lemma_.lower() in SPEAKS_FOR)
                    or (t.lower_ == "for" and tok.lemma_.lower() in SPOKES)):  # a spokesman for Senator X
                return self._name_from_mention(m)
            if m is None and inner is not None and t.dep_ == "prep" and tok.lemma_.lower() in SPOKES:
                named = _lower_case_body(inner)  # a spokesperson for Leeds city council
                if named is not None:
                    return named, "ORG"
            if m is None and inner is not None and inner.pos_ == "NOUN" and inner.lemma_.lower() in lex.ORG_ROLES and (
                    (t.dep_ == "prep" and definite(inner))  # a spokeswoman for the union
                    or (t.dep_ == "compound" and tok.lemma_.lower() in SPOKES)):  # a board spokesman
                owner = self.resolve_role(inner.lemma_, set(), unit.start + inner.idx)
                if owner is not None:
                    return owner
            if m is None and t.dep_ == "poss" and t.pos_ == "NOUN" and definite(t) \
                    and tok.lemma_.lower() in SPEAKS_FOR:  # the mayor's office, the company's statement
                mods = {c.lower_ for c in t.children if c.dep_ in ("amod", "compound", "nmod")}
                owner = self.resolve_role(t.lemma_, mods, unit.start + t.idx)
                if owner is not None:
                    return owner
        return None

    @functools.cached_property
    def _spokes_owners(self) -> tuple[list[int], list[tuple[str, str | None]]]:
        """Where the article introduces an organisation's spokesperson ("a spokesperson for X", "an X
        spokesman"), and the organisation: offsets and owners, in text order."""
        offsets, owners = [], []
        for p in sorted(self.units):
            unit = self.units[p]
            for k, lemma in enumerate(unit.column("lemma_")):
                if lemma.lower() in SPOKES:
                    tok = unit.tokens[k]
                    owner = None if definite(tok) else self._owner(p, tok)
                    if owner is not None:
                        offsets.append(unit.start + tok.idx)
                        owners.append(owner)
        return offsets, owners

    def _earlier_spokes(self, offset: int) -> tuple[str, str | None] | None:
        """The organisation of the spokesperson introduced last before ``offset`` (a few paragraphs back)."""
        offsets, owners = self._spokes_owners
        k = bisect.bisect_left(offsets, offset) - 1
        return owners[k] if k >= 0 and offset - offsets[k] <= 1500 else None
