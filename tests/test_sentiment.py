"""Tests for analysis.sentiment and analysis.plots.sentiment: exactness against TextBlob,
negation and intensifiers, explanations, VADER beside TextBlob, the aggregates and levels."""
from __future__ import annotations

import math
import random
import re
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from textblob import TextBlob

matplotlib.use("Agg")

from analysis import config, read_corpus  # noqa: E402
from analysis import sentiment as S  # noqa: E402
from analysis.pipeline import analyse  # noqa: E402
from analysis.plots import sentiment as P  # noqa: E402
from analysis.tables import Tables  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TESTS_DATA = ROOT / "tests" / "data"


# --------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def seed_tables(seed_path, tmp_path_factory) -> Tables:
    """The real pass over the seed article (fresh cache)."""
    return analyse(seed_path, cache_dir=tmp_path_factory.mktemp("cache"), progress=False)


@pytest.fixture(scope="module")
def sample_tables(tmp_path_factory) -> Tables:
    """The real pass over the bundled sample corpus."""
    return analyse(ROOT / "data" / "samples", cache_dir=tmp_path_factory.mktemp("cache"), progress=False)


def hand_tables(articles: dict[str, list[str]], *, meta: dict[str, tuple[str | None, str | None]] | None = None,
                quotes: list[dict] | None = None, mentions: list[tuple[str, int, str, str]] | None = None) -> Tables:
    """Tables built by hand: each article is a list of sentences, one paragraph each.

    Offsets are into the article text (sentences joined by newlines, as
    ``Article.text``); scores come from :func:`analysis.sentiment.score`.
    ``meta`` maps article id → (source, published); ``mentions`` are
    (article_id, sentence_id, entity, label).
    """
    art, par, sen = [], [], []
    for aid, sentences in articles.items():
        text = "\n".join(sentences)
        pos = 0
        for i, sent in enumerate(sentences):
            pol, subj = S.score(sent)
            row = {"article_id": aid, "paragraph": i, "is_headline": i == 0, "start": pos, "end": pos + len(sent),
                   "text": sent, "polarity": pol, "subjectivity": subj}
            par.append({**row, "n_sentences": 1})
            sen.append({**row, "sentence_id": i, "n_words": len(sent.split())})
            pos += len(sent) + 1
        source, published = (meta or {}).get(aid, (None, None))
        pol, subj = S.score(text)
        art.append({"article_id": aid, "title": sentences[0], "source": source,
                    "published": pd.Timestamp(published, tz="UTC") if published else pd.NaT,
                    "n_paragraphs": len(sentences) - 1, "n_sentences": len(sentences), "polarity": pol,
                    "subjectivity": subj})
    q = pd.DataFrame(quotes or [], columns=["article_id", "quote_id", "paragraph", "start", "end", "text", "kind",
                                            "speaker", "speaker_label", "cue", "polarity", "subjectivity"])
    m = pd.DataFrame([{"article_id": a, "sentence_id": s, "entity": e, "label": lab, "text": e}
                      for a, s, e, lab in (mentions or [])],
                     columns=["article_id", "sentence_id", "entity", "label", "text"])
    return Tables(articles=pd.DataFrame(art), paragraphs=pd.DataFrame(par), sentences=pd.DataFrame(sen),
                  mentions=m, quotes=q, entities=pd.DataFrame(), cooccurrence=pd.DataFrame())


def empty_tables(tables: Tables) -> Tables:
    return tables.filter(articles=["no such article"])


# --------------------------------------------------------------------------- exactness

def test_sentence_and_paragraph_polarity_equal_textblob_on_their_text(seed_tables, seed_article):
    text = seed_article.text
    for name in ("sentences", "paragraphs"):
        df = seed_tables[name]
        assert len(df) > 5
        for row in df.itertuples():
            assert text[row.start:row.end] == row.text
            blob = TextBlob(row.text).sentiment
            assert (row.polarity, row.subjectivity) == (blob.polarity, blob.subjectivity)


def test_article_polarity_equals_textblob_on_the_article_text(seed_tables, seed_article):
    row = seed_tables.articles.iloc[0]
    blob = TextBlob(seed_article.text).sentiment
    assert (row["polarity"], row["subjectivity"]) == (blob.polarity, blob.subjectivity)
    level = S.level_table(seed_tables, "article").iloc[0]
    assert level["polarity"] == blob.polarity


@pytest.mark.parametrize("text", ["", "Plain words only.", "A truly awful, not very good day!",
                                  "Tokayev called Putin \"an experienced statesman\"."])
def test_score_is_textblob(text):
    assert S.score(text) == tuple(TextBlob(text).sentiment)


def _fuzz(n: int) -> list[str]:
    """Strings of sentiment words, negations, modifiers, marks, emoticons, abbreviations and breaks."""
    vocab = ("good bad not n't never no very really terribly wonderfully ! ? . , ... ; : ( ) :) :( :-D <3 (!) ' \" “ ” "
             "’ the a is was isn't happy sad awful great U.S. e.g. Mr. etc. A. nice!! won't I'm").split()
    rng = random.Random(7)
    out = []
    for _ in range(n):
        words = [rng.choice(vocab) for _ in range(rng.randint(1, 14))]
        out.append("".join(w + rng.choice(["", " ", " ", "  ", "\n", "\n\n", "\r\n"]) for w in words))
    return out


def test_fast_scorer_equals_textblob_on_every_text_and_fuzz():
    from textblob.en import sentiment as pattern

    from analysis.sentiment.fast import scorer

    fast = scorer()
    assert fast is not None  # the installed TextBlob is the one the copy was written for
    texts = []
    for folder in (config.SAMPLES_DIR, TESTS_DATA / "articles", TESTS_DATA / "holdout" / "articles"):
        for article in read_corpus(folder).articles:
            texts += [article.text, *(chunk for _s, _e, chunk in article.paragraph_spans())]
            texts += [s for p in article.paragraphs for s in re.split(r"(?<=[.!?])\s+", p)]
    texts += _fuzz(3000)
    assert len(texts) > 4000
    got = [fast(t) for t in texts]
    want = [tuple(map(float, pattern(t)[:2])) for t in texts]
    assert got == want
    assert len({g for g in got}) > 500  # many different scores, not a constant


def test_fast_scorer_equals_textblob_with_emoticons_split_by_spaces():
    """The fast path skips the sarcasm and emoticon steps only when no match could hold a space."""
    from textblob.en import sentiment as pattern

    from analysis.sentiment.fast import scorer

    vocab = ("good bad not very happy : ; = 8 x X D P p o O - ^ ' ( ) [ ] { } < > / * ! . , 8) :) x-D o.O "
             ":'( >:D to so great").split()
    rng = random.Random(11)
    texts = ["".join(w + rng.choice([" ", " ", "", "\n\n"]) for w in (rng.choice(vocab) for _ in range(12)))
             for _ in range(3000)]
    texts += ["So good : ) really", "Great ( ! ) news", "x - D", "o . O", "Wow: (2008 )", "bad\n\n:\n\n)"]
    texts += ["ΟΔΟΣ ΚΑΙ Σ 'Σ' ΣΑ good", "İSTANBUL İyi bad", "ǅemal ǈ ß ẞ great", "Σ\u0301 Σ\u200bΑ nice"]
    fast = scorer()
    assert [fast(t) for t in texts] == [tuple(map(float, pattern(t)[:2])) for t in texts]


def test_fast_scorer_scores_joined_pieces_from_the_tokens_of_each_piece():
    """An article's text is its lines joined by line breaks, a paragraph its sentences joined by spaces:
    scored from the pieces' tokens, the same numbers."""
    from textblob.en import sentiment as pattern

    from analysis.sentiment.fast import scorer

    fast = scorer()
    rng = random.Random(5)
    parts = [part.strip() or "x" for part in _fuzz(600)]
    parts += ["It's not good", "n't", "'s great", "Very", "bad ... (", "!) :", ") nice", "U.S.", "said.", "\"", "'"]
    for _ in range(400):
        group = rng.sample(parts, rng.randint(1, 6))
        gaps = [rng.choice(["\n", " ", "  "]) for _ in group[1:]]
        text = "".join(part + gap for part, gap in zip(group, gaps + [""]))
        tokens = fast.pieces(group, gaps)
        assert tokens is not None
        assert fast.from_tokens(tokens) == tuple(map(float, pattern(text)[:2])) == fast(text)
    for bad_parts, bad_gaps in ((["a", ""], ["\n"]), (["a\n", "b"], ["\n"]), ([" a", "b"], [" "]),
                                (["a", "b"], ["\n\n"]), (["a", "b"], [""]), (["a", "b"], [" \n"]), (["a"], [" "])):
        assert fast.pieces(bad_parts, bad_gaps) is None


# --------------------------------------------------------------------------- negation and intensifiers

@pytest.mark.parametrize("plain, negated", [("The deal is good.", "The deal is not good."),
                                            ("A happy ending.", "Never a happy ending."),
                                            ("The talks were useful.", "The talks were not useful.")])
def test_negation_lowers_a_positive_score(plain, negated):
    assert S.score(negated)[0] < 0 < S.score(plain)[0]
    ex = S.explain(negated)
    assert ex["negated"].tolist() == [True]
    assert ex["phrase"].iloc[0].lower().split()[0] in {"not", "never"}


def test_negated_negative_turns_mildly_positive():
    assert S.score("The result is bad.")[0] < 0 < S.score("The result is not bad.")[0]


@pytest.mark.parametrize("plain, strong, word", [("a good plan", "a very good plan", "very"),
                                                 ("a bad plan", "a very bad plan", "very"),
                                                 ("a nice day", "a very very nice day", "very very"),
                                                 ("a bad plan", "a real bad plan", "real")])
def test_intensifier_strengthens_the_score(plain, strong, word):
    assert abs(S.score(strong)[0]) > abs(S.score(plain)[0])
    row = S.explain(strong).iloc[0]
    assert row["intensified"] and row["intensifier"] == word and not row["negated"]
    assert row["intensity"] > 1 and row["phrase"].startswith(word)
    assert math.isclose(row["polarity"], np.clip(S.score(plain)[0] * row["intensity"], -1, 1))  # TextBlob clips


@pytest.mark.parametrize("text", ["an extremely happy crowd", "a really good plan", "a highly successful plan"])
def test_modifiers_textblob_ignores_are_shown_as_such(text):
    """TextBlob's known gap: most adverbs carry no intensity, so "extremely good" scores as "good"."""
    row = S.explain(text).iloc[0]
    assert row["intensifier"] == text.split()[1] and row["intensity"] == 1.0 and not row["intensified"]
    assert S.score(text) == S.score(" ".join(text.split()[:1] + text.split()[2:]))


def test_vader_sees_negation_and_intensifiers_too():
    v = S.vader_scores(pd.Series(["good", "not good", "very good"], index=[10, 11, 12]))
    assert list(v.index) == [10, 11, 12] and list(v.columns) == S.VADER_COLUMNS
    assert v.loc[11, "compound"] < 0 < v.loc[10, "compound"] < v.loc[12, "compound"]
    assert np.allclose(v[["pos", "neg", "neu"]].sum(axis=1), 1, atol=0.01)


# --------------------------------------------------------------------------- explanations

@pytest.mark.parametrize("text, words", [
    ("Not bad at all, a very nice result :)", {"bad", "nice", ":)"}),
    ("The minister was sad and angry, but the crowd was happy!", {"sad", "angry", "happy"}),
    ("Russia is militarily invincible, and Ukraine hopes not to lose.", {"militarily"}),
])
def test_explanation_lists_the_driving_words_and_adds_up(text, words):
    ex = S.explain(text)
    assert words <= set(ex["head"])
    assert math.isclose(ex["contribution"].sum(), S.score(text)[0], abs_tol=1e-12)
    assert math.isclose(ex["polarity"].mean(), S.score(text)[0], abs_tol=1e-12)
    for row in ex.itertuples():
        assert row.start >= 0 and text[row.start:row.end] == row.phrase
        assert row.head in row.phrase.lower()


def test_every_explained_phrase_is_found_in_the_sample_texts(sample_tables):
    texts = [*sample_tables.sentences["text"], "İstanbul is nice, isn’t it? “VERY GOOD!” e.g. fine..."]
    found = 0
    for text in texts:
        for row in S.explain(text).itertuples():
            assert row.start >= 0 and text[row.start:row.end] == row.phrase, (text, row)
            found += 1
    assert found > 100


def test_explanation_of_neutral_text_is_empty():
    assert S.explain("The meeting is on Tuesday in Astana.").empty
    assert S.explain_short("The meeting is on Tuesday in Astana.") == ""


def test_short_explanation_names_the_strongest_phrase_with_its_sign():
    short = S.explain_short("The deal is not good, but the weather is very nice.")
    assert "\u201cnot good\u201d \u2212" in short and "\u201cvery nice\u201d +" in short
    assert short.index("very nice") < short.index("not good")  # strongest first


def test_exclamation_and_emoticon_are_flagged():
    ex = S.explain("What a great day! :)")
    assert ex.loc[ex["head"] == "great", "exclamation"].item()
    assert ex.loc[ex["head"] == ":)", "label"].item() == "mood"


# --------------------------------------------------------------------------- TextBlob against VADER

@pytest.fixture(scope="module")
def contrast() -> Tables:
    """Sentences chosen so that the two methods agree, stay neutral, or disagree in sign."""
    return hand_tables({"a1": ["The food was good.",              # both positive
                               "It isn't good.",                  # TextBlob misses "isn't": opposite signs
                               "The meeting is on Tuesday.",      # both neutral
                               "Not everyone was impressed."]})   # TextBlob misses "Not everyone"


def test_compare_labels_and_agreement_rate(contrast):
    c = S.compare(contrast)
    assert list(c.columns) == ["article_id", "sentence_id", "paragraph", "start", "end", "text", "textblob",
                               "vader", "textblob_label", "vader_label", "agree", "opposite"]
    assert c["textblob_label"].tolist() == ["positive", "positive", "neutral", "positive"]
    assert c["vader_label"].tolist() == ["positive", "negative", "neutral", "negative"]
    agr = S.agreement(c)
    assert (agr.sentences, agr.agree, agr.opposite) == (4, 0.5, 0.5)
    assert S.agreement(c.head(0)).sentences == 0


def test_disagreements_list_the_opposite_sentences_with_reasons(contrast):
    d = S.disagreements(contrast)
    assert set(d["text"]) == {"It isn't good.", "Not everyone was impressed."}
    assert (d["textblob"] > 0).all() and (d["vader"] < 0).all()
    assert d["gap"].is_monotonic_decreasing
    row = d.set_index("text").loc["It isn't good."]
    assert "good" in row["textblob_why"] and "good" in row["vader_why"]


@pytest.mark.parametrize("band, expected", [(0.05, "neutral"), (0.02, "negative"), (0.03, "neutral")])
def test_neutral_band_decides_the_label(band, expected):
    t = hand_tables({"a": ["Headline", "A long, big day."]})  # "long" -0.05, "big" 0.0: polarity -0.025
    row = S.compare(t, band=band).iloc[1]
    assert row["textblob"] == -0.025
    assert row["textblob_label"] == expected


# --------------------------------------------------------------------------- quotes, narration, speakers

@pytest.fixture(scope="module")
def quoted() -> Tables:
    sents = ["Ministers meet", "The weather was terrible.", "\"This is a wonderful deal,\" she said.",
             "He called it \"a bad idea\" and left.", "The talks end on Friday."]
    starts = np.cumsum([0] + [len(s) + 1 for s in sents])
    q2 = starts[2]
    q3 = starts[3] + sents[3].index("\"a bad")
    return hand_tables(
        {"a1": sents},
        quotes=[{"article_id": "a1", "quote_id": "a1:0", "paragraph": 2, "start": q2, "end": q2 + 28,
                 "text": "This is a wonderful deal,", "kind": "direct", "speaker": "Aliya Bekova",
                 "speaker_label": "PERSON", "cue": "said", "polarity": None, "subjectivity": None},
                {"article_id": "a1", "quote_id": "a1:1", "paragraph": 3, "start": q3, "end": q3 + 12,
                 "text": "a bad idea", "kind": "partial", "speaker": "Aliya Bekova", "speaker_label": "PERSON",
                 "cue": "called", "polarity": -0.7, "subjectivity": 0.6666666666666666},
                {"article_id": "a1", "quote_id": "a1:2", "paragraph": 4, "start": starts[4] - 1,
                 "end": starts[4], "text": "x", "kind": "direct", "speaker": None, "speaker_label": None,
                 "cue": None, "polarity": 0.0, "subjectivity": 0.0}])


def test_sentences_overlapping_a_quote_are_quoted_speech(quoted):
    # the third quote ends exactly where the last sentence starts: [start, end) does not overlap it
    assert S.speech(quoted).tolist() == [False, False, True, True, False]
    assert S.speech(quoted, kinds=["direct"]).tolist() == [False, False, True, False, False]


def test_narration_vs_quotes_means_and_counts(quoted):
    nq = S.narration_vs_quotes(quoted).set_index("speech")
    s = quoted.sentences
    assert nq.loc["quoted", "n_sentences"] == 2 and nq.loc["narration", "n_sentences"] == 2  # headline left out
    assert math.isclose(nq.loc["quoted", "polarity"], s["polarity"].iloc[2:4].mean())
    assert math.isclose(nq.loc["narration", "polarity"], s["polarity"].iloc[[1, 4]].mean())
    assert math.isclose(nq.loc["quoted", "polarity_se"], s["polarity"].iloc[2:4].std(ddof=1) / math.sqrt(2))


def test_quote_and_speaker_sentiment(quoted):
    q = S.quote_sentiment(quoted)
    assert q.loc[0, "polarity"] == TextBlob("This is a wonderful deal,").sentiment.polarity  # filled in
    assert q.loc[1, "polarity"] == -0.7  # kept as stored
    assert "wonderful" in q.loc[0, "explanation"]
    sp = S.speaker_sentiment(quoted)
    assert sp["speaker"].tolist() == ["Aliya Bekova"]  # the unattributed quote is left out
    assert sp.loc[0, "n_quotes"] == 2
    assert math.isclose(sp.loc[0, "polarity"], (q.loc[0, "polarity"] - 0.7) / 2)


def test_no_quotes_means_everything_is_narration():
    t = hand_tables({"a": ["Head", "Body text is fine."]})
    assert not S.speech(t).any()
    assert S.narration_vs_quotes(t)["speech"].tolist() == ["narration"]
    assert S.speaker_sentiment(t).empty and S.quote_sentiment(t).empty


# --------------------------------------------------------------------------- entities, sources, days

def test_entity_sentiment_counts_each_sentence_once():
    t = hand_tables({"a1": ["Acme news", "Acme had a great year, Acme said.", "Acme is in trouble, sadly.",
                            "Bolt was fine."],
                     "a2": ["Other", "Acme made a terrible mistake."]},
                    mentions=[("a1", 0, "Acme", "ORG"), ("a1", 1, "Acme", "ORG"), ("a1", 1, "Acme", "ORG"),
                              ("a1", 2, "Acme", "ORG"), ("a1", 3, "Bolt", "ORG"), ("a2", 1, "Acme", "ORG")])
    es = S.entity_sentiment(t).set_index("entity")
    pols = [S.score(x)[0] for x in ("Acme news", "Acme had a great year, Acme said.", "Acme is in trouble, sadly.",
                                     "Acme made a terrible mistake.")]
    assert es.loc["Acme", "n_sentences"] == 4 and es.loc["Acme", "n_articles"] == 2
    assert math.isclose(es.loc["Acme", "polarity"], np.mean(pols))
    assert math.isclose(es.loc["Acme", "polarity_se"], np.std(pols, ddof=1) / 2)
    assert es.loc["Bolt", "n_sentences"] == 1 and math.isnan(es.loc["Bolt", "polarity_se"])
    assert list(S.entity_sentiment(t, min_sentences=2)["entity"]) == ["Acme"]
    assert list(S.entity_sentiment(t, entities=["Bolt"])["entity"]) == ["Bolt"]


def test_by_source_and_by_day():
    t = hand_tables({"a": ["Good news", "A good day."], "b": ["Bad news", "A bad day."], "c": ["Plain", "Fine."],
                     "d": ["Undated", "Nothing."]},
                    meta={"a": ("Herald", "2024-11-01T09:00"), "b": ("Herald", "2024-11-01T23:30"),
                          "c": ("Wire", "2024-11-02T01:00"), "d": (None, None)})
    src = S.by_source(t).set_index("source")
    assert src["n_articles"].to_dict() == {"(unknown)": 1, "Herald": 2, "Wire": 1}
    assert math.isclose(src.loc["Herald", "polarity"], t.articles["polarity"].iloc[:2].mean())
    day = S.by_day(t)
    assert day["day"].dt.strftime("%Y-%m-%d").tolist() == ["2024-11-01", "2024-11-02"]
    assert day["n_articles"].tolist() == [2, 1]


def test_extremes_are_ordered_and_explained(sample_tables):
    ex = S.extremes(sample_tables, n=3)
    pos, neg = ex[ex["direction"] == "positive"], ex[ex["direction"] == "negative"]
    assert len(pos) == 3 and len(neg) == 3
    assert pos["polarity"].is_monotonic_decreasing and neg["polarity"].is_monotonic_increasing
    assert pos["polarity"].min() >= sample_tables.sentences["polarity"].nlargest(3).min()
    assert all(ex["explanation"].str.len() > 0)


# --------------------------------------------------------------------------- level_table

@pytest.mark.parametrize("level", S.LEVELS)
def test_level_table_columns(sample_tables, level):
    df = S.level_table(sample_tables, level)
    assert list(df.columns) == S.LEVEL_COLUMNS[level]
    expected = {"article": len(sample_tables.articles), "paragraph": len(sample_tables.paragraphs),
                "sentence": len(sample_tables.sentences), "quote": len(sample_tables.quotes)}
    if level in expected:
        assert len(df) == expected[level]
    if level in ("article", "paragraph", "sentence", "entity", "source", "day"):
        assert len(df) and df["polarity"].between(-1, 1).all()


def test_sentence_level_has_both_methods_and_explanations(seed_tables):
    df = S.level_table(seed_tables, "sentence")
    assert (df["polarity"] == seed_tables.sentences["polarity"]).all()
    v = S.vader_scores(seed_tables.sentences["text"])["compound"]
    assert (df["vader"].to_numpy() == v.to_numpy()).all()
    moved = df[df["polarity"] != 0]
    assert len(moved) and (moved["explanation"].str.len() > 0).all()


@pytest.mark.parametrize("level", ["word", "", "Article", "sentences"])
def test_unknown_level_is_a_value_error(seed_tables, level):
    with pytest.raises(ValueError, match="unknown sentiment level"):
        S.level_table(seed_tables, level)


@pytest.mark.parametrize("level", S.LEVELS)
def test_level_table_on_no_articles(seed_tables, level):
    df = S.level_table(empty_tables(seed_tables), level)
    assert df.empty and list(df.columns) == S.LEVEL_COLUMNS[level]


def test_conclusions_mention_the_agreement(sample_tables, seed_tables):
    text = S.conclusions(sample_tables)
    agr = S.agreement(S.compare(sample_tables))
    assert f"{agr.agree:.0%}" in text and f"{len(sample_tables.articles)} articles" in text
    assert "No articles" in S.conclusions(empty_tables(seed_tables))


# --------------------------------------------------------------------------- plots

PLOTS = [("by_date", {}), ("by_source", {}), ("arc", {}), ("extremes", {}), ("quotes_vs_narration", {}),
         ("entities", {}), ("speakers", {}), ("textblob_vs_vader", {})]


def _texts(fig: Figure) -> str:
    return " ".join(t.get_text() for ax in fig.axes for t in [ax.title, *ax.texts]) + (
        fig._suptitle.get_text() if fig._suptitle else "")


@pytest.mark.parametrize("name, kwargs", PLOTS)
def test_plots_draw_real_tables(sample_tables, name, kwargs):
    fig = getattr(P, name)(sample_tables, **kwargs)
    assert isinstance(fig, Figure) and fig.axes
    assert _texts(fig).strip()
    ax = fig.axes[0]
    if not (sample_tables.quotes.empty and name in ("quotes_vs_narration", "speakers")):
        assert ax.get_xlabel() or ax.get_ylabel()
    matplotlib.pyplot.close(fig)


@pytest.mark.parametrize("name, kwargs", PLOTS)
def test_plots_say_when_there_is_nothing(seed_tables, name, kwargs):
    fig = getattr(P, name)(empty_tables(seed_tables), **kwargs)
    assert isinstance(fig, Figure)
    assert "No " in _texts(fig)
    matplotlib.pyplot.close(fig)


def test_quote_plots_with_quotes(quoted):
    for fig in (P.quotes_vs_narration(quoted), P.speakers(quoted)):
        assert "No " not in _texts(fig) and fig.axes[0].get_ylabel() + fig.axes[0].get_xlabel()
        matplotlib.pyplot.close(fig)


def test_article_text_with_dollars_is_drawn_literally():
    t = hand_tables({"a": ["A $5bn deal and a $2bn loan", "A great $5bn deal, a terrible $2bn loan."]})
    fig = P.extremes(t)
    fig.canvas.draw()  # would raise on mathtext parsing errors
    labels = [lab.get_text() for lab in fig.axes[0].get_yticklabels()]
    assert any(r"\$5bn" in lab for lab in labels)
    matplotlib.pyplot.close(fig)


# --------------------------------------------------------------------------- notebook

@pytest.mark.slow
def test_notebook_runs_with_papermill(run_notebook):
    run = run_notebook("sentiment", entities=["Kazakhstan", "Tokayev"], arc_article="000_7363fc605d1a34bd")
    assert not run.errors
    assert run.images >= 8


@pytest.mark.slow
def test_notebook_runs_on_an_empty_window(run_notebook):
    run = run_notebook("sentiment", since="2030-01-01")
    assert not run.errors
    assert "No articles" in run.shown


# --------------------------------------------------------------------------- a store (DuckDB fast paths)

LARGE_TABLES = {"paragraphs", "sentences", "mentions"}
SELECTIONS = [{}, {"since": "2024-11-15"}, {"articles": [SEED_ID := "000_7363fc605d1a34bd",
                                                         "2024-11-08_potomac_dispatch_trump_victory"]}]
STORE_CALLS = [("narration_vs_quotes", {}), ("narration_vs_quotes", {"by": "source"}),
               ("narration_vs_quotes", {"by": "paragraph", "kinds": ["direct"]}), ("entity_sentiment", {}),
               ("entity_sentiment", {"labels": ["PERSON", "GPE"], "min_sentences": 2}),
               ("entity_sentiment", {"entities": ["Kazakhstan", "Tokayev", "nobody"]}), ("speaker_sentiment", {}),
               ("speaker_sentiment", {"min_quotes": 2}), ("extremes", {"n": 3}), ("quoted_sentences", {}),
               ("compare", {}), ("compare", {"band": 0.2}), ("disagreements", {})]


def _pair(sample_pair, selection: dict):
    """(pandas Tables, a fresh StoreTables) for ``selection``: nothing of the store is read yet."""
    from analysis.store.tables import StoreTables

    tables, lazy = sample_pair
    if selection:
        return tables.filter(**selection), lazy.filter(**selection)
    return tables, StoreTables(lazy.root, None, lazy.problems)


def _same(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    """Equal columns and values (floats within 1e-9; a missing text is missing, whether None or NaN)."""
    def plain(df: pd.DataFrame) -> pd.DataFrame:
        df = df.reset_index(drop=True)
        text = [c for c in df.columns if not pd.api.types.is_numeric_dtype(df[c])
                and not pd.api.types.is_datetime64_any_dtype(df[c])]
        return df.astype({c: object for c in text}).where(df.notna(), None) if text else df

    assert list(got.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(plain(got), plain(expected), check_dtype=False, check_exact=False, rtol=0,
                                  atol=1e-9)


@pytest.mark.parametrize("selection", SELECTIONS, ids=["all", "since", "articles"])
@pytest.mark.parametrize("name, kwargs", STORE_CALLS)
def test_store_gives_the_pandas_answer_without_reading_sentences(sample_pair, selection, name, kwargs):
    tables, lazy = _pair(sample_pair, selection)
    expected = getattr(S, name)(tables, **kwargs)
    _same(getattr(S, name)(lazy, **kwargs), expected)
    assert not LARGE_TABLES & set(vars(lazy))
    if not selection and name != "disagreements":
        assert len(expected)


@pytest.mark.parametrize("selection", SELECTIONS, ids=["all", "since", "articles"])
@pytest.mark.parametrize("level", S.LEVELS)
def test_store_level_tables_equal_the_pandas_ones(sample_pair, selection, level):
    tables, lazy = _pair(sample_pair, selection)
    expected, got = S.level_table(tables, level), S.level_table(lazy, level)
    if level == "article":  # a store lists articles by publication time, Tables by corpus order
        expected = expected.set_index("article_id").loc[lazy.articles["article_id"]].reset_index()
    _same(got, expected)
    assert len(got) and not LARGE_TABLES & set(vars(lazy))


@pytest.mark.parametrize("selection", SELECTIONS, ids=["all", "since", "articles"])
def test_store_overview_conclusions_and_arc(sample_pair, selection):
    tables, lazy = _pair(sample_pair, selection)
    assert S.overview(lazy) == S.overview(tables) and f"{len(tables.sentences)} sentences" in S.overview(lazy)
    assert S.conclusions(lazy) == S.conclusions(tables)
    for article_id in tables.articles["article_id"]:
        for got, expected in zip(S.article_rows(lazy, article_id), S.article_rows(tables, article_id)):
            assert len(got)
            _same(got, expected)
    assert S.sample_note(lazy) == S.sample_note(tables) == ""
    assert not LARGE_TABLES & set(vars(lazy))


def test_store_with_no_articles(sample_pair):
    tables, lazy = _pair(sample_pair, {"since": "2030-01-01"})
    assert "No articles" in S.overview(lazy) and "No articles" in S.conclusions(lazy)
    for name, kwargs in STORE_CALLS:
        _same(getattr(S, name)(lazy, **kwargs), getattr(S, name)(tables, **kwargs))


@pytest.mark.parametrize("size", [7, 60])
def test_large_store_selection_compares_a_fixed_sample(sample_pair, monkeypatch, size):
    from analysis.sentiment import sql

    tables, lazy = _pair(sample_pair, {})
    monkeypatch.setattr(sql, "SAMPLE", size)
    got = S.compare(lazy)
    assert len(got) == size and got.equals(S.compare(lazy))  # the same sample every time
    full = S.compare(tables).set_index(["article_id", "sentence_id"])
    _same(got, full.loc[list(zip(got["article_id"], got["sentence_id"]))].reset_index()[got.columns])
    assert list(zip(got["article_id"], got["sentence_id"])) == sorted(zip(got["article_id"], got["sentence_id"]))
    assert S.sample_note(lazy) == f"a sample of {size} of {len(tables.sentences)} sentences"
    assert S.sample_note(lazy) in S.conclusions(lazy)
    ent = S.entity_sentiment(lazy)  # exact aggregates; VADER over the sampled sentences only
    _same(ent.drop(columns="vader"), S.entity_sentiment(tables).drop(columns="vader"))
    assert ent["vader"].isna().any() and ent["vader"].dropna().between(-1, 1).all()
    assert not LARGE_TABLES & set(vars(lazy))


@pytest.mark.parametrize("level, rows", [("sentence", 12), ("paragraph", 9), ("article", 4), ("quote", 10)])
def test_large_store_levels_keep_the_most_polar_rows(sample_pair, monkeypatch, level, rows):
    from analysis.sentiment import sql

    tables, lazy = _pair(sample_pair, {})
    monkeypatch.setattr(sql, "LEVEL_ROWS", rows)
    got = S.level_table(lazy, level)
    keys = {"sentence": ["article_id", "sentence_id"], "paragraph": ["article_id", "paragraph"],
            "article": ["article_id"], "quote": ["article_id", "quote_id"]}[level]
    full = S.level_table(tables, level).set_index(keys)
    kept = pd.MultiIndex.from_frame(got[keys]) if len(keys) > 1 else pd.Index(got["article_id"])
    assert len(got) == rows and got["polarity"].abs().min() >= full["polarity"].drop(index=kept).abs().max()
    _same(got, full.loc[kept].reset_index()[got.columns])
    assert not LARGE_TABLES & set(vars(lazy))


@pytest.mark.parametrize("name, kwargs", PLOTS)
def test_plots_draw_a_store_without_reading_sentences(sample_pair, name, kwargs):
    _, lazy = _pair(sample_pair, {})
    fig = getattr(P, name)(lazy, **kwargs)
    assert isinstance(fig, Figure) and "No " not in _texts(fig)
    assert fig.axes[0].get_xlabel() or fig.axes[0].get_ylabel()
    assert not LARGE_TABLES & set(vars(lazy))
    matplotlib.pyplot.close(fig)


@pytest.mark.parametrize("name", ["quotes_vs_narration", "textblob_vs_vader"])
def test_sampled_plots_say_so(sample_pair, monkeypatch, name):
    from analysis.sentiment import sql

    _, lazy = _pair(sample_pair, {})
    monkeypatch.setattr(sql, "SAMPLE", 40)
    fig = getattr(P, name)(lazy)
    assert "a sample of 40 of" in _texts(fig)
    matplotlib.pyplot.close(fig)
