"""A faster stand-in for spaCy's rule ``lemmatizer`` that sets the same lemmas.

spaCy's rule lemmatizer caches a lemma by (ORTH, POS, MORPH), but returns
before caching for every token it takes as a base form (a singular noun, an
infinitive, a positive adjective: most tokens of news text), so it works those
out again on every occurrence, through a Token object and ``morph.to_dict()``.
:class:`CompiledLemmatizer` reads the three columns of a doc with one
``Doc.to_array`` call, looks each token's lemma up in its own cache by the
same key, asks the stock component's ``lemmatize`` on a miss (so every lemma
is the one it gives) and writes the column back with ``Doc.from_array``. As
the stock component, it only sets tokens without a lemma unless ``overwrite``.
:func:`compile_lemmatizer` returns ``None`` for a lemmatizer that is not the
stock rule lemmatizer (another mode, or ``rule_lemmatize`` overridden): then
the stock component stays.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

__all__ = ["CompiledLemmatizer", "compile_lemmatizer"]

#: Keys remembered before the cache starts afresh.
CACHE_SIZE = 500_000


class CompiledLemmatizer:
    """The lemmas of a stock rule lemmatizer, cached by (ORTH, POS, MORPH) for every token.

    Args:
        stock: The spaCy lemmatizer whose lemmas are set; asked for each key not seen yet.
    """

    def __init__(self, stock: Lemmatizer) -> None:
        self.stock = stock
        self.overwrite = bool(stock.overwrite)
        self._cache: dict[tuple[int, int, int], str] = {}

    def _lemma(self, doc: Doc, i: int, key: tuple[int, int, int]) -> str:
        """The stock lemma of ``doc[i]`` (whose key is ``key``), remembered unless it has no POS."""
        lemma = self._cache.get(key)
        if lemma is None:
            lemma = self.stock.lemmatize(doc[i])[0]
            if key[1]:  # no POS: the stock component warns every time, so it is asked every time
                if len(self._cache) >= CACHE_SIZE:
                    self._cache.clear()
                self._cache[key] = lemma
        return lemma

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        strings = doc.vocab.strings
        hashes: dict[tuple[int, int, int], int] = {}  # lemma hashes of this doc (added to its StringStore)
        out = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                out.append(lemma)
                continue
            key = (orth, pos, morph)
            h = hashes.get(key) if pos else None
            if h is None:
                h = hashes[key] = strings.add(self._lemma(doc, i, key))
            out.append(h)
        doc.from_array([LEMMA], numpy.array(out, dtype=numpy.uint64).reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """spaCy's component protocol: each doc in turn."""
        for doc in docs:
            yield self(doc)


def compile_lemmatizer(lemmatizer: object) -> CompiledLemmatizer | None:
    """A :class:`CompiledLemmatizer` for a stock spaCy rule lemmatizer, else None."""
    if not isinstance(lemmatizer, Lemmatizer) or getattr(lemmatizer, "mode", None) != "rule":
        return None
    if type(lemmatizer).rule_lemmatize is not Lemmatizer.rule_lemmatize:
        return None  # its lemmas may depend on more than (ORTH, POS, MORPH)
    return CompiledLemmatizer(lemmatizer)
