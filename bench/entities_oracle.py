"""Entity quality with an oracle for spaCy's entities: how much of the gap is NER, how much resolution.

Runs newslens over a set as ``bench/entities_quality.py`` does, but with spaCy's entities of every doc
replaced by the gold: each occurrence of a gold name or alias (whole words, longest first, no overlap) as an
entity with its gold label. newslens then resolves them as usual (titles, missed mentions, clusters, the
corpus step), and the result is scored on the same gold. The figure is an upper bound for a better NER model
(no model finds every bare surname and acronym the gold lists); what it misses is lost by the resolution
itself. Reading gold to make the input, it is no measurement of newslens on unseen text, and a set's errors
under the oracle say little about its errors without it.

Usage: ``python bench/entities_oracle.py [-v] [--sets NAME …] [--extra ARTICLES GOLD]`` (names as in
``bench/entities_quality.py``; ``-v`` prints the scorer's per-article errors).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from entities_quality import SETS, newslens  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.util import filter_spans  # noqa: E402

from analysis import evaluate  # noqa: E402
from analysis.corpus import read_corpus  # noqa: E402
from analysis.nlp import load_nlp  # noqa: E402

#: Gold (alias, label) pairs, longest alias first: of each paragraph's article, and of the whole set.
_BY_PARAGRAPH: dict[str, list[tuple[str, str]]] = {}
_IN_SET: list[tuple[str, str]] = []


@Language.component("newslens_oracle_ents")
def _oracle_ents(doc):
    """Replace the doc's entities with the gold aliases found in it."""
    spans, taken = [], []
    for alias, label in _BY_PARAGRAPH.get(doc.text.strip()) or _IN_SET:
        for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", doc.text):
            if not any(m.start() < end and start < m.end() for start, end in taken):
                span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
                    taken.append((m.start(), m.end()))
    doc.ents = filter_spans(spans)
    return doc


def _load_gold(articles, gold: Path) -> None:
    """Fill the alias tables for one set."""
    _BY_PARAGRAPH.clear()
    _IN_SET.clear()
    for article in articles:
        path = gold / f"{article.id}.json"
        if not path.is_file():
            continue
        entities = json.loads(path.read_text(encoding="utf-8"))["entities"]
        pairs = sorted({(alias, e["label"]) for e in entities for alias in {e["name"], *e.get("aliases", [])}},
                       key=lambda pair: (-len(pair[0]), pair))
        _IN_SET.extend(pairs)
        for line in article.text.split("\n"):
            if line.strip():
                _BY_PARAGRAPH[line.strip()] = pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="per-article errors")
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=["shapes"], help="which sets to run")
    parser.add_argument("--extra", nargs=2, action="append", default=[], metavar=("ARTICLES", "GOLD"),
                        help="also a set kept outside the repository")
    args = parser.parse_args(argv)
    load_nlp().add_pipe("newslens_oracle_ents", last=True)  # the pipeline every analyse() call below uses
    print(f"{'set':<18} {'system':<18} {'P':>6} {'R':>6} {'F1':>6}   mentions tp/gold/pred")
    chosen = [(n, SETS[n]) for n in args.sets] + [(Path(a).parent.name, ([Path(a)], Path(g))) for a, g in args.extra]
    for name, (paths, gold) in chosen:
        if not gold.is_dir() or not any(gold.glob("*.json")):
            print(f"{name:<18} (no gold in {gold})")
            continue
        _load_gold(read_corpus(paths).articles, gold)
        with tempfile.TemporaryDirectory() as cache:
            res = evaluate.summarise(gold, newslens(paths, cache))
        c = res["counts"]["entities"]
        print(f"{name:<18} {'newslens, oracle':<18} {res['entity_p']:6.3f} {res['entity_r']:6.3f} "
              f"{res['entity_f1']:6.3f}   {c['tp']}/{c['gold']}/{c['pred']}", flush=True)
        if args.verbose:
            print("\n".join(evaluate.details(res, quotes=False)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
