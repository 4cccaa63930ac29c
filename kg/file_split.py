"""Cut a large RDF file into pieces that parse to the same triples, so that several of Oxigraph's
bulk loaders can load one file side by side.

Why: one bulk loader keeps one core busy (parsing, then sorting and writing the indexes): 9.4 s for
the 1M-triple benchmark file on a 2-core machine, where two loaders side by side take 6.2 s
(docs/store.md, with the literal check running beside them). A cut
is made only where a cheap scan shows it is a statement boundary; any file where that cannot be
shown is loaded whole:

- N-Triples and N-Quads: every line is a statement, so any line end is a boundary.
- Turtle: with no long strings (\"\"\"...\"\"\", '''...''') no string spans a line, so a line that ends
  with "." and holds no comment ends a statement. Every @prefix/@base/PREFIX/BASE directive must
  be one whole line; each piece starts with the directives that precede its cut, in order, so
  prefixes (and relative bases) resolve as they would in the whole file.
- No labelled blank nodes (``_:b1``) in either: a parser gives each document its own blank nodes,
  so a label used on both sides of a cut would become two nodes.

TriG, JSON-LD and RDF/XML are never cut. The caller still treats a piece's parse error as "load
the whole file": the scan decides when cutting is safe, the parser remains the judge of syntax
(and the whole file's parse gives the error its real line number).
"""
from __future__ import annotations

import mmap
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pyoxigraph as ox

MIN_PIECE_BYTES = 8 << 20  # below this the threads cost more than they save
MAX_PIECE_BYTES = 64 << 20  # each loader holds its piece in memory: a larger file gets more pieces
LINE_BASED = (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS)

_BLANK_LABEL = re.compile(rb"_:")
_LONG_STRINGS = (re.compile(rb'"""'), re.compile(rb"'''"))
# a line that starts like a directive (the keyword not followed by a name character: "prefix:x" and
# "baseline" are names); the whole line must then be one directive
_DIRECTIVE_START = re.compile(rb"\n[ \t]*(?:@prefix|@base|[Pp][Rr][Ee][Ff][Ii][Xx]|[Bb][Aa][Ss][Ee])(?![\w:.-])")
_ONE_LINE_DIRECTIVE = re.compile(
    rb"[ \t]*(?:@prefix[ \t]+[^\s:<>#]*:[ \t]*<[^>\s]*>[ \t]*\.|@base[ \t]*<[^>\s]*>[ \t]*\."
    rb"|(?i:prefix)[ \t]+[^\s:<>#]*:[ \t]*<[^>\s]*>|(?i:base)[ \t]*<[^>\s]*>)[ \t]*(?:#[^\n]*)?\r?")
_STATEMENT_END = re.compile(rb"\.[ \t]*\r?\n")


@dataclass(frozen=True)
class Piece:
    """Bytes ``start:end`` of the file, to be parsed after ``header`` (the directives before ``start``)."""

    start: int
    end: int
    header: bytes = b""


def split_statements(path: Path, fmt: ox.RdfFormat, parts: int,
                     min_piece_bytes: Optional[int] = None) -> Optional[list[Piece]]:
    """At least ``parts`` pieces of ``path`` cut at statement boundaries, or None when the file
    should be loaded whole (too small, a format never cut, or a shape the scan cannot prove safe).

    A small file gets fewer pieces (each at least ``min_piece_bytes``, by default MIN_PIECE_BYTES),
    a large one a multiple of ``parts`` (each at most about MAX_PIECE_BYTES), so that memory
    stays bounded.
    """
    if fmt not in LINE_BASED and fmt != ox.RdfFormat.TURTLE:
        return None
    size = path.stat().st_size
    parts *= -(-size // (parts * MAX_PIECE_BYTES))  # a multiple of the loaders: none left alone at the end
    parts = min(parts, size // max(MIN_PIECE_BYTES if min_piece_bytes is None else min_piece_bytes, 1))
    if parts < 2:
        return None
    with open(path, "rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if _BLANK_LABEL.search(data):
            return None
        directives: list[tuple[int, bytes]] = []
        if fmt == ox.RdfFormat.TURTLE:
            if any(pattern.search(data) for pattern in _LONG_STRINGS):
                return None
            found = _directives(data)
            if found is None:
                return None
            directives = found
        cuts = [0]
        for index in range(1, parts):
            cut = _cut_after(data, max(size * index // parts, cuts[-1]), fmt in LINE_BASED)
            if cut is None or cut >= size:
                break
            cuts.append(cut)
    cuts.append(size)
    if len(cuts) < 3:
        return None
    return [Piece(start, end, b"".join(line + b"\n" for at, line in directives if at < start))
            for start, end in zip(cuts, cuts[1:])]


def _directives(data: mmap.mmap) -> Optional[list[tuple[int, bytes]]]:
    """Every directive line with its offset, or None if one is not a whole line by itself."""
    starts = [0] if _DIRECTIVE_START.match(b"\n" + data[:64]) else []
    starts += [match.start() + 1 for match in _DIRECTIVE_START.finditer(data)]
    found = []
    for start in starts:
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        line = data[start:end]
        if not _ONE_LINE_DIRECTIVE.fullmatch(line):
            return None
        found.append((start, line.rstrip(b"\r")))
    return found


def _cut_after(data: mmap.mmap, offset: int, line_based: bool) -> Optional[int]:
    """The first statement boundary at or after ``offset`` (an offset just after a line end)."""
    if line_based:
        end = data.find(b"\n", offset)
        return None if end < 0 else end + 1
    for match in _STATEMENT_END.finditer(data, offset):
        line_start = data.rfind(b"\n", 0, match.start()) + 1
        if data.find(b"#", line_start, match.start()) < 0:
            return match.end()
    return None


def read_piece(path: Path, piece: Piece) -> bytes:
    """The piece's header and bytes, whole: Oxigraph then parses them without the GIL, where a
    file-like object is asked for about 2 KB at a time, each call waiting for the GIL while
    another thread (the literal check) runs Python."""
    with open(path, "rb") as file:
        file.seek(piece.start)
        return piece.header + file.read(piece.end - piece.start)
