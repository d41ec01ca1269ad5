"""Throughput and peak memory of ``process`` against raw spaCy, on synthetic corpora.

    python bench/throughput.py [--sizes 300,1000] [--workers 1,2] [--batch-size 200]

For each size, builds a corpus by varying the bundled samples (paragraphs
shuffled, names swapped, new ids and dates), then measures, each in a fresh
process:

- raw ``nlp.pipe`` of the model as installed (spaCy's own pipeline, without
  newslens' entity rules and compiled attribute ruler) over the article texts
  (model loaded and texts read before the clock starts; the baseline),
- ``analysis.store.process`` with 1 and 2 local workers into a new store
  (wall time of the whole call: cluster start, model loads, NLP, writing,
  corpus-level entity resolution),

and prints words per second, the ratios against the targets (1 worker ≥ 0.85×
raw; 2 workers ≥ 1.7× 1 worker) and peak memory (RSS of the process and all
its workers, sampled every 0.1 s), with the ratio of the largest size to the
smallest (target: within 10 %); then the time of the DuckDB aggregates of
``analysis.store.open_store`` on a store made of 100 copies of the largest one
(100k articles with the issue's sizes). Words are counted once (``n_words`` of the
articles table) and used for every rate, so rate ratios are time ratios.
The defaults run in about ten minutes on 2 cores; the issue's sizes are
``--sizes 1000,10000`` (about an hour). The machine is shared: compare ratios
from one run, not absolute figures across runs.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Children run a snapshot of the package, so that edits made during a long run do not mix versions.
sys.path.insert(0, os.environ.get("NEWSLENS_BENCH_SRC", str(ROOT)))

SURNAMES = ["Halloran", "Okafor", "Lindqvist", "Nakamura", "Ferreira", "Castellanos", "Ivanova", "Brennan",
            "Sato", "Mwangi", "Kowalczyk", "Haddad", "Oyelaran", "Rasmussen", "Quispe", "Tanaka", "Moreau",
            "Abdullayev", "Novak", "Delacroix", "Serikbayev", "Whitcombe", "Gallagher", "Baptiste"]
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")


def build_corpus(folder: Path, n: int, *, seed: int = 0) -> None:
    """Write ``n`` articles varied from the samples into ``folder`` (1000 files per sub-folder)."""
    import pandas as pd

    from analysis import config, read_corpus

    samples = read_corpus(config.SAMPLES_DIR).articles
    start = pd.Timestamp("2024-01-01T00:00:00Z")
    for i in range(n):
        base = samples[i % len(samples)]
        rng = random.Random(seed * 1_000_003 + i)
        paragraphs = list(base.paragraphs)
        rng.shuffle(paragraphs)
        words = sorted(set(_CAPITALISED.findall(base.text)))
        swap = dict(zip(rng.sample(words, min(3, len(words))), rng.sample(SURNAMES, 3)))
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, swap)) + r")\b") if swap else None

        def vary(text: str) -> str:
            return pattern.sub(lambda m: swap[m.group(1)], text) if pattern else text

        published = start + pd.Timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60))
        front = {"id": f"syn-{i:06d}", "published": published.isoformat(), "source": base.source or "Wire",
                 "authors": "; ".join(base.authors)}
        lines = ["---", *(f"{k}: {json.dumps(v)}" for k, v in front.items()), "---", vary(base.title),
                 *map(vary, paragraphs)]
        path = folder / f"{i // 1000:03d}" / f"syn-{i:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- measured steps, each run in a child process ---------------------------------------------

def child_raw(corpus: str, batch_size: int) -> dict:
    """Raw nlp.pipe of the stock model over the article texts; the clock covers only the pipe."""
    from analysis import read_corpus
    from analysis.nlp import load_model

    nlp = load_model()
    texts = [a.text for a in read_corpus(corpus).articles]
    list(nlp.pipe(texts[:5]))  # warm-up
    t = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return {"seconds": time.perf_counter() - t, "articles": len(texts)}


def child_process(corpus: str, store: str, workers: int, batch_size: int) -> dict:
    """``analysis.store.process`` into a new store; the clock covers the whole call."""
    from analysis.store import process

    result = process(corpus, store=store, workers=workers, batch_size=batch_size, progress=False)
    return {"seconds": result.seconds, "articles": result.processed, "words": result.words,
            "rejected": len(result.rejected), "nlp_seconds": result.nlp_seconds,
            "extract_seconds": result.extract_seconds}


def measure(args: list[str], snapshot: Path) -> tuple[dict, float]:
    """Run this script as a child with ``args``; (its JSON answer, peak RSS of it and its children in MB)."""
    import psutil

    proc = subprocess.Popen([sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "NEWSLENS_BENCH_SRC": str(snapshot)})
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"child {args} failed with status {proc.returncode}")
    return json.loads(out.strip().splitlines()[-1]), peak / 2**20


def scaled_store(source: Path, target: Path, copies: int) -> int:
    """A store of ``copies`` copies of ``source`` (new article ids), written with DuckDB, no NLP.
    Returns the number of articles."""
    import duckdb

    from analysis.store import layout

    target.mkdir(parents=True)
    shutil.copy(source / layout.MARKER, target / layout.MARKER)
    con = duckdb.connect()
    for folder in ("articles", "paragraphs", "sentences", "mentions", "quotes", "entities", "cooccurrence"):
        files = [str(f) for f in layout.table_files(source, folder)]
        (target / folder).mkdir()
        if folder in ("entities", "cooccurrence"):
            shutil.copy(files[0], target / folder / "data.parquet")
            continue
        for k in range(copies):
            con.execute(f"COPY (SELECT * REPLACE (article_id || '~{k}' AS article_id) FROM read_parquet(?)) "
                        f"TO '{target / folder / f'part-{k:06d}.parquet'}' (FORMAT parquet)", [files])
    return con.execute("SELECT count(*) FROM read_parquet(?)",
                       [str(target / "articles" / "*.parquet")]).fetchall()[0][0]


def query_times(store: Path) -> list[tuple[str, float]]:
    """Seconds of each StoreQuery aggregate on ``store`` (a fresh connection, as a report would)."""
    from analysis.store import open_store

    calls = [("open_store", None), ("counts()", lambda q: q.counts()),
             ("top_entities(20)", lambda q: q.top_entities(20)),
             ("quotes(speaker=…, limit=100)", lambda q: q.quotes(speaker=q.top_entities(1, labels="PERSON")
                                                                  ["entity"].tolist(), limit=100)),
             ("polarity_by_day()", lambda q: q.polarity_by_day()),
             ("polarity_by_day(sentences)", lambda q: q.polarity_by_day(level="sentences")),
             ("polarity_by_source(since=…)", lambda q: q.polarity_by_source(since="2025-01-01"))]
    out = []
    t = time.perf_counter()
    with open_store(store) as q:
        out.append(("open_store", time.perf_counter() - t))
        for name, call in calls[1:]:
            t = time.perf_counter()
            call(q)
            out.append((name, time.perf_counter() - t))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,1000", help="corpus sizes in articles (default: 300,1000)")
    parser.add_argument("--workers", default="1,2", help="local worker counts to measure (default: 1,2)")
    parser.add_argument("--batch-size", type=int, default=100, help="articles per task (default: 100)")
    parser.add_argument("--spacy-batch", type=int, default=64, help="docs per nlp.pipe batch for raw (default: 64)")
    parser.add_argument("--no-raw", action="store_true", help="skip the raw nlp.pipe baseline")
    parser.add_argument("--query-scale", type=int, default=100,
                        help="time DuckDB aggregates on this many copies of the largest store (default: 100; "
                             "0: skip)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        answer = child_raw(rest[0], int(rest[1])) if kind == "raw" else \
            child_process(rest[0], rest[1], int(rest[2]), int(rest[3]))
        print(json.dumps(answer))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    workers = [int(w) for w in args.workers.split(",")]
    peaks: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="newslens-bench-") as tmp:
        snapshot = Path(tmp) / "src"
        shutil.copytree(ROOT / "analysis", snapshot / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
        for n in sizes:
            corpus = Path(tmp) / f"corpus-{n}"
            build_corpus(corpus, n)
            rates: dict[str, float] = {}
            rows = []
            words, one = None, None
            for w in workers:
                got, peak = measure(["process", str(corpus), str(Path(tmp) / f"store-{n}-{w}"), str(w),
                                     str(args.batch_size)], snapshot)
                words = got["words"]
                if got["rejected"]:
                    raise SystemExit(f"{got['rejected']} articles were rejected")
                split = got["extract_seconds"] / (got["nlp_seconds"] + got["extract_seconds"])
                rates[f"{w}w"] = words / got["seconds"]
                rows.append((f"process, {w} worker{'s' * (w > 1)}", got["seconds"], rates[f"{w}w"], peak))
                peaks[n] = peak if w == max(workers) else peaks.get(n, 0)
                if w == 1:
                    one = got
            if not args.no_raw:
                got, peak = measure(["raw", str(corpus), str(args.spacy_batch)], snapshot)
                rates["raw"] = words / got["seconds"]
                rows.insert(0, ("raw nlp.pipe", got["seconds"], rates["raw"], peak))
            print(f"\n{n} articles, {words:,} words (load average {os.getloadavg()[0]:.1f}; "
                  f"per-article steps after spaCy: {split:.0%} of worker time)")
            print(f"  {'':24} {'seconds':>9} {'words/s':>9} {'peak MB':>9}")
            for name, sec, rate, peak in rows:
                print(f"  {name:24} {sec:9.1f} {rate:9.0f} {peak:9.0f}")
            if "raw" in rates and "1w" in rates:
                ratio = rates["1w"] / rates["raw"]
                verdict = "met" if ratio >= 0.85 else "NOT met"
                print(f"  1 worker / raw nlp.pipe   {ratio:5.2f}  (target >= 0.85: {verdict})")
                rest = one["seconds"] - one["nlp_seconds"] - one["extract_seconds"]
                print(f"  1 worker's time: spaCy {one['nlp_seconds']:.0f} s ({words / one['nlp_seconds']:.0f} words/s, "
                      f"{words / one['nlp_seconds'] / rates['raw']:.2f}x raw), per-article steps "
                      f"{one['extract_seconds']:.0f} s, start-up/reading/writing/entity resolution {rest:.0f} s")
            if "1w" in rates and "2w" in rates:
                ratio = rates["2w"] / rates["1w"]
                verdict = "met" if ratio >= 1.7 else "NOT met"
                print(f"  2 workers / 1 worker      {ratio:5.2f}  (target >= 1.70: {verdict})")
        if args.query_scale:
            n, w = max(sizes), max(workers)
            articles = scaled_store(Path(tmp) / f"store-{n}-{w}", Path(tmp) / "scaled", args.query_scale)
            print(f"\nDuckDB aggregates on a store of {articles:,} articles ({args.query_scale} copies of the "
                  f"{n}-article store)")
            for name, sec in query_times(Path(tmp) / "scaled"):
                print(f"  {name:32} {sec:6.2f} s")
    if len(sizes) > 1:
        lo, hi = peaks[min(sizes)], peaks[max(sizes)]
        print(f"\npeak memory with {max(workers)} worker(s): {lo:.0f} MB at {min(sizes)} articles, {hi:.0f} MB at "
              f"{max(sizes)}: {hi / lo:.2f}x (target <= 1.10: {'met' if hi / lo <= 1.10 else 'NOT met'})")


if __name__ == "__main__":
    main()
