from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from kg.cli.options import get_workspace, workspace_option


@click.command("build")
@workspace_option
@click.option("--store", "store_kind", type=click.Choice(["disk", "memory"]), default="disk", show_default=True,
              help="disk: write an on-disk Oxigraph store under build/ that later commands open; "
                   "memory: build in memory and write only the files.")
@click.option("--workers", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes for extraction.")
@click.option("--no-validate", is_flag=True, help="Skip the SHACL validation (faster on large graphs).")
@click.option("--no-extract", is_flag=True, help="Load only the ontology and curated facts; do not read articles.")
@click.option("--lock-timeout", type=float, default=30.0, show_default=True,
              help="Seconds to wait for another build of the same workspace to finish.")
@click.option("--allow-violations", is_flag=True,
              help="Publish the graph even if it breaks its SHACL shapes (by default the last good build stays).")
@click.option("--quiet", "-q", is_flag=True, help="Print only problems.")
def command(workspace: Optional[Path], store_kind: str, workers: int, no_validate: bool, no_extract: bool,
            lock_timeout: float, allow_violations: bool, quiet: bool) -> None:
    """Build the graph: ontology, curated Turtle and the facts of every article in seeds/articles/.

    Writes build/kg.ttl (the union, deterministic Turtle), build/kg.trig (one named graph per
    source), build/graph.html (the network), build/summary.json and the store under build/store.
    Nothing in build/ changes unless the whole build succeeds.

    Exit codes: 0 ok; 1 SHACL violations (the report is build/validation.txt, the rejected graph
    build/rejected/; the last good graph stays unless --allow-violations); 2 bad input (the
    message names the file and line; build/ untouched).

    \b
    Example:
      kg build --workers 2
    """
    from kg.build import BuildOptions, build

    ws = get_workspace(workspace)
    progress = None if quiet else (lambda message: click.echo(f"... {message}", err=True))
    summary = build(ws, BuildOptions(store_kind=store_kind, workers=workers, validate=not no_validate,
                                     extract=not no_extract, lock_timeout=lock_timeout, progress=progress,
                                     allow_violations=allow_violations))
    if not quiet:
        click.echo(format_summary(summary))
    for violation in summary.violations:
        click.echo(f"violation: {violation}", err=True)
    if summary.violations:
        kept = "" if allow_violations else (
            f"; the graph was not published (the last good build in {ws.build_dir} is unchanged; "
            f"the rejected one is in {ws.build_dir / 'rejected'}; --allow-violations publishes it)")
        click.echo(f"{len(summary.violations)} SHACL violation(s); the report is in "
                   f"{ws.build_dir / 'validation.txt'}{kept}", err=True)
        sys.exit(1)


def format_summary(summary) -> str:
    from kg.results import compact, text_table

    lines = [f"Built {summary.triples} triples from {summary.articles} article(s) in {summary.seconds:.2f} s."]
    graphs = sorted(summary.graphs.items())
    rows = [[compact(g), str(n)] for g, n in graphs[:15]]
    if len(graphs) > 15:
        rest = sum(n for _, n in graphs[15:])
        rows.append([f"... {len(graphs) - 15} more graphs", str(rest)])
    lines.append(text_table(["graph", "triples"], rows).rstrip())
    lines.append(text_table(["class", "entities"], [[k, str(v)] for k, v in summary.entities.items()]).rstrip())
    lines.append(text_table(["event type", "events"], [[k, str(v)] for k, v in summary.events.items()]).rstrip())
    lines.append(text_table(["short edge", "triples"], [[k, str(v)] for k, v in summary.relations.items()]).rstrip())
    for duplicate, original in summary.duplicates:
        lines.append(f"skipped {duplicate}: same text as {original}")
    if summary.set_aside:
        lines.append(f"set aside {len(summary.set_aside)} extracted fact(s) the model cannot state "
                     "(listed in build/summary.json), e.g. " + summary.set_aside[0])
    lines.append(f"violations: {len(summary.violations)}")
    lines.append("outputs: " + ", ".join(summary.outputs))
    return "\n".join(lines)
