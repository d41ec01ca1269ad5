"""The compiled lemmatizer sets exactly the lemmas of spaCy's rule lemmatizer."""
from __future__ import annotations

import pickle

import pytest
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from analysis import config, read_corpus
from analysis.nlp import COMPILED_LEMMATIZER, load_model, load_nlp
from analysis.nlp.lemmas import CompiledLemmatizer, compile_lemmatizer

#: Invented sentences: base forms, inflections, exceptions (went, better, mice), contractions, names,
#: numbers, symbols, spaces, and the same words again (the second time from the cache).
SENTENCES = [
    "The ministers went to Astana and met the better-known mice.",
    "She was running faster than the runners who had run before.",
    "They're saying it's the best of times; we'd known worse.",
    "Kassym-Jomart Tokayev's government cut taxes by 3.5% in 2024 — €40m.",
    "  Spaces\tand\n\nbreaks   between words.  ",
    "Ministers went, ministers go, a minister goes: the ministers went again.",
    "WHO officials said: \"We are analysing the data.\"",
    "",
]


@pytest.fixture(scope="module")
def stock():
    """The model exactly as installed: spaCy's own lemmatizer."""
    return load_model()


def _before_lemmas(nlp, texts: list[str]) -> list[Doc]:
    """Docs with everything before the lemmatizer, as fresh copies."""
    with nlp.select_pipes(disable=["lemmatizer", "ner"]):
        docs = list(nlp.pipe(texts))
    return [Doc(nlp.vocab).from_bytes(doc.to_bytes()) for doc in docs]


def _lemmas(docs: list[Doc]) -> list[list[tuple[str, str]]]:
    return [[(t.text, t.lemma_) for t in doc] for doc in docs]


@pytest.mark.parametrize("text", SENTENCES)
def test_compiled_lemmatizer_gives_the_stock_lemmas(stock, text):
    lemmatizer = stock.get_pipe("lemmatizer")
    compiled = compile_lemmatizer(lemmatizer)
    assert isinstance(compiled, CompiledLemmatizer)
    want = _lemmas([lemmatizer(d) for d in _before_lemmas(stock, [text])])
    for _ in range(2):  # a cold cache, then a warm one
        assert _lemmas([compiled(d) for d in _before_lemmas(stock, [text])]) == want


def test_compiled_lemmatizer_gives_the_stock_lemmas_on_the_samples(stock):
    texts = [chunk for a in read_corpus(config.SAMPLES_DIR).articles for _s, _e, chunk in a.paragraph_spans()]
    lemmatizer = stock.get_pipe("lemmatizer")
    compiled = compile_lemmatizer(lemmatizer)
    want = _lemmas([lemmatizer(d) for d in _before_lemmas(stock, texts)])
    got = _lemmas([compiled(d) for d in _before_lemmas(stock, texts)])
    assert sum(map(len, got)) > 5000
    assert got == want


def test_compiled_lemmatizer_keeps_lemmas_already_set_unless_overwrite(stock):
    lemmatizer = stock.get_pipe("lemmatizer")
    compiled = compile_lemmatizer(lemmatizer)
    doc = _before_lemmas(stock, ["The ministers went home."])[0]
    doc[1].lemma_ = "envoy"
    assert [t.lemma_ for t in compiled(doc)] == ["the", "envoy", "go", "home", "."]
    compiled.overwrite = True
    assert [t.lemma_ for t in compiled(doc)] == ["the", "minister", "go", "home", "."]


def test_load_nlp_runs_the_compiled_lemmatizer_with_the_same_lemmas():
    nlp, plain = load_nlp(), load_nlp(compiled_lemmatizer=False)
    assert COMPILED_LEMMATIZER in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    assert "lemmatizer" in plain.pipe_names and COMPILED_LEMMATIZER not in plain.pipe_names
    assert _lemmas(list(nlp.pipe(SENTENCES))) == _lemmas(list(plain.pipe(SENTENCES)))


def test_the_compiled_lemmatizer_pickles(stock):
    compiled = compile_lemmatizer(stock.get_pipe("lemmatizer"))
    again = pickle.loads(pickle.dumps(compiled))
    docs = _before_lemmas(stock, SENTENCES)
    assert _lemmas([again(Doc(stock.vocab).from_bytes(d.to_bytes())) for d in docs]) == \
        _lemmas([compiled(d) for d in docs])


class _Lookup(Lemmatizer):
    def rule_lemmatize(self, token):  # noqa: ANN001, ANN201 - a lemmatizer whose lemmas may use more
        return [token.text.upper()]


def test_an_unsupported_lemmatizer_is_not_compiled(stock):
    lemmatizer = stock.get_pipe("lemmatizer")
    assert compile_lemmatizer(object()) is None
    assert compile_lemmatizer(_Lookup(stock.vocab, None, mode="lookup")) is None  # another mode
    assert compile_lemmatizer(_Lookup(stock.vocab, None, mode="rule")) is None  # rule_lemmatize overridden
    assert compile_lemmatizer(lemmatizer) is not None
