"""Small readers of extraction output shared by the rule tests (tests/test_extract_*.py)."""
from __future__ import annotations

from kg.articles import Article
from kg.iris import person_iri


def run(extractor, body: str, date: str = "2024-05-10") -> dict:
    """Extract one hand-written article body."""
    return extractor.extract(Article(id="t", body=body, date=date))


def events(out: dict, type_: str) -> list[dict]:
    return [e for e in out["events"] if e["type"] == type_]


def entities(out: dict, type_: str) -> list[dict]:
    return [e for e in out["entities"] if e["type"] == type_]


def names(out: dict, type_: str) -> set[str]:
    """The names of the entities of one type."""
    return {e["name"] for e in entities(out, type_)}


def _role_triples(person: dict) -> set[tuple]:
    return {(r["role"], r["country"], r["accreditedTo"]) for r in person["roles"]}


def roles(out: dict, name: str) -> set[tuple]:
    """(role, country, accreditedTo) of the person named ``name``."""
    return _role_triples(next(e for e in out["entities"] if e["id"] == person_iri(name)))


def surname_roles(out: dict, surname: str) -> set[tuple[str, str, str]] | None:
    """``short`` (role, country, accreditedTo) of the first person whose name ends with
    ``surname`` (lower case), or None when there is no such person."""
    for e in entities(out, "Person"):
        if e["name"].lower().endswith(surname):
            return short(_role_triples(e))
    return None


def relations(out: dict, p: str) -> set[tuple[str, str]]:
    return {(r["s"], r["o"]) for r in out["relations"] if r["p"] == p}


def local_name(iri: str | None) -> str:
    """The last path segment of an IRI ("CHN" for a country's), "" for None; a role name stays as it is."""
    return (iri or "").rsplit("/", 1)[-1]


def short(facts) -> set[tuple[str, ...]]:
    """Tuples of IRIs (from ``roles`` or ``relations``) with each IRI cut to its ``local_name``."""
    return {tuple(local_name(x) for x in fact) for fact in facts}
