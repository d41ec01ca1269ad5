"""One decoded file into articles, by its format: text and Markdown, JSON and JSONL, CSV, HTML (part
of :mod:`analysis.corpus`).

:class:`FormatReader` is the part of the corpus reader (:mod:`analysis.corpus.reader`) that knows the
formats; the reader walks the inputs, decodes the files and stores the articles.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import yaml

from analysis.corpus.fields import (
    AUTHOR_KEYS,
    DATE_KEYS,
    NL,
    TEXT_KEYS,
    TITLE_KEYS,
    clean,
    lookup,
    split_paragraphs,
)
from analysis.dates import html_date

_Item = tuple[int | None, str, Any]  # (line, line-or-index label, record)
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(?:(.*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.DOTALL)


class FormatReader:
    """Reads each format's articles and problems into the corpus reader (:mod:`analysis.corpus.reader`),
    through its :meth:`problem` and :meth:`add`."""

    def problem(self, path: str, message: str, line: int | None = None, severity: str = "error") -> None:
        """Record a problem (the reader's)."""
        raise NotImplementedError

    def add(self, path: str, raw_id: Any, title: str, paragraphs: list[str], *, authors: Any,
            source: Any, url: Any, published: Any, line: int | None, encoding: str, default_id: str) -> None:
        """Check and store one article (the reader's)."""
        raise NotImplementedError

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
        lines = NL.split(body)
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        title = clean(meta.get("title"))
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
        self.add(path, meta.get("id"), headline, split_paragraphs("\n".join(rest)),
                 authors=lookup(meta, AUTHOR_KEYS), source=meta.get("source"), url=meta.get("url"),
                 published=lookup(meta, DATE_KEYS), line=None, encoding=encoding,
                 default_id=Path(path).stem)

    def read_json(self, path: str, text: str, encoding: str, *, lines: bool) -> None:
        """JSONL (broken lines reported, the rest still read), or a JSON array / object."""
        chunks = [(n, ln) for n, ln in enumerate(NL.split(text), start=1) if ln.strip()] if lines else [(0, text)]
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
        header_line = next((ln for ln in NL.split(text) if ln.strip()), "")
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
        if (dicts or columns is not None) and not {k.strip().lower() for k in keys} & set(TEXT_KEYS):
            self.problem(path, f"no text {noun} (expected one of {', '.join(TEXT_KEYS)}); "
                               f"it has: {', '.join(keys) or '(none)'}")
            return
        for line, index, raw in items:
            where = f"record {index}: " if line is None and index else ""
            if not isinstance(raw, dict):
                self.problem(path, f"{where}not a JSON object ({type(raw).__name__})", line)
                continue
            rec = {str(k).strip().lower(): v for k, v in raw.items()}
            body = lookup(rec, TEXT_KEYS)
            paragraphs = [p for item in (body if isinstance(body, list) else [body])
                          for p in split_paragraphs(clean(item) or "")]
            if not paragraphs:
                self.problem(path, f"{where}empty or missing text", line)
                continue
            title = clean(lookup(rec, TITLE_KEYS))
            if title is None:
                title, paragraphs = paragraphs[0], paragraphs[1:]
            self.add(path, rec.get("id"), title, paragraphs, authors=lookup(rec, AUTHOR_KEYS),
                     source=rec.get("source"), url=rec.get("url"), published=lookup(rec, DATE_KEYS),
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
        if doc is None or not clean(getattr(doc, "text", None)):
            return self.problem(path, "no main text found in HTML")
        paragraphs = split_paragraphs(doc.text)
        title = clean(doc.title)
        if title is None or paragraphs[0] == title:
            title, paragraphs = paragraphs[0], paragraphs[1:]
        stated = html_date(text)  # the page's own metadata, time zone kept; trafilatura's guess otherwise
        self.add(path, None, title, paragraphs, authors=doc.author,
                 source=doc.sitename or doc.hostname, url=doc.url, published=stated.value if stated else doc.date,
                 line=None, encoding=encoding, default_id=Path(path).stem)
