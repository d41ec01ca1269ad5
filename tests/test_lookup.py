"""Speaker and entity names as a user types them: aliases, any case, surnames, "did you mean"."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from analysis import lookup
from analysis.config import ROOT, SAMPLES_DIR
from analysis.pipeline import analyse

TOKAYEV = "Kassym-Jomart Tokayev"


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return analyse(SAMPLES_DIR, cache_dir=tmp_path_factory.mktemp("lookup-cache"), progress=False)


@pytest.mark.parametrize("typed", ["tokayev", "TOKAYEV", "Tokayev", "kassym-jomart tokayev", "Kassym-Jomart Tokayev"])
def test_a_speaker_by_alias_surname_or_any_case(samples, typed):
    assert lookup.speakers(samples, [typed]) == [TOKAYEV]


def test_several_names_keep_their_order_without_repeats(samples):
    assert lookup.speakers(samples, ["Zhaksybekov", "tokayev", TOKAYEV]) == ["Daniyar Zhaksybekov", TOKAYEV]
    assert lookup.speakers(samples, []) == [] and lookup.speakers(samples, None) == []


@pytest.mark.parametrize("typed, meant", [("Tokaev", TOKAYEV), ("Putn", "Vladimir Putin")])
def test_a_misspelt_name_says_did_you_mean(samples, typed, meant):
    with pytest.raises(lookup.NameNotFound, match=f"did you mean '{meant}'"):
        lookup.speakers(samples, [typed])


def test_a_name_that_is_nobody_says_so(samples):
    with pytest.raises(lookup.NameNotFound, match="no speaker matches 'Nobody'"):
        lookup.speakers(samples, ["Nobody"])


def test_entities_by_alias_and_abbreviation(samples):
    assert lookup.entities(samples, ["US", "kazakhstan", "the caspian"]) == ["United States", "Kazakhstan",
                                                                           "Caspian Sea"]
    with pytest.raises(lookup.NameNotFound, match="did you mean 'Kazakhstan'"):
        lookup.entities(samples, ["Kazakstan"])


def test_an_ambiguous_word_asks_for_the_full_name():
    choices = {"Anna Smith": ["Smith"], "Bob Smith": ["Smith"], "Carol Jones": []}
    assert lookup.resolve(["jones"], choices) == ["Carol Jones"]
    with pytest.raises(lookup.NameNotFound, match="matches several"):
        lookup.resolve(["Smith"], {"Anna Smith": [], "Bob Smith": []})


def cli(*args, cache):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "NEWSLENS_CACHE": str(cache)}, timeout=600)


def test_cli_speaker_accepts_a_surname_in_any_case_and_suggests(tmp_path):
    out = cli("quotes", str(SAMPLES_DIR), "--speaker", "tokayev", "--format", "json", "-q", cache=tmp_path)
    assert out.returncode == 0
    rows = json.loads(out.stdout)
    assert rows and {r["speaker"] for r in rows} == {TOKAYEV}
    out = cli("quotes", str(SAMPLES_DIR), "--speaker", "Tokaev", "-q", cache=tmp_path)
    assert out.returncode == 1 and out.stdout == ""
    assert "did you mean 'Kassym-Jomart Tokayev'?" in out.stderr
    out = cli("statements", str(SAMPLES_DIR), "--speaker", "PUTIN", "--format", "json", "-q", cache=tmp_path)
    assert out.returncode == 0 and {r["speaker"] for r in json.loads(out.stdout)} == {"Vladimir Putin"}
