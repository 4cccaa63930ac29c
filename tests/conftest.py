"""Shared fixtures: a copy of the repository's workspace, built once per session."""
from __future__ import annotations

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
