"""Speed of the compiled lemmatizer against spaCy's own, as ratios in one process.

    python bench/lemmatizer_speed.py [--rounds 7] [--copies 2]

The paragraphs of the repository's articles (``data/samples`` and the test sets under ``tests/data``)
are parsed once by the pipeline up to the lemmatizer; then spaCy's ``lemmatizer`` and
:class:`analysis.nlp.lemmas.CompiledLemmatizer` lemmatize fresh copies of those docs, alternately,
``--rounds`` times each (the first pass of each, with empty caches, is printed apart). Printed: the
ratio stock / compiled, and each one's share of the whole pipeline's time on the same paragraphs.
The machine is shared: read the ratios, not the times.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from spacy.tokens import Doc

from analysis.corpus import read_corpus
from analysis.nlp import COMPILED_LEMMATIZER, load_nlp
from analysis.nlp.lemmas import CompiledLemmatizer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
FOLDERS = [ROOT / "data" / "samples", DATA / "articles", DATA / "holdout" / "articles", DATA / "statements"]


def _time(component: object, docs: list[bytes], vocab: object) -> float:
    """Seconds for ``component`` over fresh copies of the docs (the copying is not timed)."""
    fresh = [Doc(vocab).from_bytes(data) for data in docs]
    t = time.process_time()
    for doc in fresh:
        component(doc)
    return time.process_time() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--copies", type=int, default=2, help="times each paragraph is lemmatized per round")
    args = parser.parse_args()
    nlp, plain = load_nlp(), load_nlp(compiled_lemmatizer=False)
    if COMPILED_LEMMATIZER not in nlp.pipe_names:
        raise SystemExit("the model's lemmatizer does not compile: nothing to compare")
    texts = [chunk for folder in FOLDERS if folder.is_dir() for a in read_corpus(folder).articles
             for _s, _e, chunk in a.paragraph_spans()] * args.copies
    t = time.process_time()
    list(plain.pipe(texts, batch_size=256))
    whole = time.process_time() - t
    with plain.select_pipes(disable=["lemmatizer", "entity_ruler", "ner"]):
        docs = [doc.to_bytes() for doc in plain.pipe(texts, batch_size=256)]
    stock = plain.get_pipe("lemmatizer")
    compiled = CompiledLemmatizer(stock)
    cold = {}
    for name, component in (("stock", stock), ("compiled", compiled)):
        stock.cache.clear()  # each starts with empty caches (the compiled one asks the stock one on a miss)
        cold[name] = _time(component, docs, plain.vocab)
    times: dict[str, list[float]] = {"stock": [], "compiled": []}
    for _ in range(args.rounds):
        times["stock"].append(_time(stock, docs, plain.vocab))
        times["compiled"].append(_time(compiled, docs, plain.vocab))
    warm = {name: statistics.median(values) for name, values in times.items()}
    print(f"lemmatizer over {len(docs)} paragraphs, {args.rounds} rounds (whole pipeline once: {whole:.2f} s)")
    for name in ("stock", "compiled"):
        print(f"  {name:9} share of the pipeline: first pass {cold[name] / whole:.2%}, then {warm[name] / whole:.2%}")
    print(f"  ratio stock / compiled: first pass {cold['stock'] / cold['compiled']:.2f}, "
          f"then {warm['stock'] / warm['compiled']:.2f}")


if __name__ == "__main__":
    main()
