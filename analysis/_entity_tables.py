"""Corpus-level entity tables from resolved mentions: ``entities``, ``cooccurrence``
and keyword-in-context rows. All vectorised with pandas."""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["ENTITY_COLUMNS", "COOCCURRENCE_COLUMNS", "KWIC_COLUMNS", "entity_table", "cooccurrence_table",
           "kwic_table"]

#: Columns of the ``entities`` table.
ENTITY_COLUMNS = ["entity", "label", "mentions", "articles", "sources", "first_seen", "last_seen", "aliases",
                  "country", "polarity", "subjectivity"]
#: Columns of the ``cooccurrence`` table (``entity_a`` < ``entity_b``).
COOCCURRENCE_COLUMNS = ["entity_a", "entity_b", "label_a", "label_b", "scope", "count"]
#: Columns of :func:`kwic_table`.
KWIC_COLUMNS = ["entity", "label", "article_id", "title", "published", "sentence_id", "start", "end", "left",
                "mention", "right", "sentence"]
_CHUNK = 20_000  # articles per co-occurrence chunk, to bound memory


def _labels(m: pd.DataFrame) -> pd.Series:
    """Entity → its most common label."""
    counts = m.groupby(["entity", "label"], sort=False).size().rename("n").reset_index()
    best = counts.sort_values("n", ascending=False, kind="stable").drop_duplicates("entity")
    return best.set_index("entity")["label"]


def entity_table(mentions: pd.DataFrame, articles: pd.DataFrame | None,
                 sentences: pd.DataFrame | None) -> pd.DataFrame:
    """One row per entity (see :data:`ENTITY_COLUMNS`), most mentioned first, then by name."""
    m = mentions
    if m is None or not len(m):
        return pd.DataFrame(columns=ENTITY_COLUMNS)
    g = m.groupby("entity", sort=False)
    out = pd.DataFrame({"mentions": g.size(), "articles": g["article_id"].nunique()})
    out["label"] = _labels(m)
    per_article = m[["entity", "article_id"]].drop_duplicates()
    if articles is not None and len(articles):
        meta = articles[["article_id", "source", "published"]].drop_duplicates("article_id")
        per_article = per_article.merge(meta, on="article_id", how="left")
        pg = per_article.groupby("entity", sort=False)
        out["sources"] = pg["source"].nunique()
        published = pd.to_datetime(per_article["published"], utc=True)
        out["first_seen"] = published.groupby(per_article["entity"]).min()
        out["last_seen"] = published.groupby(per_article["entity"]).max()
    else:
        out["sources"] = 0
        out["first_seen"] = out["last_seen"] = pd.NaT
    forms = m.groupby(["entity", "text"], sort=False).size().rename("n").reset_index()
    forms = forms.sort_values(["entity", "n", "text"], ascending=[True, False, True], kind="stable")
    out["aliases"] = forms.groupby("entity", sort=False)["text"].agg(list)
    if "norp_country" in m.columns:
        country = m["norp_country"].fillna("").astype("str")
        out["country"] = country[country.ne("")].groupby(m["entity"][country.ne("")]).first()
    out["country"] = out.get("country", pd.Series(dtype="str")).reindex(out.index).fillna("")
    out["polarity"], out["subjectivity"] = np.nan, np.nan
    if sentences is not None and len(sentences) and "polarity" in sentences.columns:
        hits = m.loc[m["sentence_id"] >= 0, ["entity", "article_id", "sentence_id"]].drop_duplicates()
        hits = hits.merge(sentences[["article_id", "sentence_id", "polarity", "subjectivity"]],
                          on=["article_id", "sentence_id"], how="inner")
        sg = hits.groupby("entity", sort=False)
        out["polarity"] = sg["polarity"].mean()
        out["subjectivity"] = sg["subjectivity"].mean()
    out["sources"] = out["sources"].fillna(0).astype("int64")
    out = out.rename_axis("entity").reset_index()
    out = out.sort_values(["mentions", "entity"], ascending=[False, True], kind="stable", ignore_index=True)
    return out[ENTITY_COLUMNS]


def _pairs(units: pd.DataFrame, n_codes: int) -> np.ndarray:
    """Pair keys (a * n_codes + b, a < b) of the entity codes sharing a unit (integer columns only)."""
    pairs = units.merge(units, on="unit", suffixes=("_a", "_b"))
    a, b = pairs["code_a"].to_numpy(np.int64), pairs["code_b"].to_numpy(np.int64)
    keep = a < b
    return a[keep] * n_codes + b[keep]


def cooccurrence_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """Entity pairs mentioned in one sentence (``scope="sentence"``) or one article
    (``scope="article"``), with the number of sentences or articles."""
    m = mentions
    if m is None or not len(m):
        return pd.DataFrame(columns=COOCCURRENCE_COLUMNS)
    codes, names = pd.factorize(m["entity"], sort=True)
    articles = pd.factorize(m["article_id"])[0].astype(np.int64)
    sentences = m["sentence_id"].to_numpy(np.int64)
    n = len(names)
    labels = _labels(m)
    parts = []
    for scope in ("sentence", "article"):
        if scope == "sentence":
            keep = sentences >= 0
            unit = articles[keep] * (int(sentences.max()) + 2) + sentences[keep]
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
        return pd.DataFrame(columns=COOCCURRENCE_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    out["label_a"] = out["entity_a"].map(labels)
    out["label_b"] = out["entity_b"].map(labels)
    out = out.sort_values(["scope", "count", "entity_a", "entity_b"], ascending=[False, False, True, True],
                          kind="stable", ignore_index=True)
    return out[COOCCURRENCE_COLUMNS]


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
