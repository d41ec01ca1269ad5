"""Run names and file modes: a run never replaces another corpus's run; output files follow the umask."""
from __future__ import annotations

import json
import os
import stat

import pytest

from analysis.io import UMASK, write_text
from analysis.report import ReportError
from analysis.report.naming import check_name, choose_run


def make_run(folder, corpus, parameters=None):
    folder.mkdir(parents=True)
    (folder / "run.json").write_text(json.dumps({"corpus": corpus, "parameters": parameters or {}}))


def test_the_default_name_is_the_corpus_name(tmp_path):
    assert choose_run(tmp_path, "articles", ["/a/articles"], {}).name == "articles"


def test_a_rerun_of_the_same_corpus_and_parameters_replaces_it(tmp_path):
    make_run(tmp_path / "articles", ["/a/articles"], {"top_n": 5})
    assert choose_run(tmp_path, "articles", ["/a/articles"], {"top_n": 5}).name == "articles"


def test_another_corpus_with_the_same_folder_name_gets_a_new_name_and_a_note(tmp_path):
    make_run(tmp_path / "articles", ["/a/articles"])
    place = choose_run(tmp_path, "articles", ["/b/articles"], {})
    assert place.name == "articles-2" and "/a/articles" in place.note and "--name" in place.note
    make_run(tmp_path / "articles-2", ["/b/articles"])
    assert choose_run(tmp_path, "articles", ["/b/articles"], {}).name == "articles-2"  # its own rerun
    assert choose_run(tmp_path, "articles", ["/c/articles"], {}).name == "articles-3"


def test_other_parameters_replace_a_run_of_the_same_corpus_with_a_note(tmp_path):
    make_run(tmp_path / "samples", ["/s"], {"since": "2024-11-01"})
    place = choose_run(tmp_path, "samples", ["/s"], {})
    assert place.name == "samples" and "since='2024-11-01'" in place.note and "--name" in place.note
    assert choose_run(tmp_path, "samples", ["/s"], {"since": "2024-11-01"}).note == ""


def test_an_explicit_name_replaces_only_a_run_of_the_same_corpus(tmp_path):
    make_run(tmp_path / "mine", ["/a/articles"], {"top_n": 3})
    assert choose_run(tmp_path, "articles", ["/a/articles"], {}, name="mine").name == "mine"
    with pytest.raises(ReportError, match="another corpus"):
        choose_run(tmp_path, "articles", ["/b/articles"], {}, name="mine")


@pytest.mark.parametrize("bad", ["", "a/b", ".hidden", "two words", "index.html"])
def test_bad_names_are_refused(bad):
    with pytest.raises(ReportError):
        check_name(bad)


def test_written_files_follow_the_umask_not_0600(tmp_path):
    path = write_text(tmp_path / "run.json", "{}")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o666 & ~UMASK


@pytest.mark.slow
def test_a_speaker_nobody_is_refused_before_any_kernel_with_a_suggestion(tmp_path):
    import shutil

    from analysis.config import SAMPLES_DIR
    from analysis.report import ParameterError, run_reports

    corpus = tmp_path / "one"
    corpus.mkdir()
    shutil.copy(SAMPLES_DIR / "2024-11-15_steppe_media_tokayev_trump_call.txt", corpus)
    with pytest.raises(ParameterError, match="did you mean 'Kassym-Jomart Tokayev'"):
        run_reports(corpus, out=tmp_path / "out", notebooks=["quote_timeline"], parameters={"speakers": ["Tokaev"]},
                    cache_dir=tmp_path / "cache", progress=False)
    assert not list((tmp_path / "out").rglob("*.html"))  # no report was made
