"""Read articles from files, folders, globs and JSONL/JSON/CSV/HTML exports.

The records here are the input of every other stage. An :class:`Article`'s
``text`` is the headline and the paragraphs joined by single newlines; every
character offset in the project's tables points into that string, so for a
seed-shaped ``.txt`` file (headline on line 1, one paragraph a line) offsets
equal offsets into the file itself up to the byline.
"""
from __future__ import annotations

import codecs
import csv
import glob
import hashlib
import io
import json
import logging
import math
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .config import HTML_EXTENSIONS, TABLE_EXTENSIONS, TEXT_EXTENSIONS
from .dates import dateline, html_date, url_year, year_near

logger = logging.getLogger(__name__)

__all__ = ["Article", "Problem", "Corpus", "read_corpus", "stream_corpus"]


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


_KNOWN_EXTENSIONS = TEXT_EXTENSIONS + TABLE_EXTENSIONS + HTML_EXTENSIONS
_NL = re.compile(r"\r\n|\r|\n")
_MAGIC = re.compile(r"[*?[]")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_AUTHOR_SEP = re.compile(r"\s*[;,]\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_NAME_PARTICLES = {"de", "da", "del", "der", "van", "von", "al", "el", "bin", "la", "le", "du", "dos", "di"}
_TEXT_KEYS = ("text", "body", "content")
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("published", "date")
_AUTHOR_KEYS = ("authors", "author")
_MAX_ID = 120
_FRAME_COLUMNS = ["article_id", "title", "source", "url", "published", "authors", "path", "line",
                  "encoding", "n_paragraphs"]
_Item = tuple[int | None, str, Any]  # (line, line-or-index label, record)


def _clean(value: Any) -> str | None:
    """Stripped string of a scalar, or None for missing/blank/NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, dict):  # e.g. NewsAPI's {"id": ..., "name": ...}
        return _clean(value.get("name"))
    text = str(value).strip()
    return text or None


def _split_authors(value: Any) -> tuple[str, ...]:
    """Author names from a list or a string like "A, B and C" / "A; B"."""
    items = value if isinstance(value, (list, tuple)) else [value]
    names = (n.strip() for item in items for n in _AUTHOR_SEP.split(_clean(item) or ""))
    return tuple(dict.fromkeys(n for n in names if n))


def _byline(paragraph: str) -> tuple[str, ...] | None:
    """Names from a "By A, B and C" byline (≤ 8 words, capitalised), else None."""
    match = re.fullmatch(r"By\s+(.+?)\.?", paragraph.strip())
    if not match or len(match.group(1).split()) > 8:
        return None
    names = _split_authors(match.group(1))
    capitalised = all(
        n[0].isupper() and all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in n.split()) for n in names
    )
    return names if names and capitalised else None


def _split_paragraphs(body: str) -> list[str]:
    """One paragraph a line, or (with blank-line-separated blocks) one a block."""
    blocks: list[list[str]] = [[]]
    for line in _NL.split(body):
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    return (blocks[0] if blocks else []) if len(blocks) <= 1 else [" ".join(b) for b in blocks]


def _safe_id(raw: str) -> str:
    """File-name-safe id: ``[A-Za-z0-9._-]``, ≤ 120 chars, not empty, no leading dot."""
    safe = _UNSAFE.sub("_", raw.strip()).lstrip(".")[:_MAX_ID]
    return safe or "article"


def _timestamp(value: Any) -> tuple[pd.Timestamp | None, bool]:
    """(timezone-aware Timestamp or None, whether the value was usable); naive means UTC."""
    value = value.strip() if isinstance(value, str) else value
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None, True
    if isinstance(value, str) and not any(c.isdigit() for c in value):  # refuse "today", "now"
        return None, False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            ts = pd.Timestamp(value, unit="s") if numeric else pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        return None, False
    if pd.isna(ts):
        return None, False
    return (ts.tz_localize("UTC") if ts.tzinfo is None else ts), True


def _decode(data: bytes) -> tuple[str, str] | None:
    """(text, encoding): UTF-16 with a BOM, UTF-8 (BOM ok), cp1252 or latin-1; None if binary.

    Binary means NUL bytes in the first 8 KiB, or more than 10 % other control bytes there.
    """
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    sample = data[:8192]
    controls = sum(1 for b in sample if (b < 32 and b not in (9, 10, 12, 13)) or b == 127)
    if not utf16 and (b"\0" in sample or controls > 0.10 * len(sample)):
        return None
    for encoding in ("utf-16", "utf-8-sig", "cp1252") if utf16 else ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding), encoding.replace("-sig", "")
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(?:(.*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.DOTALL)


def _lookup(record: dict[str, Any], keys: Sequence[str]) -> Any:
    """First non-missing value among ``keys`` (record keys already lower-cased)."""
    for key in keys:
        if key in record and (_clean(record[key]) is not None or isinstance(record[key], list)):
            return record[key]
    return None


class _Reader:
    """Collects articles and problems while walking the inputs."""

    def __init__(self, recursive: bool) -> None:
        self.recursive = recursive
        self.articles: list[Article] = []
        self.problems: list[Problem] = []
        self.places: dict[str, str] = {}
        self.seen_files: set[str] = set()
        self.yearless: list[tuple[int, str]] = []  # (index in articles, dateline) waiting for a year

    def problem(self, path: str, message: str, line: int | None = None, severity: str = "error") -> None:
        """Record a problem and log it."""
        prob = Problem(path, message, line, severity)
        self.problems.append(prob)
        logger.warning("%s", prob)

    def read_input(self, raw: str | os.PathLike[str]) -> None:
        """Read one file, folder or glob pattern."""
        path = os.fspath(raw)
        if os.path.isdir(path):
            self.read_folder(path)
        elif os.path.exists(path):
            self.read_file(path, explicit=True)
        elif _MAGIC.search(path):
            matches = sorted(glob.glob(path, recursive=self.recursive))
            if not matches:
                self.problem(path, "no files match this pattern")
            for match in (m for m in matches if not self._skipped_name(os.path.basename(m))):
                if os.path.isdir(match):
                    self.read_folder(match)
                else:
                    self.read_file(match, explicit=False)
        else:
            self.problem(path, "no such file or folder")

    @staticmethod
    def _skipped_name(name: str) -> bool:
        """Hidden files and README.md are not articles."""
        return name.startswith(".") or name.lower() == "readme.md"

    def read_folder(self, folder: str) -> None:
        """Read a folder's files in sorted order, skipping hidden ones and READMEs."""
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")) if self.recursive else []
            for name in sorted(filenames):
                if not self._skipped_name(name):
                    self.read_file(os.path.join(dirpath, name), explicit=False)

    def read_file(self, path: str, *, explicit: bool) -> None:
        """Read one file, dispatching on its extension."""
        if (real := os.path.realpath(path)) in self.seen_files:
            logger.debug("skipping %s: already read", path)
            return
        self.seen_files.add(real)
        ext = os.path.splitext(path)[1].lower()
        if ext not in _KNOWN_EXTENSIONS:
            self.problem(path, f"unknown file extension {ext or '(none)'!r}; skipped",
                         severity="error" if explicit else "warning")
            return
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            self.problem(path, f"cannot read file: {exc.strerror or exc}")
            return
        if not data or (decoded := _decode(data)) is None:
            return self.problem(path, "binary file" if data else "empty file")
        text, encoding = decoded
        if encoding not in ("utf-8", "utf-16"):
            self.problem(path, f"not UTF-8; decoded as {encoding}", severity="warning")
        if not text.strip():
            return self.problem(path, "blank file")
        n_articles, n_problems = len(self.articles), len(self.problems)
        if ext in TEXT_EXTENSIONS:
            self.read_text(path, text, encoding, markdown=ext == ".md")
        elif ext in (".json", ".jsonl"):
            self.read_json(path, text, encoding, lines=ext == ".jsonl")
        elif ext == ".csv":
            self.read_csv(path, text, encoding)
        else:
            self.read_html(path, text, encoding)
        if len(self.articles) == n_articles and len(self.problems) == n_problems:
            self.problem(path, "no articles found")

    def read_text(self, path: str, text: str, encoding: str, *, markdown: bool) -> None:
        """A seed-shaped .txt/.md file with optional YAML front matter."""
        match = _FRONT_MATTER.match(text)
        raw_meta, body = (match.group(1), text[match.end():]) if match else (None, text)
        meta: dict[str, Any] = {}
        try:  # BaseLoader keeps scalars as strings: ids like 0012 or 2024_05 stay intact
            loaded = yaml.load(raw_meta, Loader=yaml.BaseLoader) if raw_meta else None
        except yaml.YAMLError as exc:
            loaded = f"not valid YAML ({exc.__class__.__name__})"
        if isinstance(loaded, dict):
            meta = {str(k).strip().lower(): v for k, v in loaded.items()}
        elif loaded is not None:
            self.problem(path, f"front matter {loaded if isinstance(loaded, str) else 'is not a mapping'}; "
                               "ignored", severity="warning")
        lines = _NL.split(body)
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        title = _clean(meta.get("title"))
        if first is None:
            headline, rest = title or "", []
        else:
            first_line = lines[first].strip()
            if markdown:
                first_line = re.sub(r"^#{1,6}\s+", "", first_line).strip()
            if title is None or title == first_line:
                headline, rest = first_line, lines[first + 1:]
            else:
                headline, rest = title, lines
        self.add(path, meta.get("id"), headline, _split_paragraphs("\n".join(rest)),
                 authors=_lookup(meta, _AUTHOR_KEYS), source=meta.get("source"), url=meta.get("url"),
                 published=_lookup(meta, _DATE_KEYS), line=None, encoding=encoding,
                 default_id=Path(path).stem)

    def read_json(self, path: str, text: str, encoding: str, *, lines: bool) -> None:
        """JSONL (broken lines reported, the rest still read), or a JSON array / object."""
        chunks = [(n, ln) for n, ln in enumerate(_NL.split(text), start=1) if ln.strip()] if lines else [(0, text)]
        items: list[_Item] = []
        for lineno, chunk in chunks:
            try:
                data = json.loads(chunk)
            except json.JSONDecodeError as exc:
                self.problem(path, f"invalid JSON: {exc.msg} (column {exc.colno})", lineno or exc.lineno)
                continue
            if lines:
                items.append((lineno, str(lineno), data))
            else:
                records = data if isinstance(data, list) else [data]
                items = [(None, str(i) if isinstance(data, list) else "", r) for i, r in enumerate(records)]
        self.read_records(path, items, encoding, "keys")

    def read_csv(self, path: str, text: str, encoding: str) -> None:
        """A header row, then one article a row (``line`` is the row's first line)."""
        csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))
        header_line = next((ln for ln in _NL.split(text) if ln.strip()), "")
        delimiter = max(",;\t", key=header_line.count)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header: list[str] | None = None
        items: list[_Item] = []
        start = 1
        try:
            for row in reader:
                row_line, start = start, reader.line_num + 1
                if not any(cell.strip() for cell in row):
                    continue
                if header is None:
                    header = [c.strip() for c in row]
                    continue
                if len(row) > len(header):
                    self.problem(path, f"row has {len(row)} fields, header has {len(header)}; extra fields ignored",
                                 row_line, "warning")
                items.append((row_line, str(row_line), dict(zip(header, row, strict=False))))
        except csv.Error as exc:
            self.problem(path, f"CSV error: {exc}", start)
        if header is not None:
            self.read_records(path, items, encoding, "columns", columns=header)

    def read_records(self, path: str, items: list[_Item], encoding: str,
                     noun: str, columns: list[str] | None = None) -> None:
        """Turn JSON/CSV records into articles."""
        stem = Path(path).stem
        dicts = [rec for _, _, rec in items if isinstance(rec, dict)]
        keys = columns if columns is not None else list(dict.fromkeys(str(k) for d in dicts for k in d))
        if (dicts or columns is not None) and not {k.strip().lower() for k in keys} & set(_TEXT_KEYS):
            self.problem(path, f"no text {noun} (expected one of {', '.join(_TEXT_KEYS)}); "
                               f"it has: {', '.join(keys) or '(none)'}")
            return
        for line, index, raw in items:
            where = f"record {index}: " if line is None and index else ""
            if not isinstance(raw, dict):
                self.problem(path, f"{where}not a JSON object ({type(raw).__name__})", line)
                continue
            rec = {str(k).strip().lower(): v for k, v in raw.items()}
            body = _lookup(rec, _TEXT_KEYS)
            paragraphs = [p for item in (body if isinstance(body, list) else [body])
                          for p in _split_paragraphs(_clean(item) or "")]
            if not paragraphs:
                self.problem(path, f"{where}empty or missing text", line)
                continue
            title = _clean(_lookup(rec, _TITLE_KEYS))
            if title is None:
                title, paragraphs = paragraphs[0], paragraphs[1:]
            self.add(path, rec.get("id"), title, paragraphs, authors=_lookup(rec, _AUTHOR_KEYS),
                     source=rec.get("source"), url=rec.get("url"), published=_lookup(rec, _DATE_KEYS),
                     line=line, encoding=encoding, default_id=f"{stem}-{index}" if index else stem)

    def read_html(self, path: str, text: str, encoding: str) -> None:
        """Main text and metadata of an HTML page, via trafilatura."""
        import trafilatura  # imported lazily: it is slow to import
        from trafilatura.settings import set_date_params

        date_params = {**set_date_params(), "outputformat": "%Y-%m-%dT%H:%M:%S%z"}  # keep the time
        try:
            doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                              date_extraction_params=date_params)
        except Exception as exc:  # trafilatura/lxml raise many kinds on odd markup
            return self.problem(path, f"HTML extraction failed: {exc}")
        if doc is None or not _clean(getattr(doc, "text", None)):
            return self.problem(path, "no main text found in HTML")
        paragraphs = _split_paragraphs(doc.text)
        title = _clean(doc.title)
        if title is None or paragraphs[0] == title:
            title, paragraphs = paragraphs[0], paragraphs[1:]
        stated = html_date(text)  # the page's own metadata, time zone kept; trafilatura's guess otherwise
        self.add(path, None, title, paragraphs, authors=doc.author,
                 source=doc.sitename or doc.hostname, url=doc.url, published=stated.value if stated else doc.date,
                 line=None, encoding=encoding, default_id=Path(path).stem)

    def add(self, path: str, raw_id: Any, title: str, paragraphs: list[str], *, authors: Any,
            source: Any, url: Any, published: Any, line: int | None, encoding: str, default_id: str) -> None:
        """Check and store one article: byline, date, id uniqueness."""
        byline: tuple[str, ...] = ()
        if paragraphs and (names := _byline(paragraphs[-1])) is not None:
            paragraphs, byline = paragraphs[:-1], names
            authors = authors if _split_authors(authors) else names
        if not title and not paragraphs:
            return self.problem(path, "empty article: no headline and no text", line)
        ts, ok = _timestamp(published)
        if not ok:
            self.problem(path, f"unparseable date {published!r}; published set to None", line, "warning")
        if ts is None and paragraphs and (found := dateline(paragraphs[0], year=url_year(_clean(url)))):
            if found.timestamp is not None:
                ts = found.timestamp
                logger.info("%s: dated %s from its dateline %r", path, ts.date(), found.value)
            else:
                self.yearless.append((len(self.articles), found.value))
        art_id = _safe_id(_clean(raw_id) or default_id)
        place = f"{path}:{line}" if line is not None else path
        if art_id in self.places:
            n = 2
            while (new := f"{art_id[:_MAX_ID - len(str(n)) - 1]}-{n}") in self.places:
                n += 1
            self.problem(path, f"duplicate id {art_id!r} (also at {self.places[art_id]}); "
                               f"kept as {new!r}", line)
            art_id = new
        self.places[art_id] = place
        self.articles.append(Article(
            id=art_id, title=title, paragraphs=tuple(paragraphs), authors=_split_authors(authors),
            source=_clean(source), url=_clean(url), published=ts, path=path, line=line, encoding=encoding,
            byline=byline,
        ))

    def date_yearless(self) -> None:
        """Date the articles whose dateline has no year with the median year of the others' dates; a
        warning for those left undated (no other article has a date)."""
        from dataclasses import replace

        year = year_near([a.published for a in self.articles])
        for index, value in self.yearless:
            article = self.articles[index]
            found = dateline(article.paragraphs[0], year=year) if year is not None else None
            if found is not None and found.timestamp is not None:
                self.articles[index] = replace(article, published=found.timestamp)
                logger.info("%s: dated %s from its dateline %r, the year from the other articles", article.path,
                            found.timestamp.date(), value)
            else:
                self.problem(article.path, f"the dateline {value!r} has no year and no other article has a "
                                           "date; published set to None (add a `published` date)",
                             article.line, "warning")
        self.yearless.clear()


def read_corpus(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
                recursive: bool = True) -> Corpus:
    """Read articles from files, folders and glob patterns.

    Args:
        paths: One path or pattern, or several. Folders are walked in sorted order.
        recursive: Walk sub-folders and let ``**`` in patterns match them.

    Returns:
        The articles, and every problem met (each also logged as a warning).
    """
    reader = _Reader(recursive)
    for raw in _as_list(paths):
        reader.read_input(raw)
    reader.date_yearless()
    return Corpus(tuple(reader.articles), tuple(reader.problems))


def stream_corpus(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
                  recursive: bool = True) -> Iterator[Corpus]:
    """Read the same inputs as :func:`read_corpus`, one file at a time.

    Yields one :class:`Corpus` per file (and first, if any, one holding only the
    problems met walking the inputs). Together they hold exactly what
    :func:`read_corpus` returns (same ids, same duplicate handling), but only one
    file's articles are in memory at a time: for corpora too large to hold.
    """

    class _Lister(_Reader):
        """Walks the inputs like read_corpus, but only notes the files."""

        def __init__(self) -> None:
            super().__init__(recursive)
            self.files: list[tuple[str, bool]] = []

        def read_file(self, path: str, *, explicit: bool) -> None:  # type: ignore[override]
            self.files.append((path, explicit))

    lister = _Lister()
    for raw in _as_list(paths):
        lister.read_input(raw)
    if lister.problems:
        yield Corpus((), tuple(lister.problems))
    reader = _Reader(recursive)
    for path, explicit in lister.files:
        reader.read_file(path, explicit=explicit)
        reader.date_yearless()  # the year of a yearless dateline comes from the same file's articles here
        yield Corpus(tuple(reader.articles), tuple(reader.problems))
        reader.articles.clear()
        reader.problems.clear()


def _as_list(paths) -> list:
    return [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
