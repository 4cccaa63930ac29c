from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import click

from kg.cli.options import get_workspace, store_options, workspace_option
from kg.cli.viz_cmd import view_options_decorator


@click.command("stats")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table for reading, json for scripts.")
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True,
              help="How many actors to rank.")
@view_options_decorator
@workspace_option
@store_options
def command(fmt: str, top: int, workspace: Optional[Path], store_kind: str, endpoint: Optional[str],
            **view) -> None:
    """Count nodes per class and edges per relation, and rank the most central actors.

    Centrality (degree and betweenness, with networkx) is over the actors — people,
    countries, organizations — linked directly or through a shared event or agreement. The
    counts are of the network view that the options narrow, as `kg viz` would draw it.
    Answers competency question 10 ("which actors are most central?").

    \b
    Examples:
      kg stats --top 5
      kg stats --format json --from 2021 --country Azerbaijan
    """
    from kg.build import open_built_store
    from kg.cli.viz_cmd import view_options_from
    from kg.stats import compute_stats, format_table

    if endpoint:
        raise click.UsageError("stats reads the built store; --endpoint is for `kg query` and `kg push`")
    options = view_options_from(view)
    store = open_built_store(get_workspace(workspace), store_kind)
    stats = compute_stats(store, options, top=top)
    if fmt == "json":
        click.echo(json.dumps(stats.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_table(stats))
