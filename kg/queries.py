"""Canned SPARQL queries (``queries/*.rq``) and safe parameter binding.

Each file opens with a comment header::

    # title: Meetings of a person
    # description: Whom did a person meet or receive, when, in what capacity, about what?
    # param: person (person) = "Zakir Hasanov" -- the person's name, alias or IRI
    # tags: cq1

Parameters become RDF terms placed in a ``VALUES`` block at the head of the query's WHERE
group. The value is serialised by Oxigraph's term writer (quotes and backslashes escaped), so
whatever a user types stays one literal or one IRI: it never becomes SPARQL text. The same
text goes unchanged to a remote endpoint, so embedded and remote runs bind alike.

A parameter of an entity kind (``country``, ``person``, ``agreement``, ``actor``) is looked up
first: its name, alias, official name or ISO code becomes the entity's IRI, so the query joins
on an indexed IRI instead of filtering every label (milliseconds instead of seconds on a
million triples). An empty value leaves the variable unbound: "any".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Optional, Protocol, Sequence, Union

import pyoxigraph as ox

from kg.errors import QueryError
from kg.store import QueryResult, Term, to_term

_HEADER = re.compile(r"^#\s*(title|description|param|tags)\s*:\s*(.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\((?P<kind>[a-z]+)\))?"
    r"\s*(?:=\s*(?P<default>\"[^\"]*\"|<[^>]*>|\S+))?\s*(?:--\s*(?P<help>.*))?$")
ENTITY_KINDS = {"country": "Country", "person": "Person", "agreement": "Agreement", "actor": "Actor"}
PARAM_KINDS = ("literal", "iri", "integer", "date", *ENTITY_KINDS)
_NAME_PROPERTIES = ("rdfs:label|skos:altLabel|ddkg:officialName|ddkg:iso3|ddkg:iso2")
_LOOKUP_PREFIXES = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                    "PREFIX ddkg: <https://w3id.org/ddkg/ontology#> ")


class Lookup(Protocol):
    """Anything that answers SPARQL: the embedded store or a remote endpoint."""

    def query(self, text: str) -> QueryResult: ...


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str = "literal"
    default: Optional[str] = None
    help: str = ""


@dataclass(frozen=True)
class CannedQuery:
    name: str
    path: Path
    title: str
    description: str
    text: str
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)
    tags: tuple[str, ...] = ()


def parse_canned(path: Path) -> CannedQuery:
    """Read a ``.rq`` file and its header; a malformed header line is an error naming the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read ({exc})") from None
    meta: dict[str, str] = {}
    params: list[Parameter] = []
    tags: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "param":
            pm = _PARAM.match(value)
            if not pm:
                raise QueryError(
                    f"{path}, line {number}: bad parameter declaration {value!r}; expected "
                    "'# param: NAME (literal|iri|integer|date) = DEFAULT -- help'")
            if pm.group("kind") and pm.group("kind") not in PARAM_KINDS:
                raise QueryError(f"{path}, line {number}: parameter kind {pm.group('kind')!r} is not one of "
                                 f"{', '.join(PARAM_KINDS)}")
            default = pm.group("default")
            if default and default.startswith('"'):
                default = default[1:-1]
            params.append(Parameter(pm.group("name"), pm.group("kind") or "literal", default,
                                    (pm.group("help") or "").strip()))
        elif key == "tags":
            tags = tuple(t.strip() for t in value.split(",") if t.strip())
        else:
            meta[key] = value
    if "title" not in meta:
        raise QueryError(f"{path}: the header has no '# title:' line")
    return CannedQuery(path.stem, path, meta["title"], meta.get("description", ""), text,
                       tuple(params), tags)


def load_catalogue(folder: Path) -> dict[str, CannedQuery]:
    return {p.stem: parse_canned(p) for p in sorted(folder.glob("*.rq"))}


def resolve_query(spec: str, catalogue: Mapping[str, CannedQuery]) -> CannedQuery:
    """A canned name, a ``.rq`` path, or inline SPARQL text."""
    if spec in catalogue:
        return catalogue[spec]
    path = Path(spec)
    if spec.endswith(".rq") or (len(spec) < 4096 and "\n" not in spec and path.is_file()):
        if not path.is_file():
            raise QueryError(f"query file {spec} does not exist")
        text = path.read_text(encoding="utf-8", errors="replace")
        if text.lstrip().startswith("# title"):
            return parse_canned(path)
        return CannedQuery(path.stem, path, path.stem, "", text)
    if re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", spec, re.IGNORECASE):
        return CannedQuery("inline", Path("-"), "inline query", "", spec)
    names = ", ".join(sorted(catalogue)) or "(none: queries/ is empty)"
    raise QueryError(f"no canned query named {spec!r}; available: {names}")


def bind(query: CannedQuery, given: Mapping[str, str], store: Optional[Lookup] = None) -> str:
    """The query text with every declared parameter bound; unknown or missing ones are errors.

    Entity parameters are looked up in ``store`` (the one the query will run on); without a
    store only an ``<IRI>`` value is accepted for them.
    """
    declared = {p.name: p for p in query.parameters}
    extra = sorted(set(given) - set(declared))
    if extra:
        valid = ", ".join(declared) or "none"
        raise QueryError(f"query {query.name!r} has no parameter {', '.join(extra)!s}; its parameters: {valid}")
    terms: dict[str, Sequence[Term]] = {}
    for param in query.parameters:
        value = given.get(param.name, param.default)
        if value is None:
            raise QueryError(
                f"query {query.name!r} needs --param {param.name}=VALUE ({param.help or param.kind})")
        if param.kind in ENTITY_KINDS:
            terms[param.name] = resolve_entity(store, value, param.kind, param.name)
            continue
        try:
            terms[param.name] = [to_term(value, param.kind)]
        except Exception as exc:  # an IRI that does not parse
            raise QueryError(f"--param {param.name}: {exc}") from None
    return inject_values(query.text, terms)


def resolve_entity(store: Optional[Lookup], value: str, kind: str, name: str = "") -> list[Term]:
    """The IRIs an entity parameter names: ``<IRI>`` as given, else by exact name, alias,
    official name or ISO code (any case), else an error listing close names. Empty: any."""
    value = value.strip()
    if not value:
        return []
    if value.startswith("<") and value.endswith(">"):
        return [to_term(value, "iri")]
    if store is None:
        raise QueryError(f"--param {name}: give the {kind}'s IRI as <...> (names need a store to look up)")
    cls = f"<https://w3id.org/ddkg/ontology#{ENTITY_KINDS[kind]}>"
    variants = dict.fromkeys([value, value.title(), value.upper(), value.lower(), value.capitalize()])
    names = [ox.Literal(v) for v in variants] + [ox.Literal(v, language="en") for v in variants]
    exact = (f"{_LOOKUP_PREFIXES} SELECT DISTINCT ?x WHERE {{ ?x {_NAME_PROPERTIES} ?name . ?x a {cls} }}")
    found = [row[0] for row in store.query(inject_values(exact, {"name": names})).rows]
    if not found:
        folded = (f"{_LOOKUP_PREFIXES} SELECT DISTINCT ?x WHERE {{ ?x a {cls} ; {_NAME_PROPERTIES} ?n . "
                  "FILTER(LCASE(STR(?n)) = LCASE(STR(?name))) }")
        found = [row[0] for row in store.query(inject_values(folded, {"name": [ox.Literal(value)]})).rows]
    if found:
        return sorted(found, key=str)
    close = (f"{_LOOKUP_PREFIXES} SELECT DISTINCT ?label WHERE {{ ?x a {cls} ; rdfs:label ?label . "
             "FILTER(CONTAINS(LCASE(STR(?label)), LCASE(STR(?name)))) } ORDER BY ?label LIMIT 8")
    hints = [row[0].value for row in store.query(inject_values(close, {"name": [ox.Literal(value)]})).rows]
    hint = f"; did you mean: {', '.join(hints)}" if hints else ""
    raise QueryError(f"--param {name}: no {kind} named {value!r} in the graph{hint}")


def inject_values(text: str, terms: Mapping[str, Union[Term, Sequence[Term]]]) -> str:
    """Put ``VALUES ?a { t1 t2 }`` blocks at the head of the outermost WHERE group.

    An empty sequence binds ``UNDEF``: the variable stays free.
    """
    if not terms:
        return text
    position = _where_group_start(text)
    if position is None:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    blocks = []
    for name, value in terms.items():
        values = [value] if not isinstance(value, (list, tuple)) else list(value)
        blocks.append(f"VALUES ?{name} {{ {' '.join(str(t) for t in values) or 'UNDEF'} }}")
    return text[: position + 1] + " " + " ".join(blocks) + " " + text[position + 1:]


def _where_group_start(text: str) -> Optional[int]:
    """Offset of the ``{`` opening the WHERE group, skipping comments, strings and IRIs."""
    i, depth, n = 0, 0, len(text)
    saw_where = False
    is_construct = re.search(r"^\s*(?:(?:PREFIX|BASE)[^\n]*\n|#[^\n]*\n|\s)*CONSTRUCT\b", text,
                             re.IGNORECASE) is not None
    groups_seen = 0
    while i < n:
        ch = text[i]
        if ch == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if ch in "\"'":
            quote = text[i:i + 3] if text[i:i + 3] in ('"""', "'''") else ch
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            continue
        if ch == "<" and depth == 0 and re.match(r"<[^\s<>\"{}|^`\\]*>", text[i:]):
            i = text.index(">", i) + 1
            continue
        if (depth == 0 and text[i:i + 5].upper() == "WHERE" and not text[i - 1:i].isalnum()
                and text[i - 1:i] not in ("?", "$") and not text[i + 5:i + 6].isalnum()):
            saw_where = True
        if ch == "{":
            if depth == 0:
                groups_seen += 1
                if saw_where or not is_construct or groups_seen == 2:
                    return i
            depth += 1
        elif ch == "}":
            depth -= 1
        i += 1
    return None
