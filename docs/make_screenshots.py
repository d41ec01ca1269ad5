"""Screenshots of the reports for the README (docs/img/*.png), taken in headless Chromium.

Run after ``make report`` (the bundled samples): ``.venv/bin/python docs/make_screenshots.py``.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import Browser  # noqa: E402

RUN = ROOT / "outputs" / "samples"
IMG = ROOT / "docs" / "img"


def shot(page, name: str, *, top: str | None = None, height: int | None = None) -> None:
    if top:
        page.js(f"window.scrollTo(0, document.getElementById({top!r}).getBoundingClientRect().top"
                " + window.scrollY - 8)")
    time.sleep(0.4)
    path = IMG / f"{name}.png"
    page.screenshot(path)
    print(path)


def main() -> None:
    IMG.mkdir(parents=True, exist_ok=True)
    with Browser() as browser:
        page = browser.page(width=1280, height=1000)
        page.open((RUN / "quote_timeline.html").as_uri())
        page.wait_for("document.querySelectorAll('div.dt-container').length > 0")
        box = page.js("""(() => { window.scrollTo(0, document.querySelector('svg.nl-hover').getBoundingClientRect().top
            + window.scrollY - 120); const items = [...document.querySelectorAll('svg.nl-hover .nl-item')];
            const el = items[Math.floor(items.length * 0.55)]; const r = el.getBoundingClientRect();
            return [r.x + r.width / 2, r.y + r.height / 2]; })()""")
        page.mouse("mouseMoved", *box)
        page.wait_for("!document.querySelector('.nl-tip').hidden")
        shot(page, "quote_timeline")
        page.mouse("mouseMoved", 5, 5)
        page.js("(() => { const t = $(document.querySelector('table.nl-keyed')).DataTable(); "
                "t.search('Tokayev').draw(); return 0; })()")
        shot(page, "quote_table", top="Every-quotation")
        page.open((RUN / "read" / "2024-11-28_daily_meridian_putin_astana.html").as_uri()
                  + "#2024-11-28_daily_meridian_putin_astana:0")
        page.js("window.scrollTo(0, 0)")
        shot(page, "reader")
        page.open((RUN / "sentiment.html").as_uri())
        page.wait_for("document.querySelectorAll('div.dt-container').length > 0")
        shot(page, "sentiment", top="The-most-positive-and-most-negative-sentences,-and-why")
        page.open((RUN / "entity_frequency.html").as_uri())
        page.wait_for("document.querySelectorAll('div.dt-container').length > 0")
        shot(page, "entity_frequency", top="Keyword-in-context")
        page = browser.page(width=1280, height=440)
        page.open((ROOT / "outputs" / "index.html").as_uri())
        shot(page, "index")


if __name__ == "__main__":
    main()
