"""Quotation quality on the gold sets: newslens beside textacy 0.13's ``direct_quotations``.

    python bench/quotes_quality.py [--gold DIR ...] [--out PREDS.json] [-v]

Reads the gold set under ``tests/data`` (articles + gold) and the seed article
with its gold from ``../shared`` when that is beside the repository, runs the newslens NLP pass and
:func:`analysis.quotes.extract_quotes` on every article, and runs textacy's
``direct_quotations`` on one spaCy doc per article (``nlp(article.text)``; an
article whose quote marks are odd in number makes textacy give up on it, which
counts as finding nothing there). Both are scored with :mod:`analysis.evaluate`:

- quote P/R/F1 on direct and partial quotations (gold scare quotes are neutral),
- the same with indirect speech included,
- speaker accuracy on matched quotations, and attributed F1 (text and speaker right),

for the seed, the gold set and both together. The newslens predictions are
written to ``outputs/bench/quotes_preds.json`` (the scorer's input format).
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import config, evaluate  # noqa: E402
from analysis.corpus import read_corpus  # noqa: E402
from analysis.extract import extract  # noqa: E402
from analysis.io import write_text  # noqa: E402
from analysis.nlp import load_nlp, parse  # noqa: E402

SHARED = config.ROOT.parent / "shared"
GOLD_SETS = {"seed": (SHARED / "seed", SHARED / "gold"),
             "gold set": (config.ROOT / "tests" / "data" / "articles", config.ROOT / "tests" / "data" / "gold"),
             # written blind to the code and never used for tuning: the honest figure
             "held-out": (config.ROOT / "tests" / "data" / "holdout" / "articles",
                          config.ROOT / "tests" / "data" / "holdout" / "gold"),
             # issue 15: entity shapes (development) and its blind twin (measurement only)
             "shapes": (config.ROOT / "tests" / "data" / "entity_shapes" / "articles",
                        config.ROOT / "tests" / "data" / "entity_shapes" / "gold"),
             "shapes blind": (config.ROOT / "tests" / "data" / "entity_blind" / "articles",
                              config.ROOT / "tests" / "data" / "entity_blind" / "gold"),
             "blind 2": (config.ROOT / "tests" / "data" / "entity_blind2" / "articles",
                         config.ROOT / "tests" / "data" / "entity_blind2" / "gold"),
             "blind 3": (config.ROOT / "tests" / "data" / "entity_blind3" / "articles",
                         config.ROOT / "tests" / "data" / "entity_blind3" / "gold"),
             "blind 4": (config.ROOT / "tests" / "data" / "entity_blind4" / "articles",
                         config.ROOT / "tests" / "data" / "entity_blind4" / "gold")}
DIRECT = {"direct", "partial"}


def newslens_preds(articles) -> dict:
    """Scorer-format predictions of newslens for articles."""
    preds = {}
    for parsed in parse(articles):
        quotes = extract(parsed)["quotes"]
        preds[parsed.article.id] = {"quotes": json.loads(quotes.to_json(orient="records", force_ascii=False))}
    return preds


def textacy_preds(articles) -> dict:
    """Scorer-format predictions of textacy's direct_quotations (kind "direct"; no indirect speech)."""
    from textacy.extract.triples import direct_quotations

    nlp = load_nlp()
    preds = {}
    for article in articles:
        rows = []
        try:
            for triple in direct_quotations(nlp(article.text)):
                text = triple.content.text.strip().strip("\"'\u201c\u201d\u2018\u2019").strip()
                rows.append({"text": text, "speaker": " ".join(t.text for t in triple.speaker), "kind": "direct"})
        except ValueError:  # an odd number of quote marks: textacy gives up on the article
            rows = []
        preds[article.id] = {"quotes": rows}
    return preds


def _gold_dir(tmp: Path, gold_dirs: list[Path], kinds: set[str]) -> Path:
    out = Path(tempfile.mkdtemp(dir=tmp))
    for folder in gold_dirs:
        for f in folder.glob("*.json"):
            gold = json.loads(f.read_text(encoding="utf-8"))
            gold["quotes"] = [q for q in gold["quotes"] if q["kind"] in kinds | {"scare"}]
            (out / f.name).write_text(json.dumps(gold), encoding="utf-8")
    return out


def _only(preds: dict, kinds: set[str]) -> dict:
    return {k: {"quotes": [q for q in v["quotes"] if q.get("kind") in kinds]} for k, v in preds.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=config.OUTPUTS_DIR / "bench" / "quotes_preds.json")
    parser.add_argument("-v", "--verbose", action="store_true", help="the scorer's per-article report")
    args = parser.parse_args()
    sets = {name: (a, g) for name, (a, g) in GOLD_SETS.items() if a.is_dir() and g.is_dir()}
    articles = {name: read_corpus(a).articles for name, (a, _g) in sets.items()}
    everything = [x for arts in articles.values() for x in arts]
    ours = newslens_preds(everything)
    write_text(args.out, json.dumps(ours, ensure_ascii=False, indent=1))
    print(f"newslens predictions for {len(everything)} articles written to {args.out}")
    theirs = textacy_preds(everything)
    metrics = [("quote P (direct+partial)", DIRECT, "quote_p"), ("quote R (direct+partial)", DIRECT, "quote_r"),
               ("quote F1 (direct+partial)", DIRECT, "quote_f1"), ("speaker accuracy", DIRECT, "speaker_acc"),
               ("attributed F1 (direct+partial)", DIRECT, "attributed_f1"),
               ("quote F1 (with indirect)", DIRECT | {"indirect"}, "quote_f1"),
               ("speaker accuracy (with indirect)", DIRECT | {"indirect"}, "speaker_acc"),
               ("attributed F1 (with indirect)", DIRECT | {"indirect"}, "attributed_f1")]
    scopes = {**{name: [g] for name, (_a, g) in sets.items()}, "all": [g for _a, g in sets.values()]}
    with tempfile.TemporaryDirectory() as tmp:
        for scope, gold_dirs in scopes.items():
            n = sum(len(list(g.glob("*.json"))) for g in gold_dirs)
            print(f"\n== {scope} ({n} articles)")
            print(f"{'':34} {'newslens':>9} {'textacy':>9}")
            results = {}
            for kinds in (DIRECT, DIRECT | {"indirect"}):
                gold = _gold_dir(Path(tmp), gold_dirs, kinds)
                for who, preds in (("newslens", ours), ("textacy", theirs)):
                    results[who, frozenset(kinds)] = result = evaluate.summarise(gold, _only(preds, kinds))
                    if args.verbose:
                        print(f"-- {who}, kinds {sorted(kinds)}")
                        print("\n".join(evaluate.details(result, entities=False)))
                shutil.rmtree(gold)
            for label, kinds, key in metrics:
                a, b = (results[w, frozenset(kinds)][key] for w in ("newslens", "textacy"))
                print(f"{label:34} {a:9.3f} {b:9.3f}")
            counts = results["newslens", frozenset(DIRECT)]["counts"]["quotes"]
            print(f"{'(direct+partial: gold / predicted)':34} {counts['gold']:>4}/{counts['pred']:<4} "
                  f"{results['textacy', frozenset(DIRECT)]['counts']['quotes']['pred']:>5}")


if __name__ == "__main__":
    main()
