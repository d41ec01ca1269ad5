"""How report time grows with the size of a store: the three notebooks over 1k and 100k articles.

    .venv/bin/python bench/store_reports.py [--articles 1000] [--copies 100] [--store DIR]

Builds a synthetic corpus of ``--articles`` articles (``bench/throughput.py``'s
``build_corpus``), processes it into a store in this process (or reuses
``--store``, a store made by ``python -m analysis process``), then a store of
``--copies`` copies of it (new article ids, no NLP). Runs the real report batch
(papermill, real kernels, ``--jobs 1``) over both, with
``NEWSLENS_STORE_MAX_ROWS=0`` so that a notebook that would read every
paragraph, sentence or mention into pandas fails instead of hiding it, and prints
each report's seconds, how they split into kernel start, cells and rendering,
and the ratio of the big store's time to the small one's (the baseline, measured
in the same process: the machine is shared and noisy). The report of a store
100 times larger should take nowhere near 100 times longer.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from throughput import build_corpus, scaled_store  # noqa: E402


def batch(store: Path, out: Path) -> dict[str, tuple[float, float, float, float]]:
    """Seconds of each report over ``store``: (total, kernel start, cells, rendering)."""
    from analysis import report

    result = report.run_reports(store, out=out, jobs=1, progress=False)
    failed = [f"{r.notebook}: {r.error}" for r in result.reports if not r.ok]
    if failed:
        raise SystemExit("reports failed:\n" + "\n".join(failed))
    return {r.notebook: (r.duration, r.kernel_seconds, r.execute_seconds, r.render_seconds)
            for r in result.reports}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles of the small store (default 1000)")
    parser.add_argument("--copies", type=int, default=100, help="copies in the big store (default 100)")
    parser.add_argument("--store", type=Path, help="an existing store to use as the small one")
    args = parser.parse_args()
    os.environ["NEWSLENS_STORE_MAX_ROWS"] = "0"  # kernels inherit it
    from analysis.store import open_store, process

    with tempfile.TemporaryDirectory(prefix="newslens-bench-") as tmp:
        tmp = Path(tmp)
        small = args.store
        if small is None:
            build_corpus(tmp / "corpus", args.articles)
            t = time.perf_counter()
            process(tmp / "corpus", store=tmp / "small", workers=0, progress=False)
            print(f"processed {args.articles} articles in {time.perf_counter() - t:.0f} s")
            small = tmp / "small"
        n_big = scaled_store(small, tmp / "big", args.copies)
        with open_store(small) as q:
            sizes = {"small": q.counts()}
        with open_store(tmp / "big") as q:
            sizes["big"] = q.counts()
        for name, c in sizes.items():
            print(f"{name} store: {c['articles']:,} articles, {c['sentences']:,} sentences, "
                  f"{c['mentions']:,} mentions, {c['quotations']:,} quotations")
        times = {"small": batch(small, tmp / "out-small"), "big": batch(tmp / "big", tmp / "out-big")}
    print(f"\n{'report':20} {'small s':>8} {'big s':>8} {'ratio':>6}   big: kernel / cells / render s")
    for nb, (total, kernel, cells, render) in times["big"].items():
        base = times["small"][nb][0]
        print(f"{nb:20} {base:8.1f} {total:8.1f} {total / base:6.2f}   {kernel:.1f} / {cells:.1f} / {render:.1f}")
    print(f"(big store: {n_big:,} articles, {args.copies}x the small one; NEWSLENS_STORE_MAX_ROWS=0 held)")


if __name__ == "__main__":
    main()
