"""On-disk layout of a newslens store (part of :mod:`analysis.store`).

A store is a folder::

    _newslens_store.json        marker: format and pipeline version, store id, dates
    _manifest.parquet           one row per article: hashes, pipeline version, part
    _problems.parquet           problems met reading the inputs of the last run
    articles/part-*.parquet     per-article tables, one file per processed batch
    paragraphs/part-*.parquet
    sentences/part-*.parquet
    _article_mentions/part-*.parquet   mentions resolved within their article only
    _article_quotes/part-*.parquet     quotations before corpus-level speaker names
    mentions/data.parquet       corpus-level tables, rewritten after each run
    quotes/data.parquet
    entities/data.parquet
    cooccurrence/data.parquet

The manifest is the source of truth: a part file that it does not name is left
over from an interrupted run and is deleted, and rows of an article that the
manifest assigns to another part (the article changed and was processed again)
are removed by rewriting that part. Every file is written under a temporary
name and moved into place with :func:`os.replace`.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from analysis.corpus import Problem

logger = logging.getLogger(__name__)

MARKER = "_newslens_store.json"
FORMAT_VERSION = 1
MANIFEST = "_manifest.parquet"
PROBLEMS = "_problems.parquet"
#: Per-article tables written once per batch; ``articles`` last, so that it indexes complete parts.
PART_TABLES: dict[str, str] = {"paragraphs": "paragraphs", "sentences": "sentences",
                               "mentions": "_article_mentions", "quotes": "_article_quotes",
                               "articles": "articles"}
#: Corpus-level tables, one file each, rewritten after entity resolution.
CORPUS_TABLES = ("mentions", "quotes", "entities", "cooccurrence")
MANIFEST_COLUMNS = ["article_id", "content_hash", "meta_hash", "pipeline_version", "part", "processed_at"]


class StoreError(ValueError):
    """A folder that is not a usable store (the message says why)."""


def is_store(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a store folder (it holds the ``_newslens_store.json`` marker)."""
    return (Path(path) / MARKER).is_file()


def read_marker(root: Path) -> dict:
    """The marker's content; raises :class:`StoreError` for a missing or newer-format marker."""
    try:
        marker = json.loads((root / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{root} is not a newslens store (cannot read {MARKER}: {exc})") from exc
    if marker.get("format", 0) > FORMAT_VERSION:
        raise StoreError(f"{root} was written by a newer newslens (store format {marker['format']})")
    return marker


def create_or_open(root: Path) -> dict:
    """Open the store at ``root``, creating it when the folder is missing or empty."""
    if is_store(root):
        return read_marker(root)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise StoreError(f"{root} exists and is not a newslens store; give a new or empty folder")
    root.mkdir(parents=True, exist_ok=True)
    marker = {"format": FORMAT_VERSION, "store_id": uuid.uuid4().hex, "pipeline_version": None,
              "created": pd.Timestamp.now(tz="UTC").isoformat(), "updated": None, "aliases_hash": None}
    write_marker(root, marker)
    return marker


def write_marker(root: Path, marker: dict) -> None:
    """Write the marker atomically."""
    _atomic_write(root / MARKER, lambda tmp: tmp.write_text(json.dumps(marker, indent=1), encoding="utf-8"))


def _atomic_write(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


#: Types of columns that may be all missing in a part (an empty table, no quotations…); others are text.
_NULL_TYPES = {name: pa.int64() for name in ("paragraph", "sentence_id", "start", "end", "n_words", "n_sentences",
                                              "n_paragraphs", "mentions", "articles", "count", "line")}
_NULL_TYPES.update({"polarity": pa.float64(), "subjectivity": pa.float64(), "is_headline": pa.bool_(),
                    "published": pa.timestamp("us", tz="UTC")})


def to_arrow(df: pd.DataFrame) -> pa.Table:
    """A DataFrame as an Arrow table; all-missing columns get a fixed type, so parts agree on types."""
    table = pa.Table.from_pandas(df, preserve_index=False)
    for i, field in enumerate(table.schema):
        if pa.types.is_null(field.type):
            kind = _NULL_TYPES.get(field.name, pa.string())
            table = table.set_column(i, pa.field(field.name, kind), table.column(i).cast(kind))
    return table


def write_table(path: Path, data: pd.DataFrame | pa.Table) -> None:
    """Write one Parquet file atomically."""
    table = to_arrow(data) if isinstance(data, pd.DataFrame) else data
    _atomic_write(path, lambda tmp: pq.write_table(table, tmp, compression="zstd"))


def write_bytes(path: Path, data: bytes) -> None:
    """Write bytes (a Parquet file made elsewhere) atomically."""
    _atomic_write(path, lambda tmp: tmp.write_bytes(data))


def table_files(root: Path, folder: str) -> list[Path]:
    """The Parquet files of one table folder, in name order (parts: processing order)."""
    return sorted((root / folder).glob("*.parquet"))


def part_path(root: Path, name: str, part: str) -> Path:
    """Where batch ``part`` of per-article table ``name`` is stored."""
    return root / PART_TABLES[name] / f"{part}.parquet"


def read_manifest(root: Path) -> pd.DataFrame:
    """The manifest (empty with its columns when nothing was processed yet)."""
    path = root / MANIFEST
    if not path.is_file():
        return pd.DataFrame({c: pd.Series(dtype="str") for c in MANIFEST_COLUMNS})
    return pq.read_table(path).to_pandas()


def write_manifest(root: Path, manifest: pd.DataFrame) -> None:
    """Replace the manifest atomically."""
    write_table(root / MANIFEST, manifest[MANIFEST_COLUMNS].reset_index(drop=True))


def merge_manifest(manifest: pd.DataFrame, rows: Iterable[dict]) -> tuple[pd.DataFrame, dict[str, set[str]]]:
    """The manifest with ``rows`` replacing earlier rows of the same articles.

    Returns:
        The new manifest, and for each old part the article ids it no longer holds.
    """
    new = pd.DataFrame(list(rows), columns=MANIFEST_COLUMNS)
    replaced = manifest[manifest["article_id"].isin(new["article_id"])]
    stale: dict[str, set[str]] = {}
    for part, ids in replaced.groupby("part")["article_id"]:
        stale[str(part)] = set(ids)
    kept = manifest[~manifest["article_id"].isin(new["article_id"])]
    merged = pd.concat([f for f in (kept, new) if len(f)], ignore_index=True) if len(kept) or len(new) else manifest
    return merged, stale


def prune(root: Path, stale: dict[str, set[str]]) -> None:
    """Remove the rows of the given articles from their old parts (``articles`` last)."""
    for part, ids in stale.items():
        for name in PART_TABLES:
            path = part_path(root, name, part)
            if not path.is_file():
                continue
            table = pq.read_table(path)
            keep = table.filter(pc.invert(pc.is_in(table["article_id"], pa.array(sorted(ids), pa.string()))))
            if keep.num_rows == table.num_rows:
                continue
            if keep.num_rows:
                write_table(path, keep)
            else:
                path.unlink()
        logger.debug("pruned %d replaced article(s) from %s", len(ids), part)


def repair(root: Path, manifest: pd.DataFrame) -> int:
    """Make the part files agree with the manifest after an interrupted run.

    Deletes parts the manifest does not name and removes rows of articles that
    the manifest assigns to another part. Returns the number of files changed.
    """
    wanted = set(manifest["part"])
    changed = 0
    for folder in PART_TABLES.values():
        for path in table_files(root, folder):
            if path.stem not in wanted:
                path.unlink()
                changed += 1
    for tmp in root.rglob(".*.tmp"):  # temporary files of an interrupted write
        tmp.unlink(missing_ok=True)
    owner = dict(zip(manifest["article_id"], manifest["part"]))
    stale: dict[str, set[str]] = {}
    for path in table_files(root, PART_TABLES["articles"]):
        ids = pq.read_table(path, columns=["article_id"])["article_id"].to_pylist()
        extra = {i for i in ids if owner.get(i) != path.stem}
        if extra:
            stale[path.stem] = extra
    prune(root, stale)
    changed += len(stale)
    if changed:
        logger.warning("store %s: repaired %d part file(s) left by an interrupted run", root, changed)
    return changed


def problem_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    """The problems of a run as the rows of :data:`PROBLEMS`."""
    rows = [(p.path, p.message, p.line, p.severity) for p in problems]
    return pd.DataFrame(rows, columns=["path", "message", "line", "severity"]).astype({"line": "Int64"})


def read_problems(root: Path) -> Iterator[Problem]:
    """The problems recorded by the last run (:data:`PROBLEMS`)."""
    path = root / PROBLEMS
    if path.is_file():
        for row in pd.read_parquet(path).itertuples(index=False):
            yield Problem(row.path, row.message, None if pd.isna(row.line) else int(row.line), row.severity)
