"""The published builds under ``build/``, and readers' leases on them, so that a new build does not
delete the version a running ``kg serve``, a ``kg query`` or a notebook still reads.

``kg build`` publishes each build as a version folder, ``build/.versions/build-*``, and switches the
link ``build/current`` to it in one rename; ``build/store`` is the fixed link ``current/store``.

Each version folder (``build/.versions/build-*``) holds an empty file, ``.readers``. A reader holds
a shared ``flock`` on it for as long as it reads; a build removes an old version only when it can
take that lock exclusively without waiting, and removes it while holding it. A reader that comes
meanwhile finds the lock taken or the file gone, and reads the version ``build/current`` names now.
The lock belongs to the kernel: a reader that dies, however it dies, releases it; a server process
that inherits the descriptor keeps it held for as long as it runs.
"""
from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path
from typing import Optional

from kg.errors import StoreError

VERSIONS_DIR = ".versions"          # one folder per published build: its store and output files
CURRENT_LINK = "current"            # build/current -> .versions/build-*, switched in one rename
STORE_LINK = "store"                # build/store -> current/store
LEASE_FILE = ".readers"


class Lease:
    """A shared lock on one version; released by :meth:`release` or when the object is collected."""

    def __init__(self, version: Path, fd: int) -> None:
        self.version = version
        self.fd = fd

    def release(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)  # closing the descriptor drops the lock
            self.fd = -1

    def __del__(self) -> None:
        self.release()


def create(version: Path) -> None:
    """Give a version folder (still being written) its lease file."""
    (version / LEASE_FILE).touch()


def take(version: Path) -> Optional[Lease]:
    """A shared lease on ``version``; None when the version is gone or being removed.

    A version written before leases existed has no lease file: it gets a lease that holds
    nothing (fd -1), as such versions were read before.
    """
    try:
        fd = os.open(version / LEASE_FILE, os.O_RDONLY)
    except FileNotFoundError:
        return Lease(version, -1) if (version / "store").is_dir() else None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:  # a build is removing it
        os.close(fd)
        return None
    if os.fstat(fd).st_nlink == 0:  # removed between our open and our lock
        os.close(fd)
        return None
    return Lease(version, fd)


def remove_unless_read(version: Path) -> bool:
    """Remove ``version`` unless a reader holds a lease on it; True when it is gone."""
    try:
        fd = os.open(version / LEASE_FILE, os.O_RDONLY)
    except FileNotFoundError:
        shutil.rmtree(version, ignore_errors=True)
        return not version.exists()
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        shutil.rmtree(version, ignore_errors=True)
        return not version.exists()
    finally:
        os.close(fd)


def lease_current_store(build_dir: Path) -> tuple[Path, Optional[Lease]]:
    """The store folder of the last published build, and a lease on its version (None for a
    build of the layout before versions). The link is read again if a build removes the
    version it named between our reading it and our lease."""
    link = build_dir / STORE_LINK
    for _ in range(5):
        if not link.exists():
            raise StoreError(f"no built store in {build_dir}: run `kg build` first "
                             "(after `kg build --store memory`, pass --store memory)")
        store = link.resolve()
        if store.parent.parent.name != VERSIONS_DIR:
            return store, None
        lease = take(store.parent)
        if lease is not None:
            return store, lease
    raise StoreError(f"{link} changed five times while it was being opened: builds are running; try again")
