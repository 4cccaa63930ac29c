"""kg stats: counts per class and relation, and the most central actors."""
from __future__ import annotations

import json

from click.testing import CliRunner

from kg.projection import ViewOptions
from kg.stats import compute_stats, format_table


def test_stats_counts_and_central_actors(curated_seed_store):
    stats = compute_stats(curated_seed_store, ViewOptions(events="edges"), top=3)
    assert stats.classes["Person"] == 4 and stats.classes["Country"] == 3
    assert stats.relations["received"] == 1 and stats.relations["alliedWith"] == 1
    assert stats.by_degree[0].label == "Azerbaijan"
    assert stats.by_betweenness[0].label == "Azerbaijan"
    assert 0 < stats.by_betweenness[0].betweenness <= 1
    assert "Most central actors by betweenness" in format_table(stats)


def test_stats_cli_json(curated_seed_store, tmp_path, monkeypatch):
    import kg.build
    from kg.cli import cli

    monkeypatch.setattr(kg.build, "open_built_store", lambda *a, **k: curated_seed_store)
    for part in ("ontology", "seeds", "queries"):
        (tmp_path / part).mkdir()
    result = CliRunner().invoke(cli, ["stats", "--format", "json", "--top", "2", "-w", str(tmp_path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["top_degree"]) == 2 and data["classes"]["Person"] == 4
