"""The in-repository scorer: its matching rules, and the same figures as the project's shared scorer."""
from __future__ import annotations

import importlib.util
import json

import pytest

from analysis import evaluate
from analysis.config import ROOT
from analysis.corpus import read_corpus
from analysis.extract import extract
from analysis.nlp import load_nlp, parse

SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD_SETS = [ROOT / "tests" / "data" / "gold", ROOT / "tests" / "data" / "holdout" / "gold"]
ENTITIES = [{"name": "Kassym-Jomart Tokayev", "label": "PERSON", "mentions": 3, "aliases": ["Tokayev"]},
            {"name": "Ana Tili", "label": "ORG", "mentions": 2, "aliases": []},
            {"name": "Astana", "label": "GPE", "mentions": 1, "aliases": []}]


def gold(*quotes: tuple[str, str | None, str]) -> dict:
    return {"id": "a", "quotes": [{"text": t, "speaker": s, "kind": k} for t, s, k in quotes], "entities": ENTITIES}


@pytest.mark.parametrize("pred, gold_speaker, ok", [
    ("Tokayev", "Kassym-Jomart Tokayev", True),              # an alias of the gold entity
    ("President Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev", True),  # contains the full name
    ("the Ana Tili", "Ana Tili", True),
    ("Putin", "Kassym-Jomart Tokayev", False),
    (None, "Kassym-Jomart Tokayev", False),
    (None, None, True),                                       # nobody said a scare quote
    ("Tokayev", None, False),
])
def test_speaker_matches(pred, gold_speaker, ok):
    assert evaluate.speaker_matches(pred, gold_speaker, ENTITIES) is ok


def test_quotes_match_by_similarity_one_to_one():
    g = gold(("We will never recognise the annexation of Crimea.", "Kassym-Jomart Tokayev", "direct"),
             ("an experienced statesman", "Kassym-Jomart Tokayev", "partial"))
    pred = [{"text": "We will never recognise the annexation of Crimea", "speaker": "Tokayev"},  # punctuation only
            {"text": "We will never recognise the annexation of Crimea.", "speaker": "Tokayev"},  # a duplicate
            {"text": "The war must end.", "speaker": "Tokayev"},
            {"text": "an experienced statesman", "speaker": "Putin"}]
    q = evaluate.score_quotes(g, pred)
    # the duplicate lies inside a gold quotation: neither found nor extra
    assert (q["gold"], q["pred"], q["match"], q["speaker_ok"]) == (2, 3, 2, 1)
    assert q["wrong_speaker"] == [("an experienced statesman", "Kassym-Jomart Tokayev", "Putin")]
    assert q["extra"] == ["The war must end."]


def test_statements_score_content_and_unnamed_source_on_matched_quotations():
    g = {"id": "a", "entities": ENTITIES, "quotes": [
        {"text": "a dead end", "speaker": "Ana Tili", "kind": "partial",
         "unnamed_source": "A spokesperson for Ana Tili",
         "content": 'the talks had reached "a dead end"'},
        {"text": "We are ready.", "speaker": None, "kind": "direct", "unnamed_source": "police",
         "content": "We are ready."},
        {"text": "the talks would go on", "speaker": None, "kind": "indirect", "unnamed_source": "officials",
         "content": "the talks would go on"},
        {"text": "so-called", "speaker": None, "kind": "scare", "unnamed_source": None, "content": None}]}
    pred = [{"text": "a dead end", "content": '"a dead end"', "unnamed_source": "spokesperson for Ana Tili"},
            {"text": "We are ready.", "content": "We are ready.", "unnamed_source": "Police"},
            {"text": "the talks would go on", "unnamed_source": None},  # no content column: its text
            {"text": "so-called", "content": "so-called", "unnamed_source": None},
            {"text": "Something else entirely.", "content": "Something else entirely.", "unnamed_source": None}]
    st = evaluate.score_statements(g, pred)
    assert (st["matched"], st["content_ok"], st["unnamed_ok"]) == (3, 2, 2)
    assert st["content_errors"] == [('the talks had reached "a dead end"', '"a dead end"')]
    assert st["unnamed_errors"] == [("officials", None)]


def test_scare_quotes_and_nested_quotations_count_neither_way():
    g = gold(("so-called", None, "scare"),
             ("He told me 'never again' and left.", "Kassym-Jomart Tokayev", "direct"))
    pred = [{"text": "so-called", "speaker": None}, {"text": "never again", "speaker": "Tokayev"},
            {"text": "He told me 'never again' and left.", "speaker": "Tokayev"}]
    q = evaluate.score_quotes(g, pred)
    assert (q["gold"], q["pred"], q["match"], q["extra"]) == (1, 1, 1, [])


def test_entities_are_mention_weighted_and_a_split_alias_is_a_miss():
    pred = [{"entity": "Kassym-Jomart Tokayev", "label": "PERSON", "mentions": 2},
            {"entity": "Tokayev", "label": "PERSON", "mentions": 1},          # left unmerged
            {"entity": "Astana", "label": "LOC", "mentions": 1},              # GPE and LOC are both places
            {"entity": "Kazakh", "label": "NORP", "mentions": 4},             # not scored
            {"entity": "Caliber.Az", "label": "ORG", "mentions": 1}]          # not in gold
    e = evaluate.score_entities(gold(), pred)
    assert (e["gold"], e["pred"], e["tp"]) == (6, 5, 3)
    assert e["split"] == ["Kassym-Jomart Tokayev"] and e["spurious"] == [("Caliber.Az", 1)]


def test_summarise_adds_up_the_articles(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(gold(("We are ready.", "Ana Tili", "direct"))), encoding="utf-8")
    preds = {"a": {"quotes": [{"text": "We are ready.", "speaker": "Ana Tili"},
                              {"text": "Elsewhere.", "speaker": None}],
                   "entities": [{"entity": "Ana Tili", "label": "ORG", "mentions": 2}]}}
    result = evaluate.summarise(tmp_path, preds)
    assert (result["quote_p"], result["quote_r"], result["speaker_acc"]) == (0.5, 1.0, 1.0)
    assert result["entity_p"] == 1.0 and result["entity_r"] == pytest.approx(2 / 6)
    assert any("extra : Elsewhere." in line for line in evaluate.details(result))


def test_command_line_prints_the_summary(tmp_path, capsys):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text(json.dumps(gold(("We are ready.", "Ana Tili", "direct"))))
    (tmp_path / "preds.json").write_text(json.dumps({"a": {"quotes": [{"text": "We are ready.", "speaker": "X"}]}}))
    assert evaluate.main([str(tmp_path / "gold"), str(tmp_path / "preds.json")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["quote_f1"], out["speaker_acc"]) == (1.0, 0.0)
    assert evaluate.main([str(tmp_path / "gold")]) == 2


@pytest.mark.skipif(not SHARED_SCORER.is_file(), reason="the shared scorer is not beside the repository")
@pytest.mark.parametrize("gold_dir", GOLD_SETS, ids=["gold set", "held-out"])
def test_same_figures_as_the_shared_scorer(gold_dir):
    spec = importlib.util.spec_from_file_location("shared_score", SHARED_SCORER)
    shared = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shared)
    preds = {}
    for parsed in parse(read_corpus(gold_dir.parent / "articles").articles, nlp=load_nlp()):
        tables = extract(parsed)
        preds[parsed.article.id] = {"quotes": json.loads(tables["quotes"].to_json(orient="records"))}
    ours = evaluate.summarise(gold_dir, preds)
    theirs = shared.summarise(gold_dir, preds)
    assert ours["counts"]["quotes"]["pred"] > 50
    assert {k: v for k, v in ours.items() if k != "articles"} == theirs
