"""Make the project root importable when pytest is run as ``pytest`` (not ``python -m pytest``)."""
import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[1])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import pytest  # noqa: E402

SEED_ID = "000_7363fc605d1a34bd"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The seed article: the bundled copy in data/samples (identical to shared/seed)."""
    return Path(ROOT) / "data" / "samples" / f"{SEED_ID}.txt"


@pytest.fixture(scope="session")
def seed_article(seed_path):
    from analysis.corpus import read_corpus

    corpus = read_corpus(seed_path)
    assert not corpus.problems
    return corpus.articles[0]
