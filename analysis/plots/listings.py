"""The tables of the reports: each a few columns of a result, formatted and linked to the reader.

Every function returns an :class:`analysis.plots.tables.InteractiveTable` (sortable, searchable,
paginated, every row). ``reader`` is the article reader's folder relative to the report
(:mod:`analysis.plots.links`); "" shows no links.
"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.plots.links import mention_anchor, paragraph_anchor, reader_href, sentence_anchor
from analysis.plots.tables import Col, InteractiveTable, esc, link, table
from analysis.quotes.table import described_source

__all__ = ["quotes_table", "frame_table", "kwic_table", "TITLES", "MAX_ROWS"]

#: Most rows a report table embeds (a store's selection can hold millions): the first ones are shown,
#: and the caption says where the rest are (the run's tables/ folder).
MAX_ROWS = 20_000

#: Header of a column by name (others are shown as named, underscores as spaces).
TITLES = {"published": "Date", "source": "Outlet", "article_id": "Article", "first_published": "First published",
          "first_source": "First outlet", "last_published": "Last published", "n_quotes": "Quotations",
          "n_articles": "Articles", "n_sources": "Outlets", "n_wordings": "Wordings", "text": "Text",
          "polarity": "Polarity", "subjectivity": "Subjectivity", "first_seen": "First seen", "last_seen": "Last seen",
          "mean_polarity": "Mean polarity", "speaker": "Speaker", "entity": "Entity", "label": "Label",
          "kind": "Kind", "cue": "Cue", "title": "Headline", "mentions": "Mentions", "articles": "Articles",
          "sources": "Outlets", "aliases": "Aliases", "quotes": "Quotations", "outlets": "Outlets",
          "textblob": "TextBlob", "vader": "VADER", "textblob_why": "TextBlob's phrases", "vader_why": "VADER's words"}
#: Columns that are offsets or ids, not for reading: not shown unless asked for (they still make the links).
HIDDEN = {"quote_id", "start", "end", "sentence_id", "paragraph", "is_headline", "speaker_start", "speaker_end",
          "cue_start", "cue_end", "segments", "attribution", "statement_id", "first_quote_id", "first_article_id"}
_SCORES = ("polarity", "subjectivity", "textblob", "vader", "mean", "compound", "se", "ci", "sd")


def _speaker_cell(speaker: object, unnamed_source: object) -> str:
    """The speaker; an unnamed source's description muted (beside a spokesperson's organisation, or alone)."""
    who = described_source(speaker, unnamed_source)
    if isinstance(speaker, str) and speaker:
        return esc(speaker) + (f' <span class="nl-muted">{esc(who[len(speaker):].strip())}</span>'
                               if who != speaker else "")
    return f'<span class="nl-muted">{esc(who)}</span>'


def quotes_table(rows: pd.DataFrame, *, articles: pd.DataFrame | None = None, reader: str = "",
                 caption: str = "") -> InteractiveTable:
    """Every quotation of :func:`analysis.quotes.table.quote_rows`: ``#`` (its number on the timeline),
    date, outlet, speaker (or the unnamed source, or *unattributed*), kind, the words (linked to their place
    in the article reader), cue, polarity and the article's headline (linked to the article)."""
    titles = _headlines(articles)
    if len(rows) > MAX_ROWS:
        caption = (f"The first {MAX_ROWS:,} of {len(rows):,} quotations (all of them are in tables/quotes.csv "
                   "beside this report). " + caption).strip()
        rows = rows.head(MAX_ROWS)

    def words(frame: pd.DataFrame) -> list[str]:
        return [link(t, reader_href(reader, a, q), title="read it in the article")
                for t, a, q in zip(frame["text"], frame["article_id"], frame["quote_id"], strict=True)]

    def headline(frame: pd.DataFrame) -> list[str]:
        return [link(titles.get(a) or a, reader_href(reader, a)) for a in frame["article_id"]]

    def speaker(frame: pd.DataFrame) -> list[str]:
        unnamed = frame["unnamed_source"] if "unnamed_source" in frame else [None] * len(frame)
        return [_speaker_cell(s, u) for s, u in zip(frame["speaker"], unnamed, strict=True)]

    columns = [Col("published", "Date", "date"), Col("source", "Outlet", "mid"), Col("speaker", "Speaker", "mid"),
               Col("kind", "Kind"), Col("text", "Quotation", "wide"), Col("cue", "Cue"),
               Col("polarity", "Polarity", "polarity"), Col("article_id", "Article", "mid")]
    return table(rows, columns, caption=caption, keys=list(rows["quote_id"]), numbers=list(rows["n"]),
                 cells={"text": words, "article_id": headline, "speaker": speaker})


def _kind(name: str, values: pd.Series) -> str:
    if pd.api.types.is_datetime64_any_dtype(values) or name in ("published", "first_published", "last_published",
                                                                "first_seen", "last_seen", "first", "last", "day"):
        return "date"
    if pd.api.types.is_bool_dtype(values):
        return "text"
    if pd.api.types.is_integer_dtype(values):
        return "number"
    if pd.api.types.is_float_dtype(values):
        return "polarity" if any(k in name for k in _SCORES) else "float"
    sample = values.dropna().astype(str).head(200)
    length = sample.str.len().mean() if len(sample) else 0
    return "wide" if length > 50 else "mid" if length > 14 else "text"


def _headlines(articles: pd.DataFrame | None) -> dict[str, str]:
    if articles is None or not len(articles):
        return {}
    return {a: t for a, t in zip(articles["article_id"], articles["title"], strict=True) if isinstance(t, str) and t}


def kwic_table(kwic: pd.DataFrame, *, articles: pd.DataFrame | None = None, reader: str = "") -> InteractiveTable:
    """Keyword in context (:func:`analysis.entities.keyword_in_context`): the entity, its mention in the
    words around it (linked to the mention in the article reader), the article's headline and date."""
    heads = _headlines(articles)

    def context(f: pd.DataFrame) -> list[str]:
        out = []
        for left, mention, right, aid, start in zip(f["left"], f["mention"], f["right"], f["article_id"], f["start"],
                                                    strict=True):
            href = reader_href(reader, aid, mention_anchor(start) if pd.notna(start) and start >= 0 else None)
            words = f'{esc(left)} <b>{esc(mention)}</b> {esc(right)}'
            out.append(f'<a href="{href}">{words}</a>' if href else words)
        return out

    def headline(f: pd.DataFrame) -> list[str]:
        return [link(heads.get(a) or a, reader_href(reader, a)) for a in f["article_id"]]

    columns = [Col("entity", "Entity", "mid"), Col("mention", "In context", "wide"),
               Col("article_id", "Article", "mid"), Col("published", "Date", "date")]
    return table(kwic, columns, cells={"mention": context, "article_id": headline})


def frame_table(frame: pd.DataFrame, *, reader: str = "", columns: Sequence[str] | None = None,
                titles: dict[str, str] | None = None, caption: str = "", page_length: int = 10,
                articles: pd.DataFrame | None = None) -> InteractiveTable:
    """Any result table, formatted by column: dates, scores (``+0.125``), counts, long text wrapping in a
    wide column, lists joined by ``;``; an ``article_id`` links to the reader (at the row's quotation,
    ``quote_id``, mention, sentence or paragraph, when the row has one), shown as the article's headline
    when ``articles`` is given. Offsets and ids (:data:`HIDDEN`) are not shown unless named in ``columns``;
    a ``quote_id`` is the row's key for links."""
    headlines = _headlines(articles)
    frame = frame.reset_index(drop=True)
    names = [c for c in (columns or [c for c in frame.columns if c not in HIDDEN]) if c in frame.columns]
    heads = {**TITLES, **(titles or {})}
    anchors: list[object] = [None] * len(frame)
    if "quote_id" in frame:
        anchors = list(frame["quote_id"])
    elif "mention" in frame and "start" in frame:
        anchors = [mention_anchor(p) if pd.notna(p) and p >= 0 else None for p in frame["start"]]
    elif "sentence_id" in frame:
        anchors = [sentence_anchor(p) if pd.notna(p) else None for p in frame["sentence_id"]]
    elif "paragraph" in frame:
        anchors = [paragraph_anchor(p) if pd.notna(p) else None for p in frame["paragraph"]]

    def article(f: pd.DataFrame) -> list[str]:
        return [link(headlines.get(a) or a, reader_href(reader, a, anchor))
                for a, anchor in zip(f["article_id"], anchors, strict=True)]

    cols = [Col(c, heads.get(c, c.replace("_", " ").capitalize()), "mid" if c == "article_id" else _kind(c, frame[c]))
            for c in names]
    keys = [str(k) for k in frame["quote_id"]] if "quote_id" in frame else None
    return table(frame, cols, caption=caption, keys=keys, page_length=page_length, scroll=len(cols) > 9,
                 cells={"article_id": article} if "article_id" in names else None)
