"""Facts to RDF: the one place that knows both the extraction contract and the ontology.

``extraction_quads`` turns one article's extraction (the JSON object of DESIGN.md) into quads
of its own named graph, with a ``ddkg:Evidence`` node per supporting sentence (W3C Web
Annotation selectors for its offsets) so every extracted fact can be traced to its words.
"""
from __future__ import annotations

import re
from typing import Iterator, Mapping, Optional

import pyoxigraph as ox

from kg import iris
from kg.articles import Article
from kg.namespace import DDKG, OA

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
OWL_SAME = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"

ENTITY_CLASSES = {"Person", "Country", "Organization", "Agreement", "Exercise", "Place"}
EVENT_CLASSES = {"Meeting", "Visit", "AgreementSigning", "JointExercise", "Appointment",
                 "Statement", "Interview", "Congratulation", "ArmedConflict"}
QUALIFIED_RELATIONS = {"alliedWith", "cooperatesWith", "memberOf"}
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n\s*\n")


def term(name: str) -> ox.NamedNode:
    """An ontology term as an Oxigraph IRI; the closed namespace rejects typos."""
    return ox.NamedNode(str(getattr(DDKG, name)))


def oa(name: str) -> ox.NamedNode:
    return ox.NamedNode(str(OA[name]))


def date_literal(value: str) -> ox.Literal:
    """An ISO date at its precision: ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``."""
    kind = {10: "date", 7: "gYearMonth", 4: "gYear"}.get(len(value), "string")
    return ox.Literal(value, datatype=ox.NamedNode(XSD + kind))


def decimal(value: float) -> ox.Literal:
    return ox.Literal(f"{value:.3f}", datatype=ox.NamedNode(XSD + "decimal"))


def integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))


def concept(scheme: str, name: str) -> ox.NamedNode:
    return ox.NamedNode(iris.concept_iri(scheme, name))


class _Quads:
    """Collects quads of one graph without duplicates, keeping their first order."""

    def __init__(self, graph: str) -> None:
        self.graph = ox.NamedNode(graph)
        self.seen: dict[ox.Quad, None] = {}

    def add(self, s: str | ox.NamedNode, p: ox.NamedNode, o: object) -> None:
        if o is None:
            return
        subject = s if isinstance(s, ox.NamedNode) else ox.NamedNode(s)
        if isinstance(o, str):
            o = ox.NamedNode(o)
        self.seen.setdefault(ox.Quad(subject, p, o, self.graph), None)

    def __iter__(self) -> Iterator[ox.Quad]:
        return iter(self.seen)


def article_quads(article: Article, graph: str, asserted_by: str = "extracted") -> list[ox.Quad]:
    """The article's own description: title, date, outlet, author, URL and content hash."""
    quads = _Quads(graph)
    node = iris.article_iri(article.id)
    quads.add(node, RDF_TYPE, term("Article"))
    quads.add(node, term("articleId"), ox.Literal(iris.slug(article.id)))
    quads.add(node, term("contentHash"), ox.Literal(article.content_hash))
    if article.title:
        quads.add(node, ox.NamedNode(DCT + "title"), ox.Literal(article.title))
    if article.date:
        quads.add(node, ox.NamedNode(DCT + "date"), date_literal(article.date))
    if article.outlet:
        quads.add(node, ox.NamedNode(DCT + "publisher"), ox.Literal(article.outlet))
    if article.author:
        quads.add(node, ox.NamedNode(DCT + "creator"), ox.Literal(article.author))
    if article.url:
        quads.add(node, ox.NamedNode(DCT + "source"), ox.Literal(article.url))
    return list(quads)


def evidence_quads(quads: _Quads, fact: str, article_id: str, evidence: Mapping[str, object],
                   rule: str, confidence: float, asserted_by: str) -> None:
    """Link ``fact`` to its sentence: an Evidence node with position and quote selectors."""
    start, end = int(evidence["start"]), int(evidence["end"])  # type: ignore[arg-type]
    node = iris.evidence_iri(asserted_by, article_id, start, end, f"{fact} {rule}")
    quads.add(fact, term("evidence"), node)
    quads.add(node, RDF_TYPE, term("Evidence"))
    quads.add(node, oa("hasSource"), iris.article_iri(article_id))
    quads.add(node, term("sentence"), ox.Literal(str(evidence["text"])))
    quads.add(node, term("rule"), ox.Literal(rule))
    quads.add(node, term("confidence"), decimal(confidence))
    quads.add(node, term("assertedBy"), ox.Literal(asserted_by))
    for subject, predicate, obj in selector_triples(node, start, end, str(evidence["text"])):
        quads.add(subject, predicate, obj)


def selector_triples(evidence: str, start: int, end: int, text: str) -> list[tuple[ox.NamedNode, ox.NamedNode, object]]:
    """W3C Web Annotation selectors of an evidence node: where the sentence is, and its words."""
    node, position, quote = (ox.NamedNode(evidence + suffix) for suffix in ("", "#position", "#quote"))
    return [
        (node, oa("hasSelector"), position), (position, RDF_TYPE, oa("TextPositionSelector")),
        (position, oa("start"), integer(start)), (position, oa("end"), integer(end)),
        (node, oa("hasSelector"), quote), (quote, RDF_TYPE, oa("TextQuoteSelector")),
        (quote, oa("exact"), ox.Literal(text)),
    ]


def sentence_around(body: str, start: int, end: int) -> dict[str, object]:
    """The sentence holding a mention, for facts (posts) that the contract ties to mentions only."""
    left = 0
    for match in _SENTENCE_END.finditer(body, 0, start):
        left = match.end()
    right_match = _SENTENCE_END.search(body, end)
    right = right_match.start() + 1 if right_match else len(body)
    right = min(max(right, end), len(body))
    text = body[left:right].rstrip()
    return {"text": text, "start": left, "end": left + len(text)}


def extraction_quads(extraction: Mapping[str, object], article: Article, graph: str,
                     set_aside: Optional[list[str]] = None) -> list[ox.Quad]:
    """All quads for one article's extraction, in the article's named graph.

    An extracted event that cannot meet the model's minimum (a meeting with one participant)
    is left out and described in ``set_aside``: an imperfect extraction must not block the build
    that curated facts and other articles feed.
    """
    quads = _Quads(graph)
    for quad in article_quads(article, graph):
        quads.seen.setdefault(quad, None)
    article_node = iris.article_iri(article.id)
    types: dict[str, str] = {}
    for entity in extraction.get("entities", []):  # type: ignore[union-attr]
        _entity(quads, entity, article, article_node, types)
    for event in extraction.get("events", []):  # type: ignore[union-attr]
        gap = model_gap(event)
        if gap:
            if set_aside is not None:
                set_aside.append(f"{article.source or article.id}: {event.get('type')} {event.get('id')}: {gap}")
            continue
        _event(quads, event, article, types)
    for relation in extraction.get("relations", []):  # type: ignore[union-attr]
        _relation(quads, relation, article, types)
    return list(quads)


def _entity(quads: _Quads, entity: Mapping, article: Article, article_node: str,
            types: dict[str, str]) -> None:
    node = entity["id"]
    kind = entity.get("type")
    types[node] = kind
    if kind in ENTITY_CLASSES:
        quads.add(node, RDF_TYPE, term(kind))
    if entity.get("name"):
        quads.add(node, RDFS_LABEL, ox.Literal(entity["name"]))
    quads.add(node, term("mentionedIn"), article_node)
    if entity.get("wikidata"):
        quads.add(node, OWL_SAME, "http://www.wikidata.org/entity/" + str(entity["wikidata"]))
    if kind == "Person" and entity.get("country"):
        quads.add(node, term("citizenOf"), entity["country"])
    mentions = entity.get("mentions") or []
    for role in entity.get("roles", []):
        post = iris.post_iri(node, role["role"], role.get("country"), role.get("accreditedTo"))
        quads.add(node, term("holdsPost"), post)
        quads.add(post, RDF_TYPE, term("Post"))
        quads.add(post, term("holder"), node)
        quads.add(post, term("postType"), concept("post", role["role"]))
        quads.add(post, term("postCountry"), role.get("country"))
        quads.add(post, term("accreditedTo"), role.get("accreditedTo"))
        evidence = role.get("evidence")
        if evidence is None and mentions:
            evidence = sentence_around(article.body, mentions[0]["start"], mentions[0]["end"])
        if evidence is not None:
            evidence_quads(quads, post, article.id, evidence, role.get("rule", "role"),
                           float(role.get("confidence", 0.8)), "extracted")


def model_gap(event: Mapping) -> Optional[str]:
    """Why an extracted event cannot be stated as the model wants it, or None."""
    if event.get("type") == "Meeting":
        people = {event.get("host"), event.get("guest"), *event.get("participants", [])} - {None}
        if len(people) < 2:
            return "a meeting needs at least two participants; the text names one"
    return None


def _unnamed_agreement(quads: _Quads, event: Mapping, types: Mapping[str, str]) -> str:
    """The agreement a signing signed when the text does not name it, minted like any unnamed one."""
    parties = [p for p in event.get("participants", []) if types.get(p) in ("Country", "Organization")]
    agreement = iris.agreement_iri(kind="Agreement", date=event.get("date"), parties=parties)
    quads.add(agreement, RDF_TYPE, term("Agreement"))
    when = f" on {event['date']}" if event.get("date") else ""
    quads.add(agreement, RDFS_LABEL, ox.Literal(f"agreement signed{when}"))
    quads.add(agreement, term("agreementKind"), concept("agreement", "Agreement"))
    return agreement


def _event(quads: _Quads, event: Mapping, article: Article, types: Mapping[str, str]) -> None:
    node = event["id"]
    kind = event.get("type")
    quads.add(node, RDF_TYPE, term(kind) if kind in EVENT_CLASSES else term("Event"))
    if event.get("date"):
        quads.add(node, term("date"), date_literal(event["date"]))
    quads.add(node, term("host"), event.get("host"))
    quads.add(node, term("guest"), event.get("guest"))
    for participant in event.get("participants", []):
        quads.add(node, term("participant"), participant)
    quads.add(node, term("place"), event.get("place"))
    for topic in event.get("topics", []):
        quads.add(node, term("topic"), concept("area", topic))
    agreement = event.get("agreement")
    if kind == "AgreementSigning" and not agreement:
        agreement = _unnamed_agreement(quads, event, types)
    if agreement:
        quads.add(node, term("agreement"), agreement)
        if event.get("date"):
            quads.add(agreement, term("date"), date_literal(event["date"]))
        quads.add(agreement, term("place"), event.get("place"))
        for participant in event.get("participants", []):
            if types.get(participant) == "Person":
                quads.add(agreement, term("signatory"), participant)
            elif types.get(participant) in ("Country", "Organization"):
                quads.add(agreement, term("party"), participant)
    if kind == "Interview":
        for participant in event.get("participants", []):
            if types.get(participant) == "Organization":
                quads.add(node, term("interviewer"), participant)
    if kind == "JointExercise" and event.get("exercise"):
        quads.add(node, term("exercise"), event["exercise"])
    evidence_quads(quads, node, article.id, event["evidence"], event.get("rule", "event"),
                   float(event.get("confidence", 0.8)), "extracted")


def _relation(quads: _Quads, relation: Mapping, article: Article, types: Mapping[str, str]) -> None:
    predicate = relation["p"]
    subject, obj = relation["s"], relation["o"]
    rule = relation.get("rule", "relation")
    confidence = float(relation.get("confidence", 0.8))
    if predicate in QUALIFIED_RELATIONS:
        node = iris.relationship_iri(predicate, subject, obj, relation.get("via"),
                                     symmetric=predicate != "memberOf")
        quads.add(node, RDF_TYPE, term("Relationship"))
        quads.add(node, term("relationType"), term(predicate))
        quads.add(node, term("relationSubject"), subject)
        quads.add(node, term("relationObject"), obj)
        quads.add(node, term("via"), relation.get("via"))
        if relation.get("since"):
            quads.add(node, term("since"), date_literal(relation["since"]))
        for area in relation.get("areas", []) or []:
            quads.add(node, term("area"), concept("area", area))
        if predicate == "alliedWith" and relation.get("via"):
            quads.add(relation["via"], term("establishes"), term("alliedWith"))
        fact = node
    elif predicate == "signed":
        quads.add(obj, term("signatory"), subject)
        fact = obj
    elif predicate == "partyTo":
        quads.add(obj, term("party"), subject)
        fact = obj
    else:
        return
    evidence_quads(quads, fact, article.id, relation["evidence"], rule, confidence, "extracted")
