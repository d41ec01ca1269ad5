"""Records of a report batch (frozen dataclasses) and their JSON manifest form."""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

import pandas as pd

from analysis.records import is_store_tables

__all__ = ["Headline", "ReportRecord", "RunResult", "headline", "article_headlines", "MANIFEST_VERSION"]

#: Version of the ``run.json`` layout.
MANIFEST_VERSION = 1


@dataclass(frozen=True)
class Headline:
    """The numbers an index shows for a run or an article.

    Attributes:
        articles: Articles analysed.
        quotations: Quotations found.
        top_entity: The most mentioned entity, or None.
        mean_polarity: Mean article polarity (-1…1), or None without articles.
    """

    articles: int
    quotations: int
    top_entity: str | None
    mean_polarity: float | None


@dataclass(frozen=True)
class ReportRecord:
    """One executed notebook (for the corpus, or for one article).

    Attributes:
        notebook: Notebook name (file name without ``.ipynb``).
        title: The notebook's H1 title.
        article: Article id for a per-article report, else None.
        status: ``"ok"`` or ``"failed"``.
        duration: Seconds, kernel start to HTML written.
        html: The HTML report, relative to the run folder (the partial one on failure).
        ipynb: The executed notebook, relative to the run folder.
        error: ``"Name: message"`` when the report failed.
        previous_html: On failure, the last good report kept in place (relative), if any.
        kernel_seconds: Kernel start-up.
        execute_seconds: Running the cells.
        render_seconds: nbconvert to HTML.
        article_title: The article's headline, for per-article reports.
        headline: The article's numbers, for per-article reports.
    """

    notebook: str
    title: str
    article: str | None
    status: str
    duration: float
    html: str | None
    ipynb: str | None
    error: str | None = None
    previous_html: str | None = None
    kernel_seconds: float = 0.0
    execute_seconds: float = 0.0
    render_seconds: float = 0.0
    article_title: str | None = None
    headline: Headline | None = None

    @property
    def ok(self) -> bool:
        """Whether every cell ran."""
        return self.status == "ok"


@dataclass(frozen=True)
class RunResult:
    """One batch over one corpus: what ``outputs/<name>/run.json`` holds.

    Attributes:
        name: Run name, the folder under the output folder.
        folder: Absolute path of the run folder.
        corpus: Absolute input paths.
        started: Start time, ISO 8601 (UTC).
        duration: Seconds for the whole batch.
        nlp_seconds: Seconds for the NLP pass before the kernels (cache hits make it short).
        headline: Numbers for the whole corpus (after ``article``/``since``/``until``).
        reports: Every report, corpus-level first.
        problems: Input problems, one line each.
        rejected: Inputs rejected by the corpus reader.
        parameters: Parameters given with ``-p`` (after type checks).
        per_article: Whether per-article reports were made.
        show_code: Whether the HTML shows code.
        note: Why the run has another name than its corpus's (that folder held another run), or "".
    """

    name: str
    folder: str
    corpus: tuple[str, ...]
    started: str
    duration: float
    nlp_seconds: float
    headline: Headline
    reports: tuple[ReportRecord, ...]
    problems: tuple[str, ...] = ()
    rejected: int = 0
    parameters: Mapping[str, Any] = field(default_factory=dict)
    per_article: bool = False
    show_code: bool = False
    note: str = ""

    @property
    def failed(self) -> tuple[ReportRecord, ...]:
        """Reports that failed."""
        return tuple(r for r in self.reports if not r.ok)

    @property
    def status(self) -> str:
        """``"failed"`` (a report failed), ``"problems"`` (inputs rejected) or ``"ok"``."""
        return "failed" if self.failed else "problems" if self.rejected else "ok"

    @property
    def exit_code(self) -> int:
        """3 when a report failed, 2 when inputs were rejected, else 0."""
        return {"failed": 3, "problems": 2, "ok": 0}[self.status]

    def to_json(self) -> dict[str, Any]:
        """The manifest dictionary (JSON-ready)."""
        data = asdict(self)
        data["parameters"] = dict(self.parameters)
        return {"manifest_version": MANIFEST_VERSION, **data}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "RunResult":
        """Read a manifest written by :meth:`to_json`.

        Raises:
            ValueError: When the manifest is not one.
        """
        try:
            names = {f.name for f in fields(cls)}
            values = {k: v for k, v in data.items() if k in names}
            values["corpus"] = tuple(values["corpus"])
            values["problems"] = tuple(values.get("problems", ()))
            values["headline"] = Headline(**values["headline"])
            rnames = {f.name for f in fields(ReportRecord)}
            values["reports"] = tuple(
                ReportRecord(**{**{k: v for k, v in r.items() if k in rnames},
                                "headline": Headline(**r["headline"]) if r.get("headline") else None})
                for r in values["reports"])
            return cls(**values)
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not a report manifest: {exc}") from exc


def headline(tables) -> Headline:
    """Headline numbers of some :class:`~analysis.tables.Tables`."""
    ents = tables.entities
    top = None
    if len(ents) and "mentions" in ents.columns:
        ranked = ents.sort_values(["mentions", "entity"], ascending=[False, True], kind="stable")
        top = str(ranked["entity"].iloc[0])
    pol = pd.to_numeric(tables.articles["polarity"], errors="coerce").mean() if len(tables.articles) else None
    return Headline(articles=len(tables.articles), quotations=len(tables.quotes), top_entity=top,
                    mean_polarity=None if pol is None or math.isnan(pol) else round(float(pol), 6))


def article_headlines(tables) -> dict[str, Headline]:
    """Headline numbers per article id (top entity from that article's resolved mentions)."""
    quotes = tables.quotes["article_id"].value_counts() if len(tables.quotes) else pd.Series(dtype=int)
    out: dict[str, Headline] = {}
    if is_store_tables(tables):  # count in DuckDB, never read every mention
        counts = tables.sql("SELECT article_id, entity, count(*) AS n FROM mentions WHERE entity IS NOT NULL "
                            "GROUP BY ALL")
    else:
        counts = tables.mentions.dropna(subset=["entity"]).astype({"entity": str})
        counts = counts.groupby(["article_id", "entity"]).size().rename("n").reset_index()
    best = counts.sort_values(["article_id", "n", "entity"], ascending=[True, False, True], kind="stable")
    tops = best.drop_duplicates("article_id").set_index("article_id")["entity"]
    for row in tables.articles.itertuples(index=False):
        aid = row.article_id
        top = str(tops[aid]) if aid in tops.index else None
        pol = pd.to_numeric(pd.Series([row.polarity]), errors="coerce").iloc[0]
        out[aid] = Headline(articles=1, quotations=int(quotes.get(aid, 0)), top_entity=top,
                            mean_polarity=None if pd.isna(pol) else round(float(pol), 6))
    return out
