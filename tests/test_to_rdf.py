"""The mapping from the extraction contract to RDF: evidence, signings, what is set aside."""
from __future__ import annotations

import pyoxigraph as ox

from kg import iris
from kg.articles import Article
from kg.to_rdf import extraction_quads

ARTICLE = Article(id="a1", body="Minister A met. A and B signed. The end.", date="2024-05-10")
AZE, TUR = iris.country_iri("AZE"), iris.country_iri("TUR")
A, B = iris.person_iri("Ann Aster"), iris.person_iri("Bob Brook")
GRAPH = iris.graph_iri("extracted", "a1")
DDKG = iris.ONTOLOGY_NS


def evidence(start: int, end: int) -> dict:
    return {"text": ARTICLE.body[start:end], "start": start, "end": end}


def extraction(*events: dict) -> dict:
    return {"article": {"id": "a1"}, "relations": [], "events": list(events),
            "entities": [{"id": AZE, "type": "Country", "name": "Azerbaijan", "mentions": [], "roles": []},
                         {"id": TUR, "type": "Country", "name": "Turkey", "mentions": [], "roles": []},
                         {"id": A, "type": "Person", "name": "Ann Aster", "mentions": [], "roles": []}]}


def objects(quads, subject: str, predicate: str) -> set[str]:
    return {q.object.value for q in quads if q.subject.value == subject and q.predicate.value == DDKG + predicate}


def test_to_rdf_meeting_with_one_participant_is_set_aside():
    meeting = {"id": iris.event_iri("Meeting", "2024-05-10", [A]), "type": "Meeting", "date": "2024-05-10",
               "host": None, "guest": None, "participants": [A], "topics": [], "evidence": evidence(0, 15)}
    set_aside: list[str] = []
    quads = extraction_quads(extraction(meeting), ARTICLE, GRAPH, set_aside)
    assert not any(q.subject.value == meeting["id"] for q in quads)
    assert len(set_aside) == 1 and "two participants" in set_aside[0]


def test_to_rdf_signing_without_a_named_agreement_gets_an_unnamed_one():
    signing = {"id": iris.event_iri("AgreementSigning", "2024-05-10", [AZE, TUR]), "type": "AgreementSigning",
               "date": "2024-05-10", "host": None, "guest": None, "participants": [AZE, TUR, A],
               "agreement": None, "topics": [], "evidence": evidence(16, 31)}
    quads = extraction_quads(extraction(signing), ARTICLE, GRAPH)
    agreement = iris.agreement_iri(kind="Agreement", date="2024-05-10", parties=[AZE, TUR])
    assert objects(quads, signing["id"], "agreement") == {agreement}
    assert objects(quads, agreement, "party") == {AZE, TUR}
    assert objects(quads, agreement, "signatory") == {A}


def test_to_rdf_every_evidence_span_points_into_the_body():
    signing = {"id": "https://w3id.org/ddkg/resource/event/x", "type": "AgreementSigning", "date": "2024-05-10",
               "participants": [AZE, TUR], "agreement": None, "topics": [], "evidence": evidence(16, 31)}
    quads = extraction_quads(extraction(signing), ARTICLE, GRAPH)
    starts = [int(q.object.value) for q in quads if q.predicate.value == "http://www.w3.org/ns/oa#start"]
    ends = [int(q.object.value) for q in quads if q.predicate.value == "http://www.w3.org/ns/oa#end"]
    exact = [q.object.value for q in quads if q.predicate.value == "http://www.w3.org/ns/oa#exact"]
    assert [ARTICLE.body[s:e] for s, e in zip(starts, ends)] == exact == ["A and B signed."]
    assert all(q.graph_name == ox.NamedNode(GRAPH) for q in quads)
