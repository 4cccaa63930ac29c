"""Shared fixtures: a copy of the repository's workspace, built once per session."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
WORKSPACE_PARTS = ("ontology", "seeds", "queries")


def copy_workspace(target: Path) -> Path:
    """A fresh workspace (ontology, seeds, queries) that a test may break or build at will."""
    target.mkdir(parents=True, exist_ok=True)
    for part in WORKSPACE_PARTS:
        shutil.copytree(REPO / part, target / part)
    return target


@pytest.fixture
def workspace_copy(tmp_path: Path) -> Path:
    return copy_workspace(tmp_path / "ws")


@pytest.fixture(scope="session")
def built_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed workspace, built once (on-disk store) for the tests that only read it."""
    from kg.build import BuildOptions, build
    from kg.workspace import Workspace

    root = copy_workspace(tmp_path_factory.mktemp("built") / "ws")
    summary = build(Workspace(root), BuildOptions())
    assert summary.violations == [], [str(v) for v in summary.violations]
    return root


@pytest.fixture(scope="session")
def seed_store(built_workspace: Path):
    from kg.build import open_built_store
    from kg.workspace import Workspace

    return open_built_store(Workspace(built_workspace))


# --- extractor fixtures (tests/test_extract_*.py) ------------------------------------------

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def hand_lexicon():
    """A small lexicon written by hand, with the word lists of ontology/lexicon."""
    from kg.extract.lexicon import (ConceptEntry, CountryEntry, Lexicon, NamedEntry, PersonEntry,
                                    PostEntry)
    from kg.iris import country_iri, person_iri
    from kg.lexicon_graph import load_cues

    def country(iso3, name, adjectives, capitals, *names):
        return CountryEntry(country_iri(iso3), iso3, name, (name, *names), tuple(adjectives), tuple(capitals))

    def concept(name, *terms, cameo=None, plover=None, broader=None):
        return ConceptEntry(name, terms[0] if terms else name, tuple(terms), cameo, plover, broader)

    aze, tur = country_iri("AZE"), country_iri("TUR")
    return Lexicon(
        countries=[country("AZE", "Azerbaijan", ["Azerbaijani"], ["Baku"], "Republic of Azerbaijan"),
                   country("TUR", "Turkey", ["Turkish", "Turk"], ["Ankara"], "Türkiye", "Republic of Turkey"),
                   country("ARM", "Armenia", ["Armenian"], ["Yerevan"]),
                   country("GEO", "Georgia", ["Georgian"], ["Tbilisi"]),
                   country("USA", "United States", ["American", "U.S."], ["Washington"], "US", "USA"),
                   country("POL", "Poland", ["Polish"], ["Warsaw"])],
        people=[PersonEntry(person_iri("Zakir Hasanov"), "Zakir Hasanov", (), aze, None,
                            (PostEntry("DefenceMinister", aze, None, "2013-10-22"),)),
                PersonEntry(person_iri("Hulusi Akar"), "Hulusi Akar", (), tur, None,
                            (PostEntry("DefenceMinister", tur, None, "2018-07-10", "2023-06-03"),)),
                PersonEntry(person_iri("Ilham Aliyev"), "Ilham Aliyev", (), aze, None,
                            (PostEntry("President", aze, None, "2003-10-31"),)),
                PersonEntry(person_iri("Recep Tayyip Erdogan"), "Recep Tayyip Erdogan", ("Recep Tayyip Erdoğan",),
                            tur, None, (PostEntry("President", tur, None, "2014-08-28"),))],
        named=[NamedEntry("https://w3id.org/ddkg/resource/org/nato", "Organization", "NATO",
                          ("North Atlantic Treaty Organization",)),
               NamedEntry("https://w3id.org/ddkg/resource/place/shusha", "Place", "Shusha")],
        post_types=[concept("DefenceMinister", "defence minister", "minister of defence", "defense minister"),
                    concept("MilitaryAttache", "military attache", "military attaché"),
                    concept("DefenceAttache", "defence attache", "defense attache", broader="MilitaryAttache"),
                    concept("President", "president"),
                    concept("Ambassador", "ambassador"),
                    concept("ChiefOfGeneralStaff", "chief of the general staff")],
        ranks=[concept("MajorGeneral", "Major General", "Maj-Gen", "Maj. Gen.", "MG"),
               concept("Colonel", "Colonel", "Col."), concept("General", "General", "Gen.")],
        areas=[concept("MilitaryEducation", "military education"),
               concept("MilitaryCooperation", "military cooperation", "defence cooperation"),
               concept("MilitaryTechnical", "military-technical")],
        agreement_kinds=[concept("Declaration", "declaration"), concept("Memorandum", "memorandum"),
                         concept("Agreement", "agreement"), concept("Treaty", "treaty")],
        event_types=[concept("Meeting", "received", "met", "met with", "held talks", "was received by",
                             "hosted", cameo="043", plover="CONSULT"),
                     concept("Visit", "visited", "paid an official visit", "arrived in", cameo="042", plover="CONSULT"),
                     concept("AgreementSigning", "signed", cameo="057", plover="AGREE"),
                     concept("JointExercise", "joint drills", "exercises", "drills", cameo="062", plover="COOPERATE"),
                     concept("Statement", "said", "stressed", cameo="010"),
                     concept("Interview", "interview", "in an interview", cameo="010")],
        cues=load_cues(REPO_ROOT / "ontology" / "lexicon"),
    )


@pytest.fixture(scope="session")
def hand_extractor(hand_lexicon):
    from kg.extract.pipeline import Extractor
    return Extractor(hand_lexicon)


@pytest.fixture(scope="session")
def workspace_lexicon():
    """The repository's own lexicon (ontology/*.ttl, seeds/curated/*.ttl, ontology/lexicon/)."""
    from kg.lexicon_graph import load_workspace_lexicon
    return load_workspace_lexicon(REPO_ROOT)


@pytest.fixture(scope="session")
def workspace_extractor(workspace_lexicon):
    from kg.extract.pipeline import Extractor
    return Extractor(workspace_lexicon)


# --- network view fixtures (tests/test_projection.py, test_viz_page.py, browser/) ---------------

XSS_STRINGS = (
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>window.__pwned=2</script>",
    "javascript:window.__pwned=3",
)


@pytest.fixture(scope="session")
def curated_seed_store(tmp_path_factory: pytest.TempPathFactory):
    """The seed workspace built from the ontology and curated facts only (no extraction)."""
    from kg.build import BuildOptions, build, open_built_store
    from kg.workspace import Workspace

    root = copy_workspace(tmp_path_factory.mktemp("curated") / "ws")
    build(Workspace(root), BuildOptions(extract=False, validate=False, html=False))
    return open_built_store(Workspace(root))


@pytest.fixture
def xss_store():
    """A tiny graph whose names, aliases, sentences and article title hold script-like strings."""
    from kg.store import OxigraphStore

    img, close, js = XSS_STRINGS
    turtle = f"""
    @prefix ddkg: <https://w3id.org/ddkg/ontology#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    @prefix oa: <http://www.w3.org/ns/oa#> .
    @prefix dcterms: <http://purl.org/dc/terms/> .
    ddkg:Meeting rdfs:subClassOf ddkg:Event .
    <https://w3id.org/ddkg/resource/person/a> a ddkg:Person ; rdfs:label {_lit(img)} ; skos:altLabel {_lit(js)} .
    <https://w3id.org/ddkg/resource/person/b> a ddkg:Person ; rdfs:label {_lit(close)} .
    <https://w3id.org/ddkg/resource/country/XXX> a ddkg:Country ; rdfs:label {_lit(js)} .
    <https://w3id.org/ddkg/resource/person/a> ddkg:citizenOf <https://w3id.org/ddkg/resource/country/XXX> .
    <https://w3id.org/ddkg/resource/event/m> a ddkg:Meeting, ddkg:Event ; rdfs:label {_lit(img + " meets " + close)} ;
        ddkg:date "2021-10-08"^^<http://www.w3.org/2001/XMLSchema#date> ;
        ddkg:host <https://w3id.org/ddkg/resource/person/a> ; ddkg:guest <https://w3id.org/ddkg/resource/person/b> ; ddkg:participant <https://w3id.org/ddkg/resource/person/a>, <https://w3id.org/ddkg/resource/person/b> ;
        ddkg:evidence <https://w3id.org/ddkg/resource/evidence/e> .
    <https://w3id.org/ddkg/resource/evidence/e> a ddkg:Evidence ; ddkg:sentence {_lit("He said " + img + close + js)} ;
        oa:hasSource <https://w3id.org/ddkg/resource/article/x> ; ddkg:assertedBy "extracted" .
    <https://w3id.org/ddkg/resource/article/x> a ddkg:Article ; dcterms:title {_lit(close + " title")} .
    """
    store = OxigraphStore()
    import pyoxigraph as ox
    store.load_bytes(turtle.encode("utf-8"), ox.RdfFormat.TURTLE, "https://w3id.org/ddkg/graph/test", "xss")
    return store


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- hostile input and faults (tests/hostile/) ---------------------------------------------------

def _kg_invoke(*args: str) -> tuple[int, str, str]:
    """``kg ARGS`` through ``kg.cli.main`` (exit codes and messages as a user sees them)."""
    import click
    from click.testing import CliRunner

    from kg.cli import main

    @click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                                    "help_option_names": []})
    @click.pass_context
    def entry_point(ctx: click.Context) -> None:
        main(list(ctx.args))

    result = CliRunner().invoke(entry_point, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def kg_cli():
    """Run the CLI in-process: ``code, out, err = kg_cli("build", "-w", ws)``."""
    return _kg_invoke


@pytest.fixture(scope="session")
def hostile_baseline(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The seed workspace built once by ``kg build``, and what its build held (the last good build)."""
    from kg.build import open_built_store
    from kg.workspace import Workspace

    root = copy_workspace(tmp_path_factory.mktemp("hostile") / "ws")
    code, _, err = _kg_invoke("build", "-w", str(root), "-q")
    assert code == 0, err
    build = root / "build"
    return {"root": root, "kg.ttl": (build / "kg.ttl").read_bytes(), "kg.trig": (build / "kg.trig").read_bytes(),
            "current": os.readlink(build / "current"), "count": open_built_store(Workspace(root)).count()}


@pytest.fixture
def hostile_ws(hostile_baseline: dict, tmp_path: Path) -> Path:
    """A copy of the built seed workspace (its build/ included) for one hostile case to break."""
    target = tmp_path / "ws"
    shutil.copytree(hostile_baseline["root"], target, symlinks=True)
    return target


@pytest.fixture
def assert_build_intact(hostile_baseline: dict):
    """``assert_build_intact(ws)``: the last good build is as it was (outputs, store link, graph).

    The outputs are deterministic (sorted, no blank nodes), so equal bytes mean the very same
    graph; the store is opened and its graph compared with kg.ttl by rdflib isomorphism.
    """
    def check(root: Path, isomorphism: bool = False) -> None:
        import rdflib
        from rdflib.compare import isomorphic

        from kg.build import open_built_store
        from kg.workspace import Workspace

        build = root / "build"
        assert (build / "kg.ttl").read_bytes() == hostile_baseline["kg.ttl"], "build/kg.ttl changed"
        assert (build / "kg.trig").read_bytes() == hostile_baseline["kg.trig"], "build/kg.trig changed"
        assert os.readlink(build / "current") == hostile_baseline["current"], "build/current points elsewhere"
        store = open_built_store(Workspace(root))
        assert store.count() == hostile_baseline["count"]
        answer = store.query("ASK { <https://w3id.org/ddkg/resource/person/zakir-hasanov> "
                             "<https://w3id.org/ddkg/ontology#received> "
                             "<https://w3id.org/ddkg/resource/person/zakaria-yalcin> }")
        assert answer.boolean, "the store no longer answers"
        if isomorphism:
            import io
            dump = io.BytesIO()
            store.dump(dump, "ntriples")
            before, after = rdflib.Graph(), rdflib.Graph()
            before.parse(data=hostile_baseline["kg.ttl"], format="turtle")
            after.parse(data=dump.getvalue(), format="nt")
            assert isomorphic(before, after), "the store's graph is not the last good build's"
    return check
