from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from kg.cli.options import get_workspace, store_options, view_options_decorator, view_options_from, workspace_option
from kg.export import EXPORT_FORMATS, GRAPH_SELECTIONS, NETWORK_FORMATS


@click.command("export")
@click.option("--format", "-f", "fmt", type=click.Choice(EXPORT_FORMATS), default="turtle", show_default=True,
              help="RDF formats, or graphml/gexf for the network projection (Gephi, Cytoscape).")
@click.option("--graph", "-g", "selection", default="all", show_default=True, metavar="WHICH",
              help=f"Which graphs: {', '.join(GRAPH_SELECTIONS)}, or a named graph's IRI.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The file to write (default: standard output).")
@view_options_decorator
@workspace_option
@store_options
def command(fmt: str, selection: str, output: Optional[Path], workspace: Optional[Path], store_kind: str,
            endpoint: Optional[str], **view) -> None:
    """Export the built graph as Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML, GraphML or GEXF.

    GraphML and GEXF hold the network projection of `kg viz`, narrowed by the same view options.

    \b
    Examples:
      kg export --format turtle -o kg.ttl
      kg export --format trig --graph extracted -o extracted.trig
      kg export --format gexf -o network.gexf --country Azerbaijan
    """
    from kg.build import open_built_store
    from kg.export import export, write_atomically

    if endpoint:
        raise click.UsageError("export reads the built store; --endpoint is for `kg query` and `kg push`")
    store = open_built_store(get_workspace(workspace), store_kind)
    if fmt in NETWORK_FORMATS:
        from kg.network_export import write_network

        options = view_options_from(view)

        def write(out):
            write_network(store, out, fmt, options)
    else:
        def write(out):
            export(store, fmt, selection, out)
    if output is None:
        write(sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        write_atomically(output, write)
        click.echo(f"wrote {output}", err=True)
