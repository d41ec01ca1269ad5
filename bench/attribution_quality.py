"""Statement-level attribution on the fictional sets: quotations, speakers, contents, unnamed sources.

    python bench/attribution_quality.py [--set NAME ...] [-v]

Sets (``tests/data``): ``attribution`` (written for issue 14, used in development), ``blind`` (written
with it, never tuned on), ``blind2`` (``attribution_blind2``, written later, never tuned on), ``gold``
and ``held-out`` (the older sets, whose gold got ``content`` and ``unnamed_source``). Per set, with
:mod:`analysis.evaluate`'s matching on ``text`` (difflib ratio >= 0.8, one-to-one, scare quotes
neutral):

- quote F1 on direct + partial, and with indirect speech;
- speaker accuracy on matched direct + partial, and on all matched;
- content accuracy: matched quotations whose ``content`` is >= 0.8 similar to the gold content
  (normalised words; a prediction without a ``content`` column is scored on its ``text``);
- unnamed-source accuracy: on matched quotations, gold and prediction both empty, or both given
  and sharing their head word (the last word of the gold words).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import config, evaluate  # noqa: E402
from analysis.corpus import read_corpus  # noqa: E402
from analysis.extract import extract  # noqa: E402
from analysis.nlp import parse  # noqa: E402

DATA = config.ROOT / "tests" / "data"
SETS = {"attribution": (DATA / "attribution" / "articles", DATA / "attribution" / "gold"),
        "blind": (DATA / "attribution_holdout" / "articles", DATA / "attribution_holdout" / "gold"),
        "blind2": (DATA / "attribution_blind2" / "articles", DATA / "attribution_blind2" / "gold"),
        "gold": (DATA / "articles", DATA / "gold"),
        "held-out": (DATA / "holdout" / "articles", DATA / "holdout" / "gold")}


def predictions(articles_dir: Path) -> dict[str, list[dict]]:
    """Quote records per article id, as the ``quotes`` command prints them."""
    out = {}
    for parsed in parse(read_corpus(articles_dir).articles):
        quotes = extract(parsed)["quotes"]
        out[parsed.article.id] = json.loads(quotes.to_json(orient="records", force_ascii=False))
    return out


def score_set(articles_dir: Path, gold_dir: Path, *, verbose: bool = False) -> dict:
    """The figures of the module docstring for one set."""
    preds = predictions(articles_dir)
    result, errors = {}, []
    for name, kinds in (("direct+partial", {"direct", "partial"}), ("all kinds", {"direct", "partial", "indirect"})):
        q = dict.fromkeys(("gold", "pred", "match", "speaker_ok"), 0)
        for path in sorted(gold_dir.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            gold["quotes"] = [g for g in gold["quotes"] if g["kind"] in kinds | {"scare"}]
            pred = [p for p in preds.get(gold["id"], []) if p.get("kind") in kinds]
            s = evaluate.score_quotes(gold, pred)
            for k in q:
                q[k] += s[k]
            if verbose and name == "all kinds":
                errors += [f"{gold['id']}: missed {m!r}" for m in s["missed"]]
                errors += [f"{gold['id']}: extra {m!r}" for m in s["extra"]]
                errors += [f"{gold['id']}: speaker {m}" for m in s["wrong_speaker"]]
        p, r = q["match"] / max(1, q["pred"]), q["match"] / max(1, q["gold"])
        result[f"quote F1 {name}"] = 2 * p * r / (p + r) if p + r else 0.0
        result[f"speaker accuracy {name}"] = q["speaker_ok"] / max(1, q["match"])
    content_ok = unnamed_ok = n = 0
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        st = evaluate.score_statements(gold, preds.get(gold["id"], []))
        n, content_ok, unnamed_ok = n + st["matched"], content_ok + st["content_ok"], unnamed_ok + st["unnamed_ok"]
        errors += [f"{gold['id']}: content {g!r} <> {p!r}" for g, p in st["content_errors"]]
        errors += [f"{gold['id']}: unnamed {g!r} <> {p!r}" for g, p in st["unnamed_errors"]]
    result["content accuracy"] = content_ok / max(1, n)
    result["unnamed-source accuracy"] = unnamed_ok / max(1, n)
    if verbose:
        result["errors"] = errors
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="sets", nargs="*", choices=list(SETS), default=["attribution", "blind", "blind2"])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every error")
    args = parser.parse_args(argv)
    for name in args.sets:
        result = score_set(*SETS[name], verbose=args.verbose)
        print(f"{name}:")
        for key, value in result.items():
            if isinstance(value, float):
                print(f"  {key:38} {value:.3f}")
        for line in result.get("errors", []):
            print(f"    {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
