"""A throwaway Neo4j 5 (Community) server for plangraph's live tests and benchmarks, no Docker.

The server's jars come from Maven (pom.xml beside this file):

    mvn -q -f tools/neo4j-test-server/pom.xml dependency:copy-dependencies   # into lib/

then

    python tools/neo4j-test-server/server.py

starts it with Bolt on a free 127.0.0.1 port (HTTP off, no usage reports), an empty database,
authentication on with a generated password, data and logs in a temporary folder; prints the
NEO4J_URI to use and waits; Ctrl-C stops it and removes the folder. tests/conftest.py starts
one per test session through `Neo4jTestServer`.
"""

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIB = HERE / "lib"
USER = "neo4j"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
# What Neo4j's own start script gives the JVM on Java 17.
JVM_OPTIONS = ["-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
               "-Dlog4j2.disable.jmx=true",
               "--add-opens=java.base/java.nio=ALL-UNNAMED",
               "--add-opens=java.base/java.io=ALL-UNNAMED",
               "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"]


class ServerError(RuntimeError):
    """The server could not be started (the message says why, with the end of its log)."""


def missing() -> str | None:
    """Why a server cannot be started here, or None when it can."""
    if not shutil.which("java"):
        return "no `java` on PATH (Java 17+ is needed)"
    if not any(LIB.glob("neo4j-5*.jar")):
        return (f"the Neo4j jars are not in {LIB}: run `mvn -q -f {HERE / 'pom.xml'} "
                "dependency:copy-dependencies` (needs Maven)")
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Neo4jTestServer:
    """One Neo4j server in a temporary folder: `start()` returns its URI, `stop()` ends it."""

    def __init__(self, heap: str | None = None, pagecache: str = "128m") -> None:
        self.password = "pg-" + secrets.token_urlsafe(18)
        self.port = free_port()
        self.home = Path(tempfile.mkdtemp(prefix="plangraph-neo4j-"))
        self.heap = heap or os.environ.get("PLANGRAPH_NEO4J_TEST_HEAP", "768m")
        self.pagecache = pagecache
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def uri(self) -> str:
        return f"neo4j://127.0.0.1:{self.port}"

    @property
    def uri_with_credentials(self) -> str:
        return f"neo4j://{USER}:{self.password}@127.0.0.1:{self.port}"

    def _write_config(self) -> Path:
        conf = self.home / "conf"
        conf.mkdir()
        settings = {
            **{f"server.directories.{d}": str(self.home / d)
               for d in ("data", "logs", "run", "import", "plugins", "licenses")},
            "server.default_listen_address": "127.0.0.1",
            "server.bolt.listen_address": f"127.0.0.1:{self.port}",
            "server.bolt.advertised_address": f"127.0.0.1:{self.port}",
            "server.bolt.tls_level": "DISABLED",
            "server.http.enabled": "false",
            "server.https.enabled": "false",
            "dbms.security.auth_enabled": "true",
            "dbms.usage_report.enabled": "false",  # no traffic leaves the machine
            "server.memory.pagecache.size": self.pagecache,
            "db.tx_log.rotation.retention_policy": "1 files",
        }
        (conf / "neo4j.conf").write_text("".join(f"{k}={v}\n" for k, v in settings.items()))
        return conf

    def _java(self, main: str, *args: str, jvm: tuple[str, ...] = ()) -> list[str]:
        return ["java", *jvm, *JVM_OPTIONS, "-cp", f"{LIB}/*", main, *args]

    def start(self, timeout: float = 240.0) -> str:
        why = missing()
        if why:
            raise ServerError(why)
        conf = self._write_config()
        env = {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(conf)}
        done = subprocess.run(
            self._java(ADMIN_TOOL, "dbms", "set-initial-password", self.password),
            env=env, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise ServerError(f"set-initial-password failed: {done.stderr.strip()[-2000:]}")
        log = self.home / "console.log"
        with open(log, "wb") as out:
            self._process = subprocess.Popen(
                self._java(ENTRY_POINT, f"--home-dir={self.home}", f"--config-dir={conf}",
                           jvm=(f"-Xmx{self.heap}",)),
                env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True, preexec_fn=_die_with_parent)
        atexit.register(self.stop)
        started = self.home / "logs" / "neo4j.log"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise ServerError(f"Neo4j exited with {self._process.returncode}: "
                                  f"{self._tail(log)} {self._tail(started)}")
            if started.exists() and "Started." in started.read_text(errors="replace"):
                return self.uri
            time.sleep(0.25)
        self.stop()
        raise ServerError(f"Neo4j did not start within {timeout:.0f} s: {self._tail(started)}")

    def stop(self) -> None:
        """SIGTERM (Neo4j shuts down cleanly), SIGKILL after 60 s; then the folder goes."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(self.home, ignore_errors=True)

    def rss_mb(self) -> float | None:
        """Resident memory of the server process, in MB (Linux)."""
        if self._process is None:
            return None
        try:
            status = Path(f"/proc/{self._process.pid}/status").read_text()
        except OSError:
            return None
        kb = next((int(line.split()[1]) for line in status.splitlines()
                   if line.startswith("VmRSS:")), None)
        return kb / 1024 if kb is not None else None

    @staticmethod
    def _tail(path: Path, chars: int = 1500) -> str:
        try:
            return " ".join(path.read_text(errors="replace")[-chars:].split())
        except OSError:
            return ""


def _die_with_parent() -> None:
    """Linux: the server is killed when the process that started it dies, even by SIGKILL, so
    that an interrupted test run leaves no server behind."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def main() -> int:
    server = Neo4jTestServer()
    print(f"Starting Neo4j in {server.home} …", file=sys.stderr)
    try:
        server.start()
    except ServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"NEO4J_URI={server.uri}\nPLANGRAPH_NEO4J_USER={USER}\n"
          f"PLANGRAPH_NEO4J_PASSWORD={server.password}", flush=True)
    print("Ctrl-C stops it.", file=sys.stderr)
    try:
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        while True:
            time.sleep(3600)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
