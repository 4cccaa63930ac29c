"""The generated country reference data (seeds/curated/countries.ttl, from tools/make_countries.py)."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

COUNTRIES_TTL = Path(__file__).parents[1] / "seeds" / "curated" / "countries.ttl"
DDKG = Namespace("https://w3id.org/ddkg/ontology#")
COUNTRY = Namespace("https://w3id.org/ddkg/resource/country/")
PLACE = Namespace("https://w3id.org/ddkg/resource/place/")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(COUNTRIES_TTL, format="turtle")


@pytest.fixture(scope="module")
def countries(graph: Graph) -> list[URIRef]:
    return sorted(graph.subjects(RDF.type, DDKG.Country))


def strings(graph: Graph, subject: URIRef, predicate: URIRef) -> set[str]:
    return {str(o) for o in graph.objects(subject, predicate)}


def test_reference_un_members_and_observers(graph, countries):
    statuses = [str(graph.value(c, DDKG.unStatus)) for c in countries]
    assert len(countries) == 195
    assert statuses.count("member") == 193
    assert statuses.count("observer") == 2
    observers = {str(graph.value(c, DDKG.iso3)) for c in countries
                 if str(graph.value(c, DDKG.unStatus)) == "observer"}
    assert observers == {"VAT", "PSE"}


def test_reference_azerbaijan_and_turkey(graph):
    aze, tur = COUNTRY.AZE, COUNTRY.TUR
    assert graph.value(aze, RDFS.label) == Literal("Azerbaijan", lang="en")
    assert graph.value(tur, RDFS.label) == Literal("Turkey", lang="en")
    assert str(graph.value(aze, DDKG.iso2)) == "AZ" and str(graph.value(aze, DDKG.iso3)) == "AZE"
    assert str(graph.value(tur, DDKG.iso2)) == "TR" and str(graph.value(tur, DDKG.iso3)) == "TUR"
    assert "Azerbaijani" in strings(graph, aze, DDKG.demonym)
    assert "Azerbaijani" in strings(graph, aze, DDKG.adjective)
    assert "Turkish" in strings(graph, tur, DDKG.demonym)
    assert "Turkish" in strings(graph, tur, DDKG.adjective)
    assert "Türkiye" in strings(graph, tur, SKOS.altLabel)
    assert graph.value(aze, DDKG.capital) == PLACE.baku
    assert graph.value(tur, DDKG.capital) == PLACE.ankara
    assert graph.value(PLACE.baku, RDFS.label) == Literal("Baku", lang="en")
    assert graph.value(PLACE.ankara, RDFS.label) == Literal("Ankara", lang="en")
    assert (PLACE.ankara, RDF.type, DDKG.Place) in graph


def test_reference_names_resolve_to_one_country(graph, countries):
    owners: dict[str, set[str]] = defaultdict(set)
    for c in countries:
        for predicate in (RDFS.label, SKOS.altLabel, DDKG.adjective, DDKG.demonym):
            for name in strings(graph, c, predicate):
                owners[name.casefold()].add(str(c))
    shared = {name: sorted(isos) for name, isos in owners.items() if len(isos) > 1}
    assert shared == {}
    assert "congo" not in owners and "korea" not in owners


def test_reference_every_country_is_complete(graph, countries):
    for c in countries:
        iso3 = str(graph.value(c, DDKG.iso3))
        assert re.fullmatch(r"[A-Z]{3}", iso3), c
        assert c == COUNTRY[iso3]
        assert re.fullmatch(r"[A-Z]{2}", str(graph.value(c, DDKG.iso2))), c
        assert len(strings(graph, c, RDFS.label)) == 1, c
        assert graph.value(c, DDKG.officialName) is not None, c
        capital = graph.value(c, DDKG.capital)
        assert capital is not None and graph.value(capital, RDFS.label) is not None, c
    labels = [str(graph.value(c, RDFS.label)) for c in countries]
    assert len(set(labels)) == len(labels)
    iso2 = [str(graph.value(c, DDKG.iso2)) for c in countries]
    assert len(set(iso2)) == len(iso2)


def test_reference_news_names(graph):
    assert "Russia" == str(graph.value(COUNTRY.RUS, RDFS.label))
    assert {"UK", "Britain", "Great Britain"} <= strings(graph, COUNTRY.GBR, SKOS.altLabel)
    assert {"US", "USA", "America"} <= strings(graph, COUNTRY.USA, SKOS.altLabel)
    assert "UAE" in strings(graph, COUNTRY.ARE, SKOS.altLabel)
    assert "Burma" in strings(graph, COUNTRY.MMR, SKOS.altLabel)
    assert {"Saudi", "Saudi Arabian"} <= strings(graph, COUNTRY.SAU, DDKG.adjective)
    assert "South Korean" in strings(graph, COUNTRY.KOR, DDKG.adjective)
