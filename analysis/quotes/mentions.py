"""Names from the mention table for speaker resolution (part of :mod:`analysis.quotes`): titles off the
front, a headline's verb of saying off either end, public bodies' names the NER cut at "and" put back."""
from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd

from analysis.quotes import lexicon as lex
from analysis.quotes.grammar import TITLE_WORDS

__all__ = ["strip_titles", "records", "join_bodies", "no_cue_word"]


@functools.lru_cache(maxsize=100_000)
def strip_titles(name: str, *, keep: int) -> str:
    """``name`` without leading titles ("Agriculture Commissioner Lena Hofstad" → "Lena Hofstad"), keeping
    at least ``keep`` words."""
    spans = [m.span() for m in re.finditer(r"[\w’'.-]+", name)]
    words = [name[a:b] for a, b in spans]

    def title(word: str) -> bool:
        w = word.lower().rstrip(".")
        return w in TITLE_WORDS or w.split("-")[-1] in TITLE_WORDS  # vice-president

    i = 0
    while len(spans) - i > keep and title(words[i]):
        i += 1
    # a title after a place or an organisation: "Abbotsford MP Ed Fast", "Unifor Local 2040 vice-president …"
    last = max((k for k in range(i, len(words) - keep) if title(words[k])), default=-1)
    if last >= i and all(w[:1].isupper() for w in words[last + 1:]):
        i = last + 1
    return name[spans[i][0]:] if i else name


def records(df: pd.DataFrame) -> list[dict]:
    """``df.to_dict("records")``; faster for a table of numbers and strings only (a mention table)."""
    plain = all(isinstance(t, pd.StringDtype) or (isinstance(t, np.dtype) and t.kind in "iufb") for t in df.dtypes)
    if not plain or not df.columns.is_unique:
        return df.to_dict("records")
    columns = list(df.columns)
    # The columns' arrays straight from the frame's blocks (no Series made per column), when pandas has them.
    arrays = getattr(getattr(df, "_mgr", None), "column_arrays", None)
    if not isinstance(arrays, list) or len(arrays) != len(columns):
        arrays = [df[c] for c in columns]
    return [dict(zip(columns, values)) for values in zip(*(a.tolist() for a in arrays))]


#: A public body's name that may go on with "and …" ("Ministry of Fisheries and Oceans").
_BODY_OF = re.compile(r"(?:^|\s)(?:Ministry|Department|Office|Bureau|Agency|Commission|Committee|Council|Institute|"
                      r"Board|Secretary|Minister|Authority|Federation|Association|Union) (?:of|for) ")


def join_bodies(mentions: list[dict], text: str) -> list[dict]:
    """Mentions with a public body's name put back together when the NER cut it at "and" ("Ministry of
    Fisheries" + "Oceans")."""
    out: list[dict] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and m["label"] == "ORG" and prev["label"] == "ORG" and prev["start"] >= 0 \
                and text[prev["end"]:m["start"]] == " and " and _BODY_OF.search(prev["text"]) \
                and prev["entity"] == prev["text"] and m["entity"] == m["text"]:
            name = text[prev["start"]:m["end"]]
            out[-1] = {**prev, "end": m["end"], "text": name, "entity": name}
            continue
        out.append(m)
    return out


_IRREGULAR_CUES = frozenset("said says told tells wrote writes spoke speaks".split())


@functools.lru_cache(maxsize=100_000)
def no_cue_word(name: str) -> str:
    """A name without the verb of saying a headline glued to it ("Obama Says …" → Obama, "Said Comey" →
    Comey): a capitalised first or last word that is a form of a cue verb."""
    words = name.split()
    if len(words) < 2:
        return name

    def cue(word: str) -> bool:
        w = word.lower()
        return word[:1].isupper() and (w in _IRREGULAR_CUES or w[:-1] in lex.CUE_LEMMAS and w.endswith("s")
                                       or w.endswith(("es", "ed")) and w[:-2] in lex.CUE_LEMMAS
                                       or w.endswith("ed") and w[:-1] in lex.CUE_LEMMAS)
    if cue(words[-1]):
        return " ".join(words[:-1])
    if cue(words[0]):
        return " ".join(words[1:])
    return name
