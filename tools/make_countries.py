"""Generate ``seeds/curated/countries.ttl``: the 193 UN member states and the 2 observer states.

Why: the extractor links "Turkish", "Türkiye" or "Ankara" to a country through the curated
country entities, and analysts query by ISO code and UN status. Typing 195 countries by hand
goes stale and wrong, so this script builds them from well-kept data packages and keeps the
hand-made part small, commented and visible in the tables below.

How to re-run (after upgrading the packages, for example)::

    pip install -e '.[reference]'          # pycountry, country-converter, countryinfo
    python tools/make_countries.py -o seeds/curated/countries.ttl
    # or: python tools/make_countries.py > seeds/curated/countries.ttl
    pytest tests/test_reference_countries.py

The output is deterministic (countries sorted by ISO 3166 alpha-3, values sorted), so a
re-run with the same package versions gives the same file, and a diff after an upgrade
shows exactly what the packages changed. Warnings about dropped ambiguous names go to stderr.

Where each value comes from:

- UN membership: country-converter's ``UNmember`` column (the year of admission) gives the 193
  members. No package flags the two observer states, so ``OBSERVERS`` below names them.
- ``ddkg:iso2``, ``ddkg:iso3``: pycountry (ISO 3166-1), cross-checked with country-converter.
- ``rdfs:label``: country-converter's short name, which follows current official short names
  (Eswatini, North Macedonia); ``NEWS_LABEL`` picks the name English news mostly uses where
  that differs ("Turkey", not "Türkiye"). Every choice there must be a name some package
  already gives the country: the table chooses, it does not invent.
- ``ddkg:officialName``: pycountry's ISO official name, else country-converter's.
- ``skos:altLabel``: every other English name from pycountry (name, official and common
  name), country-converter (short and official name) and countryinfo (name and the English
  ones of its ``altSpellings``, which mix languages), accent-free spellings of those, and a
  small table ``NEWS_ALT`` of news usage no package has ("Britain", "America", "Burma").
- ``ddkg:capital``, ``ddkg:demonym``: countryinfo (MIT licence); ``CAPITAL_FIX``,
  ``DEMONYM_FIX`` correct the few stale or misspelt values, ``EXTRA_ADJECTIVES`` adds common
  adjectives ("Saudi" beside "Saudi Arabian").
- Ambiguity: a name, demonym or adjective must resolve to one country. Names that two
  countries share, one-word names that are also a word of another country's name ("Congo",
  "Korea"), and names that country-converter's name regexes map to another country are
  dropped with a warning on stderr (a country keeps its own label: "Guinea" stays Guinea's).

Wikidata ids (``owl:sameAs wd:Q...``) are NOT included: none of these packages ships Wikidata
ids for countries (countryinfo only has Wikipedia URLs, several of them wrong, e.g. Spain's
points at the Spratly Islands), and this generator runs without network access. Add them
from a package or dump that ships verified ids, never by hand from memory.
"""
from __future__ import annotations

import argparse
import csv
import importlib.metadata
import importlib.resources
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.iris import country_iri, place_iri  # noqa: E402

try:
    import pycountry
    from countryinfo import CountryInfo
except ImportError as exc:  # pragma: no cover - a developer tool
    sys.exit(f"make_countries: {exc}; install the extra: pip install -e '.[reference]'")

PACKAGES = ("pycountry", "country-converter", "countryinfo")

# --- hand tables (small on purpose; each entry says why no package value serves) ----------

# UN non-member observer states. country-converter's UNmember column lists members only and
# pycountry has no UN data, so the two observer states are named here.
OBSERVERS = {"VAT": "Holy See", "PSE": "State of Palestine"}

# The label is the short name English news mostly uses, where it differs from
# country-converter's short name (which uses official short forms or abbreviations).
# Each value must be a name some package already gives that country (checked below).
NEWS_LABEL = {
    "TUR": "Turkey",                       # coco: Türkiye
    "CZE": "Czech Republic",               # coco: Czechia
    "CIV": "Ivory Coast",                  # coco: Côte d'Ivoire
    "CPV": "Cape Verde",                   # coco: Cabo Verde
    "TLS": "East Timor",                   # coco: Timor-Leste
    "BRN": "Brunei",                       # coco: Brunei Darussalam
    "COG": "Republic of the Congo",        # coco: Congo Republic
    "FSM": "Micronesia",                   # coco: Micronesia, Fed. Sts.
    "KNA": "Saint Kitts and Nevis",        # coco: St. Kitts and Nevis
    "LCA": "Saint Lucia",                  # coco: St. Lucia
    "VCT": "Saint Vincent and the Grenadines",  # coco: St. Vincent and the Grenadines
    "VAT": "Holy See",                     # coco: Vatican; the Holy See is the diplomatic actor
}

# Other names in common news and diplomatic usage that no package gives (or that a package
# gives only as the country's own ISO code, like "US", which is filtered out as a code).
NEWS_ALT = {
    "USA": ("US", "USA", "U.S.", "America"),
    "GBR": ("Britain", "U.K."),
    "COD": ("Democratic Republic of Congo",),
    "COG": ("Republic of Congo",),
    "PRK": ("DPRK",),
    "KOR": ("ROK",),
    "MMR": ("Burma",),   # countryinfo has it only as the name of a duplicate record
    "NLD": ("Holland",), # countryinfo has it among Dutch spellings the English filter drops
    "BIH": ("Bosnia",),
    "VAT": ("Vatican City",),
}

# Capitals where countryinfo is stale or gives the state's name instead of a city.
CAPITAL_FIX = {
    "KAZ": "Astana",        # countryinfo: Nur-Sultan (renamed back to Astana in 2022)
    "VAT": "Vatican City",  # countryinfo: "Vatican City State" (its second VAT record: Vatican City)
    # countryinfo's two PSE records give Jerusalem and Ramallah. Jerusalem is also Israel's,
    # and a capital stands for a government in text ("Ramallah said"), so the seat of the
    # Palestinian government is used; the claim on East Jerusalem is not modelled here.
    "PSE": "Ramallah",
}

# Demonyms where countryinfo is misspelt, missing or archaic.
DEMONYM_FIX = {
    "CPV": ("Cape Verdean",),   # countryinfo: "Cape Verdian"
    "DJI": ("Djiboutian",),     # countryinfo: "Djibouti" (the country's name)
    "MDV": ("Maldivian",),      # countryinfo: "Maldivan"
    "TJK": ("Tajik",),          # countryinfo: "Tadzhik" (Soviet-era transliteration)
    "KGZ": ("Kyrgyz",),         # countryinfo: "Kirghiz" (Soviet-era transliteration)
}

# Adjectives in common use beside the package's demonym (which is used as an adjective too).
EXTRA_ADJECTIVES = {
    "SAU": ("Saudi",),
    "ARG": ("Argentine",),
    "KAZ": ("Kazakh",),
    "UZB": ("Uzbek",),
    "PHL": ("Philippine",),
    "SVN": ("Slovenian",),
    "COM": ("Comorian",),
    "GNB": ("Bissau-Guinean",),
    "ISL": ("Icelandic",),      # countryinfo's "Icelander" is the noun
    "SUR": ("Surinamese",),     # countryinfo's "Surinamer" is the noun
    "NZL": ("New Zealand",),    # countryinfo's "New Zealander" is the noun
    "LUX": ("Luxembourgish",),  # countryinfo's "Luxembourger" is the noun
    "BWA": ("Botswanan",),      # countryinfo's "Motswana" is the noun
    "VAT": ("Vatican",),        # countryinfo's "Vaticanian" is rare; news says "Vatican"
    "LAO": ("Lao",),            # the official adjective ("the Lao People's Army"), beside "Laotian"
}

# A demonym or adjective two countries share goes to the one news nearly always means;
# without an entry here it is dropped from both (e.g. "Congolese").
PREFERRED_OWNER = {
    "dominican": "DOM",  # also Dominica's, but in news it means the Dominican Republic
}

# --- helpers --------------------------------------------------------------------------------

# Words that may appear in an English country name besides the country's own name words.
STATE_WORDS = {
    "the", "of", "and", "republic", "kingdom", "state", "states", "democratic", "people's",
    "federal", "federated", "federation", "islamic", "united", "union", "principality",
    "grand", "duchy", "commonwealth", "socialist", "independent", "plurinational",
    "bolivarian", "arab", "hashemite", "sultanate", "co-operative", "oriental", "eastern",
    "great", "northern", "southern", "north", "south", "east", "west", "islands", "city",
}

_WORD = re.compile(r"[\w'’]+", re.UNICODE)


def fold(text: str) -> str:
    """Accents removed: "Türkiye" -> "Turkiye"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def key(text: str) -> str:
    return fold(text).casefold()


def words(text: str) -> list[str]:
    return [key(w) for w in _WORD.findall(text.replace("-", " "))]


def tidy(name: str) -> list[str]:
    """Normalise one package name into zero or more usable English forms.

    ``Korea, Republic of`` -> ``Republic of Korea``; ``Holy See (Vatican City State)`` ->
    ``Holy See``, ``Vatican City State``; ``the State of Eritrea`` -> ``State of Eritrea``;
    other comma forms keep their head: ``Micronesia, Fed. Sts.`` -> ``Micronesia``.
    """
    name = " ".join(name.split())
    if not name:
        return []
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if m:
        return [n for part in m.groups() for n in tidy(part)]
    if "," in name:
        head, _, tail = name.partition(",")
        tail = tail.strip()
        if re.search(r"\bof( the)?$", tail, re.IGNORECASE):
            return tidy(f"{tail} {head.strip()}")
        return tidy(head)
    return [re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)]


def occurs_in(word: str, text: str) -> bool:
    """``word`` is a whole word of ``text`` (a hyphen joins words: Guinea-Bissau)."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", key(text)) is not None


def add_unique(values: list[str], *new: str) -> None:
    """Append the values not yet present (ignoring case, not accents: "Türkiye", "Turkiye")."""
    seen = {v.casefold() for v in values}
    for value in new:
        if value and value.casefold() not in seen:
            values.append(value)
            seen.add(value.casefold())


def warn(message: str) -> None:
    print(f"make_countries: {message}", file=sys.stderr)


@dataclass
class Country:
    iso3: str
    iso2: str
    un_status: str
    label: str
    official: str
    alt: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    capital: Optional[str] = None


# --- sources --------------------------------------------------------------------------------


def coco_rows() -> list[dict[str, str]]:
    """country-converter's table, read as text: its own loader breaks on pandas 3 (1.3.2)."""
    path = importlib.resources.files("country_converter") / "country_data.tsv"
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def countryinfo_records() -> dict[str, list[dict]]:
    """countryinfo's records by ISO alpha-3; the record its lookup returns comes first.

    A few codes have several records (PSE, VAT, MMR "Burma", GBR "Wales"): names come from
    the first record only, the others just fill a value the first lacks (PSE's demonym).
    """
    by_iso3: dict[str, list[dict]] = defaultdict(list)
    for record in sorted(CountryInfo.all().values(), key=lambda r: r.get("name", "")):
        iso3 = (record.get("ISO") or {}).get("alpha3")
        if iso3:
            by_iso3[iso3].append(record)
    for iso3, records in by_iso3.items():
        try:
            primary = CountryInfo(iso3).info()
        except Exception:  # noqa: BLE001 - countryinfo raises its own error types
            continue
        records.sort(key=lambda r: r.get("name") != primary.get("name"))
    return by_iso3


def first_value(records: list[dict], name: str) -> Optional[str]:
    for record in records:
        value = record.get(name)
        if isinstance(value, list):
            value = value[0] if value else None
        if value:
            return str(value).strip()
    return None


def english_alt_spellings(alts: Iterable[str], known: set[str], codes: set[str],
                          demonyms: set[str]) -> list[str]:
    """countryinfo's altSpellings mix languages and codes: keep English names only.

    A spelling is kept when each of its words is a state word ("Republic", "Kingdom") or a
    word of the country's names or capital from the packages ("Republic of Turkey",
    "Great Britain"), or when it is an acronym ("UK", "UAE", "DRC"). Dropped: the country's
    own ISO codes, demonyms ("Togolese"), and spellings with letters outside ASCII, which
    are native forms ("România", "Pākistān"); the English names with accents ("Côte
    d'Ivoire", "Türkiye") come from pycountry and country-converter.
    """
    kept = []
    for alt in alts:
        for name in tidy(alt):
            if name.upper() in codes or name.casefold() in demonyms or not name.isascii():
                continue
            if re.fullmatch(r"[A-Z]{2,4}", name):
                kept.append(name)
                continue
            ws = words(name)
            if ws and all(w in STATE_WORDS or w in known for w in ws):
                kept.append(name)
    return kept


def build() -> list[Country]:
    rows = coco_rows()
    coco_by_iso3 = {r["ISO3"]: r for r in rows}
    members = sorted(r["ISO3"] for r in rows if r["UNmember"].strip() and not r["obsolete"].strip())
    if len(members) != 193:
        warn(f"country-converter lists {len(members)} UN members, not 193")
    info = countryinfo_records()
    countries = []
    for iso3 in sorted(set(members) | set(OBSERVERS)):
        pc = pycountry.countries.get(alpha_3=iso3)
        row = coco_by_iso3[iso3]
        records = info.get(iso3, [])
        if pc is None or not records:
            raise SystemExit(f"make_countries: {iso3} missing from pycountry or countryinfo")
        if re.fullmatch(r"[A-Z]{2}", row["ISO2"]) and row["ISO2"] != pc.alpha_2:
            warn(f"{iso3}: pycountry alpha-2 {pc.alpha_2} but country-converter {row['ISO2']}")

        package_names: list[str] = []
        for raw in (getattr(pc, "common_name", None), pc.name, getattr(pc, "official_name", None),
                    row["name_short"], row["name_official"], records[0].get("name")):
            if raw:
                add_unique(package_names, *tidy(raw))
        capital = CAPITAL_FIX.get(iso3) or first_value(records, "capital")
        known = {w for n in package_names + [capital or ""] for w in words(n)}
        codes = {iso3, pc.alpha_2}
        demonym_raw = first_value(records, "demonym")
        demonyms = list(DEMONYM_FIX.get(iso3, ()))
        if not demonyms and demonym_raw:
            demonyms = [d.strip() for d in re.split(r",| and ", demonym_raw) if d.strip()]
        adjectives: list[str] = []
        add_unique(adjectives, *demonyms, *EXTRA_ADJECTIVES.get(iso3, ()))
        add_unique(package_names, *english_alt_spellings(
            records[0].get("altSpellings") or [], known, codes, {a.casefold() for a in adjectives}))

        label = NEWS_LABEL.get(iso3) or (tidy(row["name_short"]) or tidy(pc.name))[0]
        if key(label) not in {key(n) for n in package_names}:
            raise SystemExit(f"make_countries: NEWS_LABEL {label!r} for {iso3} is in no package")
        # ISO's official name; else country-converter's unless it is a comma form
        # ("Nation of Brunei, Abode of Peace"); else ISO's name ("Brunei Darussalam").
        official = (tidy(getattr(pc, "official_name", None) or "")
                    or ([] if "," in row["name_official"] else tidy(row["name_official"]))
                    or tidy(pc.name) or [label])[0]

        alt: list[str] = []
        add_unique(alt, label, official, *package_names, *NEWS_ALT.get(iso3, ()))
        add_unique(alt, *(fold(n) for n in list(alt) if fold(n) != n and fold(n).isascii()))
        alt = [a for a in alt if a.casefold() not in {label.casefold(), official.casefold()}]

        countries.append(Country(
            iso3=iso3, iso2=pc.alpha_2,
            un_status="observer" if iso3 in OBSERVERS else "member",
            label=label, official=official, alt=alt, demonyms=demonyms,
            adjectives=adjectives, capital=capital))
    return countries


# --- ambiguity ------------------------------------------------------------------------------


def coco_regexes() -> list[tuple[str, re.Pattern]]:
    return [(r["ISO3"], re.compile(r["regex"], re.IGNORECASE))
            for r in coco_rows() if r["regex"] and not r["obsolete"].strip()]


def resolve_ambiguity(countries: list[Country]) -> None:
    """Drop every name, demonym and adjective that would not resolve to one country."""
    by_iso3 = {c.iso3: c for c in countries}

    # 1. A string two countries share: the country whose label it is keeps it; a
    #    PREFERRED_OWNER entry decides demonyms; otherwise no one keeps it.
    owners: dict[str, set[str]] = defaultdict(set)
    for c in countries:
        for value in (c.label, c.official, *c.alt, *c.demonyms, *c.adjectives):
            owners[key(value)].add(c.iso3)
    for k, isos in sorted(owners.items()):
        if len(isos) < 2:
            continue
        label_owners = {i for i in isos if key(by_iso3[i].label) == k}
        if len(label_owners) > 1:
            raise SystemExit(f"make_countries: label {k!r} shared by {sorted(label_owners)}")
        keeper = next(iter(label_owners), None) or PREFERRED_OWNER.get(k)
        for iso3 in sorted(isos - {keeper}):
            c = by_iso3[iso3]
            if key(c.official) == k:
                raise SystemExit(f"make_countries: official name {k!r} shared by {sorted(isos)}")
            warn(f"dropped {k!r} from {iso3}: shared by {', '.join(sorted(isos))}"
                 + (f", kept for {keeper}" if keeper else ""))
            c.alt = [a for a in c.alt if key(a) != k]
            c.demonyms = [d for d in c.demonyms if key(d) != k]
            c.adjectives = [a for a in c.adjectives if key(a) != k]

    # 2. A one-word name that is a word of another country's name is shorthand for more
    #    than one country ("Congo", "Korea"); the country whose label it is keeps it.
    for c in countries:
        keep = []
        for a in c.alt:
            ws = words(a)
            clash = sorted(o.iso3 for o in countries if o is not c and len(ws) == 1
                           and any(occurs_in(key(a), n) for n in (o.label, *o.alt)))
            if clash:
                warn(f"dropped {a!r} from {c.iso3}: also part of the names of {', '.join(clash)}")
            else:
                keep.append(a)
        c.alt = keep

    # 3. country-converter's name regexes: an alternative name they map to another country
    #    (or territory) is ambiguous.
    regexes = coco_regexes()
    for c in countries:
        keep = []
        for a in c.alt:
            hits = sorted({iso for iso, rx in regexes if rx.search(a)} - {c.iso3})
            if hits:
                warn(f"dropped {a!r} from {c.iso3}: country-converter maps it to {', '.join(hits)}")
            else:
                keep.append(a)
        c.alt = keep
        hits = sorted({iso for iso, rx in regexes if rx.search(c.label)} - {c.iso3})
        if hits:
            warn(f"label {c.label!r} of {c.iso3} also matches country-converter's {', '.join(hits)}")

    capitals: dict[str, list[str]] = defaultdict(list)
    for c in countries:
        if c.capital:
            capitals[place_iri(c.capital)].append(c.iso3)
    for iri, isos in sorted(capitals.items()):
        if len(isos) > 1:
            warn(f"capital {iri} shared by {', '.join(isos)}")


# --- Turtle ---------------------------------------------------------------------------------


def literal(text: str, lang: Optional[str] = "en") -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"' + (f"@{lang}" if lang else "")


def sort_key(text: str) -> tuple[str, str]:
    return (key(text), text)


def versions() -> str:
    return ", ".join(f"{p} {importlib.metadata.version(p)}" for p in PACKAGES)


def turtle(countries: list[Country]) -> str:
    out = [
        "# GENERATED FILE: do not edit by hand; change tools/make_countries.py and re-run:",
        "#   python tools/make_countries.py -o seeds/curated/countries.ttl",
        f"# Sources: {versions()}; hand tables in the script",
        "# (news-usage labels and names, UN observers, a few capital and demonym fixes).",
        f"# {sum(c.un_status == 'member' for c in countries)} UN member states and "
        f"{sum(c.un_status == 'observer' for c in countries)} observer states, sorted by ISO 3166 alpha-3.",
        "# No owl:sameAs to Wikidata: no package used here ships Wikidata ids for countries.",
        "",
        "@prefix ddkg: <https://w3id.org/ddkg/ontology#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix wd: <http://www.wikidata.org/entity/> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "",
    ]
    places: dict[str, str] = {}
    for c in countries:
        lines = [f"<{country_iri(c.iso3)}> a ddkg:Country",
                 f"rdfs:label {literal(c.label)}",
                 f"ddkg:officialName {literal(c.official)}"]
        for predicate, values in (("skos:altLabel", c.alt), ("ddkg:demonym", c.demonyms),
                                  ("ddkg:adjective", c.adjectives)):
            if values:
                objects = ", ".join(literal(v) for v in sorted(values, key=sort_key))
                lines.append(f"{predicate} {objects}")
        lines += [f"ddkg:iso2 {literal(c.iso2, None)}", f"ddkg:iso3 {literal(c.iso3, None)}",
                  f"ddkg:unStatus {literal(c.un_status, None)}"]
        if c.capital:
            iri = place_iri(c.capital)
            places.setdefault(iri, c.capital)
            lines.append(f"ddkg:capital <{iri}>")
        out.append(" ;\n    ".join(lines) + " .\n")
    out.append("# Capitals")
    out.append("")
    for iri, name in sorted(places.items()):
        lines = [f"<{iri}> a ddkg:Place", f"rdfs:label {literal(name)}"]
        if fold(name) != name and fold(name).isascii():
            lines.append(f"skos:altLabel {literal(fold(name))}")
        out.append(" ;\n    ".join(lines) + " .\n")
    return "\n".join(out)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    args = parser.parse_args(argv)
    countries = build()
    resolve_ambiguity(countries)
    text = turtle(countries)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    lacking = [c.iso3 for c in countries if not c.demonyms]
    warn(f"{len(countries)} countries; without a demonym: {', '.join(lacking) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
