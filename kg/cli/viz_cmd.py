from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

import click

from kg.cli.options import get_workspace, store_options, workspace_option


def _split_list(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """Comma-separated or repeated values: ``--types Person,Country --types Meeting``."""
    return tuple(part.strip() for item in value for part in item.split(",") if part.strip())


def view_options_decorator(func: Callable) -> Callable:
    """The options that narrow the network view (``kg viz``, ``kg export --format graphml``, ``kg stats``)."""
    options = [
        click.option("--focus", metavar="ENTITY", default=None,
                     help="Show only the ego network of this person, country or agreement (name, alias or IRI)."),
        click.option("--depth", type=click.IntRange(0, 10), default=2, show_default=True,
                     help="With --focus: how many links away from the entity to go."),
        click.option("--country", metavar="COUNTRY", default=None,
                     help="Only facts involving this country (name, ISO code or IRI)."),
        click.option("--from", "date_from", metavar="DATE", default=None,
                     help="Only facts on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY); undated facts stay."),
        click.option("--to", "date_to", metavar="DATE", default=None,
                     help="Only facts on or before DATE; undated facts stay."),
        click.option("--types", multiple=True, callback=_split_list, metavar="CLASSES",
                     help="Only these entity or event classes, comma-separated (Person,Country,Meeting,...)."),
        click.option("--relations", multiple=True, callback=_split_list, metavar="RELATIONS",
                     help="Only these relations, comma-separated (alliedWith,received,signed,...)."),
        click.option("--events", type=click.Choice(["nodes", "edges"]), default="nodes", show_default=True,
                     help="nodes: events as nodes joined to their participants; edges: each event "
                          "collapsed into labelled edges (received, metWith, signed...)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.command("viz")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=Path("graph.html"),
              show_default=True, help="The HTML file to write (in the current folder by default).")
@view_options_decorator
@workspace_option
@store_options
def command(output: Path, workspace: Optional[Path], store_kind: str, endpoint: Optional[str], **view) -> None:
    """Write the interactive network of the built graph as one self-contained HTML file.

    The page needs no network (vis-network is inlined): open it offline or send it by e-mail.
    It has a legend, a search box, class, relation and date filters, and tooltips with the
    evidence sentence and source article of each fact. `kg build` writes the whole graph to
    build/graph.html; use this command for narrower views.

    \b
    Examples:
      kg viz -o hasanov.html --focus "Zakir Hasanov" --depth 2
      kg viz -o aze-2021.html --country Azerbaijan --from 2021-01-01 --to 2021-12-31 --events edges
      kg viz --types Person,Country --relations alliedWith,received,metWith
    """
    from kg.build import open_built_store
    from kg.viz import write_network_html

    if endpoint:
        raise click.UsageError("viz reads the built store; --endpoint is for `kg query` and `kg push`")
    options = view_options_from(view)
    store = open_built_store(get_workspace(workspace), store_kind)
    proj = write_network_html(store, output, options)
    click.echo(f"wrote {output} ({len(proj.nodes)} nodes, {len(proj.edges)} edges)", err=True)


def view_options_from(view: dict):
    from kg.projection import ViewOptions

    return ViewOptions(focus=view["focus"], depth=view["depth"], country=view["country"],
                       date_from=view["date_from"], date_to=view["date_to"],
                       types=tuple(view["types"]), relations=tuple(view["relations"]), events=view["events"])
