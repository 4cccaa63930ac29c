"""Faults around `kg build`: killed midway, two at once, an unwritable build/, a full disk.

Simulations used (we run as root, so chmod stops nothing): SIGKILL of a real `kg build`
subprocess at progress points it prints; a second build while the first holds the lock;
`chattr +i` on build/ and a build/ that is a regular file; a 1-2 MB tmpfs mounted over a copy
of the workspace, filled so that the build runs out of space.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

KG = str(Path(sys.executable).parent / "kg")
PEOPLE = 6000


def add_bulk(ws: Path, people: int = PEOPLE) -> None:
    """Enough curated triples that a build takes a few seconds."""
    with open(ws / "seeds" / "curated" / "zz-bulk.ttl", "w", encoding="utf-8") as out:
        for i in range(people):
            subject = f"<https://w3id.org/ddkg/resource/person/bulk-{i}>"
            out.write(f"{subject} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                      "<https://w3id.org/ddkg/ontology#Person> .\n")
            out.write(f'{subject} <http://www.w3.org/2000/01/rdf-schema#label> "Bulk Person {i}" .\n')


def start_build(ws: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([KG, "build", "-w", str(ws), *extra], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def wait_for(process: subprocess.Popen, progress: str, timeout: float = 60) -> None:
    """Read the build's progress lines until ``progress`` is printed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            pytest.fail(f"the build ended before {progress!r}: {process.wait()} {process.stdout.read()}")
        if progress in line:
            return
    pytest.fail(f"no {progress!r} within {timeout} s")


@pytest.mark.parametrize("point, delay", [("loading curated facts", 0.2), ("deriving short edges", 0.3),
                                          ("writing outputs", 0.4)])
def test_hostile_fault_sigkill_during_build(kg_cli, assert_build_intact, hostile_ws, point, delay):
    add_bulk(hostile_ws)
    process = start_build(hostile_ws, "--no-validate")
    try:
        wait_for(process, point)
        time.sleep(delay)
        assert process.poll() is None, "the build finished before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(10) == -signal.SIGKILL
    finally:
        process.kill()
    assert_build_intact(hostile_ws, isomorphism=(point == "writing outputs"))
    code, out, err = kg_cli("query", "allies-of-country", "-w", str(hostile_ws), "-p", "country=Turkey", "-f", "csv")
    assert code == 0 and "Azerbaijan,Shusha Declaration on Allied Relations,2021-06-15" in out, err
    # the next build cleans up what the killed one left, and succeeds
    (hostile_ws / "seeds" / "curated" / "zz-bulk.ttl").unlink()
    code, out, err = kg_cli("build", "-w", str(hostile_ws), "-q", "--no-extract")
    assert code == 0, err
    build = hostile_ws / "build"
    assert not list(build.glob(".staging-*")) and len(list((build / ".versions").iterdir())) == 1


def test_hostile_fault_two_builds_at_once(kg_cli, hostile_ws, hostile_baseline):
    add_bulk(hostile_ws)
    first = start_build(hostile_ws, "--no-validate")
    try:
        wait_for(first, "loading curated facts")
        # one that will not wait: a clear refusal
        code, out, err = kg_cli("build", "-w", str(hostile_ws), "--lock-timeout", "0.5", "-q")
        assert code == 2 and "Traceback" not in out + err
        assert "another kg build holds" in err and ".lock" in err and "--lock-timeout" in err, err
        # one that waits for the first, then builds
        second = start_build(hostile_ws, "--no-validate", "-q")
        assert first.wait(120) == 0, first.stderr.read()
        assert second.wait(120) == 0, second.stderr.read()
    finally:
        first.kill()
    from kg.build import open_built_store
    from kg.workspace import Workspace
    store = open_built_store(Workspace(hostile_ws))
    assert store.count() > hostile_baseline["count"] + 2 * PEOPLE - 1
    assert store.query('ASK { ?p <http://www.w3.org/2000/01/rdf-schema#label> "Bulk Person 5999" }').boolean
    build = hostile_ws / "build"
    assert len(list((build / ".versions").iterdir())) == 1 and not list(build.glob(".staging-*"))


def test_hostile_fault_build_dir_immutable(kg_cli, assert_build_intact, hostile_ws):
    (hostile_ws / "seeds" / "curated" / "zz-new.ttl").write_text(
        "<https://w3id.org/ddkg/resource/person/new> <http://www.w3.org/2000/01/rdf-schema#label> \"New\" .\n",
        encoding="utf-8")
    build = hostile_ws / "build"
    subprocess.run(["chattr", "+i", str(build)], check=True)
    try:
        code, out, err = kg_cli("build", "-w", str(hostile_ws), "-q", "--no-extract")
    finally:
        subprocess.run(["chattr", "-i", str(build)], check=True)
    assert code == 2 and "Traceback" not in out + err
    assert err.startswith(f"Error: cannot write {build}") and "Operation not permitted" in err, err
    assert_build_intact(hostile_ws)


def test_hostile_fault_build_dir_is_a_file(kg_cli, workspace_copy):
    (workspace_copy / "build").write_text("not a folder\n", encoding="utf-8")
    code, out, err = kg_cli("build", "-w", str(workspace_copy), "-q", "--no-extract")
    assert code == 2 and "Traceback" not in out + err
    assert f"cannot write to {workspace_copy / 'build'}" in err, err
    assert (workspace_copy / "build").read_text(encoding="utf-8") == "not a folder\n"


def test_hostile_fault_disk_full(kg_cli, assert_build_intact, hostile_ws, tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    size = sum(p.stat().st_size for p in hostile_ws.rglob("*") if p.is_file() and not p.is_symlink())
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size + 3 * 1024 * 1024}", "tmpfs", str(mount)], check=True)
    try:
        ws = mount / "ws"
        shutil.copytree(hostile_ws, ws, symlinks=True)
        free = shutil.disk_usage(mount).free
        with open(mount / "filler", "wb") as filler:  # leave ~600 KB: less than a new build needs
            filler.write(b"\0" * max(0, free - 600 * 1024))
        code, out, err = kg_cli("build", "-w", str(ws), "-q")
        assert code == 2 and "Traceback" not in out + err, (code, err)
        assert "No space left on device" in err and "unchanged" in err, err
        assert_build_intact(ws, isomorphism=True)
        assert not list((ws / "build").glob(".staging-*"))
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
