"""Ill-formed typed literals ("2021-13-45"^^xsd:date) in a data file, found while the store loads it.

Oxigraph keeps such literals as written; SPARQL casts then fail on them silently and validation
cannot compare them, so ``kg build`` stops on them with the file and line.

The check reads the file itself, on a second thread, while Oxigraph loads the same file on the
first: Oxigraph's parser and loader release the GIL, so the check costs wall time only where it
outlasts the load. Checking the loaded graph with SPARQL instead took 4.1 s of a 15 s load
phase on the 1M-triple benchmark graph (Oxigraph decodes every object term to read its
datatype); parsing the file again takes about 1.1 s and overlaps the load. Only the distinct
literals of a checked datatype are kept (7,666 of the 1M-triple file's 207,047 typed literals),
and Oxigraph's own casts decide which are ill-formed, on a small in-memory store, so the rule is
the one SPARQL applies.
"""
from __future__ import annotations

import itertools
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional

import pyoxigraph as ox

from kg.errors import TurtleError
from kg.results import compact
from kg.store import format_for, syntax_error_message

XSD = "http://www.w3.org/2001/XMLSchema#"
_CASTS = {  # datatype -> the cast that fails on an ill-formed lexical form
    "date": "xsd:date", "dateTime": "xsd:dateTime", "integer": "xsd:integer", "decimal": "xsd:decimal",
    "boolean": "xsd:boolean", "double": "xsd:double", "float": "xsd:float",
}
_PATTERNS = ("gYear", "gYearMonth")  # no cast in SPARQL: checked by a regular expression each
CHECKED_DATATYPES = frozenset(ox.NamedNode(XSD + name) for name in (*_CASTS, *_PATTERNS))
_CHUNK = 50_000  # quads parsed between two looks at the stop flag


def _invalid_query() -> str:
    cast = "?o"
    for name, function in _CASTS.items():
        cast = f"IF(DATATYPE(?o) = <{XSD}{name}>, {function}(STR(?o)), {cast})"
    zone = "(Z|[+-][0-9]{2}:[0-9]{2})?$"
    pattern = (f'IF((DATATYPE(?o) = <{XSD}gYear> && !REGEX(STR(?o), "^-?[0-9]{{4,}}{zone}")) || '
               f'(DATATYPE(?o) = <{XSD}gYearMonth> && !REGEX(STR(?o), "^-?[0-9]{{4,}}-(0[1-9]|1[0-2]){zone}")), '
               '1/"x", ?o)')
    return (f"PREFIX xsd: <{XSD}> SELECT ?o WHERE {{ ?s ?p ?o BIND({cast} AS ?v) BIND({pattern} AS ?w) "
            "FILTER(!BOUND(?v) || !BOUND(?w)) }")


_INVALID = _invalid_query()


def invalid_literals(literals: Iterable[ox.Literal]) -> set[ox.Literal]:
    """The literals whose lexical form their (checked) datatype rejects, by Oxigraph's casts."""
    store = ox.Store()
    predicate = ox.NamedNode("urn:ddkg:literal")
    store.extend(ox.Quad(ox.BlankNode(), predicate, literal) for literal in literals)
    return {row[0] for row in store.query(_INVALID)}


def scan_literals(path: Path, stop: Optional[threading.Event] = None) -> list[ox.Literal]:
    """The distinct literals of a checked datatype in ``path``, in the order the file first has them.

    The parse is lenient (no IRI or language-tag validation, faster): it runs beside Oxigraph's
    strict load of the same file, which reports any syntax error itself. ``stop`` ends it early.
    """
    checked = CHECKED_DATATYPES
    literal_type = ox.Literal
    seen: dict[ox.Literal, None] = {}
    quads = ox.parse(path=str(path), format=format_for(str(path)), lenient=True)
    while stop is None or not stop.is_set():
        chunk = list(itertools.islice(quads, _CHUNK))
        if not chunk:
            break
        for quad in chunk:
            value = quad.object
            if type(value) is literal_type and value.datatype in checked:
                seen[value] = None
    return list(seen)


def find_invalid_literals(path: Path, stop: Optional[threading.Event] = None) -> list[ox.Literal]:
    """The ill-formed typed literals of ``path``, distinct, in the order the file first has them."""
    literals = scan_literals(path, stop)
    bad = invalid_literals(literals)
    return [literal for literal in literals if literal in bad]


class _LineReader:
    """A binary file read one line per ``read`` call, counting lines: Oxigraph's parser reads only
    when it needs more input, so a quad comes out while the line that completes it is the last read."""

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.line = 0

    def read(self, size: int = -1) -> bytes:  # noqa: ARG002 - one line, whatever the size asked
        data = self.file.readline()
        if data:
            self.line += 1
        return data


def line_of(path: Path, literal: ox.Literal) -> Optional[int]:
    """The line of the first statement whose object is ``literal``, found by parsing (so a comment
    or another quoting of the same text does not mislead it); None if absent.

    Only an error report needs it: about 1.5 s for a 1M-line file read to its end.
    """
    with open(path, "rb") as file:
        reader = _LineReader(file)
        for quad in ox.parse(reader, format=format_for(str(path)), lenient=True):
            if quad.object == literal:
                return reader.line
    return None


def literal_error(path: Path, bad: list[ox.Literal]) -> TurtleError:
    """The error for the first ill-formed literal, naming the file and line (and how many more)."""
    literal = bad[0]
    line = line_of(path, literal)
    where = f"{path}, line {line}" if line else str(path)
    more = f"; {len(bad) - 1} more ill-formed literal(s) in the file" if len(bad) > 1 else ""
    return TurtleError(f"{where}: \"{literal.value}\" is not a valid {compact(literal.datatype.value)} "
                       f"literal (dates are YYYY-MM-DD, with a month 01-12 and a day that exists){more}")


def check_file_literals(path: Path) -> None:
    """Raise a TurtleError naming the file and line of the first ill-formed typed literal."""
    bad = find_invalid_literals(path)
    if bad:
        raise literal_error(path, bad)


@contextmanager
def literals_checked_while(path: Path) -> Iterator[None]:
    """Check ``path``'s typed literals on a second thread while the body loads the file.

    After the body, wait for the check and raise a TurtleError on an ill-formed literal. If the
    body fails (a syntax error, a full disk), its error wins and the check is stopped.
    """
    stop = threading.Event()
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["bad"] = find_invalid_literals(path, stop)
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            outcome["error"] = exc

    worker = threading.Thread(target=run, name=f"kg-literals-{path.name}", daemon=True)
    worker.start()
    try:
        yield
    except BaseException:
        stop.set()
        worker.join()
        raise
    worker.join()
    error = outcome.get("error")
    if isinstance(error, SyntaxError):  # the load accepted what the lenient parse did not: say so
        raise TurtleError(syntax_error_message(str(path), error)) from None
    if isinstance(error, OSError):
        raise TurtleError(f"{path}: cannot read ({error.strerror or error})") from None
    if error is not None:
        raise error
    bad = outcome["bad"]
    if bad:
        raise literal_error(path, bad)  # type: ignore[arg-type]
