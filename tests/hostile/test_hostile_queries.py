"""Broken, crafted and heavy queries through `kg query` on the built seed workspace."""
from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

KG = str(Path(sys.executable).parent / "kg")


def test_hostile_query_syntax_error(kg_cli, hostile_ws):
    code, out, err = kg_cli("query", "SELECT ?x WHERE {\n  ?x ?y ?z .\n  FILTR(?x) }", "-w", str(hostile_ws))
    assert code == 2 and "Traceback" not in out + err
    assert err.startswith("Error: SPARQL syntax error") and "3:" in err, err  # line 3, its column


def test_hostile_query_unknown_canned_name(kg_cli, hostile_ws):
    code, out, err = kg_cli("query", "meetings-of-persn", "-w", str(hostile_ws))
    assert code == 2 and "Traceback" not in out + err
    assert "no canned query named 'meetings-of-persn'" in err
    assert "available: " in err and "meetings-of-person" in err and "timeline" in err


def test_hostile_query_missing_param(kg_cli, hostile_ws):
    code, out, err = kg_cli("query", "evidence", "-w", str(hostile_ws))
    assert code == 2 and "Traceback" not in out + err
    assert "query 'evidence' needs --param fact=VALUE" in err, err


def test_hostile_query_extra_param(kg_cli, hostile_ws):
    code, out, err = kg_cli("query", "allies-of-country", "-w", str(hostile_ws), "-p", "country=Turkey",
                            "-p", "contry=Azerbaijan")
    assert code == 2 and "Traceback" not in out + err
    assert "has no parameter contry" in err and "its parameters: country" in err, err


def test_hostile_query_param_escaping_its_quotes(kg_cli, hostile_ws, hostile_baseline):
    crafted = 'Turkey" } ; DROP ALL ; #'
    (hostile_ws / "queries" / "echo.rq").write_text(
        "# title: Echo\n# param: value (literal) = \"x\" -- any text\n"
        "SELECT ?value ?kind (STRLEN(?value) AS ?length) WHERE { BIND(DATATYPE(?value) AS ?kind) }\n",
        encoding="utf-8")
    code, out, err = kg_cli("query", "echo", "-w", str(hostile_ws), "-p", f"value={crafted}", "-f", "json")
    assert code == 0, err
    import json
    [row] = json.loads(out)
    assert row == {"value": crafted, "kind": "xsd:string", "length": len(crafted)}  # one plain literal
    code, out, err = kg_cli("query", "allies-of-country", "-w", str(hostile_ws), "-p", f"country={crafted}")
    assert code == 2 and f"--param country: no country named {crafted!r}" in err, out + err  # looked up as a name
    from kg.build import open_built_store
    from kg.workspace import Workspace
    assert open_built_store(Workspace(hostile_ws)).count() == hostile_baseline["count"]  # nothing dropped


def test_hostile_query_runs_too_long(kg_cli, hostile_ws):
    started = time.monotonic()
    code, out, err = kg_cli("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
                            "-w", str(hostile_ws), "--timeout", "1")
    assert time.monotonic() - started < 10
    assert code == 2 and "Traceback" not in out + err
    assert "ran longer than the time limit of 1 s and was stopped" in err and "--timeout" in err, err


def test_hostile_query_million_rows_stream(hostile_ws):
    values = " ".join(str(i) for i in range(1, 1001))
    query = f"SELECT ?a ?b WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} }}"
    # the child's own peak (VmHWM, in kB): getrusage's ru_maxrss would also count this test process,
    # whose memory the child shares between fork and exec (it read 367 MB after a long run of tests)
    probe = ("import sys; sys.argv = ['kg'] + sys.argv[1:]\n"
             "try:\n    from kg.cli import main; main()\n"
             "finally:\n    status = open('/proc/self/status').read()\n"
             "    sys.stderr.write('MAXRSS ' + status.split('VmHWM:')[1].split()[0] + '\\n')\n")
    process = subprocess.Popen([sys.executable, "-c", probe, "query", query, "-w", str(hostile_ws), "-f", "csv"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = [process.stdout.readline() for _ in range(1001)]
        assert process.poll() is None, "the first rows came only when the query had finished: not streamed"
        assert first[0] == "a,b\n" and all(re.fullmatch(r"\d+,\d+\n", line) for line in first[1:])
        rest = sum(1 for _ in process.stdout)
        err = process.stderr.read()
        assert process.wait(60) == 0, err
    finally:
        process.kill()
    assert len(first) - 1 + rest == 1_000_000
    peak_mb = int(err.split("MAXRSS ")[1]) / 1024
    # kg query streaming the rows peaks at ~50 MB; a million rows held as tuples of two terms ~250 MB
    print(f"peak RSS {peak_mb:.0f} MB")
    assert peak_mb < 150, f"peak RSS {peak_mb:.0f} MB: the rows were held in memory"
