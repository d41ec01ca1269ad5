"""Publication dates: page metadata with its time zone, datelines, and the note on undated articles."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import read_corpus, stream_corpus
from analysis.dates import dateline, html_date, undated_note, url_year

HOLDOUT = Path(__file__).parent / "data" / "holdout" / "articles"
BODY = "<p>" + "The council voted on Tuesday to close the venue after a long debate about noise. " * 6 + "</p>"


def page(head: str) -> str:
    return f"<html><head><title>Venue closes</title>{head}</head><body><article><h1>Venue closes</h1>{BODY}" \
           "</article></body></html>"


@pytest.mark.parametrize("head, source", [
    ('<meta property="article:published_time" content="2025-03-14T18:05-07:00">', "article:published_time"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", '
     '"datePublished": "2020-01-01"}, {"@type": "NewsArticle", "datePublished": "2025-03-14T18:05-07:00"}]}'
     '</script>', "JSON-LD datePublished"),
    ('<meta itemprop="datePublished" content="2025-03-14T18:05-07:00">', "itemprop datePublished"),
])
def test_page_metadata_keeps_the_time_and_its_zone(head, source):
    found = html_date(page(head))
    assert found.source == source
    assert found.timestamp == pd.Timestamp("2025-03-15 01:05", tz="UTC")  # 18:05 at UTC-7 is the next UTC day


def test_dublin_core_date():
    found = html_date(page('<meta name="DC.date" content="2025-03-14">'))
    assert (found.source, found.timestamp) == ("dc.date", pd.Timestamp("2025-03-14", tz="UTC"))


def test_a_page_is_read_with_its_stated_time(tmp_path):
    (tmp_path / "venue.html").write_text(page(
        '<meta property="article:published_time" content="2025-03-14T18:05-07:00">'), encoding="utf-8")
    (tmp_path / "ld.html").write_text(page(
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-03-14T18:05-07:00"}'
        "</script>"), encoding="utf-8")
    frame = read_corpus(tmp_path).to_frame()
    assert frame["published"].tolist() == [pd.Timestamp("2025-03-15 01:05", tz="UTC")] * 2


@pytest.mark.parametrize("text, year, expected", [
    ("MILLBROOK, Ohio, March 10 (AP) — The council", 2025, "2025-03-10"),
    ("LONDON, 10 March 2025 (Reuters) - Shares fell", None, "2025-03-10"),
    ("WASHINGTON, Sept. 3, 2024 — The Senate", None, "2024-09-03"),
    ("COPENHAGEN, March 6 (Reuters) - Danish container shipping", 2025, "2025-03-06"),
])
def test_datelines(text, year, expected):
    assert dateline(text, year=year).timestamp == pd.Timestamp(expected, tz="UTC")


@pytest.mark.parametrize("text", ["GRANTS PASS, Ore. (AP) — A wind-driven wildfire", "The mayor said on March 10 -",
                                  "Shares fell, March 10 was a bad day - for all"])
def test_no_date_without_a_dated_dateline(text):
    found = dateline(text, year=2025)
    assert found is None or found.timestamp is None


def test_a_dateline_without_a_year_waits_for_one():
    found = dateline("MILLBROOK, Ohio, March 10 (AP) — x")
    assert found.timestamp is None and found.value == "MILLBROOK, Ohio, March 10 (AP)"


def without_front_matter(name: str) -> str:
    return (HOLDOUT / name).read_text(encoding="utf-8").split("---\n", 2)[2]


def test_articles_are_dated_from_their_dateline_the_year_from_the_url_or_the_others(tmp_path):
    reuters = without_front_matter("h02_reuters_shipping.txt")  # COPENHAGEN, March 6 (Reuters) -
    (tmp_path / "a_url.jsonl").write_text(
        '{"id": "u", "title": "Shipper cuts outlook", "url": "https://example.org/2025/03/shipping", '
        f'"text": {pd.io.json.ujson_dumps(reuters.split(chr(10), 1)[1])}}}\n', encoding="utf-8")
    (tmp_path / "b_plain.txt").write_text(reuters, encoding="utf-8")
    (tmp_path / "c_dated.txt").write_text("---\npublished: 2025-02-01T10:00:00+01:00\n---\nOther news\nText.\n",
                                          encoding="utf-8")
    corpus = read_corpus(tmp_path)
    dates = dict(zip(corpus.to_frame()["article_id"], corpus.to_frame()["published"], strict=True))
    assert dates["u"] == pd.Timestamp("2025-03-06", tz="UTC")  # year from the URL
    assert dates["b_plain"] == pd.Timestamp("2025-03-06", tz="UTC")  # year from the other articles
    assert not corpus.problems
    assert [c.articles[0].published for c in stream_corpus(tmp_path / "b_plain.txt")] == [None]


def test_a_yearless_dateline_alone_is_a_warning_that_says_how_to_date_it(tmp_path):
    (tmp_path / "plain.txt").write_text(without_front_matter("h02_reuters_shipping.txt"), encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert corpus.articles[0].published is None
    assert [p.severity for p in corpus.problems] == ["warning"]
    assert "COPENHAGEN, March 6 (Reuters)" in corpus.problems[0].message


def test_front_matter_wins_over_a_dateline():
    corpus = read_corpus(HOLDOUT / "h02_reuters_shipping.txt")
    assert corpus.articles[0].published == pd.Timestamp("2025-03-06T09:45:00+01:00")


def test_url_year():
    assert url_year("https://x.example/2024/11/15/call") == 2024
    assert url_year("https://x.example/news/call") is None


def test_undated_note_counts_and_says_how():
    articles = pd.DataFrame({"article_id": ["a", "b", "c"],
                             "published": [pd.Timestamp("2025-01-01", tz="UTC"), pd.NaT, pd.NaT]})
    note = undated_note(articles)
    assert note.startswith("2 of 3 articles have no publication date (`b`, `c`)")
    assert "`published:`" in note and "article:published_time" in note
    assert undated_note(articles.iloc[:1]) == ""
    assert undated_note(articles.iloc[1:2]).startswith("It has no publication date")
    assert undated_note(articles.iloc[:2]).startswith("1 of 2 articles has no publication date (`b`)")
