"""Speed of the per-article steps against an earlier version of the code, in one process.

The machine is shared, so two runs minutes apart differ by more than the change being measured.
This bench loads the ``analysis`` package of an earlier git revision beside the current one (as
``analysis_base``, from ``git archive``), parses the articles once with the current spaCy pipeline,
and then times, round after round and alternating which goes first:

- ``extract``: every per-article step after spaCy (sentiment of every paragraph and sentence,
  entity resolution within the article, quotations), as a worker runs them;
- ``entities``: entity resolution within the article alone.

The two versions run article by article, alternating which goes first; each article counts with its
best time over the rounds. It prints the sum of those for each version and the ratio current / base
(1.05 = 5 % slower).

Usage: ``python bench/entities_speed.py [--base REV] [--rounds N] [--copies N] [CORPUS ...]``
(default base: the commit where this branch left ``main``; default corpus: the samples and every test
set's articles).
"""
from __future__ import annotations

import argparse
import importlib
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data"
CORPORA = [ROOT / "data" / "samples", DATA / "articles", DATA / "holdout" / "articles",
           DATA / "entity_shapes" / "articles", DATA / "entity_blind" / "articles"]


def load_base(rev: str, where: Path):
    """The ``analysis`` package of git revision ``rev``, importable as ``analysis_base``."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "analysis"], check=True,
                          capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(where, filter="data")
    (where / "analysis").rename(where / "analysis_base")
    for path in (where / "analysis_base").rglob("*.py"):
        code = path.read_text(encoding="utf-8")
        code = re.sub(r"\b(from|import) analysis(\.|\b)", r"\1 analysis_base\2", code)
        code = re.sub(r"(?<![\w.])analysis\.(?=\w)", "analysis_base.", code)
        path.write_text(code, encoding="utf-8")
    sys.path.insert(0, str(where))
    return (importlib.import_module("analysis_base.nlp"), importlib.import_module("analysis_base.extract"),
            importlib.import_module("analysis_base.corpus"), importlib.import_module("analysis_base.entities"))


def _best(current, base, items_current, items_base, rounds: int) -> tuple[float, float]:
    """Sum over the articles of each article's best time over the rounds, for both versions. The two
    run article by article, alternating which goes first, so a burst of load on the shared machine
    hits both alike and a slow round for one article does not count."""
    best_current = [float("inf")] * len(items_current)
    best_base = [float("inf")] * len(items_base)
    for r in range(rounds):
        for k, (ours, theirs) in enumerate(zip(items_current, items_base)):
            order = ((current, ours, best_current), (base, theirs, best_base))
            for fn, item, best in (order if (r + k) % 2 == 0 else order[::-1]):
                start = time.perf_counter()
                fn(item)
                best[k] = min(best[k], time.perf_counter() - start)
    return sum(best_current), sum(best_base)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=CORPORA)
    parser.add_argument("--base", default=None,
                        help="git revision to compare with (default: where this branch left main)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--copies", type=int, default=1, help="time each article this many times a round")
    args = parser.parse_args(argv)

    from analysis import entities, extract, nlp
    from analysis.corpus import read_corpus

    base = args.base or subprocess.run(["git", "-C", str(ROOT), "merge-base", "HEAD", "main"], check=True,
                                       capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        base_nlp, base_extract, base_corpus, base_entities = load_base(base, Path(tmp))
        model = nlp.load_nlp()
        articles = [a for path in args.corpus if path.exists() for a in read_corpus(path).articles]
        base_articles = [a for path in args.corpus if path.exists() for a in base_corpus.read_corpus(path).articles]
        ours = list(nlp.parse(articles, nlp=model)) * args.copies
        theirs = list(base_nlp.parse(base_articles, nlp=model)) * args.copies
        raw_ours = [(p, extract._mention_rows(p)) for p in ours]
        raw_theirs = [(p, base_extract._mention_rows(p)) for p in theirs]
        steps = {
            "extract": (extract.extract, base_extract.extract, ours, theirs),
            "entities": (lambda pr: entities.resolve_article_mentions(*pr),
                         lambda pr: base_entities.resolve_article_mentions(*pr), raw_ours, raw_theirs),
        }
        print(f"{len(articles)} articles x {args.copies}, {args.rounds} rounds, base {base[:12]}")
        print(f"{'step':<10} {'current s':>10} {'base s':>10} {'ratio':>7}")
        for name, (current, older, items_current, items_base) in steps.items():
            for item_current, item_base in zip(items_current, items_base):  # warm the caches of both
                current(item_current), older(item_base)
            t_current, t_base = _best(current, older, items_current, items_base, args.rounds)
            print(f"{name:<10} {t_current:10.3f} {t_base:10.3f} {t_current / t_base:7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
