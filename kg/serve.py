"""Serve the built store over the SPARQL 1.1 Protocol with the Oxigraph server (``oxigraph`` on PyPI).

No HTTP code of ours answers a request: ``kg serve`` starts ``oxigraph serve-read-only`` (or
``oxigraph serve`` with ``writable``) on the store ``kg build`` wrote, and waits for it.

- Bound to 127.0.0.1 by default; another host must be asked for.
- Read-only by default: ``serve-read-only`` answers INSERT/DELETE/LOAD and Graph Store writes
  with HTTP 403 "The server is read-only".
- A query time limit: Oxigraph's own ``--timeout-s`` cancels a query that runs longer (the
  server stays up and its CPU is freed). Oxigraph has already sent ``200`` and the first bytes
  when it cancels, so the body ends with "The SPARQL operation has been cancelled";
  ``kg.remote`` turns that into a clear error, and curl users see that line.
- The default graph is the union of the named graphs (``--union-default-graph``), as in the
  embedded store, so the canned queries give the same rows.
- It follows ``kg build``: serving the built store, it holds a reader's lease on that build's
  version (``kg.published``, so a build does not delete it underneath), and when a build publishes
  a newer one it restarts the server on it, on the same port (about a second without answers).

Endpoints, for a server on port 7878: ``/query`` (SPARQL query), ``/update`` (SPARQL update,
writable only), ``/store`` (Graph Store Protocol).
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Optional

from kg import published
from kg.errors import StoreError

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0


@dataclass
class ServeOptions:
    location: Optional[Path]          # an Oxigraph store folder; None: an empty in-memory store (writable)
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    writable: bool = False
    timeout: float = DEFAULT_TIMEOUT  # seconds a query may run
    union_default_graph: bool = True
    cors: bool = False


def find_oxigraph() -> str:
    """The ``oxigraph`` server binary: beside this Python first (the venv), then on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise StoreError("the Oxigraph server is not installed: pip install 'ddkg[server]' "
                     "(it provides the `oxigraph` command)")


def server_command(options: ServeOptions, binary: Optional[str] = None) -> list[str]:
    """The ``oxigraph`` command line for ``options``.

    >>> server_command(ServeOptions(Path("build/store")), binary="oxigraph")  # doctest: +NORMALIZE_WHITESPACE
    ['oxigraph', 'serve-read-only', '--location', 'build/store', '--bind', '127.0.0.1:7878',
     '--timeout-s', '30', '--union-default-graph']
    """
    if options.location is None and not options.writable:
        raise StoreError("an in-memory server is empty and can only be filled when writable: "
                         "pass --writable, or serve a built store")
    mode = "serve" if options.writable else "serve-read-only"
    command = [binary or find_oxigraph(), mode]
    if options.location is not None:
        command += ["--location", str(options.location)]
    command += ["--bind", f"{options.host}:{options.port}", "--timeout-s", f"{max(1, round(options.timeout))}"]
    if options.union_default_graph:
        command.append("--union-default-graph")
    if options.cors:
        command.append("--cors")
    return command


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class OxigraphServer:
    """A running Oxigraph server process; a context manager that stops it on exit.

    >>> # with OxigraphServer(ServeOptions(None, port=free_port(), writable=True)) as server:
    >>> #     RemoteStore(server.query_url).query("ASK { ?s ?p ?o }")
    """

    def __init__(self, options: ServeOptions, log: Optional[Path] = None,
                 lease: Optional[published.Lease] = None) -> None:
        self.options = options
        self.command = server_command(options)
        self.log = log
        self.lease = lease  # passed to the server process, so that it holds the version it reads
        self.process: Optional[subprocess.Popen] = None

    @property
    def base_url(self) -> str:
        host = self.options.host if self.options.host not in ("0.0.0.0", "::") else "127.0.0.1"
        return f"http://{host}:{self.options.port}"

    @property
    def query_url(self) -> str:
        return self.base_url + "/query"

    @property
    def update_url(self) -> str:
        return self.base_url + "/update"

    @property
    def store_url(self) -> str:
        return self.base_url + "/store"

    def start(self, wait: float = 30.0, inherit_output: bool = False) -> "OxigraphServer":
        """Start the server and wait until it answers a query; a failure says why (the server's message)."""
        if self.options.location is not None and not Path(self.options.location).is_dir():
            raise StoreError(f"no store at {self.options.location}: run `kg build` first")
        if inherit_output:
            stdout = stderr = None
        else:
            stdout = subprocess.DEVNULL
            stderr = open(self.log, "ab") if self.log else subprocess.PIPE
        try:
            held = (self.lease.fd,) if self.lease is not None and self.lease.fd >= 0 else ()
            self.process = subprocess.Popen(self.command, stdout=stdout, stderr=stderr, pass_fds=held,
                                            start_new_session=not inherit_output)
        except OSError as exc:
            raise StoreError(f"cannot start {self.command[0]}: {exc}") from None
        finally:
            if self.log and not inherit_output:
                stderr.close()  # type: ignore[union-attr]
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise StoreError(f"the Oxigraph server stopped at start (exit {self.process.returncode}): "
                                 f"{self._stderr()}; command: {' '.join(self.command)}")
            if self.ready():
                return self
            time.sleep(0.05)
        self.stop()
        raise StoreError(f"the Oxigraph server did not answer on {self.base_url} within {wait:g} s")

    def ready(self) -> bool:
        request = urllib.request.Request(self.query_url + "?query=ASK%7B%7D",
                                         headers={"Accept": "application/sparql-results+json"})
        try:
            with urllib.request.urlopen(request, timeout=1) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def _stderr(self) -> str:
        if self.process is None or self.process.stderr is None:
            return self.log.read_text(errors="replace")[-2000:].strip() if self.log and self.log.exists() else ""
        try:
            return self.process.stderr.read().decode("utf-8", errors="replace").strip()[-2000:]
        except (OSError, ValueError):
            return ""

    def serve_until_stopped(self, on_ready: Optional[Callable[["OxigraphServer"], None]] = None,
                            follow: Optional[Callable[[Path], Optional[tuple[Path, Optional[published.Lease]]]]] = None,
                            on_switch: Optional[Callable[["OxigraphServer"], None]] = None,
                            poll: float = 1.0) -> int:
        """Start, then wait for the server to end; Ctrl-C, SIGTERM or SIGHUP stop it.

        With ``follow`` (given the location served, a newer one and its lease, or None), it is
        asked every ``poll`` seconds, and the server is restarted on what it returns.
        The signal handlers are in place before the server starts, so a signal that arrives
        while it starts still stops it: the server never outlives ``kg serve``.
        """

        def interrupted(signum, frame):
            raise _Stopped()

        previous = {number: signal.signal(number, interrupted) for number in (signal.SIGTERM, signal.SIGHUP)}
        try:
            self.start(inherit_output=True)
            if on_ready is not None:
                on_ready(self)
            while True:
                try:
                    return self.process.wait(timeout=poll if follow is not None else None)
                except subprocess.TimeoutExpired:
                    pass
                newer = follow(self.options.location)  # type: ignore[misc, arg-type]
                if newer is not None:
                    self.switch_to(*newer)
                    if on_switch is not None:
                        on_switch(self)
        except (KeyboardInterrupt, _Stopped):
            return 0
        finally:
            self.stop()
            for number, handler in previous.items():
                signal.signal(number, handler)

    def switch_to(self, location: Path, lease: Optional[published.Lease]) -> None:
        """Serve ``location`` instead, on the same address: stop, let the old version go (no one
        here reads it any more; a build may remove it from then on), start again."""
        self.stop()
        previous, self.lease = self.lease, lease
        if previous is not None:
            previous.release()
        self.options = replace(self.options, location=location)
        self.command = server_command(self.options, binary=self.command[0])
        self.start(inherit_output=self.process is not None and self.process.stderr is None)

    def stop(self, grace: float = 5.0) -> None:
        """SIGTERM, then SIGKILL after ``grace`` seconds."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(grace)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(grace)
        if self.process.stderr is not None:
            self.process.stderr.close()

    def __enter__(self) -> "OxigraphServer":
        if self.process is None:
            self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


class _Stopped(Exception):
    """SIGTERM or SIGHUP reached ``kg serve``."""


def newer_build(build_dir: Path, served: Path) -> Optional[tuple[Path, Optional[published.Lease]]]:
    """The store of a build published since ``served`` was, with a lease on it; None if there
    is none (or none that can be read now: a build is switching, or the link is gone)."""
    link = build_dir / published.STORE_LINK
    try:
        if link.resolve() == served:
            return None
        location, lease = published.lease_current_store(build_dir)
    except (StoreError, OSError):
        return None
    if location == served:
        if lease is not None:
            lease.release()
        return None
    return location, lease
