"""Batch reports: parameters checked before any kernel, safe names, escaping, and real papermill batches."""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis import report
from analysis.config import NOTEBOOKS_DIR, ROOT, SAMPLES_DIR
from analysis.pipeline import analyse
from analysis.report import batch as report_batch
from analysis.report.html import fmt_polarity, index_page, run_page
from analysis.report.params import (
    Parameter,
    ParameterError,
    check_injection,
    coerce,
    notebook_parameters,
    parse_assignments,
)
from analysis.report.records import Headline, ReportRecord, RunResult

FIXTURES = Path(__file__).parent / "data" / "notebooks"
OVERVIEW = FIXTURES / "overview.ipynb"
BROKEN = FIXTURES / "broken.ipynb"
SAMPLE_IDS = ["000_7363fc605d1a34bd", "2024-10-14_caspian_herald_pipeline", "2024-11-08_potomac_dispatch_trump_victory"]
EVIL_ID = "2024-12-01_evil"
EVIL = """Minister calls <script>alert(1)</script> plan "fine" <img src=x onerror=alert(2)>

By Jane Doe

The minister told reporters on Monday: "We will not accept <script>alert(3)</script> in Astana." Officials \
in Kazakhstan agreed.

Critics said the plan <img src=x onerror=alert(4)> was a failure, and President Tokayev rejected it.
"""
# Neither may appear unescaped in any HTML page (the reports have scripts of their own: DataTables, tooltips).
RAW_ATTACKS = ("<script>alert(", "<img src=x")
ESCAPED = "&lt;script&gt;alert("


def write_notebook(path: Path, params_source: str, *cells) -> Path:
    """A tiny notebook: a title, a parameters cell, then the given code cells."""
    params = new_code_cell(params_source)
    params.metadata["tags"] = ["parameters"]
    nb = new_notebook(cells=[new_markdown_cell("# Tiny"), params, *[new_code_cell(c) for c in cells]])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def make_corpus(folder: Path, ids=SAMPLE_IDS, *, evil: bool = True, broken: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in ids:
        shutil.copy(SAMPLES_DIR / f"{i}.txt", folder / f"{i}.txt")
    if evil:
        (folder / f"{EVIL_ID}.txt").write_text(EVIL, encoding="utf-8")
    if broken:
        (folder / "zz_broken.txt").write_bytes(b"\x00\x01\x02 not text")
    return folder


def html_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def assert_no_raw_markup(page: str, where: str) -> None:
    for attack in RAW_ATTACKS:
        assert attack not in page, f"unescaped {attack!r} in {where}"
    assert not re.search(r"<img[^>]*onerror", page), f"live onerror handler in {where}"


# --- parameters ----------------------------------------------------------------------------

def test_parameters_cell_is_read_without_running_it():
    params = notebook_parameters(OVERVIEW)
    assert list(params)[:5] == ["corpus", "article", "aliases", "since", "until"]
    assert params["corpus"].default == "data/samples"
    assert params["top_n"] == Parameter("top_n", 5, "entities listed")
    assert params["article"].help == 'one article id, or "" for all'


@pytest.mark.parametrize("source, message", [
    (None, "no code cell tagged"),
    ("corpus = 'x'\nimport os", "only `name = literal`"),
    ("corpus = 'x'\nn = len('abc')", "not a literal"),
    ("corpus = 'x'\nn = (", "parameters cell, line"),
])
def test_bad_parameters_cells_are_errors(tmp_path, source, message):
    if source is None:
        nb = new_notebook(cells=[new_code_cell("corpus = 'x'")])
        nbformat.write(nb, tmp_path / "t.ipynb")
    else:
        write_notebook(tmp_path / "t.ipynb", source)
    with pytest.raises(ParameterError, match=re.escape(message)):
        notebook_parameters(tmp_path / "t.ipynb")


@pytest.mark.parametrize("raw, default, expected", [
    ("10", 5, 10),
    ("2.5", 1.0, 2.5),
    ("3", 1.0, 3.0),
    ("2024-11-01", "", "2024-11-01"),  # not a literal: a string for a str parameter
    ("'quoted id'", "", "quoted id"),
    ("123", "", "123"),  # a number given for a str parameter stays the text typed
    ("True", False, True),
    ("['a', 'b']", [], ["a", "b"]),
    ("('a', 'b')", [], ["a", "b"]),
    ("{'x': 1}", {}, {"x": 1}),
    ("anything", None, "anything"),
    (7, 5, 7),  # API values are checked as they are
])
def test_coerce_accepts_matching_types(raw, default, expected):
    value = coerce(raw, Parameter("p", default))
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize("raw, default", [
    ("1.5", 5), ("True", 5), ("ten", 5), ("'5'", 5), ("1", False), ("'x'", []), ("[1]", {}),
    ("__import__('os').system('true')", 5), ("{1, 2}", None), ("b'x'", None), ("1j", None),
])
def test_coerce_rejects_wrong_types_and_code(raw, default):
    with pytest.raises(ParameterError, match="'p'"):
        coerce(raw, Parameter("p", default))


@pytest.mark.parametrize("items", [["novalue"], ["=3"], ["1x=3"], ["class=3"]])
def test_bad_assignments(items):
    with pytest.raises(ParameterError, match="NAME=VALUE"):
        parse_assignments(items)


def test_assignments_split_at_the_first_equals_sign():
    assert parse_assignments(["a=b=c", "n=1", "n=2"]) == {"a": "b=c", "n": "2"}


@pytest.mark.parametrize("value", ['x"; import os; os.system("true") #', "line\nbreak \\ back", "é \u2028 ’",
                                   ["a", 'b"'], {"k": [1, 2.5, None, True]}])
def test_values_are_injected_as_literals(value):
    check_injection(OVERVIEW, {"corpus": "/data", "article": value if isinstance(value, str) else "",
                               "top_n": 3, **({"extra": value} if not isinstance(value, str) else {})})


# --- misuse: nothing runs, nothing is written ------------------------------------------------

@pytest.fixture
def corpus(tmp_path):
    return make_corpus(tmp_path / "corpus", SAMPLE_IDS[:1], evil=False, broken=False)


@pytest.mark.parametrize("kwargs, message", [
    ({"parameters": {"topn": "3"}}, "unknown parameter 'topn' (valid: aliases, article, fail_on, since, top_n, until)"),
    ({"parameters": {"top_n": "many"}}, "'top_n' (notebook overview) expects int"),
    ({"parameters": {"top_n": "2.5"}}, "expects int, got float"),
    ({"parameters": {"corpus": "x"}}, "give the corpus as arguments"),
    ({"parameters": {"article": SAMPLE_IDS[0]}, "per_article": True}, "cannot be combined with --per-article"),
    ({"parameters": {"article": "no-such-id"}}, "no article 'no-such-id'"),
    ({"parameters": {"since": "last tuesday"}}, "not a date"),
    ({"parameters": {"aliases": "no/such.yaml"}}, "alias file not found"),
    ({"notebooks": ["nosuch"]}, "unknown notebook 'nosuch'"),
    ({"jobs": 0}, "--jobs"),
])
def test_misuse_is_an_error_before_anything_runs(tmp_path, corpus, kwargs, message):
    out = tmp_path / "out"
    kwargs = {"notebooks": [str(OVERVIEW)], **kwargs}
    with pytest.raises(ParameterError, match=re.escape(message)):
        report.run_reports(corpus, out=out, cache_dir=tmp_path / "cache", progress=False, **kwargs)
    assert not out.exists() and not (tmp_path / "cache").exists()


@pytest.mark.parametrize("inputs, message", [
    (["missing-folder"], "corpus not found"),
    (["missing/*.txt"], "no files match"),
    ([], "no corpus given"),
])
def test_missing_corpus_is_an_error(tmp_path, inputs, message):
    out = tmp_path / "out"
    with pytest.raises(report.ReportError, match=re.escape(message)):
        report.run_reports([str(tmp_path / i) for i in inputs], out=out, notebooks=[str(OVERVIEW)],
                           progress=False)
    assert not out.exists()


@pytest.mark.parametrize("layout, message", [
    ("inside", "overlaps the corpus"),
    ("index", "index.html exists and was not written by newslens"),
    ("folder", "exists and was not written by newslens"),
])
def test_foreign_or_overlapping_output_folders_are_refused(tmp_path, corpus, layout, message):
    out = tmp_path / "out"
    if layout == "inside":
        out = corpus / "reports"
    elif layout == "index":
        out.mkdir()
        (out / "index.html").write_text("<html>my own page</html>")
    else:
        (out / "corpus").mkdir(parents=True)
        (out / "corpus" / "notes.txt").write_text("mine")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(report.ReportError, match=re.escape(message)):
        report.run_reports(corpus, out=out, notebooks=[str(OVERVIEW)], progress=False)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_corpus_without_articles_is_an_error(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "bin.txt").write_bytes(b"\x00\x00\x00")
    with pytest.raises(report.ReportError, match="no articles in the corpus.*binary"):
        report.run_reports(tmp_path / "c", out=tmp_path / "out", notebooks=[str(OVERVIEW)], progress=False)
    assert not (tmp_path / "out").exists()


def test_a_notebook_without_corpus_parameter_is_refused(tmp_path, corpus):
    nb = write_notebook(tmp_path / "nocorpus.ipynb", "top_n = 3  # rows")
    with pytest.raises(ParameterError, match="no `corpus` parameter"):
        report.run_reports(corpus, out=tmp_path / "out", notebooks=[str(nb)], progress=False)


def test_unknown_parameter_through_the_cli(tmp_path, corpus):
    env = {**os.environ, "NEWSLENS_CACHE": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-m", "analysis", "report", str(corpus), "--out", str(tmp_path / "out"),
                          "--notebooks", str(OVERVIEW), "-p", "nosuch=1"],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert out.returncode == 1, out.stderr
    assert "unknown parameter 'nosuch'" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_parser_defaults():
    parser = argparse.ArgumentParser()
    report.configure_parser(parser)
    args = parser.parse_args([])
    assert args.corpus == [] and not args.per_article and args.jobs is None and args.parameter == []
    args = parser.parse_args(["a", "b", "--jobs", "2", "-p", "x=1", "-p", "y=z", "--per-article", "--show-code",
                              "--notebooks", "n1", "n2"])
    assert args.corpus == ["a", "b"] and args.parameter == ["x=1", "y=z"] and args.notebooks == ["n1", "n2"]


# --- names and paths -------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("samples", "samples"),
    ("../../etc/passwd", "_.._etc_passwd"),
    (".hidden", "hidden"),
    ("a b/c\\d:e", "a_b_c_d_e"),
    ("", "_"),
    ("index.html", "_index.html"),
    ("Ünïcode – id", "_n_code_id"),
])
def test_safe_name(text, expected):
    assert report.safe_name(text) == expected


def test_long_names_are_cut_and_stay_distinct():
    a, b = report.safe_name("x" * 300 + "a"), report.safe_name("x" * 300 + "b")
    assert len(a) <= 80 and len(b) <= 80 and a != b


def test_kernels_import_this_checkout_and_no_module_of_it_shadows_the_standard_library(tmp_path):
    env = report_batch.kernel_env(tmp_path / "cache")
    first = Path(env["PYTHONPATH"].split(os.pathsep)[0])
    assert (first / "analysis" / "__init__.py").is_file()
    assert not (first / "io.py").exists() and not (first / "config.py").exists()
    assert env["NEWSLENS_CACHE"] == str((tmp_path / "cache").resolve())


def test_colliding_ids_get_distinct_file_names():
    names = report_batch.unique_names(["a/b", "a_b", "A_B"])
    assert len(set(n.lower() for n in names.values())) == 3
    assert all(re.fullmatch(r"[A-Za-z0-9._+-]+", n) for n in names.values())


@pytest.mark.parametrize("inputs, expected", [
    (["/x/data/samples"], "samples"),
    (["/x/data/samples/"], "samples"),
    (["/x/one.jsonl"], "one"),
    (["/x/data/*.txt"], "data-_.txt"),
    (["/x/a", "/y/b.csv"], "a+b"),
])
def test_run_name(inputs, expected):
    assert report.run_name(inputs) == expected


def test_an_unexpected_error_fails_one_report_not_the_batch(tmp_path):
    job = report_batch.Job("gone", tmp_path / "gone.ipynb", "Gone", None, "", {"corpus": "x"})
    log = report_batch.Log()
    (tmp_path / "run").mkdir()
    rec = report_batch._run_job_isolated(job, log=log, run="run", run_dir=tmp_path / "run", staging=tmp_path,
                                          sockets=tmp_path, env={}, corpus=["x"], show_code=False)
    assert not rec.ok and "gone.ipynb" in rec.error and rec.html is None
    assert "gone: FAILED" in log.text()
    summary = report.format_summary(_run([rec]))
    assert "FAILED Gone" in summary and "(no report written)" in summary


# --- index pages -----------------------------------------------------------------------------

def _record(**kw) -> ReportRecord:
    base = dict(notebook="nb", title="Notebook", article=None, status="ok", duration=1.5, html="nb.html",
                ipynb="nb.ipynb")
    return ReportRecord(**{**base, **kw})


def _run(reports, **kw) -> RunResult:
    base = dict(name="samples", folder="/o/samples", corpus=("/d/<script>alert(1)</script>",),
                started="2024-01-01T00:00:00+00:00", duration=3.0, nlp_seconds=1.0,
                headline=Headline(11, 42, "<img src=x onerror=alert(1)>", -0.1234), reports=tuple(reports))
    return RunResult(**{**base, **kw})


def test_index_pages_escape_every_text():
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    run = _run([_record(title=evil, status="failed", error=f"ValueError: {evil}", html="nb.failed.html",
                        previous_html="nb.html"),
                _record(article=evil, article_title=evil, headline=Headline(1, 2, evil, 0.5),
                        html="articles/x/nb.html")],
               parameters={"since": evil}, problems=(f"/d/{evil}.txt: error: binary file",), per_article=True)
    for page in (index_page([run]), run_page(run)):
        assert_no_raw_markup(page, "index")
        assert ESCAPED in page
    page = index_page([run])
    assert "42" in page and fmt_polarity(-0.1234) == "-0.123" and "-0.123" in page
    assert 'href="samples/nb.failed.html"' in page and 'href="samples/nb.html">last good report' in page


def test_manifest_round_trip():
    run = _run([_record(status="failed", error="E: x", previous_html="nb.html"),
                _record(article="a1", headline=Headline(1, 0, None, None), article_title="T")],
               parameters={"top_n": 3, "kinds": ["a"]}, rejected=1, problems=("p: error: x",))
    assert RunResult.from_json(json.loads(json.dumps(run.to_json()))) == run
    assert run.exit_code == 3 and run.status == "failed"
    with pytest.raises(ValueError):
        RunResult.from_json({"name": "x"})


def test_index_lists_unreadable_runs(tmp_path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "run.json").write_text("{not json")
    page = report.rebuild_index(tmp_path).read_text()
    assert "bad: unreadable run.json" in page and "0 runs" in page


# --- real batches (papermill, real kernels) --------------------------------------------------

@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """One real batch: 3 sample articles + one with script text + one binary file; the test notebook
    per article (failing on one article) and a notebook that raises; 2 kernels at a time."""
    tmp = tmp_path_factory.mktemp("batch")
    code_before = _package_code()
    corpus = make_corpus(tmp / "corpus")
    cache = tmp / "cache"
    tables = analyse(corpus, cache_dir=cache, progress=False)  # warm the cache, as the batch will
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*")}
    result = report.run_reports(corpus, out=tmp / "out", notebooks=[str(OVERVIEW), str(BROKEN)], per_article=True,
                                jobs=2, parameters={"fail_on": SAMPLE_IDS[1], "top_n": "4"}, cache_dir=cache,
                                progress=False)
    after = {p: p.stat().st_mtime_ns for p in cache.rglob("*")}
    return {"result": result, "tables": tables, "out": tmp / "out", "run": tmp / "out" / "corpus",
            "cache_before": before, "cache_after": after, "code_changed": _package_code() != code_before}


def _package_code() -> str:
    """A hash of the package's code (part of the NLP cache key)."""
    h = hashlib.sha256()
    for path in sorted((ROOT / "analysis").rglob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()


@pytest.mark.slow
def test_batch_statuses_and_failure_isolation(batch):
    result = batch["result"]
    by_key = {(r.notebook, r.article): r for r in result.reports}
    assert len(result.reports) == 2 + 2 * 4
    assert by_key[("overview", None)].ok
    broken = by_key[("broken", None)]
    assert not broken.ok and broken.error == "ZeroDivisionError: division by zero"
    failing = by_key[("overview", SAMPLE_IDS[1])]
    assert not failing.ok and failing.error.startswith("AssertionError: asked to fail on")
    others = [r for (nb, a), r in by_key.items() if nb == "overview" and a not in (None, SAMPLE_IDS[1])]
    assert len(others) == 3 and all(r.ok for r in others)
    assert result.exit_code == 3 and result.rejected == 1
    assert any("zz_broken.txt" in p and "binary" in p for p in result.problems)


@pytest.mark.slow
def test_batch_files(batch):
    run = batch["run"]
    for name in ("overview.html", "overview.ipynb", "broken.failed.html", "broken.failed.ipynb", "run.log",
                 "run.json", "index.html", f"articles/{EVIL_ID}/overview.html",
                 f"articles/{SAMPLE_IDS[1]}/overview.failed.html"):
        assert (run / name).is_file(), name
    assert not (run / "broken.html").exists()  # a failed report never takes the good name
    for table in batch["tables"].names:
        for fmt in ("csv", "parquet"):
            assert (run / "tables" / f"{table}.{fmt}").is_file()
    assert (batch["out"] / "index.html").is_file()
    leftovers = [p.name for p in run.rglob("*") if p.name.startswith(".") and p.name != ".lock" or p.suffix == ".tmp"]
    assert leftovers == []
    log = (run / "run.log").read_text()
    assert "broken: FAILED" in log and f"overview [{EVIL_ID}]: ok" in log
    partial = nbformat.read(run / "broken.failed.ipynb", as_version=4)
    outputs = [o for c in partial.cells if c.cell_type == "code" for o in c.outputs]
    assert any("articles: 4" in o.get("text", "") for o in outputs)  # ran up to the failing cell


@pytest.mark.slow
def test_batch_html_headings_numbers_and_offline(batch):
    tables, run = batch["tables"], batch["run"]
    page = (run / "overview.html").read_text()
    for heading in ("Corpus overview", "Counts", "Articles", "Polarity by article", "Quotations", "Top entities"):
        assert re.search(rf"<h[12][^>]*>{re.escape(heading)}<", page), heading
    assert f"articles: {len(tables.articles)}; quotations: {len(tables.quotes)}" in page
    assert "data:image/png;base64," in page and 'alt="Chart: Polarity by article"' in page
    assert "tables.articles.set_index" not in page  # code hidden by default
    for path in html_files(batch["out"]):
        text = path.read_text()
        # nothing is loaded from the network (a link to an article's own URL is a link, not a resource)
        assert not re.search(r"""(?:\bsrc=|<link\b[^>]*\bhref=|\bimport\b[^;]*)["']?(?:https?:)?//""", text), \
            f"network resource in {path}"
    index = (batch["out"] / "index.html").read_text()
    ents = tables.entities
    top = min(ents.loc[ents["mentions"] == ents["mentions"].max(), "entity"])
    for number in (str(len(tables.articles)), str(len(tables.quotes)), html.escape(top),
                   fmt_polarity(tables.articles["polarity"].mean())):
        assert f"<dd>{number}</dd>" in index, number
    assert "ZeroDivisionError: division by zero" in index and 'href="corpus/broken.failed.html"' in index
    assert SAMPLE_IDS[1] in index  # the failed article report is listed on the main index too


@pytest.mark.slow
def test_batch_escapes_article_markup_everywhere(batch):
    pages = html_files(batch["out"])
    readers = len(batch["tables"].articles) + 1  # a reader page per article, and their contents
    assert len(pages) == 2 + 2 * 4 + 2 + readers  # reports, the run's index, the main index, the reader
    for path in pages:
        assert_no_raw_markup(path.read_text(), str(path))
    evil_report = (batch["run"] / "articles" / EVIL_ID / "overview.html").read_text()
    assert ESCAPED in evil_report and "alert(3)" in evil_report  # the quotation is shown, escaped
    assert ESCAPED in (batch["run"] / "index.html").read_text()


@pytest.mark.slow
def test_batch_runs_the_nlp_pass_once(batch):
    if batch["code_changed"]:
        pytest.skip("the package's code was edited while the batch ran, so the cache key changed")
    before, after = batch["cache_before"], batch["cache_after"]
    assert before
    new = sorted(str(p) for p in set(after) - set(before))
    assert after == before, f"the kernels wrote to the NLP cache (a changed pipeline version?): {new[:3]}"


@pytest.mark.slow
def test_rerun_keeps_the_good_report_and_is_idempotent(tmp_path):
    corpus = make_corpus(tmp_path / "one", SAMPLE_IDS[:1], evil=False, broken=False)
    kw = dict(out=tmp_path / "out", notebooks=[str(OVERVIEW)], cache_dir=tmp_path / "cache", progress=False)
    first = report.run_reports(corpus, **kw)
    run = tmp_path / "out" / "one"
    assert first.exit_code == 0
    files = sorted(p.relative_to(run) for p in run.rglob("*") if p.is_file())
    good = (run / "overview.html").read_bytes()

    failed = report.run_reports(corpus, parameters={"fail_on": "*"}, show_code=True, **kw)
    assert failed.exit_code == 3 and failed.reports[0].previous_html == "overview.html"
    assert (run / "overview.html").read_bytes() == good and (run / "overview.ipynb").is_file()
    partial = html.unescape(re.sub(r"<[^>]+>", "", (run / "overview.failed.html").read_text()))
    assert "asked to fail on" in partial and "assert fail_on not in" in partial  # --show-code shows code
    index = (tmp_path / "out" / "index.html").read_text()
    assert "last good report" in index and "asked to fail on" in index

    again = report.run_reports(corpus, **kw)
    assert again.exit_code == 0
    assert sorted(p.relative_to(run) for p in run.rglob("*") if p.is_file()) == files
    assert "last good report" not in (tmp_path / "out" / "index.html").read_text()


@pytest.mark.slow
def test_cli_report_exit_status_2_when_inputs_are_rejected(tmp_path):
    corpus = make_corpus(tmp_path / "c", SAMPLE_IDS[:1], evil=False, broken=True)
    env = {**os.environ, "NEWSLENS_CACHE": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-m", "analysis", "report", str(corpus), "--out", str(tmp_path / "out"),
                          "--notebooks", str(OVERVIEW), "-q"], capture_output=True, text=True, cwd=ROOT,
                         env=env, timeout=600)
    assert out.returncode == 2, out.stderr
    assert "zz_broken.txt" in out.stderr and "binary" in out.stderr
    assert "c: 1 reports, 0 failed, 1 inputs rejected" in out.stdout
    assert (tmp_path / "out" / "c" / "overview.html").is_file()


# --- the project's notebooks, when they exist ---------------------------------------------------

REAL = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


@pytest.mark.slow
@pytest.mark.skipif(not REAL, reason="no notebooks in notebooks/ yet")
def test_real_notebooks_batch_over_the_samples(tmp_path):
    corpus = tmp_path / "samples"
    shutil.copytree(SAMPLES_DIR, corpus)
    (corpus / f"{EVIL_ID}.txt").write_text(EVIL, encoding="utf-8")
    result = report.run_reports(corpus, out=tmp_path / "out", jobs=2, cache_dir=tmp_path / "cache", progress=False)
    assert [r.error for r in result.reports if not r.ok] == []
    assert {r.notebook for r in result.reports} == {p.stem for p in REAL}
    for path in REAL:
        page = (tmp_path / "out" / "samples" / f"{path.stem}.html").read_text()
        nb = nbformat.read(path, as_version=4)
        headings = [h for c in nb.cells if c.cell_type == "markdown"
                    for h in re.findall(r"^#{1,3}\s+(.+?)\s*$", c.source, flags=re.M)]
        assert headings, f"{path.name} has no headings"
        text = html.unescape(re.sub(r"<[^>]+>", "", page))
        for heading in headings:
            assert re.sub(r"[*_`]", "", heading) in text, (path.name, heading)
        assert "data:image/png;base64," in page, f"{path.name}: no chart"
        assert "Traceback" not in page
    for page in html_files(tmp_path / "out"):
        assert_no_raw_markup(page.read_text(), str(page))


@pytest.mark.slow
@pytest.mark.skipif(not REAL, reason="no notebooks in notebooks/ yet")
def test_real_notebooks_over_a_store_aggregate_in_duckdb(tmp_path, monkeypatch):
    from analysis.store import process

    corpus = tmp_path / "samples"
    shutil.copytree(SAMPLES_DIR, corpus)
    (corpus / f"{EVIL_ID}.txt").write_text(EVIL, encoding="utf-8")
    process(corpus, store=tmp_path / "store", workers=0, progress=False)
    monkeypatch.setenv("NEWSLENS_STORE_MAX_ROWS", "0")  # kernels inherit it: reading sentences etc. fails
    result = report.run_reports(tmp_path / "store", out=tmp_path / "out", jobs=2, progress=False,
                                parameters={"since": "2024-11-01"})
    assert [r.error for r in result.reports if not r.ok] == []
    assert result.headline.articles == len(analyse(tmp_path / "store").filter(since="2024-11-01").articles)
    tables = tmp_path / "out" / "store" / "tables"
    assert sorted(p.name for p in tables.iterdir()) == sorted(
        [f"{n}.{f}" for n in ("articles", "quotes", "entities", "cooccurrence") for f in ("csv", "parquet")]
        + ["README.txt"])
    for page in html_files(tmp_path / "out"):
        assert_no_raw_markup(page.read_text(), str(page))
        assert "Traceback" not in page.read_text()


@pytest.mark.slow
@pytest.mark.skipif(not REAL, reason="no notebooks in notebooks/ yet")
@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_real_notebook_runs_top_to_bottom_with_its_defaults(path, tmp_path):
    import tempfile

    from analysis.report.kernel import execute, kernel_manager_class

    params = notebook_parameters(path)
    assert params["corpus"].default == "data/samples"
    for name in ("article", "aliases", "since", "until"):
        assert name in params, f"{path.name} lacks the {name!r} parameter"
    with tempfile.TemporaryDirectory(prefix="nlk") as sockets:  # IPC socket paths must be short
        km = kernel_manager_class(env=report_batch.kernel_env(tmp_path / "cache"), sockets_dir=Path(sockets))
        outcome = execute(path, tmp_path / "out.ipynb", {}, cwd=path.parent, km_class=km)  # as JupyterLab would
    assert outcome.ok, outcome.error
    executed = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    assert all(c.execution_count for c in executed.cells if c.cell_type == "code")  # every cell ran
    assert not [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code" and c.outputs], \
        f"{path.name} is committed with outputs"
