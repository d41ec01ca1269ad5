"""Speed of the per-article steps against an earlier version of the code, in one process.

The machine is shared, so two runs minutes apart differ by more than the change being measured.
This bench loads the ``analysis`` package of an earlier git revision beside the current one (as
``analysis_base``, from ``git archive``), parses the articles once with the current spaCy pipeline,
and then times, round after round and alternating which goes first:

- ``extract``: every per-article step after spaCy (sentiment of every paragraph and sentence,
  entity resolution within the article, quotations), as a worker runs them;
- ``entities``: entity resolution within the article alone.

It prints the best time of each over the rounds and the ratio current / base (1.05 = 5 % slower).

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


def _timed(fn, items) -> float:
    start = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - start


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
            "extract": (lambda: _timed(extract.extract, ours), lambda: _timed(base_extract.extract, theirs)),
            "entities": (lambda: _timed(lambda pr: entities.resolve_article_mentions(*pr), raw_ours),
                         lambda: _timed(lambda pr: base_entities.resolve_article_mentions(*pr), raw_theirs)),
        }
        print(f"{len(articles)} articles x {args.copies}, {args.rounds} rounds, base {base[:12]}")
        print(f"{'step':<10} {'current s':>10} {'base s':>10} {'ratio':>7}")
        for name, (current, base) in steps.items():
            current(), base()  # warm the caches of both
            best_current = best_base = float("inf")
            for r in range(args.rounds):
                pair = (current, base) if r % 2 == 0 else (base, current)
                first, second = pair[0](), pair[1]()
                t_current, t_base = (first, second) if r % 2 == 0 else (second, first)
                best_current, best_base = min(best_current, t_current), min(best_base, t_base)
            print(f"{name:<10} {best_current:10.3f} {best_base:10.3f} {best_current / best_base:7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
