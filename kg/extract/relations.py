"""Lasting ties: who signed an agreement and which countries are party to it; alliedWith
between the parties of an alliance agreement (via it, since its date); cooperatesWith
between two countries a sentence says cooperate (with the areas it names); memberOf
("NATO member Poland", "a member of the CSTO").
"""
from __future__ import annotations

from itertools import combinations

from kg.extract.countries import countries_in
from kg.extract.document import Doc, Relation
from kg.extract.resources import Resources
from kg.extract.topics import topics_of


def find_relations(doc: Doc, res: Resources) -> None:
    _agreement_relations(doc, res)
    _stated_relations(doc, res)
    doc.relations = _merge(doc.relations)


def _party_of(doc: Doc, iri: str) -> str | None:
    ent = doc.entities[iri]
    if ent.type == "Country":
        return iri
    if ent.type == "Person":
        roles = [r.country for r in ent.roles if r.country]
        return roles[0] if roles else ent.country
    return None


def _agreement_relations(doc: Doc, res: Resources) -> None:
    for event in doc.events:
        if event.type != "AgreementSigning" or not event.agreement:
            continue
        agreement = doc.entities[event.agreement]
        if agreement.date is None and event.date:
            agreement.date = event.date
        parties: list[str] = []
        for p in event.participants:
            ent = doc.entities[p]
            if ent.type == "Person":
                doc.relations.append(Relation(p, "signed", agreement.id, None, event.sentence, "signing:signatory",
                                              confidence=0.85))
            party = _party_of(doc, p)
            if party and party not in parties:
                parties.append(party)
        for party in agreement.parties:
            if party not in parties:
                parties.append(party)
        for party in parties:
            doc.relations.append(Relation(party, "partyTo", agreement.id, None, event.sentence, "signing:party",
                                          confidence=0.8))
        if agreement.alliance:
            for a, b in combinations(sorted(parties), 2):
                doc.relations.append(Relation(a, "alliedWith", b, agreement.id, event.sentence,
                                              "signing:alliance", since=agreement.date, confidence=0.85))


def _stated_relations(doc: Doc, res: Resources) -> None:
    for sent in doc.sentences:
        cues = sent.by_cat("cue:relation_cues")
        if not cues:
            continue
        countries = countries_in(doc, sent)
        kinds = {c.key for c in cues}
        if "cooperatesWith" in kinds and len(countries) == 2:
            a, b = sorted(countries)
            doc.relations.append(Relation(a, "cooperatesWith", b, None, sent.index, "cue:cooperation",
                                          areas=topics_of(sent), confidence=0.7))
        if "memberOf" in kinds:
            orgs = [r for r in sent.refs if doc.entities[r.entity].type == "Organization"]
            for cue in (c for c in cues if c.key == "memberOf"):
                near_orgs = [r for r in orgs if abs(r.i - cue.i) <= 3]
                near_countries = [r for r in sent.refs if doc.entities[r.entity].type == "Country"
                                  and r.how in ("country", "adjective", "group") and abs(r.i - cue.i) <= 4]
                if near_orgs and near_countries:
                    org = min(near_orgs, key=lambda r: abs(r.i - cue.i)).entity
                    nearest = min(abs(r.i - cue.i) for r in near_countries)
                    for ref in near_countries:
                        if abs(ref.i - cue.i) == nearest:
                            doc.relations.append(Relation(ref.entity, "memberOf", org, None, sent.index,
                                                          "cue:member", confidence=0.7))


_SYMMETRIC = frozenset({"alliedWith", "cooperatesWith"})


def _merge(relations: list[Relation]) -> list[Relation]:
    out: dict[tuple, Relation] = {}
    for r in relations:
        s, o = (min(r.s, r.o), max(r.s, r.o)) if r.p in _SYMMETRIC else (r.s, r.o)
        key = (s, r.p, o, r.via)
        if key in out:
            out[key].areas |= r.areas
            out[key].since = out[key].since or r.since
        else:
            r.s, r.o = s, o
            out[key] = r
    return list(out.values())
