"""``analysis.analyse``: the tables over a corpus, filtering, writing, and reading a store."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.config import SAMPLES_DIR

TEST_DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("pipeline-cache")


@pytest.fixture(scope="module")
def samples(cache):
    return analysis.analyse(SAMPLES_DIR, cache_dir=cache, progress=False)


def test_every_table_is_there_and_keyed_by_article(samples):
    ids = set(samples.articles["article_id"])
    assert len(ids) == len(samples.articles) == 11
    for name in ("paragraphs", "sentences", "mentions", "quotes"):
        assert set(samples[name]["article_id"]) <= ids
    assert samples.entities["mentions"].is_monotonic_decreasing


def test_quotes_are_in_time_order_with_corpus_unique_ids(samples):
    quotes = samples.quotes
    assert quotes["quote_id"].is_unique
    assert all(q.startswith(f"{a}:") for q, a in zip(quotes["quote_id"], quotes["article_id"], strict=True))
    dated = quotes["published"].dropna()
    assert dated.is_monotonic_increasing and len(dated) < len(quotes)  # the undated seed comes last
    assert quotes["published"].isna().to_numpy()[len(dated):].all()


@pytest.mark.parametrize("since, until, expected", [
    ("2024-11-01", "", {"2024-11-08", "2024-11-15", "2024-11-21", "2024-11-28", "2024-12-03", "2024-12-06",
                        "2024-12-09"}),
    ("", "2024-10-22", {"2024-10-14", "2024-10-22"}),
    ("2024-11-15", "2024-11-15", {"2024-11-15"}),
])
def test_filter_by_publication_window(samples, since, until, expected):
    view = samples.filter(since=since or None, until=until or None)
    assert {aid[:10] for aid in view.articles["article_id"]} == expected
    assert set(view.quotes["article_id"]) <= set(view.articles["article_id"])
    assert view.entities["mentions"].sum() == len(view.mentions)


def test_filter_one_article_recomputes_entities(samples):
    view = samples.filter(articles="000_7363fc605d1a34bd")
    top = dict(zip(view.entities["entity"], view.entities["mentions"], strict=True))
    assert top["Kassym-Jomart Tokayev"] == 8 and top["Kazakhstan"] == 7


def test_to_dir_writes_csv_and_parquet_that_agree(samples, tmp_path):
    written = samples.to_dir(tmp_path)
    assert len(written) == 2 * len(samples.names)
    entities = pd.read_parquet(tmp_path / "entities.parquet")
    assert entities["aliases"].str.contains("Tokayev").any()  # lists are "; "-joined in files
    assert len(pd.read_csv(tmp_path / "quotes.csv")) == len(samples.quotes)


def test_bad_alias_file_fails_before_any_nlp(tmp_path):
    bad = tmp_path / "aliases.yaml"
    bad.write_text("merge: [not, a, mapping]\n")
    with pytest.raises(ValueError, match="aliases.yaml"):
        analysis.analyse(tmp_path / "nothing-read.txt", aliases=bad, cache_dir=tmp_path, progress=False)


def test_a_store_is_read_not_analysed(samples, cache, tmp_path):
    from analysis.store import process

    process(SAMPLES_DIR, store=tmp_path / "store", workers=0, progress=False)
    from_store = analysis.analyse(tmp_path / "store", cache_dir=tmp_path / "unused-cache", progress=False)
    assert not (tmp_path / "unused-cache").exists()
    for name in ("articles", "quotes", "entities"):
        assert len(from_store[name]) == len(samples[name])
    assert sorted(from_store.quotes["quote_id"]) == sorted(samples.quotes["quote_id"])


@pytest.mark.parametrize("given, expected", [
    ("data/samples", str(SAMPLES_DIR)),
    ("data/samples/*.txt", str(SAMPLES_DIR / "*.txt")),
    ("no/such/folder", "no/such/folder"),  # left as given: the reader reports it missing
])
def test_relative_inputs_resolve_from_a_notebook_folder(monkeypatch, given, expected):
    from analysis.config import ROOT, resolve_inputs

    monkeypatch.chdir(ROOT / "notebooks")
    assert resolve_inputs(given) == [expected]


# --- the NLP pass on several processes -------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("corpus", [SAMPLES_DIR, TEST_DATA / "articles", TEST_DATA / "holdout" / "articles"])
def test_nlp_pass_on_two_processes_gives_the_tables_of_one(corpus, tmp_path, monkeypatch):
    from analysis import extract

    one = analysis.analyse(corpus, cache_dir=tmp_path / "one", n_process=1, progress=False)
    monkeypatch.setattr(extract, "MIN_ARTICLES_PER_PROCESS", 1)  # a helper even for a dozen articles
    here, analysed, this_process = [], extract._analysed, os.getpid()

    def lingering(articles, *args):  # this process waits for the helper's first article, then dawdles
        if os.getpid() != this_process:  # the helper (a fork: it has this function too) works at once
            return analysed(articles, *args)
        deadline = time.monotonic() + 120
        while not any((tmp_path / "two").rglob("*.pickle")) and time.monotonic() < deadline:
            time.sleep(0.1)
        here.extend(articles)
        time.sleep(0.5)
        return analysed(articles, *args)

    monkeypatch.setattr(extract, "_analysed", lingering)
    two = analysis.analyse(corpus, cache_dir=tmp_path / "two", n_process=2, progress=False)
    assert 0 < len(here) < len(one.articles)  # both processes analysed articles
    before = len(here)
    cached = analysis.analyse(corpus, cache_dir=tmp_path / "two", n_process=2, progress=False)
    assert len(here) == before  # the helper wrote its cache entries too: nothing is analysed again
    entries = sorted((tmp_path / "two").rglob("*.pickle"))
    for entry in entries[::2]:  # half from the cache, half parsed again (on both processes)
        entry.unlink()
    mixed = analysis.analyse(corpus, cache_dir=tmp_path / "two", n_process=2, progress=False)
    assert len(here) > before
    for name in one.names:  # exactly equal: values, dtypes, row order
        pd.testing.assert_frame_equal(two[name], one[name], check_exact=True, obj=name)
        pd.testing.assert_frame_equal(cached[name], one[name], check_exact=True, obj=name)
        pd.testing.assert_frame_equal(mixed[name], one[name], check_exact=True, obj=name)


@pytest.mark.slow
def test_nlp_pass_on_two_processes_inside_a_jupyter_kernel(tmp_path):
    """Helpers are spawned from a kernel (no ``__main__`` file to import) and give the same tables."""
    import json
    import os
    import subprocess
    import sys

    import nbformat

    code = f"""
import time, pandas as pd, analysis
from analysis import extract
corpus, cache = {str(TEST_DATA / "articles")!r}, {str(tmp_path)!r}
one = analysis.analyse(corpus, cache_dir=cache + "/one", n_process=1, progress=False)
extract.MIN_ARTICLES_PER_PROCESS, here, analysed = 1, [], extract._analysed
def lingering(articles, *args):
    from pathlib import Path
    deadline = time.monotonic() + 120
    while not any(Path(cache, "two").rglob("*.pickle")) and time.monotonic() < deadline:
        time.sleep(0.1)
    here.extend(articles)
    time.sleep(0.5)
    return analysed(articles, *args)
extract._analysed = lingering
two = analysis.analyse(corpus, cache_dir=cache + "/two", n_process=2, progress=False)
for name in one.names:
    pd.testing.assert_frame_equal(two[name], one[name], check_exact=True)
print(json.dumps([len(here), len(one.articles)]))
"""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import json\n" + code)])
    path, out = tmp_path / "parallel.ipynb", tmp_path / "parallel.out.ipynb"
    nbformat.write(nb, path)
    done = subprocess.run([sys.executable, "-m", "papermill", str(path), str(out), "-k", "python3"],
                          capture_output=True, text=True, timeout=600, check=False, env=dict(os.environ))
    assert done.returncode == 0, done.stderr[-2000:]
    outputs = nbformat.read(out, as_version=4).cells[0].outputs
    here, total = json.loads(next(o["text"] for o in outputs if o.get("name") == "stdout"))
    assert 0 < here < total
