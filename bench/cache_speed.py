"""Speed-up of a cached run over a cold one, on the bundled samples (same process, same inputs).

    python bench/cache_speed.py [CORPUS] [--repeat N]

Prints seconds for the cold pass (NLP on every article) and the cached pass
(Parquet reads only), and their ratio. Absolute times vary on a shared machine;
the ratio is the figure to watch.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import config, read_corpus  # noqa: E402
from analysis.extract import analyse_articles  # noqa: E402
from analysis.nlp import load_nlp  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(config.SAMPLES_DIR))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = read_corpus(args.corpus).articles
    load_nlp()  # model loading is not part of either figure
    cold, warm = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as cache:
            t = time.perf_counter()
            analyse_articles(articles, cache_dir=cache, progress=False)
            cold.append(time.perf_counter() - t)
            t = time.perf_counter()
            analyse_articles(articles, cache_dir=cache, progress=False)
            warm.append(time.perf_counter() - t)
    c, w = min(cold), min(warm)
    print(f"{len(articles)} articles, best of {args.repeat}")
    print(f"cold (NLP)    {c:8.3f} s")
    print(f"cached        {w:8.3f} s")
    print(f"speed-up      {c / w:8.1f}x")


if __name__ == "__main__":
    main()
