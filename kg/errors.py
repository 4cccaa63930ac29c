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


class RemoteHTTPError(StoreError):
    """The server answered with an HTTP error status."""

    def __init__(self, url: str, status: int, detail: str, what: str) -> None:
        self.url, self.status, self.detail = url, status, detail
        hint = {
            400: "the server rejected the request (its message follows)",
            401: "the server wants credentials",
            403: "the server refuses it (a read-only endpoint? start `kg serve --writable`)",
            404: "no such endpoint at this URL",
            405: "the server does not allow this method here (read-only, or not this protocol)",
            415: "the server does not take this content type",
            500: "the server failed",
            503: "the server is unavailable or timed out",
        }.get(status, "")
        message = f"{what} at {url} failed: HTTP {status}"
        if hint:
            message += f" ({hint})"
        if detail:
            message += f": {detail[:500]}"
        super().__init__(message)


class OutputError(KGError):
    """An output cannot be written (permissions, full disk)."""


class ViewError(KGError):
    """A view of the network cannot be made: an unknown --focus entity, a bad date or type."""
