"""The NLP progress in a notebook is an ordinary output line, not a red stderr box; tqdm in a terminal."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from analysis.config import ROOT, SAMPLES_DIR
from analysis.progress import in_notebook, progress_bar


def test_outside_a_notebook_it_is_tqdm_or_nothing(capsys):
    assert not in_notebook()
    bar = progress_bar(total=2, desc="NLP", unit="article")
    bar.update()
    bar.update()
    bar.close()
    assert "NLP" in capsys.readouterr().err
    quiet = progress_bar(total=2, desc="NLP", unit="article", enabled=False)
    quiet.update()
    quiet.close()
    assert capsys.readouterr().err == ""


@pytest.mark.slow
def test_in_a_notebook_the_nlp_progress_is_a_plain_line(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("2024-10-14_caspian_herald_pipeline", "2024-10-22_eurasia_wire_kremlin_reaction"):
        shutil.copy(SAMPLES_DIR / f"{name}.txt", corpus)
    nb = new_notebook(cells=[new_code_cell(f"import analysis\ntables = analysis.analyse({str(corpus)!r})")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "nlp.ipynb")
    done = subprocess.run([sys.executable, "-m", "papermill", str(tmp_path / "nlp.ipynb"), str(tmp_path / "out.ipynb"),
                           "-k", "python3"], capture_output=True, text=True, timeout=600, cwd=ROOT,
                          env={**os.environ, "NEWSLENS_CACHE": str(tmp_path / "cache"),
                               "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    outputs = nbformat.read(tmp_path / "out.ipynb", as_version=4).cells[0].outputs
    stderr = [o for o in outputs if o.get("name") == "stderr"]
    assert not [o for o in stderr if "NLP" in o.get("text", "")], json.dumps(stderr)[:500]
    shown = [o.data["text/plain"] for o in outputs if o.output_type in ("display_data", "update_display_data")]
    assert shown and shown[-1].startswith("NLP: 2 articles in ")
