"""Tests for analysis.corpus: the seed, folder/glob walking, every bad input, dates, ids, the frame and
streaming (each input format: tests/test_corpus_formats.py)."""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pandas as pd
import pytest

from analysis.config import SAMPLES_DIR
from analysis.corpus import Corpus, read_corpus, stream_corpus
from tests.corpus_files import FIXTURES, SEED_CANDIDATES, SEED_NAME, only, write

# --------------------------------------------------------------------------- seed


def test_seed_article() -> None:
    seed = next((p for p in SEED_CANDIDATES if p.exists()), None)
    if seed is None:
        pytest.skip("seed article not available")
    before = (seed.read_bytes(), seed.stat().st_mtime_ns)
    corpus = read_corpus(seed)
    art = only(corpus)
    assert corpus.problems == ()
    assert art.id == "000_7363fc605d1a34bd"
    assert art.title == "Kazakh leader shares views on ending hostilities in Ukraine in talk with Trump"
    assert len(art.paragraphs) == 9
    assert art.authors == ("Tamilla Hasanova",)
    content = seed.read_text(encoding="utf-8")
    assert art.text == content[: content.index("\nBy Tamilla Hasanova")]
    assert art.encoding == "utf-8" and art.path == str(seed) and art.line is None
    assert art.published is None
    assert (seed.read_bytes(), seed.stat().st_mtime_ns) == before


# --------------------------------------------------------------------------- folders and globs


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    write(tmp_path / "b.txt", "B\nb.\n")
    write(tmp_path / "a.md", "# A\na.\n")
    write(tmp_path / "README.md", "# Readme\nnot an article\n")
    write(tmp_path / ".hidden.txt", "Hidden\nh.\n")
    write(tmp_path / ".git" / "x.txt", "Git\ng.\n")
    write(tmp_path / "notes.docx", b"PK\x03\x04")
    write(tmp_path / "sub" / "c.txt", "C\nc.\n")
    write(tmp_path / "sub" / "deeper" / "d.jsonl", '{"title": "D", "text": "d."}\n')
    return tmp_path


def test_folder_recursive(tree: Path) -> None:
    corpus = read_corpus(tree)
    assert [a.title for a in corpus] == ["A", "B", "C", "D"]
    assert [a.path for a in corpus] == [str(tree / "a.md"), str(tree / "b.txt"), str(tree / "sub" / "c.txt"),
                                        str(tree / "sub" / "deeper" / "d.jsonl")]
    (warning,) = corpus.problems
    assert warning.severity == "warning" and warning.path == str(tree / "notes.docx")
    assert "unknown file extension" in warning.message


def test_folder_not_recursive(tree: Path) -> None:
    assert [a.title for a in read_corpus(str(tree), recursive=False)] == ["A", "B"]


@pytest.mark.parametrize(
    ("pattern", "titles", "recursive"),
    [
        ("*.txt", ["B"], True),
        ("**/*.txt", ["B", "C"], True),
        ("**", ["A", "B", "C", "D"], True),
        ("*", ["A", "B", "C", "D"], True),
        ("*", ["A", "B", "C"], False),  # a matched folder is read at its top level only
        ("sub/*/*.jsonl", ["D"], True),
    ],
)
def test_glob(tree: Path, pattern: str, titles: list[str], recursive: bool) -> None:
    corpus = read_corpus(str(tree / pattern), recursive=recursive)
    assert sorted(a.title for a in corpus) == titles
    assert not corpus.errors
    assert len({a.id for a in corpus}) == len(corpus)


def test_several_inputs_and_same_file_twice(tree: Path) -> None:
    corpus = read_corpus([tree / "b.txt", str(tree / "sub"), tree / "b.txt"])
    assert [a.title for a in corpus] == ["B", "C", "D"]
    assert corpus.problems == ()


def test_glob_without_match(tmp_path: Path) -> None:
    corpus = read_corpus(str(tmp_path / "*.txt"))
    assert len(corpus) == 0 and "no files match" in corpus.errors[0].message


# --------------------------------------------------------------------------- bad inputs


CP1252 = "Café “quoted” news\nThe résumé — naïve.\n"


@pytest.mark.parametrize(
    ("name", "content", "severity", "fragment"),
    [
        ("empty.txt", b"", "error", "empty file"),
        ("blank.txt", b"  \n\t\n\n", "error", "blank file"),
        ("blank.jsonl", b"\n\n", "error", "blank file"),
        ("nul.txt", b"Headline\n\x00\x01\x02binary", "error", "binary file"),
        ("noise.txt", bytes(range(1, 9)) * 200, "error", "binary file"),
        ("front_only.md", b"---\ntitle:\n---\n\n", "error", "empty article"),
        ("picture.png", b"\x89PNG\r\n", "error", "unknown file extension '.png'"),
        ("noext", b"Headline\nBody\n", "error", "unknown file extension '(none)'"),
    ],
)
def test_rejected_files(tmp_path: Path, name: str, content: bytes, severity: str, fragment: str) -> None:
    path = write(tmp_path / name, content)
    corpus = read_corpus(path)
    assert len(corpus) == 0
    (problem,) = corpus.problems
    assert (problem.path, problem.severity) == (str(path), severity)
    assert fragment in problem.message


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        (CP1252.encode("cp1252"), "cp1252"),
        ("Caf\x81 headline\nBody é.\n".encode("latin-1"), "latin-1"),  # 0x81 is undefined in cp1252
    ],
)
def test_not_utf8_is_decoded_with_warning(tmp_path: Path, content: bytes, encoding: str) -> None:
    corpus = read_corpus(write(tmp_path / "legacy.txt", content))
    art = only(corpus)
    assert art.encoding == encoding
    assert art.text + "\n" == content.decode(encoding)
    (warning,) = corpus.problems
    assert warning.severity == "warning" and warning.message == f"not UTF-8; decoded as {encoding}"


def test_cp1252_smart_quotes(tmp_path: Path) -> None:
    raw = b"\x93Quoted\x94 caf\xe9\nBody.\n"
    art = only(read_corpus(write(tmp_path / "q.txt", raw)))
    assert art.title == "“Quoted” café"


@pytest.mark.parametrize("bom_encoding", ["utf-8-sig", "utf-16"])
def test_bom(tmp_path: Path, bom_encoding: str) -> None:
    corpus = read_corpus(write(tmp_path / "bom.txt", "---\nid: x\n---\nTitle é\nBody.\n", bom_encoding))
    art = only(corpus)
    assert (art.id, art.title, corpus.problems) == ("x", "Title é", ())


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "gone.txt"
    corpus = read_corpus([missing, write(tmp_path / "ok.txt", "OK\nfine.\n")])
    assert [a.title for a in corpus] == ["OK"]
    (problem,) = corpus.errors
    assert problem.path == str(missing) and str(missing) in str(problem)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-01", pd.Timestamp("2024-05-01", tz="UTC")),
        ("2024-05-01 10:00", pd.Timestamp("2024-05-01 10:00", tz="UTC")),
        ("2024-05-01T10:00:00+02:00", pd.Timestamp("2024-05-01T08:00:00", tz="UTC")),
        ("May 1, 2024", pd.Timestamp("2024-05-01", tz="UTC")),
        ("", None),
        (None, None),
    ],
)
def test_published(tmp_path: Path, value: str | None, expected: pd.Timestamp | None) -> None:
    corpus = read_corpus(write(tmp_path / "d.jsonl", json.dumps({"text": "T\nP", "published": value})))
    art = only(corpus)
    assert corpus.problems == ()
    assert art.published == expected
    if expected is not None:
        assert art.published.tzinfo is not None


@pytest.mark.parametrize("value", ["not a date", "2024-13-45", "yesterday", "today"])
def test_unparseable_date(tmp_path: Path, value: str) -> None:
    path = write(tmp_path / "d.jsonl", json.dumps({"text": "T\nP", "date": value}))
    corpus = read_corpus(path)
    assert only(corpus).published is None
    (warning,) = corpus.problems
    assert (warning.severity, warning.line) == ("warning", 1) and "unparseable date" in warning.message


def test_duplicate_ids(tmp_path: Path) -> None:
    first = write(tmp_path / "one" / "story.txt", "One\n1.\n")
    second = write(tmp_path / "two" / "story.txt", "Two\n2.\n")
    third = write(tmp_path / "three.jsonl", '{"id": "story", "text": "Three\\n3."}\n')
    corpus = read_corpus([first, second, third])
    assert [a.id for a in corpus] == ["story", "story-2", "story-3"]
    assert [a.title for a in corpus] == ["One", "Two", "Three"]
    problems = corpus.errors
    assert len(problems) == 2
    assert problems[0].path == str(second) and str(first) in problems[0].message
    assert "'story-2'" in problems[0].message
    assert problems[1].line == 1 and "'story-3'" in problems[1].message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a b/c\\d", "a_b_c_d"),
        ("..hidden", "hidden"),
        ("...", "article"),
        ("ünï", "_n_"),
        ("x" * 200, "x" * 120),
        ("ok-1.2_3", "ok-1.2_3"),
    ],
)
def test_id_sanitising(tmp_path: Path, raw: str, expected: str) -> None:
    art = only(read_corpus(write(tmp_path / "i.jsonl", json.dumps({"id": raw, "text": "T\nP"}))))
    assert art.id == expected


def test_problems_are_logged_and_good_articles_kept(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    write(tmp_path / "good.txt", "Good\nbody.\n")
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "legacy.txt", CP1252.encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="analysis.corpus"):
        corpus = read_corpus(tmp_path)
    assert [a.title for a in corpus] == ["Good", "Café “quoted” news"]
    logged = [r.getMessage() for r in caplog.records if r.name == "analysis.corpus"]
    assert logged == [str(p) for p in corpus.problems] and len(logged) == 2


def test_inputs_are_not_modified(tmp_path: Path) -> None:
    files = {
        "a.txt": "---\ntitle: A\n---\nA\nbody\nBy Jane Doe\n",
        "b.jsonl": '{"text": "B\\nP"}\nbroken\n',
        "c.csv": "title,text\nC,P\n",
        "d.json": '[{"title": "D", "text": "P"}]',
        "e.txt": CP1252.encode("cp1252"),
        "f.txt": b"\x00\x01",
        "g.txt": b"",
        "h.xyz": b"?",
    }
    for name, content in files.items():
        write(tmp_path / name, content)
    os.utime(tmp_path / "a.txt", ns=(1_000_000_000, 1_000_000_000))
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in tmp_path.iterdir()}
    corpus = read_corpus([tmp_path, tmp_path / "a.txt", str(tmp_path / "*")])
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in tmp_path.iterdir()}
    assert after == before
    assert [a.title for a in corpus] == ["A", "B", "C", "D", "Café “quoted” news"]


# --------------------------------------------------------------------------- frame


def test_to_frame(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "---\npublished: 2024-05-01T12:00:00+02:00\nauthors: [A B, C D]\n---\nA\n1.\n2.\n")
    write(tmp_path / "b.jsonl", '{"title": "B", "text": "x"}\n')
    frame = read_corpus(tmp_path).to_frame()
    assert list(frame.columns) == ["article_id", "title", "source", "url", "published", "authors", "path", "line",
                                   "encoding", "n_paragraphs"]
    assert isinstance(frame["published"].dtype, pd.DatetimeTZDtype) and str(frame["published"].dt.tz) == "UTC"
    assert frame["published"].iloc[0] == pd.Timestamp("2024-05-01T10:00:00", tz="UTC")
    assert pd.isna(frame["published"].iloc[1])
    assert frame["authors"].tolist() == ["A B; C D", ""]
    assert frame["line"].tolist()[1] == 1 and pd.isna(frame["line"].iloc[0])
    assert frame["n_paragraphs"].tolist() == [2, 1]
    assert frame["article_id"].tolist() == ["a", "b-1"]


def test_to_frame_empty() -> None:
    frame = Corpus().to_frame()
    assert len(frame) == 0 and "published" in frame and isinstance(frame["published"].dtype, pd.DatetimeTZDtype)


def test_stream_corpus_reads_what_read_corpus_reads_one_file_at_a_time(tmp_path):
    write(tmp_path / "bad.jsonl", '{"id": "j1", "text": "One line of text."}\n{broken\n')
    write(tmp_path / "dup.txt", (SAMPLES_DIR / SEED_NAME).read_text(encoding="utf-8"))
    inputs = [str(SAMPLES_DIR), str(FIXTURES), str(tmp_path), str(SAMPLES_DIR / "*.txt"), "no/such"]
    chunks = list(stream_corpus(inputs))
    whole = read_corpus(inputs)
    assert [a for c in chunks for a in c.articles] == list(whole.articles)
    assert sorted(map(str, (p for c in chunks for p in c.problems))) == sorted(map(str, whole.problems))
    assert chunks[0].problems and not chunks[0].articles  # the missing input, before any file
    assert max(len({a.path for a in c.articles}) for c in chunks) == 1
