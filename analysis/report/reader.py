"""The article reader: one HTML page per article, its quotations highlighted in their speakers' colours.

``outputs/<run>/read/<article id>.html`` shows the headline, outlet, date (and where the date came
from), URL and authors, then the text with every quotation in a ``<mark>`` whose ``id`` is its
``quote_id`` (the anchor every report table and chart links to), coloured by speaker, and every
entity mention underlined by label. Each quotation starts with its number in the quote table, a
link back to its row there; paragraphs are anchored ``p<n>``. Every piece of text is escaped; a
URL becomes a link only when it is ``http(s)``; the page runs no script.
"""
from __future__ import annotations

import html
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote as url_quote

import pandas as pd

from analysis.io import write_text
from analysis.plots.links import mention_anchor, page_name, paragraph_anchor, sentence_anchor
from analysis.plots.tables import fmt_date
from analysis.quotes.table import described_source

__all__ = ["Span", "SPEAKER_COLOURS", "UNATTRIBUTED_COLOUR", "highlight", "speaker_colours", "article_page",
           "write_reader", "contents_page", "READER_DIR"]

#: The reader's folder in a run folder.
READER_DIR = "read"
#: Background colours of quotations, given to an article's speakers in order of first quotation.
SPEAKER_COLOURS = ("#ffe08a", "#b8dcff", "#c5efbd", "#ffc9de", "#e0d0ff", "#b5ece6", "#ffd2a8", "#d4e6a5",
                   "#c9d3e8", "#f7c6c6", "#e8e0b0", "#f0d0f0")
#: Background of quotations without a speaker.
UNATTRIBUTED_COLOUR = "#e4e4e4"
#: Underline colour of entity mentions by label.
LABEL_COLOURS = {"PERSON": "#1a5fb4", "ORG": "#9141ac", "GPE": "#26a269", "LOC": "#26a269", "NORP": "#c64600"}


def esc(value: object) -> str:
    """HTML-escaped text (quotes included); None and NaN are ""."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


@dataclass(frozen=True)
class Span:
    """A marked stretch of text: a quotation piece or a mention."""

    start: int
    end: int
    key: str  # quote_id, or mention id
    layer: str  # "quote" or "mention"
    attrs: Mapping[str, str]  # already-escaped attribute values by name
    before: str = ""  # escaped HTML put before the first piece (the back link)


def _pieces(start: int, end: int, spans: Sequence[Span],
            points: Mapping[int, str]) -> list[tuple[int, int, Span | None, Span | None]]:
    """The text [start, end) cut at every span boundary and point: (a, b, innermost quote, innermost mention)."""
    cuts = {start, end, *points}
    for s in spans:
        if s.end > start and s.start < end:
            cuts.update((max(s.start, start), min(s.end, end)))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        covering = [s for s in spans if s.start <= a and s.end >= b]
        quote = min((s for s in covering if s.layer == "quote"), key=lambda s: s.end - s.start, default=None)
        mention = min((s for s in covering if s.layer == "mention"), key=lambda s: s.end - s.start, default=None)
        out.append((a, b, quote, mention))
    return out


def highlight(text: str, offset: int, spans: Sequence[Span], points: Mapping[int, str] | None = None) -> str:
    """``text`` (which starts at ``offset`` in the article) as escaped HTML with its spans marked.

    Quotations are ``<mark>`` elements, mentions ``<span>`` elements inside them; a span that
    crosses another's boundary is cut in two. The first piece of a span carries its ``id``.
    ``points`` (offset → escaped HTML, e.g. a sentence's anchor) are put before the text at that offset.
    """
    spans = [s for s in spans if s.end > offset and s.start < offset + len(text)]
    out: list[str] = []
    seen: set[tuple[str, str]] = set()
    open_quote: Span | None = None
    points = {k: v for k, v in (points or {}).items() if offset <= k < offset + len(text)}

    def opening(tag: str, span: Span) -> str:
        """The span's opening tag; only its first piece keeps the ``id``."""
        first = (span.layer, span.key) not in seen
        seen.add((span.layer, span.key))
        attrs = {k: v for k, v in span.attrs.items() if first or k != "id"}
        return f"<{tag}" + "".join(f' {k}="{v}"' for k, v in attrs.items()) + ">"

    for a, b, quote, mention in _pieces(offset, offset + len(text), spans, points):
        if quote is not open_quote:
            if open_quote is not None:
                out.append("</mark>")
            if quote is not None:
                before = quote.before if (quote.layer, quote.key) not in seen else ""
                out.append(before + opening("mark", quote))
            open_quote = quote
        piece = points.get(a, "") + esc(text[a - offset:b - offset])
        if mention is not None:
            piece = opening("span", mention) + piece + "</span>"
        out.append(piece)
    if open_quote is not None:
        out.append("</mark>")
    return "".join(out)


def speaker_colours(quotes: pd.DataFrame) -> dict[str, str]:
    """A colour for each speaker of one article, in order of first quotation (cycling after 12)."""
    if quotes is None or not len(quotes):
        return {}
    names = list(dict.fromkeys(s for s in quotes.sort_values("start")["speaker"] if isinstance(s, str) and s))
    return {name: SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)] for i, name in enumerate(names)}


def _segments(row: Mapping) -> list[tuple[int, int]]:
    """A quotation's pieces (``segments`` "a-b;c-d"), or its start and end."""
    text = row.get("segments")
    out = []
    if isinstance(text, str) and text:
        for part in text.replace(",", ";").split(";"):
            a, _, b = part.partition("-")
            if a.strip().isdigit() and b.strip().isdigit():
                out.append((int(a), int(b)))
    return out or [(int(row["start"]), int(row["end"]))]


_CSS = """
body { font: 17px/1.65 Georgia, "Times New Roman", serif; color: #1d2330; margin: 0 auto; max-width: 46em;
  padding: 12px 24px 64px; }
nav, .meta, .legend, footer { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
nav { color: #5a6475; padding: 8px 0; border-bottom: 1px solid #e3e6ec; } a { color: #1a5fb4; }
h1 { font-size: 30px; line-height: 1.25; margin: 18px 0 6px; }
.meta { color: #4a5263; margin: 0 0 12px; } .meta b { color: #1d2330; }
.legend { background: #f6f7f9; border: 1px solid #e3e6ec; border-radius: 6px; padding: 8px 12px; margin: 10px 0 18px; }
.chip { display: inline-block; border-radius: 4px; padding: 0 6px; margin: 2px 6px 2px 0; }
mark { color: inherit; border-radius: 3px; padding: 1px 1px; background: var(--c); scroll-margin-top: 30vh; }
mark.unattributed { outline: 1px dashed #8a8f99; }
mark:target { outline: 3px solid #e5a50a; box-shadow: 0 0 0 6px rgba(229,165,10,.25); }
a.n { font: 600 11px/1 system-ui, sans-serif; vertical-align: super; text-decoration: none; margin: 0 2px;
  color: #1d2330; background: #fff; border: 1px solid #b9bec8; border-radius: 8px; padding: 1px 4px; }
span.m { text-decoration: underline 2px var(--u); text-underline-offset: 3px; }
p:target { background: #fff8db; }
span.s:target::before { content: "\\25B6\\FE0E "; color: #e5a50a; font-size: 14px; }
span.m:target { background: #fff3bf; }
footer { color: #5a6475; border-top: 1px solid #e3e6ec; margin-top: 32px; padding-top: 8px; }
"""


def _spans(quotes: pd.DataFrame, mentions: pd.DataFrame, numbers: Mapping[str, int], back: str | None,
           colours: Mapping[str, str]) -> list[Span]:
    """The quotation pieces and mentions of one article, as spans to mark."""

    spans: list[Span] = []
    for row in quotes.to_dict("records"):
        qid = str(row["quote_id"])
        speaker = row.get("speaker") if isinstance(row.get("speaker"), str) and row.get("speaker") else None
        colour = colours.get(speaker, UNATTRIBUTED_COLOUR) if speaker else UNATTRIBUTED_COLOUR
        cue = f" · {row['cue']}" if isinstance(row.get("cue"), str) else ""
        what = f"{described_source(speaker, row.get('unnamed_source'))} · {row.get('kind') or ''}{cue}"
        number = numbers.get(qid)
        label = f"#{number}" if number else "↩"
        before = ""
        if back:
            before = (f'<a class="n" href="{back}#{esc(url_quote(qid, safe=":"))}" '
                      f'title="this quotation in the quote table">{esc(label)}</a>')
        elif number:
            before = f'<span class="n">{esc(label)}</span>'
        attrs = {"id": esc(qid), "style": f"--c:{colour}", "title": esc(what),
                 "class": "q" + ("" if speaker else " unattributed")}
        for start, end in _segments(row):
            spans.append(Span(start, end, qid, "quote", attrs, before))
    for i, row in enumerate(mentions.to_dict("records")):
        start, end = int(row["start"]), int(row["end"])
        if start < 0 or end <= start:  # byline authors are not in the text
            continue
        label = str(row.get("label") or "")
        entity = row.get("entity") if isinstance(row.get("entity"), str) else row.get("text")
        attrs = {"id": mention_anchor(start), "class": "m", "style": f"--u:{LABEL_COLOURS.get(label, '#77767b')}",
                 "title": esc(f"{entity} · {label}")}
        spans.append(Span(start, end, f"m{i}", "mention", attrs))
    return spans


def article_page(article: Mapping, paragraphs: pd.DataFrame, quotes: pd.DataFrame, mentions: pd.DataFrame, *,
                 sentences: pd.DataFrame | None = None, numbers: Mapping[str, int] | None = None,
                 back: str | None = None, index: str = "../index.html",
                 run: str = "") -> str:
    """The reader page of one article.

    Args:
        article: Its row of the ``articles`` table.
        paragraphs: Its paragraphs (``paragraph``, ``start``, ``text``; 0 is the headline).
        quotes: Its quotations (``quote_id``, ``start``, ``end``, ``segments``, ``speaker``, ``kind``, ``cue``).
        mentions: Its entity mentions (``start``, ``end``, ``entity``, ``label``).
        sentences: Its sentences (``sentence_id``, ``start``): each gets an anchor ``s<id>``.
        numbers: quote_id → its number (``#``) in the quote report's table.
        back: Escaped link to the quote report (rows are anchored by quote id), or None.
        index: Escaped link to the run's index.
        run: The run's name.
    """
    numbers = numbers or {}
    quotes = quotes.sort_values("start", kind="stable") if len(quotes) else quotes
    colours = speaker_colours(quotes)
    spans = _spans(quotes, mentions, numbers, back, colours)
    paras = paragraphs.sort_values("paragraph")
    title = str(article.get("title") or "")
    head = next((p for p in paras.to_dict("records") if int(p["paragraph"]) == 0), None)
    points = {} if sentences is None or not len(sentences) else {
        int(st): f'<span class="s" id="{sentence_anchor(sid)}"></span>'
        for sid, st in zip(sentences["sentence_id"], sentences["start"], strict=True)}
    h1 = highlight(str(head["text"]), int(head["start"]), spans, points) if head else esc(title)
    body = "\n".join(f'<p id="{paragraph_anchor(p["paragraph"])}">'
                     f'{highlight(str(p["text"]), int(p["start"]), spans, points)}</p>'
                     for p in paras.to_dict("records") if int(p["paragraph"]) > 0)
    url = article.get("url")
    url_html = ""
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        url_html = f' · <a href="{esc(url)}" rel="noopener noreferrer nofollow">{esc(url)}</a>'
    elif isinstance(url, str) and url:
        url_html = f" · {esc(url)}"
    published = fmt_date(article.get("published"), missing="undated")
    authors = article.get("authors")
    meta = (f'<p class="meta"><b>{esc(article.get("source") or "unknown outlet")}</b> · {published}'
            + (" UTC" if ":" in published else "") + url_html
            + (f" · by {esc(authors)}" if isinstance(authors, str) and authors else "")
            + f' · id <code>{esc(article.get("article_id"))}</code></p>')
    counts = quotes["speaker"].value_counts() if len(quotes) else pd.Series(dtype=int)
    chips = [f'<span class="chip" style="background:{c}">{esc(s)} ({int(counts.get(s, 0))})</span>'
             for s, c in colours.items()]
    unattributed = int(quotes["speaker"].isna().sum() + (quotes["speaker"] == "").sum()) if len(quotes) else 0
    if unattributed:
        chips.append(f'<span class="chip" style="background:{UNATTRIBUTED_COLOUR};outline:1px dashed #8a8f99">'
                     f"unattributed ({unattributed})</span>")
    underline = " ".join(f'<span class="m" style="--u:{c}">{esc(lb)}</span>' for lb, c in LABEL_COLOURS.items())
    n = len(quotes)
    legend = (f'<div class="legend">{n} quotation{"s" if n != 1 else ""}'
              + (": " + "".join(chips) if chips else "") + f"<br>Entity mentions underlined: {underline}"
              + (" · the number before a quotation is its row in the quote table (click to go there)"
                 if back else "") + "</div>")
    nav = (f'<nav><a href="{index}">&larr; {esc(run) or "reports"}</a>'
           + (f' · <a href="{back}">quote table</a>' if back else "") + "</nav>")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"newslens reader\">\n"
            f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{nav}\n"
            f"<h1 id=\"{paragraph_anchor(0)}\">{h1}</h1>\n{meta}\n{legend}\n<article>\n{body}\n</article>\n"
            "<footer>Text as read by newslens; quotations and mentions as found by its analysis.</footer>\n"
            "</body>\n</html>\n")


def _article_frames(tables, ids: Sequence[str]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Paragraphs, mentions and sentence starts of some articles (a store's through DuckDB)."""
    from analysis.records import is_store_tables

    if is_store_tables(tables):
        where = "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))"
        paras = tables.sql(f"SELECT article_id, paragraph, start, text FROM paragraphs {where}", [list(ids)])
        ments = tables.sql(f"SELECT article_id, start, \"end\", entity, label, text FROM mentions {where}",
                           [list(ids)])
        sents = tables.sql(f"SELECT article_id, sentence_id, start FROM sentences {where}", [list(ids)])
        return paras, ments, sents
    wanted = set(ids)
    return (tables.paragraphs[tables.paragraphs["article_id"].isin(wanted)],
            tables.mentions[tables.mentions["article_id"].isin(wanted)],
            tables.sentences[tables.sentences["article_id"].isin(wanted)][["article_id", "sentence_id", "start"]])


def write_reader(tables, folder: str | os.PathLike, *, numbers: Mapping[str, int] | None = None,
                 back: str | None = None, run: str = "", batch: int = 500) -> list[Path]:
    """Write a reader page for every article of ``tables`` into ``folder``; returns the paths.

    Args:
        tables: ``Tables`` or a store's ``StoreTables`` (read a batch of articles at a time).
        folder: Where the pages go (``<run>/read``).
        numbers: quote_id → its number in the quote report.
        back: Escaped link from a page to the quote report, or None.
        run: The run's name (for the pages' navigation).
        batch: Articles read at a time from a store.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    articles = tables.articles
    quotes = tables.quotes
    by_article = dict(tuple(quotes.groupby("article_id", sort=False))) if len(quotes) else {}
    empty = quotes.iloc[0:0]
    written = []
    records = articles.to_dict("records")
    for i in range(0, len(records), batch):
        chunk = records[i:i + batch]
        paras, ments, sents = _article_frames(tables, [str(a["article_id"]) for a in chunk])
        para_by = dict(tuple(paras.groupby("article_id", sort=False))) if len(paras) else {}
        ment_by = dict(tuple(ments.groupby("article_id", sort=False))) if len(ments) else {}
        sent_by = dict(tuple(sents.groupby("article_id", sort=False))) if len(sents) else {}
        for article in chunk:
            aid = str(article["article_id"])
            page = article_page(article, para_by.get(aid, paras.iloc[0:0]), by_article.get(aid, empty),
                                ment_by.get(aid, ments.iloc[0:0]), sentences=sent_by.get(aid), numbers=numbers,
                                back=back, run=run)
            written.append(write_text(folder / page_name(aid), page))
    write_text(folder / "index.html", contents_page(articles, quotes, run=run))
    return written


def contents_page(articles: pd.DataFrame, quotes: pd.DataFrame, *, run: str = "") -> str:
    """``read/index.html``: every article (date, outlet, headline linked to its page, quotations)."""
    counts = quotes["article_id"].value_counts() if len(quotes) else pd.Series(dtype=int)
    rows = "".join(
        f"<tr><td>{fmt_date(a.get('published'))}</td><td>{esc(a.get('source'))}</td>"
        f'<td><a href="{esc(url_quote(page_name(str(a["article_id"]))))}">'
        f'{esc(a.get("title") or a["article_id"])}</a></td>'
        f'<td class="num">{int(counts.get(a["article_id"], 0))}</td></tr>'
        for a in articles.to_dict("records"))
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>Articles · {esc(run)}</title>\n<style>{_CSS}\ntable {{ border-collapse: collapse; width: 100%; "
            "font: 15px/1.45 system-ui, sans-serif; }} td, th {{ text-align: left; padding: 5px 8px; "
            "border-bottom: 1px solid #e3e6ec; vertical-align: top; }} td.num {{ text-align: right; }}</style>\n"
            f'</head>\n<body>\n<nav><a href="../index.html">&larr; {esc(run) or "reports"}</a></nav>\n'
            f"<h1>Articles</h1>\n<p class=\"meta\">{len(articles)} article{'s' if len(articles) != 1 else ''}: "
            "each opens with its quotations highlighted in their speakers' colours.</p>\n"
            "<table><thead><tr><th>Date</th><th>Outlet</th><th>Headline</th><th>Quotations</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>\n</body>\n</html>\n")
