"""A large curated file loaded in pieces side by side must give exactly the graph of one whole load."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import TurtleError
from kg.file_split import read_piece, split_statements
from kg.store import OxigraphStore

TURTLE = ox.RdfFormat.TURTLE
GRAPH = "https://w3id.org/ddkg/graph/curated/test"

MIXED_TURTLE = """\
# curated facts, written by hand.
@prefix ddkg: <https://w3id.org/ddkg/ontology#> .
@prefix res: <https://w3id.org/ddkg/resource/> .
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

res:m1 a ddkg:Meeting ;   # a comment that ends with a full stop.
    ddkg:date "2024-03-01"^^xsd:date ;
    ddkg:participant res:aze, res:tur .
res:m2 a ddkg:Meeting ; ddkg:date "2024-03-02"^^xsd:date ; ddkg:note "a. b. c." .
res:m3 ddkg:evidence [ ddkg:text "Talks were held." ; ddkg:start 4 ] .
@prefix res: <https://w3id.org/ddkg/other/> .
res:m4 a ddkg:Meeting ; ddkg:amount 1.5 ; ddkg:list ( 1 2 3 ) .
BASE <https://w3id.org/ddkg/base/>
<relative> ddkg:seeAlso <other> .
res:m5 a ddkg:Meeting .
"""


def canonical(store: ox.Store) -> list[ox.Quad]:
    dataset = ox.Dataset(store)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return sorted(dataset, key=str)


def load(path: Path, threads: int, monkeypatch: pytest.MonkeyPatch, tmp: Path) -> list[ox.Quad]:
    monkeypatch.setattr("kg.file_split.MIN_PIECE_BYTES", 1)
    store = OxigraphStore(tmp)
    store.load_file(path, GRAPH, bulk=True, threads=threads)
    return canonical(store.raw)


def test_pieces_of_a_hand_written_turtle_file_give_the_whole_file_graph(tmp_path, monkeypatch):
    source = tmp_path / "curated.ttl"
    source.write_text(MIXED_TURTLE, encoding="utf-8")
    pieces = split_statements(source, TURTLE, 20, min_piece_bytes=1)
    assert pieces is not None and len(pieces) >= 6
    # the piece after the redefinition of res: and the BASE line starts with them, in file order
    last = pieces[-1]
    assert last.header.count(b"@prefix res:") == 2 and last.header.rstrip().endswith(b"BASE <https://w3id.org/ddkg/base/>")
    whole = load(source, 1, monkeypatch, tmp_path / "one")
    for parts in (2, 3, 20):
        assert load(source, parts, monkeypatch, tmp_path / f"parts-{parts}") == whole
    # the redefined prefix and the base were applied where the file puts them
    subjects = {q.subject.value for q in whole if isinstance(q.subject, ox.NamedNode)}
    assert "https://w3id.org/ddkg/other/m4" in subjects and "https://w3id.org/ddkg/base/relative" in subjects
    assert "https://w3id.org/ddkg/resource/m4" not in subjects


def test_every_piece_ends_at_a_statement_boundary(tmp_path):
    source = tmp_path / "curated.ttl"
    source.write_text(MIXED_TURTLE, encoding="utf-8")
    pieces = split_statements(source, TURTLE, 6, min_piece_bytes=1)
    counts = [len(list(ox.parse(read_piece(source, piece), format=TURTLE))) for piece in pieces]  # each parses alone
    assert sum(counts) == len(list(ox.parse(path=str(source), format=TURTLE))) and counts.count(0) <= 1


def test_ntriples_file_is_cut_at_line_ends(tmp_path, monkeypatch):
    lines = [f'<http://e/s{i}> <http://e/p> "value {i}. more" .\n' for i in range(200)]
    source = tmp_path / "facts.nt"
    source.write_text("".join(lines), encoding="utf-8")
    pieces = split_statements(source, ox.RdfFormat.N_TRIPLES, 3, min_piece_bytes=1)
    assert len(pieces) == 3 and all(source.read_bytes()[p.start - 1:p.start] == b"\n" for p in pieces[1:])
    assert load(source, 3, monkeypatch, tmp_path / "three") == load(source, 1, monkeypatch, tmp_path / "one")


@pytest.mark.parametrize("text, why", [
    ('_:b1 <http://e/p> "x" .\n<http://e/s> <http://e/q> _:b1 .\n', "a blank-node label may be on both sides of a cut"),
    ('<http://e/s> <http://e/p> """two\nlines. """ .\n<http://e/t> <http://e/p> "y" .\n', "a long string may hold a line end"),
    ("<http://e/s> <http://e/p> '''x.\n''' .\n<http://e/t> <http://e/p> \"y\" .\n", "a long string may hold a line end"),
    ('@prefix e:\n  <http://e/> .\ne:s e:p "x" .\ne:t e:p "y" .\n', "a directive over two lines"),
    ('<http://e/s> <http://e/p> "x" .\n  PREFIX e: <http://e/> e:t e:p "y" .\n', "a directive sharing its line"),
])
def test_files_the_scan_cannot_prove_safe_are_loaded_whole(tmp_path, text, why):
    source = tmp_path / "curated.ttl"
    source.write_text(text * 3, encoding="utf-8")
    assert split_statements(source, TURTLE, 2, min_piece_bytes=1) is None, why


def test_small_files_and_dataset_formats_are_not_cut(tmp_path):
    source = tmp_path / "curated.ttl"
    source.write_text(MIXED_TURTLE, encoding="utf-8")
    assert split_statements(source, TURTLE, 2) is None  # under MIN_PIECE_BYTES
    trig = tmp_path / "curated.trig"
    trig.write_text("<http://e/g> { <http://e/s> <http://e/p> <http://e/o> . }\n" * 50, encoding="utf-8")
    assert split_statements(trig, ox.RdfFormat.TRIG, 2, min_piece_bytes=1) is None


def test_a_syntax_error_in_a_later_piece_names_the_file_line(tmp_path, monkeypatch):
    lines = [f'<http://e/s{i}> <http://e/p> "v{i}" .\n' for i in range(100)]
    lines[80] = '<http://e/s80> <http://e/p> "unterminated .\n'
    source = tmp_path / "curated.ttl"
    source.write_text("".join(lines), encoding="utf-8")
    monkeypatch.setattr("kg.file_split.MIN_PIECE_BYTES", 1)
    assert len(split_statements(source, TURTLE, 4)) == 4
    with pytest.raises(TurtleError) as failure:
        OxigraphStore(tmp_path / "store").load_file(source, GRAPH, bulk=True, threads=4)
    assert str(source) in str(failure.value) and "line 81" in str(failure.value)


_names = st.sampled_from(["aze", "tur", "m1", "m2", "x-y", "a.b", "p_1"])
_objects = st.one_of(
    _names.map(lambda n: ox.NamedNode(f"https://w3id.org/ddkg/resource/{n}")),
    st.text(alphabet="ab .;#\"\\\n\t<>_:é", max_size=12).map(ox.Literal),
    st.integers(-5, 5).map(lambda i: ox.Literal(str(i), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
    st.sampled_from(["en", "fr"]).map(lambda lang: ox.Literal("x.", language=lang)),
)
_triples = st.lists(st.tuples(_names, st.sampled_from(["participant", "label", "date"]), _objects),
                    min_size=1, max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(triples=_triples, parts=st.integers(2, 12))
def test_serialised_turtle_cut_anywhere_allowed_gives_the_same_graph(tmp_path_factory, monkeypatch, triples, parts):
    """Turtle as Oxigraph writes it (prefixes, ';' and ',' lists, escapes), cut into any number of pieces."""
    tmp = tmp_path_factory.mktemp("split")
    graph = [ox.Triple(ox.NamedNode(f"https://w3id.org/ddkg/resource/{s}"),
                       ox.NamedNode(f"https://w3id.org/ddkg/ontology#{p}"), o) for s, p, o in triples]
    source = tmp / "curated.ttl"
    source.write_bytes(ox.serialize(graph, format=TURTLE, prefixes={
        "res": "https://w3id.org/ddkg/resource/", "ddkg": "https://w3id.org/ddkg/ontology#"}))
    # cuttable (after a prefix line at least) unless a literal holds "_:", read as a blank-node label
    assert split_statements(source, TURTLE, 50, min_piece_bytes=1) is not None or b"_:" in source.read_bytes()
    whole = load(source, 1, monkeypatch, tmp / "one")
    assert load(source, parts, monkeypatch, tmp / "many") == whole
    assert len(whole) == len(set(graph))


def test_kg_build_with_several_loaders_writes_the_same_graph(workspace_copy, monkeypatch):
    """The repository's seeds, every curated file cut into pieces: the same outputs, byte for byte."""
    from kg.build import BuildOptions, build
    from kg.workspace import Workspace

    monkeypatch.setattr("kg.file_split.MIN_PIECE_BYTES", 2000)
    outputs = {}
    for threads in (1, 3):
        build(Workspace(workspace_copy), BuildOptions(extract=False, html=False, load_threads=threads))
        outputs[threads] = [(workspace_copy / "build" / name).read_bytes() for name in ("kg.ttl", "kg.trig")]
    curated = sorted((workspace_copy / "seeds" / "curated").glob("*.ttl"))
    assert any(split_statements(path, TURTLE, 3) for path in curated)  # the build did cut a file
    assert outputs[3] == outputs[1]
