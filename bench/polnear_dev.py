"""Quotation quality on real news: PolNeAR's train or dev split, scored as GGT and PolNeAR score.

    python bench/polnear_dev.py PATH/TO/PolNeAR [--split dev|train] [--limit N] [-v]

PolNeAR (7 US outlets, 2016) annotates attributions in brat standoff: Source, Cue and Content spans.
It has no licence, so nothing of it is in this repository: point this script at a checkout made in
your own session. Its **test** split is kept back for measurement and refused here.

Matching: a prediction matches a gold attribution when its characters cover at least 30% of the gold
Content; one-to-one, greedily by coverage. Rows sharing one statement (``content_start`` and
``content_end``, issue 14: the pieces of a quotation interrupted by its cue) are one prediction. Its
characters are the quoted segments of a direct quotation (not the cue clause between its pieces),
else the statement (``content_start`` to ``content_end``) where the table has it, else the segments.
Gold attributions are classed by their quote marks: ``direct`` (the content is one
quotation), ``mixed`` (a quoted fragment inside reported speech), ``indirect`` (no marks).

Printed: recall per class; precision of the predictions with quote marks (direct + partial) and of
all predictions; speaker accuracy on matched attributions whose Source names someone (a capitalised
name, not a pronoun or "the source"). A speaker is right when its mention overlaps the gold Source or
its last word is a word of the Source.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.corpus import Article  # noqa: E402
from analysis.extract import extract  # noqa: E402
from analysis.nlp import load_nlp, parse  # noqa: E402

MARKS = "\"\u201c\u201d\u00ab\u00bb"
NOT_NAMES = {"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "the", "a", "an", "this",
             "that", "these", "those", "one", "some", "many", "several", "officials", "sources", "source"}
COVER = 0.3


@dataclass(frozen=True)
class Gold:
    content: frozenset[int]
    text: str
    source: str
    source_span: tuple[int, int] | None
    kind: str


def _read(repo: Path, path: str) -> str:
    """A file of the checkout: a work tree, or a bare git directory (as `fetch` makes)."""
    if (repo / path).is_file():
        return (repo / path).read_text(encoding="utf-8")
    return subprocess.run(["git", "--git-dir", str(repo), "show", f"HEAD:{path}"], capture_output=True,
                          text=True, check=True).stdout


def _list(repo: Path, folder: str) -> list[str]:
    if (repo / folder).is_dir():
        return sorted(str(p.relative_to(repo)) for p in (repo / folder).iterdir())
    out = subprocess.run(["git", "--git-dir", str(repo), "ls-tree", "--name-only", "HEAD", folder + "/"],
                         capture_output=True, text=True, check=True).stdout
    return sorted(out.split())


def _kind(text: str) -> str:
    marks = [i for i, c in enumerate(text) if c in MARKS]
    if not marks:
        return "indirect"
    core = text.strip().rstrip(".,;:!? ").lstrip()
    if core[:1] in MARKS and core[-1:] in MARKS and len(marks) == 2:
        return "direct"
    if len(marks) >= 2 and (marks[-1] - marks[0]) >= 0.9 * len(text.strip()):
        return "direct"
    return "mixed"


def _is_name(source: str) -> bool:
    words = re.findall(r"[A-Za-z][\w.'’-]*", source)
    return any(w[0].isupper() and w.lower() not in NOT_NAMES for w in words)


def load_article(repo: Path, split: str, stem: str) -> tuple[Article, list[Gold]]:
    """The article (offsets mapped paragraph by paragraph) and its gold attributions (first annotator)."""
    raw = _read(repo, f"data/{split}/text/{stem}.txt")
    paragraphs, starts = [], []
    for m in re.finditer(r"[^\n]+", raw):
        if m.group().strip():
            paragraphs.append(m.group())
            starts.append(m.start())
    article = Article(id=stem, title=paragraphs[0], paragraphs=tuple(paragraphs[1:]))
    offsets, pos = [], 0
    for para in paragraphs:
        offsets.append(pos)
        pos += len(para) + 1

    def to_article(o: int) -> int:
        k = max(i for i, s in enumerate(starts) if s <= o) if o >= starts[0] else 0
        return offsets[k] + min(o - starts[k], len(paragraphs[k]))

    ann_files = [f for f in _list(repo, f"data/{split}/attributions") if Path(f).name.startswith(stem + "_")]
    spans, golds = {}, []
    for line in _read(repo, ann_files[0]).splitlines():
        if line.startswith("T") and line.count("\t") == 2:
            tid, info, text = line.split("\t")
            label, ranges = info.split(" ", 1)
            spans[tid] = (label, [tuple(int(x) for x in r.split()) for r in ranges.split(";")], text)
    for line in _read(repo, ann_files[0]).splitlines():
        if not line.startswith("E") or "\t" not in line:
            continue
        parts = dict(p.split(":", 1) for p in line.split("\t")[1].split() if ":" in p)
        if "Content" not in parts or parts["Content"] not in spans or (
                "Source" in parts and parts["Source"] not in spans):
            continue
        _, ranges, text = spans[parts["Content"]]
        chars = frozenset(c for a, b in ranges for c in range(to_article(a), to_article(b)))
        source, source_span = "", None
        if "Source" in parts:
            _, s_ranges, source = spans[parts["Source"]]
            source_span = (to_article(s_ranges[0][0]), to_article(s_ranges[-1][1]))
        golds.append(Gold(chars, text, source, source_span, _kind(text)))
    return article, golds


def _pred_chars(row) -> frozenset[int]:
    if row.kind != "direct" and getattr(row, "content_start", None) is not None and not pd.isna(row.content_start):
        return frozenset(range(int(row.content_start), int(row.content_end)))
    pieces = [tuple(int(x) for x in seg.split("-")) for seg in str(row.segments).split(";") if "-" in seg]
    return frozenset(c for a, b in (pieces or [(row.start, row.end)]) for c in range(a, b))


def _speaker_ok(row, gold: Gold) -> bool:
    if gold.source_span and not pd.isna(row.speaker_start):
        a, b = gold.source_span
        if int(row.speaker_start) < b and int(row.speaker_end) > a:
            return True
    if not isinstance(row.speaker, str) or not row.speaker:
        return False
    words = {w.lower() for w in re.findall(r"[\w’'-]+", gold.source)}
    return row.speaker.split()[-1].lower() in words


def score(articles: list[tuple[Article, list[Gold]]], *, verbose: bool = False) -> dict:
    """Counts and ratios over the articles (see the module docstring)."""
    found, total = Counter(), Counter()
    marked_tp = marked_n = all_tp = all_n = 0
    name_ok = name_n = 0
    examples = defaultdict(list)
    nlp = load_nlp()
    golds_by_id = {a.id: g for a, g in articles}
    for parsed in parse([a for a, _ in articles], nlp=nlp):
        quotes = extract(parsed)["quotes"]
        golds = golds_by_id[parsed.article.id]
        text = parsed.article.text
        preds, where = [], {}
        for row in quotes.itertuples():  # one prediction per statement: its pieces' characters together
            chars = _pred_chars(row)
            key = (row.content_start, row.content_end) if "content_start" in quotes else row.Index
            if key in where:
                first, known = preds[where[key]]
                preds[where[key]] = (first, known | chars)
            else:
                where[key] = len(preds)
                preds.append((row, chars))
        pairs = sorted(((len(p & g.content) / len(g.content), i, j) for i, g in enumerate(golds) if g.content
                        for j, (_, p) in enumerate(preds) if p & g.content), reverse=True)
        used_g, used_p, matched = set(), set(), {}
        for cover, i, j in pairs:
            if cover >= COVER and i not in used_g and j not in used_p:
                used_g.add(i)
                used_p.add(j)
                matched[i] = j
        for i, g in enumerate(golds):
            total[g.kind] += 1
            if i in matched:
                found[g.kind] += 1
                row = preds[matched[i]][0]
                if _is_name(g.source):
                    name_n += 1
                    if _speaker_ok(row, g):
                        name_ok += 1
                    else:
                        examples["speaker"].append(f"{row.speaker!r} for source {g.source!r}: {g.text[:70]!r}")
            else:
                examples[f"missed {g.kind}"].append(g.text[:100])
        for j, (row, _) in enumerate(preds):
            marked = row.kind in ("direct", "partial")
            all_n += 1
            all_tp += j in used_p
            if marked:
                marked_n += 1
                marked_tp += j in used_p
                if j not in used_p:
                    examples["extra marked"].append(text[row.start:row.end][:100])
    result = {f"recall {k}": found[k] / total[k] if total[k] else 0.0 for k in ("direct", "mixed", "indirect")}
    result["recall all"] = sum(found.values()) / max(1, sum(total.values()))
    result["precision marked"] = marked_tp / max(1, marked_n)
    result["precision all"] = all_tp / max(1, all_n)
    result["speaker accuracy (named source)"] = name_ok / max(1, name_n)
    result["counts"] = {"gold": dict(total), "found": dict(found), "marked predictions": marked_n,
                        "marked matched": marked_tp, "predictions": all_n, "matched": all_tp,
                        "named sources matched": name_n, "speaker right": name_ok}
    if verbose:
        result["examples"] = {k: v[:25] for k, v in examples.items()}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path, help="a PolNeAR checkout (work tree or bare git dir)")
    parser.add_argument("--split", choices=["dev", "train"], default="dev", help="never the test split")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("-v", "--verbose", action="store_true", help="print error examples")
    args = parser.parse_args(argv)
    if "test" in Path(args.split).parts:  # belt and braces: the test split is for measurement only
        parser.error("the test split is kept back")
    stems = sorted({Path(f).stem for f in _list(args.repo, f"data/{args.split}/text")})
    stems = stems[:args.limit] if args.limit else stems
    articles = [load_article(args.repo, args.split, s) for s in stems]
    result = score(articles, verbose=args.verbose)
    print(f"PolNeAR {args.split}: {len(articles)} articles")
    for key, value in result.items():
        if isinstance(value, float):
            print(f"  {key:34} {value:.3f}")
    counts = result["counts"]
    for kind in ("direct", "mixed", "indirect"):
        print(f"  {kind:10} found {counts['found'].get(kind, 0):5} of {counts['gold'].get(kind, 0):5}")
    print(f"  marked predictions {counts['marked predictions']}, matched {counts['marked matched']}; "
          f"all predictions {counts['predictions']}, matched {counts['matched']}")
    print(f"  named sources matched {counts['named sources matched']}, speaker right {counts['speaker right']}")
    for key, lines in result.get("examples", {}).items():
        print(f"\n-- {key}")
        print("\n".join(f"   {line}" for line in lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
