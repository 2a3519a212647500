"""What the on-air watch reads about the lines: the uplink's RTT and loss, its upload headroom, and whether
the backup hotspot is ready.

Upload headroom is measured without sending anything. A paced upload probe during the show would compete
with the stream exactly when the line is tight, and on a shared line it cannot tell its own share from the
stream's. Instead the watch reads the transmit byte counter of the interface that carries the stream
(``psutil.net_io_counters(pernic=True)``; the kernel counts every byte anyway) and subtracts that rate from
the upload the pre-show check measured at the far end. Both numbers are honest about what they are: the
capacity is as old as the last check, and the counter includes every upload on that interface (another
program's upload eats headroom just as the stream does, so it should count).

The analysis (:class:`LossWindow`, :class:`TxRate`, :func:`classify_hotspot`) is pure and takes times and
counters as arguments; the readers around them do the I/O, on the watch's pool thread.
"""

from __future__ import annotations

import socket
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from studio_app.probes.hotspot import InterfaceInfo, hotspot_problem, link_state
from studio_app.probes.interface import interface_addresses
from studio_app.probes.watch import HotspotLink

LOSS_WINDOW = 30  # RTT probes; at one every 2 s, the last minute
LOSS_MIN_SAMPLES = 5  # fewer say nothing about loss


class LossWindow:
    """The share of the last ``size`` probes that got no answer."""

    def __init__(self, size: int = LOSS_WINDOW) -> None:
        self._answered: deque[bool] = deque(maxlen=size)

    def add(self, rtt_ms: float | None) -> None:
        self._answered.append(rtt_ms is not None)

    def loss_pct(self) -> float | None:
        if len(self._answered) < LOSS_MIN_SAMPLES:
            return None
        return 100.0 * self._answered.count(False) / len(self._answered)


class UplinkProbe:
    """One TCP-connect RTT per read, kept in a loss window the loss sensor reads (read the RTT first)."""

    def __init__(self, measure_rtt_ms: Callable[[], float | None], window: LossWindow | None = None) -> None:
        self._measure = measure_rtt_ms
        self.window = window or LossWindow()

    def rtt_ms(self) -> float | None:
        rtt = self._measure()
        self.window.add(rtt)
        return rtt

    def loss_pct(self) -> float | None:
        return self.window.loss_pct()


class TxRate:
    """Mbit/s from successive readings of a transmit byte counter."""

    def __init__(self) -> None:
        self._last: tuple[int, float] | None = None

    def update(self, bytes_sent: int, at_s: float) -> float | None:
        """The rate since the previous reading; None for the first one or after the counter went back
        (the interface was re-created, or a 32-bit counter wrapped)."""
        last, self._last = self._last, (bytes_sent, at_s)
        if last is None or bytes_sent < last[0] or at_s <= last[1]:
            return None
        return (bytes_sent - last[0]) * 8 / (at_s - last[1]) / 1e6


def route_interface(ip: str, port: int) -> str | None:
    """The interface the system sends traffic to ``ip`` through: connecting a UDP socket picks the route
    and the source address without sending a packet, and that address belongs to one interface. Works on
    Linux, macOS and Windows alike."""
    import psutil

    family = socket.AF_INET6 if ":" in ip else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as sock:
            sock.connect((ip, port))
            source = str(sock.getsockname()[0])
    except OSError:
        return None
    for name, addrs in psutil.net_if_addrs().items():
        if any(a.address.split("%")[0] == source for a in addrs):
            return name
    return None


def interface_tx_bytes(interface: str) -> int | None:
    import psutil

    counters = psutil.net_io_counters(pernic=True).get(interface)
    return None if counters is None else int(counters.bytes_sent)


@dataclass
class UplinkHeadroom:
    """Headroom = the upload the pre-show check measured − what the stream's interface sends now."""

    capacity_mbps: float
    find_interface: Callable[[], str | None]
    tx_bytes: Callable[[str], int | None] = interface_tx_bytes
    monotonic: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        self._rate = TxRate()
        self._interface: str | None = None

    def measure(self) -> float | None:
        if self._interface is None:
            self._interface = self.find_interface()
            if self._interface is None:
                return None
        sent = self.tx_bytes(self._interface)
        if sent is None:
            self._interface = None  # the interface went away; look again next time
            return None
        used = self._rate.update(sent, self.monotonic())
        return None if used is None else self.capacity_mbps - used


def classify_hotspot(info: InterfaceInfo, reachable: bool) -> HotspotLink:
    """The hotspot's state from what the OS says about it and whether the ingest answered through it."""
    problem = hotspot_problem(info)
    codes = {
        "hotspot.missing": HotspotLink.MISSING,
        "hotspot.down": HotspotLink.DOWN,
        "hotspot.no_carrier": HotspotLink.NO_CARRIER,
        "hotspot.no_address": HotspotLink.NO_ADDRESS,
        "hotspot.no_route": HotspotLink.UNREACHABLE,
    }
    if problem is not None:
        return codes.get(problem.code, HotspotLink.UNREACHABLE)
    return HotspotLink.READY if reachable else HotspotLink.UNREACHABLE


def link_info(interface: str) -> InterfaceInfo:
    """What the OS says about the link, without the route lookup and NetworkManager call the check makes
    (the watch asks every few seconds; the reachability probe answers for the route)."""
    import psutil

    stats = psutil.net_if_stats().get(interface)
    if stats is None:
        return InterfaceInfo(interface, False, False, (), None, "unknown")
    is_up, has_carrier = link_state(stats)
    return InterfaceInfo(interface, True, is_up, interface_addresses(interface), None, "unknown", has_carrier)


@dataclass
class HotspotWatch:
    """Reads the backup hotspot's state: link, carrier, address, and one connect to the ingest through it."""

    interface: str
    rtt_through: Callable[[str], float | None]  # one RTT to the ingest bound to the interface, None: none

    def measure(self) -> float:
        info = link_info(self.interface)
        if hotspot_problem(info) is not None:
            return float(classify_hotspot(info, False))
        return float(classify_hotspot(info, self.rtt_through(self.interface) is not None))
