"""spaCy for newslens: web-style names kept whole, paragraph-wise parsing, token columns."""
from __future__ import annotations

import pytest

from analysis.corpus import Article
from analysis.nlp import load_nlp, parse


@pytest.mark.parametrize("name", ["Caliber.Az", "Steppe.Media", "news.com.au", "X.com", "Kursiv.Media"])
def test_web_names_stay_one_token_and_one_sentence(name):
    doc = load_nlp()(f"Trump sought his opinion, {name} reports. Another sentence follows here.")
    assert name in [t.text for t in doc]
    assert [s.text for s in doc.sents][0].endswith(f"{name} reports.")


@pytest.mark.parametrize("text, tokens", [
    ("The U.S. said so.", ["The", "U.S.", "said", "so", "."]),
    ("It ended.Then it began.", None),  # lower-case word, no TLD: not a web name
])
def test_ordinary_tokens_unchanged(text, tokens):
    doc = load_nlp()(text)
    if tokens:
        assert [t.text for t in doc] == tokens
    else:
        assert "ended.Then" not in [t.text for t in doc]


def test_caliber_az_is_one_token_in_the_seed(seed_article):
    parsed = next(parse([seed_article]))
    tokens = [t.text for u in parsed.units for t in u.doc]
    assert "Caliber.Az" in tokens
    sents = [s.text for _, _, s in parsed.sentences()]
    assert any(s.endswith("Caliber.Az reports.") for s in sents)


def test_parse_keeps_articles_apart_and_in_order():
    arts = [Article(id=f"a{i}", title=f"Headline {i}", paragraphs=tuple(f"Para {j} of {i}." for j in range(i)))
            for i in range(4)]
    parsed = list(parse(arts, batch_size=2))
    assert [p.article.id for p in parsed] == ["a0", "a1", "a2", "a3"]
    assert [len(p.units) for p in parsed] == [1, 2, 3, 4]


def test_unit_columns_read_with_to_array_equal_token_attributes():
    from analysis import config, read_corpus
    from analysis.nlp import _ARRAY_COLUMNS

    units = [u for p in parse(read_corpus(config.SAMPLES_DIR).articles) for u in p.units]
    units += [u for p in parse([Article(id="odd", title="", paragraphs=("A\\tb  c\\u00a0d …  “Hi!” (e.g. 3.5%)",))])
              for u in p.units]
    assert len(units) > 100
    for unit in units:
        for attr in _ARRAY_COLUMNS:
            assert unit.column(attr) == tuple(getattr(t, attr) for t in unit.doc), attr


@pytest.mark.parametrize("text", ["", " ", "The ministers went to Astana, he said.  Then  more!",
                                  "Ülkər Ağayeva (AZ) — “quoted” … 3.5% of €40m\n\ttabs"])
def test_unit_columns_equal_the_token_attributes(text):
    from analysis.nlp import Unit

    doc = load_nlp()(text)
    unit = Unit(1, 0, doc)
    for attr in ("text", "lower_", "lemma_", "pos_", "tag_", "dep_", "idx", "is_punct", "whitespace_",
                 "ent_type_", "text"):
        assert unit.column(attr) == tuple(getattr(t, attr) for t in doc), attr
