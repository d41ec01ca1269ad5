"""Interactive tables for notebooks and reports: every row, sortable, searchable, paginated, offline.

:func:`table` turns a DataFrame into an :class:`InteractiveTable`, which a notebook displays as an
`itables <https://itables.org>`_ DataTable. The DataTables library comes from the itables wheel
(pinned in requirements.txt) and is embedded once per notebook (``connected=False``), so an HTML
report works offline from a file and the same tables work in JupyterLab. Nothing is truncated:
every row is in the table (``maxBytes=0``), long text wraps in a wide column.

Cells are formatted here, in Python, as escaped HTML: text is escaped with :func:`html.escape`
(DataTables would otherwise render article text as markup), dates read ``2024-10-14 13:30``,
polarity ``+0.125``, counts ``1,234``; a missing value is an empty cell (never ``NaT`` or
``None``). One row number (``#``) and no index. An optional hidden ``key`` column (a quotation id)
lets a link ``report.html#<key>`` open the page of the table that holds that row.
"""
from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["Col", "InteractiveTable", "table", "esc", "fmt_date", "fmt_polarity", "fmt_number", "fmt_text",
           "link", "KEY_CLASS", "PAGE_LENGTH"]

#: Class of tables that have a hidden last ``key`` column (for links to a row).
KEY_CLASS = "nl-keyed"
#: Rows per page by default.
PAGE_LENGTH = 10

_CSS = """
table.nl-table { width: 100% !important; table-layout: auto !important; }
table.nl-table th, table.nl-table td { text-align: left !important; vertical-align: top !important; }
table.nl-table td.nl-num, table.nl-table th.nl-num { text-align: right !important;
  font-variant-numeric: tabular-nums; white-space: nowrap; }
table.nl-table td.nl-wide { white-space: normal !important; line-height: 1.4; }
table.nl-table td.nl-nowrap { white-space: nowrap; }
table.nl-table td.nl-mid { min-width: 8em; white-space: normal !important; overflow-wrap: anywhere; }
table.nl-table thead th { white-space: normal; vertical-align: bottom !important; }
table.nl-table .nl-muted { color: #6b7280; font-style: italic; }
table.nl-table a { color: #1a5fb4; }
table.nl-table td.nl-wide a { color: #1d2330; text-decoration: underline dotted #8a8f99; text-underline-offset: 3px; }
table.nl-table td.nl-wide a:hover { color: #1a5fb4; text-decoration: underline solid; }
table.nl-table tr.nl-target td { background: #fff3bf !important; }
"""


def esc(value: object) -> str:
    """Escaped HTML text of a value; missing values (None, NaN, NaT) are ""."""
    if isinstance(value, (list, tuple, set, np.ndarray)):
        return html.escape("; ".join(str(v) for v in value), quote=True)
    if value is None or (not isinstance(value, dict) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def fmt_text(value: object) -> str:
    """Escaped text, whole."""
    return esc(value)


def fmt_date(value: object, *, missing: str = "undated") -> str:
    """``2024-10-14 13:30`` (UTC; ``2024-10-14`` at midnight), or ``missing`` in grey."""
    ts = pd.to_datetime(value, utc=True, errors="coerce") if value is not None else pd.NaT
    if pd.isna(ts):
        return f'<span class="nl-muted">{esc(missing)}</span>' if missing else ""
    return ts.strftime("%Y-%m-%d" if (ts.hour, ts.minute, ts.second) == (0, 0, 0) else "%Y-%m-%d %H:%M")


def fmt_polarity(value: object) -> str:
    """``+0.125``, ``-0.200``, ``0.000``; "" when missing."""
    number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
    if pd.isna(number):
        return ""
    return "0.000" if round(float(number), 3) == 0 else f"{float(number):+.3f}"


def fmt_number(value: object, *, digits: int = 0) -> str:
    """``1,234`` (or ``1,234.5`` with ``digits``); "" when missing."""
    number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
    if pd.isna(number):
        return ""
    return f"{float(number):,.{digits}f}"


def link(text: object, href: str | None, *, title: str | None = None) -> str:
    """``text`` (escaped) as a link to ``href`` (an already escaped URL), or plain when there is none."""
    body = esc(text)
    if not href:
        return body
    tip = f' title="{esc(title)}"' if title else ""
    return f'<a href="{href}"{tip}>{body}</a>'


@dataclass(frozen=True)
class Col:
    """One displayed column.

    Attributes:
        name: Column of the frame.
        title: Header text.
        kind: ``text`` (short), ``wide`` (long text, wraps), ``mid`` (names, wraps), ``date``,
            ``polarity``, ``number`` (counts), ``float`` (``digits`` decimals) or ``html`` (cells already
            escaped HTML).
        digits: Decimals of a ``float`` column.
    """

    name: str
    title: str | None = None
    kind: str = "text"
    digits: int = 2

    def cell(self, value: object) -> str:
        """The escaped HTML of one cell."""
        if self.kind == "html":
            return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
        if self.kind == "date":
            return fmt_date(value)
        if self.kind == "polarity":
            return fmt_polarity(value)
        if self.kind == "number":
            return fmt_number(value)
        if self.kind == "float":
            return fmt_number(value, digits=self.digits)
        return fmt_text(value)

    @property
    def width(self) -> str | None:
        """The column's width (a long text column takes a third of the table, and what is left)."""
        if self.name == "#":
            return "2.5em"
        if self.name == "article_id" and self.kind == "mid":
            return "13em"
        return {"date": "9.5em", "polarity": "6em", "number": "4.5em", "float": "5em", "mid": "9em",
                "text": "6em", "wide": "36%"}.get(self.kind)

    @property
    def css(self) -> str:
        return {"wide": "nl-wide", "mid": "nl-mid", "date": "nl-nowrap", "polarity": "nl-num", "number": "nl-num",
                "float": "nl-num"}.get(self.kind, "")


@dataclass
class InteractiveTable:
    """A table a notebook shows with DataTables (and, without JavaScript, as a plain preview).

    Attributes:
        frame: One column per displayed column, every cell escaped HTML.
        columns: The displayed columns (their kinds give the cell classes).
        caption: Text above the table, or "".
        keys: Row keys for links (a hidden last column), or None.
        page_length: Rows per page.
        order: DataTables' initial order: ``[[column index, "asc" | "desc"]]``.
        scroll: Scroll sideways inside the table (many columns) instead of widening the page.
    """

    frame: pd.DataFrame
    columns: list[Col]
    caption: str = ""
    keys: list[str] | None = None
    page_length: int = PAGE_LENGTH
    order: list[list[Any]] = field(default_factory=list)
    scroll: bool = False

    def __len__(self) -> int:
        return len(self.frame)

    def html(self) -> str:
        """The table's HTML: DataTables' offline loader (once per kernel) and the table."""
        from itables import to_html_datatable

        frame = self.frame.copy()
        defs: list[dict[str, Any]] = []
        for i, col in enumerate(self.columns):
            spec: dict[str, Any] = {"targets": i}
            if col.css:
                spec["className"] = col.css
            if col.width:
                spec["width"] = col.width
            if len(spec) > 1:
                defs.append(spec)
        classes = "display compact nl-table" + (f" {KEY_CLASS}" if self.keys is not None else "")
        if self.keys is not None:
            frame["key"] = [esc(k) for k in self.keys]
            defs.append({"targets": len(self.columns), "visible": False, "searchable": True})
        options: dict[str, Any] = {
            "allow_html": True, "maxBytes": 0, "maxColumns": 0, "showIndex": False, "classes": classes,
            "columnDefs": defs, "pageLength": self.page_length, "lengthMenu": [10, 25, 50, 100, 500],
            "order": self.order, "autoWidth": False, "css": _CSS, "connected": False, "style": "width:100%",
            "display_logo_when_loading": False,
            "layout": {"topStart": "pageLength", "topEnd": "search", "bottomStart": "info",
                       "bottomEnd": "paging"},
            "language": {"search": "Search:", "emptyTable": "Nothing to show for this selection."},
        }
        if self.scroll:
            options["scrollX"] = True
        table_html = to_html_datatable(frame, caption=self.caption or None, **options)
        return _loader() + table_html

    def _repr_html_(self) -> str:
        return self.html()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": self.html(), "text/plain": f"<table: {len(self.frame)} rows>"}


_LOADED = False


def _loader() -> str:
    """DataTables (from the itables wheel) as an offline module: in the first table of a kernel only."""
    global _LOADED
    if _LOADED:
        return ""
    from itables import options as itables_options
    from itables.javascript import generate_init_offline_itables_html

    _LOADED = True
    return generate_init_offline_itables_html(itables_options.dt_bundle)


def table(frame: pd.DataFrame, columns: Sequence[Col | str], *, number: bool = True, caption: str = "",
          keys: Sequence[str] | None = None, page_length: int = PAGE_LENGTH,
          cells: Mapping[str, Callable[[pd.Series], Sequence[str]]] | None = None,
          order: list[list[Any]] | None = None, numbers: Sequence[int] | None = None,
          scroll: bool = False) -> InteractiveTable:
    """An interactive table of ``frame``: its ``columns`` formatted, one ``#`` row number first.

    Args:
        frame: The rows (in the order to show).
        columns: What to show: :class:`Col` or column names (plain text).
        number: Add ``#`` (1…) as the first column; no other numbering is shown.
        caption: Text above the table.
        keys: A key per row (quotation ids) for links to a row, or None.
        page_length: Rows per page.
        cells: Column name → function of the row giving that column's escaped HTML cells (links).
        order: Initial sort (``[[index, "asc"]]``); default: the rows' own order.
        numbers: The ``#`` of each row when it is not 1… (a quotation's number in its selection).
        scroll: Scroll sideways inside the table (for many columns).
    """
    cols = [c if isinstance(c, Col) else Col(c) for c in columns]
    frame = frame.reset_index(drop=True)
    data: dict[str, list[str]] = {}
    shown: list[Col] = []
    if number:
        data["#"] = [str(i) for i in (numbers if numbers is not None else range(1, len(frame) + 1))]
        shown.append(Col("#", "#", "number"))
    for col in cols:
        title = col.title or col.name
        if cells and col.name in cells:
            data[title] = list(cells[col.name](frame)) if len(frame) else []
        else:
            values = frame[col.name] if col.name in frame else pd.Series([None] * len(frame))
            data[title] = [col.cell(v) for v in values]
        shown.append(Col(col.name, title, col.kind, col.digits))
    out = pd.DataFrame(data, columns=list(data))
    return InteractiveTable(out, shown, caption=caption, keys=None if keys is None else [str(k) for k in keys],
                            page_length=page_length, order=order or [], scroll=scroll)
