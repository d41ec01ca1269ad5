"""Sentiment charts: corpus overview, the arc of an article, extremes with reasons,
quotes against narration, entities and speakers, TextBlob against VADER.

Every function takes :class:`analysis.tables.Tables` (or a store's
``StoreTables``: the aggregates come from DuckDB, and the per-sentence dots and
VADER scores of a large selection from a sample that the title mentions),
returns a Figure, and returns a figure saying so when there is nothing to draw.
Error bars are 95% intervals (mean ± 1.96 standard errors); groups of one have none.
"""
from __future__ import annotations

import textwrap
from collections.abc import Iterable

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis import sentiment as S
from analysis.plots import apply_style, hover
from analysis.plots.links import reader_href, sentence_anchor
from analysis.records import TableSource

__all__ = ["by_date", "by_source", "arc", "extremes", "quotes_vs_narration", "entities", "speakers",
           "textblob_vs_vader"]

POSITIVE, NEGATIVE, NEUTRAL, ACCENT = "#2a9d5c", "#c8553d", "#9aa0a6", "#3d5a80"
Z95 = 1.96


def _plain(text: object) -> str:
    """Article text as literal figure text: ``$`` would start matplotlib mathtext."""
    return str(text).replace("$", r"\$")


def _short(text: object, width: int) -> str:
    return _plain(textwrap.shorten(" ".join(str(text).split()), width=width, placeholder="…"))


def _wrap(text: object, width: int, lines: int = 2) -> str:
    return _plain(textwrap.fill(" ".join(str(text).split()), width=width, max_lines=lines, placeholder="…"))


def _subplots(nrows: int = 1, ncols: int = 1, *, figsize: tuple[float, float] | None = None, **kw):
    """A Figure and its axes, made by pyplot (so Jupyter's inline display is set up) but closed at
    once: a notebook shows the returned figure exactly once and nothing accumulates in pyplot."""
    fig, axes = plt.subplots(nrows, ncols, figsize=figsize, **kw)
    plt.close(fig)
    return fig, axes


def _empty(title: str, message: str) -> Figure:
    apply_style()
    fig, ax = _subplots(figsize=(10, 2.6))
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=13, color="#555", wrap=True,
            transform=ax.transAxes)
    return fig


def _colors(values: Iterable[float]) -> list[str]:
    return [POSITIVE if v > 0 else NEGATIVE if v < 0 else NEUTRAL for v in values]


def _ci(se: pd.Series) -> np.ndarray:
    return (Z95 * pd.to_numeric(se, errors="coerce")).fillna(0).to_numpy(dtype=float)


def by_date(tables: TableSource, *, reader: str = "") -> Figure:
    """Polarity and subjectivity of each article by publication date, with the daily mean; hover a dot
    for the article's headline, outlet, date and scores, click it to open the article (``reader``)."""
    title = "Sentiment over time"
    a = tables.articles[tables.articles["published"].notna()]
    if a.empty:
        return _empty(title, "No dated articles: nothing to draw over time.")
    apply_style()
    day = S.by_day(tables)
    x = pd.to_datetime(a["published"], utc=True).dt.tz_convert(None)
    fig, axes = _subplots(2, 1, figsize=(11, 7), sharex=True)
    tips = [f"{r.get('title') or r['article_id']}\n{r.get('source') or 'unknown outlet'} · "
            f"{pd.Timestamp(r['published']):%Y-%m-%d %H:%M} UTC\npolarity {float(r['polarity']):+.3f}, "
            f"subjectivity {float(r['subjectivity']):.3f}" for r in a.to_dict("records")]
    links = [reader_href(reader, aid) for aid in a["article_id"]]
    for ax, col, label in ((axes[0], "polarity", "Polarity (−1…1)"), (axes[1], "subjectivity", "Subjectivity (0…1)")):
        hover.tag(fig, ax.scatter(x, a[col], s=36, color=ACCENT, alpha=0.55, label="article"), tips, links)
        ax.errorbar(day["day"] + pd.Timedelta(hours=12), day[col], yerr=_ci(day[f"{col}_se"]), color="#222",
                    marker="o", ms=5, lw=1.5, capsize=3, label="daily mean (95% CI)")
        ax.set_ylabel(label)
    axes[0].axhline(0, color="#555", lw=0.8)
    axes[0].legend(loc="best")
    axes[1].set_xlabel("Publication date (UTC)")
    undated = len(tables.articles) - len(a)
    fig.suptitle(title + (f"  ({undated} undated article{'s' * (undated != 1)} not shown)" if undated else ""),
                 fontsize=15, fontweight="bold")
    fig.autofmt_xdate()
    return fig


def by_source(tables: TableSource) -> Figure:
    """Mean article polarity and subjectivity per source, with 95% intervals."""
    title = "Sentiment by source"
    src = S.by_source(tables)
    if src.empty:
        return _empty(title, "No articles: no sources to compare.")
    apply_style()
    src = src.sort_values("polarity", ignore_index=True)
    y = np.arange(len(src))
    fig, axes = _subplots(1, 2, figsize=(12, 1.6 + 0.5 * len(src)), sharey=True)
    axes[0].barh(y, src["polarity"], xerr=_ci(src["polarity_se"]), color=_colors(src["polarity"]), capsize=3)
    axes[0].axvline(0, color="#555", lw=0.8)
    axes[0].set_xlabel("Mean article polarity")
    axes[1].barh(y, src["subjectivity"], xerr=_ci(src["subjectivity_se"]), color=ACCENT, alpha=0.8, capsize=3)
    axes[1].set_xlabel("Mean article subjectivity")
    axes[0].set_yticks(y, [f"{_short(s, 28)}  (n={n})" for s, n in zip(src["source"], src["n_articles"])])
    fig.suptitle(title + " (bars: 95% CI; n = articles)", fontsize=15, fontweight="bold")
    return fig


def arc(tables: TableSource, article_id: str | None = None) -> Figure:
    """The arc along one article: paragraph polarity as bars, each sentence as a dot.

    Args:
        tables: The analysed corpus.
        article_id: The article; by default the one with the most sentences.
    """
    title = "Sentiment along the article"
    if tables.articles.empty:
        return _empty(title, "No articles.")
    if not article_id:
        article_id = tables.articles.sort_values("n_sentences", ascending=False, kind="stable")["article_id"].iloc[0]
    paras, sents = S.article_rows(tables, article_id)
    if paras.empty:
        return _empty(title, f"No article {article_id!r} in these tables.")
    apply_style()
    art = tables.articles[tables.articles["article_id"] == article_id].iloc[0]
    fig, ax = _subplots(figsize=(12, 5.5))
    colors = _colors(paras["polarity"])
    bars = ax.bar(paras["paragraph"], paras["polarity"], width=0.85, color=colors, alpha=0.35,
                  edgecolor=colors, label="paragraph")
    head = paras["is_headline"].astype(bool).to_numpy()
    for bar in np.asarray(bars.patches, dtype=object)[head]:
        bar.set_hatch("//")
        bar.set_edgecolor("#222")
    for p in paras.loc[head, "paragraph"]:
        ax.axvspan(p - 0.5, p + 0.5, color="#f4d35e", alpha=0.25, lw=0)
        ax.text(p, 0.97, "headline", transform=ax.get_xaxis_transform(), ha="center", va="top", fontsize=10)
    rank = sents.groupby("paragraph").cumcount()
    size = sents.groupby("paragraph")["sentence_id"].transform("size")
    xs = sents["paragraph"] + (rank + 0.5) / size * 0.8 - 0.4
    ax.scatter(xs, sents["polarity"], c=_colors(sents["polarity"]), s=30 + 70 * sents["subjectivity"],
               edgecolor="white", zorder=3)
    ax.axhline(0, color="#555", lw=0.8)
    ax.set_xticks(paras["paragraph"], ["H" if h else str(p) for p, h in zip(paras["paragraph"], head)])
    ax.set_xlabel("Paragraph (H = headline)")
    ax.set_ylabel("Polarity (−1…1)")
    lim = max(0.3, float(np.nanmax(np.abs(np.r_[paras["polarity"], sents["polarity"]]))) * 1.15)
    ax.set_ylim(-lim, lim)
    ax.set_title(f"{title}\n{_short(art['title'] or article_id, 90)}", fontsize=14)
    ax.legend(handles=[Line2D([], [], color=NEUTRAL, lw=8, alpha=0.4, label="paragraph polarity"),
                       Line2D([], [], marker="o", ls="", color=NEUTRAL, label="sentence (size = subjectivity)")],
              loc="upper right")
    return fig


def extremes(tables: TableSource, *, n: int = 5, reader: str = "") -> Figure:
    """The most positive and most negative sentences, each with the phrases that made it so; hover a bar
    to read the whole sentence, click it to open it in its article (``reader``)."""
    title = "Most positive and most negative sentences"
    ex = S.extremes(tables, n=n)
    if ex.empty:
        return _empty(title, "No sentence has a non-zero polarity.")
    apply_style()
    ex = ex.sort_values("polarity", ignore_index=True)
    y = np.arange(len(ex))
    fig, ax = _subplots(figsize=(13, 1.0 + 0.95 * len(ex)))
    bars = ax.barh(y, ex["polarity"], color=_colors(ex["polarity"]), alpha=0.85, height=0.6)
    rows = ex.to_dict("records")
    hover.tag(fig, bars, [f"{float(r['polarity']):+.3f} · {r['article_id']}\n{' '.join(str(r['text']).split())}"
                          f"\nTextBlob: {r['explanation']}" for r in rows],
              [reader_href(reader, r["article_id"], sentence_anchor(r["sentence_id"])) for r in rows])
    ax.set_yticks(y, [_wrap(t, 62) for t in ex["text"]], fontsize=9.5)
    for yi, (pol, why) in enumerate(zip(ex["polarity"], ex["explanation"])):
        ax.text(0.02 if pol < 0 else -0.02, yi, _short(why, 60), ha="left" if pol < 0 else "right",
                va="center", fontsize=9.5, color="#222")
    vader = S.vader_scores(ex["text"])["compound"]
    ax.scatter(vader, y, marker="x", color="#333", s=45, zorder=3, label="VADER compound (second opinion)")
    ax.axvline(0, color="#555", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("TextBlob polarity (beside each bar: the phrases that moved the score)")
    ax.set_title(title)
    ax.legend(loc="lower right")
    return fig


def quotes_vs_narration(tables: TableSource) -> Figure:
    """Polarity and subjectivity of quoted sentences against narration."""
    title = "Quoted speech against narration"
    if not S.n_rows(tables, "quotes"):
        return _empty(title, "No quotations in these articles: nothing to compare narration with.")
    apply_style()
    nq = S.narration_vs_quotes(tables).set_index("speech").reindex(["narration", "quoted"]).dropna(how="all")
    s = S.quoted_sentences(tables)
    s = s.assign(speech=np.where(s["quoted"], "quoted", "narration"))[~s["is_headline"].astype(bool)]
    note = S.sample_note(tables)
    fig, axes = _subplots(1, 2, figsize=(11, 5))
    groups = list(nq.index)
    rng = np.random.default_rng(0)
    for ax, col, label in ((axes[0], "polarity", "Polarity (−1…1)"), (axes[1], "subjectivity", "Subjectivity (0…1)")):
        for i, g in enumerate(groups):
            vals = s.loc[s["speech"] == g, col]
            ax.scatter(i + rng.uniform(-0.18, 0.18, len(vals)), vals, s=14, alpha=0.35,
                       color=ACCENT if g == "quoted" else NEUTRAL)
        ax.errorbar(range(len(groups)), nq[col], yerr=_ci(nq[f"{col}_se"]), fmt="D", color="#222", ms=8,
                    capsize=6, lw=2, label="mean (95% CI)")
        ax.set_xticks(range(len(groups)), [f"{g}\n(n={int(nq.loc[g, 'n_sentences'])})" for g in groups])
        ax.set_ylabel(label)
        ax.set_xlim(-0.6, len(groups) - 0.4)
    axes[0].axhline(0, color="#555", lw=0.8)
    axes[0].legend(loc="best")
    fig.suptitle(title + " (sentences; quoted = overlaps a quotation)" + (f"\ndots: {note}" if note else ""),
                 fontsize=15, fontweight="bold")
    return fig


def _means(df: pd.DataFrame, name_col: str, count_col: str, title: str, what: str, note: str = "") -> Figure:
    df = df.iloc[::-1].reset_index(drop=True)
    y = np.arange(len(df))
    apply_style()
    fig, ax = _subplots(figsize=(11, max(3.8, 1.4 + 0.42 * len(df))))
    ax.errorbar(df["polarity"], y, xerr=_ci(df["polarity_se"]), fmt="none", ecolor="#444", capsize=3, lw=1.2)
    ax.scatter(df["polarity"], y, c=_colors(df["polarity"]), s=60, zorder=3, label="TextBlob mean")
    if "vader" in df:
        ax.scatter(df["vader"], y, marker="x", color="#777", s=40, zorder=3, label="VADER mean")
    ax.axvline(0, color="#555", lw=0.8)
    ax.set_yticks(y, [f"{_short(e, 32)}  (n={n})" for e, n in zip(df[name_col], df[count_col])])
    ax.set_ylim(-0.7, len(df) - 0.3)
    ax.set_xlabel(f"Mean polarity of the {what} (95% CI)" + (f"\n{_plain(note)}" if note else ""))
    ax.set_title(title)
    ax.legend(loc="best")
    return fig


def entities(tables: TableSource, *, names: Iterable[str] | str | None = None, top: int = 15,
             min_sentences: int = 2) -> Figure:
    """Entity-targeted sentiment: mean polarity of the sentences mentioning each entity.

    Args:
        tables: The analysed corpus.
        names: Entities to show (a list, or one comma-separated string); by
            default the ``top`` most mentioned.
        top: How many entities at most.
        min_sentences: Leave out entities mentioned in fewer sentences.
    """
    title = "Sentiment of the sentences mentioning each entity"
    if isinstance(names, str):  # "Tokayev, Kazakhstan" from a command-line parameter
        names = names.split(",")
    names = [n.strip() for n in (names or []) if n and n.strip()]
    df = S.entity_sentiment(tables, entities=names or None, min_sentences=1 if names else min_sentences)
    if df.empty:
        return _empty(title, "No entity mentions" + (f" for {', '.join(names)}." if names else "."))
    missing = [n for n in names if n not in set(df["entity"])]
    return _means(df.head(top), "entity", "n_sentences", title, "sentences mentioning it",
                  note=f"not mentioned: {', '.join(missing)}" if missing else "")


def speakers(tables: TableSource, *, top: int = 15) -> Figure:
    """Mean polarity of each speaker's quotations."""
    title = "Sentiment of each speaker's quotations"
    df = S.speaker_sentiment(tables)
    if df.empty:
        return _empty(title, "No attributed quotations in these articles.")
    return _means(df.head(top), "speaker", "n_quotes", title, "speaker's quotations")


def textblob_vs_vader(tables: TableSource, *, band: float = S.NEUTRAL_BAND, label: int = 4) -> Figure:
    """Scatter of TextBlob polarity against VADER compound per sentence.

    The quadrants where the two disagree in sign are shaded red, the neutral
    band grey; the ``label`` largest disagreements are annotated.
    """
    title = "TextBlob against VADER, per sentence"
    c = S.compare(tables, band=band)
    if c.empty:
        return _empty(title, "No sentences.")
    apply_style()
    agr = S.agreement(c)
    fig, ax = _subplots(figsize=(9.5, 8))
    for xs, ys in (((band, 1.05), (-1.05, -band)), ((-1.05, -band), (band, 1.05))):
        ax.fill_between(xs, *ys, color=NEGATIVE, alpha=0.10, lw=0)
    ax.axvspan(-band, band, color=NEUTRAL, alpha=0.15, lw=0)
    ax.axhspan(-band, band, color=NEUTRAL, alpha=0.15, lw=0)
    ax.scatter(c["textblob"], c["vader"], s=22, alpha=0.6,
               c=np.where(c["opposite"], NEGATIVE, np.where(c["agree"], POSITIVE, ACCENT)))
    worst = S.disagreements(tables, band=band).head(label)
    for _, r in worst.iterrows():
        right = r["textblob"] > 0.3
        ax.annotate(_wrap(r["text"], 34, 2), (r["textblob"], r["vader"]), xytext=(-14 if right else 14, 14),
                    textcoords="offset points", fontsize=8.5, color="#333", ha="right" if right else "left",
                    bbox={"boxstyle": "round,pad=0.25", "fc": "white", "alpha": 0.85, "lw": 0},
                    arrowprops={"arrowstyle": "-", "color": "#777", "lw": 0.8})
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("TextBlob polarity")
    ax.set_ylabel("VADER compound")
    note = S.sample_note(tables)
    ax.set_title(f"{title}\nsame label: {agr.agree:.0%} · opposite signs (red zones): {agr.opposite:.0%} · "
                 f"r = {agr.correlation:.2f} · " + (note if note else f"n = {agr.sentences}"), fontsize=13)
    ax.legend(handles=[Line2D([], [], marker="o", ls="", color=POSITIVE, label="same label"),
                       Line2D([], [], marker="o", ls="", color=ACCENT, label="one neutral"),
                       Line2D([], [], marker="o", ls="", color=NEGATIVE, label="opposite signs")],
              loc="upper left")
    return fig
