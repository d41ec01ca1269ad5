"""The ``python -m analysis`` command line: tables to the terminal, files and reports.

Exit status: 0 when every input was read; 2 when some inputs were rejected (the
results for the rest are still printed or written); 1 on misuse, with a
one-line reason. ``report`` also returns 3 when a report failed.
"""
from __future__ import annotations

import argparse
import functools
import json
import logging
import math
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

__all__ = ["main", "build_parser", "QUOTE_KEYS", "ENTITY_KEYS"]

#: Keys of each row printed by ``quotes --format json`` (an interface other tools read).
QUOTE_KEYS = ["article_id", "published", "source", "quote_id", "paragraph", "start", "end", "text", "kind",
              "speaker", "speaker_label", "cue", "polarity", "subjectivity", "content", "content_start", "content_end",
              "unnamed_source", "statement_id"]
#: Keys of each row printed by ``entities --format json``.
ENTITY_KEYS = ["entity", "label", "mentions", "articles", "aliases"]

FORMATS = ("table", "json", "csv")

EPILOG = """\
examples:
  python -m analysis sentiment data/samples --level sentence --format table
  python -m analysis entities data/samples --format json
  python -m analysis quotes 'data/samples/*.txt' --format csv > quotes.csv
  python -m analysis statements data/samples --top 10 --drift
  python -m analysis export data/samples --out exported/
  python -m analysis report data/samples --jobs 2
  python -m analysis process data/samples --store stores/news --workers 2

Inputs: files (.txt .md .jsonl .json .csv .html), folders (read recursively) or
glob patterns. Problems with inputs are reported on stderr; the other articles
are still analysed and the exit status is 2.
"""


class _Parser(argparse.ArgumentParser):
    """Misuse exits with status 1 and a one-line reason (argparse's default is 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(1, f"{self.prog}: error: {message}\n")


def _add_common(p: argparse.ArgumentParser, *, formats: bool = True) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or glob patterns")
    if formats:
        p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    p.add_argument("--aliases", metavar="YAML", help="alias file: merge, rename, relabel or exclude entities")
    p.add_argument("--no-cache", action="store_true", help="ignore the NLP cache (neither read nor write it)")
    p.add_argument("--jobs", type=_positive, metavar="N",
                   help="processes for the NLP pass (default: one per CPU; the results are the same)")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"a whole number >= 1, not {text!r}")
    return value


#: Commands whose options live in their own (heavier) module: (command, module, help).
_MODULE_COMMANDS = (("report", "report", "run the notebooks into HTML reports (papermill)"),
                    ("process", "store", "process a large corpus into a Parquet store (every CPU, or a Dask cluster)"))


def build_parser(*, command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser of ``python -m analysis``.

    Args:
        command: Import the modules of ``report`` and ``process`` (papermill, Dask: about two
            seconds) only when this is one of them; they are still listed. None imports both.
    """
    parser = _Parser(prog="python -m analysis",
                     description="newslens: sentiment, entities and who-said-what over a corpus of news articles.",
                     epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    common.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.add_parser = functools.partial(sub.add_parser, parents=[common])  # every command takes -v/-q
    sub.required = True

    p = sub.add_parser("sentiment", help="TextBlob polarity and subjectivity at a level of detail",
                       description="Polarity (-1..1) and subjectivity (0..1) per article, paragraph, sentence, "
                                   "entity or quoted speaker.")
    _add_common(p)
    from analysis.sentiment import LEVELS

    p.add_argument("--level", choices=LEVELS, default="article", help="unit of the rows (default: article)")

    p = sub.add_parser("entities", help="people, organisations and places, aliases merged",
                       description="One row per resolved entity, most mentioned first.")
    _add_common(p)
    p.add_argument("--top", type=int, metavar="N", help="only the N most mentioned")
    p.add_argument("--label", action="append", metavar="LABEL", help="keep only this label (repeatable)")

    p = sub.add_parser("quotes", help="every quotation with its speaker and cue, in time order",
                       description="Quotations (direct, partial, indirect) attributed to their speakers.")
    _add_common(p)
    p.add_argument("--speaker", action="append", metavar="NAME",
                   help="keep only this speaker: a name, alias or surname in any case (repeatable)")
    p.add_argument("--kind", action="append", choices=("direct", "partial", "indirect"),
                   help="keep only this kind (repeatable)")

    p = sub.add_parser("statements", help="one speaker's statement across articles: first report, spread, drift",
                       description="One row per statement: quotations of one speaker's words grouped across "
                                   "articles (verbatim, trimmed, fragments, light rewording), most widely "
                                   "carried first; --drift lists each wording against the first report.")
    _add_common(p)
    p.add_argument("--speaker", action="append", metavar="NAME",
                   help="keep only this speaker: a name, alias or surname in any case (repeatable)")
    p.add_argument("--top", type=int, metavar="N", help="only the N most widely carried statements")
    p.add_argument("--drift", action="store_true", help="each wording of the statements carried in several")

    p = sub.add_parser("export", help="write every table as CSV and Parquet",
                       description="Write articles, paragraphs, sentences, mentions, quotes, entities and "
                                   "co-occurrence tables to a folder, as CSV and Parquet.")
    _add_common(p, formats=False)
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write the tables to")

    for name, module, help_ in _MODULE_COMMANDS:
        if command is not None and command != name:
            sub.add_parser(name, help=help_)  # listed; its options are read when it is the command
            continue
        try:
            mod = __import__(f"analysis.{module}", fromlist=["configure_parser"])
        except ImportError:
            continue
        if hasattr(mod, "configure_parser"):
            p = sub.add_parser(name, help=help_, description=(mod.__doc__ or help_).strip().splitlines()[0])
            mod.configure_parser(p)
            p.set_defaults(handler=mod.run)
    return parser


def _records(df: pd.DataFrame) -> list[dict]:
    """JSON-ready rows: NaN/NaT → null, timestamps → ISO 8601, numpy scalars → Python."""
    def clean(v):
        if isinstance(v, pd.Timestamp):
            return None if pd.isna(v) else v.isoformat()
        if isinstance(v, (list, tuple)):
            return [clean(x) for x in v]
        if hasattr(v, "tolist") and not isinstance(v, str):
            return clean(v.tolist())
        if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT or v is pd.NA:
            return None
        return v
    return [{k: clean(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


def _emit(df: pd.DataFrame, fmt: str) -> None:
    if fmt == "json":
        json.dump(_records(df), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    elif df.empty:
        print("(no rows)")
    else:
        shown = df.copy()
        for col in shown.columns:
            if shown[col].dtype == object or pd.api.types.is_string_dtype(shown[col]):
                shown[col] = shown[col].map(lambda v: v if not isinstance(v, str) or len(v) <= 70 else v[:67] + "...")
        with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_colwidth", 72):
            print(shown.to_string(index=False, float_format=lambda x: f"{x:.3f}"))


def _analyse(args: argparse.Namespace):
    from analysis.entities.aliases import as_aliases
    from analysis.pipeline import analyse

    if args.aliases and not Path(args.aliases).is_file():
        raise _Misuse(f"alias file not found: {args.aliases}")
    try:
        aliases = as_aliases(args.aliases)
    except ValueError as exc:  # unreadable or invalid alias file: names the file and line
        raise _Misuse(str(exc)) from exc
    return analyse(args.paths, aliases=aliases, use_cache=not args.no_cache, n_process=args.jobs,
                   progress=not args.quiet)


class _Misuse(Exception):
    """A user error reported in one line with exit status 1."""


def _run_table_command(args: argparse.Namespace) -> int:
    tables = _analyse(args)
    for problem in tables.problems:
        print(f"newslens: {problem}", file=sys.stderr)
    if args.command == "sentiment":
        from analysis.sentiment import level_table

        df = level_table(tables, args.level)
    elif args.command == "entities":
        df = tables.entities
        if args.label:
            df = df[df["label"].isin(args.label)]
        if args.top:
            df = df.head(args.top)
        df = df[ENTITY_KEYS] if args.format == "json" else df
    elif args.command == "quotes":
        df = tables.quotes
        if args.speaker:
            df = df[df["speaker"].isin(_speakers(tables, args.speaker))]
        if args.kind:
            df = df[df["kind"].isin(args.kind)]
        df = df.reindex(columns=QUOTE_KEYS)
    elif args.command == "statements":
        df = _statements(tables.quotes, args, _speakers(tables, args.speaker) if args.speaker else None)
    else:  # export
        written = tables.to_dir(args.out)
        print(f"wrote {len(written)} files to {args.out}", file=sys.stderr)
        df = None
    if df is not None:
        _emit(df.reset_index(drop=True), args.format)
    return 2 if any(p.severity == "error" for p in tables.problems) else 0


def _speakers(tables, typed: list[str]) -> list[str]:
    """The canonical speakers meant by ``--speaker`` values (aliases, any case)."""
    from analysis import lookup

    try:
        return lookup.speakers(tables, typed)
    except lookup.NameNotFound as exc:
        raise _Misuse(str(exc)) from exc


def _statements(quotes: pd.DataFrame, args: argparse.Namespace, speakers: list[str] | None) -> pd.DataFrame:
    from analysis import statements

    if speakers is not None:
        quotes = quotes[quotes["speaker"].isin(speakers)]
    table = statements.statements(quotes)
    if args.top:
        table = table.head(args.top)
    out = statements.drift(quotes, statement_ids=table["statement_id"]) if args.drift else table
    if args.format != "json":  # one cell per outlet list, as in exported tables
        out = out.assign(sources=out["sources"].map("; ".join))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    args = build_parser(command=command).parse_args(argv)
    level = logging.WARNING - 10 * args.verbose
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if args.quiet or args.verbose == 0:
        logging.getLogger("analysis.corpus").setLevel(logging.ERROR)  # problems are printed once, below
    handler = getattr(args, "handler", _run_table_command)
    try:
        return handler(args)
    except _Misuse as exc:
        print(f"python -m analysis {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `| head`
        return 0
