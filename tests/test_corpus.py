"""Tests for analysis.corpus: every input format, folder/glob walking and every bad input."""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pandas as pd
import pytest

from analysis.config import SAMPLES_DIR
from analysis.corpus import Article, Corpus, read_corpus, stream_corpus

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
    return [str(p) for p in corpus.problems if severity is None or p.severity == severity]


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


# --------------------------------------------------------------------------- text files


@pytest.mark.parametrize(
    ("name", "content", "title", "paragraphs"),
    [
        ("lines.txt", "Headline\nFirst para.\nSecond para.\n", "Headline", ("First para.", "Second para.")),
        ("spaces.txt", "\n\n  Headline  \n  First para.  \n", "Headline", ("First para.",)),
        ("crlf.txt", "Headline\r\nFirst para.\r\nSecond para.\r\n", "Headline", ("First para.", "Second para.")),
        (
            "blocks.txt",
            "Headline\n\nA hard-wrapped\nfirst paragraph.\n\n\nSecond\nparagraph.\n",
            "Headline",
            ("A hard-wrapped first paragraph.", "Second paragraph."),
        ),
        ("blank_lines.txt", "Headline\n\nOne.\n\nTwo.\n", "Headline", ("One.", "Two.")),
        ("headline_only.txt", "Just a headline\n", "Just a headline", ()),
        ("heading.md", "# Markdown headline\n\nBody *text*.\n", "Markdown headline", ("Body *text*.",)),
        (
            "unicode.txt",
            "Ünïcode “quotes”\nPara — dash\u2028kept.\n",
            "Ünïcode “quotes”",
            ("Para — dash\u2028kept.",),
        ),
    ],
)
def test_text_shapes(tmp_path: Path, name: str, content: str, title: str, paragraphs: tuple[str, ...]) -> None:
    corpus = read_corpus(write(tmp_path / name, content))
    art = only(corpus)
    assert (art.title, art.paragraphs) == (title, paragraphs)
    assert art.id == Path(name).stem and art.authors == ()
    assert corpus.problems == ()


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Jane Doe", ("Jane Doe",)),
        ("By Jane Doe and John Smith", ("Jane Doe", "John Smith")),
        ("By Jane Doe, John Smith and Ann Lee", ("Jane Doe", "John Smith", "Ann Lee")),
        ("By Jane Doe, John Smith, and Ann Lee", ("Jane Doe", "John Smith", "Ann Lee")),
        ("By Ludwig van Beethoven.", ("Ludwig van Beethoven",)),
        ("By Élodie Durand", ("Élodie Durand",)),
    ],
)
def test_byline_gives_authors(tmp_path: Path, byline: str, authors: tuple[str, ...]) -> None:
    art = only(read_corpus(write(tmp_path / "a.txt", f"Headline\nBody.\n{byline}\n")))
    assert art.authors == authors
    assert art.paragraphs == ("Body.",)


@pytest.mark.parametrize(
    "last",
    [
        "By the way, this is an ordinary sentence.",
        "By Jane Doe and John Smith and Ann Lee and Bob Stone",  # more than 8 words
        "by Jane Doe",
        "Bystanders were unhurt.",
    ],
)
def test_not_a_byline(tmp_path: Path, last: str) -> None:
    art = only(read_corpus(write(tmp_path / "a.txt", f"Headline\nBody.\n{last}\n")))
    assert art.authors == ()
    assert art.paragraphs == ("Body.", last)


@pytest.mark.parametrize(
    ("authors_yaml", "authors"),
    [
        ("authors: Jane Doe, John Smith", ("Jane Doe", "John Smith")),
        ("authors: Jane Doe and John Smith", ("Jane Doe", "John Smith")),
        ("authors: [Jane Doe, John Smith]", ("Jane Doe", "John Smith")),
        ("authors:\n  - Jane Doe\n  - John Smith", ("Jane Doe", "John Smith")),
        ("", ("Byline Person",)),
    ],
)
def test_front_matter(tmp_path: Path, authors_yaml: str, authors: tuple[str, ...]) -> None:
    text = (
        "---\nid: my story/1\ntitle: The Headline\npublished: 2024-05-01\nsource: Daily News\n"
        f"url: https://news.example/1\n{authors_yaml}\n---\nThe Headline\nBody one.\nBody two.\nBy Byline Person\n"
    )
    corpus = read_corpus(write(tmp_path / "fm.txt", text))
    art = only(corpus)
    assert corpus.problems == ()
    assert art.id == "my_story_1"
    assert art.title == "The Headline"  # not duplicated into the paragraphs
    assert art.paragraphs == ("Body one.", "Body two.")
    assert art.authors == authors
    assert (art.source, art.url) == ("Daily News", "https://news.example/1")
    assert art.published == pd.Timestamp("2024-05-01", tz="UTC")


@pytest.mark.parametrize(("raw", "expected"), [("0012", "0012"), ("2024_05", "2024_05"), ("'a b'", "a_b")])
def test_front_matter_id_kept_verbatim(tmp_path: Path, raw: str, expected: str) -> None:
    assert only(read_corpus(write(tmp_path / "x.txt", f"---\nid: {raw}\n---\nH\nP\n"))).id == expected


def test_front_matter_title_differs_from_first_line(tmp_path: Path) -> None:
    text = "---\ntitle: Official title\n---\nFirst line of the body.\nSecond line.\n"
    art = only(read_corpus(write(tmp_path / "x.md", text)))
    assert art.title == "Official title"
    assert art.paragraphs == ("First line of the body.", "Second line.")


def test_markdown_heading_equal_to_front_matter_title(tmp_path: Path) -> None:
    art = only(read_corpus(write(tmp_path / "x.md", "---\ntitle: Same\n---\n\n# Same\n\nBody.\n")))
    assert (art.title, art.paragraphs) == ("Same", ("Body.",))


def test_bad_front_matter_is_a_warning(tmp_path: Path) -> None:
    corpus = read_corpus(write(tmp_path / "x.txt", "---\ntitle: [unclosed\n---\nHeadline\nBody.\n"))
    assert only(corpus).title == "Headline"
    assert [p.severity for p in corpus.problems] == ["warning"]


# --------------------------------------------------------------------------- records


def test_jsonl(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "title": "Title A", "text": "Para 1.\nPara 2.", "date": "2024-01-02T03:04:05",
                    "source": "Wire", "url": "https://w.example/a", "author": "Jane Doe and John Smith"}),
        "",
        json.dumps({"headline": "Title B", "body": "Only para.", "authors": ["Ann Lee"]}),
        json.dumps({"content": "Headline from text\n\nFirst block\nwrapped.\n\nSecond block."}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    corpus = read_corpus(path)
    assert corpus.problems == ()
    a, b, c = corpus.articles
    assert (a.id, a.title, a.paragraphs, a.line) == ("a1", "Title A", ("Para 1.", "Para 2."), 1)
    assert a.authors == ("Jane Doe", "John Smith") and (a.source, a.url) == ("Wire", "https://w.example/a")
    assert a.published == pd.Timestamp("2024-01-02T03:04:05", tz="UTC")
    assert (b.id, b.title, b.paragraphs, b.authors, b.line) == ("feed-3", "Title B", ("Only para.",), ("Ann Lee",), 3)
    assert (c.id, c.title, c.paragraphs) == ("feed-4", "Headline from text", ("First block wrapped.", "Second block."))


def test_record_variants(tmp_path: Path) -> None:
    record = {"ID": "r", "Title": "T", "text": ["P1", "P2\n\nP3"], "source": {"id": "w", "name": "Wire"},
              "published": 1714557600, "author": "Jane Doe"}
    art = only(read_corpus(write(tmp_path / "r.jsonl", json.dumps(record))))
    assert (art.id, art.title, art.paragraphs, art.source) == ("r", "T", ("P1", "P2", "P3"), "Wire")
    assert art.published == pd.Timestamp("2024-05-01T10:00:00", tz="UTC")


def test_duplicate_ids_in_one_file(tmp_path: Path) -> None:
    path = write(tmp_path / "d.jsonl", '{"id": "x", "text": "A"}\n{"id": "x", "text": "B"}\n')
    corpus = read_corpus(path)
    assert [a.id for a in corpus] == ["x", "x-2"]
    (error,) = corpus.errors
    assert str(error).startswith(f"{path}:2: error: duplicate id 'x' (also at {path}:1)")


def test_jsonl_broken_line(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", '{"text": "T1\\nP1"}\n{"text": broken\n{"text": "T3\\nP3"}\n[1, 2]\n')
    corpus = read_corpus(path)
    assert [a.title for a in corpus] == ["T1", "T3"]
    assert [a.line for a in corpus] == [1, 3]
    errors = [str(e) for e in corpus.errors]
    assert len(errors) == 2
    assert errors[0].startswith(f"{path}:2: error: invalid JSON")
    assert errors[1].startswith(f"{path}:4: error: not a JSON object")


@pytest.mark.parametrize(
    ("data", "ids"),
    [
        ([{"id": 7, "title": "T", "text": "P"}, {"title": "U", "content": "Q"}], ["7", "arr-1"]),
        ({"title": "T", "body": "P"}, ["arr"]),
    ],
)
def test_json(tmp_path: Path, data: object, ids: list[str]) -> None:
    corpus = read_corpus(write(tmp_path / "arr.json", json.dumps(data)))
    assert corpus.problems == ()
    assert [a.id for a in corpus] == ids
    assert all(a.line is None and a.paragraphs for a in corpus)


def test_json_invalid_and_empty(tmp_path: Path) -> None:
    corpus = read_corpus([write(tmp_path / "bad.json", '[{"text": "x"},\n oops]'), write(tmp_path / "none.json", "[]")])
    assert len(corpus) == 0
    assert [(p.path, p.line, p.severity) for p in corpus.problems] == [
        (str(tmp_path / "bad.json"), 2, "error"),
        (str(tmp_path / "none.json"), None, "error"),
    ]
    assert "no articles" in corpus.problems[1].message


def test_csv(tmp_path: Path) -> None:
    content = (
        "id,title,text,published,source,authors\n"
        'c1,First,"Para one.\nPara two.",2024-02-03,Wire,Jane Doe; John Smith\n'
        "\n"
        ",Second,Only para.,,Wire,\n"
        'c3,Third,"",2024-02-03,Wire,\n'
    )
    path = write(tmp_path / "table.csv", content)
    corpus = read_corpus(path)
    first, second = corpus.articles
    assert (first.id, first.title, first.paragraphs, first.line) == ("c1", "First", ("Para one.", "Para two."), 2)
    assert first.authors == ("Jane Doe", "John Smith")
    assert first.published == pd.Timestamp("2024-02-03", tz="UTC")
    assert (second.id, second.line, second.published, second.authors) == ("table-5", 5, None, ())
    assert [str(e) for e in corpus.errors] == [f"{path}:6: error: empty or missing text"]


def test_csv_semicolon_and_headline(tmp_path: Path) -> None:
    art = only(read_corpus(write(tmp_path / "t.csv", "headline;content\nH;P1\n")))
    assert (art.title, art.paragraphs, art.line) == ("H", ("P1",), 2)


@pytest.mark.parametrize(
    ("name", "content", "listed"),
    [
        ("no_text.csv", "id,title,summary\n1,T,S\n", "id, title, summary"),
        ("no_text.json", '[{"id": 1, "title": "T"}, {"summary": "S"}]', "id, title, summary"),
        ("no_text.jsonl", '{"id": 1, "title": "T"}\n', "id, title"),
    ],
)
def test_records_without_text_field(tmp_path: Path, name: str, content: str, listed: str) -> None:
    corpus = read_corpus(write(tmp_path / name, content))
    assert len(corpus) == 0
    (problem,) = corpus.problems
    assert problem.severity == "error" and problem.message.endswith(f"it has: {listed}")


# --------------------------------------------------------------------------- html


def test_html_fixture() -> None:
    corpus = read_corpus(FIXTURES / "article.html")
    art = only(corpus)
    assert art.title == "Harbour reopens after storm repairs"
    assert len(art.paragraphs) == 3 and art.paragraphs[0].startswith("The town harbour reopened")
    assert not any("Copyright" in p or "Home" in p for p in art.paragraphs)
    assert art.authors == ("Maria Lopez",)
    assert art.source == "Coastal Times"
    assert art.url == "https://coastal.example/news/harbour-reopens"
    assert art.published == pd.Timestamp("2024-03-05T07:30:00", tz="UTC")
    assert art.id == "article"


def test_html_without_text(tmp_path: Path) -> None:
    html = "<html><head><script>var a = 1;</script></head><body></body></html>"
    corpus = read_corpus(write(tmp_path / "empty.htm", html))
    assert len(corpus) == 0 and len(corpus.errors) == 1


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
