"""What a user sees when a Neo4j location is wrong, with the real driver against stand-ins on
127.0.0.1: a port where nothing listens, a server that only speaks TLS, a server that is not
Bolt at all (a web server). One line that says what is wrong, never the password. And
`plangraph query … | head`: a closed pipe stops the command quietly with exit status 0.

The same against a real Neo4j server (wrong password, TLS asked for and not offered, a database
that does not exist) is in tests/test_neo4j_live.py.
"""

import fcntl
import os
import shutil
import socket
import ssl
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.graph.neo4j_store import ENV_PASSWORD, Neo4jStore
from plangraph.graph.store import StoreError

PASSWORD = "Kh0ng-duoc-l0-ra"


class StandIn:
    """A loopback server that answers every connection with `handle(conn)`, in a thread."""

    def __init__(self, handle):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.handle, self.stopped = handle, threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(5)
                try:
                    self.handle(conn)
                except (OSError, ssl.SSLError):
                    pass

    def close(self):
        self.stopped.set()
        self.thread.join(5)
        self.sock.close()


def web_server(conn):
    """Reads what it is sent and answers like an HTTP server does to a request it cannot parse."""
    conn.recv(1024)
    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


@pytest.fixture
def certificate(tmp_path):
    if not shutil.which("openssl"):
        pytest.skip("no openssl command to make a test certificate (apt-get install openssl)")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def tls_only_server(context):
    def handle(conn):
        with context.wrap_socket(conn, server_side=True) as tls:
            tls.recv(1024)
    return handle


def failure(location, monkeypatch):
    monkeypatch.setenv(ENV_PASSWORD, PASSWORD)
    with pytest.raises(StoreError) as err:
        Neo4jStore(location)
    message = str(err.value)
    assert "\n" not in message and PASSWORD not in message
    return message


@pytest.mark.parametrize("scheme", ["neo4j", "bolt"])
def test_plain_bolt_to_a_server_that_requires_tls_says_so(scheme, certificate, monkeypatch):
    server = StandIn(tls_only_server(certificate))
    try:
        message = failure(f"{scheme}://127.0.0.1:{server.port}", monkeypatch)
    finally:
        server.close()
    assert message.startswith("Máy chủ Neo4j yêu cầu TLS / the server at 127.0.0.1:")
    assert f"use {scheme}+s://127.0.0.1:{server.port}" in message
    assert f"{scheme}+ssc://" in message


@pytest.mark.parametrize("scheme", ["neo4j", "bolt+s"])
def test_a_port_that_is_not_a_bolt_server_says_so(scheme, monkeypatch):
    server = StandIn(web_server)
    try:
        message = failure(f"{scheme}://127.0.0.1:{server.port}", monkeypatch)
    finally:
        server.close()
    assert message.startswith(
        f"Không phải máy chủ Neo4j / 127.0.0.1:{server.port} is not a Neo4j Bolt server")
    assert "7687" in message and "7474" in message


def test_a_port_where_nothing_listens_says_so(monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    message = failure(f"neo4j://127.0.0.1:{port}", monkeypatch)
    assert message == (f"Không kết nối được Neo4j / cannot reach Neo4j at neo4j://127.0.0.1:"
                       f"{port}: không có gì nghe ở cổng này / nothing accepts connections at "
                       f"127.0.0.1:{port}")


def test_the_cli_says_it_in_one_line_without_the_credentials():
    server = StandIn(web_server)
    try:
        for args in (["--db", f"neo4j://neo4j:{PASSWORD}@127.0.0.1:{server.port}", "stats"],
                     ["--db", f"bolt://neo4j:{PASSWORD}@127.0.0.1:{server.port}", "query",
                      "chu_tri_nhieu_nhat"]):
            result = CliRunner().invoke(main, args)
            assert result.exit_code == 1
            assert result.output.count("\n") == 1, result.output
            assert "not a Neo4j Bolt server" in result.output
            assert PASSWORD not in result.output and "Traceback" not in result.output
    finally:
        server.close()


# -- a closed pipe ---------------------------------------------------------------------------

def test_query_into_a_closed_pipe_stops_quietly(tmp_path, seeds):
    db = tmp_path / "c.lbdb"
    loaded = CliRunner().invoke(main, ["--db", str(db), "ingest", *map(str, seeds.values())])
    assert loaded.exit_code == 0, loaded.output
    for fmt in ("table", "csv"):
        read, write = os.pipe()
        # A small pipe: the output (tens of kB) cannot all be written before the reader stops.
        fcntl.fcntl(read, fcntl.F_SETPIPE_SZ, 4096)
        process = subprocess.Popen(
            [sys.executable, "-m", "plangraph", "--db", str(db), "query", "mang_luoi_phoi_hop",
             "--format", fmt], stdout=write, stderr=subprocess.PIPE)
        os.close(write)
        with os.fdopen(read, "rb") as reader:
            first = reader.readline()  # `| head -1`
        errors = process.stderr.read()
        assert process.wait(timeout=120) == 0, errors.decode()
        assert first.strip() and errors == b""
