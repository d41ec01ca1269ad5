"""The records of a corpus: :class:`Article`, :class:`Problem` and :class:`Corpus` (part of
:mod:`analysis.corpus`)."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import pandas as pd

_FRAME_COLUMNS = ["article_id", "title", "source", "url", "published", "authors", "path", "line",
                  "encoding", "n_paragraphs"]


@dataclass(frozen=True)
class Article:
    """One news article.

    Attributes:
        id: Stable, file-name-safe id, unique in its corpus.
        title: The headline ("" when there is none).
        paragraphs: Body paragraphs, in order, without the byline.
        authors: Author names, from front matter, metadata or the byline.
        source: Outlet name, or None.
        url: Address of the article, or None.
        published: Timezone-aware publication time, or None when unknown: from front matter or a field,
            else a web page's metadata (:func:`analysis.dates.html_date`), else a dateline at the start
            of the text (:func:`analysis.dates.dateline`).
        path: File the article was read from.
        line: 1-based line (JSONL/CSV row) within ``path``, or None.
        encoding: The encoding the file was decoded with.
        byline: Names of a "By …" last line of the body (removed from ``paragraphs``).
    """

    id: str
    title: str
    paragraphs: tuple[str, ...]
    authors: tuple[str, ...] = ()
    source: str | None = None
    url: str | None = None
    published: pd.Timestamp | None = None
    path: str | None = None
    line: int | None = None
    encoding: str = "utf-8"
    byline: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """Headline and paragraphs joined by newlines: the string all offsets index."""
        return "\n".join((self.title, *self.paragraphs))

    def paragraph_spans(self) -> list[tuple[int, int, str]]:
        """(start, end, text) for the headline (index 0) and each paragraph (1…)."""
        spans, pos = [], 0
        for chunk in (self.title, *self.paragraphs):
            spans.append((pos, pos + len(chunk), chunk))
            pos += len(chunk) + 1
        return spans

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text and byline: the NLP cache key (other metadata does not change the analysis)."""
        return hashlib.sha256("\0".join((self.text, *self.byline)).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input; ``severity`` is "error" (article rejected) or "warning"."""

    path: str
    message: str
    line: int | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Corpus:
    """Articles read from some inputs, and the problems met reading them."""

    articles: tuple[Article, ...] = ()
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems that rejected an article or a file."""
        return tuple(p for p in self.problems if p.severity == "error")

    def to_frame(self) -> pd.DataFrame:
        """One row per article: id, metadata (``published`` in UTC), origin and size."""
        rows = [(a.id, a.title, a.source, a.url, a.published, "; ".join(a.authors), a.path, a.line,
                 a.encoding, len(a.paragraphs)) for a in self.articles]
        frame = pd.DataFrame(rows, columns=_FRAME_COLUMNS, dtype=object)
        frame["published"] = pd.to_datetime(frame["published"], utc=True)
        return frame.astype({"line": "Int64", "n_paragraphs": "int64"})
