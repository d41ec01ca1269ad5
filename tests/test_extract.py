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


@pytest.fixture(scope="module")
def three_extracted():
    articles = [Article(f"a{i}", f"Headline {i}", (f"Mayor Ann Lee said on Monday that bridge {i} would reopen.",
                                                   "Critics were not convinced."), source="Wire")
                for i in range(3)]
    return articles, {parsed.article.id: extract(parsed) for parsed in parse(articles)}


def _one_frame_per_article(articles: list[Article], results: dict) -> pd.DataFrame:
    """The articles table as it was built before: one frame per article, stacked (the types pandas
    infers per frame decide the column's type)."""
    frames = [pd.DataFrame({**{key: [value] * len(results[a.id]["article"])
                               for key, value in extract_module._article_meta(a).items()},
                            **{c: results[a.id]["article"][c] for c in results[a.id]["article"].columns}})
              for a in articles]
    df = pd.concat(frames, ignore_index=True)
    df["published"] = pd.to_datetime(df["published"], utc=True)
    return df


@pytest.mark.parametrize("changes", [
    {},  # every column of one kind: built at once
    {0: {"source": None}},  # a missing source: the column is object, not str
    {1: {"url": "https://example.org/a1"}},
    {2: {"published": None}},
    {0: {"published": pd.Timestamp("2024-03-01T10:00:00Z")}, 1: {"published": pd.Timestamp("2024-03-02", tz="UTC")},
     2: {"published": pd.Timestamp("2024-03-03T10:00:00.123456789+02:00")}},  # units s, us…, ns; two zones
    {i: {"published": pd.Timestamp(f"2024-03-0{i + 1}T08:00:00Z"), "url": f"https://example.org/{i}",
         "authors": ("Jo Park",)} for i in range(3)},
])
def test_articles_table_is_that_of_one_frame_per_article(three_extracted, changes):
    import dataclasses

    articles, results = three_extracted
    articles = [dataclasses.replace(a, **changes.get(i, {})) for i, a in enumerate(articles)]
    got = extract_module.combine(articles, results)["articles"]
    expected = _one_frame_per_article(articles, results)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert list(got.dtypes) == list(expected.dtypes)
