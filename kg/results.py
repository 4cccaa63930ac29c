"""Query results as text: table, csv, tsv, json, markdown.

csv, tsv and json are written row by row as the store yields them, so a result of a million
rows never sits in memory whole; table and markdown need column widths and so hold the rows.
"""
from __future__ import annotations

import csv
import json
from typing import IO, Iterable, Optional, Sequence

import pyoxigraph as ox

from kg.namespace import PREFIXES
from kg.store import QueryResult, Term

RESULT_FORMATS = ("table", "csv", "tsv", "json", "markdown")
_PREFIX_ORDER = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def compact(iri: str) -> str:
    """``res:person/zakir-hasanov`` rather than the full IRI, where a known prefix fits."""
    for prefix, namespace in _PREFIX_ORDER:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def cell(term: Optional[Term]) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def json_cell(term: Optional[Term]) -> object:
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype.value.endswith(("#integer", "#int", "#long")):
        try:
            return int(term.value)
        except ValueError:
            return term.value
    if isinstance(term, ox.Literal) and term.datatype.value.endswith(("#decimal", "#double", "#float")):
        try:
            return float(term.value)
        except ValueError:
            return term.value
    return cell(term)


def write_result(result: QueryResult, out: IO[str], fmt: str = "table") -> int:
    """Write ``result`` to ``out``; returns the number of rows written."""
    if result.kind == "ask":
        out.write(("true" if result.boolean else "false") + "\n")
        return 1
    if result.kind == "graph":
        count = 0
        for triple in result.triples:
            out.write(f"{triple.subject} {triple.predicate} {triple.object} .\n")
            count += 1
        return count
    if fmt in ("csv", "tsv"):
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.variables)
        count = 0
        for row in result.rows:
            writer.writerow([cell(t) for t in row])
            count += 1
        return count
    if fmt == "json":
        out.write("[")
        count = 0
        for row in result.rows:
            out.write(("," if count else "") + "\n  " + json.dumps(
                {name: json_cell(t) for name, t in zip(result.variables, row)}, ensure_ascii=False))
            count += 1
        out.write("\n]\n" if count else "]\n")
        return count
    rows = [[cell(t) for t in row] for row in result.rows]
    if fmt == "markdown":
        out.write(markdown_table(result.variables, rows))
    else:
        out.write(text_table(result.variables, rows))
    return len(rows)


def text_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    rows = [[_one_line(c) for c in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(), line]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    def esc(value: str) -> str:
        return _one_line(value).replace("|", "\\|")
    out = ["| " + " | ".join(esc(h) for h in header) + " |",
           "| " + " | ".join("---" for _ in header) + " |"]
    out += ["| " + " | ".join(esc(c) for c in r) + " |" for r in rows]
    return "\n".join(out) + "\n"


def _one_line(value: str) -> str:
    return " ".join(value.split())
