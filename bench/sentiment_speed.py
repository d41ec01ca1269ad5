"""Speed of the sentiment layer, as ratios against TextBlob scoring in the same process.

Baseline: ``analysis.sentiment.score`` over every sentence (what the NLP pass
already pays). Measured: VADER over the same sentences (first call, then the
cached repeat), the short explanations and ``level_table(..., "sentence")``
(VADER and explanations included), both with empty caches.
Run: ``.venv/bin/python bench/sentiment_speed.py``.
"""
from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

import pandas as pd

from analysis import config
from analysis import sentiment as S
from analysis.pipeline import analyse
from analysis.sentiment.text import _phrases, _vader_one

COPIES = 8  # the sample sentences, each made distinct COPIES times (defeats the VADER cache)


def _best(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    tables = analyse(config.SAMPLES_DIR, progress=False)
    base = tables.sentences
    sentences = pd.concat([base.assign(text=base["text"] + f" ({i})", sentence_id=base["sentence_id"] + i * 10_000)
                           for i in range(COPIES)], ignore_index=True)
    big = dataclasses.replace(tables, sentences=sentences)
    texts = sentences["text"].tolist()

    baseline = _best(lambda: [S.score(t) for t in texts])

    def vader_cold() -> None:
        _vader_one.cache_clear()
        S.vader_scores(sentences["text"])

    cold = _best(vader_cold)
    S.vader_scores(sentences["text"])
    warm = _best(lambda: S.vader_scores(sentences["text"]))

    def explain_cold() -> None:
        _phrases.cache_clear()
        [S.explain_short(t) for t in texts]

    def level_cold() -> None:
        _phrases.cache_clear()
        _vader_one.cache_clear()
        S.level_table(big, "sentence")

    explain = _best(explain_cold)
    level = _best(level_cold)
    n = len(texts)
    print(f"{n} sentences; baseline TextBlob score: {baseline / n * 1e6:.0f} µs/sentence")
    for name, t in (("VADER, first call", cold), ("VADER, cached repeat", warm), ("explain_short, cold", explain),
                    ("level_table sentence, cold", level)):
        print(f"  {name:<28} {t / baseline:6.2f} × baseline")


if __name__ == "__main__":
    main()
