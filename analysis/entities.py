"""Entity resolution: raw spaCy mentions → canonical entities (placeholder, see issue 4)."""
from __future__ import annotations

import pandas as pd

__all__ = ["resolve_article_mentions", "resolve_corpus", "summarise"]


def resolve_article_mentions(parsed, raw: pd.DataFrame) -> pd.DataFrame:
    """Add ``entity`` and ``label`` to one article's raw mentions (no resolution yet)."""
    out = raw.copy()
    out["entity"] = out["text"]
    out["label"] = out["spacy_label"]
    return out


def resolve_corpus(tables: dict[str, pd.DataFrame], *, aliases=None) -> dict[str, pd.DataFrame]:
    """Resolve entities across the corpus and add ``entities`` and ``cooccurrence``."""
    return {**tables, **summarise(tables)}


def summarise(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Corpus-level tables from resolved mentions: ``entities`` and ``cooccurrence``."""
    m = tables["mentions"]
    ents = (m.groupby(["entity", "label"]).agg(mentions=("text", "size"), articles=("article_id", "nunique"))
            .reset_index().sort_values("mentions", ascending=False, ignore_index=True))
    ents["aliases"] = [[e] for e in ents["entity"]]
    return {"entities": ents, "cooccurrence": pd.DataFrame(columns=["entity_a", "entity_b", "scope", "count"])}
