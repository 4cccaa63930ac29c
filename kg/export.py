"""Export the graph, or part of it, in the RDF formats analysts' tools read.

Triple formats (Turtle, N-Triples, RDF/XML) get the union of the chosen graphs, sorted, so the
same graph always gives the same file; dataset formats (TriG, N-Quads, JSON-LD) keep one named
graph per source, which is where provenance lives.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO, Optional

from kg import iris
from kg.errors import OutputError, StoreError
from kg.store import RDF_FORMATS, OxigraphStore

GRAPH_SELECTIONS = ("all", "curated", "extracted", "derived", "ontology", "articles")
NETWORK_FORMATS = ("graphml", "gexf")
EXPORT_FORMATS = tuple(RDF_FORMATS) + NETWORK_FORMATS


def select_graphs(store: OxigraphStore, selection: str) -> Optional[list[str]]:
    """The named graphs a ``--graph`` choice stands for (None: every graph)."""
    if selection == "all":
        return None
    graphs = store.named_graphs()
    if selection in ("curated", "extracted"):
        prefix = iris.graph_iri(selection) + "/"
        return [g for g in graphs if g.startswith(prefix)]
    if selection in ("derived", "ontology", "articles"):
        return [iris.graph_iri(selection)]
    if selection in graphs:
        return [selection]
    shown = ", ".join(graphs[:10]) + (f", ... ({len(graphs) - 10} more; `kg build` lists them all)"
                                      if len(graphs) > 10 else "")
    raise StoreError(f"--graph {selection!r} is neither one of {', '.join(GRAPH_SELECTIONS)} "
                     f"nor the IRI of a named graph in the store: {shown}")


def export(store: OxigraphStore, fmt: str, selection: str, out: IO[bytes]) -> None:
    store.dump(out, fmt, select_graphs(store, selection))


def write_atomically(path: Path, write) -> None:
    """Write through a temporary file in the same folder, then rename: no half-written file."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual rights
        os.replace(temporary, path)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}; nothing was changed") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
