"""Where the time of a report batch goes: kernel start, NLP, cells, rendering.

Runs the real batch (papermill, real kernels) over a copy of a corpus in a
temporary folder with a fresh NLP cache, and prints for each report the time it
took and how it splits between kernel start, the notebook's analysis cell (import
+ cached NLP), its other cells and nbconvert. Every number is also given as a
ratio to a baseline measured in the same process (the machine is shared and
noisy): the round trip of an empty notebook (kernel start + one cell + shutdown).

    .venv/bin/python bench/report_timing.py [--corpus data/samples] [--notebooks NAME ...] [--jobs 2]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nbformat  # noqa: E402
from nbformat.v4 import new_code_cell, new_notebook  # noqa: E402

from analysis import config, report  # noqa: E402
from analysis.pipeline import analyse  # noqa: E402
from analysis.report import batch as report_batch  # noqa: E402
from analysis.report.kernel import execute, kernel_manager_class  # noqa: E402

FIXTURE = config.ROOT / "tests" / "data" / "notebooks" / "overview.ipynb"


def empty_notebook_round_trip(tmp: Path, env: dict[str, str]) -> float:
    """Seconds to start a kernel, run ``pass``, and shut it down (the baseline)."""
    cell = new_code_cell("corpus = ''")
    cell.metadata["tags"] = ["parameters"]
    nb = new_notebook(cells=[cell, new_code_cell("pass")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp / "empty.ipynb"
    nbformat.write(nb, path)
    with tempfile.TemporaryDirectory(prefix="nlk") as sockets:
        km = kernel_manager_class(env=env, sockets_dir=Path(sockets))
        t = time.perf_counter()
        execute(path, tmp / "empty.out.ipynb", {}, cwd=tmp, km_class=km)
        return time.perf_counter() - t


def import_seconds(env: dict[str, str]) -> float:
    """Seconds for a fresh Python to ``import analysis`` (paid by every kernel)."""
    code = "import time; t = time.perf_counter(); import analysis; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return float(out.stdout.strip())


def analysis_cell_seconds(ipynb: Path) -> float:
    """papermill's duration of the notebook cell that calls ``analysis.analyse``."""
    nb = nbformat.read(ipynb, as_version=4)
    return sum(c.metadata.get("papermill", {}).get("duration") or 0.0 for c in nb.cells
               if c.cell_type == "code" and "analyse(" in c.source)


def row(label: str, seconds: float, base: float, total: float | None = None) -> str:
    share = f"{100 * seconds / total:5.1f} %" if total else ""
    return f"  {label:34} {seconds:7.2f} s  {seconds / base:6.2f}× baseline  {share}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(config.SAMPLES_DIR))
    parser.add_argument("--notebooks", nargs="+", help="default: every notebook in notebooks/, else the test one")
    parser.add_argument("--jobs", type=int, default=2, help="parallel kernels for the second batch")
    args = parser.parse_args()
    notebooks = args.notebooks or ([str(p) for p in sorted(config.NOTEBOOKS_DIR.glob("*.ipynb"))] or [str(FIXTURE)])

    with tempfile.TemporaryDirectory(prefix="newslens-bench-") as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "corpus"
        shutil.copytree(args.corpus, corpus) if Path(args.corpus).is_dir() else (
            corpus.mkdir(), shutil.copy(args.corpus, corpus))
        cache = tmp / "cache"
        env = {**os.environ, **report_batch.kernel_env(cache)}

        base = empty_notebook_round_trip(tmp, env)
        imp = import_seconds(env)
        t = time.perf_counter()
        tables = analyse(corpus, cache_dir=cache, progress=False)
        cold = time.perf_counter() - t
        t = time.perf_counter()
        analyse(corpus, cache_dir=cache, progress=False)
        cached = time.perf_counter() - t

        t = time.perf_counter()
        serial = report.run_reports(corpus, out=tmp / "out1", notebooks=notebooks, jobs=1, cache_dir=cache,
                                    progress=False)
        serial_wall = time.perf_counter() - t
        t = time.perf_counter()
        parallel = report.run_reports(corpus, out=tmp / "out2", notebooks=notebooks, jobs=args.jobs,
                                      cache_dir=cache, progress=False)
        parallel_wall = time.perf_counter() - t

        print(f"corpus: {args.corpus} ({len(tables.articles)} articles); notebooks: "
              f"{', '.join(Path(n).stem for n in notebooks)}")
        print(f"baseline: empty notebook round trip {base:.2f} s\n")
        print("NLP pass in the batch process (once per corpus):")
        print(row("cold (spaCy over every article)", cold, base))
        print(row("cached (what every kernel pays)", cached, base))
        print(f"  cold / cached: {cold / cached:.1f}×")
        print(row("`import analysis` in a fresh Python", imp, base))
        print()
        for rec in serial.reports:
            nlp = analysis_cell_seconds(Path(serial.folder) / rec.ipynb)
            other = max(rec.execute_seconds - nlp, 0.0)
            print(f"{rec.title} ({rec.status}): {rec.duration:.2f} s = {rec.duration / base:.2f}× baseline")
            print(row("kernel start", rec.kernel_seconds, base, rec.duration))
            print(row("analysis cell (import + cached NLP)", nlp, base, rec.duration))
            print(row("other cells (charts, tables)", other, base, rec.duration))
            print(row("rendering (nbconvert)", rec.render_seconds, base, rec.duration))
        n = len(serial.reports)
        print(f"\nbatch of {n} reports: jobs=1 {serial_wall:.1f} s ({serial_wall / n:.1f} s a report, "
              f"NLP {serial.nlp_seconds:.1f} s); jobs={args.jobs} {parallel_wall:.1f} s; "
              f"speed-up {serial_wall / parallel_wall:.2f}×")
        failed = [r for r in serial.reports + parallel.reports if not r.ok]
        for r in failed:
            print(f"FAILED {r.title}: {r.error}")
        return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
