"""The network probe over a real shaped link and a user-space netem, in network namespaces (root only)."""

from __future__ import annotations

import threading

import pytest
from net_fixtures import Impairment, NetLab, iperf3_server, netlab
from support import require_tool

from studio_app.probes.network import NetworkConfig, measure_rtt, run_network_probe
from studio_app.probes.result import ProbeStatus
from studio_app.probes.upload_sink import measure_upload

__all__ = ["netlab"]
# iperf3's receiver reads 7.6 Mbit/s on `tbf rate 8mbit` here (notes/probes.md): the link's truth.
TBF_8MBIT_TRUTH = 7.6


def test_upload_on_an_8_mbit_line_reads_what_the_far_end_received(netlab: NetLab) -> None:
    measured = measure_upload(netlab.upload_url, seconds=3.0)
    assert measured.upload_mbps == pytest.approx(TBF_8MBIT_TRUTH, rel=0.10)
    assert measured.seconds_used < 4.0
    # The sender pushed more than arrived in the window (socket buffers): that is why the sink counts.
    assert measured.sent_bytes * 8 / 3.0 / 1e6 > measured.upload_mbps


@pytest.mark.parametrize(
    ("push_mbps", "status"),
    [(3.0, ProbeStatus.PASS), (4.5, ProbeStatus.WARN), (6.0, ProbeStatus.FAIL)],
)
def test_upload_is_judged_against_the_push_bitrate(
    netlab: NetLab, push_mbps: float, status: ProbeStatus
) -> None:
    # 7.6 Mbit/s: ≥ 2× of 3.0 passes, < 2× of 4.5 warns, < 1.5× of 6.0 fails.
    cfg = NetworkConfig(netlab.ingest, netlab.upload_url, push_bitrate_mbps=push_mbps, upload_seconds=2.0)
    result = run_network_probe(cfg, threading.Event(), deadline_s=8.0)
    assert result.status is status, result.findings
    assert result.metrics["rtmp_handshake_ms"] is not None


def test_delay_injected_by_the_relay_shows_in_rtt(netlab: NetLab) -> None:
    netlab.impair(Impairment(delay_ms=40))
    try:
        stats = measure_rtt(netlab.relay_ip, 1935, 6)
    finally:
        netlab.clear_impairment()
    assert stats.loss_pct == 0
    assert stats.median_ms == pytest.approx(80, abs=10)  # 40 ms each way


def test_lost_connection_attempts_count_as_loss_and_fail(netlab: NetLab) -> None:
    netlab.impair(Impairment(delay_ms=5, drop_every_nth_syn=4))
    try:
        result = run_network_probe(
            NetworkConfig(f"rtmp://{netlab.relay_ip}:1935/live", None, rtt_samples=8),
            threading.Event(),
            deadline_s=8.0,
        )
    finally:
        netlab.clear_impairment()
    # SYN 1 is the probe's connect for the handshake; RTT probes are SYNs 2–9, of which 4 and 8 are dropped.
    assert result.metrics["loss_pct"] == pytest.approx(25.0)
    assert result.status is ProbeStatus.FAIL
    assert any(f.code == "network.loss" for f in result.findings)


def test_alternating_delay_is_reported_as_jitter(netlab: NetLab) -> None:
    netlab.impair(Impairment(delay_ms=5, syn_extra_delay_ms=(0, 40)))
    try:
        stats = measure_rtt(netlab.relay_ip, 1935, 8)
    finally:
        netlab.clear_impairment()
    assert stats.jitter_ms == pytest.approx(40, abs=8)
    assert stats.max_ms - stats.min_ms == pytest.approx(40, abs=8)


def test_an_iperf3_server_works_as_the_upload_target(netlab: NetLab) -> None:
    require_tool("iperf3")
    iperf3_server(netlab)
    cfg = NetworkConfig(
        netlab.ingest, f"iperf3://{netlab.service_ip}:5201", push_bitrate_mbps=4.5, upload_seconds=2.0
    )
    result = run_network_probe(cfg, threading.Event(), deadline_s=8.0)
    assert result.metrics["upload_mbps"] == pytest.approx(TBF_8MBIT_TRUTH, rel=0.10)
    assert result.status is ProbeStatus.WARN  # 7.6 < 2 × 4.5
