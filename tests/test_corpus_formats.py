"""Tests for analysis.corpus.formats: text and Markdown files, JSON/JSONL and CSV records, HTML pages."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import read_corpus
from tests.corpus_files import FIXTURES, only, write

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
