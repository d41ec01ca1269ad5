"""Walk files, folders and globs, decode each file and keep its articles: :func:`read_corpus` and
:func:`stream_corpus` (part of :mod:`analysis.corpus`)."""
from __future__ import annotations

import codecs
import glob
import logging
import os
import re
from collections.abc import Iterable, Iterator
from typing import Any

from analysis.config import HTML_EXTENSIONS, TABLE_EXTENSIONS, TEXT_EXTENSIONS
from analysis.corpus.articles import Article, Corpus, Problem
from analysis.corpus.fields import MAX_ID, byline_names, clean, parse_timestamp, safe_id, split_authors
from analysis.corpus.formats import FormatReader
from analysis.dates import dateline, url_year, year_near

#: The package's logger: the CLI and the tests address the corpus's problems by this name.
logger = logging.getLogger("analysis.corpus")

_KNOWN_EXTENSIONS = TEXT_EXTENSIONS + TABLE_EXTENSIONS + HTML_EXTENSIONS
_MAGIC = re.compile(r"[*?[]")


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


class _Reader(FormatReader):
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

    def add(self, path: str, raw_id: Any, title: str, paragraphs: list[str], *, authors: Any,
            source: Any, url: Any, published: Any, line: int | None, encoding: str, default_id: str) -> None:
        """Check and store one article: byline, date, id uniqueness."""
        byline: tuple[str, ...] = ()
        if paragraphs and (names := byline_names(paragraphs[-1])) is not None:
            paragraphs, byline = paragraphs[:-1], names
            authors = authors if split_authors(authors) else names
        if not title and not paragraphs:
            return self.problem(path, "empty article: no headline and no text", line)
        ts, ok = parse_timestamp(published)
        if not ok:
            self.problem(path, f"unparseable date {published!r}; published set to None", line, "warning")
        if ts is None and paragraphs and (found := dateline(paragraphs[0], year=url_year(clean(url)))):
            if found.timestamp is not None:
                ts = found.timestamp
                logger.info("%s: dated %s from its dateline %r", path, ts.date(), found.value)
            else:
                self.yearless.append((len(self.articles), found.value))
        art_id = safe_id(clean(raw_id) or default_id)
        place = f"{path}:{line}" if line is not None else path
        if art_id in self.places:
            n = 2
            while (new := f"{art_id[:MAX_ID - len(str(n)) - 1]}-{n}") in self.places:
                n += 1
            self.problem(path, f"duplicate id {art_id!r} (also at {self.places[art_id]}); "
                               f"kept as {new!r}", line)
            art_id = new
        self.places[art_id] = place
        self.articles.append(Article(
            id=art_id, title=title, paragraphs=tuple(paragraphs), authors=split_authors(authors),
            source=clean(source), url=clean(url), published=ts, path=path, line=line, encoding=encoding,
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
