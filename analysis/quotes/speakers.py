"""Who said it: cue verbs, speaker spans and their canonical names (part of :mod:`analysis.quotes`).

:class:`ArticleContext` knows one parsed article, its entity mentions and where
its quotations are. It turns a speaker token into a canonical name — through the
mention table's ``entity``, a pronoun's most recent compatible antecedent, a
role noun's best matching entity ("the Kazakh leader" → the person introduced as
"Kazakh President …"), or a surname's full name — and remembers who has spoken
so that later pronouns and role nouns can refer to them. Role nouns that name their speaker by their own
words (a spokesperson for X, the X union, the 54-year-old) are in :mod:`analysis.quotes.roles`.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from analysis.quotes import lexicon as lex
from analysis.quotes.grammar import (
    SUBJ,
    age_of,
    definite,
    describing,
    name_words,
    person_shaped,
    role_word,
)
from analysis.quotes.mentions import join_bodies, no_cue_word, records, strip_titles
from analysis.quotes.names import given_name_gender
from analysis.quotes.roles import SPEAKER_LABELS, SPEAKS_FOR, SPOKES, RoleSpeakers, Speaker

if TYPE_CHECKING:  # spaCy is imported on first parse
    from spacy.tokens import Token

__all__ = ["Speaker", "ArticleContext", "PERSONISH", "SPEAKER_LABELS"]

PERSONISH = frozenset({"PERSON"})
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                   "herself": "f"}
#: Entity labels that never speak (a date, a time, a number).
_NOT_SPEAKERS = frozenset("DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY".split())
#: Organisation roles vague enough to mean the organisation last named ("the company", "the club").
_GENERIC_ORG_ROLES = frozenset("company firm group club team organisation organization giant maker manufacturer "
                               "producer retailer startup conglomerate carrier operator lender insurer publisher "
                               "airline side".split())
#: Nouns for anybody: "the man" is not whoever spoke last.
_PEOPLE = frozenset("man woman person boy girl".split())
_ORG_LIKE_ROLES = frozenset("government administration authority authorities military army parliament regime "
                            "cabinet police".split())


def _subjects(unit) -> list[int]:
    """Indices of a unit's subject tokens (``SUBJ`` dependencies), in order; found once per unit."""
    return unit.memo("quotes.subjects", lambda u: [k for k, d in enumerate(u.column("dep_")) if d in SUBJ])


@dataclass(frozen=True)
class _Candidate:
    offset: int
    name: str | None  # None: somebody the text does not name ("the energy ministry"), who still blocks
    label: str
    strong: bool  # a previous speaker or a grammatical subject
    descriptors: frozenset[str]


class ArticleContext(RoleSpeakers):
    """One article's mentions, quotation spans and speakers so far, for resolving speakers.

    Args:
        parsed: The parsed article.
        mentions: Its mention table (``start``, ``end``, ``text``, ``entity``, ``label``…).
        quote_spans: Article offsets (opening mark, closing mark) of every quotation.
    """

    def __init__(self, parsed, mentions: pd.DataFrame | None, quote_spans: list[tuple[int, int]]) -> None:
        self.parsed = parsed
        self.units = {u.paragraph: u for u in parsed.units}
        self.spans = sorted(quote_spans)
        self.span_starts = [a for a, _ in self.spans]
        rows = [] if mentions is None or not len(mentions) else records(mentions)
        for r in rows:
            r.setdefault("entity", r.get("text"))
            r.setdefault("label", r.get("spacy_label"))
            r["entity"] = no_cue_word(r["entity"] if isinstance(r["entity"], str) and r["entity"] else r["text"])
        self.mentions = join_bodies(sorted(rows, key=lambda r: (r["start"], r["end"])), parsed.article.text)
        self._mention_starts = [r["start"] for r in self.mentions]
        self._labels = self._vote_labels()
        self.candidates: list[_Candidate] = []
        self._build_candidates()

    # -- positions ---------------------------------------------------------------------------
    def inside_quote(self, offset: int) -> bool:
        """Whether an article offset lies within a quotation (marks included)."""
        i = bisect.bisect_right(self.span_starts, offset) - 1
        return i >= 0 and self.spans[i][0] <= offset <= self.spans[i][1]

    def offset(self, paragraph: int, tok: Token) -> int:
        """Article offset of a token of a paragraph's doc."""
        return self.units[paragraph].start + tok.idx

    def quoted(self, paragraph: int) -> Callable[[Token], bool]:
        """A predicate: whether a token of a paragraph's doc lies within a quotation."""
        return lambda tok: self.inside_quote(self.units[paragraph].start + tok.idx)

    def mention_at(self, start: int, end: int) -> dict | None:
        """The mention overlapping [start, end), the longest when several do."""
        i = bisect.bisect_right(self._mention_starts, end) - 1
        hits = []
        while i >= 0:
            m = self.mentions[i]
            if m["end"] > start and m["start"] < end:
                hits.append(m)
            if m["start"] < start - 200:
                break
            i -= 1
        return max(hits, key=lambda m: m["end"] - m["start"]) if hits else None

    # -- names -------------------------------------------------------------------------------
    def _vote_labels(self) -> dict[str, str]:
        """Majority label per surname-like last word (PERSON wins ties): spaCy labels the same name
        differently from one sentence to the next."""
        votes: dict[str, Counter] = {}
        for m in self.mentions:
            words = name_words(m["entity"])
            if words and m["label"] in SPEAKER_LABELS:  # a full name counts more than a lone surname
                weight = 2 if m["label"] == "PERSON" and len(words) >= 2 else 1
                votes.setdefault(words[-1].lower(), Counter())[m["label"]] += weight
        out = {}
        for key, counter in votes.items():
            best = max(counter.values())
            out[key] = "PERSON" if counter["PERSON"] == best else counter.most_common(1)[0][0]
        return out

    def label_of(self, name: str, fallback: str | None) -> str | None:
        """The article's majority label for a name; PERSON for a full name with a common given name
        (Elon Musk) whatever the NER said."""
        words = name_words(name)
        label = self._labels.get(words[-1].lower(), fallback) if words else fallback
        if label != "PERSON" and person_shaped(name) and given_name_gender(name):
            return "PERSON"
        return label

    def canonical(self, name: str, label: str | None, *, before: int | None = None) -> str:
        """A full name for a bare surname: the longest name in the article ending with it (of the gender a
        title tells: Ms. Roe is Jane Roe, not her husband Mark Roe)."""
        lead = name.split()[0].lower().rstrip(".") if name.split() else ""
        gender = "m" if lead in lex.MALE_WORDS else "f" if lead in lex.FEMALE_WORDS else None
        name = strip_titles(name, keep=2 - (label == "PERSON"))
        words = name_words(name)
        if len(words) != 1 or label not in (None, "PERSON") or not words[0][:1].isupper():
            return name
        word = words[0].lower()
        best, best_key = name, (0, 0, 0)
        for m in self.mentions:
            ws = name_words(m["entity"])
            if not 1 < len(ws) <= 4:
                continue
            place = 2 if ws[-1].lower() == word else 1 if ws[0].lower() == word else 0
            if not place or not all(w[:1].isupper() for w in ws) or self.label_of(m["entity"], m["label"]) != "PERSON":
                continue
            if gender is not None and given_name_gender(m["entity"]) not in (None, gender):
                continue
            key = (place, int(before is None or m["start"] < before), len(m["entity"]))
            if key > best_key:
                best, best_key = m["entity"], key
        return strip_titles(best, keep=2)

    def _name_from_mention(self, m: dict) -> tuple[str, str | None]:
        label = self.label_of(m["entity"], m["label"])
        return self.canonical(m["entity"], label, before=m["start"]), label

    # -- antecedents ---------------------------------------------------------------------------
    def _build_candidates(self) -> None:
        """Antecedents: entity mentions outside quotations, then definite role-noun subjects
        ("The association …") resolved in text order; then genders from the context."""
        found = []
        text = self.parsed.article.text
        groups = {words[-1].lower() for m in self.mentions if m["label"] == "ORG" and m["start"] >= 4
                  and text[m["start"] - 4:m["start"]].lower() == "the " and (words := name_words(m["entity"]))}
        for m in self.mentions:
            if m["start"] < 0 or self.inside_quote(m["start"]) or m["label"] not in SPEAKER_LABELS \
                    or role_word(m["entity"]):
                continue
            unit = self.units.get(m.get("paragraph", -1))
            strong, desc = False, {w.lower() for w in name_words(m["entity"])}
            span = None if unit is None else unit.doc.char_span(
                m["start"] - unit.start, m["end"] - unit.start, alignment_mode="expand")
            if span is not None and len(span):
                root = span.root
                strong = root.dep_ in SUBJ or (root.dep_ in ("appos", "compound", "nmod") and root.head.dep_ in SUBJ)
                desc |= describing(root)  # Kazakh President Kassym-Jomart Tokayev
                if root.dep_ in ("compound", "nmod") and root.head.pos_ == "NOUN" and m["label"] in ("ORG", "PERSON"):
                    desc |= describing(root.head)  # the GMB union
                for ap in (c for c in root.children if c.dep_ == "appos"):
                    desc |= describing(ap)  # Tokayev, the Kazakh president
                if root.dep_ == "appos":
                    desc |= describing(root.head)  # the association's chair, Wiremu Tane
            words = name_words(m["entity"])
            if m["label"] != "PERSON" and len(words) >= 2 and words[-1].lower() not in groups \
                    and (desc - {w.lower() for w in words} - SPEAKS_FOR) & lex.PERSON_ROLES:  # not "an X spokeswoman"
                self._labels[words[-1].lower()] = "PERSON"  # Elnur Hasanli, Azerbaijan's deputy minister; not
                # an organisation the article writes with "the" ("The Westport Sharks have sacked …")
            found.append((m, strong, frozenset(desc)))
        for m, strong, desc in found:
            name, label = self._name_from_mention(m)
            self.candidates.append(_Candidate(m["start"], name, label, strong, desc))
        for p in sorted(self.units):  # "The Westport Sharks have …": a named group the NER missed
            unit = self.units[p]
            pos, tag, tokens = unit.column("pos_"), unit.column("tag_"), unit.tokens
            for k in _subjects(unit):
                tok = tokens[k]
                if pos[k] == "PROPN" and (tag[k] == "NNPS" or any(c.lower_ == "the" for c in tok.children)):
                    parts = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
                    span = tok.doc[min(t.i for t in parts):tok.i + 1]
                    start, end = unit.offsets(span)
                    m = self.mention_at(start, end)
                    if not self.inside_quote(start) and (m is None or m["label"] == "PERSON") \
                            and not role_word(span.text):
                        bisect.insort(self.candidates, _Candidate(start, span.text, "ORG", True,
                                                                  frozenset(w.lower() for w in name_words(span.text))),
                                      key=lambda c: c.offset)
        self.genders: dict[str, str] = {}
        for p in sorted(self.units):
            unit = self.units[p]
            pos, text, tag = (unit.column(a) for a in ("pos_", "text", "tag_"))
            tokens = unit.tokens
            for k in _subjects(unit):
                tok = tokens[k]
                if (pos[k] == "NOUN" or role_word(text[k]) or age_of(tok)) and definite(tok) \
                        and not self.inside_quote(self.offset(p, tok)):
                    found = self.speaker(p, tok)
                    if found.name and found.label:
                        self.add_speaker(self.offset(p, tok), found)
                    elif tok.lemma_.lower() in lex.PERSON_ROLES | lex.ORG_ROLES:  # unnamed, yet "it" means it
                        label = "PERSON" if tok.lemma_.lower() in lex.PERSON_ROLES else "ORG"
                        bisect.insort(self.candidates, _Candidate(self.offset(p, tok), None, label, True, frozenset()),
                                      key=lambda c: c.offset)
                elif tag[k] == "NN" and tok.lemma_.lower() in lex.PERSON_ROLES - SPOKES \
                        and tok.head.lemma_.lower() in lex.CUE_LEMMAS and not definite(tok) \
                        and not self.inside_quote(self.offset(p, tok)) and self.speaker(p, tok).name is None:
                    # "An employee at one of the banks said …": a person nobody names, whom "she" may mean next
                    bisect.insort(self.candidates, _Candidate(self.offset(p, tok), None, "PERSON", True, frozenset()),
                                  key=lambda c: c.offset)
        self.genders = self._infer_genders()

    def _infer_genders(self) -> dict[str, str]:
        """"m"/"f" per person, from gendered descriptors (Mr, chairwoman, brother) and from he/she/his/her
        right after a stretch of text naming exactly one person."""
        votes: dict[str, Counter] = {}
        for c in self.candidates:
            if c.label == "PERSON":
                for g, words in (("m", lex.MALE_WORDS), ("f", lex.FEMALE_WORDS)):
                    if c.descriptors & words:
                        votes.setdefault(c.name, Counter())[g] += 2
        prev_start = 0
        for p in sorted(self.units):
            unit = self.units[p]
            lower, idx = unit.column("lower_"), unit.column("idx")
            for sent in unit.sents:
                for k in range(sent.start, sent.end):
                    g = _PRONOUN_GENDER.get(lower[k])
                    if g is None:
                        continue
                    x = unit.start + idx[k]
                    if self.inside_quote(x):
                        continue
                    names = {c.name for c in self.candidates if prev_start <= c.offset < x and c.label == "PERSON"}
                    if len(names) == 1:
                        votes.setdefault(names.pop(), Counter())[g] += 1
                prev_start = unit.start + sent.start_char
        return {name: v.most_common(1)[0][0] for name, v in votes.items() if len(set(v.values())) > 1 or len(v) == 1}

    def add_speaker(self, offset: int, speaker: Speaker) -> None:
        """Remember a resolved speaker as an antecedent for later pronouns and role nouns."""
        if speaker.name and speaker.label:
            desc = frozenset().union(*(c.descriptors for c in self.candidates if c.name == speaker.name))
            bisect.insort(self.candidates, _Candidate(offset, speaker.name, speaker.label, True, desc),
                          key=lambda c: c.offset)

    def _before(self, offset: int, labels: frozenset[str], *, window: int) -> list[_Candidate]:
        lo = offset - window
        return [c for c in self.candidates if lo <= c.offset < offset and c.label in labels]

    def resolve_pronoun(self, word: str, offset: int) -> tuple[str, str] | None:
        """Most recent compatible speaker or subject (else mention) before ``offset``."""
        word = word.lower()
        if word in lex.PERSON_PRONOUNS:
            labels = PERSONISH
        elif word in lex.GROUP_PRONOUNS:
            labels = frozenset({"ORG", "NORP", "GPE"})
        elif word in lex.THING_PRONOUNS:
            labels = frozenset({"ORG", "GPE"})
        else:
            return None
        gender = _PRONOUN_GENDER.get(word)
        pool = self._before(offset, labels | ({"ORG", "GPE", "NORP"} if labels is PERSONISH else set()), window=1500)
        cands = [c for c in pool if (c.label in labels or (labels is PERSONISH and c.name and person_shaped(c.name)))
                 and (gender is None or c.name is None or self.gender(c.name) in (None, gender))]
        for group in ([c for c in cands if c.strong], cands):
            if group:
                best = group[-1]
                return (best.name, "PERSON" if labels is PERSONISH else best.label) if best.name else None
        return None

    def gender(self, name: str) -> str | None:
        """"m", "f" or None: the article's evidence, else the usual gender of the given name."""
        return self.genders.get(name) or given_name_gender(name)

    def resolve_role(self, head: str, modifiers: set[str], offset: int, *,
                     nearby: bool | None = None) -> tuple[str, str] | None:
        """The entity a definite role noun refers to ("the Kazakh leader", "the ministry"); with no title in
        common, the subject just before (``nearby``; by default for a role, not for "the man" or "the
        spokesman")."""
        head = head.lower()
        if nearby is None:
            nearby = head not in SPOKES | _PEOPLE
        if head in lex.PERSON_ROLES or head.endswith(("man", "woman", "person")):
            labels = PERSONISH
        elif head in lex.ORG_ROLES:
            labels = frozenset({"ORG", "GPE"}) if head in _ORG_LIKE_ROLES else frozenset({"ORG"})
        else:
            return None
        roles = lex.ROLE_SYNONYMS.get(head, frozenset()) | {head}
        scored = []
        for c in self._before(offset, SPEAKER_LABELS, window=4000):
            if c.name is None or (labels is not PERSONISH and self._is_outlet(c.name)):
                continue
            in_name = {w.lower() for w in name_words(c.name)}
            described = bool(roles & c.descriptors) and c.label != "GPE"  # "Halvorsen Energy, the … company"
            if c.label not in labels and not described:
                continue
            if labels is not PERSONISH and (in_name & lex.ORG_ROLES) - roles - {"group"}:
                continue  # "the company" is not the union, nor the ministry
            match = 2 * len(roles & (c.descriptors | in_name)) + len(modifiers & c.descriptors)
            if head in lex.COMPANY_ROLES and in_name & lex.COMPANY_WORDS:
                match += 2
            label = c.label if c.label in labels else next(iter(sorted(labels)))
            scored.append((match, int(c.strong), c.offset, c.name, label))
        best = max((s for s in scored if s[0] > 0), default=None, key=lambda s: s[:3])
        if best is None and nearby and (labels is PERSONISH or head in _GENERIC_ORG_ROLES):
            # no title in common: the most recent subject or speaker nearby (a person), any mention (a company)
            near = [s for s in scored if s[2] >= offset - (600 if labels is PERSONISH else 1500)
                    and (s[1] or labels is not PERSONISH)]
            best = max(near, default=None, key=lambda s: s[1:3])
        return (best[3], best[4]) if best else None

    def _is_outlet(self, name: str) -> bool:
        """The article's own outlet, or a web-style name (Caliber.Az): it reports, it does not speak."""
        source = self.parsed.article.source
        return bool((source and name.lower() == str(source).lower()) or re.search(r"\w\.[A-Za-z]{2,}$", name))

    def _relative(self, pronoun: str, gender: str, offset: int) -> tuple[str, str] | None:
        """"her brother": another person of the same surname as the pronoun's antecedent, of the gender."""
        owner = self.resolve_pronoun({"his": "he", "her": "she", "their": "they"}.get(pronoun, pronoun), offset)
        if owner is None:
            return None
        surname = name_words(owner[0])[-1].lower()
        kin = [c for c in self.candidates if c.name and c.name != owner[0] and c.label == "PERSON"
               and len(name_words(c.name)) > 1 and name_words(c.name)[-1].lower() == surname
               and self.gender(c.name) in (None, gender)]
        return (kin[-1].name, "PERSON") if len({c.name for c in kin}) == 1 else None

    def resolve_name(self, name: str) -> tuple[str, str | None] | None:
        """A name or role word from a headline ("Tokayev", "Mayor") as the entity the article names so."""
        words = [w.lower() for w in name_words(name)]
        if words and words[-1] in lex.PERSON_ROLES:  # "Mayor", "Housing secretary": the person with that title
            roles = lex.ROLE_SYNONYMS.get(words[-1], frozenset()) | {words[-1]}
            hits = [c for c in self.candidates if c.name and c.label == "PERSON" and roles & c.descriptors]
            hit = max(hits, key=lambda c: len(set(words[:-1]) & c.descriptors), default=None)
            return (hit.name, hit.label) if hit else None
        label = self.label_of(name, None)
        full = self.canonical(name, label)
        known = any(m["start"] >= 0 and name in (m["text"], m["entity"]) for m in self.mentions)
        if full == name and not known:
            return None
        return full, self.label_of(full, label)

    # -- speaker tokens --------------------------------------------------------------------------
    def speaker(self, paragraph: int, tok: Token) -> Speaker:
        """Resolve the speaker token ``tok`` (a subject, ``according to``'s object, …); a date, a time or a
        number never speaks."""
        unit = self.units[paragraph]
        doc = tok.doc
        age = age_of(tok)
        if age:
            return self._aged(paragraph, tok, age)
        if tok.ent_type_ in _NOT_SPEAKERS:
            start = unit.start + tok.idx
            return Speaker(None, None, start, start + len(tok))
        # a surname the tagger took for a common noun ("… ,” O’Donnell said"): capitalised inside the sentence,
        # bare (no determiner), no role word
        named = tok.pos_ == "NOUN" and tok.text[:1].isupper() and tok.i != tok.sent.start and not tok.ent_type_ \
            and tok.lemma_.lower() not in lex.PERSON_ROLES | lex.ORG_ROLES \
            and not any(c.dep_ in ("det", "poss", "amod", "nummod") for c in tok.children)
        role = (tok.pos_ == "NOUN" and not named) or (
            tok.pos_ == "PROPN" and tok.lemma_.lower() in lex.PERSON_ROLES | lex.ORG_ROLES and not tok.ent_type_)
        if role or tok.ent_type_ == "NORP":  # the minister, Ms Smith, said; that Republican, Rep. Roe, said
            appos = next((c for c in tok.subtree if c.dep_ == "appos" and c is not tok
                          and (c.ent_type_ == "PERSON" or (c.pos_ == "PROPN" and not c.ent_type_)
                               or (c.ent_type_ == "ORG" and (tok.lemma_.lower() in lex.ORG_ROLES
                                                             or tok.tag_ == "NNS"))
                               or (tok.lemma_.lower() in lex.PERSON_ROLES and self._mislabelled_person(c)))), None)
            if appos is not None:
                tok = appos
                role = False
            elif tok.lemma_.lower() in lex.ORG_ROLES:  # the group, "Friends of the Earth", said
                named = self._quoted_name(paragraph, tok) or self._proper_org(paragraph, tok) \
                    or self._org_modifier(paragraph, tok)
                if named is not None:
                    return named
        start = unit.start + tok.idx
        if tok.lower_ in lex.PERSON_PRONOUNS | lex.GROUP_PRONOUNS | lex.THING_PRONOUNS:
            hit = self.resolve_pronoun(tok.lower_, start)
            return Speaker(*(hit or (None, None)), start, start + len(tok))
        m = self.mention_at(start, start + len(tok))
        if m is not None and m["label"] in SPEAKER_LABELS and not role_word(m["entity"]):
            name, label = self._name_from_mention(m)
            title = next((c.lower_.rstrip(".") for c in tok.children if c.dep_ == "compound" and c.i < tok.i
                          and c.lower_.rstrip(".") in ("mr", "ms", "mrs", "miss")), None)
            if title is not None and given_name_gender(name) not in (None, "m" if title == "mr" else "f"):
                name = self.canonical(f"{title} {tok.text}", "PERSON", before=start)  # Ms. Roe: not Mark Roe
            return Speaker(name, label, m["start"], m["end"])
        if role or (tok.pos_ == "PROPN" and role_word(tok.text)):
            return self._role_speaker(paragraph, tok)
        if tok.pos_ == "PROPN" or named:
            parts = [t for t in tok.subtree if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"
                     and t.head == tok] + [tok]
            span = doc[min(t.i for t in parts):tok.i + 1]
            s0, s1 = unit.offsets(span)
            label = self.label_of(span.text, "PERSON" if len(parts) > 1 else None)
            name = self.canonical(span.text, label, before=s0)
            return Speaker(name, self.label_of(name, label) if name != span.text else label, s0, s1)
        return Speaker(None, None, start, start + len(tok))
