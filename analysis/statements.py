"""Statements across outlets: one speaker's quotations of the same words, grouped, with their drift.

A *statement* is what one speaker said once, as carried by every article that quotes it: verbatim,
trimmed, as a fragment, or lightly reworded. Grouping is decided per speaker (different speakers'
words are never merged, however alike; quotations with no speaker are each their own statement) on
normalised words: Unicode NFKC, one kind of quote mark, lower case, contractions expanded ("don't" =
"do not"), punctuation dropped. Two quotations of one speaker are one statement when

- their words are the same, or
- the shorter has at least ``MIN_FRAGMENT`` words and ``CONTAINED`` of them appear, in order, in the
  longer (a trimmed quotation or a fragment worked into reported speech), or
- they are of similar length (the shorter at least ``SIMILAR_LENGTH`` of the longer) and
  ``difflib``'s ratio of their words is at least ``REWORDED`` (light rewording).

Cost: quotations are taken longest first and compared only with the few statements that share a
word trigram with them (an inverted index per speaker), so the work grows with the number of
quotations, not with their pairs; a corpus is processed speaker by speaker and never needs more
than one speaker's quotations at once (:func:`assign_statements` accepts them in blocks of whole
speakers: a store's quotations are streamed that way, ordered by speaker, when ``process`` ends).

Columns of :func:`statements` (one row per statement):

- ``statement_id``: ``st-`` and 12 hex digits, stable for the same speaker and first quotation.
- ``speaker``; ``text``: the earliest wording; ``kind``: its kind.
- ``first_published``, ``first_source``, ``first_article_id``, ``first_quote_id``: the first report
  (by publication time; undated articles come last, then by article id and offset).
- ``last_published``; ``n_quotes``, ``n_articles``, ``n_sources``; ``sources``: the outlets in order
  of their first report; ``n_wordings``: distinct normalised wordings.
"""
from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

import pandas as pd

__all__ = ["normalise", "words", "relation", "assign_statements", "with_statements", "statements", "drift",
           "spread_rows",
           "STATEMENT_COLUMNS", "DRIFT_COLUMNS", "SPREAD_COLUMNS"]

MIN_FRAGMENT = 3
CONTAINED = 0.85
SIMILAR_LENGTH = 0.6
REWORDED = 0.75
CANDIDATES = 8  # statements compared with one quotation, those sharing the most trigrams

STATEMENT_COLUMNS = ["statement_id", "speaker", "text", "kind", "first_published", "first_source",
                     "first_article_id", "first_quote_id", "last_published", "n_quotes", "n_articles",
                     "n_sources", "sources", "n_wordings"]
SPREAD_COLUMNS = ["rank", "statement_id", "speaker", "label", "published", "source", "article_id", "quote_id",
                  "text", "is_first"]
DRIFT_COLUMNS = ["statement_id", "speaker", "wording", "relation", "first_published", "first_source",
                 "first_quote_id", "n_quotes", "sources", "is_first", "dropped", "added", "changed"]

_MARKS = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00ab": '"',
                        "\u00bb": '"', "\u2032": "'"})
#: (rule, replacement, the text every match of the rule contains).
_CONTRACTIONS = [(re.compile(p), r, p.replace("\\b", "")) for p, r in (
    (r"\bwon't\b", "will not"), (r"\bcan't\b", "can not"), (r"\bcannot\b", "can not"),
    (r"\bshan't\b", "shall not"), (r"\bain't\b", "is not"), (r"n't\b", " not"), (r"'re\b", " are"),
    (r"'ll\b", " will"), (r"'ve\b", " have"), (r"'m\b", " am"), (r"'d\b", " would"),
    (r"\blet's\b", "let us"))]
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def normalise(text: str | None) -> str:
    """The words of a quotation as they are compared: one string, single spaces."""
    return " ".join(words(text))


def words(text: str | None) -> list[str]:
    """Normalised words of a text (see the module docstring)."""
    if not text:
        return []
    text = unicodedata.normalize("NFKC", text).translate(_MARKS).lower()
    for pattern, repl, core in _CONTRACTIONS:
        if core in text:  # no match without it (and no replacement makes one for a later rule)
            text = pattern.sub(repl, text)
    return _WORD.findall(text)


def _trigrams(ws: list[str]) -> set[tuple[str, ...]]:
    return set(zip(ws, ws[1:], ws[2:]))


def relation(shorter: list[str], longer: list[str]) -> str | None:
    """How two wordings of one speaker relate: "same", "excerpt", "reworded", or None (different)."""
    if shorter == longer:
        return "same"
    if len(shorter) > len(longer):
        shorter, longer = longer, shorter
    if len(shorter) < MIN_FRAGMENT:
        return None
    matcher = difflib.SequenceMatcher(None, shorter, longer, autojunk=False)
    blocks = matcher.get_matching_blocks()
    if len(shorter) >= SIMILAR_LENGTH * len(longer) and matcher.ratio() >= REWORDED:
        return "reworded"
    longest = max(block.size for block in blocks)
    if len(shorter) <= 2 * MIN_FRAGMENT:  # a short fragment must appear as it is
        return "excerpt" if longest == len(shorter) else None
    if sum(block.size for block in blocks) >= CONTAINED * len(shorter) and longest >= len(shorter) / 2:
        return "excerpt"
    return None


def _order(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotations in time order: published (undated last), article, offset."""
    published = pd.to_datetime(quotes["published"], utc=True) if "published" in quotes else pd.NaT
    return (quotes.assign(_published=published)
            .sort_values(["_published", "article_id", "start"], na_position="last", kind="stable"))


def _statement_id(speaker: str, first_quote_id: str) -> str:
    return "st-" + hashlib.sha1(f"{speaker}\0{first_quote_id}".encode("utf-8")).hexdigest()[:12]


def _related(a: list[str], b: list[str], ca: Counter, cb: Counter) -> bool:
    """:func:`relation` is not None, with an exact bound first: both rules need the words the two share
    (counted with repeats) to be at least ``min(CONTAINED, REWORDED)`` of the shorter's."""
    shorter = min(len(a), len(b))
    if sum((ca & cb).values()) < min(CONTAINED, REWORDED) * shorter:
        return False
    return relation(a, b) is not None


def _group_one_speaker(texts: list[str]) -> list[list[int]]:
    """Positions (into texts, which are in time order) of each statement's quotations."""
    toks = [words(t) for t in texts]
    counts = [Counter(t) for t in toks]
    order = sorted(range(len(toks)), key=lambda i: (-len(toks[i]), i))
    groups: list[list[int]] = []
    exact: dict[tuple[str, ...], int] = {}
    index: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i in order:
        key = tuple(toks[i])
        if key in exact:
            groups[exact[key]].append(i)
            continue
        shared: dict[int, int] = defaultdict(int)
        grams = _trigrams(toks[i])
        for gram in grams:
            for g in index.get(gram, ()):
                shared[g] += 1
        best = None
        for g in sorted(shared, key=lambda g: (-shared[g], g))[:CANDIDATES]:
            if any(_related(toks[i], toks[m], counts[i], counts[m]) for m in groups[g][:CANDIDATES]):
                best = g
                break
        if best is None:
            best = len(groups)
            groups.append([])
        groups[best].append(i)
        exact[key] = best
        for gram in grams:
            index[gram].add(best)
    return [sorted(g) for g in groups]


def assign_statements(quotes: pd.DataFrame) -> pd.Series:
    """The ``statement_id`` of every quotation (a Series on quotes' index).

    Args:
        quotes: Quotations with at least ``quote_id``, ``article_id``, ``start``, ``text`` and
            ``speaker`` (and ``published`` for the time order). Rows of other speakers do not
            change a speaker's statements, so a corpus may be passed speaker by speaker.
    """
    if quotes.empty:
        return pd.Series(pd.NA, index=quotes.index, dtype="string")
    ordered = _order(quotes)
    speakers = ordered["speaker"].astype("string").fillna("").to_numpy()
    quote_ids = ordered["quote_id"].astype(str).to_numpy()
    texts = ordered["text"].astype("string").fillna("").to_numpy()
    ids = [_statement_id("", qid) for qid in quote_ids]  # no speaker: each its own statement
    positions: dict[str, list[int]] = defaultdict(list)
    for pos, speaker in enumerate(speakers):
        if speaker:
            positions[speaker].append(pos)
    for speaker in sorted(positions):
        where = positions[speaker]
        for group in _group_one_speaker([texts[p] for p in where]):
            sid = _statement_id(speaker, quote_ids[where[group[0]]])
            for k in group:
                ids[where[k]] = sid
    return pd.Series(ids, index=ordered.index, dtype="string").reindex(quotes.index)


def with_statements(quotes: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` with its ``statement_id`` column (:func:`assign_statements`), as every quotes table of a
    corpus has it: :func:`analysis.analyse` and a store's ``process`` add it."""
    return quotes.assign(statement_id=assign_statements(quotes))


def _unique(values: Iterable) -> tuple:
    return tuple(dict.fromkeys(v for v in values if isinstance(v, str) and v))


def statements(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per statement (columns: :data:`STATEMENT_COLUMNS`), most widely carried first.

    Args:
        quotes: The quotes table, with ``statement_id`` (added by :func:`assign_statements` when missing).
    """
    if "statement_id" not in quotes:
        quotes = quotes.assign(statement_id=assign_statements(quotes))
    if quotes.empty:
        return pd.DataFrame(columns=STATEMENT_COLUMNS)
    source = quotes["source"] if "source" in quotes else pd.Series(pd.NA, index=quotes.index, dtype="string")
    ordered = _order(quotes.assign(source=source))
    ordered = ordered.assign(_norm=ordered["text"].map(normalise))
    by = ordered.groupby("statement_id", sort=False)
    first = ordered.drop_duplicates("statement_id").set_index("statement_id")
    named = ordered[ordered["source"].notna() & (ordered["source"].astype("string") != "")]
    outlets = named.drop_duplicates(["statement_id", "source"]).groupby("statement_id", sort=False)["source"]
    out = pd.DataFrame({
        "statement_id": first.index, "speaker": first["speaker"].to_numpy(), "text": first["text"].to_numpy(),
        "kind": first["kind"].to_numpy() if "kind" in first else pd.NA,
        "first_published": first["_published"].to_numpy(), "first_source": first["source"].to_numpy(),
        "first_article_id": first["article_id"].to_numpy(), "first_quote_id": first["quote_id"].to_numpy()})
    out["last_published"] = out["statement_id"].map(by["_published"].max())
    out["n_quotes"] = out["statement_id"].map(by.size()).astype(int)
    out["n_articles"] = out["statement_id"].map(by["article_id"].nunique()).astype(int)
    sources = outlets.agg(tuple)
    out["sources"] = [sources.get(sid, ()) for sid in out["statement_id"]]
    out["n_sources"] = out["sources"].map(len)
    out["n_wordings"] = out["statement_id"].map(by["_norm"].nunique()).astype(int)
    out["first_published"] = pd.to_datetime(out["first_published"], utc=True)
    out["last_published"] = pd.to_datetime(out["last_published"], utc=True)
    return out[STATEMENT_COLUMNS].sort_values(["n_articles", "n_quotes", "first_published", "statement_id"],
                                              ascending=[False, False, True, True], na_position="last",
                                              ignore_index=True)


def _diff(base: list[str], other: list[str]) -> tuple[str, str, str]:
    """(dropped, added, changed) words of other against base, "; "-joined runs."""
    dropped, added, changed = [], [], []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, base, other, autojunk=False).get_opcodes():
        if op == "delete":
            dropped.append(" ".join(base[a1:a2]))
        elif op == "insert":
            added.append(" ".join(other[b1:b2]))
        elif op == "replace":
            changed.append(f"{' '.join(base[a1:a2])} → {' '.join(other[b1:b2])}")
    return "; ".join(dropped), "; ".join(added), "; ".join(changed)


def _relation_to_first(wording: list[str], first: list[str]) -> str:
    found = relation(wording, first) or "reworded"
    return "fuller" if found == "excerpt" and len(wording) > len(first) else found


def drift(quotes: pd.DataFrame, *, statement_ids: Iterable[str] | None = None,
          min_wordings: int = 2) -> pd.DataFrame:
    """Each wording of the statements carried in several wordings (columns: :data:`DRIFT_COLUMNS`).

    The first report's wording is the base (``is_first``, relation "first"); every other wording
    says how it relates to it ("excerpt": a part of it; "fuller": it contains the first wording;
    "reworded") and which words it dropped, added or changed. An excerpt's dropped words are the
    part of the statement it leaves out.

    Args:
        quotes: The quotes table, with ``statement_id`` (added when missing).
        statement_ids: Only these statements (default: all).
        min_wordings: Only statements with at least this many distinct wordings.
    """
    if "statement_id" not in quotes:
        quotes = quotes.assign(statement_id=assign_statements(quotes))
    ordered = _order(quotes)
    if statement_ids is not None:
        ordered = ordered[ordered["statement_id"].isin(set(statement_ids))]
    rows = []
    for sid, group in ordered.groupby("statement_id", sort=False):
        norms = group["text"].map(normalise)
        if norms.nunique() < min_wordings:
            continue
        base = words(group.iloc[0]["text"])
        for _, variant in group.groupby(norms, sort=False):
            first = variant.iloc[0]
            ws = words(first["text"])
            is_first = first.name == group.index[0]
            dropped, added, changed = ("", "", "") if is_first else _diff(base, ws)
            rows.append({"statement_id": sid, "speaker": first["speaker"], "wording": first["text"],
                         "relation": "first" if is_first else _relation_to_first(ws, base),
                         "first_published": first["_published"], "first_source": first.get("source"),
                         "first_quote_id": first["quote_id"], "n_quotes": len(variant),
                         "sources": _unique(variant["source"]) if "source" in variant else (),
                         "is_first": is_first, "dropped": dropped, "added": added, "changed": changed})
    out = pd.DataFrame(rows, columns=DRIFT_COLUMNS)
    out["first_published"] = pd.to_datetime(out["first_published"], utc=True)
    return out


def spread_rows(quotes: pd.DataFrame, *, top_n: int = 10, min_articles: int = 2,
                label_chars: int = 70) -> pd.DataFrame:
    """Every quotation of the most widely carried statements, for a chart of their spread.

    Columns: :data:`SPREAD_COLUMNS`: ``rank`` (1 = carried by the most articles), ``label``
    (speaker and the start of the first wording), ``is_first`` (the first report).

    Args:
        quotes: The quotes table, with ``statement_id`` (added when missing).
        top_n: How many statements.
        min_articles: Only statements carried by at least this many articles.
        label_chars: Length of the statement's text in ``label``.
    """
    if "statement_id" not in quotes:
        quotes = quotes.assign(statement_id=assign_statements(quotes))
    table = statements(quotes)
    table = table[table["n_articles"] >= min_articles].head(top_n)
    if table.empty:
        return pd.DataFrame(columns=SPREAD_COLUMNS)
    rank = {sid: i + 1 for i, sid in enumerate(table["statement_id"])}
    label = {r.statement_id: f"{r.speaker}: “{_shorten(r.text, label_chars)}”" for r in table.itertuples()}
    first = set(table["first_quote_id"])
    rows = _order(quotes[quotes["statement_id"].isin(rank)])
    out = pd.DataFrame({"rank": rows["statement_id"].map(rank), "statement_id": rows["statement_id"],
                        "speaker": rows["speaker"], "label": rows["statement_id"].map(label),
                        "published": rows["_published"], "source": rows.get("source"),
                        "article_id": rows["article_id"], "quote_id": rows["quote_id"], "text": rows["text"],
                        "is_first": rows["quote_id"].isin(first)})
    return out.sort_values(["rank", "published"], kind="stable", na_position="last", ignore_index=True)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(str(text).split()).strip(" ,.;:")
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"
