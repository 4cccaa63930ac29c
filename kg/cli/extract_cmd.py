from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import click

from kg.cli.options import get_workspace, workspace_option


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(["json", "turtle", "trig"]), default="json",
              show_default=True, help="json: the extraction contract; turtle/trig: the RDF the build would load.")
@click.option("--date", default=None, metavar="YYYY-MM-DD",
              help="The article's date when its file has no header (relative dates resolve against it).")
@click.option("--compact", is_flag=True, help="JSON: one article per line (JSON Lines) instead of indented.")
@click.option("--workers", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes to spread the articles over.")
@workspace_option
def command(files: tuple[Path, ...], fmt: str, date: Optional[str], compact: bool, workers: int,
            workspace: Optional[Path]) -> None:
    """Print the defence-diplomacy facts that article FILES state, each tied to its sentence.

    The workspace's curated entities and SKOS schemes are the lexicon: known people, countries,
    posts and topics are linked to the graph's IRIs.

    \b
    Examples:
      kg extract seeds/articles/azernews-2021-10-08-hasanov-receives-yalcin.txt
      kg extract --date 2023-03-14 --format turtle press-release.txt
    """
    from kg.articles import read_article
    from kg.extract.pipeline import extract_articles
    from kg.lexicon_graph import load_workspace_lexicon

    ws = get_workspace(workspace)
    articles = [read_article(path, date=date) for path in files]
    lexicon = load_workspace_lexicon(ws.root)
    extractions = extract_articles(articles, lexicon, workers)
    if fmt == "json":
        for extraction in extractions:
            click.echo(json.dumps(extraction, ensure_ascii=False, indent=None if compact else 2))
        return
    from kg import iris
    from kg.store import OxigraphStore
    from kg.to_rdf import extraction_quads

    store = OxigraphStore()
    for article, extraction in zip(articles, extractions):
        store.add_quads(extraction_quads(extraction, article, iris.graph_iri("extracted", article.id)))
    store.dump(sys.stdout.buffer, fmt)
    sys.stdout.buffer.flush()
