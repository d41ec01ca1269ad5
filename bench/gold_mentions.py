"""Count each gold entity's mentions in its article from its aliases (the annotation rule).

Longest match first, case-sensitive, word boundaries, over the headline, the paragraphs and the
byline (not the front matter); a name inside a longer name is not counted. Prints the entities
whose gold count differs, or writes the counts with ``--write``.

Usage: ``python bench/gold_mentions.py ARTICLES_DIR GOLD_DIR [--write]``
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path


def body(path: Path) -> str:
    """The article text without its front matter."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[2]
    return text


def count(text: str, entities: list[dict]) -> dict[str, int]:
    """Mentions of each entity (by name): longest alias first, no overlaps."""
    forms = sorted({(a, e["name"]) for e in entities for a in {*e["aliases"], e["name"]}},
                   key=lambda f: -len(f[0]))
    used = bytearray(len(text))
    out = dict.fromkeys((e["name"] for e in entities), 0)
    for alias, name in forms:
        for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
            if not any(used[m.start():m.end()]):
                used[m.start():m.end()] = b"\1" * (m.end() - m.start())
                out[name] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--write", action="store_true", help="write the counts into the gold files")
    args = parser.parse_args(argv)
    bad = 0
    for gold_path in sorted(args.gold.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        counts = count(body(args.articles / f"{gold['id']}.txt"), gold["entities"])
        for e in gold["entities"]:
            if counts[e["name"]] != e["mentions"]:
                bad += 1
                print(f"{gold['id']}: {e['name']} gold {e['mentions']} counted {counts[e['name']]}")
                e["mentions"] = counts[e["name"]]
        if args.write:
            gold_path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{bad} count(s) differ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
