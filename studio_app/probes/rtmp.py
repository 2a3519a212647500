"""The RTMP simple handshake (C0+C1 → S0+S1+S2 → C2), to prove an ingest really speaks RTMP.

Nothing is published: after C2 the socket is closed. A simple (digest-free) C1 has zeros in bytes 4–7,
which nginx-rtmp and the platforms answer with a simple handshake; we require version 3 and the exact
lengths, not a digest (issue 3).
"""

from __future__ import annotations

import os
import socket
import struct
import time
from dataclasses import dataclass

from studio_app.i18n import translate

RTMP_VERSION = 3
HANDSHAKE_SIZE = 1536


class RtmpHandshakeError(RuntimeError):
    """The far end is not an RTMP server, or broke the handshake; message in the UI language."""


@dataclass(frozen=True)
class RtmpHandshake:
    version: int
    server_time: int  # S1's timestamp field
    server_version: int  # S1 bytes 4–7 (zero for a simple handshake)
    handshake_ms: float  # C0+C1 sent → S0+S1+S2 fully received
    echo_ok: bool  # S2 echoes our C1 random bytes (servers should; we do not require it)


def _recv_exact(sock: socket.socket, size: int) -> bytes:
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        chunk = sock.recv(remaining)
        if not chunk:
            got = size - remaining
            raise RtmpHandshakeError(
                translate(
                    "NetworkProbe",
                    "The ingest closed the connection during the RTMP handshake ({got} of {size} bytes).",
                ).format(got=got, size=size)
            )
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def rtmp_handshake(sock: socket.socket, timeout_s: float = 3.0) -> RtmpHandshake:
    """Run the client side of the handshake on a connected socket; raise :class:`RtmpHandshakeError`."""
    sock.settimeout(timeout_s)
    c1 = struct.pack(">II", 0, 0) + os.urandom(HANDSHAKE_SIZE - 8)
    started = time.perf_counter()
    try:
        sock.sendall(bytes([RTMP_VERSION]) + c1)
        s0 = _recv_exact(sock, 1)
        if s0[0] != RTMP_VERSION:
            raise RtmpHandshakeError(
                translate(
                    "NetworkProbe",
                    "The ingest answered RTMP version {v}, not 3: is this really an RTMP ingest?",
                ).format(v=s0[0])
            )
        s1 = _recv_exact(sock, HANDSHAKE_SIZE)
        s2 = _recv_exact(sock, HANDSHAKE_SIZE)
        elapsed_ms = (time.perf_counter() - started) * 1000.0
        # C2 echoes S1 (its time and random bytes), completing the handshake.
        sock.sendall(s1)
    except TimeoutError as exc:
        raise RtmpHandshakeError(
            translate(
                "NetworkProbe", "The ingest did not complete the RTMP handshake within {s:.1f} s."
            ).format(s=timeout_s)
        ) from exc
    except ConnectionError as exc:
        raise RtmpHandshakeError(
            translate(
                "NetworkProbe", "The ingest reset the connection during the RTMP handshake ({why})."
            ).format(why=exc)
        ) from exc
    server_time, server_version = struct.unpack(">II", s1[:8])
    return RtmpHandshake(
        version=s0[0],
        server_time=server_time,
        server_version=server_version,
        handshake_ms=elapsed_ms,
        echo_ok=s2[8:] == c1[8:],
    )
