from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from kg.cli.options import get_workspace, workspace_option


@click.command("push")
@workspace_option
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's SPARQL query URL, e.g. http://127.0.0.1:7878/query (Oxigraph) or "
                   "http://localhost:3030/ds/sparql (Fuseki).")
@click.option("--update-endpoint", default=None, metavar="URL",
              help="Its SPARQL Update URL (default: guessed from --endpoint, e.g. .../update).")
@click.option("--graph-store", default=None, metavar="URL",
              help="Its Graph Store Protocol URL (default: guessed, e.g. .../store or .../data).")
@click.option("--method", type=click.Choice(["auto", "gsp", "update"]), default="auto", show_default=True,
              help="gsp: Graph Store Protocol; update: SPARQL Update INSERT DATA; auto: GSP, else Update.")
@click.option("--graph", "graphs", multiple=True, metavar="IRI",
              help="Push only this named graph (repeatable); default: all of them.")
@click.option("--store", "store_kind", type=click.Choice(["disk", "memory"]), default="disk", show_default=True,
              help="disk: read the store kg build wrote; memory: read build/kg.trig.")
@click.option("--timeout", type=click.FloatRange(min=1), default=300.0, show_default=True, metavar="SECONDS",
              help="Give up on a request after this long.")
@click.option("--quiet", "-q", is_flag=True, help="Print only problems.")
def command(workspace: Optional[Path], endpoint: str, update_endpoint: Optional[str], graph_store: Optional[str],
            method: str, graphs: tuple[str, ...], store_kind: str, timeout: float, quiet: bool) -> None:
    """Load the built graph into a remote SPARQL 1.1 store, one named graph at a time.

    Each named graph replaces the remote graph of the same name (Graph Store Protocol PUT, or
    SPARQL Update DROP + INSERT DATA), so pushing again after a build updates it in place.
    Afterwards, `kg query --endpoint URL` runs the canned queries there (the store must use the
    union of its named graphs as default graph: Oxigraph --union-default-graph, as `kg serve`
    does; Fuseki unionDefaultGraph).

    \b
    Examples:
      kg serve --memory --writable --port 7879 &
      kg push --endpoint http://127.0.0.1:7879/query
      kg query allies-of-country --endpoint http://127.0.0.1:7879/query
    """
    from kg.build import open_built_store
    from kg.remote import RemoteStore, store_graphs

    ws = get_workspace(workspace)
    store = open_built_store(ws, store_kind)
    known = store.named_graphs()
    missing = [g for g in graphs if g not in known]
    if missing:
        raise click.BadParameter(f"no named graph {', '.join(missing)} in the built store; it has: "
                                 + ", ".join(known[:20]) + (" ..." if len(known) > 20 else ""),
                                 param_hint="--graph")
    remote = RemoteStore(endpoint, update_url=update_endpoint, graph_store_url=graph_store, timeout=timeout)
    progress = None if quiet else (lambda message: click.echo(f"... {message}", err=True))
    report = remote.push(store_graphs(store, list(graphs) or known), method=method, progress=progress)
    if not quiet:
        click.echo(f"Pushed {report.triples} triples in {len(report.graphs)} named graphs to {remote.url} "
                   f"({'Graph Store Protocol' if report.method == 'gsp' else 'SPARQL Update'}).")
