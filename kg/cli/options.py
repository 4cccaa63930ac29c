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
