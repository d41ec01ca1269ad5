"""Speed of the per-article pass against another version of the code, as a ratio in one process.

    python bench/extract_speed.py [--against REF] [--rounds 7] [--copies 3] [--clock wall|cpu]

The articles of the repository (``data/samples`` and the test sets under ``tests/data``, each
``--copies`` times) are parsed once by spaCy; then :func:`analysis.extract.extract` of this checkout
and of ``REF`` (a git ref, checked out into a temporary folder with ``git archive``; default
``main``) run over the same parsed docs, alternately, ``--rounds`` times each. Printed: the median time
of each per round, and the ratio of their medians (this checkout / ``REF``; the target of issue 14
is at most 1.10). Both versions are loaded side by side: each has its own ``analysis`` modules,
swapped into ``sys.modules`` while it runs. The machine is shared: read the ratio, not the times
(``--clock cpu`` times this process's CPU, which other processes on a busy machine disturb less).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
FOLDERS = [ROOT / "data" / "samples", DATA / "articles", DATA / "holdout" / "articles",
           DATA / "attribution" / "articles", DATA / "attribution_holdout" / "articles", DATA / "statements"]


def _load(root: Path) -> dict[str, object]:
    """The ``analysis`` modules of the checkout at ``root``, imported apart from any other copy."""
    for name in [m for m in sys.modules if m == "analysis" or m.startswith("analysis.")]:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        import analysis.extract  # noqa: F401
        import analysis.nlp  # noqa: F401
        import analysis.pipeline  # noqa: F401  (every layer, so that lazy imports find their own copy)
    finally:
        sys.path.remove(str(root))
    return {m: mod for m, mod in sys.modules.items() if m == "analysis" or m.startswith("analysis.")}


def _run(modules: dict[str, object], articles: list, docs: list, clock=time.perf_counter) -> float:
    """Seconds for ``extract`` of one version over the parsed docs (fresh ``ParsedArticle`` objects)."""
    for name in [m for m in sys.modules if m == "analysis" or m.startswith("analysis.")]:
        del sys.modules[name]
    sys.modules.update(modules)
    nlp_mod, extract = modules["analysis.nlp"], modules["analysis.extract"].extract
    parsed = [nlp_mod.ParsedArticle(a, tuple(nlp_mod.Unit(u.paragraph, u.start, u.doc) for u in units))
              for a, units in zip(articles, docs)]
    t = clock()
    for pa in parsed:
        extract(pa)
    return clock() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="main", help="git ref of the version to compare with")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--copies", type=int, default=3, help="times each article is analysed per round")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall", help="time.perf_counter or process_time")
    args = parser.parse_args()
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.against], capture_output=True,
                            text=True, check=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "src.tar"
        subprocess.run(["git", "-C", str(ROOT), "archive", "-o", str(archive), args.against, "analysis"], check=True)
        with tarfile.open(archive) as tar:
            tar.extractall(Path(tmp) / "against", filter="data")
        theirs = _load(Path(tmp) / "against")
        ours = _load(ROOT)
        sys.modules.update(ours)
        from analysis.corpus import read_corpus
        from analysis.nlp import load_nlp, parse

        articles = [a for folder in FOLDERS if folder.is_dir() for a in read_corpus(folder).articles] * args.copies
        docs = [pa.units for pa in parse(articles, nlp=load_nlp())]
        words = sum(len(u.doc) for units in docs for u in units)
        times: dict[str, list[float]] = {"this checkout": [], args.against: []}
        _run(ours, articles, docs), _run(theirs, articles, docs)  # warm-up (lazy imports, caches)
        clock = time.process_time if args.clock == "cpu" else time.perf_counter
        for _ in range(args.rounds):
            times["this checkout"].append(_run(ours, articles, docs, clock))
            times[args.against].append(_run(theirs, articles, docs, clock))
    print(f"per-article pass (extract) over {len(articles)} parsed articles ({words} tokens), {args.rounds} rounds, "
          f"{args.clock} clock")
    for name, values in times.items():
        label = name + (f" ({commit})" if name == args.against else "")
        print(f"  {label:28} median {statistics.median(values):.3f} s")
    ratio = statistics.median(times["this checkout"]) / statistics.median(times[args.against])
    print(f"  ratio this checkout / {args.against}: {ratio:.3f}  (target <= 1.10)")


if __name__ == "__main__":
    main()
