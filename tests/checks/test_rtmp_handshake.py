"""The RTMP handshake against a real nginx-rtmp ingest on loopback."""

from __future__ import annotations

import socket

import pytest
from net_fixtures import Nginx, nginx_rtmp

from studio_app.probes.rtmp import HANDSHAKE_SIZE, RtmpHandshakeError, rtmp_handshake
from studio_app.probes.upload_sink import UploadSinkServer

__all__ = ["nginx_rtmp"]


def test_nginx_answers_a_simple_handshake_with_version_3(nginx_rtmp: Nginx) -> None:
    with socket.create_connection((nginx_rtmp.host, nginx_rtmp.port), timeout=3) as sock:
        shake = rtmp_handshake(sock)
    assert shake.version == 3
    assert 0 < shake.handshake_ms < 1000
    assert shake.echo_ok  # nginx echoes C1 in S2


def test_a_server_that_is_not_rtmp_is_refused() -> None:
    # An HTTP server reads the 1537 bytes as a bad request and closes: the handshake cannot complete.
    sink = UploadSinkServer().start_background()
    try:
        with (
            socket.create_connection(("127.0.0.1", sink.port), timeout=3) as sock,
            pytest.raises(RtmpHandshakeError, match="RTMP"),
        ):
            rtmp_handshake(sock, timeout_s=2)
    finally:
        sink.close()


def test_a_silent_server_times_out_within_the_limit() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with (
            socket.create_connection(server.getsockname(), timeout=3) as sock,
            pytest.raises(RtmpHandshakeError, match=r"within 0\.3 s"),
        ):
            rtmp_handshake(sock, timeout_s=0.3)


def test_wrong_version_is_named() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=3) as sock:
            peer, _ = server.accept()
            with peer:
                peer.sendall(bytes([6]) + bytes(2 * HANDSHAKE_SIZE))
                with pytest.raises(RtmpHandshakeError, match="version 6"):
                    rtmp_handshake(sock, timeout_s=2)
