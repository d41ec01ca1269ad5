"""Helpers of the corpus tests: input files written for a test, and what reading them gave."""
from __future__ import annotations

from pathlib import Path

from analysis.corpus import Article, Corpus

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "data" / "corpus"
SEED_NAME = "000_7363fc605d1a34bd.txt"
SEED_CANDIDATES = (ROOT.parent / "shared" / "seed" / SEED_NAME, ROOT / "data" / "samples" / SEED_NAME)


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    """Write ``content`` to ``path`` (creating folders) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode(encoding)
    path.write_bytes(content)
    return path


def only(corpus: Corpus) -> Article:
    """The single article of ``corpus``."""
    assert len(corpus) == 1, (corpus.articles, corpus.problems)
    return corpus.articles[0]


def messages(corpus: Corpus, severity: str | None = None) -> list[str]:
    """The problems of ``corpus`` as strings (only those of ``severity`` when given)."""
    return [str(p) for p in corpus.problems if severity is None or p.severity == severity]
