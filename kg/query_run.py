"""Run one SPARQL query on the built store, a remote endpoint, or under a time limit.

Oxigraph cannot cancel a running query from Python, so a time limit runs the query in a child
process that is stopped when the limit passes; the rows stream back as they come.
"""
from __future__ import annotations

import multiprocessing
import queue as queue_module
from typing import Iterator, Optional

from kg.errors import QueryError
from kg.store import QueryResult
from kg.workspace import Workspace

_END = "__end__"


def open_target(workspace: Workspace, store_kind: str = "disk", endpoint: Optional[str] = None):
    """The store queries run on: the last good build, or a remote endpoint."""
    if endpoint:
        from kg.remote import RemoteStore
        return RemoteStore(endpoint)
    from kg.build import open_built_store
    return open_built_store(workspace, store_kind)


def run_query(workspace: Workspace, text: str, store_kind: str = "disk", endpoint: Optional[str] = None,
              timeout: Optional[float] = None, target=None) -> QueryResult:
    """Run ``text``; ``target`` is the store already opened by :func:`open_target`, if any."""
    if endpoint:
        target = target or open_target(workspace, store_kind, endpoint)
        return target.query(text, timeout=timeout)
    if timeout is None:
        return (target or open_target(workspace, store_kind)).query(text)
    return _query_with_timeout(workspace, text, store_kind, timeout)


def _child(workspace: Workspace, text: str, store_kind: str, out: "multiprocessing.Queue") -> None:
    from kg.build import open_built_store
    from kg.errors import KGError
    try:
        result = open_built_store(workspace, store_kind).query(text)
        out.put(("head", result.kind, result.variables, result.boolean))
        batch = []
        for item in (result.rows if result.kind == "select" else result.triples):
            batch.append(item)
            if len(batch) >= 1000:
                out.put(("rows", batch))
                batch = []
        out.put(("rows", batch))
        out.put((_END,))
    except KGError as exc:
        out.put(("error", str(exc)))


def _query_with_timeout(workspace: Workspace, text: str, store_kind: str, timeout: float) -> QueryResult:
    import time

    context = multiprocessing.get_context("fork")
    out: multiprocessing.Queue = context.Queue(maxsize=64)
    child = context.Process(target=_child, args=(workspace, text, store_kind, out), daemon=True)
    child.start()
    deadline = time.monotonic() + timeout

    def receive():
        remaining = deadline - time.monotonic()
        try:
            if remaining <= 0:
                raise queue_module.Empty
            return out.get(timeout=remaining)
        except queue_module.Empty:
            child.kill()
            raise QueryError(f"the query ran longer than the time limit of {timeout:g} s and was stopped; "
                             "narrow it (a LIMIT, a parameter) or raise --timeout") from None

    head = receive()
    if head[0] == "error":
        raise QueryError(head[1])
    _, kind, variables, boolean = head

    def items() -> Iterator:
        while True:
            message = receive()
            if message[0] == _END:
                child.join(1)
                return
            if message[0] == "error":
                raise QueryError(message[1])
            yield from message[1]

    if kind == "select":
        return QueryResult("select", variables=variables, rows=items())
    if kind == "ask":
        child.kill()
        return QueryResult("ask", boolean=boolean)
    return QueryResult("graph", triples=items())
