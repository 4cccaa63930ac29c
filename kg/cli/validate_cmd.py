from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from kg.cli.options import get_workspace, store_options, workspace_option


@click.command("validate")
@workspace_option
@store_options
def command(workspace: Optional[Path], store_kind: str, endpoint: Optional[str]) -> None:
    """Check the built graph: terms the ontology does not declare, then the SHACL shapes.

    Each violation names the node, the property path and the rule. Exit codes: 0 conforms,
    1 violations, 2 could not run.

    \b
    Example:
      kg validate
    """
    from kg.build import open_built_store
    from kg.validate import validate

    ws = get_workspace(workspace)
    violations = validate(open_built_store(ws, store_kind), ws.shapes_file)
    for violation in violations:
        click.echo(f"violation: {violation}")
    click.echo(f"{len(violations)} violation(s)" if violations else "conforms: 0 violations")
    sys.exit(1 if violations else 0)
