"""``python -m analysis`` through a real subprocess: help, formats, exit statuses, export."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from analysis.cli import ENTITY_KEYS, QUOTE_KEYS
from analysis.config import ROOT, SAMPLES_DIR


def run(*args: str, cache, cwd=ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSLENS_CACHE": str(cache)}
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=600)


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cli-cache")


def test_help_lists_every_command(cache):
    out = run("--help", cache=cache)
    assert out.returncode == 0
    for command in ("sentiment", "entities", "quotes", "export", "report"):
        assert command in out.stdout
    assert "examples:" in out.stdout


@pytest.mark.parametrize("args, reason", [
    ((), "required"),
    (("sentiment",), "PATH"),
    (("sentiment", "x.txt", "--level", "word"), "invalid choice"),
    (("entities", "x.txt", "--format", "xml"), "invalid choice"),
    (("frobnicate",), "invalid choice"),
])
def test_misuse_exits_1_with_one_line(cache, args, reason):
    out = run(*args, cache=cache)
    assert out.returncode == 1
    assert reason in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_missing_alias_file_is_misuse(cache, seed_path):
    out = run("entities", str(seed_path), "--aliases", "no/such.yaml", cache=cache)
    assert out.returncode == 1 and "no/such.yaml" in out.stderr


def test_quotes_json_has_exactly_the_interface_keys(cache, seed_path):
    out = run("quotes", str(seed_path), "--format", "json", "-q", cache=cache)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert rows and all(list(r) == QUOTE_KEYS for r in rows)
    assert {r["article_id"] for r in rows} == {seed_path.stem}


def test_entities_json_most_mentioned_first(cache, seed_path):
    out = run("entities", str(seed_path), "--format", "json", "-q", cache=cache)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert rows and all(list(r) == ENTITY_KEYS for r in rows)
    counts = [r["mentions"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert all(isinstance(r["aliases"], list) for r in rows)


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_sentiment_formats(cache, seed_path, fmt):
    out = run("sentiment", str(seed_path), "--level", "paragraph", "--format", fmt, "-q", cache=cache)
    assert out.returncode == 0, out.stderr
    if fmt == "json":
        assert len(json.loads(out.stdout)) == 10
    elif fmt == "csv":
        assert out.stdout.splitlines()[0].count(",") >= 3 and len(out.stdout.splitlines()) >= 11
    else:
        assert "polarity" in out.stdout


def test_a_finished_command_runs_exit_handlers_and_flushes_everything(cache, tmp_path):
    """``python -m analysis`` skips the interpreter's teardown (0.4–0.5 s) but not the exit handlers,
    and all of a long output reaches the pipe."""
    marker = tmp_path / "exit-handler-ran"
    script = ("import atexit, pathlib, runpy, sys; "
              f"atexit.register(pathlib.Path({str(marker)!r}).write_text, 'yes'); "
              "sys.argv = ['analysis', 'sentiment', sys.argv[1], '--level', 'sentence', '--format', 'csv', '-q']; "
              "runpy.run_module('analysis', run_name='__main__', alter_sys=True)")
    env = {**os.environ, "NEWSLENS_CACHE": str(cache)}
    out = subprocess.run([sys.executable, "-c", script, str(SAMPLES_DIR)], capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=600)
    assert out.returncode == 0, out.stderr
    assert marker.read_text() == "yes"
    table = pd.read_csv(io.StringIO(out.stdout))
    assert len(out.stdout) > 65536  # more than a pipe holds: the end was written after the reader caught up
    assert table["article_id"].nunique() == len(list(SAMPLES_DIR.glob("*.txt")))


def test_rejected_input_exits_2_and_still_reports_the_rest(cache, seed_path, tmp_path):
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"id": "ok1", "title": "Fine", "text": "A fine article about Paris."}\n{"id": \n')
    out = run("sentiment", str(seed_path), str(bad), "--format", "json", "-q", cache=cache)
    assert out.returncode == 2
    assert f"{bad}:2" in out.stderr
    assert {r["article_id"] for r in json.loads(out.stdout)} == {seed_path.stem, "ok1"}


def test_export_writes_every_table_as_csv_and_parquet(cache, seed_path, tmp_path):
    out = run("export", str(seed_path), "--out", str(tmp_path / "out"), "-q", cache=cache)
    assert out.returncode == 0, out.stderr
    for name in ("articles", "paragraphs", "sentences", "mentions", "quotes", "entities", "cooccurrence"):
        csv, parquet = tmp_path / "out" / f"{name}.csv", tmp_path / "out" / f"{name}.parquet"
        assert csv.is_file() and parquet.is_file()
        assert len(pd.read_csv(csv)) == len(pd.read_parquet(parquet))
    assert len(pd.read_parquet(tmp_path / "out" / "paragraphs.parquet")) == 10
    assert not list((tmp_path / "out").glob(".*.tmp"))


def test_invalid_alias_file_is_misuse_naming_it(cache, seed_path, tmp_path):
    bad = tmp_path / "aliases.yaml"
    bad.write_text("merge: [not, a, mapping]\n")
    out = run("entities", str(seed_path), "--aliases", str(bad), cache=cache)
    assert out.returncode == 1 and str(bad) in out.stderr and "Traceback" not in out.stderr


def test_statements_across_outlets(cache):
    corpus = str(ROOT / "tests" / "data" / "statements")
    out = run("statements", corpus, "--format", "json", "--top", "1", "-q", cache=cache)
    assert out.returncode == 0, out.stderr
    [row] = json.loads(out.stdout)
    assert (row["speaker"], row["n_articles"], row["first_source"]) == ("Lena Ortiz", 5, "Carrow Courier")
    assert row["sources"][:2] == ["Carrow Courier", "Valley Wire"]
    drift = run("statements", corpus, "--format", "csv", "--top", "1", "--drift", "--speaker", "Lena Ortiz",
                "-q", cache=cache)
    table = pd.read_csv(io.StringIO(drift.stdout))
    assert table["relation"].tolist() == ["first", "excerpt", "excerpt", "reworded"]
    assert table.loc[0, "sources"] == "Carrow Courier; Valley Wire"
