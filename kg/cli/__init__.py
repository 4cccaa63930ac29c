"""The ``kg`` command: parses options, calls the library, prints, and turns library errors
into messages and exit codes. Subcommands live one per module and are imported only when run.

Exit codes: 0 ok; 1 the graph breaks its SHACL shapes; 2 bad input or wrong use (a file that
does not parse, an unknown query, a missing parameter); 3 an unexpected internal error.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import Optional

import click

from kg import __version__

COMMANDS = {
    "build": ("kg.cli.build_cmd", "Build the graph from the workspace: ontology, curated facts, articles."),
    "validate": ("kg.cli.validate_cmd", "Check the built graph against the ontology and SHACL shapes."),
    "query": ("kg.cli.query_cmd", "Run a canned query, a .rq file or SPARQL text on the graph."),
    "export": ("kg.cli.export_cmd", "Write the graph as Turtle, N-Triples, N-Quads, TriG, JSON-LD, GraphML or GEXF."),
    "viz": ("kg.cli.viz_cmd", "Write the interactive HTML network of the graph."),
    "stats": ("kg.cli.stats_cmd", "Count entities, events and relations; rank the most central actors."),
    "extract": ("kg.cli.extract_cmd", "Print the facts that articles state, as JSON or Turtle."),
    "evaluate": ("kg.cli.evaluate_cmd", "Score extraction against gold files: precision, recall, F1."),
    "serve": ("kg.cli.serve_cmd", "Serve the built graph over the SPARQL 1.1 Protocol."),
    "push": ("kg.cli.push_cmd", "Load the built graph into a remote SPARQL 1.1 store."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported when invoked, so ``kg --help`` stays fast."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name, (module, _) in COMMANDS.items() if importlib.util.find_spec(module)]

    def get_command(self, ctx: click.Context, name: str) -> Optional[click.Command]:
        if name not in COMMANDS:
            return None
        module_name, short_help = COMMANDS[name]
        if importlib.util.find_spec(module_name) is None:
            return None
        command = importlib.import_module(module_name).command
        command.short_help = short_help
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="kg")
@click.option("--debug", is_flag=True, help="Show Python tracebacks (for developers).")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn defence-diplomacy news into an RDF knowledge graph, then query, browse and export it.

    Run inside a workspace (a folder with ontology/, seeds/ and queries/), or pass
    --workspace DIR to a command.

    \b
    Example:
      kg build && kg query meetings-of-person --param person="Zakir Hasanov"
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main(argv: Optional[list[str]] = None) -> None:
    """Entry point: library errors become one clear line on stderr and their exit code."""
    from kg.errors import KGError

    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        cli.main(args=args, prog_name="kg", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KGError as exc:
        if debug:
            raise
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # noqa: BLE001 - the last line of defence for users
        if debug:
            raise
        click.echo(f"Internal error: {type(exc).__name__}: {exc} (run `kg --debug ...` for the traceback)",
                   err=True)
        sys.exit(3)
