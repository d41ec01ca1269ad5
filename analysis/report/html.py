"""HTML for the report runner: notebooks rendered by nbconvert, and the index pages.

Every report is one self-contained file: CSS inline, charts embedded (inline SVG with
tooltips, or PNG data URIs), the DataTables library of the interactive tables embedded
from the itables wheel, the report's own small script (:mod:`analysis.report.page`), and
no script or stylesheet fetched from the network (the lab template's require.js, MathJax
and Mermaid loaders are left out). Every piece of text that
comes from data (ids, titles, paths, parameters, error messages) is escaped here;
notebook outputs are escaped by their producers (pandas escapes DataFrame cells).
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

from analysis.report.page import CSS as PAGE_CSS
from analysis.report.page import SCRIPT
from analysis.report.records import Headline, ReportRecord, RunResult

#: Marks the index pages this package writes (and may overwrite).
GENERATOR = '<meta name="generator" content="newslens report">'

__all__ = ["GENERATOR", "render_notebook", "report_banner", "index_page", "run_page", "notebook_title"]

_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}<style type="text/css">{{ resources.newslens_css }}</style>{%- endblock extra_css -%}
{%- block body_header -%}{{ super() }}{{ resources.newslens_banner }}{%- endblock body_header -%}
{%- block footer_js -%}{{ super() }}<script>{{ resources.newslens_script }}</script>{%- endblock footer_js -%}
{% block data_png scoped %}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}"
 alt="{{ ((output | get_metadata('alt', 'image/png')) or 'Chart') | escape_html }}"
{%- set width=output | get_metadata('width', 'image/png') -%}
{%- if width is not none %} width={{ width | escape_html }}{%- endif %}
{%- set height=output | get_metadata('height', 'image/png') -%}
{%- if height is not none %} height={{ height | escape_html }}{%- endif %}>
</div>
{%- endblock data_png %}
"""

_BANNER_CSS = """
.newslens-banner { font: 14px/1.5 system-ui, sans-serif; padding: 10px 16px; margin: 0 0 12px;
  background: #f3f5f8; border-bottom: 1px solid #d5dae1; }
.newslens-banner a { color: #1a5fb4; }
.newslens-banner code { background: #e6e9ee; padding: 0 4px; border-radius: 3px; }
.newslens-failed { font: 15px/1.5 system-ui, sans-serif; color: #8b0000; background: #fde8e8;
  border: 1px solid #e0a0a0; padding: 10px 16px; margin: 0 0 12px; }
"""

_PAGE_CSS = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; margin: 0 auto;
  max-width: 1100px; padding: 16px 24px 48px; }
h1 { font-size: 28px; margin: 8px 0 4px; } h2 { font-size: 21px; margin: 32px 0 6px; }
a { color: #1a5fb4; } code { background: #eef0f4; padding: 0 4px; border-radius: 3px; font-size: 13px; }
.meta { color: #5a6475; margin: 2px 0 10px; }
.headline { display: flex; gap: 12px; flex-wrap: wrap; margin: 10px 0 14px; padding: 0; }
.headline div { background: #f3f5f8; border: 1px solid #dde2ea; border-radius: 6px; padding: 6px 14px; }
.headline dt { font-size: 12px; color: #5a6475; text-transform: uppercase; letter-spacing: .04em; }
.headline dd { margin: 0; font-size: 20px; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e3e6ec; vertical-align: top; }
th { background: #f3f5f8; font-weight: 600; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 13px; font-weight: 600; }
.badge.ok { background: #dff3e4; color: #1b6b34; } .badge.failed { background: #fde0e0; color: #a00000; }
.badge.problems { background: #fff1cc; color: #7a5a00; }
tr.failed td { background: #fff6f6; } .error { color: #a00000; font-family: ui-monospace, monospace;
  font-size: 13px; white-space: pre-wrap; word-break: break-word; margin-top: 4px; }
ul.problems { color: #7a5a00; }
"""


def esc(value: Any) -> str:
    """HTML-escaped text of any value (quotes included)."""
    return html.escape("" if value is None else str(value), quote=True)


def href(path: str) -> str:
    """A relative link to a file path: each segment percent-encoded, then HTML-escaped."""
    return esc("/".join(quote(part) for part in path.split("/")))


def notebook_title(nb, default: str) -> str:
    """The first H1 of a notebook's markdown cells, or ``default``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#\s+(.+?)\s*#*\s*$", cell.source, flags=re.M)
            if match:
                return match.group(1)
    return default


def render_notebook(nb, *, title: str, banner: str, show_code: bool = False) -> str:
    """An executed notebook as one offline-readable HTML page.

    Args:
        nb: The executed notebook (``nbformat`` node).
        title: The page title (escaped here).
        banner: HTML shown above the notebook (already escaped by :func:`report_banner`).
        show_code: Show code cells; by default only their outputs are shown.
    """
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab", extra_loaders=[DictLoader({"newslens.html.j2": _TEMPLATE})],
        template_file="newslens.html.j2", exclude_input=not show_code, exclude_input_prompt=not show_code,
        exclude_output_prompt=True, embed_images=True,
    )
    nb = _with_alt_text(nb)
    nb.metadata["title"] = title  # the template escapes the <title>
    body, _ = exporter.from_notebook_node(nb, resources={
        "metadata": {"name": title}, "newslens_banner": banner, "newslens_css": _BANNER_CSS + PAGE_CSS,
        "newslens_script": SCRIPT})
    return body


def _with_alt_text(nb):
    """A copy of ``nb`` whose charts have alt text: the markdown heading above them."""
    import copy

    nb = copy.deepcopy(nb)
    heading = ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found = re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", cell.source, flags=re.M)
            heading = found[-1] if found else heading
        for output in cell.get("outputs", []):
            if "image/png" in output.get("data", {}):
                meta = output.setdefault("metadata", {}).setdefault("image/png", {})
                meta.setdefault("alt", f"Chart: {heading}" if heading else "Chart")
    return nb


def report_banner(*, run: str, index_href: str, corpus: Iterable[str], article: str | None,
                  parameters: Mapping[str, Any], generated: str, error: str | None) -> str:
    """The escaped header of a report: where it comes from, and its failure if any."""
    reader = index_href[:-len("index.html")] + "read/index.html"
    parts = [f'<a href="{href(index_href)}">&larr; all reports</a>', f'<a href="{href(reader)}">articles</a>',
             f"run <b>{esc(run)}</b>",
             "corpus " + ", ".join(f"<code>{esc(c)}</code>" for c in corpus)]
    if article:
        parts.append(f"article <code>{esc(article)}</code>")
    shown = {k: v for k, v in parameters.items() if k not in ("corpus", "article", "reader")}
    if shown:
        parts.append("parameters " + ", ".join(f"<code>{esc(k)}={esc(repr(v))}</code>" for k, v in shown.items()))
    parts.append(f"generated {esc(generated)}")
    out = f'<nav class="newslens-banner">{" &middot; ".join(parts)}</nav>'
    if error:
        out += (f'<div class="newslens-failed"><b>This report failed</b> and is shown as far as it ran: '
                f"<code>{esc(error)}</code></div>")
    return out


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n{GENERATOR}\n'
            f"<title>{esc(title)}</title>\n"
            f"<style>{_PAGE_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _fmt_seconds(s: float) -> str:
    return f"{s:.1f} s" if s < 120 else f"{s / 60:.1f} min"


def fmt_polarity(p: float | None) -> str:
    """Polarity as shown in the indexes: signed, three decimals."""
    return "–" if p is None else f"{p:+.3f}"


def _headline(h: Headline, *, per_article: bool = False) -> str:
    items = [] if per_article else [("Articles", str(h.articles))]
    items += [("Quotations", str(h.quotations)), ("Top entity", h.top_entity or "–"),
              ("Mean polarity" if not per_article else "Polarity", fmt_polarity(h.mean_polarity))]
    return '<dl class="headline">' + "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>"
                                             for k, v in items) + "</dl>"


def _badge(status: str) -> str:
    return f'<span class="badge {esc(status)}">{esc(status)}</span>'


def _links(r: ReportRecord, prefix: str) -> str:
    links = []
    if r.html:
        links.append(f'<a href="{href(prefix + r.html)}">{"report" if r.ok else "partial report"}</a>')
    if r.ipynb:
        links.append(f'<a href="{href(prefix + r.ipynb)}">notebook</a>')
    if r.previous_html:
        links.append(f'<a href="{href(prefix + r.previous_html)}">last good report</a>')
    return " &middot; ".join(links)


def _report_rows(reports: Iterable[ReportRecord], prefix: str, *, with_article: bool) -> str:
    rows = []
    for r in reports:
        error = f'<div class="error">{esc(r.error)}</div>' if r.error else ""
        article = f"<td><code>{esc(r.article)}</code></td>" if with_article else ""
        rows.append(f'<tr class="{esc(r.status)}"><td>{esc(r.title)}</td>{article}<td>{_badge(r.status)}{error}</td>'
                    f'<td class="num">{esc(_fmt_seconds(r.duration))}</td><td>{_links(r, prefix)}</td></tr>')
    head = "<th>Report</th>" + ("<th>Article</th>" if with_article else "") + \
        "<th>Status</th><th>Duration</th><th>Files</th>"
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _run_section(run: RunResult, prefix: str, *, link_index: bool) -> str:
    title = f'<a href="{href(prefix + "index.html")}">{esc(run.name)}</a>' if link_index else esc(run.name)
    corpus = ", ".join(f"<code>{esc(c)}</code>" for c in run.corpus)
    params = ", ".join(f"<code>{esc(k)}={esc(repr(v))}</code>" for k, v in run.parameters.items())
    meta = (f'<p class="meta">corpus {corpus} &middot; started {esc(run.started)} &middot; '
            f"{esc(_fmt_seconds(run.duration))}" + (f" &middot; parameters {params}" if params else "") +
            f' &middot; <a href="{href(prefix + "run.log")}">log</a> &middot; '
            f'<a href="{href(prefix + "tables/")}">tables</a> &middot; '
            f'<a href="{href(prefix + "read/index.html")}">articles (reader)</a></p>')
    problems = f'<p class="meta"><b>Note:</b> {esc(run.note)}</p>' if run.note else ""
    if run.problems:
        problems += '<ul class="problems">' + "".join(f"<li>{esc(p)}</li>" for p in run.problems) + "</ul>"
    corpus_reports = [r for r in run.reports if r.article is None]
    out = [f'<section class="run" id="run-{esc(run.name)}"><h2>{title} {_badge(run.status)}</h2>', meta,
           _headline(run.headline), problems, _report_rows(corpus_reports, prefix, with_article=False)]
    per_article = [r for r in run.reports if r.article is not None]
    if per_article and link_index:
        failed = [r for r in per_article if not r.ok]
        out.append(f'<p class="meta">{len(per_article)} per-article reports, {len(failed)} failed: '
                   f'see <a href="{href(prefix + "index.html")}">the run&rsquo;s index</a>.</p>')
        if failed:
            out.append(_report_rows(failed, prefix, with_article=True))
    elif per_article:
        out.append(_article_table(per_article))
    out.append("</section>")
    return "\n".join(out)


def _article_table(reports: list[ReportRecord]) -> str:
    notebooks = list(dict.fromkeys(r.notebook for r in reports))
    titles = {r.notebook: r.title for r in reports}
    by_article: dict[str, dict[str, ReportRecord]] = {}
    for r in reports:
        by_article.setdefault(r.article, {})[r.notebook] = r
    head = ("<th>Article</th><th>Quotations</th><th>Top entity</th><th>Polarity</th>"
            + "".join(f"<th>{esc(titles[n])}</th>" for n in notebooks))
    rows = []
    for article, recs in by_article.items():
        first = next(iter(recs.values()))
        h = first.headline or Headline(1, 0, None, None)
        cells = []
        for n in notebooks:
            r = recs.get(n)
            if r is None:
                cells.append("<td></td>")
                continue
            error = f'<div class="error">{esc(r.error)}</div>' if r.error else ""
            cells.append(f"<td>{_badge(r.status)} {_links(r, '')}{error}</td>")
        failed = any(not r.ok for r in recs.values())
        rows.append(f'<tr class="{"failed" if failed else "ok"}"><td><code>{esc(article)}</code><br>'
                    f"{esc(first.article_title or '')}</td><td class=\"num\">{h.quotations}</td>"
                    f"<td>{esc(h.top_entity or '–')}</td><td class=\"num\">{esc(fmt_polarity(h.mean_polarity))}</td>"
                    + "".join(cells) + "</tr>")
    return (f"<h3>Per-article reports</h3><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def index_page(runs: Iterable[RunResult], *, unreadable: Iterable[str] = ()) -> str:
    """``outputs/index.html``: every run found in the output folder, newest first."""
    runs = sorted(runs, key=lambda r: r.started, reverse=True)
    body = ["<h1>newslens reports</h1>",
            f'<p class="meta">{len(runs)} run{"s" if len(runs) != 1 else ""}. Each report is one HTML file '
            "that reads offline; the executed notebooks and the tables (CSV, Parquet) are beside it.</p>"]
    if not runs:
        body.append("<p>No reports yet: run <code>make report</code>.</p>")
    body += [_run_section(r, f"{r.name}/", link_index=True) for r in runs]
    bad = list(unreadable)
    if bad:
        body.append('<h2>Unreadable runs</h2><ul class="problems">'
                    + "".join(f"<li>{esc(b)}</li>" for b in bad) + "</ul>")
    return _page("newslens reports", "\n".join(body))


def run_page(run: RunResult) -> str:
    """``outputs/<run>/index.html``: one run, with every per-article report."""
    body = [f'<p class="meta"><a href="../index.html">&larr; all runs</a></p><h1>{esc(run.name)}</h1>',
            _run_section(run, "", link_index=False)]
    return _page(f"newslens: {run.name}", "\n".join(body))
