from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from kg.cli.options import get_workspace, parse_params, store_options, workspace_option


@click.command("query")
@click.argument("query", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the query, bound as an RDF term (repeatable). <...> makes an IRI.")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "markdown"]),
              default="table", show_default=True, help="How to print the rows.")
@click.option("--list", "list_queries", is_flag=True, help="List the canned queries with their parameters.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None, metavar="SECONDS",
              help="Stop the query after this many seconds.")
@workspace_option
@store_options
def command(query: Optional[str], params: tuple[str, ...], fmt: str, list_queries: bool,
            timeout: Optional[float], workspace: Optional[Path], store_kind: str, endpoint: Optional[str]) -> None:
    """Run QUERY on the built graph: a canned query name, a .rq file, or SPARQL text.

    Parameters are bound as RDF terms (never pasted into the query text), so any value is safe.

    \b
    Examples:
      kg query --list
      kg query meetings-of-person --param person="Zakir Hasanov"
      kg query timeline -p a=Azerbaijan -p b=Turkey --format markdown
      kg query 'SELECT ?s WHERE { ?s a <https://w3id.org/ddkg/ontology#Meeting> }' -f csv
    """
    from kg.queries import bind, load_catalogue, resolve_query
    from kg.query_run import open_target, run_query
    from kg.results import text_table, write_result

    ws = get_workspace(workspace)
    catalogue = load_catalogue(ws.queries_dir)
    if list_queries:
        rows = [[q.name, q.title, ", ".join(f"{p.name}={p.default!r}" if p.default is not None else p.name
                                           for p in q.parameters)] for q in catalogue.values()]
        click.echo(text_table(["name", "title", "parameters"], rows), nl=False)
        return
    if not query:
        raise click.UsageError("give a query (a canned name, a .rq file or SPARQL text), or --list")
    canned = resolve_query(query, catalogue)
    params_given = parse_params(params)
    target = open_target(ws, store_kind, endpoint)
    text = bind(canned, params_given, target)
    result = run_query(ws, text, store_kind=store_kind, endpoint=endpoint, timeout=timeout, target=target)
    write_result(result, sys.stdout, fmt)
