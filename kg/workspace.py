"""Find the workspace: the folder holding ``ontology/``, ``seeds/`` and ``queries/``.

Like a dbt or Hugo project, the engine works on a folder the analyst edits; this is the one
module that knows its layout.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from kg.errors import WorkspaceError


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def rules_dir(self) -> Path:
        return self.root / "ontology" / "rules"

    @property
    def shapes_file(self) -> Path:
        return self.root / "ontology" / "shapes.ttl"

    @property
    def articles_dir(self) -> Path:
        return self.root / "seeds" / "articles"

    @property
    def curated_dir(self) -> Path:
        return self.root / "seeds" / "curated"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    def ontology_files(self) -> list[Path]:
        """Ontology and concept Turtle, without the shapes (those validate, they are not data)."""
        return sorted(p for p in self.ontology_dir.glob("*.ttl") if p.name != "shapes.ttl")

    def curated_files(self) -> list[Path]:
        return sorted(self.curated_dir.glob("*.ttl")) if self.curated_dir.is_dir() else []

    def article_files(self) -> list[Path]:
        return sorted(self.articles_dir.glob("*.txt")) if self.articles_dir.is_dir() else []

    def rule_files(self) -> list[Path]:
        return sorted(self.rules_dir.glob("*.rq")) if self.rules_dir.is_dir() else []


def find_workspace(start: Optional[Path] = None) -> Workspace:
    """The given folder, or the nearest folder upwards from the current one with an ``ontology/``."""
    if start is not None:
        root = Path(start).resolve()
        if not (root / "ontology").is_dir():
            raise WorkspaceError(
                f"{root} is not a workspace: it has no ontology/ folder "
                "(a workspace holds ontology/, seeds/ and queries/; pass --workspace DIR)")
        return Workspace(root)
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "ontology").is_dir() and (folder / "queries").is_dir():
            return Workspace(folder)
    raise WorkspaceError(
        f"no workspace found in {here} or above it: run kg inside a folder holding ontology/, "
        "seeds/ and queries/, or pass --workspace DIR")
