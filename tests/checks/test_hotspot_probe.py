"""The backup-hotspot probe: traffic forced through a named interface, and what the OS says about it."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator

import pytest
from net_fixtures import NetLab, netlab, run, wait_for_carrier
from support import require_root

from studio_app.probes.hotspot import interface_info, run_hotspot_probe
from studio_app.probes.interface import (
    IP_BOUND_IF,
    IP_UNICAST_IF,
    IPV6_BOUND_IF,
    SO_BINDTODEVICE,
    InterfaceError,
    bind_socket_to_interface,
    interface_socket_options,
)
from studio_app.probes.network import NetworkConfig, open_connection
from studio_app.probes.result import ProbeStatus

__all__ = ["netlab"]


def test_socket_options_for_each_os() -> None:
    assert interface_socket_options("usb0", socket.AF_INET, "linux", 7) == [
        (socket.SOL_SOCKET, SO_BINDTODEVICE, b"usb0")
    ]
    assert interface_socket_options("en5", socket.AF_INET, "darwin", 7) == [
        (socket.IPPROTO_IP, IP_BOUND_IF, 7)
    ]
    assert interface_socket_options("en5", socket.AF_INET6, "darwin", 7)[0][1:] == (IPV6_BOUND_IF, 7)
    # Windows wants the IPv4 index in network byte order.
    assert interface_socket_options("Wi-Fi 2", socket.AF_INET, "win32", 7) == [
        (socket.IPPROTO_IP, IP_UNICAST_IF, socket.htonl(7))
    ]
    with pytest.raises(InterfaceError):
        interface_socket_options("x", socket.AF_INET, "sunos5", 1)


def test_missing_interface_fails_with_a_fix() -> None:
    cfg = NetworkConfig("rtmp://127.0.0.1:1935/live", None, interface="nosuchif9")
    result = run_hotspot_probe(cfg, threading.Event(), 5.0)
    assert result.status is ProbeStatus.FAIL
    assert result.findings[0].code == "hotspot.missing"
    assert "nosuchif9" in result.message and result.findings[0].fix
    assert result.metrics["interface_exists"] == 0
    with socket.socket() as sock, pytest.raises(InterfaceError, match="does not exist"):
        bind_socket_to_interface(sock, "nosuchif9")


def test_no_interface_configured_is_skipped() -> None:
    result = run_hotspot_probe(NetworkConfig("127.0.0.1:1935", None), threading.Event(), 5.0)
    assert result.status is ProbeStatus.SKIPPED


@pytest.fixture
def dummy_interface() -> Iterator[str]:
    """A link that exists but is down and has no address (one end of a veth pair; no dummy module here)."""
    require_root("creating an interface needs root")
    name = f"sd{os.getpid() % 100000}"
    run("ip", "link", "add", name, "type", "veth", "peer", "name", f"{name}p")
    try:
        yield name
    finally:
        run("ip", "link", "del", name, check=False)


def test_down_interface_and_interface_without_address_fail(dummy_interface: str) -> None:
    cfg = NetworkConfig("rtmp://127.0.0.1:1935/live", None, interface=dummy_interface)
    down = run_hotspot_probe(cfg, threading.Event(), 5.0)
    assert down.findings[0].code == "hotspot.down" and down.status is ProbeStatus.FAIL
    run("ip", "link", "set", dummy_interface, "up")
    run("ip", "link", "set", f"{dummy_interface}p", "up")  # a veth is only up when its peer is
    wait_for_carrier(dummy_interface)
    bare = run_hotspot_probe(cfg, threading.Event(), 5.0)
    assert bare.findings[0].code == "hotspot.no_address"


def test_hotspot_measurements_go_through_the_hotspot_link(netlab: NetLab) -> None:
    # The service address is routed over the 8 Mbit/s main line first; bound to the hotspot (4 Mbit/s),
    # the probe must measure the hotspot's rate, which proves the traffic went through it.
    cfg = NetworkConfig(
        netlab.ingest,
        netlab.upload_url,
        push_bitrate_mbps=1.5,
        interface=netlab.hotspot_if,
        upload_seconds=3.0,
    )
    result = run_hotspot_probe(cfg, threading.Event(), deadline_s=9.0)
    assert result.status is ProbeStatus.PASS, result.findings
    m = result.metrics
    assert m["interface_exists"] == 1 and m["interface_up"] == 1 and m["has_route"] == 1
    assert m["address"] == netlab.ip(5)
    assert m["metered"] == "unknown"  # no NetworkManager here
    assert m["upload_mbps"] == pytest.approx(3.8, rel=0.10)  # tbf 4mbit, as iperf3's receiver reads it
    for name in ("dns_ms", "connect_ms", "rtmp_handshake_ms", "rtt_ms", "jitter_ms", "loss_pct"):
        assert m[name] is not None


def test_bound_socket_uses_the_hotspot_source_address(netlab: NetLab) -> None:
    with open_connection(netlab.service_ip, 1935, 3.0, netlab.hotspot_if) as sock:
        assert sock.getsockname()[0] == netlab.ip(5)
    with open_connection(netlab.service_ip, 1935, 3.0) as sock:
        assert sock.getsockname()[0] == netlab.ip(1)  # unbound: the main line


def test_hotspot_without_a_route_to_the_ingest_fails(netlab: NetLab) -> None:
    # The main line's far end has no route through the hotspot link (only the service address does).
    info = interface_info(netlab.hotspot_if, netlab.ip(2))
    assert info.exists and info.is_up and info.has_route is False
    assert interface_info(netlab.hotspot_if, netlab.service_ip).has_route is True
    cfg = NetworkConfig(f"rtmp://{netlab.ip(2)}:1935/live", None, interface=netlab.hotspot_if)
    result = run_hotspot_probe(cfg, threading.Event(), 5.0)
    assert result.status is ProbeStatus.FAIL
    assert result.findings[0].code == "hotspot.no_route"
