"""What the extractor knows before it reads: plain data, no RDF.

``kg.lexicon_graph.load_lexicon`` fills it from the workspace (the SKOS schemes of
``ontology/concepts.ttl`` and the curated entities of ``seeds/curated/``), so an analyst
extends the extractor by editing Turtle. Tests build small ones by hand.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class CountryEntry:
    iri: str
    iso3: str
    name: str
    names: tuple[str, ...] = ()       # every name: short, official, alternative ("Türkiye")
    adjectives: tuple[str, ...] = ()  # demonyms and adjectives ("Turkish", "Turk")
    capitals: tuple[str, ...] = ()    # capital names, used for governments ("Ankara")
    wikidata: Optional[str] = None    # a Wikidata entity IRI (owl:sameAs)


@dataclass(frozen=True)
class PostEntry:
    role: str                          # a PostTypes concept name: "DefenceMinister"
    country: Optional[str] = None      # IRI of the country served
    accredited_to: Optional[str] = None
    start: Optional[str] = None        # ISO date at any precision
    end: Optional[str] = None


@dataclass(frozen=True)
class PersonEntry:
    iri: str
    name: str
    aliases: tuple[str, ...] = ()
    country: Optional[str] = None
    rank: Optional[str] = None
    posts: tuple[PostEntry, ...] = ()
    wikidata: Optional[str] = None


@dataclass(frozen=True)
class NamedEntry:
    """An organization, agreement, exercise or place the graph already knows."""
    iri: str
    type: str                          # "Organization" | "Agreement" | "Exercise" | "Place"
    name: str
    aliases: tuple[str, ...] = ()
    country: Optional[str] = None
    date: Optional[str] = None
    kind: Optional[str] = None         # agreements: an AgreementKinds concept name
    wikidata: Optional[str] = None


@dataclass(frozen=True)
class ConceptEntry:
    """A SKOS concept with the words that name it in text (prefLabel, altLabels, triggers)."""
    name: str                          # local name: "DefenceMinister", "MilitaryEducation"
    label: str                         # preferred label, used for display and topics
    terms: tuple[str, ...] = ()        # surface forms, lower case
    cameo: Optional[str] = None        # event types only
    plover: Optional[str] = None       # event types only
    broader: Optional[str] = None


@dataclass
class Lexicon:
    countries: list[CountryEntry] = field(default_factory=list)
    people: list[PersonEntry] = field(default_factory=list)
    named: list[NamedEntry] = field(default_factory=list)
    post_types: list[ConceptEntry] = field(default_factory=list)
    ranks: list[ConceptEntry] = field(default_factory=list)
    areas: list[ConceptEntry] = field(default_factory=list)
    agreement_kinds: list[ConceptEntry] = field(default_factory=list)
    event_types: list[ConceptEntry] = field(default_factory=list)
    # Closed word lists and cue phrases of English news style (``ontology/lexicon/*.tsv``):
    # file stem -> {phrase in lower case: value}. Pronouns, modality cues, honorifics ...
    cues: dict[str, dict[str, str]] = field(default_factory=dict)
