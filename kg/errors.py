"""One small exception hierarchy; the CLI turns each into a message and an exit code.

Every message names the file, line, IRI or parameter at fault and what was expected.
"""
from __future__ import annotations


class KGError(Exception):
    """Base of every error the library raises on purpose. ``exit_code`` is the CLI's."""

    exit_code = 2


class WorkspaceError(KGError):
    """The workspace lacks a folder or file it needs."""


class ArticleError(KGError):
    """An article file cannot be read or its header is malformed."""


class TurtleError(KGError):
    """A Turtle (or other RDF) file does not parse."""


class QueryError(KGError):
    """A SPARQL query does not parse, names no canned query, or lacks a parameter."""


class StoreError(KGError):
    """The store cannot be opened, written or reached."""


class OutputError(KGError):
    """An output cannot be written (permissions, full disk)."""


class ValidationFailed(KGError):
    """The graph breaks SHACL shapes: the report lists each focus node, path and rule."""

    exit_code = 1

    def __init__(self, message: str, report: str = "") -> None:
        super().__init__(message)
        self.report = report


class ViewError(KGError):
    """A view of the network cannot be made: an unknown --focus entity, a bad date or type."""
