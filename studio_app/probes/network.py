"""The uplink to the platform: DNS, TCP connect, a real RTMP handshake, RTT/jitter/loss, upload throughput.

RTT samples are TCP connect times (SYN → SYN/ACK, answered by the far kernel), so they work against the
ingest itself without any help from it; a sample that does not complete within ``sample_timeout_s`` (under
the 1 s SYN retransmission time) counts as lost. Jitter is the RFC 3550 §6.4.1 estimator over successive
RTTs. Upload is measured with :mod:`studio_app.probes.upload_sink` against the studio's measurement
endpoint, never by publishing to a real platform ingest.
"""

from __future__ import annotations

import errno
import itertools
import json
import math
import shutil
import socket
import ssl
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from studio_app.i18n import translate
from studio_app.probes.interface import InterfaceError, bind_socket_to_interface, interface_addresses
from studio_app.probes.result import Finding, ProbeResult, ProbeStatus
from studio_app.probes.rtmp import RtmpHandshakeError, rtmp_handshake
from studio_app.probes.upload_sink import UploadProtocolError, measure_upload

RTMP_PORT = 1935
RTMPS_PORT = 443


@dataclass(frozen=True)
class NetworkThresholds:
    """Names match the studio profile's threshold keys, so a profile's overrides apply directly."""

    rtt_warn_ms: float = 400.0  # Twilio network test
    jitter_warn_ms: float = 30.0
    loss_warn_pct: float = 1.0
    loss_fail_pct: float = 10.0
    upload_fail_ratio: float = 1.5  # sustained upload below 1.5× the push bitrate fails (issue 3)
    upload_warn_ratio: float = 2.0

    @staticmethod
    def from_mapping(overrides: Mapping[str, float]) -> NetworkThresholds:
        known = set(NetworkThresholds.__dataclass_fields__)
        return NetworkThresholds(**{k: float(v) for k, v in overrides.items() if k in known})


def upload_fail_line_mbps(push_bitrate_mbps: float, overrides: Mapping[str, float]) -> float:
    """The upload below which the check fails, for a push of ``push_bitrate_mbps`` (the graph draws it)."""
    return push_bitrate_mbps * NetworkThresholds.from_mapping(overrides).upload_fail_ratio


@dataclass(frozen=True)
class NetworkConfig:
    ingest: str  # rtmp://host[:port]/app, rtmps://..., or host:port
    upload_target: str | None = None  # http://host:port/upload-probe (the studio's sink)
    push_bitrate_mbps: float = 4.0
    interface: str | None = None  # bind every socket to this interface (the backup hotspot)
    rtt_samples: int = 10
    upload_seconds: float = 3.0
    thresholds: Mapping[str, float] = field(default_factory=dict)  # a profile's flat overrides
    # The same two settings in the units a studio profile stores them; they win when given.
    push_bitrate_kbps: int | None = None
    duration_s: float | None = None

    @property
    def bitrate_mbps(self) -> float:
        return self.push_bitrate_kbps / 1000.0 if self.push_bitrate_kbps else self.push_bitrate_mbps

    @property
    def upload_s(self) -> float:
        return self.duration_s if self.duration_s else self.upload_seconds


@dataclass(frozen=True)
class Endpoint:
    scheme: str  # "rtmp", "rtmps" or "tcp"
    host: str
    port: int
    app: str = ""


class NetworkError(RuntimeError):
    def __init__(self, message: str, code: str, status: ProbeStatus = ProbeStatus.FAIL, fix: str = ""):
        super().__init__(message)
        self.code = code
        self.status = status
        self.fix = fix


def parse_ingest(text: str) -> Endpoint:
    """``rtmp://host[:port]/app`` or ``host:port``; ValueError with a message in the UI language."""
    raw = text.strip()
    if "://" in raw:
        parts = urlsplit(raw)
        if parts.scheme not in ("rtmp", "rtmps") or not parts.hostname:
            raise ValueError(
                translate("NetworkProbe", "“{url}” is not an rtmp://host[:port]/app address.").format(
                    url=text
                )
            )
        try:
            port = parts.port or (RTMPS_PORT if parts.scheme == "rtmps" else RTMP_PORT)
        except ValueError as exc:
            raise ValueError(
                translate("NetworkProbe", "“{url}” has an invalid port.").format(url=text)
            ) from exc
        return Endpoint(parts.scheme, parts.hostname, port, parts.path.strip("/"))
    host, sep, port_text = raw.rpartition(":")
    if not sep or not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(
            translate("NetworkProbe", "“{url}” is neither rtmp://host[:port]/app nor host:port.").format(
                url=text
            )
        )
    return Endpoint("tcp", host.strip("[]"), int(port_text))


# --- primitives --------------------------------------------------------------------------------------


def resolve(host: str, port: int, timeout_s: float) -> tuple[str, float]:
    """(first IPv4/IPv6 address, milliseconds) — getaddrinfo in a helper thread so the deadline holds."""
    box: dict[str, object] = {}
    done = threading.Event()

    def lookup() -> None:
        try:
            box["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            box["error"] = exc
        finally:
            done.set()

    started = time.perf_counter()
    threading.Thread(target=lookup, name="dns-lookup", daemon=True).start()
    if not done.wait(timeout_s):
        raise NetworkError(
            translate("NetworkProbe", "DNS did not answer for “{host}” within {s:.1f} s.").format(
                host=host, s=timeout_s
            ),
            "network.dns_timeout",
            fix=translate(
                "NetworkProbe", "Check the DNS server of this network (router settings) or try another line."
            ),
        )
    elapsed_ms = (time.perf_counter() - started) * 1000.0
    if "error" in box:
        raise NetworkError(
            translate("NetworkProbe", "DNS cannot resolve “{host}” ({why}).").format(
                host=host, why=box["error"]
            ),
            "network.dns_failed",
            fix=translate(
                "NetworkProbe",
                "Check the ingest address for typos, and that this computer has internet access.",
            ),
        )
    infos = box["infos"]
    assert isinstance(infos, list)
    inet = [i for i in infos if i[0] == socket.AF_INET] or infos
    return str(inet[0][4][0]), elapsed_ms


def open_connection(ip: str, port: int, timeout_s: float, interface: str | None = None) -> socket.socket:
    """A TCP connection, bound to ``interface`` when given; OSError on failure."""
    family = socket.AF_INET6 if ":" in ip else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if interface:
            bind_socket_to_interface(sock, interface)
        sock.settimeout(timeout_s)
        sock.connect((ip, port))
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock
    except BaseException:
        sock.close()
        raise


def connect_error(exc: OSError, host: str, port: int, interface: str | None) -> NetworkError:
    where = translate("NetworkProbe", " via {iface}").format(iface=interface) if interface else ""
    if isinstance(exc, InterfaceError):
        return NetworkError(
            str(exc),
            "network.interface",
            fix=translate("NetworkProbe", "Check the interface name in the profile."),
        )
    if isinstance(exc, ConnectionRefusedError):
        return NetworkError(
            translate(
                "NetworkProbe", "{host}:{port} refused the connection{where}: nothing listens on that port."
            ).format(host=host, port=port, where=where),
            "network.refused",
            fix=translate("NetworkProbe", "Check the ingest port in the studio profile (RTMP uses 1935)."),
        )
    if isinstance(exc, TimeoutError):
        return NetworkError(
            translate("NetworkProbe", "No answer from {host}:{port}{where}.").format(
                host=host, port=port, where=where
            ),
            "network.connect_timeout",
            fix=translate(
                "NetworkProbe", "A firewall may block the port, or the line is down; try the backup line."
            ),
        )
    if exc.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return NetworkError(
            translate("NetworkProbe", "No route to {host}{where}.").format(host=host, where=where),
            "network.unreachable",
            fix=translate(
                "NetworkProbe",
                "This line has no internet route; check the router or the hotspot's mobile data.",
            ),
        )
    return NetworkError(
        translate("NetworkProbe", "Cannot connect to {host}:{port}{where} ({why}).").format(
            host=host, port=port, where=where, why=exc
        ),
        "network.connect_failed",
    )


def rfc3550_jitter(samples_ms: Sequence[float]) -> float:
    """RFC 3550 §6.4.1 interarrival jitter over successive RTTs: J += (|D| − J) / 16.

    Started at the first |D| instead of 0, so that a short series (10 probes) is not biased to 0 while
    the 1/16 filter warms up; on a long series (the on-air watch) the start value is forgotten.
    """
    if len(samples_ms) < 2:
        return 0.0
    diffs = [abs(b - a) for a, b in itertools.pairwise(samples_ms)]
    jitter = diffs[0]
    for d in diffs[1:]:
        jitter += (d - jitter) / 16.0
    return jitter


@dataclass(frozen=True)
class RttStats:
    samples_ms: tuple[float, ...]  # the answered probes, in order
    sent: int
    received: int
    min_ms: float | None
    median_ms: float | None
    mean_ms: float | None
    max_ms: float | None
    jitter_ms: float | None
    loss_pct: float

    @staticmethod
    def from_samples(samples_ms: Sequence[float], sent: int) -> RttStats:
        got = tuple(samples_ms)
        if not got:
            return RttStats((), sent, 0, None, None, None, None, None, 100.0 if sent else 0.0)
        return RttStats(
            samples_ms=got,
            sent=sent,
            received=len(got),
            min_ms=min(got),
            median_ms=statistics.median(got),
            mean_ms=statistics.fmean(got),
            max_ms=max(got),
            jitter_ms=rfc3550_jitter(got),
            loss_pct=100.0 * (sent - len(got)) / sent if sent else 0.0,
        )


def measure_rtt(
    host: str,
    port: int,
    samples: int,
    interface: str | None = None,
    sample_timeout_s: float = 0.9,
    budget_s: float | None = None,
    cancel: threading.Event | None = None,
) -> RttStats:
    """``samples`` TCP connect times to ``host:port`` (an IP, or a name resolved once).

    A refused connection still measures the round trip (the RST comes back), so it counts as answered.
    Stops early at ``budget_s`` or ``cancel``; only probes actually sent count towards loss.
    """
    ip = host
    try:
        socket.inet_pton(socket.AF_INET6 if ":" in host else socket.AF_INET, host)
    except OSError:
        ip, _ms = resolve(host, port, 2.0)
    started = time.monotonic()
    got: list[float] = []
    sent = 0
    for _ in range(samples):
        if cancel is not None and cancel.is_set():
            break
        remaining = None if budget_s is None else budget_s - (time.monotonic() - started)
        if remaining is not None and remaining < 0.05:
            break
        timeout = sample_timeout_s if remaining is None else min(sample_timeout_s, remaining)
        sent += 1
        family = socket.AF_INET6 if ":" in ip else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            if interface:
                bind_socket_to_interface(sock, interface)
            sock.settimeout(timeout)
            t0 = time.perf_counter()
            try:
                sock.connect((ip, port))
            except ConnectionRefusedError:
                pass  # the RST is an answer
            except OSError:
                continue  # timed out or unreachable: lost
            got.append((time.perf_counter() - t0) * 1000.0)
    return RttStats.from_samples(got, sent)


def measure_upload_iperf3(
    url: str, seconds: float, interface: str | None = None, timeout_s: float | None = None
) -> tuple[float, float]:
    """(receiver-side Mbit/s, wall seconds) of an ``iperf3`` upload to ``iperf3://host[:port]``.

    iperf3's sender-side figure overshoots on short runs (socket buffers); its receiver sum is used.
    ``-t`` takes whole seconds. Raises :class:`NetworkError` when iperf3 is missing or fails.
    """
    parts = urlsplit(url)
    if parts.scheme != "iperf3" or not parts.hostname:
        raise UploadProtocolError(f"not an iperf3://host[:port] address: {url!r}")
    tool = shutil.which("iperf3")
    if tool is None:
        raise NetworkError(
            translate("NetworkProbe", "iperf3 is not installed on this computer."),
            "network.upload_failed",
            ProbeStatus.ERROR,
            translate("NetworkProbe", "Install iperf3, or use the studio backend's /upload-probe address."),
        )
    args = [
        tool,
        "-c",
        parts.hostname,
        "-p",
        str(parts.port or 5201),
        "-t",
        str(max(1, round(seconds))),
        "-J",
    ]
    if interface:
        if sys.platform.startswith("linux"):
            args += ["--bind-dev", interface]
        else:
            addresses = interface_addresses(interface)
            if addresses:
                args += ["-B", addresses[0]]
    started = time.monotonic()
    try:
        done = subprocess.run(
            args, capture_output=True, text=True, timeout=timeout_s or seconds + 10, check=False
        )
        report = json.loads(done.stdout or "{}")
    except subprocess.TimeoutExpired as exc:
        raise TimeoutError("iperf3 did not finish in time") from exc
    except json.JSONDecodeError as exc:
        raise UploadProtocolError(f"iperf3 printed no JSON: {done.stderr.strip()[:200]}") from exc
    if "error" in report:
        raise UploadProtocolError(f"iperf3: {report['error']}")
    try:
        bps = float(report["end"]["sum_received"]["bits_per_second"])
    except (KeyError, TypeError, ValueError) as exc:
        raise UploadProtocolError("iperf3's JSON has no receiver sum") from exc
    return bps / 1e6, time.monotonic() - started


# --- the probe ---------------------------------------------------------------------------------------


def _r(value: float | None, digits: int = 2) -> float | None:
    return None if value is None or not math.isfinite(value) else round(value, digits)


def run_network_probe(
    cfg: NetworkConfig, cancel: threading.Event, deadline_s: float, probe_name: str = "network"
) -> ProbeResult:
    started = time.monotonic()

    def left() -> float:
        return deadline_s - (time.monotonic() - started)

    th = NetworkThresholds.from_mapping(cfg.thresholds)
    metrics: dict[str, float | int | str | None] = {
        "dns_ms": None,
        "connect_ms": None,
        "rtmp_handshake_ms": None,
        "rtt_ms": None,
        "jitter_ms": None,
        "loss_pct": None,
        "upload_mbps": None,
    }
    findings: list[Finding] = []

    def finish(ok_message: str) -> ProbeResult:
        return ProbeResult.from_findings(
            probe_name, metrics, findings, time.monotonic() - started, ok_message
        )

    try:
        endpoint = parse_ingest(cfg.ingest)
    except ValueError as exc:
        findings.append(
            Finding(
                ProbeStatus.FAIL,
                "network.bad_ingest",
                str(exc),
                translate("NetworkProbe", "Correct the ingest address in the studio profile."),
            )
        )
        return finish("")
    metrics["ingest"] = f"{endpoint.host}:{endpoint.port}"
    try:
        ip, dns_ms = resolve(endpoint.host, endpoint.port, min(2.0, max(0.1, left() - 0.5)))
        metrics["dns_ms"] = _r(dns_ms)
        t0 = time.perf_counter()
        try:
            sock = open_connection(ip, endpoint.port, min(2.0, max(0.1, left() - 0.5)), cfg.interface)
        except OSError as exc:
            raise connect_error(exc, endpoint.host, endpoint.port, cfg.interface) from exc
        metrics["connect_ms"] = _r((time.perf_counter() - t0) * 1000.0)
        try:
            if endpoint.scheme == "rtmps":
                context = ssl.create_default_context()
                sock = context.wrap_socket(sock, server_hostname=endpoint.host)
            shake = rtmp_handshake(sock, timeout_s=min(2.0, max(0.1, left() - 0.5)))
            metrics["rtmp_handshake_ms"] = _r(shake.handshake_ms)
        except (RtmpHandshakeError, ssl.SSLError, OSError) as exc:
            raise NetworkError(
                translate(
                    "NetworkProbe", "{host}:{port} is reachable but the RTMP handshake failed: {why}"
                ).format(host=endpoint.host, port=endpoint.port, why=exc),
                "network.rtmp_failed",
                fix=translate(
                    "NetworkProbe",
                    "Check that the address is the platform's RTMP ingest (rtmp://…), not a web page.",
                ),
            ) from exc
        finally:
            sock.close()
    except NetworkError as exc:
        findings.append(Finding(exc.status, exc.code, str(exc), exc.fix))
        return finish("")

    # RTT gets what is left after reserving the upload's time.
    upload_s = min(cfg.upload_s, max(0.0, left() - 1.5)) if cfg.upload_target else 0.0
    rtt_budget = max(0.2, min(3.0, left() - upload_s - (1.2 if cfg.upload_target else 0.2)))
    try:
        rtt = measure_rtt(
            ip, endpoint.port, cfg.rtt_samples, cfg.interface, budget_s=rtt_budget, cancel=cancel
        )
    except InterfaceError as exc:
        findings.append(Finding(ProbeStatus.ERROR, "network.interface", str(exc), ""))
        return finish("")
    metrics["rtt_ms"] = _r(rtt.median_ms)
    metrics["rtt_min_ms"] = _r(rtt.min_ms)
    metrics["rtt_max_ms"] = _r(rtt.max_ms)
    metrics["jitter_ms"] = _r(rtt.jitter_ms)
    metrics["loss_pct"] = _r(rtt.loss_pct, 1)
    metrics["rtt_samples"] = rtt.sent
    _judge_rtt(rtt, th, findings)

    if cancel.is_set():
        findings.append(
            Finding(
                ProbeStatus.SKIPPED,
                "network.cancelled",
                translate("NetworkProbe", "The network check was cancelled."),
                "",
            )
        )
        return finish("")
    if not cfg.upload_target:
        findings.append(
            Finding(
                ProbeStatus.WARN,
                "network.upload_unmeasured",
                translate(
                    "NetworkProbe", "Upload speed not measured: no measurement endpoint in the profile."
                ),
                translate(
                    "NetworkProbe",
                    "Set the studio's upload test address (the backend's /upload-probe) in the profile.",
                ),
            )
        )
    elif upload_s < 0.75:
        findings.append(
            Finding(
                ProbeStatus.WARN,
                "network.upload_unmeasured",
                translate("NetworkProbe", "No time left to measure the upload speed."),
                "",
            )
        )
    else:
        _measure_and_judge_upload(cfg, upload_s, left, cancel, th, metrics, findings)
    return finish(
        translate("NetworkProbe", "Network OK: RTT {rtt} ms, upload {up} Mbit/s.").format(
            rtt=metrics["rtt_ms"], up="—" if metrics["upload_mbps"] is None else metrics["upload_mbps"]
        )
    )


def _judge_rtt(rtt: RttStats, th: NetworkThresholds, findings: list[Finding]) -> None:
    if rtt.sent and not rtt.received:
        findings.append(
            Finding(
                ProbeStatus.FAIL,
                "network.no_answers",
                translate("NetworkProbe", "None of {n} round-trip probes was answered.").format(n=rtt.sent),
                translate("NetworkProbe", "The line is dropping everything; switch to the backup line."),
            )
        )
        return
    if rtt.loss_pct >= th.loss_fail_pct or rtt.loss_pct > th.loss_warn_pct:
        status = ProbeStatus.FAIL if rtt.loss_pct >= th.loss_fail_pct else ProbeStatus.WARN
        findings.append(
            Finding(
                status,
                "network.loss",
                translate("NetworkProbe", "{pct:.0f} % of round-trip probes were lost.").format(
                    pct=rtt.loss_pct
                ),
                translate(
                    "NetworkProbe", "Use a wired connection instead of Wi-Fi, or switch to the backup line."
                ),
            )
        )
    if rtt.median_ms is not None and rtt.median_ms > th.rtt_warn_ms:
        findings.append(
            Finding(
                ProbeStatus.WARN,
                "network.rtt_high",
                translate("NetworkProbe", "Round-trip time is high: {ms:.0f} ms.").format(ms=rtt.median_ms),
                translate(
                    "NetworkProbe",
                    "Pick an ingest server closer to the studio, or stop other uploads on this line.",
                ),
            )
        )
    if rtt.jitter_ms is not None and rtt.jitter_ms > th.jitter_warn_ms:
        findings.append(
            Finding(
                ProbeStatus.WARN,
                "network.jitter_high",
                translate("NetworkProbe", "The delay varies a lot: jitter {ms:.0f} ms.").format(
                    ms=rtt.jitter_ms
                ),
                translate(
                    "NetworkProbe", "Use a wired connection and stop downloads on this line during the show."
                ),
            )
        )


def _measure_and_judge_upload(
    cfg: NetworkConfig,
    upload_s: float,
    left: Callable[[], float],
    cancel: threading.Event,
    th: NetworkThresholds,
    metrics: dict[str, float | int | str | None],
    findings: list[Finding],
) -> None:
    assert cfg.upload_target is not None
    remaining = left()

    def connect(host: str, port: int, timeout: float) -> socket.socket:
        ip, _ms = resolve(host, port, min(2.0, timeout))
        return open_connection(ip, port, timeout, cfg.interface)

    try:
        if cfg.upload_target.startswith("iperf3://"):
            mbps, used_s = measure_upload_iperf3(
                cfg.upload_target, upload_s, cfg.interface, timeout_s=max(0.5, remaining - 0.1)
            )
        else:
            measured = measure_upload(
                cfg.upload_target,
                seconds=upload_s,
                connect=connect,
                cancel=cancel,
                timeout_s=max(0.5, remaining - 0.1),
            )
            mbps, used_s = measured.upload_mbps, measured.seconds_used
    except NetworkError as exc:
        findings.append(Finding(ProbeStatus.ERROR, "network.upload_failed", str(exc), exc.fix))
        return
    except UploadProtocolError as exc:
        findings.append(
            Finding(
                ProbeStatus.ERROR,
                "network.upload_failed",
                translate(
                    "NetworkProbe",
                    "The upload test address does not answer like a measurement endpoint ({why}).",
                ).format(why=exc),
                translate(
                    "NetworkProbe", "Set the upload test address to the studio backend's /upload-probe."
                ),
            )
        )
        return
    except InterruptedError:
        findings.append(
            Finding(
                ProbeStatus.SKIPPED,
                "network.cancelled",
                translate("NetworkProbe", "The network check was cancelled."),
                "",
            )
        )
        return
    except OSError as exc:
        findings.append(
            Finding(
                ProbeStatus.ERROR,
                "network.upload_failed",
                translate("NetworkProbe", "The upload test failed ({why}).").format(why=exc),
                translate("NetworkProbe", "Check that the upload test address is reachable from this line."),
            )
        )
        return
    metrics["upload_mbps"] = _r(mbps)
    metrics["upload_seconds"] = _r(used_s)
    need = cfg.bitrate_mbps
    if mbps < th.upload_fail_ratio * need or mbps < th.upload_warn_ratio * need:
        status = ProbeStatus.FAIL if mbps < th.upload_fail_ratio * need else ProbeStatus.WARN
        ratio = th.upload_fail_ratio if status is ProbeStatus.FAIL else th.upload_warn_ratio
        findings.append(
            Finding(
                status,
                "network.upload_low",
                translate(
                    "NetworkProbe",
                    "Upload {mbps:.1f} Mbit/s is below {ratio:g}× the push bitrate ({need:.1f} Mbit/s).",
                ).format(mbps=mbps, ratio=ratio, need=need),
                translate(
                    "NetworkProbe",
                    "Lower the push bitrate in the streaming software, stop other uploads (cloud "
                    "sync, cameras), or switch to a faster line.",
                ),
            )
        )
