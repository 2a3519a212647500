"""Failover drill for the backup uplink (issue 10, item 7): does the stream path still work over the hotspot
when the main line is gone, and how long does the switch take?

Two variants, and the result says which one ran:

* ``route``: where the system allows it (Linux, ``CAP_NET_ADMIN``), the routes that carry traffic to the
  ingest over the main interface are taken away for the drill and put back afterwards, whatever happens.
  The drill then connects *unbound*, as the encoder would, so it measures what the computer itself does:
  the switch time runs from the route's removal to the first completed RTMP handshake, and the handshake's
  source address tells which interface carried it.
* ``bound``: without the privilege (or on macOS/Windows), nothing is taken away; sockets are bound to the
  hotspot (:func:`~studio_app.probes.interface.bind_socket_to_interface`). That proves the hotspot carries
  the stream path, not that the computer switches to it by itself, and the result says so.

The stream path is the RTMP handshake (:mod:`studio_app.probes.rtmp`) and, when the profile names an upload
target, a short upload to it (:mod:`studio_app.probes.upload_sink`) over the same path, judged against the
push bitrate. Every step has a timeout, and the whole drill a deadline, so it never hangs.
"""

from __future__ import annotations

import errno
import ipaddress
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from studio_app.i18n import translate
from studio_app.probes.hotspot import hotspot_problem, interface_info
from studio_app.probes.network import NetworkError, open_connection, parse_ingest, resolve
from studio_app.probes.result import Finding, ProbeResult, ProbeStatus
from studio_app.probes.rtmp import RtmpHandshakeError, rtmp_handshake
from studio_app.probes.thresholds import DrillThresholds
from studio_app.probes.upload_sink import UploadProtocolError, measure_upload

DRILL_PROBE = "failover"
DRILL_KINDS = ("failover",)
RETRY_S = 0.2  # between handshake attempts while the system looks for another route
IP_TIMEOUT_S = 3.0


class DrillMode(StrEnum):
    ROUTE = "route"  # the main route was taken away; the system picked the path
    BOUND = "bound"  # sockets bound to the hotspot; the main line stayed


@dataclass(frozen=True)
class DrillConfig:
    ingest: str
    hotspot: str
    upload_target: str | None = None
    push_bitrate_mbps: float = 4.0
    thresholds: Mapping[str, float] = field(default_factory=dict)
    switch_timeout_s: float = 15.0  # give up on the hotspot after this long without a handshake
    upload_seconds: float = 2.0
    allow_route_change: bool = True  # False: the bound variant even where taking the route is allowed


@dataclass(frozen=True)
class DrillOutcome:
    """What the drill measured, before it is judged."""

    mode: DrillMode
    mode_reason: str  # why the bound variant ran ("" for the route variant)
    interface: str
    main_interface: str | None
    routes_removed: int
    route_restored: bool
    switch_s: float | None  # None: no handshake over the hotspot within the timeout
    attempts: int
    last_error: str
    last_errno: int | None
    handshake_ms: float | None
    via_interface: str | None
    baseline_ok: bool  # the ingest answered over the normal path before anything was taken away
    upload_mbps: float | None = None
    upload_error: str = ""
    restore_commands: tuple[str, ...] = ()  # what to run by hand when putting the routes back failed


# ---------------------------------------------------------------- routes (pure parts)


def covering_routes(routes: Sequence[Mapping[str, Any]], device: str, target_ip: str) -> list[dict[str, Any]]:
    """The routes of ``device`` (as ``ip -j route show`` lists them) that can carry traffic to
    ``target_ip``: a default route, or a prefix containing the target."""
    target = ipaddress.ip_address(target_ip)
    found: list[dict[str, Any]] = []
    for route in routes:
        if route.get("dev") != device or route.get("type", "unicast") != "unicast":
            continue
        dst = route.get("dst", "")
        if dst == "default":
            found.append(dict(route))
            continue
        try:
            if target in ipaddress.ip_network(dst, strict=False):
                found.append(dict(route))
        except ValueError:
            continue
    return found


def route_spec(route: Mapping[str, Any]) -> list[str]:
    """The arguments after ``ip route add``/``del`` that name exactly this route and recreate it."""
    spec = [str(route.get("dst", "default"))]
    if route.get("gateway"):
        spec += ["via", str(route["gateway"])]
    spec += ["dev", str(route["dev"])]
    if route.get("protocol"):
        spec += ["proto", str(route["protocol"])]
    if route.get("scope"):
        spec += ["scope", str(route["scope"])]
    if route.get("prefsrc"):
        spec += ["src", str(route["prefsrc"])]
    if route.get("metric") is not None:
        spec += ["metric", str(route["metric"])]
    if "onlink" in route.get("flags", []):
        spec.append("onlink")
    return spec


class RouteChangeRefused(Exception):
    """The system does not let us take the route away; the message says why (for the result)."""


def _ip(family_flag: str, *args: str) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("ip")
    if tool is None:
        raise RouteChangeRefused(translate("Drill", "the “ip” tool is missing"))
    return subprocess.run(
        [tool, family_flag, *args], capture_output=True, text=True, timeout=IP_TIMEOUT_S, check=False
    )


def main_interface_for(target_ip: str) -> str | None:
    """The interface the system sends traffic to ``target_ip`` through now (Linux); None when unknown."""
    if not sys.platform.startswith("linux") or shutil.which("ip") is None:
        return None
    family = "-6" if ":" in target_ip else "-4"
    try:
        done = _ip(family, "-j", "route", "get", target_ip)
        answer = json.loads(done.stdout or "[]") if done.returncode == 0 else []
    except (OSError, subprocess.TimeoutExpired, ValueError, RouteChangeRefused):
        return None
    return str(answer[0]["dev"]) if answer and answer[0].get("dev") else None


class MainRouteRemoval:
    """Takes the routes to the target over ``device`` away, and puts them back."""

    def __init__(self, device: str, target_ip: str) -> None:
        self.device = device
        self.target_ip = target_ip
        self._family = "-6" if ":" in target_ip else "-4"
        self.removed: list[dict[str, Any]] = []
        self.taken = 0  # routes taken away (``removed`` empties as they are put back)
        self.restored = True
        self.failed_restores: list[str] = []

    def take_away(self) -> None:
        """Raises :class:`RouteChangeRefused` (with everything as it was) when the system refuses."""
        if not sys.platform.startswith("linux"):
            raise RouteChangeRefused(translate("Drill", "only Linux lets the drill take a route away"))
        try:
            listing = _ip(self._family, "-j", "route", "show", "table", "main")
            routes = covering_routes(json.loads(listing.stdout or "[]"), self.device, self.target_ip)
            for route in routes:
                done = _ip(self._family, "route", "del", *route_spec(route))
                if done.returncode != 0:
                    raise RouteChangeRefused(done.stderr.strip() or f"ip route del: {done.returncode}")
                self.removed.append(route)
                self.taken += 1
        except (OSError, subprocess.TimeoutExpired, ValueError) as exc:
            self.put_back()
            raise RouteChangeRefused(str(exc)) from exc
        except RouteChangeRefused:
            self.put_back()
            raise
        if not self.removed:
            raise RouteChangeRefused(
                translate("Drill", "no route of {iface} leads to the ingest").format(iface=self.device)
            )

    def put_back(self) -> None:
        for route in reversed(self.removed):
            spec = route_spec(route)
            try:
                done = _ip(self._family, "route", "replace", *spec)
                ok = done.returncode == 0
            except (OSError, subprocess.TimeoutExpired, RouteChangeRefused):
                ok = False
            if not ok:
                self.restored = False
                self.failed_restores.append(" ".join(["ip", self._family, "route", "replace", *spec]))
        self.removed = []


# ---------------------------------------------------------------- the drill


def _interface_of(address: str) -> str | None:
    import psutil

    for name, addrs in psutil.net_if_addrs().items():
        if any(a.address.split("%")[0] == address for a in addrs):
            return name
    return None


@dataclass
class _Attempts:
    count: int = 0
    last_error: str = ""
    last_errno: int | None = None


def _handshake(
    ip: str, port: int, interface: str | None, timeout_s: float, attempts: _Attempts
) -> tuple[float, str] | None:
    """One connect + RTMP handshake; (handshake ms, our source address), or None (the error is kept)."""
    attempts.count += 1
    try:
        with open_connection(ip, port, max(0.2, min(1.5, timeout_s)), interface) as sock:
            shake = rtmp_handshake(sock, max(0.2, min(2.0, timeout_s)))
            return shake.handshake_ms, str(sock.getsockname()[0])
    except (OSError, RtmpHandshakeError) as exc:
        attempts.last_error = str(exc) or type(exc).__name__
        attempts.last_errno = exc.errno if isinstance(exc, OSError) else None
        return None


def _until_handshake(
    ip: str,
    port: int,
    interface: str | None,
    timeout_s: float,
    cancel: threading.Event,
    attempts: _Attempts,
) -> tuple[float, float, str] | None:
    """Retry the handshake until one completes: (seconds from start, handshake ms, source address)."""
    started = time.monotonic()
    while not cancel.is_set():
        left = timeout_s - (time.monotonic() - started)
        if left <= 0.05:
            return None
        done = _handshake(ip, port, interface, left, attempts)
        if done is not None:
            return time.monotonic() - started, done[0], done[1]
        cancel.wait(min(RETRY_S, max(0.0, timeout_s - (time.monotonic() - started))))
    return None


def _upload(cfg: DrillConfig, interface: str | None, cancel: threading.Event) -> tuple[float | None, str]:
    if not cfg.upload_target:
        return None, ""

    def connect(host: str, port: int, timeout: float) -> socket.socket:
        return open_connection(resolve(host, port, min(2.0, timeout))[0], port, timeout, interface)

    try:
        measured = measure_upload(
            cfg.upload_target,
            cfg.upload_seconds,
            connect=connect,
            cancel=cancel,
            timeout_s=cfg.upload_seconds + 4.0,
        )
    except (OSError, NetworkError, UploadProtocolError, InterruptedError) as exc:
        return None, str(exc) or type(exc).__name__
    return measured.upload_mbps, ""


def _refused_result(
    code: str, message: str, fix: str, metrics: dict[str, Any], status: ProbeStatus
) -> ProbeResult:
    return ProbeResult(DRILL_PROBE, status, metrics, (Finding(status, code, message, fix),), 0.0, message)


def run_failover_drill(cfg: DrillConfig, cancel: threading.Event | None = None) -> ProbeResult:
    """Run the drill and judge it; problems come back as findings, never as exceptions or a hang."""
    cancel = cancel or threading.Event()
    started = time.monotonic()
    base: dict[str, Any] = {"interface": cfg.hotspot}
    try:
        endpoint = parse_ingest(cfg.ingest)
    except ValueError as exc:
        fix = translate("Drill", "Enter the ingest as rtmp://host[:port]/app in the studio profile.")
        return _refused_result("failover.bad_ingest", str(exc), fix, base, ProbeStatus.ERROR)
    try:
        target_ip, _ms = resolve(endpoint.host, endpoint.port, 3.0)
    except NetworkError as exc:
        return _refused_result("failover.ingest_unreachable", str(exc), exc.fix, base, ProbeStatus.FAIL)
    info = interface_info(cfg.hotspot, target_ip)
    problem = hotspot_problem(info)
    if problem is not None:
        # Nothing is taken away when the hotspot cannot carry anything: the show would lose its only line.
        result = _refused_result(problem.code, problem.message, problem.fix, base, ProbeStatus.FAIL)
        return _with_duration(result, started)

    baseline_ok = _handshake(target_ip, endpoint.port, None, 3.0, _Attempts()) is not None
    main_if = main_interface_for(target_ip)
    mode, reason = DrillMode.BOUND, ""
    removal: MainRouteRemoval | None = None
    attempts = _Attempts()
    if not cfg.allow_route_change:
        reason = translate("Drill", "asked for the bound variant")
    elif main_if is None:
        reason = translate("Drill", "this system does not say which interface carries the stream")
    elif main_if == cfg.hotspot:
        reason = translate("Drill", "the stream already goes through the hotspot")
    else:
        removal = MainRouteRemoval(main_if, target_ip)
        try:
            removal.take_away()
            mode = DrillMode.ROUTE
        except RouteChangeRefused as exc:
            reason = str(exc)
            removal = None
    try:
        bind_to = None if mode is DrillMode.ROUTE else cfg.hotspot
        got = _until_handshake(target_ip, endpoint.port, bind_to, cfg.switch_timeout_s, cancel, attempts)
        upload_mbps, upload_error = (None, "") if got is None else _upload(cfg, bind_to, cancel)
    finally:
        if removal is not None:
            removal.put_back()
    outcome = DrillOutcome(
        mode=mode,
        mode_reason=reason,
        interface=cfg.hotspot,
        main_interface=main_if,
        routes_removed=0 if removal is None else removal.taken,
        route_restored=removal is None or removal.restored,
        switch_s=None if got is None else got[0],
        attempts=attempts.count,
        last_error=attempts.last_error,
        last_errno=attempts.last_errno,
        handshake_ms=None if got is None else got[1],
        via_interface=None if got is None else _interface_of(got[2]),
        baseline_ok=baseline_ok,
        upload_mbps=upload_mbps,
        upload_error=upload_error,
        restore_commands=() if removal is None else tuple(removal.failed_restores),
    )
    return _with_duration(judge_drill(outcome, cfg), started)


def _with_duration(result: ProbeResult, started: float) -> ProbeResult:
    return replace(result, duration_s=time.monotonic() - started)


# ---------------------------------------------------------------- judging (pure)


def judge_drill(outcome: DrillOutcome, cfg: DrillConfig) -> ProbeResult:
    """The drill's verdict: NO-GO when the stream path fails over the hotspot, or the upload there cannot
    carry the push bitrate; warnings for a slow switch, another path, a tight upload."""
    th = DrillThresholds.from_mapping(cfg.thresholds)
    iface = outcome.interface
    metrics: dict[str, float | int | str | None] = {
        "mode": outcome.mode.value,
        "interface": iface,
        "main_interface": outcome.main_interface,
        "routes_removed": outcome.routes_removed,
        "route_restored": int(outcome.route_restored),
        "switch_s": None if outcome.switch_s is None else round(outcome.switch_s, 4),
        "handshake_ms": None if outcome.handshake_ms is None else round(outcome.handshake_ms, 1),
        "attempts": outcome.attempts,
        "via_interface": outcome.via_interface,
        "upload_mbps": None if outcome.upload_mbps is None else round(outcome.upload_mbps, 2),
    }
    findings: list[Finding] = []
    if not outcome.route_restored:
        findings.append(
            Finding(
                ProbeStatus.FAIL,
                "failover.restore_failed",
                translate("Drill", "The main line's route could not be put back after the drill."),
                translate("Drill", "Run as administrator: {commands}").format(
                    commands="; ".join(outcome.restore_commands)
                ),
            )
        )
    if outcome.switch_s is None:
        findings.append(_no_handshake_finding(outcome, cfg))
    else:
        if outcome.mode is DrillMode.ROUTE and outcome.via_interface not in (None, iface):
            findings.append(
                Finding(
                    ProbeStatus.WARN,
                    "failover.other_path",
                    translate(
                        "Drill",
                        "Without the main line the stream went through {via}, not the hotspot {iface}.",
                    ).format(via=outcome.via_interface, iface=iface),
                    translate(
                        "Drill",
                        "Unplug the other line before the show, or make the hotspot the backup route.",
                    ),
                )
            )
        if outcome.switch_s > th.drill_switch_warn_s:
            findings.append(
                Finding(
                    ProbeStatus.WARN,
                    "failover.slow_switch",
                    translate("Drill", "The switch to the hotspot took {s:.1f} s.").format(
                        s=outcome.switch_s
                    ),
                    translate(
                        "Drill",
                        "Viewers drop after a few seconds of black: keep the hotspot connected and ready "
                        "(screen on, sharing on) during the show.",
                    ),
                )
            )
        findings.extend(_upload_findings(outcome, cfg, th))
    if outcome.mode is DrillMode.BOUND:
        findings.append(
            Finding(
                ProbeStatus.PASS,
                "failover.bound",
                translate(
                    "Drill",
                    "Bound variant ({why}): the main line was not taken away, the drill's connections were "
                    "bound to the hotspot. This shows the hotspot carries the stream, not that the computer "
                    "switches to it by itself.",
                ).format(why=outcome.mode_reason),
                translate("Drill", "Run the drill as administrator to test the switch itself."),
            )
        )
    if outcome.mode is DrillMode.ROUTE:
        ok = translate("Drill", "The stream path works over the hotspot {iface}; the switch took {s:.1f} s.")
    else:
        ok = translate(
            "Drill",
            "The stream path works over the hotspot {iface} (bound variant: the main line was not taken "
            "away); the first handshake took {s:.1f} s.",
        )
    return ProbeResult.from_findings(
        DRILL_PROBE, metrics, findings, 0.0, ok.format(iface=iface, s=outcome.switch_s or 0.0)
    )


def _no_handshake_finding(outcome: DrillOutcome, cfg: DrillConfig) -> Finding:
    iface = outcome.interface
    why = outcome.last_error or translate("Drill", "no answer")
    if not outcome.baseline_ok:
        return Finding(
            ProbeStatus.FAIL,
            "failover.ingest_unreachable",
            translate(
                "Drill",
                "The ingest does not answer, over the main line nor over the hotspot {iface} ({why}).",
            ).format(iface=iface, why=why),
            translate(
                "Drill", "Check the ingest address in the studio profile and that the ingest server is up."
            ),
        )
    if outcome.mode is DrillMode.ROUTE and outcome.last_errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        fix = translate(
            "Drill",
            "When the main line fails this computer has no route over the hotspot: connect the hotspot "
            "in the network settings as a line for the internet (not only for the phone), then repeat "
            "the drill.",
        )
    else:
        fix = translate(
            "Drill",
            "The hotspot is connected but does not carry traffic to the ingest: check the phone's mobile "
            "data, signal and data plan, and that hotspot sharing is on; then repeat the drill.",
        )
    return Finding(
        ProbeStatus.FAIL,
        "failover.hotspot_broken",
        translate(
            "Drill",
            "The stream could not reach the ingest over the hotspot {iface} within {s:.0f} s ({why}).",
        ).format(iface=iface, s=cfg.switch_timeout_s, why=why),
        fix,
    )


def _upload_findings(outcome: DrillOutcome, cfg: DrillConfig, th: DrillThresholds) -> list[Finding]:
    if not cfg.upload_target:
        return [
            Finding(
                ProbeStatus.PASS,
                "failover.no_upload",
                translate(
                    "Drill", "No upload target in the profile: the upload over the hotspot was not measured."
                ),
                "",
            )
        ]
    if outcome.upload_mbps is None:
        return [
            Finding(
                ProbeStatus.FAIL,
                "failover.upload_failed",
                translate("Drill", "The upload over the hotspot failed ({why}).").format(
                    why=outcome.upload_error
                ),
                translate("Drill", "Check the upload target in the studio profile, then repeat the drill."),
            )
        ]
    bitrate = cfg.push_bitrate_mbps
    # OBS recommends pushing at 70 % of the measured upload; that is the bitrate the backup line can take.
    suggested_kbps = round(outcome.upload_mbps * 700.0) // 100 * 100
    if outcome.upload_mbps < bitrate * th.drill_upload_fail_ratio:
        return [
            Finding(
                ProbeStatus.FAIL,
                "failover.upload_low",
                translate(
                    "Drill", "Over the hotspot only {mbps:.1f} Mbit/s went up; the push needs {need:.1f}."
                ).format(mbps=outcome.upload_mbps, need=bitrate),
                translate(
                    "Drill",
                    "On the backup line lower the push bitrate to {kbps} kbit/s, or move the phone to a "
                    "place with better signal.",
                ).format(kbps=suggested_kbps),
            )
        ]
    if outcome.upload_mbps < bitrate * th.drill_upload_warn_ratio:
        return [
            Finding(
                ProbeStatus.WARN,
                "failover.upload_tight",
                translate(
                    "Drill",
                    "Over the hotspot {mbps:.1f} Mbit/s went up: little room above the push's {need:.1f}.",
                ).format(mbps=outcome.upload_mbps, need=bitrate),
                translate("Drill", "Consider {kbps} kbit/s as the push bitrate on the backup line.").format(
                    kbps=suggested_kbps
                ),
            )
        ]
    return []
