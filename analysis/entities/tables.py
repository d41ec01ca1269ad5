"""Corpus-level entity tables from resolved mentions: ``entities``, ``cooccurrence``
and keyword-in-context rows. All vectorised with pandas; ``entities`` and ``cooccurrence``
also from parts computed over disjoint sets of articles and added up (for a store read in chunks)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["ENTITY_COLUMNS", "COOCCURRENCE_COLUMNS", "KWIC_COLUMNS", "EntityParts", "entity_table",
           "entity_parts", "combine_entity_parts", "finish_entity_table", "label_counts", "best_labels",
           "cooccurrence_table", "pair_counts", "combine_pair_counts", "finish_cooccurrence", "kwic_table"]

#: Columns of the ``entities`` table.
ENTITY_COLUMNS = ["entity", "label", "mentions", "articles", "sources", "first_seen", "last_seen", "aliases",
                  "country", "polarity", "subjectivity"]
#: Columns of the ``cooccurrence`` table (``entity_a`` < ``entity_b``).
COOCCURRENCE_COLUMNS = ["entity_a", "entity_b", "label_a", "label_b", "scope", "count"]
#: Columns of :func:`kwic_table`.
KWIC_COLUMNS = ["entity", "label", "article_id", "title", "published", "sentence_id", "start", "end", "left",
                "mention", "right", "sentence"]
_CHUNK = 20_000  # articles per co-occurrence chunk, to bound memory


@dataclass(frozen=True)
class EntityParts:
    """What :func:`entity_table` needs from some articles' resolved mentions, in a form that
    adds up over disjoint sets of articles (:func:`combine_entity_parts`).

    Attributes:
        labels: entity, label, n (mentions), pos (row of the first mention).
        articles: entity → articles that mention it.
        sources: Distinct (entity, source) of the articles that mention it.
        seen: entity → first_seen, last_seen (publication times).
        forms: entity, text, n (mentions with that surface form).
        country: entity, country, pos: the first non-empty NORP country.
        tone: entity → sums and counts of the polarity and subjectivity of the sentences that mention it.
    """

    labels: pd.DataFrame
    articles: pd.Series
    sources: pd.DataFrame
    seen: pd.DataFrame
    forms: pd.DataFrame
    country: pd.DataFrame
    tone: pd.DataFrame


_TONE = ["polarity_sum", "polarity_n", "subjectivity_sum", "subjectivity_n"]


def _first_pos(m: pd.DataFrame, offset: int) -> np.ndarray:
    return np.arange(offset, offset + len(m), dtype=np.int64)


def label_counts(m: pd.DataFrame, *, offset: int = 0) -> pd.DataFrame:
    """Mentions per (entity, label) with the row of the first (``offset`` + position in ``m``)."""
    frame = pd.DataFrame({"entity": m["entity"].to_numpy(), "label": m["label"].to_numpy(),
                          "pos": _first_pos(m, offset)})
    return (frame.groupby(["entity", "label"], sort=False, dropna=False).agg(n=("pos", "size"), pos=("pos", "min"))
            .reset_index())


def best_labels(counts: pd.DataFrame) -> pd.Series:
    """Entity → its most common label (ties: the label seen first), from :func:`label_counts`."""
    counts = counts[counts["label"].notna()].sort_values("pos", kind="stable")
    best = counts.sort_values("n", ascending=False, kind="stable").drop_duplicates("entity")
    return best.set_index("entity")["label"]


def _labels(m: pd.DataFrame) -> pd.Series:
    """Entity → its most common label."""
    return best_labels(label_counts(m))


def entity_parts(mentions: pd.DataFrame, articles: pd.DataFrame | None, sentences: pd.DataFrame | None, *,
                 offset: int = 0) -> EntityParts:
    """The :class:`EntityParts` of resolved mentions; ``offset`` numbers their rows after earlier parts."""
    m = mentions
    pos = pd.Series(_first_pos(m, offset), index=m.index)
    g = m.groupby("entity", sort=False)
    per_article = m[["entity", "article_id"]].drop_duplicates()
    if articles is not None and len(articles):
        meta = articles[["article_id", "source", "published"]].drop_duplicates("article_id")
        per_article = per_article.merge(meta, on="article_id", how="left")
        sources = per_article[["entity", "source"]].dropna().drop_duplicates()
        published = pd.to_datetime(per_article["published"], utc=True)
        pg = published.groupby(per_article["entity"])
        seen = pd.DataFrame({"first_seen": pg.min(), "last_seen": pg.max()})
    else:
        sources = pd.DataFrame({"entity": pd.Series(dtype="str"), "source": pd.Series(dtype="str")})
        seen = pd.DataFrame({"first_seen": pd.Series(dtype="datetime64[us, UTC]"),
                             "last_seen": pd.Series(dtype="datetime64[us, UTC]")})
    forms = m.groupby(["entity", "text"], sort=False).size().rename("n").reset_index()
    if "norp_country" in m.columns:
        country = m["norp_country"].fillna("").astype("str")
        has = country.ne("")
        country = pd.DataFrame({"entity": m["entity"][has], "country": country[has], "pos": pos[has]})
        country = country.drop_duplicates("entity")
    else:
        country = pd.DataFrame({"entity": pd.Series(dtype="str"), "country": pd.Series(dtype="str"),
                                "pos": pd.Series(dtype="int64")})
    tone = pd.DataFrame(columns=_TONE, dtype="float64")
    if sentences is not None and len(sentences) and "polarity" in sentences.columns:
        hits = m.loc[m["sentence_id"] >= 0, ["entity", "article_id", "sentence_id"]].drop_duplicates()
        hits = hits.merge(sentences[["article_id", "sentence_id", "polarity", "subjectivity"]],
                          on=["article_id", "sentence_id"], how="inner")
        sg = hits.groupby("entity", sort=False)
        tone = pd.DataFrame({"polarity_sum": sg["polarity"].sum(), "polarity_n": sg["polarity"].count(),
                             "subjectivity_sum": sg["subjectivity"].sum(),
                             "subjectivity_n": sg["subjectivity"].count()})
    return EntityParts(labels=label_counts(m, offset=offset), articles=g["article_id"].nunique(), sources=sources,
                       seen=seen, forms=forms, country=country, tone=tone)


def combine_entity_parts(a: EntityParts, b: EntityParts) -> EntityParts:
    """The parts of two disjoint sets of articles (``a``'s rows before ``b``'s) as one."""
    def cat(x: pd.DataFrame, y: pd.DataFrame) -> pd.DataFrame:
        return pd.concat([f for f in (x, y) if len(f)] or [x])

    labels = (cat(a.labels, b.labels).groupby(["entity", "label"], sort=False, dropna=False)
              .agg(n=("n", "sum"), pos=("pos", "min")))
    seen = cat(a.seen, b.seen).groupby(level=0).agg(first_seen=("first_seen", "min"), last_seen=("last_seen", "max"))
    forms = cat(a.forms, b.forms).groupby(["entity", "text"], sort=False)["n"].sum().reset_index()
    return EntityParts(labels=labels.reset_index(), articles=a.articles.add(b.articles, fill_value=0).astype("int64"),
                       sources=cat(a.sources, b.sources).drop_duplicates(), seen=seen, forms=forms,
                       country=cat(a.country, b.country).drop_duplicates("entity"),
                       tone=cat(a.tone, b.tone).groupby(level=0).sum())


def finish_entity_table(parts: EntityParts) -> pd.DataFrame:
    """The ``entities`` table (see :data:`ENTITY_COLUMNS`) from its parts, most mentioned first, then by name."""
    if not len(parts.labels):
        return pd.DataFrame(columns=ENTITY_COLUMNS)
    out = pd.DataFrame({"mentions": parts.labels.groupby("entity", sort=False)["n"].sum()})
    out["articles"] = parts.articles
    out["label"] = best_labels(parts.labels)
    out["sources"] = parts.sources.groupby("entity")["source"].nunique()
    out["first_seen"] = parts.seen["first_seen"]
    out["last_seen"] = parts.seen["last_seen"]
    forms = parts.forms.sort_values(["entity", "n", "text"], ascending=[True, False, True], kind="stable")
    out["aliases"] = forms.groupby("entity", sort=False)["text"].agg(list)
    out["country"] = parts.country.set_index("entity")["country"].reindex(out.index).fillna("")
    out["polarity"] = parts.tone["polarity_sum"] / parts.tone["polarity_n"]
    out["subjectivity"] = parts.tone["subjectivity_sum"] / parts.tone["subjectivity_n"]
    out["sources"] = out["sources"].fillna(0).astype("int64")
    out = out.rename_axis("entity").reset_index()
    out = out.sort_values(["mentions", "entity"], ascending=[False, True], kind="stable", ignore_index=True)
    return out[ENTITY_COLUMNS]


def entity_table(mentions: pd.DataFrame, articles: pd.DataFrame | None,
                 sentences: pd.DataFrame | None) -> pd.DataFrame:
    """One row per entity (see :data:`ENTITY_COLUMNS`), most mentioned first, then by name."""
    if mentions is None or not len(mentions):
        return pd.DataFrame(columns=ENTITY_COLUMNS)
    return finish_entity_table(entity_parts(mentions, articles, sentences))


def _pairs(units: pd.DataFrame, n_codes: int) -> np.ndarray:
    """Pair keys (a * n_codes + b, a < b) of the entity codes sharing a unit (integer columns only)."""
    pairs = units.merge(units, on="unit", suffixes=("_a", "_b"))
    a, b = pairs["code_a"].to_numpy(np.int64), pairs["code_b"].to_numpy(np.int64)
    keep = a < b
    return a[keep] * n_codes + b[keep]


def pair_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """Entity pairs (``entity_a`` < ``entity_b``) sharing a sentence or an article: scope and count.
    Counts of disjoint sets of articles add up."""
    m = mentions
    parts = []
    codes, names = pd.factorize(m["entity"], sort=True)
    articles = pd.factorize(m["article_id"])[0].astype(np.int64)
    sentences = m["sentence_id"].to_numpy(np.int64)
    n = len(names)
    for scope in ("sentence", "article"):
        if scope == "sentence":
            keep = sentences >= 0
            unit = articles[keep] * (int(sentences.max(initial=0)) + 2) + sentences[keep]
            chunk_of = articles[keep]
            frame = pd.DataFrame({"unit": unit, "code": codes[keep], "chunk": chunk_of // _CHUNK})
        else:
            frame = pd.DataFrame({"unit": articles, "code": codes, "chunk": articles // _CHUNK})
        frame = frame.drop_duplicates(["unit", "code"])
        keys = np.concatenate([_pairs(chunk[["unit", "code"]], n) for _, chunk in frame.groupby("chunk")]) \
            if len(frame) else np.empty(0, np.int64)
        if not len(keys):
            continue
        uniq, count = np.unique(keys, return_counts=True)
        parts.append(pd.DataFrame({"entity_a": names[uniq // n], "entity_b": names[uniq % n], "scope": scope,
                                   "count": count.astype("int64")}))
    if not parts:
        return pd.DataFrame({"entity_a": pd.Series(dtype="str"), "entity_b": pd.Series(dtype="str"),
                             "scope": pd.Series(dtype="str"), "count": pd.Series(dtype="int64")})
    return pd.concat(parts, ignore_index=True)


def combine_pair_counts(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """The :func:`pair_counts` of two disjoint sets of articles, added up."""
    if not len(a) or not len(b):
        return b if len(b) else a
    both = pd.concat([a, b], ignore_index=True)
    return both.groupby(["entity_a", "entity_b", "scope"], sort=False)["count"].sum().reset_index()


def finish_cooccurrence(pairs: pd.DataFrame, labels: pd.Series) -> pd.DataFrame:
    """The ``cooccurrence`` table from :func:`pair_counts` and entity → label."""
    if not len(pairs):
        return pd.DataFrame(columns=COOCCURRENCE_COLUMNS)
    out = pairs.copy()
    out["label_a"] = out["entity_a"].map(labels)
    out["label_b"] = out["entity_b"].map(labels)
    out = out.sort_values(["scope", "count", "entity_a", "entity_b"], ascending=[False, False, True, True],
                          kind="stable", ignore_index=True)
    return out[COOCCURRENCE_COLUMNS]


def cooccurrence_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """Entity pairs mentioned in one sentence (``scope="sentence"``) or one article
    (``scope="article"``), with the number of sentences or articles."""
    if mentions is None or not len(mentions):
        return pd.DataFrame(columns=COOCCURRENCE_COLUMNS)
    return finish_cooccurrence(pair_counts(mentions), _labels(mentions))


def kwic_table(mentions: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame | None, *,
               entities: list[str] | None = None, width: int = 60) -> pd.DataFrame:
    """Each mention in its sentence: text to its left and right (``width`` characters
    at most), its article's title and date (see :data:`KWIC_COLUMNS`)."""
    m = mentions[mentions["sentence_id"] >= 0]
    if entities is not None:
        m = m[m["entity"].isin(list(entities))]
    if not len(m) or sentences is None or not len(sentences):
        return pd.DataFrame(columns=KWIC_COLUMNS)
    s = sentences[["article_id", "sentence_id", "start", "text"]].rename(columns={"start": "s_start",
                                                                                  "text": "sentence"})
    rows = m.merge(s, on=["article_id", "sentence_id"], how="inner")
    if articles is not None and len(articles):
        rows = rows.merge(articles[["article_id", "title", "published"]], on="article_id", how="left")
    else:
        rows["title"], rows["published"] = "", pd.NaT
    lo = (rows["start"] - rows["s_start"]).to_numpy()
    hi = (rows["end"] - rows["s_start"]).to_numpy()
    sent = rows["sentence"].tolist()
    rows["left"] = [_clip(t[:a], width, left=True) for t, a in zip(sent, lo)]
    rows["mention"] = [t[a:b] for t, a, b in zip(sent, lo, hi)]
    rows["right"] = [_clip(t[b:], width, left=False) for t, b in zip(sent, hi)]
    rows = rows.sort_values(["entity", "published", "article_id", "start"], na_position="last", kind="stable",
                            ignore_index=True)
    return rows[KWIC_COLUMNS]


def _clip(text: str, width: int, *, left: bool) -> str:
    if len(text) <= width:
        return text
    return "…" + text[-(width - 1):] if left else text[:width - 1] + "…"
