"""Cost of grouping quotations into statements, against normalising their words (same process).

    python bench/statements_speed.py [--sizes 10000,100000] [--seed 1]

Synthetic quotations (a 3,000-word vocabulary; one speaker per 200 quotations; 40% of them repeat an
earlier statement of their speaker, whole, cut to half, or with one word in ten changed) are grouped
by :func:`analysis.statements.assign_statements` and summarised by :func:`analysis.statements.statements`.
The baseline is the linear minimum, normalising every quotation's words once: the ratios show
what grouping adds, and that it grows with the number of quotations, not with their pairs.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import statements  # noqa: E402


def synthetic(n: int, *, seed: int) -> pd.DataFrame:
    """n quotations of n / 200 speakers, 40% of them repeating an earlier statement of their speaker."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(3000)]
    said: dict[str, list[list[str]]] = {}
    rows = []
    start = pd.Timestamp("2025-01-01", tz="UTC")
    for i in range(n):
        speaker = f"Speaker {rng.randrange(max(10, n // 200))}"
        if said.get(speaker) and rng.random() < 0.4:
            ws = list(rng.choice(said[speaker]))
            r = rng.random()
            if r < 0.3:
                ws = ws[:max(3, len(ws) // 2)]
            elif r < 0.6:
                ws = [w if rng.random() > 0.1 else rng.choice(vocab) for w in ws]
        else:
            ws = rng.choices(vocab, k=rng.randint(3, 40))
            said.setdefault(speaker, []).append(ws)
        rows.append((f"a{i}:0", f"a{i}", 0, speaker, " ".join(ws), "direct", f"outlet {i % 50}",
                     start + pd.Timedelta(minutes=i)))
    return pd.DataFrame(rows, columns=["quote_id", "article_id", "start", "speaker", "text", "kind", "source",
                                       "published"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"{'quotations':>10} {'words (s)':>10} {'assign':>8} {'table':>8} {'statements':>11}")
    for n in (int(x) for x in args.sizes.split(",")):
        quotes = synthetic(n, seed=args.seed)
        t0 = time.perf_counter()
        quotes["text"].map(statements.words)
        t1 = time.perf_counter()
        ids = statements.assign_statements(quotes)
        t2 = time.perf_counter()
        table = statements.statements(quotes.assign(statement_id=ids))
        t3 = time.perf_counter()
        base = t1 - t0
        print(f"{n:>10,} {base:>10.2f} {(t2 - t1) / base:>7.1f}x {(t3 - t2) / base:>7.1f}x {len(table):>11,}")


if __name__ == "__main__":
    main()
