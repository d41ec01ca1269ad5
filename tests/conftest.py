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
def nlp():
    """newslens' spaCy pipeline (loaded once per process: :func:`analysis.nlp.load_nlp` is cached)."""
    from analysis.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_article(seed_path):
    from analysis.corpus import read_corpus

    corpus = read_corpus(seed_path)
    assert not corpus.problems
    return corpus.articles[0]


class NotebookRun:
    """The outputs of a notebook executed by papermill in a real kernel."""

    def __init__(self, path: Path) -> None:
        import nbformat

        nb = nbformat.read(path, as_version=4)
        self.outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
        self.errors = [o for o in self.outputs if o.get("output_type") == "error"]
        self.images = sum("image/png" in o.get("data", {}) for o in self.outputs)
        self.shown = " ".join(str(o.get("data", {}).get("text/markdown", ""))
                              + str(o.get("data", {}).get("text/plain", "")) + str(o.get("text", ""))
                              for o in self.outputs)


@pytest.fixture(scope="session")
def notebook_cache(tmp_path_factory) -> Path:
    """One NLP cache for every notebook test, so each corpus is parsed once."""
    return tmp_path_factory.mktemp("notebook-cache")


@pytest.fixture
def run_notebook(tmp_path, notebook_cache):
    """Run ``notebooks/<name>.ipynb`` with papermill (a subprocess, a real kernel) and parameters."""
    import json
    import os
    import subprocess

    def run(name: str, **parameters) -> NotebookRun:
        out = tmp_path / f"{name}.out.ipynb"
        args = [a for key, value in parameters.items() for a in ("-y", json.dumps({key: value}))]
        done = subprocess.run([sys.executable, "-m", "papermill", str(Path(ROOT) / "notebooks" / f"{name}.ipynb"),
                               str(out), "-k", "python3", "--cwd", str(Path(ROOT) / "notebooks"), *args],
                              capture_output=True, text=True, timeout=900, check=False,
                              env={**os.environ, "NEWSLENS_CACHE": str(notebook_cache)})
        assert done.returncode == 0, done.stderr[-2000:]
        return NotebookRun(out)

    return run


@pytest.fixture(scope="session")
def sample_pair(tmp_path_factory):
    """The bundled samples both ways: (``Tables`` from ``analyse``, ``StoreTables`` of a store made by
    ``process`` in this process). Report functions must give the same answers for both."""
    import analysis
    from analysis.config import SAMPLES_DIR
    from analysis.store import process

    cache = tmp_path_factory.mktemp("pair-cache")
    path = tmp_path_factory.mktemp("pair") / "store"
    process(SAMPLES_DIR, store=path, workers=0, progress=False)
    return analysis.analyse(SAMPLES_DIR, cache_dir=cache, progress=False), analysis.analyse(path)
