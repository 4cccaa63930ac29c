"""Fill the extractor's :class:`~kg.extract.lexicon.Lexicon` from the workspace graph.

The SKOS schemes of ``ontology/concepts.ttl`` give the words for post types, ranks, areas,
agreement kinds and event types (``skos:prefLabel``, ``skos:altLabel``, ``ddkg:trigger``,
``ddkg:cameoCode``, ``ddkg:ploverCode``); the curated Turtle of ``seeds/curated/`` gives the
countries, people with their posts, organizations, agreements, exercises and places; and
``ontology/lexicon/*.tsv`` gives the closed word lists of news English (see its README).
The result is plain, picklable data: build it once, hand it to every worker.

>>> from rdflib import Graph
>>> lexicon = load_lexicon(Graph())
>>> lexicon.countries, lexicon.people
([], [])
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional, Union

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.errors import TurtleError, WorkspaceError
from kg.extract.lexicon import (
    ConceptEntry, CountryEntry, Lexicon, NamedEntry, PersonEntry, PostEntry,
)
from kg.iris import CONCEPT_BASE, country_iri, local_name
from kg.namespace import DDKG

# Concept scheme (by local name of the scheme or the IRI path under ddkgc:) -> Lexicon field.
_SCHEMES = {
    "PostTypes": "post_types", "post": "post_types",
    "Ranks": "ranks", "rank": "ranks",
    "CooperationAreas": "areas", "area": "areas",
    "AgreementKinds": "agreement_kinds", "agreement": "agreement_kinds",
    "EventTypes": "event_types", "event": "event_types",
}
_NAMED_TYPES = ("Organization", "Agreement", "Exercise", "Place")
_LABELS = (RDFS.label, SKOS.prefLabel)
_ALT = (SKOS.altLabel, SKOS.hiddenLabel)


def _texts(graph: Graph, subject, predicates: Iterable[URIRef]) -> list[str]:
    """Literal values (English or untagged) of some predicates, in a stable order."""
    out: list[str] = []
    for predicate in predicates:
        values = sorted(str(o) for o in graph.objects(subject, predicate)
                        if isinstance(o, Literal) and (o.language in (None, "") or o.language.startswith("en")))
        out += [v.strip() for v in values if v.strip() and v.strip() not in out]
    return out


def _one(graph: Graph, subject, predicate) -> Optional[str]:
    values = sorted(str(o) for o in graph.objects(subject, predicate))
    return values[0] if values else None


def _wikidata(graph: Graph, subject) -> Optional[str]:
    for o in sorted(str(x) for x in graph.objects(subject, OWL.sameAs)):
        if "wikidata.org" in o:
            return o
    return None


def _concept_field(graph: Graph, concept: URIRef) -> Optional[str]:
    for scheme in graph.objects(concept, SKOS.inScheme):
        name = local_name(str(scheme))
        if name in _SCHEMES:
            return _SCHEMES[name]
    text = str(concept)
    if text.startswith(CONCEPT_BASE):
        head = text[len(CONCEPT_BASE):].split("/", 1)[0]
        return _SCHEMES.get(head)
    return None


def _concepts(graph: Graph) -> dict[str, list[ConceptEntry]]:
    fields: dict[str, list[ConceptEntry]] = {v: [] for v in set(_SCHEMES.values())}
    subjects = set(graph.subjects(SKOS.inScheme, None)) | set(graph.subjects(RDF.type, SKOS.Concept))
    subjects |= set(graph.subjects(DDKG.trigger, None)) | set(graph.subjects(DDKG.cameoCode, None))
    for concept in sorted(s for s in subjects if isinstance(s, URIRef)):
        target = _concept_field(graph, concept)
        if target is None and (concept, DDKG.trigger, None) in graph:
            target = "event_types"
        if target is None:
            continue
        name = local_name(str(concept))
        labels = _texts(graph, concept, _LABELS)
        # ranks keep their case ("MG", "Gen"): they are matched case-sensitively
        terms = labels + _texts(graph, concept, _ALT + (DDKG.trigger,))
        broader = _one(graph, concept, SKOS.broader)
        fields[target].append(ConceptEntry(
            name=name, label=labels[0] if labels else name,
            terms=tuple(dict.fromkeys(t if target == "ranks" else t.lower() for t in terms)),
            cameo=_one(graph, concept, DDKG.cameoCode), plover=_one(graph, concept, DDKG.ploverCode),
            broader=local_name(broader) if broader else None))
    return fields


def _country_key(graph: Graph, node) -> Optional[str]:
    """A country node's minted IRI (from its ISO code), or the node itself."""
    if node is None:
        return None
    iso3 = _one(graph, node, DDKG.iso3)
    return country_iri(iso3) if iso3 else str(node)


def _countries(graph: Graph) -> list[CountryEntry]:
    out = []
    for node in sorted(graph.subjects(RDF.type, DDKG.Country)):
        iso3 = _one(graph, node, DDKG.iso3)
        labels = _texts(graph, node, _LABELS)
        if not iso3 or not labels:
            continue
        names = labels + _texts(graph, node, _ALT + (DDKG.officialName,))
        capitals: list[str] = []
        for capital in graph.objects(node, DDKG.capital):
            capitals += _texts(graph, capital, _LABELS + _ALT) if not isinstance(capital, Literal) else [str(capital)]
        out.append(CountryEntry(
            iri=country_iri(iso3), iso3=iso3.upper(), name=labels[0], names=tuple(dict.fromkeys(names)),
            adjectives=tuple(_texts(graph, node, (DDKG.demonym, DDKG.adjective))),
            capitals=tuple(dict.fromkeys(capitals)), wikidata=_wikidata(graph, node)))
    return out


def _posts(graph: Graph, person) -> tuple[PostEntry, ...]:
    posts = set(graph.objects(person, DDKG.holdsPost)) | set(graph.subjects(DDKG.holder, person))
    out = []
    for post in sorted(posts):
        kind = _one(graph, post, DDKG.postType)
        if not kind:
            continue
        country = next(iter(sorted(graph.objects(post, DDKG.postCountry))), None)
        accredited = next(iter(sorted(graph.objects(post, DDKG.accreditedTo))), None)
        out.append(PostEntry(role=local_name(kind), country=_country_key(graph, country),
                             accredited_to=_country_key(graph, accredited),
                             start=_one(graph, post, DDKG.startDate), end=_one(graph, post, DDKG.endDate)))
    return tuple(sorted(out, key=lambda p: (p.start or "", p.role)))


def _people(graph: Graph) -> list[PersonEntry]:
    out = []
    for node in sorted(graph.subjects(RDF.type, DDKG.Person)):
        labels = _texts(graph, node, _LABELS)
        if not labels:
            continue
        citizen = next(iter(sorted(graph.objects(node, DDKG.citizenOf))), None)
        out.append(PersonEntry(
            iri=str(node), name=labels[0], aliases=tuple(labels[1:] + _texts(graph, node, _ALT)),
            country=_country_key(graph, citizen), rank=_one(graph, node, DDKG.rank),
            posts=_posts(graph, node), wikidata=_wikidata(graph, node)))
    return out


def _named(graph: Graph) -> list[NamedEntry]:
    out = []
    for type_name in _NAMED_TYPES:
        for node in sorted(graph.subjects(RDF.type, DDKG[type_name])):
            if (node, RDF.type, DDKG.Country) in graph:
                continue
            labels = _texts(graph, node, _LABELS)
            if not labels:
                continue
            kind = _one(graph, node, DDKG.agreementKind)
            country = next(iter(sorted(graph.objects(node, DDKG.party))), None) if type_name == "Agreement" else None
            out.append(NamedEntry(
                iri=str(node), type=type_name, name=labels[0],
                aliases=tuple(labels[1:] + _texts(graph, node, _ALT)),
                country=_country_key(graph, country), date=_one(graph, node, DDKG.date),
                kind=local_name(kind) if kind else None, wikidata=_wikidata(graph, node)))
    return out


def load_lexicon(graph: Union[Graph, Dataset], cues: Optional[dict[str, dict[str, str]]] = None) -> Lexicon:
    """Read concepts and curated entities from a graph (a Dataset is read across its graphs)."""
    if isinstance(graph, Dataset):
        merged = Graph()
        for quad in graph.quads((None, None, None, None)):
            merged.add(quad[:3])
        graph = merged
    concepts = _concepts(graph)
    return Lexicon(countries=_countries(graph), people=_people(graph), named=_named(graph),
                   post_types=concepts["post_types"], ranks=concepts["ranks"], areas=concepts["areas"],
                   agreement_kinds=concepts["agreement_kinds"], event_types=concepts["event_types"],
                   cues=dict(cues or {}))


def load_cues(folder: Path) -> dict[str, dict[str, str]]:
    """Read ``ontology/lexicon/*.tsv``: file stem -> {phrase: value} (format in its README)."""
    cues: dict[str, dict[str, str]] = {}
    if not folder.is_dir():
        return cues
    for path in sorted(folder.glob("*.tsv")):
        table: dict[str, str] = {}
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise WorkspaceError(f"{path}: cannot read the word list ({exc}); expected UTF-8 text") from None
        for line in lines:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            phrase, _, value = line.partition("\t")
            table[phrase.strip().lower()] = value.strip()
        cues[path.stem] = table
    return cues


def load_workspace_lexicon(root: Path) -> Lexicon:
    """Parse ``ontology/*.ttl`` and ``seeds/curated/*.ttl`` under ``root``, plus the word lists."""
    root = Path(root)
    if not (root / "ontology").is_dir():
        raise WorkspaceError(f"{root}: no ontology/ folder; run from a workspace (ontology/, seeds/, queries/)")
    graph = Graph()
    files = sorted((root / "ontology").glob("*.ttl")) + sorted((root / "seeds" / "curated").glob("*.ttl"))
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises many kinds; report the file
            raise TurtleError(f"{path}: does not parse as Turtle ({exc})") from None
    return load_lexicon(graph, load_cues(root / "ontology" / "lexicon"))
