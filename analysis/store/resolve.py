"""Corpus-level entity resolution over a store in bounded memory (the end of ``process``).

Gives the tables :func:`analysis.entities.resolve_corpus` and :func:`analysis.extract.finish_quotes`
give for the whole store, with the same code, but reads the raw per-article tables one chunk of
articles at a time (consecutive parts together, up to ``chunk_articles``; an article never spans parts,
and a larger part is split):

1. counts of the distinct (entity, label, spaCy PERSON, surface form) of all raw mentions
   (:func:`analysis.entities.corpus.aggregate`) decide the corpus names and labels
   (:func:`analysis.entities.corpus.plan`);
2. each chunk's mentions are resolved and appended to ``mentions``; what ``entities`` and
   ``cooccurrence`` need adds up over chunks (:mod:`analysis.entities.tables`); each chunk's speaker map
   goes to a work file;
3. each part's quotations get corpus speaker names, ids, dates and sources; their statements are
   grouped one speaker at a time (DuckDB streams them ordered by speaker:
   :func:`analysis.statements.assign_statements`), and DuckDB sorts them by date into ``quotes``
   (spilling to disk beyond ``memory_limit``).

Memory grows with the number of distinct names and surface forms, and entity pairs, not with the number
of articles. Every output is written under a temporary name and replaced only when all four are done.
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis import entities, statements
from analysis.entities import corpus, tables
from analysis.entities.aliases import as_aliases
from analysis.extract import finish_quotes
from analysis.records import TABLE_COLUMNS
from analysis.store import layout

__all__ = ["ResolveStats", "resolve_store", "DEFAULT_CHUNK_ARTICLES", "DEFAULT_MEMORY_LIMIT"]

logger = logging.getLogger(__name__)

#: Articles resolved at once (a part holding more is split).
DEFAULT_CHUNK_ARTICLES = 1000
#: DuckDB's memory limit when sorting the quotations (it spills to disk beyond it).
DEFAULT_MEMORY_LIMIT = "128MB"
#: Sentence columns read (not the text).
SENTENCE_COLUMNS = ["article_id", "sentence_id", "polarity", "subjectivity"]
_WORK = "_resolve_work"


@dataclass(frozen=True)
class ResolveStats:
    """What :func:`resolve_store` read.

    Attributes:
        parts: Part files (batches of articles).
        chunks: Chunks of articles resolved.
        mentions: Raw mention rows in the store.
        largest_chunk: Most raw mention rows held at once.
    """

    parts: int
    chunks: int
    mentions: int
    largest_chunk: int


@dataclass
class _Chunk:
    part: list[str]
    mentions: pd.DataFrame
    articles: pd.DataFrame
    sentences: pd.DataFrame


class _Folder:
    """One per-article table of the store, read one part at a time with the schema of all its parts."""

    def __init__(self, root: Path, name: str, columns: list[str] | None = None) -> None:
        self.files = {f.stem: f for f in layout.table_files(root, layout.PART_TABLES[name])}
        schemas = [pq.read_schema(f) for f in self.files.values()]
        self.schema = pa.unify_schemas(schemas, promote_options="permissive") if schemas else None
        self.columns = columns
        if self.schema is None:
            self.empty = pd.DataFrame(columns=columns or TABLE_COLUMNS[name])
        else:
            self.empty = self.schema.empty_table().select(columns or self.schema.names).to_pandas()

    def read(self, parts: list[str]) -> pd.DataFrame:
        """The rows of ``parts``, in that order."""
        paths = [str(self.files[part]) for part in parts if part in self.files]
        if not paths:
            return self.empty
        tables = [pq.read_table(path, columns=self.columns, schema=self.schema) for path in paths]
        return pa.concat_tables(tables).to_pandas()

    def rows(self, part: str) -> int:
        """Rows of one part (from its footer)."""
        return pq.read_metadata(self.files[part]).num_rows if part in self.files else 0


def _groups(parts: list[str], articles: _Folder, size: int) -> list[list[str]]:
    """Consecutive parts read together, up to ``size`` articles (a larger part alone): a chunk's
    work costs about as much for 100 articles as for 1000, so few chunks make a short step."""
    groups: list[list[str]] = []
    count = size
    for part in parts:
        n = articles.rows(part)
        if count + n > size:
            groups.append([])
            count = 0
        groups[-1].append(part)
        count += n
    return groups


class _Writer:
    """Appends tables to one Parquet file, all cast to the schema of the first with rows (an empty
    table is written only when no other is)."""

    def __init__(self, path: Path) -> None:
        self.path, self.writer, self.schema, self.empty = path, None, None, None

    def write(self, df: pd.DataFrame) -> None:
        if not len(df):
            self.empty = df if self.empty is None else self.empty
            return
        table = layout.to_arrow(df)
        if self.writer is None:
            self.schema = table.schema
            self.writer = pq.ParquetWriter(self.path, self.schema, compression="zstd")
        self.writer.write_table(table.select(self.schema.names).cast(self.schema))

    def close(self) -> None:
        if self.writer is None and self.empty is not None:
            table = layout.to_arrow(self.empty)
            self.schema = table.schema
            pq.write_table(table, self.path, compression="zstd")
        elif self.writer is not None:
            self.writer.close()


def _temp(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    return Path(tmp)


def _chunks(part: list[str], mentions: pd.DataFrame, size: int, articles: pd.DataFrame | None = None,
            sentences: pd.DataFrame | None = None) -> Iterator[_Chunk]:
    """A group of parts' rows in chunks of at most ``size`` articles (by their order in ``mentions``)."""
    if len(mentions) == 0 or mentions["article_id"].nunique() <= size:
        yield _Chunk(part, mentions, articles, sentences)
        return
    group = pd.Series(pd.factorize(mentions["article_id"])[0] // size, index=mentions.index)
    for _, rows in mentions.groupby(group, sort=True):
        ids = rows["article_id"].unique()
        yield _Chunk(part, rows.reset_index(drop=True),
                     None if articles is None else articles[articles["article_id"].isin(ids)],
                     None if sentences is None else sentences[sentences["article_id"].isin(ids)])


def resolve_store(root: Path, *, aliases, chunk_articles: int = DEFAULT_CHUNK_ARTICLES,
                  memory_limit: str = DEFAULT_MEMORY_LIMIT) -> ResolveStats:
    """Resolve entities over the store ``root``; replace its corpus-level tables.

    Args:
        root: The store folder.
        aliases: An alias file (path), a mapping shaped like one, or None.
        chunk_articles: Articles resolved at once.
        memory_limit: DuckDB's memory limit for sorting the quotations, e.g. "256MB".

    Raises:
        ValueError: ``chunk_articles`` is below 1, or the alias file is invalid.
    """
    if chunk_articles < 1:
        raise ValueError(f"chunk_articles must be at least 1, not {chunk_articles}")
    alias = as_aliases(aliases)
    work = root / _WORK
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    outputs = {name: root / name / "data.parquet" for name in layout.CORPUS_TABLES}
    temps = {name: _temp(path) for name, path in outputs.items()}
    try:
        raw = _Folder(root, "mentions")
        parts = sorted(set(raw.files) | set(_Folder(root, "quotes").files) | set(_Folder(root, "articles").files))
        groups = _groups(parts, _Folder(root, "articles", columns=["article_id"]), chunk_articles)
        largest = n_chunks = 0
        # 1. the plan, from counts of distinct names
        agg, offset = corpus.aggregate(raw.empty), 0
        light = _Folder(root, "mentions", columns=["article_id", "entity", "label", "spacy_label", "text"])
        for group in groups:
            for chunk in _chunks(group, light.read(group), chunk_articles):
                agg = corpus.combine_aggregates([agg, corpus.aggregate(chunk.mentions, offset=offset)])
                offset += len(chunk.mentions)
                largest = max(largest, len(chunk.mentions))
        n_mentions = offset
        plan = corpus.plan(agg, alias)
        del agg
        logger.info("entity plan made from %d mentions in %d part(s)", n_mentions, len(parts))
        # 2. mentions, entity parts, speaker maps
        articles = _Folder(root, "articles", columns=["article_id", "source", "published"])
        sentences = _Folder(root, "sentences", columns=SENTENCE_COLUMNS)
        mentions_out = _Writer(temps["mentions"])
        acc: tables.EntityParts | None = None
        pairs: pd.DataFrame | None = None
        names = corpus.speaker_names([])
        labels = pd.Series(dtype="str")
        raw_offset = res_offset = 0
        try:
            for i, group in enumerate(groups):
                speaker_maps = []
                for chunk in _chunks(group, raw.read(group), chunk_articles, articles.read(group),
                                     sentences.read(group)):
                    resolved, speakers = corpus.apply(plan, chunk.mentions, offset=raw_offset)
                    raw_offset += len(chunk.mentions)
                    largest, n_chunks = max(largest, len(chunk.mentions)), n_chunks + 1
                    mentions_out.write(resolved)
                    if not len(resolved):
                        continue
                    speaker_maps.append(speakers)
                    part_acc = tables.entity_parts(resolved, chunk.articles, chunk.sentences, offset=res_offset)
                    acc = part_acc if acc is None else tables.combine_entity_parts(acc, part_acc)
                    chunk_pairs = tables.pair_counts(resolved)
                    pairs = chunk_pairs if pairs is None else tables.combine_pair_counts(pairs, chunk_pairs)
                    names = corpus.speaker_names([names, speakers])
                    first = entities.first_labels(resolved)
                    labels = pd.concat([labels, first[~first.index.isin(labels.index)]])
                    res_offset += len(resolved)
                if speaker_maps:
                    pd.concat(speaker_maps, ignore_index=True).to_parquet(work / f"group-{i:06d}.parquet", index=False)
            if not parts:
                mentions_out.write(corpus.apply(plan, raw.empty)[0])
        finally:
            mentions_out.close()
        if acc is None:
            entity_table = pd.DataFrame(columns=tables.ENTITY_COLUMNS)
            cooccurrence = pd.DataFrame(columns=tables.COOCCURRENCE_COLUMNS)
        else:
            entity_table = tables.finish_entity_table(acc)
            cooccurrence = tables.finish_cooccurrence(pairs, tables.best_labels(acc.labels))
        del pairs
        pq.write_table(layout.to_arrow(entity_table), temps["entities"], compression="zstd")
        pq.write_table(layout.to_arrow(cooccurrence), temps["cooccurrence"], compression="zstd")
        del entity_table, cooccurrence
        logger.debug("entities and cooccurrence written")
        # 3. quotations: speakers, ids, dates; then sorted by DuckDB
        names_map = names.set_index("old")["entity"]
        quotes = _Folder(root, "quotes")
        unsorted = _Writer(work / "quotes.parquet")
        row, schema, first = 0, None, None
        try:
            for i, group in enumerate(groups):
                path = work / f"group-{i:06d}.parquet"
                speakers = pd.read_parquet(path) if path.is_file() else pd.DataFrame(columns=corpus.SPEAKER_COLUMNS)
                q = entities.map_speakers(quotes.read(group), speakers, names_map, labels, alias)
                q = finish_quotes(q, articles.read(group))
                first = q if first is None else first
                if schema is None and len(q):
                    schema = layout.to_arrow(q).schema
                unsorted.write(q.assign(_row=range(row, row + len(q))))
                row += len(q)
            if first is None:  # no part at all
                first = finish_quotes(quotes.empty, articles.empty)
                unsorted.write(first.assign(_row=pd.Series(dtype="int64")))
            schema = schema or layout.to_arrow(first).schema
        finally:
            unsorted.close()
        logger.debug("quotations mapped")
        con = _duckdb(work, memory_limit)  # one connection for both steps (each costs some 20 ms)
        try:
            _statement_ids(work / "quotes.parquet", work / "statements.parquet", con=con)
            schema = schema.append(pa.field("statement_id", pa.string()))
            _sort_quotes(work / "quotes.parquet", work / "statements.parquet", temps["quotes"], schema, con=con)
        finally:
            con.close()
        for name in layout.CORPUS_TABLES:
            os.replace(temps[name], outputs[name])
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    stats = ResolveStats(parts=len(parts), chunks=n_chunks, mentions=n_mentions, largest_chunk=largest)
    logger.info("resolved %d mentions in %d chunk(s) of at most %d", stats.mentions, stats.chunks,
                stats.largest_chunk)
    return stats


def _duckdb(work: Path, memory_limit: str) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    con.execute("SET TimeZone = 'UTC'")
    con.execute(f"SET memory_limit = '{memory_limit}'")
    con.execute("SET threads = 1")
    con.execute("SET temp_directory = '{}'".format(str(work / "duckdb").replace("'", "''")))
    return con


def _statement_ids(source: Path, target: Path, *, con: duckdb.DuckDBPyConnection,
                   batch_rows: int = 8192) -> None:
    """``quote_id`` and ``statement_id`` of every quotation, grouped one speaker at a time: DuckDB (``con``)
    streams the quotations ordered by speaker, and a speaker's rows go to
    :func:`analysis.statements.assign_statements` once the stream has moved past them."""
    schema = pa.schema([("quote_id", pa.string()), ("statement_id", pa.string())])

    def write(writer: pq.ParquetWriter, rows: pd.DataFrame) -> None:
        if len(rows):
            ids = statements.assign_statements(rows)
            writer.write_table(pa.Table.from_pandas(pd.DataFrame({"quote_id": rows["quote_id"].astype(str),
                                                                  "statement_id": ids.astype(str)}),
                                                    schema=schema, preserve_index=False))

    result = con.sql("SELECT quote_id, article_id, published, start, text, speaker FROM read_parquet($source) "
                     "ORDER BY speaker NULLS FIRST, _row", params={"source": str(source)})
    with pq.ParquetWriter(target, schema, compression="zstd") as writer:
        pending = None
        for batch in result.to_arrow_reader(batch_rows):
            rows = batch.to_pandas()
            rows = rows if pending is None else pd.concat([pending, rows], ignore_index=True)
            last = rows["speaker"].iloc[-1]  # its rows may go on in the next batch
            open_ = rows["speaker"].eq(last).fillna(False) if pd.notna(last) else pd.Series(False, index=rows.index)
            write(writer, rows[~open_])  # every other speaker is complete; no speaker: each on its own
            pending = rows[open_]
        if pending is not None:
            write(writer, pending)


def _sort_quotes(source: Path, ids: Path, target: Path, schema: pa.Schema, *,
                 con: duckdb.DuckDBPyConnection) -> None:
    """Quotations with their ``statement_id`` (from ``ids``), ordered by DuckDB (``con``) as
    :func:`analysis.extract.finish_quotes` orders them (``_row``: their order before, to keep ties
    stable), written with ``schema``."""
    result = con.sql("SELECT q.* EXCLUDE (_row), s.statement_id FROM read_parquet($source) q "
                     "LEFT JOIN read_parquet($ids) s USING (quote_id) "
                     "ORDER BY published ASC NULLS LAST, article_id ASC NULLS LAST, start ASC NULLS LAST, _row",
                     params={"source": str(source), "ids": str(ids)})
    with pq.ParquetWriter(target, schema, compression="zstd") as writer:
        for batch in result.to_arrow_reader(8192):
            writer.write_table(pa.Table.from_batches([batch]).select(schema.names).cast(schema))
