from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import click

from kg.cli.options import get_workspace, workspace_option


@click.command("evaluate")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--details", is_flag=True, help="List the missed and spurious facts of each article.")
@workspace_option
def command(gold_dir: Path, fmt: str, details: bool, workspace: Optional[Path]) -> None:
    """Score extraction against GOLD_DIR (NAME.txt articles beside NAME.json gold files).

    Prints precision, recall and F1 for entities, roles, events and relations, overall and per
    article. The gold format and the matching rules are in docs/annotation.md.

    \b
    Example:
      kg evaluate tests/gold --details
    """
    from kg.evaluate import evaluate
    from kg.lexicon_graph import load_workspace_lexicon

    ws = get_workspace(workspace)
    result = evaluate(gold_dir, load_workspace_lexicon(ws.root))
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(result.as_table(details=details) if details else result.as_table())
