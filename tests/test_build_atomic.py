"""`kg build` is all or nothing: a killed or failing build leaves the last good store and outputs."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import copy_workspace
from kg.errors import StoreError, TurtleError

KG = str(Path(sys.executable).parent / "kg")
ALLIES = ("PREFIX ddkg: <https://w3id.org/ddkg/ontology#> "
          "SELECT ?ally WHERE { <https://w3id.org/ddkg/resource/country/TUR> ddkg:alliedWith ?ally }")
MARKER = "https://w3id.org/ddkg/resource/country/ZZZ"


@pytest.fixture
def built_once(tmp_path: Path):
    """A seed workspace built once, with what a later build must not disturb."""
    from kg.build import BuildOptions, build
    from kg.workspace import Workspace

    root = copy_workspace(tmp_path / "ws")
    build(Workspace(root), BuildOptions(html=False))
    before = {name: (root / "build" / name).read_bytes() for name in ("kg.ttl", "kg.trig", "summary.json")}
    return root, before, os.readlink(root / "build" / "current")


def allies(root: Path) -> list[str]:
    from kg.build import open_built_store
    from kg.workspace import Workspace

    return sorted(row[0].value for row in open_built_store(Workspace(root)).query(ALLIES).rows)


def has_marker(root: Path) -> bool:
    from kg.build import open_built_store
    from kg.workspace import Workspace

    return open_built_store(Workspace(root)).query(f"ASK {{ <{MARKER}> ?p ?o }}").boolean


def assert_unchanged(root: Path, before: dict, link: str) -> None:
    assert os.readlink(root / "build" / "current") == link
    for name, data in before.items():
        assert (root / "build" / name).read_bytes() == data, name
    assert allies(root) == ["https://w3id.org/ddkg/resource/country/AZE"]
    assert not has_marker(root)


def write_big_curated(root: Path, triples: int = 100_000) -> None:
    """Many curated facts (and one marker country), so that a build runs long enough to be killed."""
    lines = [f"<{MARKER}> a <https://w3id.org/ddkg/ontology#Country> ."]
    for i in range(triples):
        lines.append(f"<https://w3id.org/ddkg/resource/org/bulk-{i}> <http://www.w3.org/2000/01/rdf-schema#label> "
                     f"\"bulk organisation {i}\" .")
    (root / "seeds" / "curated" / "zz-bulk.ttl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_build_atomic_killed_midway_leaves_the_last_good_store(built_once):
    root, before, link = built_once
    write_big_curated(root)
    process = subprocess.Popen([KG, "build", "-w", str(root), "-q"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    staged = None
    while time.monotonic() < deadline and staged is None:
        staged = next((p for p in (root / "build").glob(".staging-*/store") if any(p.iterdir())), None)
        time.sleep(0.02)
    assert staged is not None, "the build never staged a store"
    time.sleep(0.05)  # mid-load or later: the staged store holds part of the new graph
    assert process.poll() is None, "the build ended before it could be killed; give it more data"
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL

    assert_unchanged(root, before, link)
    assert list((root / "build").glob(".staging-*"))  # the killed build's leftovers...

    from kg.build import BuildOptions, build
    from kg.workspace import Workspace

    build(Workspace(root), BuildOptions(html=False, validate=False, extract=False))  # ...go with the next build
    assert not list((root / "build").glob(".staging-*"))
    assert len(list((root / "build" / ".versions").iterdir())) == 1
    assert has_marker(root)


def test_build_atomic_bad_turtle_fails_and_leaves_the_last_good_store(built_once):
    root, before, link = built_once
    bad = root / "seeds" / "curated" / "broken.ttl"
    bad.write_text("@prefix ddkg: <https://w3id.org/ddkg/ontology#> .\n"
                   f"<{MARKER}> a ddkg:Country .\n<{MARKER}> ddkg:iso3 \"ZZZ\n", encoding="utf-8")
    done = subprocess.run([KG, "build", "-w", str(root), "-q"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "broken.ttl" in done.stderr and "line 3" in done.stderr.lower()
    assert_unchanged(root, before, link)
    assert not list((root / "build").glob(".staging-*"))

    from kg.build import BuildOptions, build
    from kg.workspace import Workspace

    with pytest.raises(TurtleError, match="broken.ttl"):
        build(Workspace(root), BuildOptions(html=False))
    assert_unchanged(root, before, link)


def test_build_atomic_second_build_waits_for_the_lock_or_fails_clearly(built_once):
    from filelock import FileLock

    from kg.build import BuildOptions, build
    from kg.workspace import Workspace

    root, before, link = built_once
    lock = FileLock(str(root / "build" / ".lock"), thread_local=False)
    lock.acquire()
    try:
        done = subprocess.run([KG, "build", "-w", str(root), "-q", "--lock-timeout", "0.5"],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 2
        assert "another kg build holds" in done.stderr and ".lock" in done.stderr
        assert_unchanged(root, before, link)
        with pytest.raises(StoreError, match="another kg build holds"):
            build(Workspace(root), BuildOptions(html=False, lock_timeout=0.2))
        threading.Timer(1.0, lock.release).start()
        started = time.monotonic()
        build(Workspace(root), BuildOptions(html=False, validate=False, lock_timeout=30))
        assert time.monotonic() - started >= 0.9  # it waited for the other build, then ran
    finally:
        if lock.is_locked:
            lock.release()
    assert allies(root) == ["https://w3id.org/ddkg/resource/country/AZE"]


def test_build_atomic_two_real_builds_at_once_both_finish_one_after_the_other(built_once):
    root, _, _ = built_once
    processes = [subprocess.Popen([KG, "build", "-w", str(root), "-q", "--no-validate"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(2)]
    errors = [p.communicate(timeout=120)[1].decode() for p in processes]
    assert [p.returncode for p in processes] == [0, 0], errors
    assert len(list((root / "build" / ".versions").iterdir())) == 1
    assert allies(root) == ["https://w3id.org/ddkg/resource/country/AZE"]


def test_build_atomic_memory_build_does_not_leave_an_older_store_behind(built_once):
    from kg.build import BuildOptions, build, open_built_store
    from kg.workspace import Workspace

    root, _, _ = built_once
    (root / "seeds" / "curated" / "marker.ttl").write_text(
        f"<{MARKER}> a <https://w3id.org/ddkg/ontology#Country> .\n", encoding="utf-8")
    build(Workspace(root), BuildOptions(store_kind="memory", html=False, validate=False))
    with pytest.raises(StoreError, match="--store memory"):
        open_built_store(Workspace(root))
    store = open_built_store(Workspace(root), "memory")
    assert store.query(f"ASK {{ <{MARKER}> ?p ?o }}").boolean
    versions = list((root / "build" / ".versions").iterdir())
    assert len(versions) == 1 and not (versions[0] / "store").exists()  # the disk build's store went with it
    assert not (root / "build" / "store").is_symlink()


def test_build_atomic_one_rename_publishes_store_and_files_together(built_once):
    """Every published output is a fixed link through build/current, so switching that one link
    (a rename) switches the store and all the files at once; a kill before it leaves the old build."""
    from kg.build import PUBLISHED, BuildOptions, build
    from kg.workspace import Workspace

    root, before, link = built_once
    build_dir = root / "build"
    assert link.startswith(".versions/build-")
    for name in PUBLISHED:
        if name == "graph.html":  # built_once builds without the page
            assert not (build_dir / name).exists()
            continue
        assert os.readlink(build_dir / name) == f"current/{name}", name
    assert (build_dir / "validation.txt").is_file() and not (build_dir / "validation.txt").is_symlink()
    (root / "seeds" / "curated" / "marker.ttl").write_text(
        f"<{MARKER}> a <https://w3id.org/ddkg/ontology#Country> .\n", encoding="utf-8")
    build(Workspace(root), BuildOptions(validate=False, extract=False))
    new = os.readlink(build_dir / "current")
    assert new != link and not (build_dir / link).exists()  # the old version is gone
    assert os.readlink(build_dir / "store") == "current/store" and has_marker(root)
    assert b"ZZZ" in (build_dir / "kg.ttl").read_bytes() and (build_dir / "graph.html").is_file()


def test_build_atomic_a_build_dir_of_the_older_layout_is_converted(built_once):
    """build/ as builds before .versions left it (files, and build/store -> .stores/store-*): the
    next build publishes through build/current and removes the old store."""
    from kg.build import BuildOptions, build
    from kg.workspace import Workspace

    root, before, _ = built_once
    build_dir = root / "build"
    legacy = build_dir / ".stores" / "store-1"
    legacy.parent.mkdir()
    os.replace(build_dir / os.readlink(build_dir / "current") / "store", legacy)
    for name in ("store", "kg.ttl", "kg.trig", "summary.json", "current"):
        target = build_dir / name
        data = None if name in ("store", "current") else target.read_bytes()
        target.unlink()
        if data is not None:
            target.write_bytes(data)
    os.symlink(".stores/store-1", build_dir / "store")
    assert allies(root) == ["https://w3id.org/ddkg/resource/country/AZE"]  # the old layout answers
    build(Workspace(root), BuildOptions(html=False))  # as built_once built
    assert os.readlink(build_dir / "store") == "current/store" and os.readlink(build_dir / "kg.ttl") == "current/kg.ttl"
    assert not list((build_dir / ".stores").iterdir())
    assert (build_dir / "kg.ttl").read_bytes() == before["kg.ttl"]
    assert allies(root) == ["https://w3id.org/ddkg/resource/country/AZE"]
