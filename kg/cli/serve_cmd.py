from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from kg.cli.options import get_workspace, workspace_option


@click.command("serve")
@workspace_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Only loopback by default; 0.0.0.0 opens it to the network.")
@click.option("--port", "-p", type=click.IntRange(1, 65535), default=7878, show_default=True, help="TCP port.")
@click.option("--writable", is_flag=True,
              help="Accept SPARQL Update and Graph Store writes (refused with HTTP 403 otherwise).")
@click.option("--timeout", type=click.FloatRange(min=1), default=30.0, show_default=True, metavar="SECONDS",
              help="Stop any query that runs longer than this (Oxigraph's --timeout-s, whole seconds).")
@click.option("--location", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Serve this Oxigraph store folder instead of the one kg build wrote (with --writable, "
                   "created if missing).")
@click.option("--memory", is_flag=True, help="Serve an empty in-memory store (needs --writable): a scratch "
                                             "target for kg push.")
@click.option("--cors", is_flag=True, help="Allow cross-origin requests from web pages.")
@click.option("--follow/--no-follow", default=True, show_default=True,
              help="Serving the built store read-only: restart on the graph of each new kg build.")
def command(workspace: Optional[Path], host: str, port: int, writable: bool, timeout: float,
            location: Optional[Path], memory: bool, cors: bool, follow: bool) -> None:
    """Serve the built graph over the SPARQL 1.1 Protocol, with the Oxigraph server.

    Endpoints: /query (SPARQL query: results as JSON, XML, CSV or TSV; CONSTRUCT as Turtle,
    N-Triples, RDF/XML...), /update and /store (Graph Store Protocol; writes only with
    --writable). The default graph is the union of the named graphs, as in `kg query`. Stop it
    with Ctrl-C. When `kg build` publishes a new graph, the server restarts on it (about a second
    without answers); the graph it served stays on disk while it does.

    \b
    Examples:
      kg serve
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' \\
           http://127.0.0.1:7878/query
      kg serve --memory --writable --port 7879   # an empty store to push into
    """
    from kg.published import lease_current_store
    from kg.serve import OxigraphServer, ServeOptions, newer_build

    if memory and location:
        raise click.UsageError("give --memory or --location, not both")
    if memory and not writable:
        raise click.UsageError("--memory serves an empty store: add --writable so it can be filled (kg push)")
    lease = None
    build_dir = None
    if memory:
        where = None
        what = "an empty in-memory store"
    elif location is not None:
        where = location
        if writable:
            where.mkdir(parents=True, exist_ok=True)
        what = str(where)
    else:
        build_dir = get_workspace(workspace).build_dir
        where, lease = lease_current_store(build_dir)
        what = f"the built store ({where})"
        if writable:
            click.echo("warning: --writable on the built store: updates change build/store until the next "
                       "kg build replaces it, and kg query must not read it while this server writes", err=True)
    server = OxigraphServer(ServeOptions(where, host=host, port=port, writable=writable, timeout=timeout,
                                         cors=cors), lease=lease)
    mode = "read-write" if writable else "read-only"

    def announce(running: OxigraphServer) -> None:
        click.echo(f"Serving {what} ({mode}, queries stopped after {timeout:g} s)\n"
                   f"  SPARQL query:  {running.query_url}\n"
                   f"  SPARQL update: {running.update_url}{'' if writable else ' (refused: read-only)'}\n"
                   f"  Graph store:   {running.store_url}\n"
                   "Press Ctrl-C to stop.", err=True)

    def switched(running: OxigraphServer) -> None:
        click.echo(f"A new build: now serving {running.options.location}", err=True)

    following = build_dir is not None and follow and not writable  # a writable store's updates would be dropped
    code = server.serve_until_stopped(
        announce, follow=(lambda served: newer_build(build_dir, served)) if following else None, on_switch=switched)
    if code not in (0, -2, -15, 130):
        raise click.ClickException(f"the Oxigraph server stopped with exit code {code}")
