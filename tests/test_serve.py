"""`kg serve`: the built store over the SPARQL 1.1 Protocol, by a real Oxigraph server process.

Each server runs on a free loopback port and is stopped at the end of the module.
"""
from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import copy_workspace
from kg.errors import QueryError, StoreError
from kg.remote import RemoteStore

pytestmark = pytest.mark.server
KG = str(Path(sys.executable).parent / "kg")
ALLIES = ("PREFIX ddkg: <https://w3id.org/ddkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
          "SELECT ?ally WHERE { <https://w3id.org/ddkg/resource/country/TUR> ddkg:alliedWith ?a . "
          "?a rdfs:label ?ally }")


@pytest.fixture(scope="module")
def seed_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kg.build import BuildOptions, build
    from kg.workspace import Workspace

    root = copy_workspace(tmp_path_factory.mktemp("serve") / "ws")
    build(Workspace(root), BuildOptions(html=False))
    return root


def start_kg_serve(workspace: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    """`kg serve` in a subprocess on a free port; returns the process and the query URL once it answers."""
    from kg.serve import free_port

    port = free_port()
    process = subprocess.Popen([KG, "serve", "-w", str(workspace), "--port", str(port), *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    url = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()
        try:
            with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=1):
                return process, url
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    stop(process)
    raise AssertionError("kg serve did not answer within 30 s")


def stop(process: subprocess.Popen) -> str:
    """SIGTERM (a shell may have kg serve ignore SIGINT); the Oxigraph server, its child, goes with it.
    Returns what kg serve wrote to stderr."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)
    said = process.stderr.read().decode("utf-8", errors="replace")
    for stream in (process.stdout, process.stderr):
        stream.close()
    return said


@pytest.fixture(scope="module")
def served(seed_workspace: Path):
    process, url = start_kg_serve(seed_workspace, "--timeout", "2")
    yield url
    stop(process)
    assert process.returncode is not None


def http(url: str, query: str, accept: str, method: str = "GET") -> tuple[int, str, bytes]:
    if method == "GET":
        request = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}),
                                         headers={"Accept": accept})
    else:
        request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(),
                                         headers={"Accept": accept}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers["Content-Type"], response.read()


def test_serve_binds_loopback_read_only_with_a_time_limit_by_default(tmp_path):
    from kg.serve import ServeOptions, server_command

    command = server_command(ServeOptions(tmp_path), binary="oxigraph")
    assert command[1] == "serve-read-only"
    assert command[command.index("--bind") + 1].startswith("127.0.0.1:")
    assert "--timeout-s" in command and "--union-default-graph" in command


def test_serve_every_canned_query_gives_the_embedded_rows(seed_workspace, served):
    from kg.build import open_built_store
    from kg.workspace import Workspace
    from test_remote import canned_texts

    embedded = open_built_store(Workspace(seed_workspace))
    remote = RemoteStore(served)
    for name, text in canned_texts(seed_workspace, remote).items():
        here, there = embedded.query(text), remote.query(text)
        assert there.variables == here.variables, name
        assert list(there.rows) == list(here.rows), name  # the same store files: even the order matches


@pytest.mark.parametrize("accept, check", [
    ("application/sparql-results+json",
     lambda body: json.loads(body)["results"]["bindings"][0]["ally"]["value"] == "Azerbaijan"),
    ("application/sparql-results+xml", lambda body: b">Azerbaijan</literal>" in body),
    ("text/csv", lambda body: list(csv.reader(io.StringIO(body.decode()))) == [["ally"], ["Azerbaijan"]]),
    ("text/tab-separated-values", lambda body: body.decode().splitlines()[0] == "?ally" and body.decode().splitlines()[1].startswith('"Azerbaijan"')),
])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_serve_answers_in_the_standard_result_formats(served, accept, check, method):
    status, content_type, body = http(served, ALLIES, accept, method)
    assert status == 200
    assert content_type.startswith(accept)
    assert check(body), body[:300]


def test_serve_construct_in_turtle(served):
    query = ("PREFIX ddkg: <https://w3id.org/ddkg/ontology#> CONSTRUCT { ?a ddkg:alliedWith ?b } "
             "WHERE { ?a ddkg:alliedWith ?b }")
    status, content_type, body = http(served, query, "text/turtle")
    assert content_type.startswith("text/turtle")
    triples = [q.triple for q in ox.parse(body, format=ox.RdfFormat.TURTLE)]
    aze, tur = (ox.NamedNode(f"https://w3id.org/ddkg/resource/country/{c}") for c in ("AZE", "TUR"))
    allied = ox.NamedNode("https://w3id.org/ddkg/ontology#alliedWith")
    assert ox.Triple(aze, allied, tur) in triples and ox.Triple(tur, allied, aze) in triples


def test_serve_answers_sparqlwrapper(served):
    from SPARQLWrapper import CSV, JSON, SPARQLWrapper, TURTLE, XML

    client = SPARQLWrapper(served)
    client.setQuery(ALLIES)
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]
    assert [b["ally"]["value"] for b in bindings] == ["Azerbaijan"]
    client.setReturnFormat(XML)
    assert client.query().convert().getElementsByTagName("literal")[0].firstChild.data == "Azerbaijan"
    client.setReturnFormat(CSV)
    assert client.query().convert().decode().split() == ["ally", "Azerbaijan"]
    client.setQuery("CONSTRUCT WHERE { <https://w3id.org/ddkg/resource/country/AZE> ?p ?o }")
    client.setReturnFormat(TURTLE)
    assert b"https://w3id.org/ddkg/resource/country/AZE" in client.query().convert()


def test_serve_refuses_updates_without_writable(served):
    remote = RemoteStore(served)
    with pytest.raises(StoreError, match=r"/update failed: HTTP 403 .*read-only"):
        remote.update("INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/p> <http://e/b> } }")
    with pytest.raises(StoreError, match=r"HTTP 403"):
        remote.update("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(StoreError, match=r"HTTP 403"):
        remote.push([("http://e/g", [ox.Triple(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"),
                                               ox.Literal("x"))])], method="gsp")
    assert remote.count() > 1000  # nothing was deleted


def test_serve_stops_a_query_past_its_time_limit_and_keeps_answering(served):
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
    started = time.monotonic()
    with pytest.raises(QueryError, match="stopped the query at its time limit"):
        RemoteStore(served).query(endless)
    assert time.monotonic() - started < 15
    assert [row[0].value for row in RemoteStore(served).query(ALLIES).rows] == ["Azerbaijan"]


def test_serve_writable_accepts_updates(tmp_path):
    workspace = copy_workspace(tmp_path / "ws")
    from kg.build import BuildOptions, build
    from kg.workspace import Workspace

    build(Workspace(workspace), BuildOptions(html=False, validate=False))
    location = tmp_path / "scratch-store"
    process, url = start_kg_serve(workspace, "--writable", "--location", str(location))
    try:
        remote = RemoteStore(url)
        remote.update("INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/p> <http://e/b> } }")
        assert remote.count("http://e/g") == 1
    finally:
        stop(process)
    with pytest.raises(StoreError, match="cannot reach"):  # the Oxigraph server went with kg serve
        RemoteStore(url, timeout=2).query("ASK {}")


def test_serve_cli_memory_needs_writable(seed_workspace):
    done = subprocess.run([KG, "serve", "-w", str(seed_workspace), "--memory"], capture_output=True, text=True,
                          timeout=30)
    assert done.returncode == 2
    assert "--writable" in done.stderr


def test_serve_without_a_build_says_so(tmp_path):
    workspace = copy_workspace(tmp_path / "ws")
    done = subprocess.run([KG, "serve", "-w", str(workspace)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 2
    assert "run `kg build` first" in done.stderr


MARKER_ASK = "ASK { <https://w3id.org/ddkg/resource/country/ZZZ> ?p ?o }"


def _built_copy(tmp_path: Path) -> Path:
    from kg.build import BuildOptions, build
    from kg.workspace import Workspace

    root = copy_workspace(tmp_path / "ws")
    build(Workspace(root), BuildOptions(html=False, validate=False))
    return root


def _rebuild_with_marker(root: Path) -> None:
    from kg.build import BuildOptions, build
    from kg.workspace import Workspace

    (root / "seeds" / "curated" / "zz-marker.ttl").write_text(
        "<https://w3id.org/ddkg/resource/country/ZZZ> a <https://w3id.org/ddkg/ontology#Country> .\n",
        encoding="utf-8")
    build(Workspace(root), BuildOptions(html=False, validate=False))


def _versions(root: Path) -> set[str]:
    return {p.name for p in (root / "build" / ".versions").iterdir()}


def _marker_served(url: str, seconds: float, expected: bool = True) -> bool:
    """Whether the server answers the marker's ASK with ``expected`` within ``seconds`` (a restart
    may leave it without answers for a moment)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if RemoteStore(url, timeout=5).query(MARKER_ASK).boolean is expected:
                return True
        except (QueryError, StoreError):
            pass
        time.sleep(0.2)
    return False


def test_serve_follows_a_new_build_and_lets_the_old_version_go(tmp_path):
    root = _built_copy(tmp_path)
    first = _versions(root)
    process, url = start_kg_serve(root)
    try:
        assert RemoteStore(url).query(MARKER_ASK).boolean is False
        _rebuild_with_marker(root)
        assert first < _versions(root), "the build removed the version the server was reading"
        assert _marker_served(url, 20), "kg serve still serves the graph of the previous build"
        assert RemoteStore(url).query(ALLIES).rows  # the whole new graph, not only the marker
        from kg.build import BuildOptions, build
        from kg.workspace import Workspace

        (root / "seeds" / "curated" / "zz-marker.ttl").unlink()
        build(Workspace(root), BuildOptions(html=False, validate=False))
        assert not first & _versions(root), "the version no one serves any more was kept"
        assert _marker_served(url, 20, expected=False)
    finally:
        said = stop(process)
    # the second switch's line may not be out yet: the test stops kg serve as soon as the new
    # server answers, which is just before kg serve prints it
    assert "A new build: now serving" in said, said


def test_serve_no_follow_keeps_its_graph_and_its_version(tmp_path):
    root = _built_copy(tmp_path)
    first = _versions(root)
    process, url = start_kg_serve(root, "--no-follow")
    try:
        _rebuild_with_marker(root)
        time.sleep(2.5)  # more than the follow poll
        assert RemoteStore(url).query(MARKER_ASK).boolean is False
        assert first < _versions(root)
        assert RemoteStore(url).query(ALLIES).rows  # its files are all still there
    finally:
        stop(process)
