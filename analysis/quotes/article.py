"""The quote table of one parsed article: :func:`extract_quotes` (part of :mod:`analysis.quotes`).

Marked quotations (:mod:`analysis.quotes.marks`, :mod:`analysis.quotes.attribution`) and reported speech
no quotation carries (:mod:`analysis.quotes.indirect`), in text order, scored for sentiment, in a frame
of :data:`analysis.quotes.schema.QUOTE_COLUMNS` then :data:`analysis.quotes.schema.EXTRA_COLUMNS`.
"""
from __future__ import annotations

import bisect
import operator
from dataclasses import fields

import numpy as np
import pandas as pd

from analysis.frames import frame, str_column
from analysis.quotes.attribution import attribute_marked
from analysis.quotes.indirect import Reported, find_indirect
from analysis.quotes.marks import find_quotes
from analysis.quotes.schema import DTYPES, EXTRA_COLUMNS, QUOTE_COLUMNS, Quote
from analysis.quotes.speakers import ArticleContext
from analysis.sentiment import score

_FIELDS = tuple(f.name for f in fields(Quote))
_COLUMNS = pd.Index(QUOTE_COLUMNS + EXTRA_COLUMNS)
_ROW = operator.attrgetter(*_FIELDS)


def extract_quotes(parsed, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Quotations of one parsed article, with speakers, in text order.

    Args:
        parsed: An :class:`analysis.nlp.ParsedArticle`.
        tables: The article's tables made so far; ``tables["mentions"]`` (with
            the article-level ``entity``) names the speakers.

    Returns:
        One row per quotation: :data:`QUOTE_COLUMNS` then :data:`EXTRA_COLUMNS`.
    """
    units = sorted(parsed.units, key=lambda u: u.paragraph)
    texts = [u.text for u in units]
    marked = find_quotes(texts)
    spans = []
    for mq in marked:
        for s in mq.segments:
            base = units[s.paragraph].start
            spans.append((base + s.open_pos, base + (s.close_pos if s.close_pos is not None else s.end)))
    ctx = ArticleContext(parsed, tables.get("mentions"), spans)
    reported = find_indirect(ctx, source=parsed.article.source)
    by_paragraph: dict[int, list[Reported]] = {}
    for r in reported:
        by_paragraph.setdefault(r.paragraph, []).append(r)
    rows = attribute_marked(ctx, marked, by_paragraph)
    taken = sorted((q.start, q.end) for q in rows)
    for r in reported:
        k = bisect.bisect_left(taken, (r.end, -1))
        if k and taken[k - 1][1] > r.start:
            continue  # a quotation inside the clause carries the statement (or the clause is a quotation's)
        rows.append(Quote(r.paragraph, r.start, r.end, r.text, "indirect", r.speaker.name, r.speaker.label, r.cue,
                          r.speaker.start, r.speaker.end, r.cue_start, r.cue_end, f"{r.start}-{r.end}", "indirect",
                          r.text, r.start, r.end, r.unnamed))
    rows.sort(key=lambda q: (q.start, q.end))
    if not rows:
        return pd.DataFrame([], columns=QUOTE_COLUMNS + EXTRA_COLUMNS).astype(DTYPES)
    scores = [score(q.text) for q in rows]
    values = {"quote_id": list(range(len(rows))), **dict(zip(_FIELDS, map(list, zip(*map(_ROW, rows))))),
              "polarity": [s[0] for s in scores], "subjectivity": [s[1] for s in scores]}
    # columns built with their final dtypes: the same frame as rows + astype(DTYPES), without the copies
    return frame(_COLUMNS, [_typed(values[c], DTYPES.get(c)) for c in QUOTE_COLUMNS + EXTRA_COLUMNS])


def _typed(values: list, dtype: str | None):
    """A column's values as an array of ``dtype`` (a list, for pandas to infer, when None)."""
    if dtype is None:
        return str_column(values)  # the str array pandas would infer, or the list for it to infer
    if dtype == "Int64" and all(v is None or type(v) is int for v in values):  # pd.array's, without its checks
        return pd.arrays.IntegerArray(np.array([0 if v is None else v for v in values], dtype=np.int64),
                                      np.array([v is None for v in values], dtype=bool))
    return pd.array(values, dtype=dtype) if dtype[0].isupper() else np.array(values, dtype=dtype)
