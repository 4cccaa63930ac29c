"""Derive the short edges and materialised types from the event, post and relationship nodes.

The rules are SPARQL ``CONSTRUCT`` files in ``ontology/rules/`` (an analyst can add one), run
over the union of the graphs until nothing new appears, their results kept in the ``derived``
named graph. Targeted rules like these cost a fraction of a full OWL closure (see
``shared/MEASUREMENTS.md``: owlrl took 171 s at 100k triples, SPARQL rules 0.68 s).

How the fixpoint is reached without re-running every rule every round
----------------------------------------------------------------------

Every rule is monotone (a CONSTRUCT with joins, unions, paths and filters that compare terms:
more triples in, never fewer out), so the set of triples the rules can derive from a graph is
one set, the least fixpoint, whatever the order the rules run in and however often each runs,
as long as no rule could still add something when we stop. The derived graph is that set less
the triples some source already states. The order below only saves work:

1. **Two strata.** A rule says in a header comment whether it is recursive (``# recursive:
   yes`` or ``no``, see ``ontology/rules/README.md``; no header means yes, the safe choice).
   The recursive ones are the generic rules (superclass types, super-properties, inverse and
   symmetric properties): what they derive feeds them and every other rule. The non-recursive
   ones (meetings, visits and agreements, relationships, involvement) read events and posts
   and write short edges. The recursive rules run first, to their fixpoint, so the
   non-recursive rules then see complete input and run once. Their output goes back through
   the recursive rules (a derived ``alliedWith`` is symmetric, a derived ``received`` is a
   ``metWith``), and a non-recursive rule runs again only if that added a predicate it reads.
2. **A rule re-runs only when its input changed** (semi-naive in spirit, at the grain of
   predicates rather than of triples). Each rule's WHERE clause is parsed once (rdflib's SPARQL
   algebra) for the predicates it reads, property paths included; a variable or negated
   predicate means "reads everything". The predicates of the triples each run adds are logged;
   a rule is due when it never ran, or when a run since its last one added a predicate it
   reads. A rule fed by its own output is therefore re-run only while it still adds triples,
   unless its header says ``# idempotent: yes``: its own output gives it nothing new, so only
   other rules' additions make it due. The types and super-property rules are: they follow
   ``rdfs:subClassOf+`` / ``rdfs:subPropertyOf+``, already transitive. The inverse/symmetric
   rule is not declared so (with ``p inverseOf q`` and ``q`` symmetric a second run adds more).
   The loop ends when no rule is due: then no rule can add anything, which is the fixpoint.
3. **Batches.** A run's new triples (those no graph states yet) are added with one
   ``Store.extend``, not one ``add`` (and one transaction on disk) per triple.

On the benchmark graphs this took the derivation from 30 s to 4 s at 100k triples and from 350 s
to 58 s at 1M (see ``docs/store.md``). ``MAX_RUNS`` stops a rule set that would never settle (a
rule minting new blank nodes each run): the build then fails naming the rules folder.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

import pyoxigraph as ox

from kg import iris
from kg.errors import QueryError
from kg.store import OxigraphStore

DERIVED_GRAPH = iris.graph_iri("derived")
MAX_RUNS = 50  # rule runs in all: far above what a settling rule set needs (about a dozen here)


@dataclass
class Rule:
    path: Path
    text: str
    recursive: bool
    reads: Optional[frozenset[str]]  # predicate IRIs the WHERE clause reads; None: any
    idempotent: bool = False          # its own output gives it nothing new
    query: str = ""                   # what runs: the rule, or it with FILTER NOT EXISTS { template }
    filtered: bool = False            # the query itself leaves out triples already stated
    last_seen: int = -1               # the log length when it last ran (-1: never)
    added: int = 0
    runs: int = 0


@dataclass
class _Log:
    runs: list[tuple[Rule, frozenset[str]]] = field(default_factory=list)  # (rule, predicates) per run that added

    def due(self, rule: Rule) -> bool:
        """Never ran, or a run since its last one added a predicate it reads (its own runs count
        unless it is idempotent)."""
        if rule.last_seen < 0:
            return True
        for by, added in self.runs[rule.last_seen:]:
            if by is rule and rule.idempotent:
                continue
            if rule.reads is None or rule.reads & added:
                return True
        return False


def load_rules(rule_files: Sequence[Path]) -> list[Rule]:
    rules = []
    for path in rule_files:
        text = path.read_text(encoding="utf-8")
        if "CONSTRUCT" not in text.upper():
            raise QueryError(f"{path}: a rule must be a SPARQL CONSTRUCT query")
        rule = Rule(path, text, _header(path, text, "recursive", True), _predicates_read(text),
                    _header(path, text, "idempotent", False), text)
        filtered = _filtered(text)
        if filtered is not None:
            rule.query, rule.filtered = filtered, True
        rules.append(rule)
    return rules


def derive(store: OxigraphStore, rule_files: Sequence[Path], stats: Optional[list] = None) -> int:
    """Run the rules to a fixpoint; returns how many triples the derived graph holds.

    ``stats``, when given, receives one ``(rule file name, seconds, triples added)`` per run.
    """
    import time

    rules = load_rules(rule_files)
    strata = [[r for r in rules if r.recursive], [r for r in rules if not r.recursive]]
    graph = ox.NamedNode(DERIVED_GRAPH)
    raw = store.raw
    log = _Log()
    runs = 0
    while any(log.due(r) for r in rules):
        for stratum in strata:
            # run this stratum until none of its rules is due, then go on to the next
            while True:
                due = [r for r in stratum if log.due(r)]
                if not due:
                    break
                for rule in due:
                    if not log.due(rule):
                        continue
                    runs += 1
                    if runs > MAX_RUNS:
                        raise QueryError(f"the rules in {rule.path.parent} did not reach a fixpoint "
                                         f"after {MAX_RUNS} runs; does a rule make new blank nodes each time?")
                    started = time.perf_counter()
                    rule.last_seen = len(log.runs)
                    added = _run(raw, rule, graph)
                    rule.runs += 1
                    rule.added += len(added)
                    if added:
                        log.runs.append((rule, frozenset(t.predicate.value for t in added)))
                    if stats is not None:
                        stats.append((rule.path.name, time.perf_counter() - started, len(added)))
    return store.count(DERIVED_GRAPH)


def _run(raw: ox.Store, rule: Rule, graph: ox.NamedNode) -> list[ox.Triple]:
    """One run of a rule: the triples it gives that no graph states yet, added in one batch."""
    try:
        triples = set(raw.query(rule.query, use_default_graph_as_union=True))
    except SyntaxError as exc:
        raise QueryError(f"{rule.path}: SPARQL syntax error: {exc}") from None
    new = list(triples) if rule.filtered else [t for t in triples if not _contains_anywhere(raw, t)]
    new.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))  # same store order each time
    raw.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in new)
    return new


def _contains_anywhere(raw: ox.Store, triple: ox.Triple) -> bool:
    """True when some graph already states the triple: derived edges never repeat given ones."""
    return next(iter(raw.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)), None) is not None


def _header(path: Path, text: str, name: str, default: bool) -> bool:
    """A ``# <name>: yes|no`` line among the rule's leading comments, or ``default``."""
    pattern = re.compile(rf"^#\s*{name}\s*:\s*(\S+)\s*$", re.IGNORECASE)
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        match = pattern.match(line)
        if match:
            value = match.group(1).lower()
            if value not in ("yes", "no"):
                raise QueryError(f"{path}: '# {name}:' takes yes or no, not {match.group(1)!r}")
            return value == "yes"
    return default


def _predicates_read(text: str) -> Optional[frozenset[str]]:
    """The predicate IRIs a rule's WHERE clause matches (paths included); None when it may match
    any predicate (a variable or a negated property set) or when the text cannot be analysed."""
    from rdflib import URIRef
    from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        algebra = prepareQuery(text).algebra
    except Exception:  # noqa: BLE001 - Oxigraph may accept what rdflib's parser does not
        return None
    found: set[str] = set()

    def predicate(p) -> bool:
        if isinstance(p, URIRef):
            found.add(str(p))
            return True
        if isinstance(p, (AlternativePath, SequencePath)):
            return all(predicate(a) for a in p.args)
        if isinstance(p, InvPath):
            return predicate(p.arg)
        if isinstance(p, MulPath):
            return predicate(p.path)
        return False  # a variable, a negated property set, anything else: any predicate

    def walk(node) -> bool:
        if isinstance(node, CompValue):
            for key, value in node.items():
                if key == "template":
                    continue
                if key == "triples" and isinstance(value, list):
                    if not all(predicate(t[1]) for t in value if len(t) == 3):
                        return False
                elif not walk(value):
                    return False
        elif isinstance(node, (list, tuple)):
            return all(walk(v) for v in node)
        return True

    return frozenset(found) if walk(algebra) else None


def _filtered(text: str) -> Optional[str]:
    """The rule with ``FILTER NOT EXISTS { <its template> }`` closing its WHERE clause, so that
    Oxigraph leaves out what some graph already states (one index probe in Rust instead of one
    ``quads_for_pattern`` call from Python per triple: 0.30 s against 0.81 s for the inverse rule
    late in the 100k derivation). Only for a template of one triple pattern without blank nodes:
    with several, a solution binding only some of their variables would be tested against
    patterns with free variables. None when the rule does not qualify or the result does not parse.
    """
    from rdflib import BNode
    from rdflib.plugins.sparql import prepareQuery

    try:
        template = prepareQuery(text).algebra.get("template") or []
    except Exception:  # noqa: BLE001
        return None
    if len(template) != 1 or any(isinstance(t, BNode) for t in template[0]):
        return None
    body = text.rstrip()
    if not body.endswith("}"):
        return None
    pattern = " ".join(t.n3() for t in template[0])
    query = f"{body[:-1]}  FILTER NOT EXISTS {{ {pattern} }}\n}}\n"
    try:
        ox.Store().query(query)
    except SyntaxError:
        return None  # the last brace closed something else (a VALUES block)
    return query
