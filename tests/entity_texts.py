"""Helpers for the entity tests on tiny hand-written texts: an article, its resolved mentions, and
spaCy's mistakes made certain (a mislabel or a miss found on real copy, forced on the raw entities)."""
from __future__ import annotations

import pandas as pd

from analysis.corpus import Article
from analysis.entities.article import resolve_article
from analysis.extract import _mention_rows, extract
from analysis.nlp import parse

__all__ = ["article", "parsed_of", "raw_of", "raw_spans", "raw_with", "mentions_of", "entities_of", "resolved"]


def article(title: str, *paragraphs: str) -> Article:
    """A one-off article of the test wire."""
    return Article(id="t", title=title, paragraphs=tuple(paragraphs), source="Test Wire",
                   published=pd.Timestamp("2025-01-01T00:00:00+00:00"))


def parsed_of(nlp, title: str, *paragraphs: str):
    """The parsed article (:class:`analysis.nlp.ParsedArticle`)."""
    return next(parse([article(title, *paragraphs)], nlp=nlp))


def raw_of(parsed) -> pd.DataFrame:
    """spaCy's entities of a parsed article, as the NLP pass hands them to entity resolution."""
    return _mention_rows(parsed)


def raw_spans(parsed, *spans: tuple[str, str, int]) -> pd.DataFrame:
    """spaCy's entities replaced by ``spans``, each (text, spaCy label, paragraph): the text's first
    occurrence in that paragraph (0 the headline), one sentence a paragraph (spaCy's cuts and labels on
    real copy, made certain)."""
    text, parts = parsed.article.text, [parsed.article.title, *parsed.article.paragraphs]
    rows = []
    for surface, label, paragraph in spans:
        start = text.index(surface, sum(len(part) + 1 for part in parts[:paragraph]))
        rows.append({"sentence_id": paragraph, "paragraph": paragraph, "start": start, "end": start + len(surface),
                     "text": surface, "spacy_label": label})
    return pd.DataFrame(rows)


def raw_with(parsed, word: str, label: str) -> pd.DataFrame:
    """spaCy's entities plus ``word`` tagged ``label`` wherever it stands capitalised (as on real copy)."""
    text, raw = parsed.article.text, raw_of(parsed)
    rows, start = [], text.find(word)
    while start >= 0:
        paragraph = next(u.paragraph for u in parsed.units if u.start <= start < u.start + len(u.text))
        rows.append({"sentence_id": paragraph, "paragraph": paragraph, "start": start, "end": start + len(word),
                     "text": word, "spacy_label": label})
        start = text.find(word, start + 1)
    return pd.concat([raw, pd.DataFrame(rows)]).sort_values("start").reset_index(drop=True)


def mentions_of(nlp, title: str, *paragraphs: str) -> pd.DataFrame:
    """The article's resolved mentions."""
    return extract(next(parse([article(title, *paragraphs)], nlp=nlp)))["mentions"]


def entities_of(m: pd.DataFrame) -> dict[str, tuple[str, int]]:
    """Entity → (label, mentions)."""
    return {e: (g["label"].iloc[0], len(g)) for e, g in m.groupby("entity")}


def resolved(nlp, title: str, paragraphs: tuple[str, ...], labels: dict[str, str]) -> pd.DataFrame:
    """Mentions resolved after spaCy's entities whose text matches a key (a regex) of ``labels`` are
    relabelled, or dropped for "" (spaCy's mislabels and misses on real copy, made certain)."""
    parsed = parsed_of(nlp, title, *paragraphs)
    raw = raw_of(parsed)
    for key, label in labels.items():
        raw.loc[raw["text"].str.contains(key), "spacy_label"] = label
    return resolve_article(parsed, raw[raw["spacy_label"] != ""])
