"""Quotations and speakers: quote marks, attribution, kinds, the table, the notebook (the timeline and the
leaderboard: tests/test_quotes_views.py)."""
from __future__ import annotations

import json

import matplotlib
import pandas as pd
import pytest

from analysis import evaluate, quotes
from analysis.config import ROOT
from analysis.corpus import Article, read_corpus
from analysis.extract import extract
from analysis.nlp import parse
from analysis.quotes.marks import classify_marks, find_quotes
from analysis.sentiment import score

matplotlib.use("Agg")

SHARED = ROOT.parent / "shared"
SEED_GOLD = SHARED / "gold" / "000_7363fc605d1a34bd.json"
GOLD_ARTICLES, GOLD_DIR = ROOT / "tests" / "data" / "articles", ROOT / "tests" / "data" / "gold"


# --- quote marks, from the characters alone ---------------------------------------------------

def marked(*paragraphs: str) -> list[str]:
    """Texts of the top-level quotations of paragraphs (index 0 is the headline)."""
    pars = ("Headline", *paragraphs)
    return [" ".join(pars[s.paragraph][s.start:s.end] for s in q.segments) for q in find_quotes(pars)]


@pytest.mark.parametrize("paragraph, expected", [
    ('He said "hello there," and left.', ["hello there,"]),
    ("She said \u201cwe are ready\u201d and left.", ["we are ready"]),
    ('"First," she said. "Second."', ["First,", "Second."]),
    ("\u2018We don\u2019t know,\u2019 he said.", ["We don\u2019t know,"]),
    ("\u2018He called it \u201ca disaster\u201d,\u2019 she added.", ["He called it \u201ca disaster\u201d,"]),
    ("\"Dale said, 'Nobody reads them,'\" Tuttle testified.", ["Dale said, 'Nobody reads them,'"]),
    ("\u201cWe were going to\u2014\u201d she stopped. \u201cIt\u2019s fine\u2026 really.\u201d",
     ["We were going to\u2014", "It\u2019s fine\u2026 really."]),
    ("\u2018The Smiths\u2019 house is big,\u2019 he said.", ["The Smiths\u2019 house is big,"]),
])
def test_quote_marks(paragraph, expected):
    assert marked(paragraph) == expected


@pytest.mark.parametrize("paragraph", [
    "Kazakhstan\u2019s plan, don't worry, O\u2019Brien and the \u201990s: rock \u2019n\u2019 roll.",
    "The Musicians\u2019 Union and the workers' union backed the '70s veterans' bid.",
    "It\u2019s 6'2\" tall and 'em all.",
])
def test_apostrophes_are_not_quotations(paragraph):
    assert marked(paragraph) == []
    assert not [m for m in classify_marks(paragraph) if m.family == "single" and m.can_open and m.can_close
                and not m.weak]


def test_multi_paragraph_quotation_is_one_with_segments():
    pars = ("Head", "\u201cThis is the first part,\u201d she said. \u201cIt goes on.",
            "\u201cAnd it ends here.\u201d", "Narration after.")
    found = find_quotes(pars)
    assert len(found) == 2
    segments = found[1].segments
    assert [s.paragraph for s in segments] == [1, 2]
    assert [pars[s.paragraph][s.start:s.end] for s in segments] == ["It goes on.", "And it ends here."]


@pytest.mark.parametrize("paragraphs, expected", [
    (['A banner reading \u201cHallworth out was unfurled.', "\u201cFine,\u201d he said."], ["Fine,"]),
    (['"This has to stop, he said. Then he left.', 'Later "a proper quote" came.'],
     ["This has to stop,", "a proper quote"]),
    (['Odd " mark here and "quoted" words.'], ["quoted"]),
    (['"One "two "three'], []),
    (["\u201d stray closer \u201c"], []),
])
def test_unbalanced_marks_never_swallow_the_article(paragraphs, expected):
    assert marked(*paragraphs) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # two apostrophes are a double mark in an article without other double marks (archive copy)
    (["''This isn't reform,'' said Doug Halvorsen. ''It's anti-reform.''"],
     ["This isn't reform,", "It's anti-reform."]),
    (["He called it a ''personal insult.''", "''It runs on.", "''And ends here,'' he said."],
     ["personal insult.", "It runs on. And ends here,"]),
    # typographic double marks nest when closers for both follow
    (["\u201cI\u2019d rather live in what he calls \u201chell\u201d than here.\u201d \u2015 Ana Ruiz"],
     ["I\u2019d rather live in what he calls \u201chell\u201d than here."]),
])
def test_doubled_apostrophes_and_nested_double_marks(paragraphs, expected):
    assert marked(*paragraphs) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    (["Partial transcript:", "HADLEY: Let us start.", "MORROW: Well, look.", "HADLEY: Thank you."],
     [("HADLEY", "Let us start."), ("MORROW", "Well, look."), ("HADLEY", "Thank you.")]),
    # an opening mark before each label: a line never runs on into the next label, but into a paragraph
    # that goes on with its words
    (['"HADLEY: Will she be there?', '"MORROW: She will not. It is \u201cOpen House.\u201d', '"But more.',
      '"HADLEY: Thank you."'],
     [("HADLEY", "Will she be there?"), ("MORROW", "She will not. It is \u201cOpen House.\u201d But more."),
      ("HADLEY", "Thank you.")]),
    # one labelled paragraph is no transcript; capitals that head a paragraph without naming anyone are no label
    (["WASHINGTON: The talks went on."], []),
    (["UPDATE: The council met.", "EDITOR'S NOTE: Times are local.", "WATCH: the video."], []),
])
def test_transcript_labels(paragraphs, expected):
    pars = ("Headline", *paragraphs)
    found = find_quotes(pars)
    assert [(q.label, " ".join(pars[s.paragraph][s.start:s.end] for s in q.segments)) for q in found] == expected


def test_quotes_never_continue_out_of_the_headline():
    found = find_quotes(("\u201cWe will win", "\u201cNo,\u201d she said."))
    assert [(q.segments[0].paragraph, len(q.segments)) for q in found] == [(1, 1)]


# --- through spaCy -------------------------------------------------------------------------------

def table(nlp, *paragraphs: str, title: str = "Headline", source: str | None = None) -> pd.DataFrame:
    article = Article(id="t", title=title, paragraphs=tuple(paragraphs), source=source)
    out = extract(next(parse([article], nlp=nlp)))["quotes"]
    out.attrs["text"] = article.text
    return out


def rows(df: pd.DataFrame) -> list[tuple]:
    return [(r.text, r.kind, None if pd.isna(r.speaker) else r.speaker) for r in df.itertuples()]


@pytest.mark.parametrize("paragraphs, expected", [
    # speaker after the quote, before it, inverted, with a colon, a dash, according to
    (['"We will rebuild the bridge," Mayor Anna Berg told reporters.'],
     [("We will rebuild the bridge,", "direct", "Anna Berg")]),
    (['"The economy is strong," said Janet Yellen, the US Treasury Secretary.'],
     [("The economy is strong,", "direct", "Janet Yellen")]),
    (['Kazakh President Kassym-Jomart Tokayev spoke on Monday. He said: "We are ready."'],
     [("We are ready.", "direct", "Kassym-Jomart Tokayev")]),
    (['"We respect the verdict." \u2014 Michael Osei, speaking outside the court'],
     [("We respect the verdict.", "direct", "Michael Osei")]),
    (['"The financing is the open question," according to Hala Masri.'],
     [("The financing is the open question,", "direct", "Hala Masri")]),
    # split by the cue; continuation in the same and the next paragraph
    (['"First," Maria Lopez said. "Second."', '"Third, in a paragraph of its own."'],
     [("First,", "direct", "Maria Lopez"), ("Second.", "direct", "Maria Lopez"),
      ("Third, in a paragraph of its own.", "direct", "Maria Lopez")]),
    # pronouns: the most recent compatible speaker, by gender when the article tells
    (['Angela Merkel met Emmanuel Macron in Paris. "Europe must stand together," she said.'],
     [("Europe must stand together,", "direct", "Angela Merkel")]),
    (['Anna Kowalski backs the bid. Her brother, Piotr Kowalski, is against it.',
      '"I am against it," he said.', 'Asked about it, she replied: "I remember it differently."'],
     [("I am against it,", "direct", "Piotr Kowalski"), ("I remember it differently.", "direct", "Anna Kowalski")]),
    # role nouns and organisations
    (['Kazakh President Kassym-Jomart Tokayev met investors.',
      '"Astana does not ask for mediators," the Kazakh leader said.'],
     [("Astana does not ask for mediators,", "direct", "Kassym-Jomart Tokayev")]),
    (['Duvanel SA will cut 240 jobs.', '"We have tried everything else first," the company said in a statement.'],
     [("We have tried everything else first,", "direct", "Duvanel SA")]),
    (['"This is unacceptable," a spokesman for Caledonian Island Ferries said.'],
     [("This is unacceptable,", "direct", "Caledonian Island Ferries")]),
    (['In Moscow, the Kremlin described the deal as "a normal commercial matter."'],
     [("a normal commercial matter.", "partial", "Kremlin")]),
    # a surname is the full name introduced earlier
    (['Chief executive Laurence Duvanel wrote to staff.', '"It is a hard day," Duvanel said.'],
     [("It is a hard day,", "direct", "Laurence Duvanel")]),
    (['The GMB union opposed the plan.', '"Families will suffer," a spokeswoman for the union said.'],
     [("Families will suffer,", "direct", "GMB")]),
    (['A statement by his adviser quoted the minister, Audu Ogbeh, as saying: "This is false."'],
     [("This is false.", "direct", "Audu Ogbeh")]),
    (['Mark Chen and his sister Lisa Chen run the bakery.', '"We never expected this," Lisa Chen said.',
      '"Neither did I," her brother added.'],
     [("We never expected this,", "direct", "Lisa Chen"), ("Neither did I,", "direct", "Mark Chen")]),
    # nobody: an unnamed reporter, an unnamed minister
    (['"So will it work now?" a reporter asked.'], [("So will it work now?", "direct", None)]),
    (['The minister, who spoke on condition of anonymity, said: "It is over."'], [("It is over.", "direct", None)]),
])
def test_speakers(nlp, paragraphs, expected):
    assert rows(table(nlp, *paragraphs)) == expected


@pytest.mark.parametrize("paragraph, expected", [
    ('Tokayev called Russian President Vladimir Putin "an experienced statesman" on Monday.',
     [("an experienced statesman", "partial", "Tokayev")]),
    ('Lena Hofstad said the talks had reached "a dead end" and left.', [("a dead end", "partial", "Lena Hofstad")]),
    ('A Leeds City Council spokesperson said the council had \u2018no power to intervene\u2019.',
     [("no power to intervene", "partial", "Leeds City Council")]),
    # scare quotes and so-called terms are nobody's statement
    ('The so-called "shadow fleet" carries Russian oil.', []),
    ('Residents question the council\u2019s \u201ctemporary\u201d closure of the car park.', []),
    ('Critics have dubbed it the "Putin tax".', []),
    ('The film "Oppenheimer" won seven Oscars.', []),
    # a quoted name is no quotation; what the group named so said is reported speech
    ('The group, "Friends of the Earth", said it would sue.', [("it would sue", "indirect", "Friends of the Earth")]),
    ('Tokayev called the plan "Kazakhstan 2050" on Monday.', [("Kazakhstan 2050", "partial", "Tokayev")]),
])
def test_partial_and_scare_quotes(nlp, paragraph, expected):
    assert rows(table(nlp, paragraph)) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    (["Minister Nurlan Abenov told reporters on Tuesday that the tender would be reopened within 30 days."],
     [("the tender would be reopened within 30 days", "indirect", "Nurlan Abenov")]),
    (["Dutch minister Maarten de Vries warned that farmers could not absorb another round of cuts."],
     [("farmers could not absorb another round of cuts", "indirect", "Maarten de Vries")]),
    (["According to Agriculture Commissioner Lena Hofstad, the talks failed over a single clause."],
     [("the talks failed over a single clause", "indirect", "Lena Hofstad")]),
    (["Halvorsen Energy is a Houston company.", "The company said it supported the decision to publish."],
     [("it supported the decision to publish", "indirect", "Halvorsen Energy")]),
    (["The talks, Tokayev said, would continue next week."],
     [("The talks would continue next week", "indirect", "Tokayev")]),
    (["Tokayev said Kazakhstan would remain neutral and urged both sides to talk."],
     [("Kazakhstan would remain neutral", "indirect", "Tokayev")]),
    # an unnamed source is reported speech with nobody named
    (["Police said three people were arrested near the stadium."],
     [("three people were arrested near the stadium", "indirect", None)]),
    # a participle with a that-clause speaks for the subject of the clause it hangs on
    (["Tokayev spoke at length, noting that the country is ready to help."],
     [("the country is ready to help", "indirect", "Tokayev")]),
    # not reported speech: a participle with no that-clause, a question, an outlet's "reports", documents
    (["Tokayev spoke at length, noting the country's readiness to help."], []),
    (["Residents are asking whether the car park will ever reopen."], []),
    (["Tokayev discussed a phone call with Donald Trump, Caliber.Az reports."], []),
    (["Council documents released on Friday show that the site is being assessed."], []),
])
def test_indirect_speech(nlp, paragraphs, expected):
    assert rows(table(nlp, *paragraphs, source="Caliber.Az")) == expected


@pytest.mark.parametrize("title, expected", [
    ('Whitlock in Tbilisi: "Britain will not look away"', ("Britain will not look away", "direct", "Georgia Whitlock")),
    ("\u2018We will win,\u2019 says Whitlock", ("We will win,", "direct", "Georgia Whitlock")),
    ("Whitlock says Britain is \u2018watching closely\u2019", ("watching closely", "partial", "Georgia Whitlock")),
    ("Tbilisi braces for \u2018difficult\u2019 week", None),
])
def test_headline_quotes(nlp, title, expected):
    df = table(nlp, "British Foreign Office minister Georgia Whitlock met students in Tbilisi.", title=title)
    assert rows(df) == ([expected] if expected else [])


def test_headline_quote_takes_the_speaker_of_the_body_quote(nlp):
    df = table(nlp, 'Mayor Kerry-Anne Walsh was angry.', '"We were never asked. Not once," Walsh said.',
               title='Mayor on bus cuts: "We were never asked"')
    assert rows(df) == [("We were never asked", "direct", "Kerry-Anne Walsh"),
                        ("We were never asked. Not once,", "direct", "Kerry-Anne Walsh")]
    assert df["paragraph"].tolist() == [0, 2] and df["attribution"].iloc[0] == "headline"


def test_table_columns_offsets_and_sentiment(nlp):
    df = table(nlp, "Kazakh President Kassym-Jomart Tokayev spoke.",
               "\u201cThis is good news,\u201d he said. \u201cIt goes on.", "\u201cAnd it ends well.\u201d",
               "Tokayev said the plan was working.")
    text = df.attrs["text"]
    assert list(df.columns) == quotes.QUOTE_COLUMNS + quotes.EXTRA_COLUMNS
    assert df["quote_id"].tolist() == list(range(len(df)))
    assert df["start"].is_monotonic_increasing
    assert rows(df) == [("This is good news,", "direct", "Kassym-Jomart Tokayev"),
                        ("It goes on. And it ends well.", "direct", "Kassym-Jomart Tokayev"),
                        ("the plan was working", "indirect", "Kassym-Jomart Tokayev")]
    for r in df.itertuples():
        pieces = [text[int(a):int(b)] for a, b in (seg.split("-") for seg in r.segments.split(";"))]
        assert " ".join(pieces) == r.text
        assert text[r.start:r.end].startswith(pieces[0]) and text[r.start:r.end].endswith(pieces[-1])
        assert (r.polarity, r.subjectivity) == score(r.text)
        assert text[r.speaker_start:r.speaker_end] in ("he", "Tokayev")
    assert df["paragraph"].tolist() == [2, 2, 4]
    assert df["cue"].tolist() == ["say", "say", "say"]
    assert df["speaker_label"].tolist() == ["PERSON"] * 3


@pytest.mark.parametrize("paragraphs", [
    ['"Unclosed from the start and never closed.'],
    ['He said "one', 'and "two" and "three'],
    ['\u201d\u201c\u201d\u201c', "'''", '""""'],
    [""],
    ['Mr Mr Minister Minister Smith spoke. "Yes," Smith said. "No," Mr Mr said.'],
])
def test_odd_marks_never_crash(nlp, paragraphs):
    df = table(nlp, *paragraphs)
    assert all(r.end - r.start <= max(len(p) for p in paragraphs) for r in df.itertuples())


# --- the seed and the gold set ------------------------------------------------------------------

def test_seed_has_exactly_its_twelve_quotations_all_by_tokayev(nlp, seed_article):
    df = extract(next(parse([seed_article], nlp=nlp)))["quotes"]
    assert set(df["speaker"]) == {"Kassym-Jomart Tokayev"}
    # its reported speech ("…, noting that …", "…, explaining that …") is his too; the gold holds the quotations
    assert df.loc[df["kind"] == "indirect", "cue"].tolist() == ["note", "explain"]
    df = df[df["kind"] != "indirect"]
    assert len(df) == 12
    assert df["kind"].value_counts().to_dict() == {"direct": 9, "partial": 3}
    if SEED_GOLD.exists():
        gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
        assert df["text"].tolist() == [q["text"] for q in gold["quotes"]]
        assert df["kind"].tolist() == [q["kind"] for q in gold["quotes"]]


@pytest.mark.parametrize("kinds, quote_f1, speaker_acc", [
    ({"direct", "partial"}, 0.95, 0.92),
    ({"direct", "partial", "indirect"}, 0.85, 0.92),
])
def test_gold_set_quality(nlp, tmp_path, kinds, quote_f1, speaker_acc):
    preds = {}
    for parsed in parse(read_corpus(GOLD_ARTICLES).articles, nlp=nlp):
        df = extract(parsed)["quotes"]
        preds[parsed.article.id] = {"quotes": json.loads(df[df["kind"].isin(kinds)].to_json(orient="records"))}
    for f in GOLD_DIR.glob("*.json"):
        gold = json.loads(f.read_text(encoding="utf-8"))
        gold["quotes"] = [q for q in gold["quotes"] if q["kind"] in kinds | {"scare"}]
        (tmp_path / f.name).write_text(json.dumps(gold), encoding="utf-8")
    result = evaluate.summarise(tmp_path, preds)
    assert result["quote_f1"] >= quote_f1 and result["speaker_acc"] >= speaker_acc, result


# --- the notebook -------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("corpus, expect", [
    ("data/samples/000_7363fc605d1a34bd.txt", "Kassym-Jomart Tokayev"),
    ("EMPTY", "No quotations"),
])
def test_notebook_runs(tmp_path, run_notebook, corpus, expect):
    if corpus == "EMPTY":
        path = tmp_path / "quiet.txt"
        path.write_text("Nothing quoted here\nThe council met and adjourned without comment.\n", encoding="utf-8")
        corpus = str(path)
    run = run_notebook("quote_timeline", corpus=corpus)
    assert not run.errors
    assert expect in run.shown
    assert run.images == 3  # timeline, leaderboard, statement spread (an empty-state figure when none)
