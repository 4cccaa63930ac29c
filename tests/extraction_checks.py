"""Small readers of extraction output shared by the rule tests (test_extract_patterns, _round2-4)."""
from __future__ import annotations

from kg.articles import Article
from kg.iris import person_iri


def run(extractor, body: str, date: str = "2024-05-10") -> dict:
    """Extract one hand-written article body."""
    return extractor.extract(Article(id="t", body=body, date=date))


def events(out: dict, type_: str) -> list[dict]:
    return [e for e in out["events"] if e["type"] == type_]


def roles(out: dict, name: str) -> set[tuple]:
    """(role, country, accreditedTo) of the person named ``name``."""
    ent = next(e for e in out["entities"] if e["id"] == person_iri(name))
    return {(r["role"], r["country"], r["accreditedTo"]) for r in ent["roles"]}


def relations(out: dict, p: str) -> set[tuple[str, str]]:
    return {(r["s"], r["o"]) for r in out["relations"] if r["p"] == p}
