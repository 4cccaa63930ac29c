from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from kg.cli.options import (get_workspace, store_options, view_options_decorator, view_options_from,
                            workspace_option)


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
