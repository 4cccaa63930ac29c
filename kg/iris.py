"""Stable IRIs minted from what a thing is.

Curated Turtle and extracted facts about the same thing must meet on one IRI, and building
twice must give the same graph, so every IRI here is a pure function of names, codes and
dates. This module is plain Python (no RDF library) because the extractor mints IRIs too.

>>> person_iri("Recep Tayyip Erdoğan")
'https://w3id.org/ddkg/resource/person/recep-tayyip-erdogan'
>>> country_iri("tur")
'https://w3id.org/ddkg/resource/country/TUR'
>>> event_iri("Meeting", "2021-10-08", [person_iri("Zakaria Yalcin"), person_iri("Zakir Hasanov")])
'https://w3id.org/ddkg/resource/event/2021-10-08-meeting-zakaria-yalcin--zakir-hasanov'
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from importlib import resources
from typing import Iterable, Optional

RESOURCE_BASE = "https://w3id.org/ddkg/resource/"
CONCEPT_BASE = "https://w3id.org/ddkg/concept/"
GRAPH_BASE = "https://w3id.org/ddkg/graph/"
ONTOLOGY_NS = "https://w3id.org/ddkg/ontology#"

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 80


def _transliteration() -> dict[int, str]:
    """``kg/transliteration.tsv``: the letters decomposition leaves non-ASCII ("ø", "đ", "ß"),
    lower case and the capitals derived from them, as a ``str.translate`` table."""
    table: dict[int, str] = {}
    text = (resources.files("kg") / "transliteration.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        letter, _, latin = line.partition("\t")
        letter, latin = letter.strip(), latin.strip()
        table[ord(letter)] = latin
        capital = letter.upper()
        if len(capital) == 1 and capital != letter:
            table[ord(capital)] = latin[:1].upper() + latin[1:]
    return table


_TRANSLITERATION = _transliteration()


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; accents folded so spellings meet.

    >>> slug("Shusha Declaration on Allied Relations")
    'shusha-declaration-on-allied-relations'
    >>> slug("  Çavuşoğlu ")
    'cavusoglu'
    >>> slug("Tromsø"), slug("Đurović"), slug("Łódź"), slug("Ærø"), slug("Straße")
    ('tromso', 'durovic', 'lodz', 'aero', 'strasse')
    """
    folded = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION).replace("İ", "I"))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    result = _NON_SLUG.sub("-", ascii_text).strip("-")
    if len(result) > _MAX_SLUG:
        digest = hashlib.sha1(result.encode()).hexdigest()[:8]
        result = result[: _MAX_SLUG - 9].rstrip("-") + "-" + digest
    return result or "unnamed"


def local_name(iri: str) -> str:
    """The last path segment of an IRI, used to build readable composite IRIs."""
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def country_iri(iso3: str) -> str:
    return f"{RESOURCE_BASE}country/{iso3.upper()}"


def person_iri(name: str) -> str:
    return f"{RESOURCE_BASE}person/{slug(name)}"


def organization_iri(name: str) -> str:
    return f"{RESOURCE_BASE}org/{slug(name)}"


def place_iri(name: str) -> str:
    return f"{RESOURCE_BASE}place/{slug(name)}"


def exercise_iri(name: str) -> str:
    return f"{RESOURCE_BASE}exercise/{slug(name)}"


def agreement_iri(name: Optional[str] = None, *, kind: str = "Agreement",
                  date: Optional[str] = None, parties: Iterable[str] = ()) -> str:
    """A named agreement by its name; an unnamed one by date, parties and kind.

    >>> agreement_iri(kind="Agreement", date="1992", parties=[country_iri("TUR"), country_iri("AZE")])
    'https://w3id.org/ddkg/resource/agreement/1992-aze-tur-agreement'
    """
    if name:
        return f"{RESOURCE_BASE}agreement/{slug(name)}"
    parts = [date or "undated", *sorted(slug(local_name(p)) for p in parties), slug(kind)]
    return f"{RESOURCE_BASE}agreement/{'-'.join(parts)}"


def event_iri(event_type: str, date: Optional[str], participants: Iterable[str]) -> str:
    """An event by its type, date and participants (order does not matter)."""
    names = sorted({slug(local_name(p)) for p in participants})
    if len(names) > 4:
        tail = hashlib.sha1("|".join(names).encode()).hexdigest()[:10]
        names = names[:3] + [tail]
    parts = [date or "undated", slug(event_type)]
    return f"{RESOURCE_BASE}event/{'-'.join(parts)}-{'--'.join(names) or 'none'}"


def post_iri(holder: str, post_type: str, country: Optional[str],
             accredited_to: Optional[str] = None) -> str:
    parts = [slug(local_name(holder)), slug(post_type), slug(local_name(country)) if country else "unknown"]
    if accredited_to:
        parts += ["to", slug(local_name(accredited_to))]
    return f"{RESOURCE_BASE}post/{'-'.join(parts)}"


def relationship_iri(relation: str, subject: str, obj: str, via: Optional[str] = None,
                     symmetric: bool = True) -> str:
    ends = [slug(local_name(subject)), slug(local_name(obj))]
    if symmetric:
        ends.sort()
    tail = f"-via-{slug(local_name(via))}" if via else ""
    return f"{RESOURCE_BASE}relationship/{slug(relation)}-{ends[0]}--{ends[1]}{tail}"


def article_iri(article_id: str) -> str:
    return f"{RESOURCE_BASE}article/{slug(article_id)}"


def evidence_iri(asserted_by: str, article_id: str, start: int, end: int, fact: str) -> str:
    """One evidence node per (curated|extracted, article, span, fact)."""
    digest = hashlib.sha1(fact.encode()).hexdigest()[:10]
    return f"{RESOURCE_BASE}evidence/{asserted_by}/{slug(article_id)}/{start}-{end}-{digest}"


def concept_iri(scheme: str, name: str) -> str:
    """``concept_iri("post", "DefenceMinister")`` names a post type of the PostTypes scheme."""
    return f"{CONCEPT_BASE}{scheme}/{name}"


def ontology_iri(term: str) -> str:
    return ONTOLOGY_NS + term


def graph_iri(kind: str, name: Optional[str] = None) -> str:
    """Named graphs: ``ontology``, ``curated/<file>``, ``extracted/<article>``, ``derived``."""
    return f"{GRAPH_BASE}{kind}" + (f"/{slug(name)}" if name else "")
