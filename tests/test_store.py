"""The Parquet store: a real Dask cluster gives the single-process tables; incremental runs; DuckDB queries."""
from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import cli, store
from analysis.config import SAMPLES_DIR
from analysis.corpus import read_corpus
from analysis.store import layout, work
from analysis.store import tables as reading

TEST_DATA = Path(__file__).parent / "data"
#: Row keys that make each table's order canonical.
KEYS = {"articles": ["article_id"], "paragraphs": ["article_id", "paragraph"],
        "sentences": ["article_id", "sentence_id"], "mentions": ["article_id", "start", "end", "text"],
        "quotes": ["quote_id"], "entities": ["entity", "label"], "cooccurrence": None}


def canonical(df: pd.DataFrame, keys: list[str] | None) -> pd.DataFrame:
    """Rows sorted by ``keys``, lists as tuples, every missing value as None (dtypes aside)."""
    df = df.copy()
    for col in df.columns:
        df[col] = df[col].map(lambda v: tuple(v) if isinstance(v, (list, tuple, np.ndarray)) else v)
    df = df.astype(object).where(df.notna(), None)
    return df.sort_values(keys or list(df.columns), kind="stable", ignore_index=True)


def assert_same_tables(got: analysis.Tables, want: analysis.Tables) -> None:
    for name in want.names:
        assert list(got[name].columns) == list(want[name].columns), name
        pd.testing.assert_frame_equal(canonical(got[name], KEYS[name]), canonical(want[name], KEYS[name]),
                                      check_dtype=False, obj=name)


def analyse(corpus, tmp_path_factory) -> analysis.Tables:
    return analysis.analyse(corpus, cache_dir=tmp_path_factory.mktemp("cache"), progress=False)


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> analysis.Tables:
    """The single-process result on the bundled samples."""
    return analyse(SAMPLES_DIR, tmp_path_factory)


@pytest.fixture(scope="module")
def cluster_store(tmp_path_factory):
    """The samples processed on a real two-worker LocalCluster, reached by its scheduler address."""
    from distributed import Client, LocalCluster, get_task_stream

    path = tmp_path_factory.mktemp("cluster") / "store"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        with get_task_stream(client) as stream:
            result = store.process(SAMPLES_DIR, store=path, scheduler=cluster.scheduler_address, batch_size=3,
                                   progress=False)
        loads = client.run(_model_loads)
    batches = [t for t in stream.data if t["key"].startswith("run_batch")]
    return path, result, {"loads": loads, "batch_workers": {t["worker"] for t in batches}, "batches": len(batches)}


def _model_loads() -> int:
    from analysis.nlp import load_nlp

    return load_nlp.cache_info().misses


@pytest.fixture
def store_copy(cluster_store, tmp_path) -> Path:
    """A copy of the cluster-built store that a test may change."""
    return Path(shutil.copytree(cluster_store[0], tmp_path / "store"))


@pytest.mark.slow
@pytest.mark.parametrize("name", list(KEYS))
def test_cluster_store_equals_single_process_result(cluster_store, reference, name):
    path, result, work_done = cluster_store
    assert (result.seen, result.processed, result.skipped, result.rejected) == (11, 11, 0, ())
    assert work_done["batches"] == 4 and len(work_done["batch_workers"]) == 2  # both workers took batches
    assert list(work_done["loads"].values()) == [1, 1]  # the model loaded once per worker
    assert result.words == reference.articles["n_words"].sum()
    assert len(layout.table_files(path, "articles")) == 4  # 11 articles in batches of 3
    got = store.load_tables(path)
    assert len(got[name]) == len(reference[name])
    assert list(got[name].columns) == list(reference[name].columns)
    pd.testing.assert_frame_equal(canonical(got[name], KEYS[name]), canonical(reference[name], KEYS[name]),
                                  check_dtype=False)


@pytest.mark.slow
def test_rerun_processes_nothing_and_changes_no_file(store_copy):
    before = {p: p.stat().st_mtime_ns for p in store_copy.rglob("*.parquet")}
    result = store.process(SAMPLES_DIR, store=store_copy, workers=0, progress=False)
    assert (result.seen, result.processed, result.skipped, result.words) == (11, 0, 11, 0)
    after = {p: p.stat().st_mtime_ns for p in store_copy.rglob("*.parquet") if p.name != layout.PROBLEMS}
    assert after == {p: t for p, t in before.items() if p.name != layout.PROBLEMS}


def _edit(path: Path, how: str) -> str:
    """Change one sample file; returns a string of the old version that must disappear."""
    text = path.read_text(encoding="utf-8")
    if how == "text":
        lines = text.splitlines()
        old = lines[-1]
        lines[-1] = "Officials said the talks would resume in the spring, after the elections in Astana."
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return old
    path.write_text(text.replace("published: 2024-10-22T14:05:00+03:00", "published: 2025-01-02T08:00:00+00:00"),
                    encoding="utf-8")
    return "2024-10-22"


@pytest.mark.slow
@pytest.mark.parametrize("how", ["text", "metadata"])
def test_changed_article_replaces_its_rows(tmp_path, tmp_path_factory, how):
    corpus = Path(shutil.copytree(SAMPLES_DIR, tmp_path / "corpus"))
    path = tmp_path / "store"
    assert store.process(corpus, store=path, workers=0, batch_size=4, progress=False).processed == 11
    changed = corpus / "2024-10-22_eurasia_wire_kremlin_reaction.txt"
    old = _edit(changed, how)
    result = store.process(corpus, store=path, workers=0, batch_size=4, progress=False)
    assert (result.processed, result.skipped) == (1, 10)
    got = store.load_tables(path)
    assert_same_tables(got, analyse(corpus, tmp_path_factory))
    mine = got.articles["article_id"] == changed.stem
    if how == "text":
        assert not got.paragraphs["text"].str.contains(old, regex=False).any()
    else:
        assert str(got.articles.loc[mine, "published"].iloc[0].date()) == "2025-01-02"
    assert (got.articles["article_id"] == changed.stem).sum() == 1


@pytest.mark.slow
def test_interrupted_run_is_repaired(tmp_path, tmp_path_factory):
    corpus = Path(shutil.copytree(SAMPLES_DIR, tmp_path / "corpus"))
    path = tmp_path / "store"
    store.process(corpus, store=path, workers=0, batch_size=4, progress=False)
    folders = [*layout.PART_TABLES.values(), *layout.CORPUS_TABLES]
    saved = {p: p.read_bytes() for folder in folders for p in layout.table_files(path, folder)}
    _edit(corpus / "2024-10-22_eurasia_wire_kremlin_reaction.txt", "text")
    store.process(corpus, store=path, workers=0, batch_size=4, progress=False)
    # As if the run had stopped after saving the manifest, before rewriting the old part and
    # resolving entities again, and another had stopped while writing a batch:
    for p, data in saved.items():
        p.write_bytes(data)
    layout.write_marker(path, {**layout.read_marker(path), "corpus_tables": "stale"})
    orphan = path / "articles" / "part-99999999T000000-dead00-000000.parquet"
    shutil.copy(next(iter(saved)), orphan)
    (path / "sentences" / ".part-x.parquet.123.tmp").write_bytes(b"half")
    result = store.process(corpus, store=path, workers=0, progress=False)
    assert result.processed == 0
    assert not orphan.exists() and not list(path.rglob("*.tmp"))
    assert_same_tables(store.load_tables(path), analyse(corpus, tmp_path_factory))


WINDOWS = [(None, None), ("2024-10-20", None), (None, "2024-11-15"), ("2024-10-22T12:00:00+01:00", "2024-12-03")]


def _window(tables: analysis.Tables, since, until) -> pd.DataFrame:
    return tables.filter(since=since, until=until).articles


@pytest.mark.slow
@pytest.mark.parametrize("since, until", WINDOWS)
def test_duckdb_aggregates_match_pandas(cluster_store, reference, since, until):
    kept = reference.filter(since=since, until=until)
    with store.open_store(cluster_store[0]) as q:
        counts = q.counts(since=since, until=until)
        top = q.top_entities(10, since=since, until=until)
        by_day = q.polarity_by_day(since=since, until=until)
        by_source = q.polarity_by_source(level="sentences", since=since, until=until)
    assert counts == {"articles": len(kept.articles), "paragraphs": len(kept.paragraphs),
                      "sentences": len(kept.sentences), "mentions": len(kept.mentions),
                      "quotations": len(kept.quotes), "entities": len(kept.entities),
                      "sources": kept.articles["source"].nunique()}
    want = (kept.mentions.groupby(["entity", "label"])
            .agg(mentions=("text", "size"), articles=("article_id", "nunique")).reset_index())
    assert len(top) == min(10, len(want))
    for row in top.itertuples():  # each count right, and nothing left out that mentions more
        match = want[(want["entity"] == row.entity) & (want["label"] == row.label)].iloc[0]
        assert (row.mentions, row.articles) == (match["mentions"], match["articles"])
    assert top["mentions"].min() >= want["mentions"].nlargest(10).min()
    arts = kept.articles.dropna(subset=["published"])
    day = arts.groupby(arts["published"].dt.tz_convert("UTC").dt.normalize().dt.tz_localize(None))
    want_day = day.agg(n=("polarity", "size"), polarity=("polarity", "mean")).reset_index()
    assert by_day["day"].tolist() == want_day["published"].tolist()
    assert by_day["n"].tolist() == want_day["n"].tolist()
    np.testing.assert_allclose(by_day["polarity"], want_day["polarity"])
    sents = kept.sentences.merge(kept.articles[["article_id", "source"]], on="article_id")
    want_src = sents.groupby("source", dropna=False)["polarity"].agg(["size", "mean"]).reset_index()
    got_src = by_source.set_index(by_source["source"].fillna("(none)"))
    for row in want_src.itertuples():
        got_row = got_src.loc["(none)" if pd.isna(row.source) else row.source]
        assert got_row["n"] == row.size and got_row["polarity"] == pytest.approx(row.mean)
    assert len(by_source) == len(want_src)


@pytest.mark.slow
@pytest.mark.parametrize("speaker, kind, since", [(None, None, None), ("first", None, None),
                                                  (None, "direct", "2024-11-01")])
def test_duckdb_quotes_match_pandas(cluster_store, reference, speaker, kind, since):
    quotes = reference.quotes
    if quotes.empty:
        pytest.skip("the quotation extractor found no quotations in the samples")
    if speaker == "first":
        speaker = quotes["speaker"].dropna().iloc[0]
    want = reference.filter(since=since).quotes
    if speaker:
        want = want[want["speaker"] == speaker]
    if kind:
        want = want[want["kind"] == kind]
    with store.open_store(cluster_store[0]) as q:
        got = q.quotes(speaker=speaker, kind=kind, since=since, limit=None)
        limited = q.quotes(speaker=speaker, kind=kind, since=since, limit=2)
    assert got["quote_id"].tolist() == want["quote_id"].tolist()
    assert limited["quote_id"].tolist() == want["quote_id"].tolist()[:2]


@pytest.mark.slow
@pytest.mark.parametrize("selection", [
    {"since": "2024-11-01"}, {"until": "2024-10-30"}, {"articles": "2024-12-03_steppe_media_aktau_protest"},
    {"articles": ["000_7363fc605d1a34bd", "2024-11-28_daily_meridian_putin_astana"], "since": "2024-11-20"},
])
def test_load_tables_selection_equals_filter(cluster_store, reference, selection):
    got = store.load_tables(cluster_store[0], **selection)
    assert len(got.articles) > 0
    assert_same_tables(got, reference.filter(**selection))


@pytest.mark.slow
@pytest.mark.parametrize("selection", [
    {}, {"since": "2024-11-01"}, {"until": "2024-10-30"}, {"articles": "2024-12-03_steppe_media_aktau_protest"},
    {"articles": ["000_7363fc605d1a34bd", "2024-11-28_daily_meridian_putin_astana"], "since": "2024-11-20"},
])
def test_store_tables_read_on_demand_equal_filter(cluster_store, reference, selection):
    lazy = analysis.analyse(cluster_store[0]).filter(**selection)
    assert isinstance(lazy, store.StoreTables) and not {"sentences", "mentions"} & set(vars(lazy))
    want = reference.filter(**selection) if selection else reference
    for name in want.names:  # entities and cooccurrence of a selection come from DuckDB's aggregates
        assert lazy.count(name) == len(want[name]), name
    assert_same_tables(lazy.load(), want)


def test_store_tables_reject_unknown_tables_and_empty_selections(cluster_store, monkeypatch):
    lazy = store.store_tables(cluster_store[0])
    monkeypatch.setenv("NEWSLENS_STORE_MAX_ROWS", "10")
    with pytest.raises(store.StoreError, match=r"reading \d+ sentences rows into pandas is more than "):
        lazy.sentences
    assert len(lazy.filter(articles="000_7363fc605d1a34bd").paragraphs) == 10  # a small selection is read
    monkeypatch.delenv("NEWSLENS_STORE_MAX_ROWS")
    with pytest.raises(ValueError, match="unknown table 'tweets'"):
        lazy.count("tweets")
    empty = lazy.filter(since="2031-01-01")
    assert empty.ids == () and len(empty.articles) == 0 and empty.count("sentences") == 0
    assert list(empty.entities.columns) == list(lazy.entities.columns)


def test_worker_that_cannot_see_the_store_sends_the_parts_back(tmp_path):
    articles = list(read_corpus(SAMPLES_DIR).articles[:3])
    direct, sent = tmp_path / "direct", tmp_path / "sent"
    ids = {p: layout.create_or_open(p)["store_id"] for p in (direct, sent)}
    a = work.run_batch(articles, store=str(direct), store_id=ids[direct], part="part-a")
    b = work.run_batch(articles, store=str(sent), store_id="another-store", part="part-a")
    assert not a.payload and set(b.payload) >= {"articles", "paragraphs", "sentences"}
    assert not layout.table_files(sent, "articles")
    work.write_payload(sent, b)
    for folder in layout.PART_TABLES.values():
        for left, right in zip(layout.table_files(direct, folder), layout.table_files(sent, folder), strict=True):
            pd.testing.assert_frame_equal(pd.read_parquet(left), pd.read_parquet(right))
    assert a.manifest == tuple({**row, "processed_at": a.manifest[0]["processed_at"]} for row in b.manifest)


@pytest.mark.slow
def test_bad_inputs_are_reported_and_the_rest_is_stored(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("2024-10-14_caspian_herald_pipeline.txt", "2024-12-09_caspian_herald_baku_agreement.txt"):
        shutil.copy(SAMPLES_DIR / name, corpus)
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (corpus / "feed.jsonl").write_text('{"id": "wire-1", "title": "Ferry strike ends", "text": "Crews voted to '
                                       'return to work on Monday."}\n{"id": "wire-2", "text": \n', encoding="utf-8")
    path = tmp_path / "store"
    status = cli.main(["process", str(corpus), "--store", str(path), "--workers", "1", "--batch-size", "2", "-q"])
    err = capsys.readouterr().err
    assert status == 2
    assert "binary.txt" in err and "feed.jsonl:2" in err
    with store.open_store(path) as q:
        ids = set(q.sql("SELECT article_id FROM articles")["article_id"])
    assert ids == {"2024-10-14_caspian_herald_pipeline", "2024-12-09_caspian_herald_baku_agreement", "wire-1"}
    assert {p.path for p in store.load_tables(path).problems} >= {str(corpus / "binary.txt")}


@pytest.mark.parametrize("args, reason", [
    (["--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"], "--workers"),
    (["--batch-size", "0"], "batch size"),
    (["--workers", "-1"], "workers"),
    (["--aliases", "no/such.yaml"], "no/such.yaml"),
])
def test_misuse_exits_1(tmp_path, capsys, args, reason):
    status = cli.main(["process", str(SAMPLES_DIR), "--store", str(tmp_path / "store"), *args])
    assert status == 1
    assert reason in capsys.readouterr().err
    assert not (tmp_path / "store" / layout.MANIFEST).exists()


def test_a_folder_that_is_not_a_store_is_refused(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert cli.main(["process", str(SAMPLES_DIR), "--store", str(tmp_path), "--workers", "0"]) == 1
    assert "not a newslens store" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    with pytest.raises(store.StoreError):
        store.load_tables(tmp_path)
    assert not store.is_store(tmp_path)


@pytest.mark.slow
def test_local_run_on_two_processes_equals_single_process_result(reference, tmp_path, monkeypatch):
    here, run_batch = [], work.run_batch

    def lingering(articles, **kwargs):  # this process dawdles, so that the helper surely takes batches
        here.extend(articles)
        time.sleep(0.5)
        return run_batch(articles, **kwargs)

    monkeypatch.setattr(work, "run_batch", lingering)
    result = store.process(SAMPLES_DIR, store=tmp_path / "store", workers=2, batch_size=1, progress=False)
    assert result.processed == 11 and 0 < len(here) < 11  # both processes stored batches
    assert len(layout.table_files(tmp_path / "store", "articles")) == 11
    assert_same_tables(analysis.analyse(tmp_path / "store").load(), reference)


def test_a_local_run_needs_no_dask():
    with store._runner(2, None) as runner:
        assert isinstance(runner, store._Local) and runner.workers == 2
    with store._runner(0, None) as runner:
        assert runner.workers == 1  # 0 and 1: this process alone


@pytest.mark.parametrize("n, workers, expected", [
    (360, 1, [100, 100, 100, 60]),  # one process: nothing to balance
    (360, 2, [90, 68, 51, 38, 29, 21, 16, 12, 9, 7, 5, 4, 4, 4, 2]),
    (12, 2, [4, 4, 4]),
])
def test_batches_shrink_towards_the_end(n, workers, expected):
    assert [len(b) for b in store._batches(range(n), workers=workers)] == expected


def test_batches_read_a_bounded_way_ahead():
    taken = []

    def articles():
        for i in range(100_000):
            taken.append(i)
            yield i

    batches = store._batches(articles(), workers=2)
    for _ in range(3):
        assert len(next(batches)) == store.MAX_BATCH_SIZE
    assert len(taken) <= 3 * store.MAX_BATCH_SIZE + 2 * 2 * store.MAX_BATCH_SIZE
    assert [len(b) for b in store._batches(range(10), workers=2, size=4)] == [4, 4, 2]


# --- corpus-level resolution in bounded memory ---------------------------------------------------

def _rows(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` in its own row order, lists as tuples and missing values as None (dtypes aside)."""
    df = df.copy()
    for col in df.columns:
        df[col] = df[col].map(lambda v: tuple(v) if isinstance(v, (list, tuple, np.ndarray)) else v)
    return df.astype(object).where(df.notna(), None).reset_index(drop=True)


def _corpus_tables(root: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(root / name / "data.parquet") for name in layout.CORPUS_TABLES}


@pytest.mark.slow
@pytest.mark.parametrize("aliases", [None, "data/aliases.example.yaml"])
@pytest.mark.parametrize("chunk_articles", [1, 4])
def test_streamed_resolution_equals_in_memory_resolution(store_copy, aliases, chunk_articles):
    from analysis.config import ROOT
    from analysis.store import resolve

    alias = str(ROOT / aliases) if aliases else None
    raw = {name: reading._read_part_table(store_copy, name) for name in layout.PART_TABLES}
    want = reading._resolve(raw, alias)  # entities.resolve_corpus + extract.finish_quotes over every row
    plain = reading._resolve(raw, None)
    stats = resolve.resolve_store(store_copy, aliases=alias, chunk_articles=chunk_articles)
    got = _corpus_tables(store_copy)
    assert stats.mentions == len(raw["mentions"]) and stats.parts == 4
    for name in layout.CORPUS_TABLES:  # same rows in the same order
        assert list(got[name].columns) == list(want[name].columns), name
        pd.testing.assert_frame_equal(_rows(got[name]), _rows(want[name]), check_dtype=False, obj=name)
    if alias:  # the alias file made a difference that the streamed resolution reproduced
        assert set(got["entities"]["entity"]) != set(plain["entities"]["entity"])
    assert not (store_copy / resolve._WORK).exists() and not list(store_copy.rglob("*.tmp"))


@pytest.mark.parametrize("batch_rows", [1, 2, 3, 1000])
def test_statement_ids_streamed_by_speaker_equal_those_of_the_whole_table(tmp_path, batch_rows):
    from analysis import statements
    from analysis.store import resolve

    said = ["We will rebuild every bridge by spring", "rebuild every bridge by spring", "Nothing to add today",
            "We will rebuild every bridge by spring", "The budget is final", "the budget is final."]
    who = ["Ortiz", "Ortiz", None, "Brenner", "Ortiz", "Ortiz"]
    quotes = pd.DataFrame({"quote_id": [f"a{i}:0" for i in range(len(said))], "article_id": [f"a{i}" for i in
                           range(len(said))], "start": 0, "text": said, "speaker": who,
                           "published": pd.date_range("2025-01-01", periods=len(said), tz="UTC"),
                           "_row": range(len(said))}).sample(frac=1, random_state=3)
    quotes.to_parquet(tmp_path / "quotes.parquet", index=False)
    con = resolve._duckdb(tmp_path, "64MB")
    try:
        resolve._statement_ids(tmp_path / "quotes.parquet", tmp_path / "ids.parquet", con=con, batch_rows=batch_rows)
    finally:
        con.close()
    got = pd.read_parquet(tmp_path / "ids.parquet").set_index("quote_id")["statement_id"]
    want = statements.assign_statements(quotes).set_axis(quotes["quote_id"])
    assert got.sort_index().tolist() == want.sort_index().astype(str).tolist()
    assert got["a0:0"] == got["a1:0"] != got["a3:0"] and got["a4:0"] == got["a5:0"] != got["a0:0"]


@pytest.mark.slow
@pytest.mark.parametrize("chunk_articles", [1, 2, 5])
def test_streamed_resolution_holds_one_chunk_of_mentions_at_a_time(store_copy, chunk_articles):
    from analysis.store import resolve

    raw = reading._read_part_table(store_copy, "mentions")
    stats = resolve.resolve_store(store_copy, aliases=None, chunk_articles=chunk_articles)
    per_article = raw.groupby("article_id").size().sort_values(ascending=False)
    assert stats.mentions == len(raw)
    assert stats.largest_chunk <= per_article.head(chunk_articles).sum() < len(raw)
    # parts of 3 articles (11 in 4 parts) split into chunks of at most chunk_articles, and consecutive
    # parts read together up to chunk_articles (5: 3, 3, 3 + 2)
    assert stats.chunks == {1: 11, 2: 7, 5: 3}[chunk_articles]


@pytest.mark.slow
@pytest.mark.parametrize("failure", ["corrupt part", "out of memory"])
def test_failed_resolution_keeps_the_previous_tables(store_copy, failure):
    from analysis.store import resolve

    before = {name: (store_copy / name / "data.parquet").read_bytes() for name in layout.CORPUS_TABLES}
    options = {}
    if failure == "corrupt part":
        layout.table_files(store_copy, layout.PART_TABLES["quotes"])[-1].write_bytes(b"not parquet")
    else:  # DuckDB fails sorting the quotations: the last step, after the other tables were written
        options["memory_limit"] = "1MB"
    with pytest.raises(Exception):
        resolve.resolve_store(store_copy, aliases=None, **options)
    assert {name: (store_copy / name / "data.parquet").read_bytes() for name in layout.CORPUS_TABLES} == before
    assert not (store_copy / resolve._WORK).exists() and not list(store_copy.rglob("*.tmp"))
