"""Throughput of the NLP pass as whole processes, against raw spaCy, on synthetic corpora.

    python bench/throughput.py [--sizes 100,360,1000] [--rounds 3] [--query-scale 0]

For each size, builds a corpus by varying the bundled samples (paragraphs
shuffled, names swapped, new ids and dates), then runs, each as a fresh process
timed from start to exit (imports, model loads, reading, writing: everything a
user waits for), in rounds (the order rotates from round to round):

- raw: ``nlp.pipe`` of the model as installed (spaCy's own pipeline, without
  newslens' entity rules and compiled attribute ruler) over the article texts,
  in one process (the baseline);
- ``python -m analysis process --workers 0`` (in-process), ``--workers 1`` and
  ``--workers 2``, each into a new store;
- ``python -m analysis export`` with an empty NLP cache (``--jobs``: every CPU).

The machine is shared, so absolute times swing between runs: every ratio is
computed within one round (the variants ran minutes apart at most) and printed
as the median with its range over the rounds, against the targets of issue 18:
``--workers 1`` ≥ 0.90× raw, ``--workers 2`` ≥ 1.8× ``--workers 1``, cold export
≥ 1.6× raw. Also printed: CPU seconds (user + system, the process and its
helpers), ``cores`` (CPU / wall: what the run got), peak memory (RSS of the
process and its helpers, sampled every 0.1 s), and the **CPU path**: the CPU
seconds of the busiest process, a helper counted from the main process's CPU
when it appeared — the wall time the run would take with a free core per
process. Linux shares the CPU between sessions (autogroup), not processes:
while other sessions are busy, a session with two processes gets no more CPU
than one with one, and wall ratios of parallel runs say nothing; the CPU path
ratios say what two free cores would give. With ``--query-scale N``, then
times the DuckDB aggregates of ``analysis.store.open_store`` on a store of N
copies of the largest one. The defaults take about 45 minutes on 2 free cores.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import statistics
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


# --- measured steps, each a whole process --------------------------------------------------

def child_raw(corpus: str, batch_size: int) -> None:
    """Raw nlp.pipe of the stock model over the article texts."""
    from analysis import read_corpus
    from analysis.nlp import load_model

    nlp = load_model()
    for _doc in nlp.pipe((a.text for a in read_corpus(corpus).articles), batch_size=batch_size):
        pass


def measure(command: list[str], snapshot: Path, env: dict[str, str] | None = None) -> dict:
    """Run ``command`` in ``snapshot`` (the package copied at the start): wall and CPU seconds of the
    process and its children, the peak RSS of them all in MB, and ``path``: the CPU seconds of its
    critical path, max(the main process, each helper plus the main's CPU when that helper appeared),
    i.e. about the wall time the run would take with a free core for each process."""
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=snapshot, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(snapshot), "NEWSLENS_BENCH_SRC": str(snapshot),
                                 **(env or {})})
    peak = 0
    done = threading.Event()
    helpers: dict[int, list[float]] = {}  # pid -> [main's CPU when first seen, its own CPU last seen]

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
                for child in tree[1:]:
                    with contextlib.suppress(psutil.Error):
                        cpu = sum(child.cpu_times()[:2])
                        helpers.setdefault(child.pid, [sum(root.cpu_times()[:2]), 0.0])[1] = cpu
            except psutil.Error:
                pass
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 2):
        raise SystemExit(f"{' '.join(command)} failed with status {proc.returncode}:\n{err[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    main = cpu - sum(own for _at, own in helpers.values())
    path = max([main, *(at + own for at, own in helpers.values())])
    return {"seconds": seconds, "cpu": cpu, "peak": peak / 2**20, "path": path}


def variants(corpus: Path, work: Path, spacy_batch: int) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Name -> (command, extra environment); each writes below ``work`` (emptied before every run)."""
    python = [sys.executable]
    out: dict[str, tuple[list[str], dict[str, str]]] = {
        "raw nlp.pipe": (python + [str(Path(__file__).resolve()), "--child", "raw", str(corpus), str(spacy_batch)],
                         {})}
    for workers, name in ((0, "process, in-process"), (1, "process, 1 worker"), (2, "process, 2 workers")):
        out[name] = (python + ["-m", "analysis", "process", str(corpus), "--store", str(work / "store"),
                               "--workers", str(workers), "-q"], {})
    out["export, cold cache"] = (python + ["-m", "analysis", "export", str(corpus), "--out", str(work / "out"), "-q"],
                                 {"NEWSLENS_CACHE": str(work / "cache")})
    return out


def words_in(work: Path) -> int:
    """Words of the articles analysed by the run that wrote ``work`` (a store, or exported tables); 0: none."""
    import pandas as pd

    files = sorted((work / "store" / "articles").glob("*.parquet")) + sorted((work / "out").glob("articles.parquet"))
    return int(sum(pd.read_parquet(f, columns=["n_words"])["n_words"].sum() for f in files))


#: (numerator, denominator, target): speed of one variant over another, as time(denominator) / time(numerator).
RATIOS = [("process, 1 worker", "raw nlp.pipe", 0.90), ("process, 2 workers", "process, 1 worker", 1.80),
          ("export, cold cache", "raw nlp.pipe", 1.60), ("process, in-process", "raw nlp.pipe", None),
          ("process, 2 workers", "raw nlp.pipe", None)]
#: Shorter names in the tables.
SHORT = {"process, in-process": "in-process", "process, 1 worker": "1 worker", "process, 2 workers": "2 workers",
         "export, cold cache": "export cold", "raw nlp.pipe": "raw"}


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):5.2f} ({min(values):.2f}–{max(values):.2f})"


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
    parser.add_argument("--sizes", default="100,360,1000", help="corpus sizes in articles (default: 100,360,1000)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every variant (default: 3)")
    parser.add_argument("--only", help="comma-separated parts of the names of the variants to run, e.g. "
                        "raw,export,2 workers (default: all)")
    parser.add_argument("--spacy-batch", type=int, default=64, help="docs per nlp.pipe batch for raw (default: 64)")
    parser.add_argument("--query-scale", type=int, default=0,
                        help="time DuckDB aggregates on this many copies of the largest store (default: 0, skip)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_raw(args.child[1], int(args.child[2]))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    peaks: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="newslens-bench-") as tmp:
        snapshot = Path(tmp) / "src"
        shutil.copytree(ROOT / "analysis", snapshot / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
        for n in sizes:
            corpus = Path(tmp) / f"corpus-{n}"
            build_corpus(corpus, n)
            runs = variants(corpus, Path(tmp) / "work", args.spacy_batch)
            if args.only:
                runs = {k: v for k, v in runs.items() if any(part.strip() and part.strip() in k
                                                             for part in args.only.split(","))}
            got: dict[str, list[dict]] = {name: [] for name in runs}
            load, w = [os.getloadavg()[0]], 0
            for r in range(args.rounds):
                names = list(runs)
                for name in names[r % len(names):] + names[:r % len(names)]:  # rotate the order
                    shutil.rmtree(Path(tmp) / "work", ignore_errors=True)
                    command, env = runs[name]
                    got[name].append(measure(command, snapshot, env))
                    if name == "process, 2 workers" and r == args.rounds - 1 and args.query_scale:
                        shutil.copytree(Path(tmp) / "work" / "store", Path(tmp) / f"store-{n}")
                    if not w and name != "raw nlp.pipe":
                        w = words_in(Path(tmp) / "work")
                    print(f"  round {r + 1}, {name}: {got[name][-1]['seconds']:.1f} s", file=sys.stderr, flush=True)
                load.append(os.getloadavg()[0])
            print(f"\n{n} articles, {w:,} words; {args.rounds} rounds; load average {min(load):.1f}–{max(load):.1f} "
                  f"(2 cores shared: compare ratios, not seconds)")
            print(f"  {'median of each, whole process':24} {'seconds':>8} {'words/s':>8} {'CPU s':>7} "
                  f"{'cores':>6} {'CPU path':>8} {'peak MB':>8}")
            for name, results in got.items():
                sec = statistics.median(r["seconds"] for r in results)
                cpu = statistics.median(r["cpu"] for r in results)
                print(f"  {name:24} {sec:8.1f} {w / sec:8.0f} {cpu:7.1f} {cpu / sec:6.2f} "
                      f"{statistics.median(r['path'] for r in results):8.1f} "
                      f"{statistics.median(r['peak'] for r in results):8.0f}")
            print(f"  {'speed ratio':34} {'wall: median (range)':>21} {'CPU path: median (range)':>25}  target")
            for num, den, target in RATIOS:
                if num in got and den in got:
                    pairs = list(zip(got[num], got[den], strict=True))
                    wall = [d["seconds"] / m["seconds"] for m, d in pairs]
                    path = [d["path"] / m["path"] for m, d in pairs]
                    verdict = "" if target is None else f">= {target:.2f}: wall " \
                        f"{'met' if statistics.median(wall) >= target else 'NOT met'}, CPU path " \
                        f"{'met' if statistics.median(path) >= target else 'NOT met'}"
                    print(f"  {SHORT[num] + ' / ' + SHORT[den]:34} {_spread(wall):>21} {_spread(path):>25}  {verdict}")
            if "process, 2 workers" in got:
                peaks[n] = statistics.median(r["peak"] for r in got["process, 2 workers"])
        if args.query_scale:
            n = max(sizes)
            articles = scaled_store(Path(tmp) / f"store-{n}", Path(tmp) / "scaled", args.query_scale)
            print(f"\nDuckDB aggregates on a store of {articles:,} articles ({args.query_scale} copies of the "
                  f"{n}-article store)")
            for name, sec in query_times(Path(tmp) / "scaled"):
                print(f"  {name:32} {sec:6.2f} s")
    if len(peaks) > 1:
        lo, hi = peaks[min(peaks)], peaks[max(peaks)]
        print(f"\npeak memory with 2 workers: {lo:.0f} MB at {min(peaks)} articles, {hi:.0f} MB at "
              f"{max(peaks)}: {hi / lo:.2f}x")


if __name__ == "__main__":
    main()
