"""Option bundles shared by several commands."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

import click

from kg.workspace import Workspace, find_workspace


def workspace_option(func: Callable) -> Callable:
    return click.option(
        "--workspace", "-w", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="The workspace folder (default: the current folder or the nearest one above it).")(func)


def get_workspace(path: Optional[Path]) -> Workspace:
    return find_workspace(path)


def store_options(func: Callable) -> Callable:
    func = click.option(
        "--endpoint", default=None, metavar="URL",
        help="Query a remote SPARQL 1.1 endpoint instead of the built store.")(func)
    func = click.option(
        "--store", "store_kind", type=click.Choice(["disk", "memory"]), default="disk", show_default=True,
        help="disk: open the store kg build wrote; memory: load build/kg.trig into memory.")(func)
    return func


def parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in values:
        if "=" not in item:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        name, value = item.split("=", 1)
        params[name.strip()] = value
    return params


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


def view_options_from(view: dict):
    from kg.projection import ViewOptions

    return ViewOptions(focus=view["focus"], depth=view["depth"], country=view["country"],
                       date_from=view["date_from"], date_to=view["date_to"],
                       types=tuple(view["types"]), relations=tuple(view["relations"]), events=view["events"])
