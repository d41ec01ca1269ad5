"""The HTML reports in a real browser: headless Chromium (Debian's package), started by these tests.

One report batch over three sample articles and a hostile one (markup and script in its headline,
text, quotations, outlet and URL) is opened in Chromium. Each report must load its interactive
tables offline with no JavaScript error and no script from article text running; the quote table is
searched; a quotation link opens the article reader at its highlighted ``<mark>``; the mark's link
goes back to the table row; a timeline marker shows its quotation on hover.

Chromium comes from ``apt-get install chromium`` (``.ci/run`` installs it). Without it these tests
are skipped on a developer's machine and fail in CI (``CI`` set).
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from analysis.config import SAMPLES_DIR
from analysis.report import run_reports
from tests.browser import Browser, find_chromium

pytestmark = pytest.mark.slow

SAMPLES = ["2024-11-15_steppe_media_tokayev_trump_call", "2024-11-28_daily_meridian_putin_astana",
           "000_7363fc605d1a34bd"]
HOSTILE_ID = "2024-12-01_hostile"
HOSTILE = """---
id: 2024-12-01_hostile
published: 2024-12-01T09:00:00+05:00
source: <img src=x onerror="window.__pwned='source'">Steppe Wire
url: javascript:window.__pwned='url'
---
Minister calls <script>window.__pwned='headline'</script> plan "fine" <img src=x onerror="window.__pwned='img'">
The minister told reporters on Monday: "We will not accept <script>window.__pwned='quote'</script> in Astana." \
Officials in Kazakhstan agreed.
"Nobody here wants <img src=x onerror=\"window.__pwned='quote2'\"> pipelines," President Kassym-Jomart Tokayev said.
Critics said the plan </script><svg onload="window.__pwned='svg'"> was a failure.
"""


@pytest.fixture(scope="module")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI: .ci/run installs it (apt-get install -y chromium)")
        pytest.skip("Chromium not installed (apt-get install -y chromium)")
    return path


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """One report batch (the three notebooks) over the hostile corpus."""
    corpus = tmp_path_factory.mktemp("browser-corpus") / "hostile"
    corpus.mkdir()
    for name in SAMPLES:
        shutil.copy(SAMPLES_DIR / f"{name}.txt", corpus / f"{name}.txt")
    (corpus / f"{HOSTILE_ID}.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path_factory.mktemp("browser-out")
    result = run_reports(corpus, out=out, jobs=2, progress=False, cache_dir=tmp_path_factory.mktemp("browser-cache"))
    assert [r.status for r in result.reports] == ["ok"] * 3, [r.error for r in result.reports]
    return Path(result.folder)


@pytest.fixture(scope="module")
def browser(chromium):
    with Browser(executable=chromium) as b:
        yield b


def open_report(browser, path: Path, *, height: int = 900):
    page = browser.page(height=height)
    page.open(path.as_uri())
    page.wait_for("document.querySelectorAll('table.dataTable').length > 0 || "
                  "document.querySelectorAll('table').length === 0")
    return page


def assert_nothing_ran(page, where: str) -> None:
    assert page.js("window.__pwned === undefined"), f"{where}: a script from the article ran: " \
                                                     f"{page.js('String(window.__pwned)')}"
    assert page.dialogs() == [], f"{where}: a dialog opened"
    assert page.errors() == [], f"{where}: JavaScript errors {page.errors()}"


@pytest.mark.parametrize("report", ["quote_timeline", "sentiment", "entity_frequency"])
def test_each_report_loads_its_tables_offline_and_runs_no_article_script(run, browser, report):
    page = open_report(browser, run / f"{report}.html")
    time.sleep(0.5)  # let every table initialise
    tables = page.js("document.querySelectorAll('div.dt-container').length")
    loading = page.js("[...document.querySelectorAll('table')].filter(t => !t.hidden && "
                      "t.textContent.includes('Loading ITables')).length")
    assert tables >= 1 and loading == 0
    long_ones = page.js("[...document.querySelectorAll('table.nl-table')].filter(t => t.id && "
                        "$(t).DataTable().rows().count() > $(t).DataTable().page.len()).length")
    assert page.js("document.querySelectorAll('.dt-search input').length") >= long_ones  # a long table is searchable
    assert_nothing_ran(page, report)
    text = page.js("document.body.innerText")
    for shown in ("NaT", "None", "e+00", "1 articles", "article(s)"):
        assert shown not in text, f"{report} shows {shown!r}"


def test_the_quote_table_lists_every_quotation_and_searches(run, browser):
    import pandas as pd

    quotes = pd.read_parquet(run / "tables" / "quotes.parquet")
    page = open_report(browser, run / "quote_timeline.html")
    table = "document.querySelector('table.nl-keyed')"
    total = page.js(f"$({table}).DataTable().rows().count()")
    assert total == len(quotes) and quotes["speaker"].isna().any()  # unattributed ones included
    page.click("#" + page.js(f"$({table}).closest('div.dt-container').find('.dt-search input').attr('id')"))
    page.type("Astana")
    page.wait_for(f"$({table}).DataTable().rows({{search: 'applied'}}).count() < {total}")
    shown = page.js(f"$({table}).DataTable().rows({{search: 'applied'}}).data().toArray().map(r => r.join(' '))")
    assert shown and all("astana" in row.lower() for row in shown)
    assert_nothing_ran(page, "quote table search")


def test_a_quotation_link_opens_its_highlighted_span_and_leads_back(run, browser):
    page = open_report(browser, run / "quote_timeline.html")
    table = "document.querySelector('table.nl-keyed')"
    page.js(f"$({table}).DataTable().search('will not accept').draw(), 0")
    page.wait_for(f"$({table}).DataTable().rows({{search: 'applied'}}).count() === 1")
    quote_id = page.js(f"$({table}).DataTable().rows({{search: 'applied'}}).data()[0].slice(-1)[0]")
    words = page.js(f"{table}.querySelector('tbody td.nl-wide a').textContent")
    assert "<script>" in words  # shown as text
    page.click("table.nl-keyed tbody td.nl-wide a")
    page.wait_for("document.readyState === 'complete' && location.pathname.includes('/read/')")
    target = page.wait_for("document.querySelector(':target') && "
                           "[document.querySelector(':target').tagName, document.querySelector(':target').id]")
    assert target == ["MARK", quote_id]
    assert page.js("document.querySelector(':target').textContent") in words
    assert page.js("getComputedStyle(document.querySelector(':target')).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert_nothing_ran(page, "reader page")
    assert "<script>" in page.js("document.querySelector('h1').textContent")
    assert page.js("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    page.click(f"a.n[href$='{quote_id}']")  # back to the row, on whatever page of the table it is
    page.wait_for("location.pathname.endsWith('quote_timeline.html') && document.readyState === 'complete'")
    row = page.wait_for("document.querySelector('tr.nl-target') && document.querySelector('tr.nl-target').innerText")
    assert "will not accept" in row


def test_a_link_back_to_a_row_on_a_later_page_turns_to_that_page(run, browser):
    page = open_report(browser, run / "quote_timeline.html")
    last = page.js("(() => { const api = $(document.querySelector('table.nl-keyed')).DataTable();"
                   " const d = api.rows({order: 'current'}).data().toArray();"
                   " return d[d.length - 1].slice(-1)[0]; })()")
    page.call("Page.navigate", {"url": (run / "quote_timeline.html").as_uri() + "#" + last})
    row = page.wait_for("document.querySelector('tr.nl-target') && document.querySelector('tr.nl-target').rowIndex")
    assert row >= 1
    assert page.js("$(document.querySelector('table.nl-keyed')).DataTable().page()") > 0


def test_hovering_a_timeline_marker_shows_its_quotation(run, browser):
    page = open_report(browser, run / "quote_timeline.html")
    box = page.js("""(() => { const el = document.querySelector('svg.nl-hover .nl-item');
                  el.scrollIntoView({block: 'center'}); const r = el.getBoundingClientRect();
                  return [r.x + r.width / 2, r.y + r.height / 2]; })()""")
    tip = page.js("document.querySelector('svg.nl-hover .nl-item').getAttribute('data-tip')")
    page.mouse("mouseMoved", *box)
    shown = page.wait_for("!document.querySelector('.nl-tip').hidden && document.querySelector('.nl-tip').textContent")
    assert shown == tip and "·" in tip and "“" in tip  # speaker · outlet · date, then the words
    href = page.js("document.querySelector('svg.nl-hover a.nl-item').getAttribute('href')")
    assert href.startswith("read/") and "#" in href


def test_every_reader_page_is_escaped_and_runs_nothing(run, browser):
    pages = sorted((run / "read").glob("*.html"))
    assert len(pages) == 4 + 1  # an article each, and the contents
    for path in pages:
        page = browser.page()
        page.open(path.as_uri())
        assert_nothing_ran(page, path.name)
        assert page.js("document.querySelectorAll('script').length") == 0
    hostile = (run / "read" / f"{HOSTILE_ID}.html").read_text(encoding="utf-8")
    assert "<script>window" not in hostile and "<img src=x" not in hostile and "<svg onload" not in hostile
