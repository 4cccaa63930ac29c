"""Score the extractor against hand-annotated gold files (``docs/annotation.md``).

A gold set is a folder of ``NAME.txt`` articles, each with a ``NAME.json`` gold file that has
the shape of the extraction contract with names in place of IRIs. Names resolve to IRIs as the
guidelines say: countries through the lexicon's names, people, organisations, places and
agreements through the lexicon's names and aliases, anything else minted by type with
:mod:`kg.iris` (an agreement named by a lower-case description, "agreement on military
education", is unnamed: its IRI comes from its date, parties and kind, as the model mints it).

Entities match on (type, IRI); roles on (person, role, country, accreditedTo); events when type
and date are equal and the participant sets overlap (one-to-one); relations on (s, p, o, via),
order-free for symmetric ones. Host, guest, agreement, place and topics of matched events are
reported as attribute accuracy (the exact value, or the exact topic set); topics also as micro
precision, recall and F1 over (matched event, topic) pairs, which gives partial credit.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from kg.articles import read_article
from kg.errors import WorkspaceError
from kg.extract.lexicon import Lexicon
from kg.extract.pipeline import Extractor
from kg.extract.text import term_key
from kg.iris import (agreement_iri, country_iri, exercise_iri, organization_iri, person_iri, place_iri)

CLASSES = ("entities", "roles", "events", "relations")
SYMMETRIC = frozenset({"alliedWith", "cooperatesWith", "metWith"})
ATTRIBUTES = ("host", "guest", "agreement", "place", "topics")
_MINT = {"Person": person_iri, "Organization": organization_iri, "Place": place_iri,
         "Exercise": exercise_iri, "Agreement": agreement_iri}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ArticleScore:
    name: str
    counts: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CLASSES})
    false_positives: dict[str, list] = field(default_factory=lambda: {c: [] for c in CLASSES})
    false_negatives: dict[str, list] = field(default_factory=lambda: {c: [] for c in CLASSES})
    attributes: dict[str, list[int]] = field(default_factory=lambda: {a: [0, 0] for a in ATTRIBUTES})
    topics: Counts = field(default_factory=Counts)   # (matched event, topic) pairs


@dataclass
class Evaluation:
    articles: list[ArticleScore] = field(default_factory=list)

    def overall(self) -> dict[str, Counts]:
        total = {c: Counts() for c in CLASSES}
        for art in self.articles:
            for c in CLASSES:
                total[c].add(art.counts[c])
        return total

    def attribute_accuracy(self) -> dict[str, Optional[float]]:
        out: dict[str, Optional[float]] = {}
        for a in ATTRIBUTES:
            right = sum(art.attributes[a][0] for art in self.articles)
            seen = sum(art.attributes[a][1] for art in self.articles)
            out[a] = right / seen if seen else None
        return out

    def topic_counts(self) -> Counts:
        """Micro counts over (event, topic) pairs of matched events: partial credit where the
        exact-set accuracy gives none."""
        total = Counts()
        for art in self.articles:
            total.add(art.topics)
        return total

    def as_dict(self, details: bool = False) -> dict:
        def scores(counts: dict[str, Counts]) -> dict:
            return {c: {"precision": round(k.precision, 4), "recall": round(k.recall, 4), "f1": round(k.f1, 4),
                        "tp": k.tp, "fp": k.fp, "fn": k.fn} for c, k in counts.items()}
        t = self.topic_counts()
        out = {"overall": scores(self.overall()), "attributes": self.attribute_accuracy(),
               "topics": {"precision": round(t.precision, 4), "recall": round(t.recall, 4), "f1": round(t.f1, 4),
                          "tp": t.tp, "fp": t.fp, "fn": t.fn},
               "articles": {}}
        for art in self.articles:
            entry = scores(art.counts)
            if details:
                entry["false_positives"] = art.false_positives
                entry["false_negatives"] = art.false_negatives
            out["articles"][art.name] = entry
        return out

    def as_table(self, details: bool = False) -> str:
        header = f"{'article':<40}" + "".join(f"{c:>22}" for c in CLASSES)
        sub = f"{'':<40}" + "".join(f"{'P     R     F1':>22}" for _ in CLASSES)
        lines = [header, sub, "-" * len(header)]

        def row(name: str, counts: dict[str, Counts]) -> str:
            return f"{name[:40]:<40}" + "".join(
                f"{counts[c].precision:>8.2f}{counts[c].recall:>6.2f}{counts[c].f1:>6.2f}  " for c in CLASSES)
        for art in self.articles:
            lines.append(row(art.name, art.counts))
        lines.append("-" * len(header))
        lines.append(row(f"overall (micro, {len(self.articles)} articles)", self.overall()))
        attrs = ", ".join(f"{a} {v:.2f}" if v is not None else f"{a} -" for a, v in self.attribute_accuracy().items())
        lines.append(f"event attribute accuracy: {attrs}")
        t = self.topic_counts()
        lines.append(f"topics of matched events (micro, event-topic pairs): P {t.precision:.2f}, R {t.recall:.2f}, "
                     f"F1 {t.f1:.2f} (tp {t.tp}, fp {t.fp}, fn {t.fn})")
        if details:
            for art in self.articles:
                for c in CLASSES:
                    for label, items in (("FP", art.false_positives[c]), ("FN", art.false_negatives[c])):
                        for item in items:
                            lines.append(f"{art.name}\t{c}\t{label}\t{_short(item)}")
        return "\n".join(lines)


def _short(item) -> str:
    if isinstance(item, tuple):
        return "(" + ", ".join(_short(x) for x in item) + ")"
    if isinstance(item, (frozenset, set)):
        return "{" + ", ".join(sorted(_short(x) for x in item)) + "}"
    if isinstance(item, str) and item.startswith("https://w3id.org/ddkg/"):
        return item.rsplit("/", 2)[-2] + "/" + item.rsplit("/", 1)[-1]
    return str(item)


class Resolver:
    """Gold names to IRIs, through the lexicon first."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.countries: dict[str, str] = {}
        for c in lexicon.countries:
            for name in (c.name, *c.names, c.iso3, *c.adjectives):
                self.countries.setdefault(_key(name), c.iri)
        self.people = {}
        for p in lexicon.people:
            for name in (p.name, *p.aliases):
                self.people.setdefault(_key(name), p.iri)
        self.named: dict[tuple[str, str], str] = {}
        for n in lexicon.named:
            for name in (n.name, *n.aliases):
                self.named.setdefault((n.type, _key(name)), n.iri)
        self.kinds = {}
        for k in lexicon.agreement_kinds:
            for term in (k.name, *k.terms):
                self.kinds.setdefault(_key(term), k.name)

    def entity(self, type_: str, name: Optional[str], gold: dict) -> Optional[str]:
        if name is None:
            return None
        key = _key(name)
        if type_ == "Country":
            return self.countries.get(key) or country_iri(name[:3])
        if type_ == "Person":
            return self.people.get(key) or person_iri(name)
        if (type_, key) in self.named:
            return self.named[(type_, key)]
        if type_ == "Agreement" and name[:1].islower():
            return self._described_agreement(name, gold)
        return _MINT.get(type_, organization_iri)(name)

    def any(self, name: Optional[str], gold: dict) -> Optional[str]:
        """A name of unknown type (an event participant): the gold entity's type, else guess."""
        if name is None:
            return None
        for ent in gold.get("entities", []):
            if ent.get("name") == name:
                return self.entity(ent["type"], name, gold)
        key = _key(name)
        if key in self.countries:
            return self.countries[key]
        for (type_, named_key), iri in self.named.items():
            if named_key == key:
                return iri
        return self.people.get(key) or person_iri(name)

    def _described_agreement(self, name: str, gold: dict) -> str:
        """An unnamed agreement: minted from the date of its signing, its parties and its kind."""
        parties = [self.entity("Country", r["s"], gold) for r in gold.get("relations", [])
                   if r.get("p") == "partyTo" and r.get("o") == name]
        dates = [e.get("date") for e in gold.get("events", []) if e.get("agreement") == name and e.get("date")]
        words = term_key(name)
        kind = next((self.kinds[w] for n in (3, 2, 1) for w in [" ".join(words[:n])] if w in self.kinds), "Agreement")
        if not parties and not dates:
            return agreement_iri(name)
        return agreement_iri(kind=kind, date=dates[0] if dates else None, parties=[p for p in parties if p])


def _key(name: str) -> str:
    return " ".join(term_key(name))


def _gold_sets(gold: dict, r: Resolver) -> dict[str, object]:
    entities = set()
    types = {}
    for e in gold.get("entities", []):
        iri = r.entity(e["type"], e["name"], gold)
        entities.add((e["type"], iri))
        types[e["name"]] = e["type"]
    roles = set()
    for e in gold.get("entities", []):
        if e["type"] != "Person":
            continue
        iri = r.entity("Person", e["name"], gold)
        for role in e.get("roles") or []:
            roles.add((iri, role["role"], r.entity("Country", role.get("country"), gold),
                       r.entity("Country", role.get("accreditedTo"), gold)))
    events = []
    for ev in gold.get("events", []):
        events.append({
            "type": ev["type"], "date": ev.get("date"),
            "participants": frozenset(r.any(p, gold) for p in ev.get("participants") or []),
            "host": r.any(ev.get("host"), gold), "guest": r.any(ev.get("guest"), gold),
            "agreement": r.entity("Agreement", ev.get("agreement"), gold) if ev.get("agreement") else None,
            "place": r.any(ev.get("place"), gold) if ev.get("place") else None,
            "topics": frozenset(ev.get("topics") or []),
        })
    relations = set()
    for rel in gold.get("relations", []):
        s, o = r.any(rel["s"], gold), r.any(rel["o"], gold)
        if rel["p"] in ("signed", "partyTo"):
            o = r.entity("Agreement", rel["o"], gold)
        via = r.entity("Agreement", rel["via"], gold) if rel.get("via") else None
        relations.add(_relation_key(s, rel["p"], o, via))
    return {"entities": entities, "roles": roles, "events": events, "relations": relations}


def _relation_key(s, p, o, via):
    if p in SYMMETRIC:
        s, o = sorted((s, o))
    return (s, p, o, via)


def _extracted_sets(out: dict) -> dict[str, object]:
    entities = {(e["type"], e["id"]) for e in out["entities"]}
    roles = {(e["id"], role["role"], role["country"], role["accreditedTo"])
             for e in out["entities"] if e["type"] == "Person" for role in e["roles"]}
    events = [{"type": e["type"], "date": e["date"], "participants": frozenset(e["participants"]),
               "host": e["host"], "guest": e["guest"], "agreement": e["agreement"], "place": e["place"],
               "topics": frozenset(e["topics"])} for e in out["events"]]
    relations = {_relation_key(r["s"], r["p"], r["o"], r["via"]) for r in out["relations"]}
    return {"entities": entities, "roles": roles, "events": events, "relations": relations}


def score_article(name: str, gold: dict, out: dict, resolver: Resolver) -> ArticleScore:
    score = ArticleScore(name)
    g, x = _gold_sets(gold, resolver), _extracted_sets(out)
    for c in ("entities", "roles", "relations"):
        gs, xs = g[c], x[c]
        score.counts[c] = Counts(len(gs & xs), len(xs - gs), len(gs - xs))
        score.false_positives[c] = sorted(xs - gs, key=str)
        score.false_negatives[c] = sorted(gs - xs, key=str)
    unmatched = list(x["events"])
    tp = 0
    for ge in g["events"]:
        candidates = [xe for xe in unmatched if xe["type"] == ge["type"] and xe["date"] == ge["date"]
                      and xe["participants"] & ge["participants"]]
        if not candidates:
            score.false_negatives["events"].append(_event_label(ge))
            continue
        best = max(candidates, key=lambda xe: len(xe["participants"] & ge["participants"]))
        unmatched.remove(best)
        tp += 1
        score.topics.add(Counts(len(ge["topics"] & best["topics"]), len(best["topics"] - ge["topics"]),
                                len(ge["topics"] - best["topics"])))
        for a in ATTRIBUTES:
            if ge[a] or best[a]:
                score.attributes[a][1] += 1
                score.attributes[a][0] += int(ge[a] == best[a])
    score.false_positives["events"] = [_event_label(xe) for xe in unmatched]
    score.counts["events"] = Counts(tp, len(unmatched), len(g["events"]) - tp)
    return score


def _event_label(e: dict) -> tuple:
    return (e["type"], e["date"], frozenset(e["participants"]))


def evaluate(gold_dir: Path, lexicon: Lexicon, extractor: Optional[Extractor] = None) -> Evaluation:
    """Run the extractor on every ``NAME.txt`` that has a ``NAME.json`` and score it."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise WorkspaceError(f"{gold_dir}: no such gold folder; expected NAME.txt + NAME.json pairs")
    extractor = extractor or Extractor(lexicon)
    resolver = Resolver(lexicon)
    evaluation = Evaluation()
    for txt in sorted(gold_dir.glob("*.txt")):
        json_path = txt.with_suffix(".json")
        if not json_path.exists():
            continue
        try:
            gold = json.loads(json_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise WorkspaceError(f"{json_path}: not a readable gold file ({exc})") from None
        out = extractor.extract(read_article(txt))
        evaluation.articles.append(score_article(txt.stem, gold, out, resolver))
    return evaluation
