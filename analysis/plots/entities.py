"""Entity charts: top entities per label, mentions over time (or along one
article), co-occurrence heatmap and network, and entity sentiment.

Each function takes tidy tables (see :mod:`analysis.entities`) and returns a
matplotlib ``Figure``; with nothing to show it returns a figure that says so.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.entities import sql
from analysis.plots import apply_style
from analysis.records import is_store_tables

__all__ = ["LABEL_COLOURS", "top_entities", "mentions_over_time", "cooccurrence_heatmap", "cooccurrence_network",
           "entity_sentiment"]

#: One colour per entity label, shared by every chart.
LABEL_COLOURS: dict[str, str] = {"PERSON": "#1f77b4", "ORG": "#ff7f0e", "GPE": "#2ca02c", "LOC": "#17becf",
                                 "NORP": "#9467bd", "FAC": "#8c564b", "EVENT": "#e377c2", "PRODUCT": "#7f7f7f",
                                 "WORK_OF_ART": "#bcbd22", "LAW": "#d62728", "LANGUAGE": "#aec7e8"}


def _colour(label: str) -> str:
    return LABEL_COLOURS.get(label, "#555555")


def _empty(title: str, message: str) -> Figure:
    apply_style()
    fig, ax = plt.subplots(figsize=(8, 3))
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=13, transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def _select(entities: pd.DataFrame, labels: Iterable[str] | str | None, min_mentions: int = 1) -> pd.DataFrame:
    out = entities[entities["mentions"] >= min_mentions] if len(entities) else entities
    if labels:
        out = out[out["label"].isin([labels] if isinstance(labels, str) else list(labels))]
    return out


def _short(name: str, width: int = 28) -> str:
    return name if len(name) <= width else name[:width - 1] + "…"


def top_entities(entities: pd.DataFrame, *, labels: Iterable[str] | str | None = None, top_n: int = 10,
                 min_mentions: int = 1) -> Figure:
    """Horizontal bars of the most mentioned entities, one panel per label."""
    title = "Most mentioned entities"
    ents = _select(entities, labels, min_mentions)
    if not len(ents):
        return _empty(title, "No entities to show with these settings.")
    order = ents.groupby("label")["mentions"].sum().sort_values(ascending=False).index[:6]
    n = len(order)
    cols = min(n, 2)
    rows = math.ceil(n / cols)
    apply_style()
    height = max(3.0, 0.38 * top_n + 1.4)
    fig, axes = plt.subplots(rows, cols, figsize=(7.2 * cols, height * rows), squeeze=False)
    for ax, label in zip(axes.flat, order):
        sub = ents[ents["label"] == label].head(top_n).iloc[::-1]
        ax.barh([_short(e) for e in sub["entity"]], sub["mentions"], color=_colour(label))
        for y, (m, a) in enumerate(zip(sub["mentions"], sub["articles"])):
            ax.text(m, y, f" {m} ({a} art.)", va="center", fontsize=10)
        ax.set_title(label)
        ax.set_xlabel("Mentions")
        ax.set_xlim(0, sub["mentions"].max() * 1.3)
        ax.grid(axis="y", visible=False)
    for ax in list(axes.flat)[n:]:
        ax.set_axis_off()
    fig.suptitle(title, fontsize=16, fontweight="bold")
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    return fig


def _top_names(entities: pd.DataFrame, names: Iterable[str] | None, labels, top_n: int) -> list[str]:
    if names is not None:
        return list(names)
    return list(_select(entities, labels)["entity"].head(top_n))


def mentions_over_time(tables: Mapping[str, pd.DataFrame], *, entities: Iterable[str] | None = None,
                       labels: Iterable[str] | str | None = None, top_n: int = 6, freq: str | None = None) -> Figure:
    """Mentions of the top entities per period across dated articles; for a single
    article (or undated ones), where in the article each mention falls.

    For a store (:class:`analysis.store.StoreTables`) the counts are aggregated by
    DuckDB; placed along articles, at most 20,000 sampled mentions are drawn.
    """
    names = _top_names(tables["entities"], entities, labels, top_n)
    events = _mention_events(tables, names)
    if not len(events):
        return _empty("Entity mentions", "No entity mentions to show with these settings.")
    n_dated, lo, hi = _dated_span(tables)
    if n_dated >= 2:
        counts, freq = _period_counts(events, lo, hi, names, freq)
        return _over_time(counts, freq)
    return _along_article(_positions(tables, names), names)


def _mention_events(tables: Mapping[str, pd.DataFrame], names: list[str]) -> pd.DataFrame:
    """Mentions of ``names`` in the text: published (UTC; NaT if undated), entity, n (mentions in the row)."""
    if is_store_tables(tables):
        return sql.mentions_per_day(tables, names).rename(columns={"day": "published"})
    m = tables["mentions"]
    m = m[m["entity"].isin(names) & (m["start"] >= 0)]
    arts = tables["articles"]
    published = pd.to_datetime(arts.set_index("article_id")["published"], utc=True) if len(arts) else pd.Series()
    return pd.DataFrame({"published": pd.to_datetime(m["article_id"].map(published), utc=True),
                         "entity": m["entity"], "n": 1})


def _dated_span(tables: Mapping[str, pd.DataFrame]) -> tuple[int, pd.Timestamp | None, pd.Timestamp | None]:
    """(dated articles, first publication time, last)."""
    if is_store_tables(tables):
        return sql.dated_span(tables)
    dated = tables["articles"].dropna(subset=["published"])
    if not len(dated):
        return 0, None, None
    published = pd.to_datetime(dated["published"], utc=True)
    return int(dated["article_id"].nunique()), published.min(), published.max()


def _period_counts(events: pd.DataFrame, lo: pd.Timestamp, hi: pd.Timestamp, names: list[str],
                   freq: str | None) -> tuple[pd.DataFrame, str]:
    """Mentions per period (rows: period start, every period from ``lo`` to ``hi``) and entity (columns, in
    the order of ``names``), and the frequency used (by default from the span: days, weeks or months)."""
    freq = freq or ("D" if hi - lo <= pd.Timedelta(days=21) else "W" if hi - lo <= pd.Timedelta(days=400) else "M")

    def to_period(s: pd.Series) -> pd.Series:
        return s.dt.tz_convert(None).dt.to_period(freq[0])

    events = events.dropna(subset=["published"])
    counts = (events.assign(period=to_period(events["published"])).groupby(["period", "entity"])["n"].sum()
              .unstack(fill_value=0))
    bounds = to_period(pd.Series([lo, hi]))
    every = pd.period_range(bounds.iloc[0], bounds.iloc[1], freq=bounds.dt.freq)
    counts = counts.reindex(index=every, columns=[n for n in names if n in counts.columns], fill_value=0)
    counts.index = counts.index.start_time
    return counts.astype("int64"), freq


def _over_time(counts: pd.DataFrame, freq: str) -> Figure:
    apply_style()
    fig, ax = plt.subplots(figsize=(11, 5.5))
    for name in counts.columns:
        ax.plot(counts.index, counts[name], marker="o", linewidth=2, label=_short(name))
    unit = {"D": "day", "W": "week", "M": "month"}.get(freq[0], freq)
    ax.set_title(f"Mentions per {unit} of the top entities")
    ax.set_xlabel("Publication date")
    ax.set_ylabel(f"Mentions per {unit}")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def _positions(tables: Mapping[str, pd.DataFrame], names: list[str]) -> pd.DataFrame:
    """Mentions of ``names`` in the text: entity, label, article_id, start, position (% of the article's
    text, measured by its paragraphs, or by its last mention when there are none)."""
    if is_store_tables(tables):
        return sql.positions(tables, names)
    m = tables["mentions"]
    m = m[m["entity"].isin(names) & (m["start"] >= 0)]
    paragraphs = tables["paragraphs"]
    length = (paragraphs.groupby("article_id")["end"].max() if len(paragraphs)
              else m.groupby("article_id")["end"].max())
    position = 100 * m["start"] / m["article_id"].map(length).clip(lower=1)
    return m[["entity", "label", "article_id", "start"]].assign(position=position).reset_index(drop=True)


def _along_article(m: pd.DataFrame, names: list[str]) -> Figure:
    position = m["position"]
    names = [n for n in names if n in set(m["entity"])]
    apply_style()
    fig, ax = plt.subplots(figsize=(11, max(3.0, 0.55 * len(names) + 1.5)))
    labels = m.drop_duplicates("entity").set_index("entity")["label"]
    for y, name in enumerate(names):
        xs = position[m["entity"] == name]
        ax.scatter(xs, [y] * len(xs), s=90, color=_colour(labels[name]), alpha=0.8, edgecolor="white")
    ax.set_yticks(range(len(names)), [_short(n) for n in names])
    ax.invert_yaxis()
    ax.set_xlim(-2, 102)
    ax.set_title("Where the top entities are mentioned along the article")
    ax.set_xlabel("Position in the article (% of its text)")
    ax.set_ylabel("Entity")
    fig.tight_layout()
    return fig


def _pairs(cooccurrence: pd.DataFrame, names: list[str], scope: str) -> pd.DataFrame:
    c = cooccurrence[cooccurrence["scope"] == scope]
    return c[c["entity_a"].isin(names) & c["entity_b"].isin(names)]


def cooccurrence_heatmap(cooccurrence: pd.DataFrame, entities: pd.DataFrame, *, top_n: int = 15,
                         scope: str = "sentence", labels: Iterable[str] | str | None = None) -> Figure:
    """How often the top entities are mentioned together (in one sentence or article)."""
    names = _top_names(entities, None, labels, top_n)
    pairs = _pairs(cooccurrence, names, scope)
    title = f"Entities mentioned in the same {scope}"
    if len(names) < 2 or not len(pairs):
        return _empty(title, f"No pair of top entities shares a {scope}.")
    matrix = pd.DataFrame(0, index=names, columns=names)
    for a, b, n in zip(pairs["entity_a"], pairs["entity_b"], pairs["count"]):
        matrix.loc[a, b] = matrix.loc[b, a] = n
    apply_style()
    size = max(6.0, 0.5 * len(names) + 3)
    fig, ax = plt.subplots(figsize=(size + 1.5, size))
    image = ax.imshow(matrix.to_numpy(), cmap="Blues")
    ticks = [_short(n, 22) for n in names]
    ax.set_xticks(range(len(names)), ticks, rotation=60, ha="right")
    ax.set_yticks(range(len(names)), ticks)
    ax.grid(False)
    top = matrix.to_numpy().max()
    for i in range(len(names)):
        for j in range(len(names)):
            if matrix.iat[i, j]:
                ax.text(j, i, matrix.iat[i, j], ha="center", va="center", fontsize=9,
                        color="white" if matrix.iat[i, j] > top / 2 else "black")
    fig.colorbar(image, ax=ax, shrink=0.8, label=f"{scope.capitalize()}s with both")
    ax.set_title(title)
    ax.set_xlabel("Entity")
    ax.set_ylabel("Entity")
    fig.tight_layout()
    return fig


def cooccurrence_network(cooccurrence: pd.DataFrame, entities: pd.DataFrame, *, top_n: int = 20,
                         scope: str = "sentence", min_count: int = 1,
                         labels: Iterable[str] | str | None = None) -> Figure:
    """A network of the top entities: node size = mentions, edge width = shared sentences/articles."""
    import networkx as nx

    names = _top_names(entities, None, labels, top_n)
    pairs = _pairs(cooccurrence, names, scope)
    pairs = pairs[pairs["count"] >= min_count]
    title = f"Entity network (links: same {scope})"
    if not len(pairs):
        return _empty(title, f"No pair of top entities shares a {scope}.")
    ents = entities.set_index("entity")
    graph = nx.Graph()
    graph.add_nodes_from(n for n in names if n in set(pairs["entity_a"]) | set(pairs["entity_b"]))
    graph.add_weighted_edges_from(zip(pairs["entity_a"], pairs["entity_b"], pairs["count"]))
    pos = nx.spring_layout(graph, seed=7, weight="weight", k=1.6 / math.sqrt(max(len(graph), 1)))
    apply_style()
    fig, ax = plt.subplots(figsize=(11, 8))
    widths = np.array([graph[a][b]["weight"] for a, b in graph.edges()], dtype=float)
    nx.draw_networkx_edges(graph, pos, ax=ax, width=1 + 5 * widths / widths.max(), alpha=0.35, edge_color="#555555")
    sizes = np.array([ents.at[n, "mentions"] for n in graph.nodes()], dtype=float)
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_size=250 + 2200 * sizes / sizes.max(),
                           node_color=[_colour(ents.at[n, "label"]) for n in graph.nodes()], alpha=0.85)
    nx.draw_networkx_labels(graph, pos, ax=ax, labels={n: _short(n, 22) for n in graph.nodes()}, font_size=10)
    shown = sorted({ents.at[n, "label"] for n in graph.nodes()})
    handles = [plt.Line2D([], [], marker="o", linestyle="", markersize=10, color=_colour(lb), label=lb)
               for lb in shown]
    ax.legend(handles=handles, title="Label", loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    ax.set_title(title)
    ax.set_xlabel("Node size: mentions; line width: " + f"{scope}s shared")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return fig


def entity_sentiment(entities: pd.DataFrame, *, top_n: int = 15, labels: Iterable[str] | str | None = None,
                     min_mentions: int = 2) -> Figure:
    """Mean polarity of the sentences that mention each of the top entities."""
    title = "Tone of the sentences mentioning each entity"
    ents = _select(entities, labels, min_mentions).dropna(subset=["polarity"]).head(top_n)
    if not len(ents):
        return _empty(title, "No entity with enough mentions in scored sentences.")
    ents = ents.iloc[::-1]
    apply_style()
    fig, ax = plt.subplots(figsize=(10, max(3.0, 0.42 * len(ents) + 1.5)))
    colours = ["#2ca02c" if p > 0 else "#d62728" if p < 0 else "#999999" for p in ents["polarity"]]
    ax.barh([f"{_short(e)} ({m})" for e, m in zip(ents["entity"], ents["mentions"])], ents["polarity"],
            color=colours)
    ax.axvline(0, color="black", linewidth=1)
    bound = max(0.1, float(ents["polarity"].abs().max()) * 1.15)
    ax.set_xlim(-bound, bound)
    ax.set_title(title)
    ax.set_xlabel("Mean polarity of its sentences (-1 negative … +1 positive)")
    ax.set_ylabel("Entity (mentions)")
    ax.grid(axis="y", visible=False)
    fig.tight_layout()
    return fig
