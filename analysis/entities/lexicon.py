"""Is a capitalised word an ordinary English word? From TextBlob's bundled tagger lexicon (a plain
word list shipped inside the package, no NLTK corpora needed).

Text we did not write capitalises ordinary words everywhere: title-case headlines ("Turnout
Slips"), sentence starts ("Rescue teams reached …"), descriptors before a name ("Shipper Nordvik
Line"), roles ("Councilwoman Beth Harlow"). These predicates tell them from names:

- :func:`common_noun`: a noun whose capitalised form is no proper noun ("Shipper", not "Hunter");
- :func:`ordinary`: any word of the lexicon that is no known name ("Rescue", "Red", not "Austin");
- :func:`agent_noun`: a noun that names a trade ("Retailer", "Shipper"), not a material ("Cobalt");
- :func:`is_role_compound`: a role in "-man", "-woman" or "-person" ("Councilwoman"), not a
  surname ("Coleman").
"""
from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

from analysis.entities.gazetteer import lookup
from analysis.entities.keys import QUOTES, name_key

__all__ = ["lexicon", "common_noun", "ordinary", "agent_noun", "is_role_compound", "TRADE_NOUNS"]

#: Nouns for kinds of organisation that describe the name after them ("Airline Nordair").
TRADE_NOUNS = frozenset("""airline bank broadcaster carrier charity company conglomerate consortium developer
firm giant group insurer lender maker manufacturer operator producer publisher regulator retailer startup
supplier utility""".split())
_EDGE = ".,;:!?\"'\u2019\u2018\u201c\u201d"
_S = re.compile(r"['\u2019]s$")


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """Word → first tag in TextBlob's bundled tagger lexicon (empty when it is missing)."""
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "en" / "en-lexicon.txt"
    out: dict[str, str] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 2 and not line.startswith(";"):
                out.setdefault(parts[0], parts[1])
    return out


def common_noun(word: str) -> bool:
    """Whether a capitalised word is a common noun, not a name: its lower-case form is a
    noun in the lexicon and its capitalised form is not a proper noun ("Shipper",
    "Watchmaker", not "Hunter" or "Baker"); agent compounds in "-maker" count."""
    lex = lexicon()
    w = word.strip(".,;:")
    lower = w.lower()
    if not w[:1].isupper() or not w[1:].islower():
        return False
    if lower.endswith("maker") and len(lower) > 7:
        return True
    return lex.get(lower) in ("NN", "NNS") and lex.get(w, "NN") in ("NN", "NNS")


@functools.lru_cache(maxsize=50_000)
def ordinary(word: str) -> bool:
    """Whether a word's lower-case form is an ordinary word of the lexicon and no known name: in a
    title-case headline "Rescue", "Red" and "High" are, "Austin" and "Turkey" are not."""
    w = _S.sub("", word.strip(_EDGE))
    tag = lexicon().get(w.lower())
    return bool(w) and tag is not None and tag not in ("NNP", "NNPS") and lookup(name_key(w)) is None


def agent_noun(word: str) -> bool:
    """Whether a common noun names a kind of business or trade ("Shipper", "Watchmaker", "Retailer",
    "Airline"), so it describes the name after it; not "Cobalt" or "Summit"."""
    lex = lexicon()
    w = word.strip(".,;:").lower()
    if w in TRADE_NOUNS or w.endswith("maker"):
        return True
    for suffix in ("er", "or", "r"):
        stem = w[:-len(suffix)]
        if w.endswith(suffix) and len(stem) > 2:
            stems = (stem, stem[:-1]) if len(stem) > 3 and stem[-1] == stem[-2] else (stem,)
            if any(lex.get(s, "").startswith("VB") or (len(s) > 3 and lex.get(s) == "NN") for s in stems):
                return True
    return False


@functools.lru_cache(maxsize=50_000)
def is_role_compound(word: str) -> bool:
    """Whether a word is a role made of a noun and "-man", "-woman" or "-person" ("Councilwoman",
    "Assemblywoman", "Alderman"), not a surname that ends so ("Coleman", "Newman"): the word is a
    common noun in the tagger lexicon, or its stem is and it ends in "-woman" or "-person"."""
    w = word.translate(QUOTES).strip(_EDGE).lower()
    lex = lexicon()
    for ending in ("woman", "women", "person", "persons", "man", "men"):
        if w.endswith(ending) and len(w) > len(ending) + 2:
            stem = w[:-len(ending)]
            if lex.get(w) in ("NN", "NNS") or (ending[0] in "wp" and lex.get(stem) in ("NN", "NNS", "VB")):
                return True
            if ending.startswith("wom") and lex.get(stem + ending[2:]) in ("NN", "NNS"):
                return True  # "Alderwoman" as "Alderman"
            # "Assemblyman", "Congressman": a long noun before "-man" (not "Coleman", "Bowman")
            return len(stem) >= 5 and lex.get(stem) in ("NN", "NNS")
    return False
