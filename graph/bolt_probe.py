"""What listens at a Neo4j location's host and port, to say why the driver could not connect.

The driver's own messages ("Unable to retrieve routing information", "Failed to read four byte
Bolt handshake response") do not tell a user whether TLS was asked for and not offered, TLS is
required and was not asked for, or the port is not a Bolt server at all (the HTTP port 7474, a
web server). Only called after a failed connection: two short probes, a few seconds at most.
"""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

TIMEOUT = 3.0
BOLT_PORT = 7687
BOLT_MAGIC = b"\x60\x60\xb0\x17"
# Four versions offered (Bolt 5.4 down to 5.0, 4.4, 4.3, 3.0): any Bolt server answers with four
# bytes, the version it chose, or zeros when it speaks none of them.
BOLT_OFFER = BOLT_MAGIC + bytes([0, 4, 4, 5, 0, 0, 4, 4, 0, 0, 3, 4, 0, 0, 0, 3])


@dataclass(frozen=True)
class Probe:
    reachable: bool  # something accepts TCP connections there
    bolt: bool  # it answers a plain (unencrypted) Bolt handshake
    tls: bool  # it completes a TLS handshake


def host_port(uri: str) -> tuple[str, int]:
    parts = urlsplit(uri)
    return parts.hostname or "localhost", parts.port or BOLT_PORT


def probe(host: str, port: int, timeout: float = TIMEOUT) -> Probe:
    try:
        bolt = _answers_bolt(host, port, timeout)
    except OSError:
        return Probe(reachable=False, bolt=False, tls=False)
    return Probe(reachable=True, bolt=bolt, tls=not bolt and _speaks_tls(host, port, timeout))


def _answers_bolt(host: str, port: int, timeout: float) -> bool:
    """Raises OSError when nothing accepts the connection."""
    with socket.create_connection((host, port), timeout=timeout) as sock:
        try:
            sock.sendall(BOLT_OFFER)
            answer = _read(sock, 4)
        except OSError:  # reset or silent: something is there, not a Bolt server
            return False
    return len(answer) == 4 and answer[:2] == b"\0\0"


def _speaks_tls(host: str, port: int, timeout: float) -> bool:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # only: is it TLS at all; the driver checks the rest
    try:
        with socket.create_connection((host, port), timeout=timeout) as raw, \
                context.wrap_socket(raw, server_hostname=host):
            return True
    except (OSError, ssl.SSLError):
        return False


def _read(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            break
        data += chunk
    return data


def explain(uri: str, timeout: float = TIMEOUT) -> str | None:
    """Why a connection to `uri` (without credentials) failed, as one line, when the probes can
    tell; None when they cannot (the driver's own message is then the best there is)."""
    scheme = urlsplit(uri).scheme
    encrypted = scheme.endswith(("+s", "+ssc"))
    plain_scheme = scheme.split("+")[0]
    host, port = host_port(uri)
    found = probe(host, port, timeout)
    if not found.reachable:
        return (f"Không kết nối được Neo4j / cannot reach Neo4j at {uri}: không có gì nghe ở "
                f"cổng này / nothing accepts connections at {host}:{port}")
    if encrypted and found.bolt:
        return (f"Máy chủ Neo4j không bật TLS / TLS was asked for ({scheme}://) but the server "
                f"at {host}:{port} does not offer it: dùng / use {plain_scheme}://{host}:{port}")
    if not encrypted and found.tls:
        return (f"Máy chủ Neo4j yêu cầu TLS / the server at {host}:{port} accepts only "
                f"encrypted connections: dùng / use {plain_scheme}+s://{host}:{port} "
                f"({plain_scheme}+ssc:// for a self-signed certificate)")
    if not found.bolt and not found.tls:
        return (f"Không phải máy chủ Neo4j / {host}:{port} is not a Neo4j Bolt server (it does "
                f"not answer the Bolt handshake; Bolt is usually port {BOLT_PORT}, 7474 is "
                "the browser's HTTP port)")
    return None
