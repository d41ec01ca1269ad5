"""Score predicted quotations and entities against gold annotations.

The rules are those of the project's shared scorer, so the figures in the README can be reproduced
from inside the repository (``bench/quotes_quality.py``, ``bench/entities_quality.py``, the quality
tests):

- Gold: one JSON file per article, ``{"id", "quotes": [{"text", "speaker", "kind"}], "entities":
  [{"name", "label", "mentions", "aliases"}]}`` (see ``tests/data/README.md``).
- Predictions: ``{article_id: {"quotes": [...], "entities": [...]}}``, the records printed by the
  ``quotes`` and ``entities`` commands.
- A predicted quotation matches a gold one one-to-one, greedily by the similarity of their
  normalised texts (``difflib`` ratio >= 0.8). Gold quotations of kind ``scare``, and unmatched
  predictions lying wholly inside a gold quotation (a nested quotation), count neither way.
- A speaker is right when it normalises to the gold speaker or one of its aliases, or contains it.
- Statements (:func:`score_statements`, issue 14; not in the shared scorer): on the matched
  quotations, whether ``content`` is right (normalised texts >= 0.8 similar; a prediction without
  ``content`` is taken at its ``text``) and ``unnamed_source`` (both empty, or both given and the
  prediction has the head word of the gold words, the last one, singular or plural).
- Entities: mention-weighted F1 over PERSON, ORG and PLACE (GPE + LOC). Where several predicted rows
  name one gold entity (an alias left unmerged) only the largest counts as found.

    python -m analysis.evaluate GOLD_DIR PREDICTIONS.json [-v]
"""
from __future__ import annotations

import difflib
import json
import re
import sys
import unicodedata
from pathlib import Path

__all__ = ["normalise", "speaker_matches", "score_quotes", "score_statements", "score_entities", "summarise",
           "details"]

_MARKS = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00ab": '"', "\u00bb": '"'})
_LABELS = ("PERSON", "ORG", "PLACE")
MATCH_RATIO = 0.8


def normalise(text: str | None) -> str:
    """Lower-cased text with unified quote marks, no possessive 's and no punctuation."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_MARKS).lower()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s'-]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _bare(text: str | None) -> str:
    return re.sub(r"^the ", "", normalise(text))


def _label(label: str) -> str:
    return "PLACE" if label in ("GPE", "LOC") else label


def _names(entity: dict) -> set[str]:
    return {_bare(a) for a in entity.get("aliases", [])} | {_bare(entity["name"])}


def speaker_matches(pred: str | None, gold: str | None, entities: list[dict]) -> bool:
    """Whether a predicted speaker names the gold one (a null gold speaker wants no speaker)."""
    if gold is None:
        return not pred
    if not pred:
        return False
    p, g = _bare(pred), _bare(gold)
    if p == g or (g and g in p):
        return True
    return any(g in names and p in names for names in map(_names, entities))


def score_quotes(gold: dict, pred: list[dict]) -> dict:
    """Counts for one article: gold, pred, match, speaker_ok, and the missed / extra / wrong lists."""
    golds = gold["quotes"]
    gold_texts = [normalise(g["text"]) for g in golds]
    pred_texts = [normalise(p.get("text")) for p in pred]
    pairs = sorted(((r, i, j) for i, gt in enumerate(gold_texts) for j, pt in enumerate(pred_texts)
                    if (r := difflib.SequenceMatcher(None, gt, pt).ratio()) >= MATCH_RATIO), reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches = []
    for _, i, j in pairs:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            matches.append((golds[i], pred[j]))
    nested = [j for j, pt in enumerate(pred_texts) if j not in used_pred and any(pt in gt for gt in gold_texts)]
    real = [(g, p) for g, p in matches if g["kind"] != "scare"]
    right = [speaker_matches(p.get("speaker"), g["speaker"], gold["entities"]) for g, p in real]
    return {"gold": sum(g["kind"] != "scare" for g in golds),
            "pred": len(pred) - (len(matches) - len(real)) - sum(1 for j in nested if pred_texts[j]),
            "match": len(real), "speaker_ok": sum(right),
            "missed": [g["text"][:60] for i, g in enumerate(golds) if i not in used_gold and g["kind"] != "scare"],
            "extra": [p.get("text", "")[:60] for j, p in enumerate(pred) if j not in used_pred and j not in nested],
            "wrong_speaker": [(g["text"][:40], g["speaker"], p.get("speaker"))
                              for (g, p), ok in zip(real, right) if not ok]}


def _similar(a: str | None, b: str | None) -> bool:
    a, b = normalise(a), normalise(b)
    return bool(a) and bool(b) and difflib.SequenceMatcher(None, a, b).ratio() >= MATCH_RATIO


def _unnamed_ok(gold: str | None, pred: str | None) -> bool:
    if not gold or not pred:
        return not gold and not pred
    head, words = normalise(gold).split()[-1], normalise(pred).split()
    return head in words or head.rstrip("s") in words


def score_statements(gold: dict, pred: list[dict]) -> dict:
    """Counts for one article's matched quotations (scare quotes aside, matched as in
    :func:`score_quotes`): matched, content_ok, unnamed_ok, and the errors as (gold, predicted) pairs."""
    golds = [g for g in gold["quotes"] if g["kind"] != "scare"]
    texts = [normalise(p.get("text")) for p in pred]
    pairs = sorted(((r, i, j) for i, g in enumerate(golds) for j, t in enumerate(texts)
                    if (r := difflib.SequenceMatcher(None, normalise(g["text"]), t).ratio()) >= MATCH_RATIO),
                   reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = {"matched": 0, "content_ok": 0, "unnamed_ok": 0, "content_errors": [], "unnamed_errors": []}
    for _, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        g, p = golds[i], pred[j]
        out["matched"] += 1
        g_content, p_content = g.get("content") or g["text"], p.get("content") or p.get("text")
        if _similar(g_content, p_content):
            out["content_ok"] += 1
        else:
            out["content_errors"].append((g_content, p_content))
        if _unnamed_ok(g.get("unnamed_source"), p.get("unnamed_source")):
            out["unnamed_ok"] += 1
        else:
            out["unnamed_errors"].append((g.get("unnamed_source"), p.get("unnamed_source")))
    return out


def score_entities(gold: dict, pred: list[dict]) -> dict:
    """Mention counts for one article: gold, pred, tp, and the split / spurious / off lists."""
    gents = [e for e in gold["entities"] if _label(e["label"]) in _LABELS]
    names = [(e, _names(e)) for e in gents]
    found = {e["name"]: 0 for e in gents}
    rows = {e["name"]: 0 for e in gents}
    spurious, n_pred = [], 0
    for p in pred:
        if _label(p.get("label", "")) not in _LABELS:
            continue
        mentions = int(p.get("mentions", 0))
        n_pred += mentions
        name = _bare(p.get("entity") or p.get("name"))
        hit = next((e for e, ns in names if name in ns), None)
        if hit is None:
            spurious.append((p.get("entity") or p.get("name"), mentions))
            continue
        found[hit["name"]] = max(found[hit["name"]], mentions)  # a split alias is a miss
        rows[hit["name"]] += 1
    return {"gold": sum(e["mentions"] for e in gents), "pred": n_pred,
            "tp": sum(min(found[e["name"]], e["mentions"]) for e in gents),
            "split": [n for n, k in rows.items() if k > 1], "spurious": spurious,
            "off": [(e["name"], e["mentions"], found[e["name"]]) for e in gents if found[e["name"]] != e["mentions"]]}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def summarise(gold_dir: Path, preds: dict) -> dict:
    """Quote P/R/F1, speaker accuracy, attributed F1 and entity P/R/F1 over every gold file in gold_dir.

    ``counts`` holds the summed counts; ``articles`` maps each article id to its ``quotes`` and
    ``entities`` scores (with their error lists, see :func:`details`).
    """
    qs = dict.fromkeys(("gold", "pred", "match", "speaker_ok"), 0)
    es = dict.fromkeys(("gold", "pred", "tp"), 0)
    articles = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        pred = preds.get(gold["id"], {})
        q, e = score_quotes(gold, pred.get("quotes", [])), score_entities(gold, pred.get("entities", []))
        articles[gold["id"]] = {"quotes": q, "entities": e}
        for k in qs:
            qs[k] += q[k]
        for k in es:
            es[k] += e[k]
    qp, qr = _ratio(qs["match"], qs["pred"]), _ratio(qs["match"], qs["gold"])
    ep, er = _ratio(es["tp"], es["pred"]), _ratio(es["tp"], es["gold"])
    return {"quote_p": qp, "quote_r": qr, "quote_f1": _f1(qp, qr),
            "speaker_acc": _ratio(qs["speaker_ok"], qs["match"]),
            "attributed_f1": _f1(_ratio(qs["speaker_ok"], qs["pred"]), _ratio(qs["speaker_ok"], qs["gold"])),
            "entity_p": ep, "entity_r": er, "entity_f1": _f1(ep, er),
            "counts": {"quotes": qs, "entities": es}, "articles": articles}


def details(result: dict, *, quotes: bool = True, entities: bool = True) -> list[str]:
    """The per-article errors of a :func:`summarise` result, as readable lines."""
    lines = []
    for article_id, scores in result["articles"].items():
        q, e = scores["quotes"], scores["entities"]
        lines.append(f"## {article_id}: quotes {q['match']}/{q['gold']} matched, {q['pred']} predicted, "
                     f"{q['speaker_ok']} speakers ok; entity mentions tp {e['tp']} gold {e['gold']} pred {e['pred']}")
        if quotes:
            lines += [f"   missed: {m}" for m in q["missed"]] + [f"   extra : {m}" for m in q["extra"]]
            lines += [f"   speaker: {m}" for m in q["wrong_speaker"]]
        if entities:
            lines += [f"   entity split: {e['split']}"] if e["split"] else []
            lines += [f"   spurious entity: {m}" for m in e["spurious"]]
            lines += [f"   count off (name, gold, pred): {m}" for m in e["off"]]
    return lines


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.evaluate GOLD_DIR PREDICTIONS.json [-v]``: print the summary as JSON."""
    args = sys.argv[1:] if argv is None else argv
    paths = [a for a in args if a != "-v"]
    if len(paths) != 2:
        print(__doc__.rsplit("\n\n", 1)[-1].strip(), file=sys.stderr)
        return 2
    result = summarise(Path(paths[0]), json.loads(Path(paths[1]).read_text(encoding="utf-8")))
    if "-v" in args:
        print("\n".join(details(result)))
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items() if k != "articles"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
