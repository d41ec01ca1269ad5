"""The notebooks' views of a corpus's quotations (:mod:`analysis.quotes.views`), and their charts."""
from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from analysis import quotes
from analysis.corpus import Article
from analysis.extract import extract
from analysis.nlp import parse
from analysis.plots import quotes as charts

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def corpus_quotes(nlp):
    frames = []
    for i, (source, day, speaker) in enumerate([("Outlet A", "2024-11-01", "Anna Berg"),
                                                ("Outlet B", "2024-11-03", "Anna Berg"),
                                                ("Outlet B", "2024-11-05", "Tom Achterberg")]):
        article = Article(id=f"a{i}", title="Headline", source=source, published=pd.Timestamp(day, tz="UTC"),
                          paragraphs=(f'"We are ready for the vote," {speaker} said. "It will be close."',))
        df = extract(next(parse([article], nlp=nlp)))["quotes"]
        frames.append(df.assign(article_id=article.id, published=article.published, source=source))
    return pd.concat(frames, ignore_index=True)


def test_timeline_rows_number_the_markers(corpus_quotes):
    rows_ = quotes.timeline_rows(corpus_quotes, top_n=1)
    assert rows_["n"].tolist() == [1, 2, 3, 4]
    assert set(rows_["speaker"]) == {"Anna Berg"}
    assert rows_["published"].is_monotonic_increasing
    only = quotes.timeline_rows(corpus_quotes, speakers=["Tom Achterberg"], kinds=["direct"])
    assert only["speaker"].tolist() == ["Tom Achterberg"] * 2
    assert quotes.timeline_rows(corpus_quotes, kinds=["indirect"]).empty
    # notebook parameters may arrive as strings (papermill -p)
    assert len(quotes.timeline_rows(corpus_quotes, kinds='["direct", "partial"]')) == 6
    assert quotes.timeline_rows(corpus_quotes, speakers="Tom Achterberg")["n"].tolist() == [1, 2]


def test_leaderboard_counts_quotes_and_outlets(corpus_quotes):
    board = quotes.speaker_leaderboard(corpus_quotes)
    assert board[["speaker", "quotes", "outlets", "articles", "direct"]].values.tolist() == [
        ["Anna Berg", 4, 2, 2, 4], ["Tom Achterberg", 2, 1, 1, 2]]
    per_speaker = quotes.speaker_quotes(corpus_quotes, speakers=["Tom Achterberg"])
    assert per_speaker["text"].tolist() == ["We are ready for the vote,", "It will be close."]
    assert "**6 quotations**" in quotes.summary_text(corpus_quotes)


@pytest.mark.parametrize("empty", [True, False])
def test_charts_are_figures_even_when_empty(corpus_quotes, empty):
    data = corpus_quotes.iloc[:0] if empty else corpus_quotes
    fig = charts.timeline(quotes.timeline_rows(data))
    board = charts.leaderboard(quotes.speaker_leaderboard(data))
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert fig.axes[0].get_title() and board.axes[0].get_title()
    if empty:
        assert any("No quotations" in t for t in texts)
        assert "No quotations" in quotes.summary_text(data)
    else:
        assert sorted(texts, key=int) == ["1", "2", "3", "4", "5", "6"]
        assert fig.axes[0].get_xlabel().startswith("Publication time")


def test_timeline_of_many_quotations_counts_them_per_time_bin(corpus_quotes):
    many = pd.concat([corpus_quotes.assign(published=corpus_quotes["published"] + pd.Timedelta(days=d),
                                           article_id=corpus_quotes["article_id"] + f"-{d}")
                      for d in range(0, 300, 5)], ignore_index=True)  # 360 quotations over ten months
    rows_ = quotes.timeline_rows(many)
    assert len(rows_) > charts.MAX_MARKERS
    fig = charts.timeline(rows_)
    ax = fig.axes[0]
    assert "360 quotations by week" in ax.get_title() and not ax.texts  # no numbered markers
    sizes = ax.collections[0].get_sizes()
    assert len(sizes) == len(set(zip(rows_["speaker"], rows_["published"].dt.tz_localize(None).dt.to_period("W"))))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Tom Achterberg", "Anna Berg"]
    assert sizes.max() == 430  # the busiest cell
