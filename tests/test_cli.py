"""Every command through click's CliRunner, and the installed ``kg`` script in a subprocess."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.cli import COMMANDS, main


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                                "help_option_names": []})
@click.pass_context
def entry_point(ctx: click.Context) -> None:
    """Wraps ``kg.cli.main`` so CliRunner sees its messages and exit codes, as a user would."""
    main(list(ctx.args))


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(entry_point, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_cli_help_lists_every_command_with_one_line():
    code, out, _ = invoke("--help")
    assert code == 0
    for name in COMMANDS:
        assert name in out


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_cli_every_command_help_has_an_example(name):
    code, out, _ = invoke(name, "--help")
    assert code == 0, out
    assert "Example" in out and f"kg {name}" in out


def test_cli_version():
    code, out, _ = invoke("--version")
    assert code == 0 and out.startswith("kg, version ")


def test_cli_build_query_export_validate(workspace_copy, tmp_path):
    ws = str(workspace_copy)
    code, out, err = invoke("build", "-w", ws)
    assert code == 0, err
    assert "violations: 0" in out and "Meeting" in out
    code, out, err = invoke("query", "meetings-of-person", "-w", ws, "-p", "person=Zakir Hasanov", "-f", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert any(r["counterpart"] == "Zakaria Yalcin" and r["date"] == "2021-10-08" for r in rows)
    code, out, _ = invoke("query", "--list", "-w", ws)
    assert code == 0 and "timeline" in out and "a='Azerbaijan'" in out
    code, out, _ = invoke("query", "timeline", "-w", ws, "-f", "csv")
    assert code == 0 and out.splitlines()[0] == "date,type,summary,event"
    code, out, _ = invoke("query", "allies-of-country", "-w", ws, "-f", "markdown")
    assert code == 0 and "| Azerbaijan | Shusha Declaration on Allied Relations | 2021-06-15 |" in out
    target = tmp_path / "out.nq"
    code, _, err = invoke("export", "-w", ws, "--format", "nquads", "--graph", "curated", "-o", str(target))
    assert code == 0, err
    assert "graph/curated/azernews-2021-10-08>" in target.read_text(encoding="utf-8")
    assert "graph/derived" not in target.read_text(encoding="utf-8")
    code, out, _ = invoke("validate", "-w", ws)
    assert code == 0 and "conforms" in out


def test_cli_query_errors_are_clear(workspace_copy):
    ws = str(workspace_copy)
    invoke("build", "-w", ws, "-q", "--no-extract")
    code, _, err = invoke("query", "nope", "-w", ws)
    assert code == 2 and "available:" in err and "timeline" in err
    code, _, err = invoke("query", "evidence", "-w", ws)
    assert code == 2 and "--param fact=" in err
    code, _, err = invoke("query", "SELECT ?x WHERE { ?x ?y }", "-w", ws)
    assert code == 2 and "syntax error" in err and "1:" in err
    code, _, err = invoke("query", "timeline", "-w", ws, "-p", "x")
    assert code == 2 and "NAME=VALUE" in err
    assert "Traceback" not in err


def test_cli_bad_turtle_exit_2_names_file_and_line(workspace_copy):
    (workspace_copy / "seeds" / "curated" / "zz-bad.ttl").write_text("<a> <b> .\n", encoding="utf-8")
    code, _, err = invoke("build", "-w", str(workspace_copy), "-q")
    assert code == 2 and "zz-bad.ttl" in err and "line 1" in err


def test_cli_violations_exit_1(workspace_copy):
    (workspace_copy / "seeds" / "curated" / "zz-typo.ttl").write_text(
        "<https://w3id.org/ddkg/resource/person/a> <https://w3id.org/ddkg/ontology#recieved> "
        "<https://w3id.org/ddkg/resource/person/b> .\n", encoding="utf-8")
    code, _, err = invoke("build", "-w", str(workspace_copy), "-q", "--no-extract")
    assert code == 1 and "ddkg:recieved" in err


def test_cli_no_workspace_is_a_clear_error(tmp_path):
    code, _, err = invoke("query", "timeline", "-w", str(tmp_path))
    assert code == 2 and "not a workspace" in err


def test_cli_query_before_build_says_to_build(workspace_copy):
    code, _, err = invoke("query", "timeline", "-w", str(workspace_copy))
    assert code == 2 and "run `kg build` first" in err


def test_cli_extract_json_follows_offsets(workspace_copy):
    article = workspace_copy / "seeds" / "articles" / "azernews-2021-10-08-hasanov-receives-yalcin.txt"
    code, out, err = invoke("extract", str(article), "-w", str(workspace_copy))
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= {"article", "entities", "events", "relations"}
    from kg.articles import read_article
    body = read_article(article).body
    for event in data["events"]:
        ev = event["evidence"]
        assert body[ev["start"]:ev["end"]] == ev["text"]


def test_cli_installed_script_runs_in_a_subprocess(workspace_copy):
    script = shutil.which("kg") or str(Path(sys.executable).parent / "kg")
    done = subprocess.run([script, "query", "--list", "-w", str(workspace_copy)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "meetings-of-person" in done.stdout
    done = subprocess.run([script, "query", "nope", "-w", str(workspace_copy)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
