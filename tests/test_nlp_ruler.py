"""The compiled attribute ruler sets exactly what spaCy's AttributeRuler sets, on real text."""
from __future__ import annotations

import pickle

import pytest
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from analysis import config, read_corpus
from analysis.nlp import COMPILED_RULER, load_model, load_nlp
from analysis.nlp.ruler import CompiledRuler, compile_ruler

#: Texts that reach the model's rarer rules: REGEX (n't, nothin', y'all), two-token rules with the
#: target first or second (gonna, gotta, let's, c'mon), DEP tests (there is/are), spaces.
RARE = [
    "Ain't nothin' gonna stop y'all, she said.",
    "We gotta go. Let's see, c'mon!",
    "There is a cat and there are dogs; there was noise.",
    "He gets what he got.  \n  Then\tnothing.",
    "I don't know, y' all said NOTHIN' else.",
    " ",
]


@pytest.fixture(scope="module")
def stock():
    """The model exactly as installed: spaCy's own AttributeRuler."""
    return load_model()


def _annotate(nlp, texts: list[str], ruler) -> list[Doc]:
    """Docs with everything before the ruler, then the given ruler applied."""
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(nlp.pipe(texts))
    return [ruler(Doc(nlp.vocab).from_bytes(doc.to_bytes())) for doc in docs]


def _attrs(docs: list[Doc]) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for doc in docs for t in doc]


def _paragraphs() -> list[str]:
    return [chunk for a in read_corpus(config.SAMPLES_DIR).articles for _s, _e, chunk in a.paragraph_spans()]


def test_the_model_ruler_compiles_and_sets_the_same_attributes(stock):
    ruler = stock.get_pipe("attribute_ruler")
    compiled = compile_ruler(ruler)
    assert isinstance(compiled, CompiledRuler)
    texts = _paragraphs() + RARE
    expected, got = _attrs(_annotate(stock, texts, ruler)), _attrs(_annotate(stock, texts, compiled))
    assert len(got) > 5000
    assert got == expected
    # The rare rules did fire (so the comparison covers them).
    lemmas = {(text, lemma) for text, _tag, _pos, _morph, lemma, _dep, _head in got}
    assert {("nothin'", "nothing"), ("y'", "you"), ("na", "to"), ("ta", "to"), ("Ai", "be")} <= lemmas


def test_load_nlp_runs_the_compiled_ruler_with_the_same_annotations():
    nlp, plain = load_nlp(), load_nlp(compiled_ruler=False)
    assert COMPILED_RULER in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    assert "attribute_ruler" in plain.pipe_names and COMPILED_RULER not in plain.pipe_names
    texts = _paragraphs() + RARE
    ours, theirs = list(nlp.pipe(texts)), list(plain.pipe(texts))
    assert _attrs(ours) == _attrs(theirs)
    assert [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in ours] == \
        [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in theirs]


def test_the_compiled_ruler_pickles(stock):
    compiled = compile_ruler(stock.get_pipe("attribute_ruler"))
    again = pickle.loads(pickle.dumps(compiled))
    assert _attrs(_annotate(stock, RARE, again)) == _attrs(_annotate(stock, RARE, compiled))


@pytest.mark.parametrize("patterns, attrs, index", [
    ([[{"LOWER": "big"}, {"LOWER": {"NOT_IN": ["deal", "cat"]}}]], {"TAG": "XX"}, -1),
    ([[{"IS_SPACE": False, "TAG": {"IN": ["NN", "NNS"]}}]], {"LEMMA": "thing"}, 0),
    ([[{"ORTH": {"REGEX": "^[A-Z]{2,}$"}}]], {"POS": "PROPN"}, 0),
    ([[{"LOWER": "a"}, {}, {"LOWER": "of"}]], {"LEMMA": "some"}, 1),
])
def test_custom_rules_match_the_attribute_ruler(stock, patterns, attrs, index):
    ruler = AttributeRuler(stock.vocab)
    ruler.add(patterns=[[{"TAG": {"IN": ["NN", "NNP"]}}]], attrs={"LEMMA": "first"})  # overridden by later rules
    ruler.add(patterns=patterns, attrs=attrs, index=index)
    compiled = compile_ruler(ruler)
    assert compiled is not None
    texts = ["A big dog, a big deal and a lot of NATO cats.", "The big  cat saw a pair of big ones."]
    assert _attrs(_annotate(stock, texts, compiled)) == _attrs(_annotate(stock, texts, ruler))


@pytest.mark.parametrize("pattern", [
    [{"LOWER": "big", "OP": "+"}],  # operators: variable length
    [{"LENGTH": {">=": 3}}],  # comparisons
    [{"_": {"flag": True}}],  # extension attributes
    [{"LOWER": {"FUZZY": "bigg"}}],
])
def test_rules_out_of_reach_keep_the_stock_ruler(stock, pattern):
    ruler = AttributeRuler(stock.vocab)
    ruler.add(patterns=[pattern], attrs={"LEMMA": "x"})
    assert compile_ruler(ruler) is None
