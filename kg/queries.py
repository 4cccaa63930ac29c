"""Canned SPARQL queries (``queries/*.rq``) and safe parameter binding.

Each file opens with a comment header::

    # title: Meetings of a person
    # description: Whom did a person meet or receive, when, in what capacity, about what?
    # param: person (person) = "Zakir Hasanov" -- the person's name, alias or IRI
    # tags: cq1

Parameters become RDF terms placed in one ``VALUES`` block at the head of the query's WHERE
group (a row per combination of the parameters' terms, so the evaluation starts from all of
them). The value is serialised by Oxigraph's term writer (quotes and backslashes escaped), so
whatever a user types stays one literal or one IRI: it never becomes SPARQL text. The same
text goes unchanged to a remote endpoint, so embedded and remote runs bind alike.

A parameter of an entity kind (``country``, ``person``, ``agreement``, ``actor``) is looked up
first: its name, alias, official name or ISO code becomes the entity's IRI, so the query joins
on an indexed IRI instead of filtering every label (milliseconds instead of seconds on a
million triples). An empty value leaves the variable unbound: "any".
"""
from __future__ import annotations

import itertools
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
    """Bind parameters by ``VALUES`` blocks: one at the head of the outermost WHERE group, and
    one at the head of every sub-SELECT that projects a parameter.

    The outer block is a single ``VALUES (?a ?b) { (a1 b1) (a1 b2) ... }`` (every combination
    of the parameters' terms), not one block per parameter: Oxigraph's optimiser starts the join
    from the first block only and joins any further block last (cooperation-areas walked every
    country paired with ``?a`` and kept ``?b`` at the end: 13,177 rows instead of 3,020 at 1M
    triples, 332 ms against 176 ms).

    A sub-SELECT is evaluated on its own (Oxigraph hash-joins it with the rest instead of
    probing it row by row), so a parameter bound only outside would reach it after it listed
    every value: ``{ SELECT ?event ?b WHERE { ?event ddkg:involves ?b } }`` lists the 96k
    involvements of every country. A block for the parameters it projects (plain ``?b`` in its
    SELECT clause, or ``*`` with ``?b`` in its body) makes it list those of ``?b`` alone; the
    timeline of two countries then intersects two short lists in 12 ms where one probe per
    event took 80 ms. This leaves the answers as they are when the sub-SELECT binds the
    parameter in every solution and has no LIMIT or OFFSET, which is how canned queries are
    written (README, "Add a query"). An empty sequence binds ``UNDEF``: the variable stays free.
    """
    if not terms:
        return text
    position = _where_group_start(text)
    if position is None:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    columns = {name: [value] if not isinstance(value, (list, tuple)) else list(value) or [None]
               for name, value in terms.items()}
    insertions = [(position, _values_block(columns))]
    for group, projected in _subselect_groups(text):
        names = [name for name in columns if name in projected]
        if names and group != position:
            insertions.append((group, _values_block({name: columns[name] for name in names})))
    for at, block in sorted(insertions, reverse=True):
        text = text[: at + 1] + " " + block + " " + text[at + 1:]
    return text


def _values_block(columns: Mapping[str, Sequence[Optional[Term]]]) -> str:
    """``VALUES (?a ?b) { ... }``: one row per combination of the columns' terms (None: UNDEF)."""
    rows = dict.fromkeys("(" + " ".join("UNDEF" if t is None else str(t) for t in row) + ")"
                         for row in itertools.product(*columns.values()))
    return f"VALUES ({' '.join('?' + name for name in columns)}) {{ {' '.join(rows)} }}"


def _subselect_groups(text: str) -> list[tuple[int, set[str]]]:
    """For every SELECT nested in a group: the offset of the ``{`` opening its WHERE group and the
    variables it projects as they are (``?x``, not ``(... AS ?x)``); for ``SELECT *``, every
    variable its WHERE group names."""
    code = _mask(text)
    found = []
    for match in re.finditer(r"(?<![?$\w])SELECT\b", code, re.IGNORECASE):
        if code[: match.start()].count("{") <= code[: match.start()].count("}"):
            continue  # the outermost SELECT: its group gets every parameter anyway
        brace = code.find("{", match.end())
        if brace < 0:
            continue
        head, depth, plain = code[match.end():brace], 0, []
        for i, ch in enumerate(head):
            depth += (ch == "(") - (ch == ")")
            if depth == 0 and ch in "?$":
                plain.append(re.match(r"[?$](\w*)", head[i:]).group(1))
        projected = set(plain)
        if re.search(r"(?<![?$\w(])\*", head.split("(")[0]):
            projected |= set(re.findall(r"[?$](\w+)", code[brace:_group_end(code, brace)]))
        found.append((brace, projected))
    return found


def _group_end(code: str, brace: int) -> int:
    """The offset just after the ``}`` closing the group opened at ``brace`` (masked text)."""
    depth = 0
    for i in range(brace, len(code)):
        depth += (code[i] == "{") - (code[i] == "}")
        if depth == 0:
            return i + 1
    return len(code)


def _mask(text: str) -> str:
    """The text with comments, strings and IRIs blanked out (same length), so that braces,
    keywords and variables found in it are SPARQL's own."""
    out, i, n = list(text), 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            j = text.find("\n", i)
            j = n if j < 0 else j
        elif ch in "\"'":
            quote = text[i:i + 3] if text[i:i + 3] in ('"""', "'''") else ch
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            j = min(n, j + len(quote))
        elif ch == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", text[i:]):
            j = text.index(">", i) + 1
        else:
            i += 1
            continue
        out[i:j] = [c if c == "\n" else " " for c in text[i:j]]
        i = j
    return "".join(out)


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
