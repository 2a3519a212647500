"""The backup uplink: force traffic through a named interface, and say what the OS knows about it.

Binding differs per OS, so the socket options are computed by a pure function (tested for all three) and
applied by :func:`bind_socket_to_interface`:

* Linux: ``SO_BINDTODEVICE`` with the interface name (no root needed on current kernels);
* macOS: ``IP_BOUND_IF`` (25) / ``IPV6_BOUND_IF`` (125) with the interface index;
* Windows: ``IP_UNICAST_IF`` (31) with the index (network byte order for IPv4) *and* a bind to the
  interface's own address, since Windows picks the source by routing otherwise.
"""

from __future__ import annotations

import ipaddress
import json
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass, replace
from typing import Any

from studio_app.i18n import translate
from studio_app.probes.result import Finding, ProbeResult, ProbeStatus

SO_BINDTODEVICE = getattr(socket, "SO_BINDTODEVICE", 25)  # Linux <asm-generic/socket.h>
IP_BOUND_IF = 25  # macOS <netinet/in.h>
IPV6_BOUND_IF = 125
IP_UNICAST_IF = 31  # Windows <ws2ipdef.h>
IPV6_UNICAST_IF = 31
IPPROTO_IPV6 = getattr(socket, "IPPROTO_IPV6", 41)

SocketOption = tuple[int, int, int | bytes]


class InterfaceError(OSError):
    """The interface cannot be used; message in the UI language."""


def interface_socket_options(interface: str, family: int, platform: str, if_index: int) -> list[SocketOption]:
    """The ``setsockopt`` calls that pin a socket of ``family`` to ``interface`` on ``platform``."""
    if platform.startswith("linux"):
        return [(socket.SOL_SOCKET, SO_BINDTODEVICE, interface.encode())]
    if platform == "darwin":
        if family == socket.AF_INET6:
            return [(IPPROTO_IPV6, IPV6_BOUND_IF, if_index)]
        return [(socket.IPPROTO_IP, IP_BOUND_IF, if_index)]
    if platform == "win32":
        if family == socket.AF_INET6:
            return [(IPPROTO_IPV6, IPV6_UNICAST_IF, if_index)]
        # IPv4 wants the index in network byte order (documented quirk of IP_UNICAST_IF).
        return [(socket.IPPROTO_IP, IP_UNICAST_IF, socket.htonl(if_index))]
    raise InterfaceError(
        translate("NetworkProbe", "Binding to an interface is not supported on {platform}.").format(
            platform=platform
        )
    )


def interface_index(interface: str) -> int:
    try:
        return socket.if_nametoindex(interface)
    except OSError as exc:
        raise InterfaceError(
            translate("NetworkProbe", "Network interface “{name}” does not exist.").format(name=interface)
        ) from exc


def interface_addresses(interface: str) -> tuple[str, ...]:
    """IPv4 and global IPv6 addresses of the interface (psutil works on Linux, macOS and Windows)."""
    import psutil

    found = []
    for addr in psutil.net_if_addrs().get(interface, []):
        if addr.family == socket.AF_INET:
            found.append(addr.address)
        elif addr.family == socket.AF_INET6 and not addr.address.lower().startswith("fe80"):
            found.append(addr.address.split("%")[0])
    return tuple(found)


def bind_socket_to_interface(sock: socket.socket, interface: str, platform: str = sys.platform) -> None:
    """Pin ``sock`` (not yet connected) to ``interface``; raise :class:`InterfaceError` with the reason."""
    index = interface_index(interface)
    try:
        for level, option, value in interface_socket_options(interface, sock.family, platform, index):
            sock.setsockopt(level, option, value)
        if platform == "win32":
            wanted = 4 if sock.family == socket.AF_INET else 6
            source = next(
                (a for a in interface_addresses(interface) if ipaddress.ip_address(a).version == wanted), None
            )
            if source is None:
                raise InterfaceError(
                    translate("NetworkProbe", "Interface “{name}” has no address.").format(name=interface)
                )
            sock.bind((source, 0))
    except PermissionError as exc:
        raise InterfaceError(
            translate("NetworkProbe", "Not allowed to bind to interface “{name}” ({why}).").format(
                name=interface, why=exc
            ),
        ) from exc


def http_socket_options(interface: str, platform: str = sys.platform) -> list[SocketOption]:
    """The same binding as options for an HTTP client's connection (httpx ``socket_options``), IPv4."""
    return interface_socket_options(interface, socket.AF_INET, platform, interface_index(interface))


@dataclass(frozen=True)
class InterfaceInfo:
    name: str
    exists: bool
    is_up: bool
    addresses: tuple[str, ...]
    has_route: bool | None  # None: the OS gives no cheap answer; the bound connect decides
    metered: str  # "yes", "no" or "unknown", as the OS says


def _linux_route_via(interface: str, target_ip: str | None) -> bool | None:
    """Whether the routing table sends ``target_ip`` (or anything beyond the link, without a target) out of
    ``interface``. ``ip route get … oif`` is no help: for a bound socket the kernel assumes "on link" when
    no route matches, so we look for a route of the interface that covers the target, or a default route."""
    ip_tool = shutil.which("ip")
    if not ip_tool:
        return None
    done = subprocess.run(
        [ip_tool, "-j", "route", "show", "table", "all", "dev", interface],
        capture_output=True,
        text=True,
        timeout=3,
    )
    if done.returncode != 0:
        return None
    routes = [r for r in json.loads(done.stdout or "[]") if r.get("type", "unicast") in ("unicast", "local")]
    if any(r.get("dst") == "default" for r in routes):
        return True
    if target_ip is None:
        return any(r.get("scope") != "link" for r in routes)
    target = ipaddress.ip_address(target_ip)
    for r in routes:
        try:
            if target in ipaddress.ip_network(r.get("dst", ""), strict=False):
                return True
        except ValueError:
            continue
    return False


def _metered(interface: str) -> str:
    """NetworkManager knows whether a link is metered (a phone hotspot usually is); elsewhere: unknown."""
    if sys.platform.startswith("linux") and shutil.which("nmcli"):
        try:
            done = subprocess.run(
                ["nmcli", "-t", "-g", "GENERAL.METERED", "device", "show", interface],
                capture_output=True,
                text=True,
                timeout=3,
            )
        except (OSError, subprocess.TimeoutExpired):
            return "unknown"
        answer = done.stdout.strip().lower()
        if answer.startswith("yes"):
            return "yes"
        if answer.startswith("no"):
            return "no"
    return "unknown"


def interface_info(interface: str, target_ip: str | None = None) -> InterfaceInfo:
    """Whether the interface exists, is up, has an address and a route (towards ``target_ip`` if given)."""
    import psutil

    stats = psutil.net_if_stats()
    if interface not in stats:
        return InterfaceInfo(interface, False, False, (), False, "unknown")
    has_route: bool | None = None
    if sys.platform.startswith("linux"):
        try:
            has_route = _linux_route_via(interface, target_ip)
        except (OSError, subprocess.TimeoutExpired, ValueError):
            has_route = None
    return InterfaceInfo(
        name=interface,
        exists=True,
        is_up=bool(stats[interface].isup),
        addresses=interface_addresses(interface),
        has_route=has_route,
        metered=_metered(interface),
    )


def run_hotspot_probe(cfg: Any, cancel: threading.Event, deadline_s: float) -> ProbeResult:
    """The network measurements forced through ``cfg.interface``, plus what the OS says about it."""
    from studio_app.probes.network import NetworkError, parse_ingest, resolve, run_network_probe

    if not cfg.interface:
        message = translate("NetworkProbe", "No backup hotspot interface is configured.")
        return ProbeResult("hotspot", ProbeStatus.SKIPPED, {}, (), 0.0, message)
    target_ip: str | None = None
    try:
        endpoint = parse_ingest(cfg.ingest)
        target_ip, _ms = resolve(endpoint.host, endpoint.port, min(2.0, deadline_s / 4))
    except (ValueError, NetworkError):
        target_ip = None  # the network probe below reports a bad address or DNS failure itself
    info = interface_info(cfg.interface, target_ip)
    base: dict[str, float | int | str | None] = {
        "interface": cfg.interface,
        "interface_exists": int(info.exists),
        "interface_up": int(info.is_up),
        "address": ", ".join(info.addresses) or None,
        "has_route": None if info.has_route is None else int(info.has_route),
        "metered": info.metered,
    }
    problem: Finding | None = None
    fix = translate(
        "NetworkProbe",
        "Connect the phone hotspot (USB tethering or Wi-Fi), or correct the interface in the studio profile.",
    )
    if not info.exists:
        problem = Finding(
            ProbeStatus.FAIL,
            "hotspot.missing",
            translate("NetworkProbe", "The backup interface “{name}” does not exist.").format(
                name=cfg.interface
            ),
            fix,
        )
    elif not info.is_up:
        problem = Finding(
            ProbeStatus.FAIL,
            "hotspot.down",
            translate("NetworkProbe", "The backup interface “{name}” is down.").format(name=cfg.interface),
            fix,
        )
    elif not info.addresses:
        problem = Finding(
            ProbeStatus.FAIL,
            "hotspot.no_address",
            translate("NetworkProbe", "The backup interface “{name}” has no IP address.").format(
                name=cfg.interface
            ),
            translate("NetworkProbe", "Reconnect the hotspot so that it hands out an address (DHCP)."),
        )
    elif info.has_route is False:
        problem = Finding(
            ProbeStatus.FAIL,
            "hotspot.no_route",
            translate("NetworkProbe", "There is no route to the ingest through “{name}”.").format(
                name=cfg.interface
            ),
            translate(
                "NetworkProbe",
                "The hotspot is connected but has no internet route; check the phone's mobile data.",
            ),
        )
    if problem is not None:
        return ProbeResult("hotspot", problem.status, base, (problem,), 0.0, problem.message)
    result = run_network_probe(cfg, cancel, deadline_s, probe_name="hotspot")
    metrics = {**base, **result.metrics}
    findings = list(result.findings)
    if info.metered == "yes":
        findings.append(
            Finding(
                ProbeStatus.PASS,
                "hotspot.metered",
                translate("NetworkProbe", "The backup link is metered: a show over it uses mobile data."),
                "",
            )
        )
    return replace(result, metrics=metrics, findings=tuple(findings))
