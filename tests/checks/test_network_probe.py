"""The network probe on loopback: a real nginx-rtmp ingest, a real upload sink, closed ports, bad names."""

from __future__ import annotations

import json
import socket
import threading

import pytest
from net_fixtures import Nginx, nginx_rtmp
from support import free_port

from studio_app.probes.network import (
    NetworkConfig,
    RttStats,
    measure_rtt,
    parse_ingest,
    rfc3550_jitter,
    run_network_probe,
)
from studio_app.probes.result import ProbeStatus
from studio_app.probes.upload_sink import (
    IntervalCounter,
    UploadProtocolError,
    UploadReport,
    UploadSinkServer,
    measure_upload,
    receive_upload,
    sustained_mbps,
)

__all__ = ["nginx_rtmp"]
METRICS = ("dns_ms", "connect_ms", "rtmp_handshake_ms", "rtt_ms", "jitter_ms", "loss_pct", "upload_mbps")


@pytest.fixture(scope="module")
def sink() -> UploadSinkServer:
    server = UploadSinkServer().start_background()
    yield server
    server.close()


def probe(ingest: str, upload: str | None = None, **kw: object):
    cfg = NetworkConfig(ingest=ingest, upload_target=upload, upload_seconds=1.0, **kw)  # type: ignore[arg-type]
    return run_network_probe(cfg, threading.Event(), deadline_s=6.0)


def test_healthy_ingest_and_fast_uplink_pass(nginx_rtmp: Nginx, sink: UploadSinkServer) -> None:
    result = probe(nginx_rtmp.ingest, f"http://127.0.0.1:{sink.port}/upload-probe")
    assert result.status is ProbeStatus.PASS, result.findings
    for name in METRICS:
        assert isinstance(result.metrics[name], float), name
    assert result.metrics["dns_ms"] < 100 and result.metrics["rtt_ms"] < 50
    assert result.metrics["loss_pct"] == 0.0 and result.metrics["rtt_samples"] == 10
    assert result.metrics["upload_mbps"] > 100  # loopback
    assert json.dumps(result.metrics)  # JSON-safe for the CLI


def test_host_port_form_works_too(nginx_rtmp: Nginx) -> None:
    result = probe(f"127.0.0.1:{nginx_rtmp.port}")
    assert result.metrics["rtmp_handshake_ms"] is not None
    # Without a measurement endpoint the upload is unknown: a warning, not a pass.
    assert result.status is ProbeStatus.WARN
    assert [f.code for f in result.findings] == ["network.upload_unmeasured"]


def test_closed_port_fails_with_the_reason() -> None:
    port = free_port()
    result = probe(f"rtmp://127.0.0.1:{port}/live")
    assert result.status is ProbeStatus.FAIL
    assert result.findings[0].code == "network.refused"
    assert str(port) in result.message and result.findings[0].fix


def test_unknown_host_fails_with_a_dns_message() -> None:
    result = probe("rtmp://name.invalid/live")
    assert result.status is ProbeStatus.FAIL
    assert result.findings[0].code == "network.dns_failed"
    assert "DNS" in result.message and "name.invalid" in result.message
    assert result.duration_s < 6.0


def test_a_web_server_is_not_an_rtmp_ingest(sink: UploadSinkServer) -> None:
    result = probe(f"127.0.0.1:{sink.port}")
    assert result.status is ProbeStatus.FAIL
    assert result.findings[0].code == "network.rtmp_failed"


def test_bad_ingest_text_fails_without_traceback() -> None:
    result = probe("douyin please")
    assert result.status is ProbeStatus.FAIL and result.findings[0].code == "network.bad_ingest"
    with pytest.raises(ValueError, match="host:port"):
        parse_ingest("no-port-here")
    assert parse_ingest("rtmp://push.example.com/live").port == 1935
    assert parse_ingest("rtmps://push.example.com/app").port == 443


def test_upload_target_that_does_not_speak_the_protocol_is_an_error(nginx_rtmp: Nginx) -> None:
    result = probe(nginx_rtmp.ingest, f"http://127.0.0.1:{nginx_rtmp.port}/upload-probe")
    assert result.status is ProbeStatus.ERROR
    assert any(f.code == "network.upload_failed" for f in result.findings)
    assert result.metrics["rtt_ms"] is not None  # what was measured is kept


def test_upload_below_1_5x_the_push_bitrate_fails(nginx_rtmp: Nginx, sink: UploadSinkServer) -> None:
    url = f"http://127.0.0.1:{sink.port}/upload-probe"
    # Loopback moves Gbit/s; ask for an absurd push bitrate to cross each line.
    measured = probe(nginx_rtmp.ingest, url).metrics["upload_mbps"]
    assert isinstance(measured, float)
    fail = probe(nginx_rtmp.ingest, url, push_bitrate_mbps=measured)  # needs 1.5× → fail
    assert fail.status is ProbeStatus.FAIL and fail.findings[-1].code == "network.upload_low"
    assert "1.5×" in fail.message


def test_profile_units_and_thresholds_are_accepted(nginx_rtmp: Nginx) -> None:
    cfg = NetworkConfig(
        ingest=nginx_rtmp.ingest,
        upload_target=None,
        push_bitrate_kbps=6000,
        duration_s=2.0,
        thresholds={"rtt_warn_ms": 0.0001, "fps_warn_ratio": 0.9},
    )
    assert cfg.bitrate_mbps == 6.0 and cfg.upload_s == 2.0
    result = run_network_probe(cfg, threading.Event(), 5.0)
    assert any(f.code == "network.rtt_high" for f in result.findings)


def test_measure_rtt_counts_refusals_as_answers_and_respects_budget(nginx_rtmp: Nginx) -> None:
    stats = measure_rtt("127.0.0.1", nginx_rtmp.port, 5)
    assert stats.sent == stats.received == 5 and stats.loss_pct == 0
    refused = measure_rtt("127.0.0.1", free_port(), 3)
    assert refused.received == 3  # an RST is a round trip
    cancel = threading.Event()
    cancel.set()
    assert measure_rtt("127.0.0.1", nginx_rtmp.port, 5, cancel=cancel).sent == 0


def test_rfc3550_jitter_follows_the_estimator() -> None:
    assert rfc3550_jitter([10, 10, 10]) == 0.0
    # Alternating 40 ms steps: |D| is always 40, so J stays 40.
    assert rfc3550_jitter([50, 90, 50, 90, 50]) == pytest.approx(40.0)
    # One spike of 160: J = 0 after the first pair, then 160/16 = 10, then 10 + (160 - 10)/16.
    assert rfc3550_jitter([10, 10, 170, 10]) == pytest.approx(10 + 150 / 16)
    stats = RttStats.from_samples([10.0, 30.0], sent=4)
    assert stats.loss_pct == 50.0 and stats.median_ms == 20.0
    assert RttStats.from_samples([], sent=3).loss_pct == 100.0


def test_interval_counter_counts_from_the_first_byte() -> None:
    now = [100.0]
    counter = IntervalCounter(1.0, 0.25, clock=lambda: now[0])
    assert counter.add(1000) is False
    now[0] += 0.3
    counter.add(500)
    now[0] += 0.8  # past the end
    assert counter.add(7) is True
    report = counter.report()
    assert report.bytes_per_interval == (1000, 500, 0, 0) and report.total_bytes == 1500
    assert UploadReport.from_json(report.to_json()) == report


def test_sustained_rate_skips_the_warm_up() -> None:
    report = UploadReport(0.25, (900_000, 250_000, 250_000, 250_000, 250_000), 1_900_000, 1.25)
    assert sustained_mbps(report, warmup_s=0.25) == pytest.approx(8.0)


def test_sink_rejects_bad_requests_with_a_message(sink: UploadSinkServer) -> None:
    with socket.create_connection(("127.0.0.1", sink.port), timeout=3) as sock:
        sock.sendall(b"POST /upload-probe?seconds=99 HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 400") and b"seconds" in answer
    with pytest.raises(UploadProtocolError, match="400"):
        measure_upload(f"http://127.0.0.1:{sink.port}/upload-probe", seconds=45)


def test_sink_accepts_content_length_bodies(sink: UploadSinkServer) -> None:
    with socket.create_connection(("127.0.0.1", sink.port), timeout=3) as sock:
        sock.sendall(b"POST /upload-probe?seconds=1&interval_ms=100 HTTP/1.1\r\nContent-Length: 5000\r\n\r\n")
        sock.sendall(bytes(5000))
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
    report = UploadReport.from_json(answer.split(b"\r\n\r\n", 1)[1])
    assert report.total_bytes == 5000


def test_asgi_side_counts_a_stream_and_stops_at_the_end_of_the_window() -> None:
    import asyncio

    now = [0.0]

    async def body():
        for _ in range(10):
            yield bytes(1000)
            now[0] += 0.1

    report = asyncio.run(receive_upload(body(), seconds=0.5, interval_s=0.25, clock=lambda: now[0]))
    assert report.bytes_per_interval == (3000, 2000) and report.total_bytes == 5000
