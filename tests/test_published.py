"""Readers' leases: a build does not delete the version a reader still has open (kg/published.py)."""
from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import copy_workspace
from kg import published

MARKER = "https://w3id.org/ddkg/resource/country/ZZZ"
ASK_MARKER = f"ASK {{ <{MARKER}> ?p ?o }}"


def add_marker(root: Path) -> None:
    (root / "seeds" / "curated" / "zz-marker.ttl").write_text(
        f"<{MARKER}> a <https://w3id.org/ddkg/ontology#Country> .\n", encoding="utf-8")


def versions(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "build" / published.VERSIONS_DIR).iterdir())


def build(root: Path) -> None:
    from kg.build import BuildOptions, build as run_build
    from kg.workspace import Workspace

    run_build(Workspace(root), BuildOptions(html=False, validate=False))


def test_published_a_leased_version_is_not_removed_until_released(tmp_path):
    version = tmp_path / "build-1"
    (version / "store").mkdir(parents=True)
    published.create(version)
    lease = published.take(version)
    assert lease is not None and lease.fd >= 0
    assert published.remove_unless_read(version) is False
    assert (version / "store").is_dir()
    second = published.take(version)  # readers share
    assert second is not None
    lease.release()
    assert published.remove_unless_read(version) is False
    second.release()
    assert published.remove_unless_read(version) is True
    assert not version.exists()
    assert published.take(version) is None


def test_published_no_lease_while_a_build_removes_the_version(tmp_path):
    import fcntl

    version = tmp_path / "build-1"
    (version / "store").mkdir(parents=True)
    published.create(version)
    fd = os.open(version / published.LEASE_FILE, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # what remove_unless_read holds while it deletes
    try:
        assert published.take(version) is None
    finally:
        os.close(fd)
    assert published.take(version) is not None


def test_published_a_version_from_before_leases_is_read_without_one(tmp_path):
    version = tmp_path / "build-1"
    (version / "store").mkdir(parents=True)
    lease = published.take(version)
    assert lease is not None and lease.fd == -1
    assert published.remove_unless_read(version) is True


def test_published_build_keeps_the_version_an_open_store_reads(tmp_path):
    from kg.build import open_built_store
    from kg.workspace import Workspace

    root = copy_workspace(tmp_path / "ws")
    build(root)
    first = versions(root)
    store = open_built_store(Workspace(root))
    add_marker(root)
    build(root)
    assert set(first) < set(versions(root)), "the version the open store reads was removed"
    assert store.query(ASK_MARKER).boolean is False  # the old graph, whole
    assert open_built_store(Workspace(root)).query(ASK_MARKER).boolean is True
    del store
    gc.collect()
    build(root)  # the reader is gone: the old version goes with the next build
    assert not set(first) & set(versions(root))
    assert len(versions(root)) == 1


def test_published_a_reader_in_another_process_keeps_its_version(tmp_path):
    root = copy_workspace(tmp_path / "ws")
    build(root)
    reader = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from kg.build import open_built_store
        from kg.workspace import Workspace
        store = open_built_store(Workspace(Path({str(root)!r})))
        print("open", flush=True)
        sys.stdin.readline()
        print(store.query({ASK_MARKER!r}).boolean, flush=True)
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "open"
        add_marker(root)
        build(root)
        assert len(versions(root)) == 2
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "False"  # it still reads its own graph
    finally:
        reader.stdin.close()
        reader.wait(30)
        reader.stdout.close()
    build(root)
    assert len(versions(root)) == 1


def test_published_no_built_store_is_a_clear_error(tmp_path):
    from kg.errors import StoreError

    with pytest.raises(StoreError, match="run `kg build` first"):
        published.lease_current_store(tmp_path / "build")
