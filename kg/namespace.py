"""The ontology's terms as closed namespaces.

A typo in a term (``DDKG.recieved``) raises at import time instead of minting a silent new
IRI; ``tests/test_namespace.py`` checks that this list and ``ontology/*.ttl`` declare the
same terms.
"""
from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from kg.iris import CONCEPT_BASE, GRAPH_BASE, ONTOLOGY_NS, RESOURCE_BASE


class DDKG(DefinedNamespace):
    """Classes and properties of the defence-diplomacy ontology (``ontology/ddkg.ttl``)."""

    _NS = Namespace(ONTOLOGY_NS)
    _fail = True

    # Entity classes
    Actor: URIRef
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    Agreement: URIRef
    Exercise: URIRef
    Place: URIRef
    Post: URIRef
    Article: URIRef
    Evidence: URIRef
    Relationship: URIRef

    # Event classes (each is also a skos:Concept in the EventTypes scheme, with codes)
    Event: URIRef
    Meeting: URIRef
    Visit: URIRef
    AgreementSigning: URIRef
    JointExercise: URIRef
    Appointment: URIRef
    Statement: URIRef
    Interview: URIRef
    Congratulation: URIRef
    ArmedConflict: URIRef

    # Concept schemes
    PostTypes: URIRef
    EventTypes: URIRef
    CooperationAreas: URIRef
    AgreementKinds: URIRef
    Ranks: URIRef

    # Country reference data
    officialName: URIRef
    demonym: URIRef
    adjective: URIRef
    iso2: URIRef
    iso3: URIRef
    capital: URIRef
    unStatus: URIRef

    # People and posts
    citizenOf: URIRef
    country: URIRef
    rank: URIRef
    holdsPost: URIRef
    holder: URIRef
    postType: URIRef
    postCountry: URIRef
    accreditedTo: URIRef
    startDate: URIRef
    endDate: URIRef

    # Events
    date: URIRef
    participant: URIRef
    host: URIRef
    guest: URIRef
    place: URIRef
    topic: URIRef
    agreement: URIRef
    exercise: URIRef
    interviewer: URIRef
    appointedTo: URIRef
    opponent: URIRef
    cameoCode: URIRef
    ploverCode: URIRef

    # Agreements
    agreementKind: URIRef
    signatory: URIRef
    party: URIRef
    establishes: URIRef

    # Qualified relationships (the reified form of the short edges)
    relationSubject: URIRef
    relationObject: URIRef
    relationType: URIRef
    via: URIRef
    since: URIRef
    area: URIRef

    # Short edges, derived from events, posts and relationships at build time
    received: URIRef
    metWith: URIRef
    visited: URIRef
    signed: URIRef
    partyTo: URIRef
    alliedWith: URIRef
    cooperatesWith: URIRef
    memberOf: URIRef
    participatedIn: URIRef
    involves: URIRef
    relatedTo: URIRef

    # Provenance
    evidence: URIRef
    sentence: URIRef
    rule: URIRef
    confidence: URIRef
    assertedBy: URIRef
    mentionedIn: URIRef
    contentHash: URIRef
    articleId: URIRef

    # Lexicon annotations on concepts
    trigger: URIRef


DDKGC = Namespace(CONCEPT_BASE)
"""Concepts of the SKOS schemes: ``DDKGC["post/DefenceMinister"]``, ``DDKGC["area/MilitaryEducation"]``."""

RES = Namespace(RESOURCE_BASE)
GRAPH = Namespace(GRAPH_BASE)
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES = {
    "ddkg": str(DDKG._NS),
    "ddkgc": CONCEPT_BASE,
    "res": RESOURCE_BASE,
    "graph": GRAPH_BASE,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "sh": "http://www.w3.org/ns/shacl#",
    "wd": "http://www.wikidata.org/entity/",
}
