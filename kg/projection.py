"""The network view of the graph: plain nodes and edges for the HTML page, GraphML/GEXF and stats.

``project(store, options)`` reads the store with SPARQL and returns a :class:`Projection`: actors
(people, countries, organizations), agreements, places, exercises and events, with names for
labels (never IRIs), ISO dates, posts and the evidence sentences behind each fact. It leaves out
the ontology, SKOS concepts, evidence and selector nodes, and reference data nobody acts in: a
country, place or organization appears only when some fact links it.

Events are nodes joined to their participants (``events="nodes"``), or collapsed into dated,
labelled edges between the participants (``events="edges"``: received, metWith, visited...).

>>> from kg.store import OxigraphStore
>>> project(OxigraphStore()).nodes
[]
"""
from __future__ import annotations

import calendar
import difflib
import re
import unicodedata
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Iterable, Optional

from kg.errors import ViewError
from kg.iris import ONTOLOGY_NS

ENTITY_CLASSES = ("Person", "Country", "Organization", "Agreement", "Place", "Exercise")
# A country, place or organization without any fact is reference data: it is left out.
REFERENCE_CLASSES = ("Country", "Place", "Organization")
EVENT_MODES = ("nodes", "edges")

# Roles that join an event to what it involves, most specific first (host and guest are also
# materialised as participant: the edge keeps the specific one).
EVENT_ROLES = ("host", "guest", "opponent", "interviewer", "participant", "place", "agreement", "exercise")
ENTITY_RELATIONS = ("alliedWith", "cooperatesWith", "memberOf", "signed", "partyTo", "citizenOf")
SYMMETRIC = {"alliedWith", "cooperatesWith", "metWith", "exercisedWith", "inConflictWith", "signedWith"}

PREFIXES = """PREFIX ddkg: <https://w3id.org/ddkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
MAX_EVIDENCE = 3


@dataclass
class Evidence:
    sentence: str
    article: str = ""           # the article's title (or its id when it has none)
    article_date: str = ""
    asserted_by: str = ""       # "curated" or "extracted"
    confidence: Optional[float] = None


@dataclass
class Node:
    id: str                     # the IRI: an identifier, never shown
    label: str
    cls: str                    # Person, Country, ..., or the event type (Meeting, Visit...)
    group: str                  # "Event" for every event type, else the class
    start: str = ""             # ISO date (an event's or agreement's date)
    end: str = ""
    summary: str = ""           # an event's readable summary
    aliases: list[str] = field(default_factory=list)
    posts: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Edge:
    source: str
    target: str
    relation: str               # the relation key used by filters (received, alliedWith, host...)
    label: str                  # what the edge shows
    directed: bool = True
    start: str = ""
    end: str = ""
    details: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    event: str = ""             # the event an edge was collapsed from (events="edges")


@dataclass
class ViewOptions:
    """What to show. Empty values mean "everything"."""

    focus: Optional[str] = None         # a name, alias or IRI
    depth: int = 2
    country: Optional[str] = None       # a name, alias, ISO code or IRI
    date_from: Optional[str] = None     # ISO date, year-month or year
    date_to: Optional[str] = None
    types: tuple[str, ...] = ()         # entity or event classes
    relations: tuple[str, ...] = ()
    events: str = "nodes"               # "nodes" or "edges"


@dataclass
class Projection:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    options: ViewOptions = field(default_factory=ViewOptions)

    def degree(self) -> dict[str, int]:
        counts = {n.id: 0 for n in self.nodes}
        for e in self.edges:
            counts[e.source] = counts.get(e.source, 0) + 1
            counts[e.target] = counts.get(e.target, 0) + 1
        return counts

    def to_networkx(self):
        """A ``networkx.MultiDiGraph``: node attributes label, class, group, start, end."""
        import networkx as nx

        graph = nx.MultiDiGraph()
        for n in self.nodes:
            graph.add_node(n.id, label=n.label, cls=n.cls, group=n.group, start=n.start, end=n.end)
        for i, e in enumerate(self.edges):
            graph.add_edge(e.source, e.target, key=f"e{i}", relation=e.relation, label=e.label,
                           directed=e.directed, start=e.start, end=e.end)
        return graph


# --- dates -----------------------------------------------------------------------------------

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_bounds(value: str) -> tuple[str, str]:
    """The first and last day a partial ISO date covers: "1992" -> ("1992-01-01", "1992-12-31")."""
    match = _DATE.match(value.strip()[:10]) if value else None
    if not match:
        raise ValueError(value)
    year, month, day = match.groups()
    if day:
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    if month:
        if not 1 <= int(month) <= 12:
            raise ValueError(value)
        return f"{year}-{month}-01", f"{year}-{month}-{calendar.monthrange(int(year), int(month))[1]:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def parse_date_option(value: Optional[str], name: str) -> Optional[str]:
    if not value:
        return None
    try:
        date_bounds(value)
    except ValueError:
        raise ViewError(f"{name} {value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY") from None
    return value


def _overlaps(start: str, end: str, lo: Optional[str], hi: Optional[str]) -> bool:
    """Whether [start, end] meets [lo, hi]; an undated item is kept (nothing puts it outside)."""
    if not start and not end:
        return True
    first = date_bounds(start)[0] if start else "0000-01-01"
    last = date_bounds(end)[1] if end else "9999-12-31"   # no end: still running (a post, an alliance)
    if lo and last < date_bounds(lo)[0]:
        return False
    if hi and first > date_bounds(hi)[1]:
        return False
    return True


# --- reading the store -----------------------------------------------------------------------

def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _humanize(iri: str) -> str:
    """A readable fallback name from an IRI's last segment (only when no label exists)."""
    text = _local(iri).replace("-", " ").replace("_", " ")
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
    return text[:1].upper() + text[1:]


def fold(text: str) -> str:
    """Lower case without accents, for matching names: "Yalçın" -> "yalcin"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("ı", "i")
    return re.sub(r"\s+", " ", text).strip().casefold()


def _select(store, sparql: str) -> Iterable[tuple]:
    for row in store.raw.query(PREFIXES + sparql, use_default_graph_as_union=True):
        yield tuple(None if t is None else t.value for t in row)


def _pick_label(labels: list[tuple[str, str]]) -> str:
    """The English (or untagged) label first, then any, for a stable choice."""
    if not labels:
        return ""
    ranked = sorted(labels, key=lambda lv: (lv[1] not in ("en", ""), lv[1], lv[0]))
    return ranked[0][0]


class _Reader:
    """Everything the projection needs, read once from the store."""

    def __init__(self, store) -> None:
        self.store = store
        ns = ONTOLOGY_NS
        self.event_classes = {_local(c) for (c,) in _select(store, """
            SELECT DISTINCT ?c WHERE { ?c rdfs:subClassOf+ ddkg:Event }""")}
        wanted = set(ENTITY_CLASSES) | self.event_classes | {"Event"}
        self.classes: dict[str, set[str]] = defaultdict(set)
        for x, c in _select(store, "SELECT ?x ?c WHERE { ?x a ?c . FILTER(STRSTARTS(STR(?c), STR(ddkg:))) }"):
            name = c[len(ns):]
            if name in wanted:
                self.classes[x].add(name)
        self.labels: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for x, label, lang in _select(store, """
            SELECT ?x ?l (LANG(?l) AS ?lang) WHERE { ?x rdfs:label|skos:prefLabel ?l }"""):
            self.labels[x].append((label, lang or ""))
        self.aliases: dict[str, set[str]] = defaultdict(set)
        for x, alias in _select(store, "SELECT ?x ?a WHERE { ?x skos:altLabel ?a }"):
            self.aliases[x].add(alias)
        for x, code in _select(store, "SELECT ?x ?c WHERE { ?x ddkg:iso3|ddkg:iso2 ?c }"):
            self.aliases[x].add(code)
        self.dates: dict[str, str] = {}
        for x, d in _select(store, "SELECT ?x (MIN(STR(?d)) AS ?date) WHERE { ?x ddkg:date ?d } GROUP BY ?x"):
            self.dates[x] = d
        self.evidence: dict[str, list[Evidence]] = defaultdict(list)
        for fact, sentence, title, art_id, art_date, by, conf in _select(store, """
            SELECT ?fact ?s ?title ?id ?adate ?by ?conf WHERE {
              ?fact ddkg:evidence ?ev . ?ev ddkg:sentence ?s .
              OPTIONAL { ?ev oa:hasSource ?art .
                         OPTIONAL { ?art dcterms:title ?title } OPTIONAL { ?art ddkg:articleId ?id }
                         OPTIONAL { ?art dcterms:date ?adate } }
              OPTIONAL { ?ev ddkg:assertedBy ?by } OPTIONAL { ?ev ddkg:confidence ?conf }
            } ORDER BY ?fact ?s"""):
            found = self.evidence[fact]
            if any(e.sentence == sentence for e in found):
                continue
            found.append(Evidence(sentence, title or art_id or "", art_date or "", by or "",
                                  float(conf) if conf is not None else None))
        self.involves: dict[str, set[str]] = defaultdict(set)
        for event, country in _select(store, "SELECT ?e ?c WHERE { ?e ddkg:involves ?c }"):
            self.involves[event].add(country)

    def label(self, iri: str) -> str:
        return _pick_label(self.labels.get(iri, [])) or _humanize(iri)

    def cls(self, iri: str) -> Optional[str]:
        names = self.classes.get(iri)
        if not names:
            return None
        for name in sorted(names):
            if name in self.event_classes:
                return name
        for name in ENTITY_CLASSES:
            if name in names:
                return name
        return "Event" if "Event" in names else None

    def evidence_of(self, *facts: str) -> list[Evidence]:
        out: list[Evidence] = []
        for fact in facts:
            for ev in self.evidence.get(fact, []):
                if all(ev.sentence != o.sentence for o in out):
                    out.append(ev)
        return out[:MAX_EVIDENCE]


# --- the projection --------------------------------------------------------------------------

def _type_label(cls: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", cls)


def _post_rows(store) -> list[tuple]:
    return list(_select(store, """
        SELECT DISTINCT ?post ?holder ?type ?typeLabel ?country ?to ?start ?end WHERE {
          ?post a ddkg:Post ; ddkg:holder ?holder .
          OPTIONAL { ?post ddkg:postType ?type OPTIONAL { ?type skos:prefLabel ?typeLabel } }
          OPTIONAL { ?post ddkg:postCountry ?country }
          OPTIONAL { ?post ddkg:accreditedTo ?to }
          OPTIONAL { ?post ddkg:startDate ?start } OPTIONAL { ?post ddkg:endDate ?end }
        } ORDER BY ?post"""))


def _full_projection(store, events: str) -> tuple[Projection, _Reader]:
    r = _Reader(store)
    nodes: dict[str, Node] = {}

    def node(iri: str) -> Optional[Node]:
        if iri in nodes:
            return nodes[iri]
        cls = r.cls(iri)
        if cls is None:
            return None
        is_event = cls in r.event_classes or cls == "Event"
        date = r.dates.get(iri, "")
        if is_event:
            label = f"{_type_label(cls)} {date}".strip()
            summary = r.label(iri) if r.labels.get(iri) else ""
        else:
            label, summary = r.label(iri), ""
        n = Node(iri, label, cls, "Event" if is_event else cls, start=date, end=date, summary=summary,
                 aliases=sorted(a for a in r.aliases.get(iri, ()) if a != label),
                 evidence=r.evidence_of(iri))
        nodes[iri] = n
        return n

    for iri in r.classes:
        cls = r.cls(iri)
        if cls and (events == "nodes" or cls in ENTITY_CLASSES):
            node(iri)

    edges: list[Edge] = []
    seen: set[tuple[str, str, str]] = set()

    def add(edge: Edge) -> None:
        a, b = edge.source, edge.target
        key = (min(a, b), max(a, b), edge.relation) if not edge.directed else (a, b, edge.relation)
        if edge.event:
            key = key + (edge.event,)  # type: ignore[assignment]
        if a == b or key in seen or a not in nodes or b not in nodes:
            return
        seen.add(key)
        edges.append(edge)

    # Lasting ties: alliedWith, cooperatesWith, memberOf (with via/since from the Relationship).
    qualified: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    for rel, rtype, s, o, via, since in _select(store, """
        SELECT ?r ?type ?s ?o ?via ?since WHERE {
          ?r a ddkg:Relationship ; ddkg:relationType ?type ; ddkg:relationSubject ?s ; ddkg:relationObject ?o .
          OPTIONAL { ?r ddkg:via ?via } OPTIONAL { ?r ddkg:since ?since } }"""):
        name = _local(rtype)
        for a, b in ((s, o), (o, s)):
            qualified[(a, b, name)] = (rel, via or "", since or "")
    established: dict[tuple[str, str, str], tuple[str, str]] = {}
    for agreement, prop, a, b in _select(store, """
        SELECT ?ag ?p ?a ?b WHERE { ?ag ddkg:establishes ?p ; ddkg:party ?a, ?b . FILTER(?a != ?b) }"""):
        established[(a, b, _local(prop))] = (agreement, r.dates.get(agreement, ""))

    for s, p, o in _select(store, f"""
        SELECT ?s ?p ?o WHERE {{
          VALUES ?p {{ {' '.join('ddkg:' + name for name in ENTITY_RELATIONS)} }}
          ?s ?p ?o . FILTER(isIRI(?o)) }}"""):
        name = _local(p)
        rel, via, since = qualified.get((s, o, name), ("", "", ""))
        if not via and (s, o, name) in established:
            via, since_ag = established[(s, o, name)]
            since = since or since_ag
        facts = [f for f in (rel, via if name in ("alliedWith", "cooperatesWith") else "") if f]
        if name in ("signed", "partyTo"):
            facts = [o]
        label = f"{name} via {r.label(via)}" if via else name
        details = [f"since {since}"] if since else []
        add(Edge(s, o, name, label, directed=name not in SYMMETRIC, start=since, details=details,
                 evidence=r.evidence_of(*facts)))

    for agreement, place in _select(store, "SELECT ?a ?p WHERE { ?a a ddkg:Agreement ; ddkg:place ?p }"):
        add(Edge(agreement, place, "signedAt", "signed at", start=r.dates.get(agreement, ""),
                 evidence=r.evidence_of(agreement)))

    # Posts: an edge from the holder to the country served (labelled with the post) and to the
    # country of accreditation; the posts also go into the holder's tooltip.
    for post, holder, ptype, plabel, country, to, start, end in _post_rows(store):
        title = plabel or (_humanize(ptype) if ptype else "Post")
        if holder in nodes:
            where = f" of {r.label(country)}" if country else ""
            where += f", accredited to {r.label(to)}" if to else ""
            span = f" ({start or '?'}–{end})" if end else (f" (since {start})" if start else "")
            text = f"{title}{where}{span}"
            if text not in nodes[holder].posts:
                nodes[holder].posts.append(text)
        span_details = [f"from {start}"] if start else []
        span_details += [f"to {end}"] if end else []
        if country:
            add(Edge(holder, country, "holdsPost", title, start=start or "", end=end or "",
                     details=span_details, evidence=r.evidence_of(post)))
        if to:
            add(Edge(holder, to, "accreditedTo", "accredited to", start=start or "", end=end or "",
                     details=[title] + span_details, evidence=r.evidence_of(post)))
    # citizenOf is implied by a post for the same country: keep the more telling post edge.
    posted = {(e.source, e.target) for e in edges if e.relation == "holdsPost"}
    edges[:] = [e for e in edges if not (e.relation == "citizenOf" and (e.source, e.target) in posted)]

    # Events.
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for event, role, target in _select(store, f"""
        SELECT ?e ?role ?x WHERE {{
          VALUES ?role {{ {' '.join('ddkg:' + name for name in EVENT_ROLES)} }}
          ?e a ddkg:Event ; ?role ?x . FILTER(isIRI(?x)) }} ORDER BY ?e ?x"""):
        roles[event][_local(role)].append(target)
    for event in sorted(roles):
        cls = r.cls(event) or "Event"
        if events == "nodes":
            taken: set[str] = set()
            for role in EVENT_ROLES:
                for target in roles[event].get(role, ()):
                    if target in taken:
                        continue
                    taken.add(target)
                    add(Edge(event, target, role, role, start=r.dates.get(event, ""), end=r.dates.get(event, "")))
        else:
            for edge in _collapse(event, cls, roles[event], r):
                add(edge)

    proj = Projection(list(nodes.values()), edges)
    return proj, r


_VERBS = {"Meeting": "metWith", "Congratulation": "congratulated", "Visit": "visited",
          "AgreementSigning": "signed", "JointExercise": "exercisedWith", "Interview": "interviewed",
          "ArmedConflict": "inConflictWith", "Appointment": "appointed", "Statement": "statement"}


def _collapse(event: str, cls: str, roles: dict[str, list[str]], r: _Reader) -> list[Edge]:
    """An event as edges between what it involves, each carrying the event's date and evidence."""
    date = r.dates.get(event, "")
    summary = r.label(event) if r.labels.get(event) else _type_label(cls)
    common = dict(start=date, end=date, details=[f"{_type_label(cls)}: {summary}"],
                  evidence=r.evidence_of(event), event=event)
    hosts, guests = roles.get("host", []), roles.get("guest", [])
    actors = list(dict.fromkeys(roles.get("participant", []) + hosts + guests))
    out: list[Edge] = []
    if cls == "Meeting" and hosts and guests:
        out += [Edge(h, g, "received", "received", **common) for h in hosts for g in guests]
    elif cls == "Interview":
        out += [Edge(i, a, "interviewed", "interviewed", **common)
                for i in roles.get("interviewer", []) for a in actors]
    elif cls == "Visit":
        out += [Edge(g, x, "visited", "visited", **common)
                for g in (guests or actors) for x in (hosts + roles.get("place", []))]
    elif cls == "AgreementSigning" and roles.get("agreement"):
        out += [Edge(a, ag, "signed", "signed", **common) for a in actors for ag in roles["agreement"]]
    elif hosts and guests:
        verb = _VERBS.get(cls, cls[:1].lower() + cls[1:])
        out += [Edge(h, g, verb, verb, **common) for h in hosts for g in guests]
    else:
        verb = _VERBS.get(cls, cls[:1].lower() + cls[1:] + "With")
        directed = verb not in SYMMETRIC
        out += [Edge(a, b, verb, verb, directed=directed, **common)
                for i, a in enumerate(actors) for b in actors[i + 1:]]
    if cls == "JointExercise":
        out += [Edge(a, x, "tookPartIn", "took part in", **common) for a in actors for x in roles.get("exercise", [])]
    return out


def close_names(wanted: str, candidates: list[Node], limit: int = 5) -> list[str]:
    """Labels that look like ``wanted`` (whole name or one of its words, aliases included)."""
    scored: dict[str, float] = {}
    for n in candidates:
        for key in [n.label] + n.aliases:
            folded = fold(key)
            parts = [folded] + folded.split()
            score = max(difflib.SequenceMatcher(None, wanted, p).ratio() for p in parts)
            if wanted and wanted in folded:
                score = max(score, 0.9)
            if score > scored.get(n.label, 0):
                scored[n.label] = score
    ranked = sorted((s, label) for label, s in scored.items() if s >= 0.6)
    return [label for s, label in sorted(ranked, key=lambda sl: (-sl[0], sl[1]))][:limit]


def _resolve(name: str, proj: Projection, what: str, classes: Optional[tuple[str, ...]] = None) -> str:
    """The node an option names: by IRI, label, alias (ISO code for a country), ignoring case and accents."""
    candidates = [n for n in proj.nodes if classes is None or n.cls in classes]
    for n in candidates:
        if n.id == name:
            return n.id
    wanted = fold(name)
    exact = [n for n in candidates if fold(n.label) == wanted]
    if not exact:
        exact = [n for n in candidates if any(fold(a) == wanted for a in n.aliases)]
    if not exact:  # a surname or one word of a name ("Hasanov"), when only one entity has it
        exact = [n for n in candidates if wanted in fold(n.label).split()]
    if len(exact) == 1:
        return exact[0].id
    if len(exact) > 1:
        names = ", ".join(sorted(f"{n.label} ({n.cls})" for n in exact))
        raise ViewError(f"{what} {name!r} names several entities: {names}; pass the IRI instead")
    hint = ""
    close = close_names(wanted, candidates)
    if close:
        hint = "; did you mean: " + ", ".join(close)
    raise ViewError(f"{what} {name!r} matches no entity in the graph{hint}")


def _check_options(options: ViewOptions, r: _Reader, proj: Projection) -> None:
    if options.events not in EVENT_MODES:
        raise ViewError(f"--events {options.events!r}: choose one of {', '.join(EVENT_MODES)}")
    if options.depth < 0:
        raise ViewError(f"--depth {options.depth}: give 0 or more")
    parse_date_option(options.date_from, "--from")
    parse_date_option(options.date_to, "--to")
    if options.date_from and options.date_to and \
            date_bounds(options.date_from)[0] > date_bounds(options.date_to)[1]:
        raise ViewError(f"--from {options.date_from} is after --to {options.date_to}")
    known_types = set(ENTITY_CLASSES) | r.event_classes | {"Event"}
    for t in options.types:
        if t not in known_types:
            raise ViewError(f"--types {t!r} is not a class; choose from {', '.join(sorted(known_types))}")
    known_relations = sorted({e.relation for e in proj.edges} | set(ENTITY_RELATIONS) | set(EVENT_ROLES)
                             | {"holdsPost", "accreditedTo", "signedAt"} | set(_VERBS.values()) | {"received"})
    for rel in options.relations:
        if rel not in known_relations:
            raise ViewError(f"--relations {rel!r} is not a relation; choose from {', '.join(known_relations)}")


def project(store, options: Optional[ViewOptions] = None) -> Projection:
    """The network view of ``store`` that ``options`` asks for."""
    options = options or ViewOptions()
    proj, r = _full_projection(store, options.events if options.events in EVENT_MODES else "nodes")
    _check_options(options, r, proj)
    nodes = {n.id: n for n in proj.nodes}
    edges = proj.edges

    if options.types:
        wanted = set(options.types)
        if "Event" in wanted:
            wanted |= r.event_classes
        nodes = {k: n for k, n in nodes.items() if n.cls in wanted or n.group in wanted}
        if options.events == "edges":
            edges = [e for e in edges if not e.event or (r.cls(e.event) or "Event") in wanted or "Event" in wanted]
    if options.relations:
        edges = [e for e in edges if e.relation in options.relations]
    if options.date_from or options.date_to:
        lo, hi = options.date_from, options.date_to
        nodes = {k: n for k, n in nodes.items() if _overlaps(n.start, n.end, lo, hi)}
        edges = [e for e in edges if _overlaps(e.start, e.end, lo, hi)]
    edges = [e for e in edges if e.source in nodes and e.target in nodes]

    if options.country:
        country = _resolve(options.country, proj, "--country", ("Country",))
        if country not in nodes:
            raise ViewError(f"--country {options.country!r} has no facts in this view")
        own = {country}
        own |= {e.source for e in edges if e.target == country and nodes[e.source].cls == "Person"}
        own |= {k for k, n in nodes.items() if n.group == "Event" and country in r.involves.get(k, ())}
        own |= {e.target for e in edges if e.source == country and e.relation in ("partyTo",)}
        edges = [e for e in edges if e.source in own or e.target in own
                 or (e.event and country in r.involves.get(e.event, ()))]
        keep = own | {e.source for e in edges} | {e.target for e in edges}
        nodes = {k: n for k, n in nodes.items() if k in keep}

    # Reference data nobody acts in stays out.
    linked = {e.source for e in edges} | {e.target for e in edges}
    nodes = {k: n for k, n in nodes.items() if n.cls not in REFERENCE_CLASSES or k in linked}

    if options.focus:
        centre = _resolve(options.focus, proj, "--focus")
        if centre not in nodes:
            raise ViewError(f"--focus {options.focus!r} is outside this view (check --types, --from/--to, --country)")
        adjacency: dict[str, set[str]] = defaultdict(set)
        for e in edges:
            adjacency[e.source].add(e.target)
            adjacency[e.target].add(e.source)
        distance = {centre: 0}
        queue = deque([centre])
        while queue:
            current = queue.popleft()
            if distance[current] >= options.depth:
                continue
            for nxt in adjacency[current]:
                if nxt not in distance:
                    distance[nxt] = distance[current] + 1
                    queue.append(nxt)
        nodes = {k: n for k, n in nodes.items() if k in distance}
        edges = [e for e in edges if e.source in nodes and e.target in nodes]

    ordered = sorted(nodes.values(), key=lambda n: (n.group, n.label, n.id))
    return Projection(ordered, edges, options)
