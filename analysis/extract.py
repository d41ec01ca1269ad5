"""The per-article pass: a parsed article's tables, cached; stacked into corpus tables.

:func:`extract` turns one :class:`analysis.nlp.ParsedArticle` into its tables
(paragraphs, sentences, the article row, entity mentions resolved within the
article, quotations), each step seeing the tables made before it.
:func:`analyse_articles` runs spaCy and :func:`extract` over a corpus through a
cache keyed by each article's content hash and :func:`pipeline_version`, so
analysing the same corpus again does no NLP at all, on every core by default
(:mod:`analysis.parallel`: the same tables as one process); :func:`combine` stacks the
per-article tables, and :func:`finish_quotes` orders the quotations of a corpus
in time. Both :func:`analysis.analyse` and the store's workers
(:mod:`analysis.store`) build on these functions.

Offsets (``start``/``end``) in every table are character offsets into
:attr:`analysis.corpus.Article.text`.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import inspect
import logging
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis import config, entities, quotes
from analysis.corpus import Article
from analysis.frames import frame, str_column
from analysis.nlp import ParsedArticle, Unit, load_nlp, parse
from analysis.parallel import batch_collections, guided_size, imap_unordered, resolve_processes
from analysis.records import TABLE_COLUMNS
from analysis.sentiment import score
from analysis.sentiment.fast import scorer as fast_scorer

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["extract", "analyse_articles", "combine", "stack", "finish_quotes", "pipeline_version", "warm_up",
           "MIN_ARTICLES_PER_PROCESS"]

logger = logging.getLogger(__name__)

#: Code that shapes the cached tables (module or module:function) and the folders of the packages
#: whose every module does; its source is part of the cache key, so a change to it invalidates the cache.
_VERSIONED_CODE = ("analysis.extract", "analysis.records", "analysis.frames", "analysis.sentiment:score")
_VERSIONED_PACKAGES = ("nlp", "entities", "quotes")
_VERSIONED_FILES = ("sentiment/fast.py", "entities/data/places.tsv")
#: How a cache entry is written: one pickle per article (a twentieth of the time of a Parquet file per
#: table, and exactly the frames that were stored); pandas' version is part of the key.
_CACHE_FORMAT = "pickle-5"
#: A helper process starts in about 2 s (imports, spaCy model, TextBlob lexicon), the time of some
#: 15 articles: each process beyond this one is only started for this many articles to parse.
MIN_ARTICLES_PER_PROCESS = 24
#: Articles per job handed to a process (a share of the work left, within these bounds).
_CHUNK = (2, 32)


class _Scores:
    """:func:`analysis.sentiment.score`, computed once per distinct text of an article (a one-sentence
    paragraph and its sentence are the same text); a paragraph from the tokens of its sentences and the
    article from those of its paragraphs when :meth:`analysis.sentiment.fast.Scorer.pieces` allows (the
    same numbers, without tokenising the same words again)."""

    def __init__(self) -> None:
        self._fast = fast_scorer()
        self._memo: dict[str, tuple[float, float]] = {}
        self._tokens: dict[str, list[str]] = {}

    def _tokenised(self, text: str) -> list[str]:
        hit = self._tokens.get(text)
        if hit is None:
            hit = self._tokens[text] = self._fast.tokens(text)  # type: ignore[union-attr]
        return hit

    def __call__(self, text: str) -> tuple[float, float]:
        hit = self._memo.get(text)
        if hit is None:
            fast = self._fast
            hit = self._memo[text] = score(text) if fast is None else fast.from_tokens(self._tokenised(text))
        return hit

    def pieces(self, text: str, bounds: list[tuple[int, int]]) -> tuple[float, float]:
        """The score of ``text``, made of the pieces ``text[a:b]`` at ``bounds`` (in order) and the gaps
        between them."""
        hit = self._memo.get(text)
        fast = self._fast
        if hit is not None or fast is None or not bounds or bounds[0][0] != 0 or bounds[-1][1] != len(text):
            return hit or self(text)
        tokens = fast.pieces([text[a:b] for a, b in bounds],
                             [text[b:a] for (_, b), (a, _) in zip(bounds, bounds[1:])], self._tokenised)
        if tokens is None:
            return self(text)
        self._tokens[text] = tokens
        hit = self._memo[text] = fast.from_tokens(tokens)
        return hit


#: The dtype pandas infers for each column of the per-article row tables (all rows have every value).
_ROW_DTYPES: dict[str, object] = {
    "sentence_id": np.int64, "paragraph": np.int64, "is_headline": bool, "start": np.int64, "end": np.int64,
    "text": "str", "n_sentences": np.int64, "n_words": np.int64, "polarity": np.float64,
    "subjectivity": np.float64, "spacy_label": "str", "n_paragraphs": np.int64}

#: The column labels of each row table, made once.
_COLUMN_INDEX: dict[tuple[str, ...], pd.Index] = {}


def _frame(values: dict[str, list]) -> pd.DataFrame:
    """The frame pandas makes of these rows (given as columns): each column built with the dtype it would
    infer (:data:`_ROW_DTYPES`), without row dicts; with no rows, the same object columns as before."""
    if not next(iter(values.values())):
        return pd.DataFrame([], columns=list(values))
    names = tuple(values)
    columns = _COLUMN_INDEX.get(names)
    if columns is None:
        columns = _COLUMN_INDEX[names] = pd.Index(list(names))
    return frame(columns, [str_column(column) if _ROW_DTYPES[name] == "str"
                           else np.array(column, dtype=_ROW_DTYPES[name]) for name, column in values.items()])


def _paragraph_rows(parsed: ParsedArticle, scored: _Scores) -> pd.DataFrame:
    bounds: dict[int, list[tuple[int, int]]] = {}
    for _, u, sent in parsed.sentences():
        bounds.setdefault(u.paragraph, []).append((sent.start_char, sent.end_char))
    out: dict[str, list] = {name: [] for name in TABLE_COLUMNS["paragraphs"][1:]}
    for unit in parsed.units:
        text = unit.text
        sentences = bounds.get(unit.paragraph, [])
        pol, subj = scored.pieces(text, sentences)
        for column, value in zip(out.values(), (unit.paragraph, unit.paragraph == 0, unit.start,
                                                unit.start + len(text), text, len(sentences), pol, subj)):
            column.append(value)
    return _frame(out)


def _sentence_rows(parsed: ParsedArticle, scored: _Scores) -> pd.DataFrame:
    out: dict[str, list] = {name: [] for name in TABLE_COLUMNS["sentences"][1:]}
    for sid, unit, sent in parsed.sentences():
        start, end = unit.offsets(sent)
        text = unit.text[sent.start_char:sent.end_char]  # Span.text, without making its tokens
        pol, subj = scored(text)
        for column, value in zip(out.values(), (sid, unit.paragraph, unit.paragraph == 0, start, end, text,
                                                unit.column("is_punct")[sent.start:sent.end].count(False),
                                                pol, subj)):
            column.append(value)
    return _frame(out)


def _sentence_ents(unit: Unit, sent: Span) -> list[Span]:
    """``sent.ents`` (the entities within the sentence), from the unit's ``doc.ents`` made once."""
    out = []
    for ent in unit.memo("ents", lambda u: tuple(u.doc.ents)):
        if ent.start >= sent.start:
            if ent.end <= sent.end:
                out.append(ent)
            else:
                break
    return out


def _mention_rows(parsed: ParsedArticle) -> pd.DataFrame:
    out: dict[str, list] = {name: [] for name in ("sentence_id", "paragraph", "start", "end", "text", "spacy_label")}
    for sid, unit, sent in parsed.sentences():
        for ent in _sentence_ents(unit, sent):
            start, end = unit.offsets(ent)
            for column, value in zip(out.values(), (sid, unit.paragraph, start, end, ent.text, ent.label_)):
                column.append(value)
    return _frame(out)


def _article_row(parsed: ParsedArticle, sentences: pd.DataFrame, scored: _Scores) -> pd.DataFrame:
    text = parsed.article.text
    units = sorted(parsed.units, key=lambda u: u.paragraph)
    bounds, at = [], 0
    for unit in units:  # where each line is, if the text is theirs
        bounds.append((at, at + len(unit.text)))
        at += len(unit.text) + 1
    pol, subj = scored.pieces(text, bounds) if all(text[a:b] == u.text for (a, b), u in zip(bounds, units)) \
        else scored(text)
    return _frame({"n_paragraphs": [len(parsed.units) - 1], "n_sentences": [len(sentences)],
                   "n_words": [int(sentences["n_words"].to_numpy().sum()) if len(sentences) else 0],
                   "polarity": [pol], "subjectivity": [subj]})


def extract(parsed: ParsedArticle) -> dict[str, pd.DataFrame]:
    """All per-article tables of one parsed article (no ``article_id`` column yet).

    The steps run in order, each seeing the tables made before it: paragraphs,
    sentences, raw mentions, then entity resolution within the article
    (:func:`analysis.entities.resolve_article_mentions`) and quotations
    (:func:`analysis.quotes.extract_quotes`).
    """
    scored = _Scores()
    tables: dict[str, pd.DataFrame] = {}
    tables["paragraphs"] = _paragraph_rows(parsed, scored)
    tables["sentences"] = _sentence_rows(parsed, scored)
    tables["article"] = _article_row(parsed, tables["sentences"], scored)
    tables["mentions"] = entities.resolve_article_mentions(parsed, _mention_rows(parsed))
    tables["quotes"] = quotes.extract_quotes(parsed, tables)
    return tables


# --- cache --------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A short hash of everything that shapes the cached tables: code, spaCy, model, TextBlob."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    for name in _VERSIONED_CODE:
        module, _, attr = name.partition(":")
        obj = importlib.import_module(module)
        h.update(inspect.getsource(getattr(obj, attr) if attr else obj).encode())
    package = Path(__file__).parent
    paths = [path for folder in _VERSIONED_PACKAGES for path in sorted((package / folder).glob("*.py"))]
    for path in paths + [package / name for name in _VERSIONED_FILES]:
        h.update(path.read_bytes())
    for package in ("spacy", "textblob", *config.SPACY_MODELS):
        try:
            h.update(f"{package}=={version(package)}|".encode())
        except PackageNotFoundError:
            continue
    return h.hexdigest()[:16]


def _cache_path(cache_dir: Path, article: Article) -> Path:
    key = hashlib.sha256(f"{pipeline_version()}|{_CACHE_FORMAT}|pandas {pd.__version__}|"
                         f"{article.content_hash}".encode()).hexdigest()
    return cache_dir / pipeline_version() / key[:2] / f"{key}.pickle"


def _cache_load(path: Path) -> dict[str, pd.DataFrame] | None:
    """The tables stored at ``path``; None when there are none, or they cannot be read (they are
    computed again). The cache is this user's own folder: do not point it at one others can write."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        tables = pickle.loads(data)
        if isinstance(tables, dict) and all(isinstance(df, pd.DataFrame) for df in tables.values()):
            return tables
        raise ValueError("not a dict of tables")
    except Exception as exc:  # noqa: BLE001 - a damaged entry is recomputed, whatever the damage
        logger.warning("ignoring damaged cache entry %s: %s", path, exc)
        return None


def _cache_store(path: Path, tables: dict[str, pd.DataFrame]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(tables, fh, protocol=5)
        os.replace(tmp, path)
    except OSError as exc:  # a full disk or a read-only cache costs speed, not the run
        logger.warning("could not write cache entry %s: %s", path, exc)
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)


# --- whole corpus -------------------------------------------------------------------------

def _article_meta(article: Article) -> dict:
    return {"article_id": article.id, "title": article.title, "source": article.source, "url": article.url,
            "published": article.published, "authors": "; ".join(article.authors), "path": article.path,
            "encoding": article.encoding}


def analyse_articles(articles: Iterable[Article], *, cache_dir: str | os.PathLike | None = None,
                     use_cache: bool = True, n_process: int | None = None, batch_size: int = 256,
                     progress: bool = True) -> dict[str, pd.DataFrame]:
    """Run the per-article pass over articles, through the cache.

    Args:
        articles: The articles.
        cache_dir: The cache folder (default :data:`analysis.config.CACHE_DIR`).
        use_cache: Read and write the cache.
        n_process: Processes for the articles not in the cache (default: one per CPU); at most
            one per :data:`MIN_ARTICLES_PER_PROCESS` of them. The tables are the same.
        batch_size: Docs (headlines and paragraphs) per spaCy batch.
        progress: Show a progress bar.

    Returns:
        Tables keyed by name (``articles``, ``paragraphs``, ``sentences``,
        ``mentions``, ``quotes``), each with an ``article_id`` column; rows in
        article order.
    """
    from analysis.progress import progress_bar  # a tqdm bar, or in a notebook a plain line (not stderr)

    articles = list(articles)
    n_process = resolve_processes(n_process)
    cache = Path(cache_dir) if cache_dir is not None else config.CACHE_DIR
    hits: dict[str, dict[str, pd.DataFrame]] = {}
    todo: list[Article] = []
    for article in articles:
        hit = _cache_load(_cache_path(cache, article)) if use_cache else None
        if hit is not None:
            hits[article.id] = hit
        else:
            todo.append(article)
    processes = max(1, min(n_process, len(todo) // MIN_ARTICLES_PER_PROCESS))
    logger.info("%d articles: %d from cache, %d to parse on %d process(es)", len(articles),
                len(articles) - len(todo), len(todo), processes)
    if not todo:
        return combine(articles, hits)
    bar = progress_bar(total=len(todo), desc="NLP", unit="article", enabled=progress)
    store = cache if use_cache else None
    if processes == 1:  # a stream: one spaCy pipe over every article
        warm_up()  # the model loaded before the collector freezes what is alive
        with batch_collections():
            for article_id, tables in _analysed(todo, store, batch_size):
                hits[article_id] = tables
                bar.update()
        bar.close()
        return combine(articles, hits)
    # Each job comes back as a few stacked tables (unpickling many small frames would cost this
    # process, which also parses, a second per 600 articles); the cache hits are stacked here.
    parts = [(list(hits), combine([a for a in articles if a.id in hits], hits))] if hits else []
    jobs = ((chunk, store, batch_size) for chunk in _chunks(todo, processes))
    # closed here even on an error: a traceback kept by a notebook must not keep its helpers and collector settings
    with contextlib.closing(imap_unordered(_analyse_chunk, jobs, processes=processes, initializer=warm_up)) as done:
        for part in done:
            parts.append(part)
            bar.update(len(part[0]))
    bar.close()
    return stack(articles, [tables for _ids, tables in parts])


def _chunks(articles: list[Article], processes: int) -> Iterator[list[Article]]:
    """The articles in jobs: all at once for one process, else shares of the text left (guided)."""
    if processes <= 1:
        yield articles
        return
    sizes = [len(a.text) for a in articles]
    left, i = sum(sizes), 0
    while i < len(articles):
        target = guided_size(left, processes, low=0, high=left)
        j, chars = i, 0
        while j < len(articles) and (j - i < _CHUNK[0] or (chars < target and j - i < _CHUNK[1])):
            chars, j = chars + sizes[j], j + 1
        yield articles[i:j]
        left, i = left - chars, j


def _analysed(articles: list[Article], cache: Path | None, batch_size: int
              ) -> Iterator[tuple[str, dict[str, pd.DataFrame]]]:
    """(id, :func:`extract` tables) of each article, stored in the cache (``None``: no cache)."""
    for parsed in parse(articles, batch_size=batch_size):
        tables = extract(parsed)
        if cache is not None:
            _cache_store(_cache_path(cache, parsed.article), tables)
        yield parsed.article.id, tables


def _analyse_chunk(job: tuple[list[Article], Path | None, int]) -> tuple[list[str], dict[str, pd.DataFrame]]:
    """One job of a process: the ids of a chunk of articles and their tables, :func:`combine`-d."""
    articles = job[0]
    return [a.id for a in articles], combine(articles, dict(_analysed(*job)))


def warm_up() -> None:
    """Load what the per-article pass needs (spaCy model, TextBlob lexicon): a helper process does
    this as it starts, while this one is already parsing."""
    from analysis.entities.places import load as load_places
    from analysis.sentiment.fast import scorer

    load_nlp()
    scorer()
    load_places()
    pipeline_version()


def combine(articles: list[Article], results: dict[str, dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """Stack the per-article tables of :func:`extract` into corpus tables.

    Args:
        articles: The articles, in the order of the rows wanted.
        results: :func:`extract`'s tables of each article, keyed by article id.

    Returns:
        The tables of :data:`TABLE_COLUMNS`, each with ``article_id`` first
        (``articles`` with the article metadata).
    """
    parts: dict[str, list[tuple[Article, pd.DataFrame]]] = {}
    for article in articles:
        for name, df in results[article.id].items():
            parts.setdefault("articles" if name == "article" else name, []).append((article, df))
    out = {}
    for name, pairs in parts.items():
        if name == "articles":
            out[name] = _articles_table(pairs)
            continue
        pairs = [(article, df) for article, df in pairs if len(df)] or pairs[:1]
        if not len(pairs[0][1]):  # no rows at all: the empty frame of the first article
            df = pairs[0][1].copy()
            df.insert(0, "article_id", pairs[0][0].id)
            out[name] = df
            continue
        df = pd.concat([df for _article, df in pairs], ignore_index=True)
        ids = np.repeat(np.array([article.id for article, _df in pairs], dtype=object), [len(f) for _a, f in pairs])
        df.insert(0, "article_id", pd.Series(ids, index=df.index))
        out[name] = df
    for name, columns in TABLE_COLUMNS.items():
        out.setdefault(name, pd.DataFrame(columns=columns))
    if len(out["articles"]):
        out["articles"]["published"] = pd.to_datetime(out["articles"]["published"], utc=True)
    return out


def _value_kind(value: object) -> object:
    """What decides the type pandas infers for a metadata column holding ``value`` (None: no fast path)."""
    if value is None or type(value) is str:
        return type(value)
    if isinstance(value, pd.Timestamp):
        return pd.Timestamp, value.tz, value.unit
    return None


def _articles_table(pairs: list[tuple[Article, pd.DataFrame]]) -> pd.DataFrame:
    """The ``articles`` table: each article's metadata and its one-row ``article`` frame.

    Its columns have the types of one frame per article stacked (a column of titles
    with a missing one is ``object``, not ``str``). When every article's values are of one
    kind per column, which is the rule, the columns are built at once, 20× faster
    (``test_articles_table_is_that_of_one_frame_per_article`` holds the two ways equal).
    """
    metas = [_article_meta(article) for article, _df in pairs]
    frames = [df for _article, df in pairs]
    if len(pairs) > 1 and all(len(df) == 1 for df in frames):
        columns = list(frames[0].columns)
        kinds = [{_value_kind(meta[key]) for meta in metas} for key in metas[0]]
        arrays = {c: [df[c].to_numpy() for df in frames] for c in columns}
        if (all(len(k) == 1 and None not in k for k in kinds) and all(list(df.columns) == columns for df in frames)
                and all(len({a.dtype for a in values}) == 1 and values[0].dtype != object
                        for values in arrays.values())):
            data = {key: [meta[key] for meta in metas] for key in metas[0]}
            data.update({c: np.concatenate(values) for c, values in arrays.items()})
            return pd.DataFrame(data)
    stacked = [pd.DataFrame({**{key: [value] * len(df) for key, value in meta.items()},
                             **{column: df[column] for column in df.columns}}, index=df.index)
               for meta, df in zip(metas, frames)]
    stacked = [f for f in stacked if len(f)] or stacked[:1]
    return pd.concat(stacked, ignore_index=True)


def stack(articles: list[Article], parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """:func:`combine`'s tables of disjoint sets of ``articles``, as one set: rows in article order.

    Gives the tables :func:`combine` gives for all the articles at once (the test
    ``test_nlp_pass_on_two_processes_gives_the_tables_of_one`` holds it to that).
    """
    if len(parts) == 1:
        return parts[0]
    position = {article.id: i for i, article in enumerate(articles)}
    out = {}
    for name in parts[0]:
        frames = [part[name] for part in parts if len(part[name])] or [parts[0][name]]
        df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        order = df["article_id"].map(position).to_numpy()
        if len(df) and (np.diff(order) < 0).any():  # stable: the rows of an article keep their order
            df = df.iloc[np.argsort(order, kind="stable")].reset_index(drop=True)
        out[name] = df
    return out


def finish_quotes(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Add ``published``/``source``, make ``quote_id`` unique in the corpus, order by time."""
    meta = articles[["article_id", "published", "source"]]
    out = quotes.drop(columns=[c for c in ("published", "source") if c in quotes.columns])
    out = out.merge(meta, on="article_id", how="left")
    out["quote_id"] = out["article_id"] + ":" + out["quote_id"].astype(str)
    order = ["article_id", "published", "source", "quote_id"]
    out = out[order + [c for c in out.columns if c not in order]]
    return out.sort_values(["published", "article_id", "start"], na_position="last", kind="stable",
                           ignore_index=True)
