"""Charts of who said what: the quote timeline, the speaker leaderboard and the spread of statements.

They take the tables made by :func:`analysis.quotes.timeline_rows`,
:func:`analysis.quotes.speaker_leaderboard` and :func:`analysis.statements.spread_rows` and return a
matplotlib Figure; with no rows they return a figure that says so.
"""
from __future__ import annotations

import itertools
import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis.plots import apply_style, hover
from analysis.plots.links import reader_href
from analysis.quotes.table import described_source

__all__ = ["timeline", "leaderboard", "statement_spread", "quote_tip", "KIND_MARKERS", "POLARITY_CMAP", "MAX_MARKERS"]

#: Marker shape per kind of quotation.
KIND_MARKERS = {"direct": "o", "partial": "s", "indirect": "^"}
#: Colour map of polarity (−1 red … +1 green).
POLARITY_CMAP = "RdYlGn"
#: Above this many quotations, :func:`timeline` draws counts per time bin instead of one marker each.
MAX_MARKERS = 240


def _label(text: str) -> str:
    """Article text for a matplotlib label: ``$`` would start mathtext."""
    return str(text).replace("$", r"\$")


def _subplots(**kw):
    """A Figure made by pyplot but closed at once: a notebook shows the returned figure exactly once."""
    fig, ax = plt.subplots(**kw)
    plt.close(fig)
    return fig, ax


def _empty(title: str, message: str) -> Figure:
    fig, ax = _subplots(figsize=(10, 2.6))
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=13, transform=ax.transAxes, wrap=True)
    return fig


def _x_positions(rows: pd.DataFrame) -> tuple[np.ndarray, bool]:
    """Publication times as numbers (matplotlib dates), or, with one article or no dates, positions in
    the article; and whether they are times."""
    published = pd.to_datetime(rows["published"], utc=True) if "published" in rows else pd.Series(pd.NaT)
    dated = published.notna()
    if dated.sum() == 0 or rows.loc[dated, "article_id"].nunique() < 2:
        return rows["start"].astype(float).to_numpy(), False
    x = np.full(len(rows), np.nan)
    x[dated.to_numpy()] = mdates.date2num(published[dated].dt.tz_convert("UTC").dt.tz_localize(None))
    return x, True


def _dodge(x: np.ndarray, lanes: np.ndarray, gap: float) -> np.ndarray:
    """Push markers of one lane apart so that no two are closer than ``gap`` (in text order)."""
    out = x.copy()
    for lane in np.unique(lanes):
        idx = np.flatnonzero(lanes == lane)
        idx = idx[np.argsort(out[idx], kind="stable")]
        for a, b in itertools.pairwise(idx):
            out[b] = max(out[b], out[a] + gap)
    return out


def _when(value: object) -> str:
    ts = pd.to_datetime(value, utc=True, errors="coerce")
    return "undated" if pd.isna(ts) else ts.strftime("%Y-%m-%d %H:%M UTC")


def quote_tip(row: pd.Series | dict, *, limit: int = 600) -> str:
    """The tooltip of one quotation: number, speaker, outlet, date and its words."""
    text = " ".join(str(row.get("text") or "").split())
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    speaker = described_source(row.get("speaker"), row.get("unnamed_source"))
    number = f"#{row['n']} · " if "n" in row and pd.notna(row.get("n")) else ""
    return (f"{number}{speaker} ({row.get('kind') or ''})\n{row.get('source') or 'unknown outlet'} · "
            f"{_when(row.get('published'))}\n“{text}”")


def _top_speakers(rows: pd.DataFrame, top_n: int | None) -> pd.DataFrame:
    """The rows of the ``top_n`` most quoted speakers (all named speakers when None)."""
    named = rows[rows["speaker"].notna() & (rows["speaker"] != "")]
    if not top_n:
        return named
    counts = named.groupby("speaker").size().reset_index(name="k")
    top = counts.sort_values(["k", "speaker"], ascending=[False, True], kind="stable").head(top_n)["speaker"]
    return named[named["speaker"].isin(set(top))]


def timeline(rows: pd.DataFrame, *, top_n: int | None = None, reader: str = "",
             title: str = "Who said what, when") -> Figure:
    """One lane per speaker; markers coloured by polarity, shaped by kind and numbered as ``rows["n"]``.

    Hover a marker to read the quotation (speaker, outlet, date, words); click it to open it in the
    article reader.

    Args:
        rows: :func:`analysis.quotes.table.quote_rows` (or :func:`analysis.quotes.timeline_rows`).
        top_n: Lanes for the ``top_n`` most quoted speakers only (None: every named speaker);
            unattributed quotations have no lane (they are in the table).
        reader: The article reader's folder relative to the report ("" for no links).
        title: Chart title.
    """
    apply_style()
    if rows is None or not len(rows):
        return _empty(title, "No quotations to show for this selection.")
    n_speakers = rows["speaker"].dropna().nunique()
    rows = _top_speakers(rows, top_n).reset_index(drop=True)
    if not len(rows):
        return _empty(title, "No quotation in this selection has a known speaker.")
    lanes_note = f"{rows['speaker'].nunique()} of {n_speakers} speakers" if rows["speaker"].nunique() < n_speakers \
        else ""
    x, is_time = _x_positions(rows)
    keep = ~np.isnan(x)
    shown, x = rows[keep].reset_index(drop=True), x[keep]
    order = shown.groupby("speaker")["n"].count().sort_values(ascending=True, kind="stable")
    lanes = {name: i for i, name in enumerate(order.index)}
    hidden = int((~keep).sum())
    notes = ", ".join(t for t in (lanes_note, f"{hidden} undated not shown" if hidden else "") if t)
    full_title = title + (f"  ({notes})" if notes else "")
    if is_time and len(shown) > MAX_MARKERS:
        return _binned(shown, lanes, title=full_title)
    y = shown["speaker"].map(lanes).to_numpy(dtype=float)
    base = x
    for _ in range(3):  # a marker is about 1/32 of the axis wide: spread until the widened axis agrees
        span = (x.max() - x.min()) if len(x) > 1 else 1.0
        x = _dodge(base, y, (span or 1.0) / 32)
    fig, ax = _subplots(figsize=(12, max(3.0, 1.0 + 0.75 * len(lanes))))
    norm = Normalize(-1, 1)
    linked = _link_statements(ax, shown, x, y)
    for kind, marker in KIND_MARKERS.items():
        sel = (shown["kind"] == kind).to_numpy()
        if sel.any():
            dots = ax.scatter(x[sel], y[sel], c=shown.loc[sel, "polarity"].astype(float), cmap=POLARITY_CMAP,
                              norm=norm, marker=marker, s=380, edgecolors="#333333", linewidths=0.8, zorder=3)
            picked = shown[sel]
            links = [reader_href(reader, a, q) for a, q in zip(picked["article_id"], picked["quote_id"], strict=True)]
            hover.tag(fig, dots, [quote_tip(r) for _, r in picked.iterrows()], links)
    for xi, yi, n in zip(x, y, shown["n"], strict=True):
        ax.annotate(str(n), (xi, yi), ha="center", va="center", fontsize=7.5, color="#111111", zorder=4)
    _lanes(fig, ax, lanes, dates=is_time, colour_label="Polarity (TextBlob)")
    ax.set_xlabel("Publication time (markers of one article are spread to the right of its time)" if is_time
                  else "Position in the article (characters from the start)")
    ax.set_title(full_title)
    handles = [Line2D([], [], marker=m, linestyle="", markerfacecolor="#dddddd", markeredgecolor="#333333",
                      markersize=10, label=k) for k, m in KIND_MARKERS.items() if (shown["kind"] == k).any()]
    if linked:
        handles.append(Line2D([], [], color=LINK_COLOUR, linestyle="--", label="one statement"))
    ax.legend(handles=handles, title="Kind", loc="upper left", bbox_to_anchor=(1.12, 1.0), frameon=False)
    return fig


LINK_COLOUR = "#7a7a7a"


def _link_statements(ax, shown: pd.DataFrame, x: np.ndarray, y: np.ndarray) -> int:
    """Join the markers of one statement (several articles quoting it) by a dashed line; how many."""
    if "statement_id" not in shown:
        return 0
    groups = [idx for idx in shown.groupby("statement_id", sort=False).indices.values() if len(idx) > 1]
    for idx in groups:
        idx = idx[np.argsort(x[idx], kind="stable")]
        ax.plot(x[idx], y[idx], color=LINK_COLOUR, linestyle="--", linewidth=1.3, zorder=2)
    return len(groups)


def statement_spread(rows: pd.DataFrame, *, reader: str = "", title: str = "Most repeated statements") -> Figure:
    """One lane per statement: each article that carried it at its publication time, coloured by outlet;
    the first report is a star. Hover a dot to read that article's wording; click to open it.

    Args:
        rows: :func:`analysis.statements.spread_rows`.
        reader: The article reader's folder relative to the report ("" for no links).
        title: Chart title.
    """
    apply_style()
    if rows is None or not len(rows):
        return _empty(title, "No statement was carried by more than one article in this selection.")
    published = pd.to_datetime(rows["published"], utc=True)
    dated = rows[published.notna()].assign(_x=mdates.date2num(
        published[published.notna()].dt.tz_convert("UTC").dt.tz_localize(None)))
    hidden = len(rows) - len(dated)
    if dated.empty:
        return _empty(title, "The articles carrying these statements have no dates.")
    labels = rows.drop_duplicates("rank").sort_values("rank")["label"].tolist()
    lane = {r: len(labels) - i for i, r in enumerate(sorted(rows["rank"].unique()))}  # rank 1 on top
    sources = list(dict.fromkeys(dated["source"].fillna("(no source)")))
    palette = plt.get_cmap("tab10" if len(sources) <= 10 else "tab20")
    colour = {src: palette(i % palette.N) for i, src in enumerate(sources)}
    fig, ax = _subplots(figsize=(12, max(3.0, 1.2 + 0.8 * len(labels))))
    for _, group in dated.groupby("rank"):
        ax.plot(group["_x"], [lane[group["rank"].iloc[0]]] * len(group), color=LINK_COLOUR, linewidth=1.2,
                zorder=2)
    for first, marker, size in ((False, "o", 170), (True, "*", 420)):
        sel = dated[dated["is_first"] == first]
        if len(sel):
            dots = ax.scatter(sel["_x"], sel["rank"].map(lane), marker=marker, s=size, zorder=3,
                              c=[colour[s] for s in sel["source"].fillna("(no source)")], edgecolors="#222222",
                              linewidths=0.8)
            hover.tag(fig, dots, [("First report · " if first else "") + quote_tip(r) for _, r in sel.iterrows()],
                      [reader_href(reader, a, q) for a, q in zip(sel["article_id"], sel["quote_id"], strict=True)])
    ax.set_yticks([lane[r] for r in sorted(lane)])
    ax.set_yticklabels([_label(_wrap(t)) for t in labels], fontsize=9)
    ax.set_ylim(0.4, len(labels) + 0.6)
    ax.set_ylabel("Statement (speaker: first wording)")
    ax.set_xlabel("Publication time")
    ax.xaxis.set_major_locator(mdates.AutoDateLocator())
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(title + (f"  ({hidden} undated not shown)" if hidden else ""))
    handles = [Line2D([], [], marker="o", linestyle="", markerfacecolor=colour[s], markeredgecolor="#222222",
                      markersize=9, label=_label(s)) for s in sources]
    handles.append(Line2D([], [], marker="*", linestyle="", markerfacecolor="#ffffff", markeredgecolor="#222222",
                          markersize=14, label="first report"))
    ax.legend(handles=handles, title="Outlet", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return fig


def _wrap(text: str, width: int = 48) -> str:
    return "\n".join(textwrap.wrap(text, width)[:2])


def _lanes(fig: Figure, ax, lanes: dict[str, int], *, dates: bool, colour_label: str) -> None:
    """What both timelines share: a lane per speaker, a date axis (when ``dates``), the polarity colour bar."""
    ax.set_yticks(range(len(lanes)))
    ax.set_yticklabels([_label(s) for s in lanes])
    ax.set_ylim(-0.7, len(lanes) - 0.3)
    ax.set_ylabel("Speaker")
    if dates:
        ax.xaxis.set_major_locator(mdates.AutoDateLocator())
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    sm = plt.cm.ScalarMappable(norm=Normalize(-1, 1), cmap=POLARITY_CMAP)
    fig.colorbar(sm, ax=ax, pad=0.01, fraction=0.03).set_label(colour_label)
    ax.grid(axis="y", alpha=0.0)
    ax.grid(axis="x", alpha=0.3)


def _bin_width(published: pd.Series) -> tuple[str, str]:
    """A pandas period giving at most about 60 bins over the dates, and its name."""
    days = (published.max() - published.min()) / pd.Timedelta(days=1)
    for period, name, length in (("D", "day", 1), ("W", "week", 7), ("M", "month", 30.4)):
        if days / length <= 60:
            return period, name
    return "Q", "quarter"


def _binned(shown: pd.DataFrame, lanes: dict[str, int], *, title: str) -> Figure:
    """The timeline for many quotations: per speaker and time bin, a square sized by the number of
    quotations and coloured by their mean polarity."""
    published = pd.to_datetime(shown["published"], utc=True).dt.tz_localize(None)
    period, name = _bin_width(published)
    start = published.dt.to_period(period).dt.start_time
    cells = (shown.assign(_bin=start.to_numpy()).groupby(["speaker", "_bin"], sort=False)
             .agg(count=("n", "size"), polarity=("polarity", "mean")).reset_index())
    x = mdates.date2num(cells["_bin"])
    y = cells["speaker"].map(lanes).to_numpy(dtype=float)
    size = 30 + 400 * np.sqrt(cells["count"].to_numpy() / cells["count"].max())
    fig, ax = _subplots(figsize=(12, max(3.0, 1.0 + 0.75 * len(lanes))))
    norm = Normalize(-1, 1)
    squares = ax.scatter(x, y, s=size, c=cells["polarity"].astype(float), cmap=POLARITY_CMAP, norm=norm,
                         marker="s", edgecolors="#333333", linewidths=0.6, zorder=3)
    tips = [f"{speaker}\n{name} of {pd.Timestamp(start):%Y-%m-%d}: {int(count):,} "
            f"quotation{'s' if count != 1 else ''}, mean polarity {float(pol):+.3f}"
            for speaker, start, count, pol in zip(cells["speaker"], cells["_bin"], cells["count"], cells["polarity"],
                                                  strict=True)]
    hover.tag(fig, squares, tips)
    _lanes(fig, ax, lanes, dates=True, colour_label="Mean polarity (TextBlob)")
    ax.set_xlabel(f"Publication {name} (square size: quotations that {name}, up to {int(cells['count'].max()):,})")
    ax.set_title(f"{title}: {len(shown):,} quotations by {name}")
    return fig


def leaderboard(board: pd.DataFrame, *, title: str = "Who is quoted most") -> Figure:
    """Horizontal bars of quotations per speaker, split by kind, with the number of outlets.

    Args:
        board: :func:`analysis.quotes.speaker_leaderboard`.
        title: Chart title.
    """
    apply_style()
    if board is None or not len(board):
        return _empty(title, "No quotations with a known speaker for this selection.")
    board = board.iloc[::-1].reset_index(drop=True)
    fig, ax = _subplots(figsize=(10, max(3.0, 1.0 + 0.5 * len(board))))
    left = np.zeros(len(board))
    colours = {"direct": "#3b6ea8", "partial": "#8fb3de", "indirect": "#c9c9c9"}
    for kind, colour in colours.items():
        values = board[kind].fillna(0).to_numpy(dtype=float) if kind in board else np.zeros(len(board))
        ax.barh(range(len(board)), values, left=left, color=colour, edgecolor="white", label=kind)
        left += values
    for i, row in board.iterrows():
        outlets = int(row["outlets"]) if pd.notna(row["outlets"]) else 0
        where = f"{outlets} outlet{'s' if outlets != 1 else ''}" if outlets else "outlet unknown"
        ax.text(left[i] + 0.1, i, f"{int(row['quotes'])} · {where}",
                va="center", fontsize=10)
    ax.set_yticks(range(len(board)))
    ax.set_yticklabels([_label(s) for s in board["speaker"]])
    ax.set_xlabel("Quotations")
    ax.set_ylabel("Speaker")
    ax.set_title(title)
    ax.set_xlim(0, max(left.max() * 1.25, 1))
    ax.legend(title="Kind", loc="lower right", frameon=False)
    ax.grid(axis="y", alpha=0.0)
    return fig
