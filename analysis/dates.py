"""Publication dates from what an article carries: page metadata and datelines.

An HTML page states its date in its metadata, with its time zone; :func:`html_date`
reads the common forms in this order:

1. ``<meta property="article:published_time">`` (Open Graph; also ``og:published_time``),
2. JSON-LD ``datePublished`` (any object, inside ``@graph`` or a list too),
3. microdata ``itemprop="datePublished"`` (``content`` or ``datetime``),
4. Dublin Core ``dc.date``, ``dc.date.issued``, ``dcterms.issued``, ``dcterms.created``, ``dcterms.date``,
5. other ``<meta>`` names: ``pubdate``, ``publish-date``, ``date``, ``parsely-pub-date``, ``sailthru.date``,
   ``citation_publication_date``,
6. ``<time datetime>`` with a ``pubdate`` attribute or inside ``<article>``.

Text has datelines: ``MILLBROOK, Ohio, March 10 (AP) —``, ``LONDON, 10 March 2025 (Reuters) -``;
:func:`dateline` reads them at the start of the first paragraph. A dateline without a year takes it
from ``year`` (the caller's best guess: the URL, the other articles).
"""
from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass

import pandas as pd

__all__ = ["FoundDate", "html_date", "dateline", "parse_date", "url_year", "year_near", "undated_note", "HOW_TO_DATE"]


@dataclass(frozen=True)
class FoundDate:
    """A date found in an article.

    Attributes:
        value: The text as found (``2025-03-14T18:05-07:00``, ``March 10``).
        source: Where: ``article:published_time``, ``JSON-LD datePublished``, ``dateline``, ...
        timestamp: Timezone-aware time (UTC when the text has no zone), or None when unparseable.
    """

    value: str
    source: str
    timestamp: pd.Timestamp | None


_META_PROPS = ("article:published_time", "og:published_time", "og:article:published_time")
_DC_NAMES = ("dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created", "dcterms.date", "dc.date.created")
_OTHER_NAMES = ("pubdate", "publish-date", "publish_date", "publishdate", "date", "parsely-pub-date",
                "sailthru.date", "citation_publication_date", "article.published", "datepublished")


def parse_date(value: object) -> pd.Timestamp | None:
    """A timezone-aware Timestamp (naive means UTC) of an ISO or common date text, or None."""
    if value is None:
        return None
    text = str(value).strip()
    if not text or not any(c.isdigit() for c in text):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ts = pd.Timestamp(text)
    except (ValueError, TypeError, OverflowError):
        return None
    if pd.isna(ts):
        return None
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts


def _jsonld_dates(data: object) -> list[str]:
    """Every ``datePublished`` in a JSON-LD value, articles first."""
    found: list[tuple[int, str]] = []

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                kind = node.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                found.append((0 if any(isinstance(k, str) and k.endswith("Article") for k in kinds) else 1, value))
            for key, item in node.items():
                if key != "datePublished":
                    walk(item)

    walk(data)
    return [v for _, v in sorted(found, key=lambda p: p[0])]


def html_date(page: str) -> FoundDate | None:
    """The publication date stated in an HTML page's metadata, or None."""
    import lxml.html

    try:
        doc = lxml.html.document_fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return None
    candidates: list[tuple[str, str]] = []
    metas = [(m.get("property") or m.get("name") or m.get("itemprop") or "", m.get("content") or "")
             for m in doc.iter("meta")]
    lowered = [(k.strip().lower(), v) for k, v in metas if v.strip()]
    for prop in _META_PROPS:
        candidates += [(prop, v) for k, v in lowered if k == prop]
    for script in doc.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null", strict=False)
        except ValueError:
            continue
        candidates += [("JSON-LD datePublished", v) for v in _jsonld_dates(data)]
    for el in doc.xpath('//*[@itemprop="datePublished"]'):
        value = el.get("content") or el.get("datetime") or el.text_content()
        if value and value.strip():
            candidates.append(("itemprop datePublished", value))
    for name in _DC_NAMES + _OTHER_NAMES:
        candidates += [(name, v) for k, v in lowered if k == name]
    for el in doc.xpath("//time[@datetime and (@pubdate or ancestor::article)]"):
        candidates.append(("<time datetime>", el.get("datetime")))
    for source, value in candidates:
        ts = parse_date(value)
        if ts is not None:
            return FoundDate(value.strip(), source, ts)
    return None


_MONTHS = {m: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for m in names}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
         r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_PLACE = r"(?P<place>[A-Z][A-Z'.\-]+(?:[ \-][A-Z][A-Z'.\-]+)*)(?:,\s+[A-Z][A-Za-z.\- ]{1,30}?)?"
_DATELINE = re.compile(
    rf"^\s*{_PLACE},\s+(?:{_MONTH}\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')})"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\s*(?:\((?P<agency>[^()]{1,40})\))?\s*[-\u2013\u2014:]")


def dateline(paragraph: str, *, year: int | None = None) -> FoundDate | None:
    """The date of a dateline at the start of ``paragraph`` (``CITY, Month D[, YYYY] (AGENCY) —``).

    Args:
        paragraph: The article's first paragraph after the headline.
        year: The year for a dateline without one; without it such a dateline gives ``timestamp`` None.

    Returns:
        The date (midnight UTC of that day), or None when the paragraph has no dated dateline.
    """
    match = _DATELINE.match(paragraph or "")
    if not match:
        return None
    month = _MONTHS[(match["month"] or match["month2"]).lower().rstrip(".")]
    day = int(match["day"] or match["day2"])
    value = match.group(0).strip().rstrip("-\u2013\u2014:").strip()
    found_year = int(match["year"]) if match["year"] else year
    if found_year is None:
        return FoundDate(value, "dateline (no year)", None)
    try:
        ts = pd.Timestamp(year=found_year, month=month, day=day, tz="UTC")
    except ValueError:
        return None
    return FoundDate(value, "dateline", ts)


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/\-](0[1-9]|1[0-2])(?:[/\-]|$)")


def url_year(url: str | None) -> int | None:
    """The year of a ``/YYYY/MM/`` path in a URL, or None."""
    match = _URL_DATE.search(url or "")
    return int(match.group(1)) if match else None


def year_near(dates: list[pd.Timestamp]) -> int | None:
    """The year to give a yearless dateline: the median year of the other articles' dates, or None."""
    years = sorted(d.year for d in dates if d is not None)
    return years[len(years) // 2] if years else None


#: How to date an article, by input format (said wherever undated articles are counted).
HOW_TO_DATE = ("give it a `published:` line in its front matter (`.txt`, `.md`), a `published` or `date` field "
               "or column (`.jsonl`, `.json`, `.csv`) or an `article:published_time` meta tag (`.html`); "
               "a dateline such as `LONDON, March 10, 2025 (Reuters) -` at the start of the text works too")


def undated_note(articles: pd.DataFrame) -> str:
    """One sentence on the articles without a date (they leave the time charts), and how to date them;
    "" when every article has a date."""
    if articles is None or not len(articles) or "published" not in articles:
        return ""
    undated = int(pd.to_datetime(articles["published"], utc=True).isna().sum())
    if not undated:
        return ""
    total = len(articles)
    which = "It has" if total == 1 else f"All {total} articles have" if undated == total else \
        f"{undated} of {total} articles {'has' if undated == 1 else 'have'}"
    ids = articles.loc[pd.to_datetime(articles["published"], utc=True).isna(), "article_id"].astype(str).tolist()
    shown = ", ".join(f"`{i}`" for i in ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    return (f"{which} no publication date ({shown}), so the charts over time leave "
            f"{'it' if undated == 1 else 'them'} out. To date an article, {HOW_TO_DATE}.")
