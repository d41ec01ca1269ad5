"""Entity resolution within one article (runs inside the cached NLP pass).

1. Clean spaCy's spans: grow an ORG (or product, work, facility) span over adjacent capitalised proper nouns
   it governs ("Tili" → "Ana Tili"), split "Georgia’s Ministry of Foreign
   Affairs" in two, split a place off ("University of Reading in England",
   "Queensland Mackay"), strip determiners, titles, possessives, edge
   punctuation and common-noun descriptors ("Shipper Nordvik Line"), drop junk and
   title phrases ("Federal Agriculture" Minister), join "Highlands and Islands"
   (:mod:`analysis.entities.shapes`).
2. Find the mentions spaCy missed (:mod:`analysis.entities.missed`); grow a name
   into its possessive business ("Rosa" → "Rosa's Kitchen").
3. Add the byline's authors (offsets -1: the byline is not in ``Article.text``).
4. Cluster and label (:mod:`analysis.entities.cluster`).
"""
from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd

from analysis.entities.cluster import cluster
from analysis.entities.mention import MENTION_COLUMNS, Mention, title_before
from analysis.entities.missed import patterns, propagate
from analysis.entities.names import (
    GEO_WORDS,
    NAME_LABELS,
    ORG_WORDS,
    clean_name,
    is_junk,
    is_role_ending,
    is_title_word,
    known,
    name_key,
)
from analysis.entities.shapes import (
    business_end,
    descriptor_end,
    is_title_phrase,
    split_locative,
    split_place_prefix,
    team_cue,
)

__all__ = ["MENTION_COLUMNS", "Mention", "resolve_article"]

_NON_PERSON_AUTHOR = frozenset("staff desk editor editors team correspondent reporter reporters agency".split())
_NOT_NAME_POS = frozenset({"VERB", "AUX", "INTJ", "ADV", "PRON", "DET", "ADP", "SCONJ", "CCONJ", "PART"})
_GROWN = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC"})  # spans spaCy often cuts short ("Tili")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z]{2,6})\)")
_POSSESSIVE_JOIN = re.compile(r"['\u2019]s\s+")
_INT_COLUMNS = ("sentence_id", "paragraph", "start", "end")


def resolve_article(parsed, raw: pd.DataFrame) -> pd.DataFrame:
    """Resolved mentions of one parsed article (columns :data:`MENTION_COLUMNS`)."""
    mentions = _clean_mentions(parsed, raw)
    mentions += patterns(parsed, mentions)
    mentions += propagate(parsed, mentions)
    mentions = _businesses(parsed.article.text, mentions)
    article = parsed.article
    mentions += _bylines(getattr(article, "byline", article.authors))
    rows = cluster(mentions)
    if not rows:
        return pd.DataFrame(rows, columns=MENTION_COLUMNS).astype(dict.fromkeys(_INT_COLUMNS, "int64"))
    rows.sort(key=lambda r: r["start"] if r["start"] >= 0 else 1 << 40)  # stable: the byline (-1) last
    return pd.DataFrame({c: np.array([r[c] for r in rows], dtype="int64") if c in _INT_COLUMNS
                         else [r[c] for r in rows] for c in MENTION_COLUMNS})


# --- 1. cleaning ------------------------------------------------------------------------------

def _clean_mentions(parsed, raw: pd.DataFrame) -> list[Mention]:
    text = parsed.article.text
    units = {u.paragraph: u for u in parsed.units}
    sids, paragraphs, starts, ends, texts, labels = (raw[c].tolist() for c in (
        "sentence_id", "paragraph", "start", "end", "text", "spacy_label"))
    names = {name_key(t) for t, lb in zip(texts, labels) if lb in NAME_LABELS}
    places = {name_key(t) for t, lb in zip(texts, labels) if lb in ("GPE", "LOC")}
    out = []
    for sid, paragraph, start, end, spacy_label in zip(sids, paragraphs, starts, ends, labels):
        if spacy_label not in NAME_LABELS:
            continue
        start, end = int(start), int(end)
        unit = units.get(int(paragraph))
        if unit is not None and spacy_label in _GROWN:
            span = unit.doc.char_span(start - unit.start, end - unit.start, alignment_mode="expand")
            if span is not None:
                start, end = unit.offsets(_extend(span))
        for s0, e0, label0 in _pieces(text, start, end, spacy_label):
            for s, e, label in (p for piece in split_locative(text, s0, e0, label0, names)
                                for p in split_place_prefix(text, *piece, places)):
                mention = _cleaned(text, s, e, label, int(sid), int(paragraph), unit)
                if mention is not None:
                    out.append(mention)
    return _join_regions(text, out)


def _join_regions(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Highlands" + "and" + "Islands" → one region when a part is a bare geographic
    word (spaCy tags the parts apart)."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if (prev is not None and prev.paragraph == m.paragraph and text[prev.end:m.start] == " and "
                and any(len(x.text.split()) == 1 and x.text.lower() in GEO_WORDS | {"highlands", "lowlands"}
                        for x in (prev, m)) and not known(prev.text) and not known(m.text)):
            out[-1] = replace(prev, end=m.end, text=text[prev.start:m.end], spacy_label="LOC")
        else:
            out.append(m)
    return out


def _businesses(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with businesses grown ("Rosa" → "Rosa's Kitchen"), dropping those inside them ("Kitchen")."""
    grown = [_business(text, m) for m in mentions]
    spans = {(g.paragraph, g.start, g.end) for m, g in zip(mentions, grown) if g is not m}
    return [g for g in grown if not any(p == g.paragraph and s <= g.start and g.end <= e and (s, e) != (g.start, g.end)
                                        for p, s, e in spans)]


def _business(text: str, m: Mention) -> Mention:
    """A mention followed by "'s Kitchen" grown into the business ("Rosa's Kitchen", ORG)."""
    if m.start < 0:
        return m
    end = business_end(text, m.end)
    if end is None:
        return m
    return replace(m, end=end, text=text[m.start:end], spacy_label="ORG" if m.origin == "ner" else "",
                   cue=False, hint="ORG")


def _pieces(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """A span split at an inner possessive when one side is a known place or the
    right side an organisation ("Azerbaijan’s Ministry of Energy" → "Azerbaijan",
    "Ministry of Energy"; "Putin’s Astana" → "Putin", "Astana")."""
    m = _POSSESSIVE_JOIN.search(text, start, end)
    if m is None or m.start() == start or m.end() >= end:
        return [(start, end, label)]
    left, right = text[start:m.start()], text[m.end():end]
    entry, other = known(left), known(right)
    if entry is None and other is None and right.split()[0].lower() not in ORG_WORDS:
        return [(start, end, label)]
    return [(start, m.start(), entry.label if entry else ""), (m.end(), end, other.label if other else label)]


def _cleaned(text: str, start: int, end: int, label: str, sentence_id: int, paragraph: int, unit) -> Mention | None:
    if "\n" in text[start:end]:
        return None
    cut = clean_name(text[start:end], person=label == "PERSON")
    if cut is None:
        return None
    start, end = start + cut[0], start + cut[1]
    words = text[start:end].split()
    if len(words) > 1 and unit is not None:
        first = unit.doc.char_span(start - unit.start, start - unit.start + len(words[0]), alignment_mode="expand")
        rest = text[start + len(words[0]):end].strip()
        drop = descriptor_end(words, sentence_start=first is not None and first[0].is_sent_start, label=label,
                              elsewhere=text.count(rest) > text.count(text[start:end]))
        if drop:
            start = end - len(rest)
    surface = text[start:end]
    if is_junk(surface) or (label != "PERSON" and len(surface.split()) > 1 and is_role_ending(surface)):
        return None
    after = text[end:end + 40].split("\n")[0].split()
    if len(surface.split()) == 1 and known(surface) is None and after and is_role_ending(after[0]):
        return None  # "Agriculture" in "Agriculture Commissioner Lena Hofstad"
    if label != "PERSON" and after and is_title_phrase(surface, after[0]):
        return None  # "Federal Agriculture" in "Federal Agriculture Minister Jane Doe"
    name_start, hint = True, ""
    if unit is not None:
        span = unit.doc.char_span(start - unit.start, end - unit.start, alignment_mode="expand")
        name_start = span is None or span[0].pos_ not in _NOT_NAME_POS
        hint = "ORG" if span is not None and any(team_cue(t) for t in span) else ""
    return Mention(sentence_id, paragraph, start, end, surface, label, "ner", title_before(text, start), name_start,
                   hint)


def _extend(span):
    """The span grown over adjacent capitalised proper nouns it is a compound of."""
    doc = span.doc
    taken = {t.i for ent in doc.ents for t in ent}
    start, end = span.start, span.end

    def name_like(tok) -> bool:
        return tok.i not in taken and tok.pos_ == "PROPN" and tok.text[:1].isupper() and not is_title_word(tok.text)

    while start > 0:
        tok = doc[start - 1]
        if name_like(tok) and tok.dep_ in ("compound", "flat") and start <= tok.head.i < end:
            start -= 1
        elif (tok.text == "-" and start > 1 and not tok.whitespace_ and not doc[start - 2].whitespace_
              and name_like(doc[start - 2])):
            start -= 2
        else:
            break
    while end < len(doc) and name_like(doc[end]) and doc[end - 1].dep_ in ("compound", "flat") \
            and doc[end - 1].head.i == end:
        end += 1
    return doc[start:end]


# --- 3. byline -------------------------------------------------------------------------------

def _bylines(authors) -> list[Mention]:
    """Byline authors as PERSON mentions without offsets (they are not in the text).

    Uses ``Article.byline`` (the names of a "By …" line in the body) when the
    article has that field, else ``Article.authors``.
    """
    out = []
    for name in authors or ():
        words = name.split()
        if (2 <= len(words) <= 5 and all(w[:1].isupper() or w.islower() for w in words)
                and not any(w.lower().strip(".,") in ORG_WORDS | _NON_PERSON_AUTHOR for w in words)
                and not any(c.isdigit() for c in name)):
            out.append(Mention(-1, -1, -1, -1, name, "", "byline", True, True))
    return out
