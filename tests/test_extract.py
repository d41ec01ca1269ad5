"""The per-article pass: offsets, sentiment columns, documented tables, the cache."""
from __future__ import annotations

import pandas as pd
import pytest
from textblob import TextBlob

from analysis import extract as extract_module
from analysis.corpus import Article
from analysis.extract import analyse_articles, extract
from analysis.nlp import load_nlp, parse
from analysis.records import TABLE_COLUMNS


@pytest.fixture(scope="module")
def seed_tables(seed_article, tmp_path_factory):
    return analyse_articles([seed_article], cache_dir=tmp_path_factory.mktemp("cache"), progress=False)


def test_seed_paragraph_units(seed_article, seed_tables):
    paragraphs = seed_tables["paragraphs"]
    assert len(paragraphs) == 10  # headline + 9 body paragraphs
    assert paragraphs["is_headline"].tolist() == [True] + [False] * 9
    text = seed_article.text
    for row in paragraphs.itertuples():
        assert text[row.start:row.end] == row.text


def test_no_entity_or_sentence_crosses_a_line_break(seed_article, seed_tables):
    mentions, sentences = seed_tables["mentions"], seed_tables["sentences"]
    assert not mentions["text"].str.contains("\n").any()
    assert not sentences["text"].str.contains("\n").any()
    text = seed_article.text
    in_text = mentions[mentions["start"] >= 0]  # byline authors have no offsets (start = end = -1)
    assert len(in_text) >= len(mentions) - len(seed_article.authors)
    assert all(text[m.start:m.end] == m.text for m in in_text.itertuples())
    assert all(text[s.start:s.end] == s.text for s in sentences.itertuples())
    # spaCy on the raw text joins the headline's last word with the next line into one ORG
    raw = [e.text for e in load_nlp()(text).ents]
    assert any("\n" in e for e in raw), "the raw-text failure this pass avoids no longer happens"


def test_sentiment_columns_equal_textblob(seed_article, seed_tables):
    for row in seed_tables["sentences"].itertuples():
        assert row.polarity == TextBlob(row.text).sentiment.polarity
        assert row.subjectivity == TextBlob(row.text).sentiment.subjectivity
    art = seed_tables["articles"].iloc[0]
    assert art["polarity"] == TextBlob(seed_article.text).sentiment.polarity
    assert art["n_paragraphs"] == 9 and art["article_id"] == seed_article.id


def test_cache_hit_does_no_nlp(seed_article, tmp_path, monkeypatch):
    cold = analyse_articles([seed_article], cache_dir=tmp_path, progress=False)

    def no_parsing(*args, **kwargs):
        raise AssertionError("parse() called on a cache hit")

    monkeypatch.setattr(extract_module, "parse", no_parsing)
    warm = analyse_articles([seed_article], cache_dir=tmp_path, progress=False)
    assert set(warm) == set(cold)
    for name in cold:
        pd.testing.assert_frame_equal(warm[name], cold[name], check_dtype=False)


def test_changed_text_misses_the_cache_and_metadata_does_not(seed_article, tmp_path, monkeypatch):
    analyse_articles([seed_article], cache_dir=tmp_path, progress=False)
    calls = []
    real_parse = extract_module.parse
    monkeypatch.setattr(extract_module, "parse", lambda arts, **kw: calls.append(len(arts)) or real_parse(arts, **kw))
    renamed = Article(**{**seed_article.__dict__, "id": "other-id", "source": "Elsewhere"})
    out = analyse_articles([renamed], cache_dir=tmp_path, progress=False)
    assert calls == [] and out["articles"]["source"].tolist() == ["Elsewhere"]
    assert set(out["sentences"]["article_id"]) == {"other-id"}
    edited = Article(**{**seed_article.__dict__, "paragraphs": seed_article.paragraphs[:-1]})
    analyse_articles([edited], cache_dir=tmp_path, progress=False)
    assert calls == [1]


def test_damaged_cache_entry_is_recomputed(seed_article, tmp_path):
    cold = analyse_articles([seed_article], cache_dir=tmp_path, progress=False)
    entries = list(tmp_path.rglob("*.pickle"))
    assert len(entries) == 1
    entries[0].write_bytes(entries[0].read_bytes()[:100])
    again = analyse_articles([seed_article], cache_dir=tmp_path, progress=False)
    pd.testing.assert_frame_equal(again["sentences"], cold["sentences"], check_dtype=False)


def test_extract_tables_have_documented_columns(seed_article):
    tables = extract(next(parse([seed_article])))
    for name in ("paragraphs", "sentences"):
        assert list(tables[name].columns) == TABLE_COLUMNS[name][1:]
    assert {"sentence_id", "start", "end", "text", "spacy_label", "entity", "label"} <= set(tables["mentions"].columns)


def test_empty_corpus_gives_empty_tables(tmp_path):
    out = analyse_articles([], cache_dir=tmp_path, progress=False)
    for name, columns in TABLE_COLUMNS.items():
        assert out[name].empty and list(out[name].columns) == columns
