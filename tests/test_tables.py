"""Report tables, hover charts and the article reader, without a browser: formatting, escaping, links."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.config import SAMPLES_DIR  # noqa: E402
from analysis.pipeline import analyse  # noqa: E402
from analysis.plots import hover, listings  # noqa: E402
from analysis.plots import quotes as charts  # noqa: E402
from analysis.plots.links import reader_href  # noqa: E402
from analysis.plots.tables import esc, fmt_date, fmt_number, fmt_polarity  # noqa: E402
from analysis.quotes import quote_numbers, quote_rows  # noqa: E402
from analysis.quotes.table import described_source  # noqa: E402
from analysis.report.reader import Span, article_page, highlight  # noqa: E402

ATTACK = '<script>window.__pwned=1</script><img src=x onerror="alert(1)">'


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return analyse(SAMPLES_DIR, cache_dir=tmp_path_factory.mktemp("tables-cache"), progress=False)


def test_cells_are_formatted_and_never_nat_none_or_scientific():
    assert fmt_date(pd.Timestamp("2024-10-14 13:30", tz="UTC")) == "2024-10-14 13:30"
    assert fmt_date(pd.Timestamp("2025-03-15 01:05", tz="UTC")) == "2025-03-15 01:05"
    assert fmt_date(pd.Timestamp("2025-03-14", tz="UTC")) == "2025-03-14"
    assert "undated" in fmt_date(pd.NaT) and "NaT" not in fmt_date(pd.NaT)
    assert (fmt_polarity(0.0), fmt_polarity(0.125), fmt_polarity(-0.2), fmt_polarity(None)) == \
        ("0.000", "+0.125", "-0.200", "")
    assert fmt_number(1234) == "1,234" and fmt_number(float("nan")) == ""
    assert esc(None) == esc(np.nan) == esc(pd.NaT) == ""
    assert esc(np.array(["A & B", "C"])) == "A &amp; B; C" and esc(["x"]) == "x"
    assert "<" not in esc(ATTACK) and "&lt;script&gt;" in esc(ATTACK)


def test_the_quote_table_has_every_quotation_numbered_once_and_linked(samples):
    rows = quote_rows(samples.quotes)
    assert len(rows) == len(samples.quotes) and rows["speaker"].isna().any()
    assert rows["n"].tolist() == list(range(1, len(rows) + 1))
    table = listings.quotes_table(rows, articles=samples.articles, reader="read/")
    assert len(table) == len(rows) and list(table.frame.columns)[0] == "#"
    first = rows.iloc[0]
    assert f'href="read/{first.article_id}.html#{first.quote_id}"' in table.frame.iloc[0]["Quotation"]
    assert table.keys == rows["quote_id"].tolist()
    tokayev = quote_rows(samples.quotes, speakers=["Kassym-Jomart Tokayev"])
    assert set(tokayev["n"]) <= set(rows["n"]) and tokayev["n"].tolist() == sorted(tokayev["n"])
    assert quote_numbers(samples.quotes) == dict(zip(rows["quote_id"], rows["n"], strict=True))
    html = table.html()
    assert "Quotation" in html and "maxBytes" not in html and "downsampl" not in html.lower()


def test_a_huge_quote_table_embeds_the_first_rows_and_says_where_the_rest_are(samples, monkeypatch):
    monkeypatch.setattr(listings, "MAX_ROWS", 5)
    table = listings.quotes_table(quote_rows(samples.quotes), reader="")
    assert len(table) == 5 and "tables/quotes.csv" in table.caption


def test_frame_tables_hide_offsets_escape_text_and_link_the_right_place():
    frame = pd.DataFrame({"article_id": ["a1"], "sentence_id": [3], "start": [10], "text": [ATTACK * 3],
                          "polarity": [0.0], "published": [pd.NaT], "sources": [np.array(["X", "Y"])]})
    table = listings.frame_table(frame, reader="../../read/", articles=pd.DataFrame(
        {"article_id": ["a1"], "title": ["Headline <b>"]}))
    assert list(table.frame.columns) == ["#", "Article", "Text", "Polarity", "Date", "Outlets"]
    row = table.frame.iloc[0]
    assert row["Article"] == '<a href="../../read/a1.html#s3">Headline &lt;b&gt;</a>'
    assert "<script" not in row["Text"] and row["Polarity"] == "0.000" and row["Outlets"] == "X; Y"
    assert reader_href("", "a1") is None


def test_hover_charts_carry_escaped_tooltips_and_links(samples):
    rows = quote_rows(samples.quotes)
    fig = charts.timeline(rows, top_n=3, reader="read/")
    assert hover.has_items(fig)
    svg = hover.svg(fig)
    assert svg.count("<title>") == svg.count('class="nl-item"') > 0
    assert 'href="read/' in svg and "<script" not in svg.replace("<style>", "")
    plain = charts.leaderboard(pd.DataFrame())  # a chart without items stays a plain PNG figure
    assert not hover.has_items(plain)


def test_highlight_nests_marks_and_mentions_and_escapes():
    text = 'He said "<b>Tokayev</b> is here" and Putin agreed.'
    spans = [Span(9, 31, "a:0", "quote", {"id": "a:0"}, before="<sup>1</sup>"),
             Span(12, 22, "m1", "mention", {"class": "m"}), Span(27, 40, "m2", "mention", {"class": "m"})]
    out = highlight(text, 0, spans, {0: '<span id="s0"></span>'})
    assert out.startswith('<span id="s0"></span>He said &quot;<sup>1</sup><mark id="a:0">&lt;b&gt;')
    assert out.count("<mark") == 1 and out.count("</mark>") == 1 and out.count('<span class="m">') == 3
    assert "<b>" not in out


def test_an_article_page_marks_each_quotation_in_its_speakers_colour(samples):
    aid = "2024-11-28_daily_meridian_putin_astana"
    quotes = samples.quotes[samples.quotes["article_id"] == aid]
    page = article_page(samples.articles.set_index("article_id").loc[aid].to_dict() | {"article_id": aid},
                        samples.paragraphs[samples.paragraphs["article_id"] == aid], quotes,
                        samples.mentions[samples.mentions["article_id"] == aid],
                        numbers=quote_numbers(samples.quotes), back="../quote_timeline.html")
    for qid in quotes["quote_id"]:
        assert f'id="{qid}"' in page and f'href="../quote_timeline.html#{qid}"' in page
    colours = {s: page.split(f"{s} (")[0].rsplit("background:", 1)[1][:7] for s in quotes["speaker"].dropna().unique()}
    assert len(set(colours.values())) == len(colours)  # one colour per speaker in an article
    assert "<script" not in page and 'rel="noopener noreferrer nofollow"' in page


def test_a_javascript_url_is_not_a_link():
    page = article_page({"article_id": "x", "title": "T", "url": "javascript:alert(1)", "published": None},
                        pd.DataFrame({"paragraph": [0], "start": [0], "text": ["T"]}),
                        pd.DataFrame(columns=["quote_id", "start", "end", "speaker", "kind", "cue"]),
                        pd.DataFrame(columns=["start", "end", "entity", "label", "text"]))
    assert 'href="javascript' not in page and "javascript:alert(1)" in page


@pytest.mark.parametrize(("speaker", "unnamed", "shown"), [
    ("TransLink", "a spokesperson for TransLink", "TransLink (a spokesperson for TransLink)"),
    ("Jim Eglinski", None, "Jim Eglinski"),
    ("Jim Eglinski", np.nan, "Jim Eglinski"),
    (None, "police", "unnamed: police"),
    (np.nan, "two committee aides", "unnamed: two committee aides"),
    (None, None, "unattributed"),
    ("", "", "unattributed"),
])
def test_a_quotation_is_shown_from_its_speaker_or_its_described_source(speaker, unnamed, shown):
    assert described_source(speaker, unnamed) == shown


def test_the_quote_table_and_the_reader_name_an_unnamed_source_instead_of_unattributed(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "bridge.txt").write_text(
        "Harbour bridge to stay closed through the weekend\n\n"
        "The Lions Gate crossing will not reopen before Monday, police said on Friday.\n\n"
        "\"Nobody should try to drive across it,\" a spokesperson for TransLink said.\n", encoding="utf-8")
    tables = analyse(folder, cache_dir=tmp_path / "cache", progress=False)
    rows = quote_rows(tables.quotes)
    by_source = dict(zip(rows["unnamed_source"], rows["speaker"], strict=True))
    assert by_source.get("police") is None or pd.isna(by_source["police"])
    assert by_source["a spokesperson for TransLink"] == "TransLink"
    cells = listings.quotes_table(rows, reader="").frame["Speaker"].tolist()
    assert '<span class="nl-muted">unnamed: police</span>' in cells
    assert 'TransLink <span class="nl-muted">(a spokesperson for TransLink)</span>' in cells
    assert "unattributed" not in " ".join(cells)
    page = article_page(tables.articles.iloc[0].to_dict(), tables.paragraphs, tables.quotes, tables.mentions,
                        numbers=quote_numbers(tables.quotes))
    assert 'title="unnamed: police · indirect' in page
