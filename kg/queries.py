"""Canned SPARQL queries (``queries/*.rq``) and safe parameter binding.

Each file opens with a comment header::

    # title: Meetings of a person
    # description: Whom did a person meet or receive, when, in what capacity, about what?
    # param: person (literal) = "Zakir Hasanov" -- the person's name, alias or IRI
    # tags: cq1

Parameters become RDF terms placed in a ``VALUES`` block at the head of the query's WHERE
group. The value is serialised by Oxigraph's term writer (quotes and backslashes escaped), so
whatever a user types stays one literal or one IRI: it never becomes SPARQL text. The same
text goes unchanged to a remote endpoint, so embedded and remote runs bind alike.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Optional

import pyoxigraph as ox

from kg.errors import QueryError
from kg.store import Term, to_term

_HEADER = re.compile(r"^#\s*(title|description|param|tags)\s*:\s*(.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\((?P<kind>literal|iri|integer|date)\))?"
    r"\s*(?:=\s*(?P<default>\"[^\"]*\"|<[^>]*>|\S+))?\s*(?:--\s*(?P<help>.*))?$")
PARAM_KINDS = ("literal", "iri", "integer", "date")


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
        return parse_canned(path) if path.read_text(encoding="utf-8", errors="replace").lstrip().startswith("# title") \
            else CannedQuery(path.stem, path, path.stem, "", path.read_text(encoding="utf-8"))
    if re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", spec, re.IGNORECASE):
        return CannedQuery("inline", Path("-"), "inline query", "", spec)
    names = ", ".join(sorted(catalogue)) or "(none: queries/ is empty)"
    raise QueryError(f"no canned query named {spec!r}; available: {names}")


def bind(query: CannedQuery, given: Mapping[str, str]) -> str:
    """The query text with every declared parameter bound; unknown or missing ones are errors."""
    declared = {p.name: p for p in query.parameters}
    extra = sorted(set(given) - set(declared))
    if extra:
        valid = ", ".join(declared) or "none"
        raise QueryError(f"query {query.name!r} has no parameter {', '.join(extra)!s}; its parameters: {valid}")
    terms: dict[str, Term] = {}
    for param in query.parameters:
        value = given.get(param.name, param.default)
        if value is None:
            raise QueryError(
                f"query {query.name!r} needs --param {param.name}=VALUE ({param.help or param.kind})")
        try:
            terms[param.name] = to_term(value, param.kind)
        except Exception as exc:  # an IRI that does not parse
            raise QueryError(f"--param {param.name}: {exc}") from None
    return inject_values(query.text, terms)


def inject_values(text: str, terms: Mapping[str, Term]) -> str:
    """Put ``VALUES (?a ?b) { (t1 t2) }`` at the head of the outermost WHERE group."""
    if not terms:
        return text
    position = _where_group_start(text)
    if position is None:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    names = " ".join(f"?{name}" for name in terms)
    values = " ".join(str(term) for term in terms.values())
    block = f" VALUES ({names}) {{ ({values}) }} "
    return text[: position + 1] + block + text[position + 1:]


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
