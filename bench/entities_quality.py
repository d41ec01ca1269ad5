"""Entity quality: newslens' resolved entities against raw spaCy, scored on gold.

Runs over the seed article (gold in ``../shared/gold``, when that is beside the
repository), the gold test set (``tests/data/articles`` with ``tests/data/gold``),
the held-out set and the entity shapes sets (``tests/data/entity_shapes``, development, and
``tests/data/entity_blind``, measurement only), and prints entity precision / recall / F1 from
:mod:`analysis.evaluate` for:

- raw spaCy: the same pipeline (tokenizer keeping "Caliber.Az" whole) over each
  article's whole text as one doc, each distinct (text, label) a row;
- newslens: ``analysis.analyse`` over all the articles (corpus resolution
  included), each article's entities a row.

Usage: ``python bench/entities_quality.py [-v] [--per-article] [--sets NAME …] [--extra ARTICLES GOLD]
[--json PREDS_DIR]`` (``-v`` prints the scorer's per-article details for newslens; ``--per-article`` runs it on
each article alone).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import evaluate  # noqa: E402
from analysis.corpus import read_corpus  # noqa: E402
from analysis.nlp import load_nlp  # noqa: E402
from analysis.pipeline import analyse  # noqa: E402

SHARED = ROOT.parent / "shared"
DATA = ROOT / "tests" / "data"


def _set(folder: str) -> tuple[list[Path], Path]:
    """(articles, gold folder) of a set under ``tests/data``."""
    return [DATA / folder / "articles"], DATA / folder / "gold"


SETS = {  # name → (articles, gold folder)
    "seed": ([SHARED / "seed"], SHARED / "gold"),
    "gold set": ([DATA / "articles"], DATA / "gold"),
    "held-out": _set("holdout"),  # written blind to the code, used for measurement only
    # issue 15: the entity shapes set (development) and its blind twin, measured once, then development
    "shapes": _set("entity_shapes"),
    "shapes blind": _set("entity_blind"),
    # each written after the measurement on the one before, whose errors were then read; blind 6–16 while
    # the errors of the one before were being fixed, by a writer who saw neither the code nor the changes
    **{f"blind {n}": _set(f"entity_blind{n}") for n in range(2, 25)},
}
SCORED = ("PERSON", "ORG", "GPE", "LOC")


def raw_spacy(articles) -> dict:
    """Predictions of plain spaCy: each distinct (text, label) of the whole text a row."""
    nlp = load_nlp()
    preds = {}
    for article in articles:
        counts = Counter((e.text, e.label_) for e in nlp(article.text).ents)
        preds[article.id] = {"entities": [{"entity": t, "label": lb, "mentions": n, "aliases": [t]}
                                          for (t, lb), n in counts.items()]}
    return preds


def newslens(paths, cache_dir: str, *, per_article: bool = False) -> dict:
    """Predictions of newslens: each article's resolved entities, from one run over all the articles (corpus
    resolution across them) or, with ``per_article``, from one run per article file (as the ``entities``
    command run on each file alone gives them)."""
    if per_article:
        files = sorted(f for p in map(Path, paths) for f in (sorted(p.glob("*.txt")) if p.is_dir() else [p]))
        return {k: v for f in files for k, v in newslens([f], cache_dir).items()}
    tables = analyse(paths, cache_dir=cache_dir, progress=False)
    preds = {}
    for article_id in tables.articles["article_id"]:
        ents = tables.filter(articles=article_id).entities
        preds[article_id] = {"entities": [{"entity": r.entity, "label": r.label, "mentions": int(r.mentions),
                                           "aliases": list(r.aliases)} for r in ents.itertuples()]}
    return preds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="per-article details for newslens")
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS), help="which sets to run")
    parser.add_argument("--extra", nargs=2, action="append", default=[], metavar=("ARTICLES", "GOLD"),
                        help="also score a set kept outside the repository (e.g. real articles annotated in "
                             "your session)")
    parser.add_argument("--per-article", action="store_true",
                        help="run newslens on each article alone (no corpus resolution across articles)")
    parser.add_argument("--json", type=Path, help="also write the predictions here (one file per set and system)")
    args = parser.parse_args(argv)
    print(f"{'set':<12} {'system':<10} {'P':>6} {'R':>6} {'F1':>6}   mentions tp/gold/pred")
    with tempfile.TemporaryDirectory() as cache:
        chosen = [(n, SETS[n]) for n in args.sets]
        chosen += [(Path(a).parent.name or "extra", ([Path(a)], Path(g))) for a, g in args.extra]
        for name, (paths, gold) in chosen:
            if not gold.is_dir() or not any(gold.glob("*.json")):
                print(f"{name:<12} (no gold in {gold})")
                continue
            corpus = read_corpus(paths)
            ours = newslens(paths, cache, per_article=args.per_article)
            for system, preds in (("raw spaCy", raw_spacy(corpus.articles)), ("newslens", ours)):
                res = evaluate.summarise(gold, preds)
                c = res["counts"]["entities"]
                print(f"{name:<12} {system:<10} {res['entity_p']:6.3f} {res['entity_r']:6.3f} "
                      f"{res['entity_f1']:6.3f}   {c['tp']}/{c['gold']}/{c['pred']}")
                if args.verbose and system == "newslens":
                    print("\n".join(evaluate.details(res, quotes=False)))
                if args.json:
                    args.json.mkdir(parents=True, exist_ok=True)
                    out = args.json / f"{name.replace(' ', '_')}_{system.replace(' ', '_')}.json"
                    out.write_text(json.dumps(preds, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
