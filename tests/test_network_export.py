"""GraphML and GEXF exports re-read by networkx: same nodes and edges as the projection."""
from __future__ import annotations

import io

import networkx as nx
import pytest

from kg.network_export import write_network
from kg.projection import ViewOptions


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
@pytest.mark.parametrize("events", ["nodes", "edges"])
def test_network_export_round_trips_counts(curated_seed_store, fmt, reader, events):
    out = io.BytesIO()
    proj = write_network(curated_seed_store, out, fmt, ViewOptions(events=events))
    graph = reader(io.BytesIO(out.getvalue()))
    assert graph.number_of_nodes() == len(proj.nodes)
    assert graph.number_of_edges() == len(proj.edges)
    by_label = {data["label"]: data for _, data in graph.nodes(data=True)}
    assert by_label["Zakir Hasanov"]["class"] == "Person"
    assert by_label["Shusha Declaration on Allied Relations"]["class"] == "Agreement"


def test_network_export_gexf_dates_are_time_intervals(curated_seed_store):
    out = io.BytesIO()
    write_network(curated_seed_store, out, "gexf", ViewOptions(events="nodes"))
    text = out.getvalue().decode("utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    graph = nx.read_gexf(io.BytesIO(out.getvalue()))
    agreement = next(d for _, d in graph.nodes(data=True) if d["label"].startswith("Agreement on military"))
    assert (agreement["start"], agreement["end"]) == ("1992-01-01", "1992-12-31")


def test_network_export_cli_writes_graphml(curated_seed_store, tmp_path, monkeypatch):
    from click.testing import CliRunner

    import kg.build
    from kg.cli import cli

    monkeypatch.setattr(kg.build, "open_built_store", lambda *a, **k: curated_seed_store)
    (tmp_path / "ontology").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "queries").mkdir()
    result = CliRunner().invoke(cli, ["export", "--format", "graphml", "-o", str(tmp_path / "n.graphml"),
                                      "-w", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(tmp_path / "n.graphml").number_of_nodes() > 5
