"""The ontology files: terms agree with kg.namespace, everything is labelled, shapes validate.

ontology/ddkg.ttl (OWL), ontology/concepts.ttl (SKOS) and ontology/shapes.ttl (SHACL) are
hand-written; these tests keep them consistent with each other and with ``kg.namespace.DDKG``.
"""
from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.namespace import DDKG

ROOT = Path(__file__).parents[1]
ONTOLOGY = ROOT / "ontology"
SH = "http://www.w3.org/ns/shacl#"
DDKG_NS = str(DDKG._NS)

DECLARATION_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                     SKOS.ConceptScheme)
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "ddkg.ttl", format="turtle")


@pytest.fixture(scope="module")
def concepts() -> Graph:
    return Graph().parse(ONTOLOGY / "concepts.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")


def _declared(graph: Graph, types=DECLARATION_TYPES) -> set[URIRef]:
    return {s for t in types for s in graph.subjects(RDF.type, t)
            if isinstance(s, URIRef) and str(s).startswith(DDKG_NS)}


def _english(graph: Graph, subject: URIRef, predicate: URIRef) -> list[Literal]:
    return [o for o in graph.objects(subject, predicate)
            if isinstance(o, Literal) and o.language == "en" and str(o).strip()]


def _event_classes(ontology: Graph) -> set[URIRef]:
    return set(ontology.subjects(RDFS.subClassOf, DDKG.Event))


# (a) ----------------------------------------------------------------------------------------

def test_ontology_declares_exactly_the_namespace_terms(ontology):
    declared = {str(s)[len(DDKG_NS):] for s in _declared(ontology)}
    expected = set(DDKG.__annotations__)
    assert declared - expected == set(), "declared in ddkg.ttl but missing from kg.namespace.DDKG"
    assert expected - declared == set(), "listed in kg.namespace.DDKG but not declared in ddkg.ttl"


def test_ontology_header_has_label_comment_and_version(ontology):
    header = URIRef("https://w3id.org/ddkg/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert _english(ontology, header, RDFS.label)
    assert _english(ontology, header, RDFS.comment)
    assert ontology.value(header, OWL.versionInfo) is not None


# (b) ----------------------------------------------------------------------------------------

def test_ontology_every_term_has_english_label_and_comment(ontology):
    unlabelled = [s for s in _declared(ontology)
                  if not _english(ontology, s, RDFS.label) or not _english(ontology, s, RDFS.comment)]
    assert unlabelled == []


def test_ontology_every_property_has_domain_and_range(ontology):
    missing = [p for p in _declared(ontology, PROPERTY_TYPES)
               if ontology.value(p, RDFS.domain) is None or ontology.value(p, RDFS.range) is None]
    assert missing == []


def test_ontology_property_kinds_and_axioms(ontology):
    for p in (DDKG.metWith, DDKG.alliedWith, DDKG.cooperatesWith):
        assert (p, RDF.type, OWL.SymmetricProperty) in ontology
    for p in (DDKG.trigger, DDKG.cameoCode, DDKG.ploverCode):
        assert (p, RDF.type, OWL.AnnotationProperty) in ontology
    for p in (DDKG.host, DDKG.guest):
        assert (p, RDFS.subPropertyOf, DDKG.participant) in ontology
    assert (DDKG.participant, OWL.inverseOf, DDKG.participatedIn) in ontology
    assert (DDKG.holdsPost, OWL.inverseOf, DDKG.holder) in ontology
    prov = "http://www.w3.org/ns/prov#"
    assert (DDKG.evidence, RDFS.subPropertyOf, URIRef(prov + "wasDerivedFrom")) in ontology
    assert (DDKG.Evidence, RDFS.subClassOf, URIRef("http://www.w3.org/ns/oa#SpecificResource")) in ontology
    assert (DDKG.Actor, RDFS.subClassOf, URIRef(prov + "Agent")) in ontology
    assert (DDKG.Event, RDFS.subClassOf, URIRef(prov + "Activity")) in ontology
    # a property declared as both object and datatype property is a modelling error
    both = _declared(ontology, (OWL.ObjectProperty,)) & _declared(ontology, (OWL.DatatypeProperty,))
    assert both == set()


# (c) ----------------------------------------------------------------------------------------

def test_ontology_every_concept_has_scheme_preflabel_and_definition(ontology, concepts):
    schemes = _declared(ontology, (SKOS.ConceptScheme,))
    found = list(concepts.subjects(RDF.type, SKOS.Concept))
    assert len(found) > 50
    problems = []
    for c in found:
        in_schemes = set(concepts.objects(c, SKOS.inScheme))
        if not in_schemes or not in_schemes <= schemes:
            problems.append((c, "inScheme"))
        if len(_english(concepts, c, SKOS.prefLabel)) != 1:
            problems.append((c, "prefLabel"))
        if not _english(concepts, c, SKOS.definition):
            problems.append((c, "definition"))
        if not str(c).startswith("https://w3id.org/ddkg/concept/"):
            problems.append((c, "IRI"))
    assert problems == []


def test_ontology_concept_schemes_hold_the_documented_concepts(concepts):
    base = "https://w3id.org/ddkg/concept/"
    for scheme, names in {
        DDKG.PostTypes: ["DefenceMinister", "MilitaryAttache", "DefenceAttache", "President", "PrimeMinister",
                         "ForeignMinister", "ChiefOfGeneralStaff", "DeputyDefenceMinister", "Ambassador",
                         "NavalCommander", "AirForceCommander", "LandForcesCommander", "Commander",
                         "SecretaryGeneral", "NavalAttache", "AirAttache", "VicePresident"],
        DDKG.AgreementKinds: ["Declaration", "Memorandum", "Agreement", "Treaty", "Protocol", "Plan",
                              "Contract"],
        DDKG.Ranks: ["MajorGeneral", "LieutenantGeneral", "ColonelGeneral", "Colonel", "Admiral"],
    }.items():
        prefix = {DDKG.PostTypes: "post/", DDKG.AgreementKinds: "agreement/", DDKG.Ranks: "rank/"}[scheme]
        for name in names:
            assert (URIRef(base + prefix + name), SKOS.inScheme, scheme) in concepts, name
    areas = {str(c)[len(base + "area/"):] for c in concepts.subjects(SKOS.inScheme, DDKG.CooperationAreas)}
    assert areas == {
        "MilitaryCooperation", "MilitaryTechnical", "MilitaryEducation", "MilitaryMedicine", "DefenceIndustry",
        "RegionalSecurity", "Counterterrorism", "MaritimeSecurity", "Cybersecurity", "Peacekeeping",
        "ArmsControl", "MilitaryTraining", "Intelligence", "Logistics", "BorderSecurity", "AirDefence",
        "Space", "EconomicCooperation", "PoliticalCooperation", "Demining", "Energy"}


def test_ontology_alt_labels_are_unambiguous_within_a_scheme(concepts):
    owners: dict[tuple, set] = {}
    for p in (SKOS.prefLabel, SKOS.altLabel):
        for c, label in concepts.subject_objects(p):
            scheme = concepts.value(c, SKOS.inScheme)
            key = (scheme, str(label) if scheme == DDKG.Ranks else str(label).lower())
            owners.setdefault(key, set()).add(c)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_ontology_surface_forms_match_the_seed_article(concepts):
    def alt(name):
        return {str(o) for o in concepts.objects(URIRef("https://w3id.org/ddkg/concept/" + name), SKOS.altLabel)}
    assert {"defence minister", "defense minister", "minister of defence"} <= alt("post/DefenceMinister")
    assert {"military attache", "military attaché"} <= alt("post/MilitaryAttache")
    assert {"Maj-Gen", "Maj. Gen.", "MG"} <= alt("rank/MajorGeneral")
    assert {"military-technical cooperation", "military-technical"} <= (
        alt("area/MilitaryTechnical")
        | {str(o) for o in concepts.objects(URIRef("https://w3id.org/ddkg/concept/area/MilitaryTechnical"),
                                            SKOS.prefLabel)})
    assert {"memorandum of understanding", "mou"} <= alt("agreement/Memorandum")


def test_ontology_every_event_class_has_cameo_code_and_triggers(ontology):
    events = _event_classes(ontology)
    assert {DDKG.Meeting, DDKG.Visit, DDKG.AgreementSigning, DDKG.JointExercise, DDKG.Appointment,
            DDKG.Statement, DDKG.Interview, DDKG.Congratulation, DDKG.ArmedConflict} <= events
    for event in events:
        assert (event, RDF.type, SKOS.Concept) in ontology, event
        assert (event, SKOS.inScheme, DDKG.EventTypes) in ontology, event
        assert _english(ontology, event, SKOS.prefLabel) and _english(ontology, event, SKOS.definition), event
        codes = [str(c) for c in ontology.objects(event, DDKG.cameoCode)]
        assert len(codes) == 1 and codes[0].isdigit() and len(codes[0]) == 3, event
        triggers = [str(t) for t in ontology.objects(event, DDKG.trigger)]
        assert triggers and all(t == t.lower() for t in triggers), event
    assert str(ontology.value(DDKG.Meeting, DDKG.cameoCode)) == "043"
    assert str(ontology.value(DDKG.Visit, DDKG.cameoCode)) == "042"
    assert str(ontology.value(DDKG.AgreementSigning, DDKG.cameoCode)) == "057"
    assert str(ontology.value(DDKG.Meeting, DDKG.ploverCode)) == "CONSULT"
    assert {"received", "met with", "held talks"} <= {str(t) for t in ontology.objects(DDKG.Meeting, DDKG.trigger)}


# (d) ----------------------------------------------------------------------------------------

def test_ontology_shapes_target_declared_classes(ontology, shapes):
    declared_classes = _declared(ontology, (OWL.Class,))
    node_shapes = list(shapes.subjects(RDF.type, URIRef(SH + "NodeShape")))
    assert len(node_shapes) >= 15
    targets = {t for s in node_shapes for t in shapes.objects(s, URIRef(SH + "targetClass"))}
    assert targets - declared_classes == set()
    for cls in (DDKG.Person, DDKG.Country, DDKG.Organization, DDKG.Place, DDKG.Exercise, DDKG.Agreement,
                DDKG.Post, DDKG.Event, DDKG.Meeting, DDKG.AgreementSigning, DDKG.Evidence, DDKG.Article,
                DDKG.Relationship):
        assert cls in targets, cls


def test_ontology_every_shape_speaks_to_the_analyst(shapes):
    message, name = URIRef(SH + "message"), URIRef(SH + "name")
    for shape in shapes.subjects(RDF.type, URIRef(SH + "NodeShape")):
        assert shapes.value(shape, message) is not None, shape
        for prop in shapes.objects(shape, URIRef(SH + "property")):
            assert shapes.value(prop, message) is not None, (shape, prop)
            assert shapes.value(prop, name) is not None, (shape, prop)


# (e) ----------------------------------------------------------------------------------------

MEETING = """
@base <https://w3id.org/ddkg/resource/> .
@prefix ddkg: <https://w3id.org/ddkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<person/zakir-hasanov> a ddkg:Person ; rdfs:label "Zakir Hasanov" ; ddkg:rank <https://w3id.org/ddkg/concept/rank/ColonelGeneral> ;
    ddkg:citizenOf <country/AZE> ; ddkg:holdsPost <post/zakir-hasanov-defenceminister-aze> .
<person/zakaria-yalcin> a ddkg:Person ; rdfs:label "Zakaria Yalcin" ; ddkg:rank <https://w3id.org/ddkg/concept/rank/MajorGeneral> .
<country/AZE> a ddkg:Country ; rdfs:label "Azerbaijan" ; ddkg:iso3 "AZE" ; ddkg:iso2 "AZ" .

<post/zakir-hasanov-defenceminister-aze> a ddkg:Post ;
    ddkg:holder <person/zakir-hasanov> ;
    ddkg:postType <https://w3id.org/ddkg/concept/post/DefenceMinister> ;
    ddkg:postCountry <country/AZE> ;
    ddkg:evidence <evidence/extracted/azernews/0-130-x> .

<event/2021-10-08-meeting-zakaria-yalcin--zakir-hasanov> a ddkg:Meeting ;
    rdfs:label "Zakir Hasanov received Zakaria Yalcin" ;
    ddkg:date "2021-10-08"^^xsd:date ;
    ddkg:host <person/zakir-hasanov> ;
    ddkg:guest <person/zakaria-yalcin> ;
    ddkg:participant <person/zakir-hasanov> , <person/zakaria-yalcin> ;
    ddkg:topic <https://w3id.org/ddkg/concept/area/MilitaryEducation> ;
    ddkg:evidence <evidence/extracted/azernews/0-130-x> .

<evidence/extracted/azernews/0-130-x> a ddkg:Evidence ;
    oa:hasSource <article/azernews> ;
    oa:hasSelector [ a oa:TextPositionSelector ; oa:start 0 ; oa:end 130 ] ,
                   [ a oa:TextQuoteSelector ; oa:exact "Defence Minister Zakir Hasanov has received ..." ] ;
    ddkg:sentence "Defence Minister Zakir Hasanov has received ..." ;
    ddkg:rule "meeting.received" ;
    ddkg:confidence 0.9 ;
    ddkg:assertedBy "extracted" .

<article/azernews> a ddkg:Article ;
    ddkg:articleId "azernews" ;
    dcterms:title "Azerbaijani defence minister receives Turkish military attache" ;
    dcterms:date "2021-10-08"^^xsd:date .
"""

MEETING_IRI = URIRef("https://w3id.org/ddkg/resource/event/2021-10-08-meeting-zakaria-yalcin--zakir-hasanov")
YALCIN = URIRef("https://w3id.org/ddkg/resource/person/zakaria-yalcin")


def _validate(turtle: str, ontology: Graph, concepts: Graph, shapes: Graph):
    """Validate as the build does: concepts are data (pyshacl's ont_graph only brings in OWL/RDFS
    axioms), the ontology is the ont_graph, and RDFS inference adds subclass and subproperty facts."""
    data = Graph().parse(data=turtle, format="turtle")
    data += concepts
    conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    return conforms, report, text


def _results(report: Graph) -> list[dict]:
    sh = lambda term: URIRef(SH + term)  # noqa: E731
    return [{"focus": report.value(r, sh("focusNode")), "message": str(report.value(r, sh("resultMessage"))),
             "path": report.value(r, sh("resultPath"))}
            for r in report.subjects(RDF.type, sh("ValidationResult"))]


def test_ontology_valid_meeting_conforms(ontology, concepts, shapes):
    conforms, _, text = _validate(MEETING, ontology, concepts, shapes)
    assert conforms, text


def test_ontology_meeting_host_and_guest_count_as_participants(ontology, concepts, shapes):
    # no explicit ddkg:participant triples: RDFS inference derives them from host and guest
    turtle = MEETING.replace(
        "ddkg:participant <person/zakir-hasanov> , <person/zakaria-yalcin> ;\n", "")
    assert "ddkg:participant" not in turtle
    conforms, _, text = _validate(turtle, ontology, concepts, shapes)
    assert conforms, text


def test_ontology_broken_meeting_is_reported_with_focus_node_and_message(ontology, concepts, shapes):
    broken = (MEETING
              .replace('"2021-10-08"^^xsd:date ;\n    ddkg:host', '"2021-13-45"^^xsd:date ;\n    ddkg:host')
              .replace("    ddkg:guest <person/zakaria-yalcin> ;\n", "")
              .replace("ddkg:participant <person/zakir-hasanov> , <person/zakaria-yalcin> ;",
                       "ddkg:participant <person/zakir-hasanov> ;"))
    assert '"2021-13-45"' in broken
    conforms, report, text = _validate(broken, ontology, concepts, shapes)
    assert not conforms
    meeting_messages = {r["message"] for r in _results(report) if r["focus"] == MEETING_IRI}
    assert any("at least two participants" in m for m in meeting_messages), text
    assert any("valid xsd:date" in m for m in meeting_messages), text


def test_ontology_person_without_label_is_reported(ontology, concepts, shapes):
    broken = MEETING.replace('<person/zakaria-yalcin> a ddkg:Person ; rdfs:label "Zakaria Yalcin" ;',
                             '<person/zakaria-yalcin> a ddkg:Person ;')
    conforms, report, text = _validate(broken, ontology, concepts, shapes)
    assert not conforms
    results = _results(report)
    assert any(r["focus"] == YALCIN and r["path"] == RDFS.label and "exactly one rdfs:label" in r["message"]
               for r in results), text


def test_ontology_fact_without_evidence_is_reported(ontology, concepts, shapes):
    broken = MEETING.replace(
        "ddkg:topic <https://w3id.org/ddkg/concept/area/MilitaryEducation> ;\n"
        "    ddkg:evidence <evidence/extracted/azernews/0-130-x> .",
        "ddkg:topic <https://w3id.org/ddkg/concept/area/MilitaryEducation> .")
    conforms, report, text = _validate(broken, ontology, concepts, shapes)
    assert not conforms
    assert any(r["focus"] == MEETING_IRI and "provenance" in r["message"] for r in _results(report)), text


def test_ontology_wrong_concepts_and_bad_evidence_are_reported(ontology, concepts, shapes):
    broken = (MEETING
              .replace("concept/post/DefenceMinister", "concept/area/Energy")
              .replace("ddkg:confidence 0.9", "ddkg:confidence 1.5")
              .replace('ddkg:assertedBy "extracted"', 'ddkg:assertedBy "guessed"')
              .replace('ddkg:iso3 "AZE"', 'ddkg:iso3 "aze"'))
    conforms, report, text = _validate(broken, ontology, concepts, shapes)
    assert not conforms
    messages = " | ".join(r["message"] for r in _results(report))
    assert "ddkg:PostTypes" in messages, text
    assert "from 0 to 1" in messages, text
    assert '"curated" or "extracted"' in messages, text
    assert "three-letter" in messages, text


def test_ontology_validates_with_the_ontology_in_the_data_graph(ontology, concepts, shapes):
    # the store holds the ontology in its own named graph; validating the union must still pass
    data = Graph().parse(data=MEETING, format="turtle")
    data += concepts
    data += ontology
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    assert conforms, text


def test_ontology_all_files_parse_together():
    g = Graph()
    for name in ("ddkg.ttl", "concepts.ttl", "shapes.ttl"):
        g.parse(ONTOLOGY / name, format="turtle")
    assert len(g) > 1000
    # no blank-node subjects typed as a ddkg term by accident
    assert not [s for s in g.subjects(RDF.type, OWL.Class) if isinstance(s, BNode) and
                g.value(s, OWL.unionOf) is None]
