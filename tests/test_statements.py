"""Statements across outlets: grouping one speaker's quotations, first reports, drift."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import statements as st
from analysis.config import ROOT
from analysis.pipeline import analyse

CORPUS = ROOT / "tests" / "data" / "statements"
VOW = "We will not let the river take this town again, and we will rebuild every bridge by spring,"


def quotes(*rows: tuple[str, str | None, str], published: list[str] | None = None) -> pd.DataFrame:
    """A quotes table: (article_id, speaker, text) rows, one quotation per article."""
    dates = published or [f"2025-01-{i + 1:02d}" for i in range(len(rows))]
    return pd.DataFrame([{"quote_id": f"{a}:0", "article_id": a, "start": 0, "speaker": s, "text": t,
                          "kind": "direct", "source": f"outlet {a}", "published": pd.Timestamp(d, tz="UTC")}
                         for (a, s, t), d in zip(rows, dates)],
                        columns=["quote_id", "article_id", "start", "speaker", "text", "kind", "source", "published"])


@pytest.mark.parametrize("text, expected", [
    ("We don’t know, and we won't guess.", "we do not know and we will not guess"),
    ("“It’s ‘final’,” he said", "it's final he said"),
    ("They're here; I'm not.", "they are here i am not"),
    ("", ""),
])
def test_normalise(text, expected):
    assert st.normalise(text) == expected


@pytest.mark.parametrize("a, b, expected", [
    ("We will rebuild every bridge by spring.", "we will rebuild every bridge by spring", "same"),
    ("rebuild every bridge by spring", VOW, "excerpt"),
    ("We will not let the river take our town again, and we will rebuild each bridge by spring.", VOW, "reworded"),
    ("take this town", VOW, "excerpt"),
    ("the river", VOW, None),                        # too short to be told from common words
    ("will bridge spring", VOW, None),               # scattered words are no fragment
    ("The budget for flood defences has doubled since last year.", VOW, None),
])
def test_relation(a, b, expected):
    assert st.relation(st.words(a), st.words(b)) == expected


def test_one_speakers_wordings_are_one_statement_and_another_speaker_is_never_merged():
    q = quotes(("a", "Lena Ortiz", VOW), ("b", "Lena Ortiz", "rebuild every bridge by spring"),
               ("c", "Paul Brenner", VOW), ("d", None, VOW), ("e", None, VOW),
               ("f", "Lena Ortiz", "The budget for flood defences has doubled."))
    ids = st.assign_statements(q)
    assert ids[0] == ids[1]
    assert len({ids[0], ids[2], ids[3], ids[4], ids[5]}) == 5  # no speaker: each quotation its own statement
    assert ids.str.fullmatch(r"st-[0-9a-f]{12}").all()


def test_ids_do_not_depend_on_other_speakers_or_row_order():
    q = quotes(("a", "Lena Ortiz", VOW), ("b", "Paul Brenner", "We need a new dam."),
               ("c", "Lena Ortiz", "We will not let the river take this town again."))
    whole = st.assign_statements(q)
    shuffled = st.assign_statements(q.iloc[::-1])
    by_speaker = pd.concat([st.assign_statements(g) for _, g in q.groupby("speaker")])
    assert whole.equals(shuffled.sort_index()) and whole.equals(by_speaker.sort_index())


def test_the_first_report_is_the_earliest_even_when_it_is_a_fragment():
    q = quotes(("late", "Lena Ortiz", VOW), ("early", "Lena Ortiz", "rebuild every bridge by spring"),
               published=["2025-03-02", "2025-03-01"])
    row = st.statements(q).iloc[0]
    assert (row["first_article_id"], row["text"], row["n_quotes"], row["n_wordings"]) == \
        ("early", "rebuild every bridge by spring", 2, 2)
    d = st.drift(q).set_index("first_quote_id")
    assert d.loc["late:0", "relation"] == "fuller" and d.loc["early:0", "is_first"]


def test_empty_table():
    empty = quotes().iloc[0:0]
    assert st.statements(empty).columns.tolist() == st.STATEMENT_COLUMNS
    assert st.drift(empty).empty and st.assign_statements(empty).empty


@pytest.fixture(scope="module")
def corpus_quotes():
    return analyse(CORPUS, progress=False).quotes


def test_every_quotation_of_a_corpus_carries_its_statement_id(corpus_quotes):
    assert corpus_quotes["statement_id"].notna().all()
    again = st.assign_statements(corpus_quotes.drop(columns="statement_id"))
    assert corpus_quotes["statement_id"].tolist() == again.tolist()
    first = corpus_quotes[corpus_quotes["text"].eq(VOW)]["statement_id"].iloc[0]
    vow = corpus_quotes[corpus_quotes["statement_id"].eq(first)]
    assert vow["article_id"].nunique() == 5 and set(vow["speaker"]) == {"Lena Ortiz"}


def test_one_statement_carried_by_five_outlets(corpus_quotes):
    table = st.statements(corpus_quotes)
    vow = table.iloc[0]
    assert (vow["speaker"], vow["text"], vow["first_source"]) == ("Lena Ortiz", VOW, "Carrow Courier")
    assert (vow["n_quotes"], vow["n_articles"], vow["n_sources"], vow["n_wordings"]) == (5, 5, 5, 4)
    assert vow["sources"] == ("Carrow Courier", "Valley Wire", "Northern Ledger", "Daily Tribune", "Regional Post")
    assert vow["first_published"] == pd.Timestamp("2025-04-02T08:00", tz="UTC")
    assert vow["last_published"] == pd.Timestamp("2025-04-04T17:20", tz="UTC")
    # the governor's identical words and the mayor's other statements stay apart
    brenner = table[table["speaker"] == "Paul Brenner"]
    assert VOW[:40] in " ".join(brenner["text"]) and (brenner["n_quotes"] == 1).all()
    ortiz = table[table["speaker"] == "Lena Ortiz"]
    assert any(t.startswith("The budget for flood defences") for t in ortiz["text"]) and len(ortiz) > 1


def test_drift_of_the_statement(corpus_quotes):
    vow = st.statements(corpus_quotes).iloc[0]["statement_id"]
    d = st.drift(corpus_quotes, statement_ids=[vow]).set_index("first_source")
    assert d["relation"].to_dict() == {"Carrow Courier": "first", "Northern Ledger": "excerpt",
                                       "Daily Tribune": "excerpt", "Regional Post": "reworded"}
    assert d.loc["Regional Post", "changed"] == "this → our; every → each"
    assert d.loc["Northern Ledger", "dropped"] == "and we will rebuild every bridge by spring"
    assert d.loc["Carrow Courier", "n_quotes"] == 2  # the Valley Wire's won't / we'll is the same wording


# --- charts -------------------------------------------------------------------------------------

def _dashed(ax) -> list:
    return [line for line in ax.get_lines() if line.get_linestyle() == "--"]


def test_timeline_joins_the_markers_of_one_statement(corpus_quotes):
    from analysis import quotes as Q
    from analysis.plots import quotes as charts

    rows = Q.timeline_rows(corpus_quotes, speakers=["Lena Ortiz", "Paul Brenner"])
    fig = charts.timeline(rows)
    ax = fig.axes[0]
    lines = _dashed(ax)
    shared = rows.groupby("statement_id").size()
    assert len(lines) == (shared > 1).sum() == 1  # the vow, carried by five outlets
    assert len(lines[0].get_xdata()) == shared.max() == 5
    assert "one statement" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_timeline_of_many_quotations_with_statements_draws_bins_not_links(corpus_quotes):
    from analysis import quotes as Q
    from analysis.plots import quotes as charts

    many = pd.concat([corpus_quotes.assign(published=corpus_quotes["published"] + pd.Timedelta(days=d),
                                           article_id=corpus_quotes["article_id"] + f"-{d}")
                      for d in range(0, 200, 5)], ignore_index=True)
    rows = Q.timeline_rows(many, top_n=3)
    assert len(rows) > charts.MAX_MARKERS and rows["statement_id"].notna().all()
    ax = charts.timeline(rows).axes[0]
    assert "quotations by" in ax.get_title() and not _dashed(ax)


def test_statement_spread_marks_the_first_report(corpus_quotes):
    from analysis.plots import quotes as charts

    rows = st.spread_rows(corpus_quotes, top_n=3)
    assert rows["rank"].unique().tolist() == [1] and rows["is_first"].sum() == 1
    fig = charts.statement_spread(rows)
    ax = fig.axes[0]
    assert ax.get_title() == "Most repeated statements" and ax.get_xlabel() and ax.get_ylabel()
    stars = [c for c in ax.collections if len(c.get_offsets()) == 1]
    assert len(stars) == 1 and len(ax.collections) == 2  # the first report apart from the other four
    assert "Lena Ortiz" in ax.get_yticklabels()[0].get_text()
    empty = charts.statement_spread(st.spread_rows(corpus_quotes.head(1)))
    assert "No statement was carried" in " ".join(t.get_text() for t in empty.axes[0].texts)


@pytest.mark.parametrize("text", ["We won't, can't and cannot stop; they shan't.", "It ain't over, isn't it?",
                                  "They're here, we'll see, I've said, I'm sure, he'd go. Let's go!",
                                  "No apostrophe here, cannot-do attitude", "Don\u2019t \u2018quote\u2019 me",
                                  "n't 're 'll alone", "", "CANNOT WON'T"])
def test_words_apply_every_contraction_rule_that_matches(text):
    import re
    import unicodedata

    expected = unicodedata.normalize("NFKC", text).translate(st._MARKS).lower()
    for pattern, repl, _core in st._CONTRACTIONS:  # every rule, in order, as the words were always made
        expected = pattern.sub(repl, expected)
    assert st.words(text) == re.findall(r"[^\W_]+(?:'[^\W_]+)*", expected)
