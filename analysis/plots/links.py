"""Links from report tables and charts to the article reader (``outputs/<run>/read/<article>.html``).

The report runner writes one reader page per article (:mod:`analysis.report.reader`) and passes
each notebook the folder of those pages, relative to the report, as its ``reader`` parameter
(``"read/"``, or ``"../../read/"`` for a per-article report). In a notebook opened in JupyterLab
``reader`` is "" and nothing links. Article ids are file-name-safe (see :mod:`analysis.corpus`), so a
page is named by its id; a quotation's anchor is its ``quote_id``, a paragraph's ``p<n>``, a
sentence's ``s<id>``, a mention's ``m<start>``.
"""
from __future__ import annotations

import html
from urllib.parse import quote

__all__ = ["reader_href", "page_name", "paragraph_anchor", "sentence_anchor", "mention_anchor"]


def page_name(article_id: str) -> str:
    """The reader page's file name of an article."""
    return f"{article_id}.html"


def paragraph_anchor(paragraph: int) -> str:
    """The anchor of a paragraph (0 is the headline)."""
    return f"p{int(paragraph)}"


def sentence_anchor(sentence_id: int) -> str:
    """The anchor of a sentence (at its start)."""
    return f"s{int(sentence_id)}"


def mention_anchor(start: int) -> str:
    """The anchor of an entity mention (by its start offset)."""
    return f"m{int(start)}"


def reader_href(reader: str, article_id: object, anchor: object = None) -> str | None:
    """The escaped link to an article's reader page (at ``anchor``), or None without a reader or an id."""
    if not reader or not isinstance(article_id, str) or not article_id:
        return None
    target = quote(reader, safe="/.:") + quote(page_name(article_id))
    if isinstance(anchor, str) and anchor:
        target += "#" + quote(anchor, safe=":")
    return html.escape(target, quote=True)
