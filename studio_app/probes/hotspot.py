"""The backup uplink: force traffic through a named interface (:mod:`studio_app.probes.interface`), and say
what the OS knows about it."""

from __future__ import annotations

import ipaddress
import json
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, replace
from typing import Any

from studio_app.i18n import translate
from studio_app.probes.interface import interface_addresses
from studio_app.probes.network import NetworkError, parse_ingest, resolve, run_network_probe
from studio_app.probes.result import Finding, ProbeResult, ProbeStatus


@dataclass(frozen=True)
class InterfaceInfo:
    name: str
    exists: bool
    is_up: bool
    addresses: tuple[str, ...]
    has_route: bool | None  # None: the OS gives no cheap answer; the bound connect decides
    metered: str  # "yes", "no" or "unknown", as the OS says
    carrier: bool | None = None  # the link under the interface (cable, Wi-Fi association); None: unknown


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


def link_state(stats: Any) -> tuple[bool, bool | None]:
    """(administratively up, has a carrier) from a ``psutil.net_if_stats()`` entry. psutil's ``isup``
    folds the two together on Linux (a veth whose peer is gone reads "down"); its flags keep them apart
    where the OS gives flags (IFF_UP, IFF_RUNNING); Windows gives none, so the carrier is unknown there."""
    flags = {f for f in str(getattr(stats, "flags", "")).split(",") if f}
    if not flags:
        return bool(stats.isup), None
    return "up" in flags, "running" in flags


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
    is_up, has_carrier = link_state(stats[interface])
    return InterfaceInfo(
        name=interface,
        exists=True,
        is_up=is_up,
        addresses=interface_addresses(interface),
        has_route=has_route,
        metered=_metered(interface),
        carrier=has_carrier,
    )


def hotspot_problem(info: InterfaceInfo) -> Finding | None:
    """Why the backup interface cannot carry the stream (missing, down, no carrier, no address, no route),
    or None when nothing the OS knows stands in the way."""
    fix = translate(
        "NetworkProbe",
        "Connect the phone hotspot (USB tethering or Wi-Fi), or correct the interface in the studio profile.",
    )
    name = info.name
    if not info.exists:
        message = translate("NetworkProbe", "The backup interface “{name}” does not exist.")
        return Finding(ProbeStatus.FAIL, "hotspot.missing", message.format(name=name), fix)
    if not info.is_up:
        message = translate("NetworkProbe", "The backup interface “{name}” is down.")
        return Finding(ProbeStatus.FAIL, "hotspot.down", message.format(name=name), fix)
    if info.carrier is False:
        message = translate(
            "NetworkProbe", "The backup interface “{name}” has no link (cable or Wi-Fi lost)."
        )
        return Finding(ProbeStatus.FAIL, "hotspot.no_carrier", message.format(name=name), fix)
    if not info.addresses:
        message = translate("NetworkProbe", "The backup interface “{name}” has no IP address.")
        return Finding(
            ProbeStatus.FAIL,
            "hotspot.no_address",
            message.format(name=name),
            translate("NetworkProbe", "Reconnect the hotspot so that it hands out an address (DHCP)."),
        )
    if info.has_route is False:
        message = translate("NetworkProbe", "There is no route to the ingest through “{name}”.")
        return Finding(
            ProbeStatus.FAIL,
            "hotspot.no_route",
            message.format(name=name),
            translate(
                "NetworkProbe",
                "The hotspot is connected but has no internet route; check the phone's mobile data.",
            ),
        )
    return None


def run_hotspot_probe(cfg: Any, cancel: threading.Event, deadline_s: float) -> ProbeResult:
    """The network measurements forced through ``cfg.interface``, plus what the OS says about it."""
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
    problem = hotspot_problem(info)
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
