"""Real network parts for the network and hotspot probes: nginx-rtmp, a namespace lab, a user-space netem.

``NetLab`` builds a server namespace reached from this (root) namespace over two veth links:

    root ns                                   server ns  (nginx-rtmp :1935, upload sink :8765, iperf3 :5201)
    <p>m0 10.A.B.1/30  ── tbf 8 Mbit/s ──►   <p>m1 10.A.B.2/30      the "main line"
    <p>h0 10.A.B.5/30  ── tbf 4 Mbit/s ──►   <p>h1 10.A.B.6/30      the "backup hotspot"
    <p>t0 10.A.B.9     ── TUN relay ──────►  <p>t1 10.A.B.10         delay and loss injected in user space

The service address 10.A.B.100 (on the server's loopback) is routed over the main line (metric 10) and
over the hotspot (metric 100), like a laptop with Ethernet and a phone: unbound traffic takes the main
line, a socket bound to the hotspot interface takes the hotspot. This kernel has no netem, so the TUN
relay (:class:`TunRelay`) moves IP packets between two TUN devices itself, delaying and dropping them.
Everything is torn down even when a test fails.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import heapq
import ipaddress
import json
import os
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest
from support import free_port, require_root, require_tool

NGINX_RTMP_MODULE = "/usr/lib/nginx/modules/ngx_rtmp_module.so"
REPO = Path(__file__).resolve().parents[2]


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=20, check=check)


def wait_for_port(
    host: str, port: int, timeout_s: float = 10.0, proc: subprocess.Popen | None = None
) -> None:
    """Poll until a TCP port accepts (an external server starting up)."""
    import socket

    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        if proc is not None and proc.poll() is not None:
            err = proc.stderr.read() if proc.stderr else ""
            raise RuntimeError(f"{proc.args!r} exited: {err}")
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)  # an external process is starting; nothing of ours to wait on
    raise TimeoutError(f"{host}:{port} did not open within {timeout_s} s")


def wait_for_carrier(interface: str, timeout_s: float = 5.0) -> None:
    """The kernel raises a veth's carrier a moment after both ends are up (its link watch runs later)."""
    end = time.monotonic() + timeout_s
    while "running" not in psutil.net_if_stats()[interface].flags.split(","):
        assert time.monotonic() < end, f"{interface} got no carrier"
        time.sleep(0.02)  # the kernel's own delay; nothing of ours to wait on


def stop_process(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
    for stream in (proc.stdout, proc.stderr):
        if stream:
            stream.close()


# --- nginx with the RTMP module ------------------------------------------------------------------------


@dataclass
class Nginx:
    proc: subprocess.Popen
    host: str
    port: int
    prefix: Path

    @property
    def ingest(self) -> str:
        return f"rtmp://{self.host}:{self.port}/live"


def start_nginx(host: str, port: int, netns: str | None = None) -> Nginx:
    nginx = require_tool("nginx", "/usr/sbin/nginx")
    if not os.path.exists(NGINX_RTMP_MODULE):
        require_tool("ngx_rtmp_module", NGINX_RTMP_MODULE)
    prefix = Path(tempfile.mkdtemp(prefix="studio-nginx-"))
    (prefix / "logs").mkdir()
    conf = prefix / "nginx.conf"
    conf.write_text(
        f"""
load_module {NGINX_RTMP_MODULE};
daemon off;
master_process off;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 256; }}
rtmp {{
    server {{
        listen {host}:{port};
        application live {{
            live on;
            deny publish all;  # a test ingest that can never be published to
        }}
    }}
}}
"""
    )
    cmd = [nginx, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "logs" / "error.log")]
    if netns:
        cmd = ["ip", "netns", "exec", netns, *cmd]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return Nginx(proc, host, port, prefix)


@pytest.fixture(scope="session")
def nginx_rtmp() -> Iterator[Nginx]:
    """nginx-rtmp on loopback: the test ingest."""
    server = start_nginx("127.0.0.1", free_port())
    try:
        wait_for_port(server.host, server.port, proc=server.proc)
        yield server
    finally:
        stop_process(server.proc)
        shutil.rmtree(server.prefix, ignore_errors=True)


# --- user-space netem between two TUN devices ------------------------------------------------------------

TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000
CLONE_NEWNET = 0x40000000
_libc = ctypes.CDLL(None, use_errno=True)


def _setns(fd: int) -> None:
    if _libc.setns(fd, CLONE_NEWNET) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))


def open_tun(name: str, netns: str | None = None) -> int:
    """A TUN device (raw IP, no packet info) created in ``netns`` (this thread switches there and back)."""
    box: dict[str, object] = {}

    def create() -> None:
        home = os.open("/proc/self/ns/net", os.O_RDONLY)
        target = os.open(f"/var/run/netns/{netns}", os.O_RDONLY) if netns else None
        try:
            if target is not None:
                _setns(target)
            fd = os.open("/dev/net/tun", os.O_RDWR)
            fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
            box["fd"] = fd
        except OSError as exc:
            box["error"] = exc
        finally:
            if target is not None:
                _setns(home)  # namespaces are per thread; this thread ends anyway
                os.close(target)
            os.close(home)

    worker = threading.Thread(target=create)
    worker.start()
    worker.join()
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return int(box["fd"])  # type: ignore[call-overload]


def _is_syn(packet: bytes) -> bool:
    """An IPv4 TCP segment with SYN set and ACK clear (a connection attempt)."""
    if len(packet) < 20 or packet[0] >> 4 != 4 or packet[9] != 6:
        return False
    ihl = (packet[0] & 0x0F) * 4
    if len(packet) < ihl + 14:
        return False
    flags = packet[ihl + 13]
    return bool(flags & 0x02) and not flags & 0x10


@dataclass
class Impairment:
    delay_ms: float = 0.0  # each direction
    drop_every_nth_syn: int = 0  # 4: every 4th connection attempt is lost (deterministic loss)
    syn_extra_delay_ms: tuple[float, ...] = ()  # cycled per SYN: (0, 40) makes RTTs alternate by 40 ms


class TunRelay:
    """Moves packets between two TUN fds with the given impairment, on its own thread."""

    def __init__(self, fd_a: int, fd_b: int, impairment: Impairment) -> None:
        self.fds = (fd_a, fd_b)
        self.impairment = impairment
        self.syns = 0
        self.dropped = 0
        self._queue: list[tuple[float, int, int, bytes]] = []
        self._seq = 0
        self._stop_r, self._stop_w = os.pipe()
        self._thread = threading.Thread(target=self._loop, name="tun-relay", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        fd_a, fd_b = self.fds
        other = {fd_a: fd_b, fd_b: fd_a}
        while True:
            timeout = None
            if self._queue:
                timeout = max(0.0, self._queue[0][0] - time.monotonic())
            readable, _, _ = select.select([fd_a, fd_b, self._stop_r], [], [], timeout)
            if self._stop_r in readable:
                return
            now = time.monotonic()
            for fd in readable:
                packet = os.read(fd, 65535)
                delay = self.impairment.delay_ms
                if fd == fd_a and _is_syn(packet):
                    self.syns += 1
                    n = self.impairment.drop_every_nth_syn
                    if n and self.syns % n == 0:
                        self.dropped += 1
                        continue
                    extra = self.impairment.syn_extra_delay_ms
                    if extra:
                        delay += extra[(self.syns - 1) % len(extra)]
                self._seq += 1
                heapq.heappush(self._queue, (now + delay / 1000.0, self._seq, other[fd], packet))
            now = time.monotonic()
            while self._queue and self._queue[0][0] <= now:
                _due, _seq, out_fd, packet = heapq.heappop(self._queue)
                with contextlib.suppress(OSError):
                    os.write(out_fd, packet)

    def close(self) -> None:
        os.write(self._stop_w, b"x")
        self._thread.join(5)
        for fd in (*self.fds, self._stop_r, self._stop_w):
            os.close(fd)


# --- the namespace lab ---------------------------------------------------------------------------------


@dataclass
class NetLab:
    prefix: str  # interface name prefix, e.g. "st4821"
    netns: str
    net: ipaddress.IPv4Network
    procs: list[subprocess.Popen] = field(default_factory=list)
    relay: TunRelay | None = None

    def ip(self, host: int) -> str:
        return str(self.net.network_address + host)

    @property
    def main_if(self) -> str:
        return f"{self.prefix}m0"

    @property
    def hotspot_if(self) -> str:
        return f"{self.prefix}h0"

    @property
    def tun_if(self) -> str:
        return f"{self.prefix}t0"

    @property
    def service_ip(self) -> str:
        return self.ip(100)

    @property
    def relay_ip(self) -> str:
        return self.ip(10)

    @property
    def ingest(self) -> str:
        return f"rtmp://{self.service_ip}:1935/live"

    @property
    def main_route(self) -> tuple[str, ...]:
        """The main line's route to the service, as ``ip route add`` takes it."""
        return (f"{self.service_ip}/32", "via", self.ip(2), "dev", self.main_if, "metric", "10")

    @property
    def hotspot_route(self) -> tuple[str, ...]:
        """The hotspot's route to the service: its own gateway, a worse metric than the main line."""
        return (f"{self.service_ip}/32", "via", self.ip(6), "dev", self.hotspot_if, "metric", "100")

    @property
    def upload_url(self) -> str:
        return f"http://{self.service_ip}:8765/upload-probe"

    def ns(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return run("ip", "netns", "exec", self.netns, *args, check=check)

    def start_in_ns(self, *args: str) -> subprocess.Popen:
        proc = subprocess.Popen(
            ["ip", "netns", "exec", self.netns, *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        self.procs.append(proc)
        return proc

    def shape(self, interface: str, rate: str) -> None:
        run(
            "tc",
            "qdisc",
            "replace",
            "dev",
            interface,
            "root",
            "tbf",
            "rate",
            rate,
            "burst",
            "32kbit",
            "latency",
            "400ms",
        )

    def impair(self, impairment: Impairment) -> None:
        """Route the relay path through a fresh user-space netem with these impairments."""
        self.clear_impairment()
        fd_root = open_tun(self.tun_if)
        fd_ns = open_tun(f"{self.prefix}t1", self.netns)
        run("ip", "addr", "add", self.ip(9), "peer", self.ip(10), "dev", self.tun_if)
        run("ip", "link", "set", self.tun_if, "up")
        self.ns("ip", "addr", "add", self.ip(10), "peer", self.ip(9), "dev", f"{self.prefix}t1")
        self.ns("ip", "link", "set", f"{self.prefix}t1", "up")
        self.relay = TunRelay(fd_root, fd_ns, impairment)

    def clear_impairment(self) -> None:
        if self.relay is not None:
            self.relay.close()  # closing the fds deletes the (non-persistent) TUN devices
            self.relay = None


def _free_subnet() -> ipaddress.IPv4Network:
    used = run("ip", "-j", "route", "show", "table", "all", check=False).stdout
    taken = {r.get("dst", "") for r in json.loads(used or "[]")}
    base = os.getpid()
    for i in range(200):
        net = ipaddress.IPv4Network(f"10.{200 + (base + i) % 50}.{(base // 50 + 7 * i) % 250}.0/24")
        if not any(t.startswith(f"{net.network_address}".rsplit(".", 1)[0] + ".") for t in taken):
            return net
    raise RuntimeError("no free 10.x subnet for the test lab")


def _destroy(lab: NetLab) -> None:
    lab.clear_impairment()
    for proc in lab.procs:
        stop_process(proc)
    # Deleting the namespace removes its ends of the veths, which removes our ends too.
    run("ip", "netns", "del", lab.netns, check=False)
    for suffix in ("m0", "h0", "t0"):
        run("ip", "link", "del", f"{lab.prefix}{suffix}", check=False)


def _remove_stale_labs() -> None:
    """Labs of test processes that were killed (no teardown ran): their pid is in the name."""
    listing = run("ip", "-j", "netns", "list", check=False).stdout
    for entry in json.loads(listing or "[]"):
        name = entry.get("name", "")
        if name.startswith("studio-st") and name[9:].isdigit() and not os.path.exists(f"/proc/{name[9:]}"):
            _destroy(NetLab(name[7:], name, ipaddress.IPv4Network("10.0.0.0/24")))


@contextmanager
def build_netlab() -> Iterator[NetLab]:
    """Build the lab (root needed), yield it, and tear it down whatever happens."""
    _remove_stale_labs()
    tag = f"st{os.getpid()}"  # ≤ 15 characters with the suffixes (pid_max is 2**22)
    lab = NetLab(tag, f"studio-{tag}", _free_subnet())
    try:
        run("ip", "netns", "add", lab.netns)
        lab.ns("ip", "link", "set", "lo", "up")
        lab.ns("ip", "addr", "add", f"{lab.service_ip}/32", "dev", "lo")
        for ours, theirs, a, b in (("m0", "m1", 1, 2), ("h0", "h1", 5, 6)):
            run("ip", "link", "add", f"{tag}{ours}", "type", "veth", "peer", "name", f"{tag}{theirs}")
            run("ip", "link", "set", f"{tag}{theirs}", "netns", lab.netns)
            run("ip", "addr", "add", f"{lab.ip(a)}/30", "dev", f"{tag}{ours}")
            run("ip", "link", "set", f"{tag}{ours}", "up")
            lab.ns("ip", "addr", "add", f"{lab.ip(b)}/30", "dev", f"{tag}{theirs}")
            lab.ns("ip", "link", "set", f"{tag}{theirs}", "up")
        run("ip", "route", "add", *lab.main_route)
        run("ip", "route", "add", *lab.hotspot_route)
        lab.shape(lab.main_if, "8mbit")
        lab.shape(lab.hotspot_if, "4mbit")
        nginx = start_nginx("0.0.0.0", 1935, netns=lab.netns)
        lab.procs.append(nginx.proc)
        sink = lab.start_in_ns(
            sys.executable, "-m", "studio_app.probes.upload_sink", "--host", "0.0.0.0", "--port", "8765"
        )
        wait_for_port(lab.ip(2), 1935, proc=nginx.proc)
        wait_for_port(lab.ip(2), 8765, proc=sink)
        yield lab
    finally:
        _destroy(lab)


@pytest.fixture(scope="module")
def netlab() -> Iterator[NetLab]:
    require_root("network namespaces, veth pairs and tc need root")
    for tool in ("ip", "tc"):
        require_tool(tool)
    require_tool("nginx", "/usr/sbin/nginx")
    if not os.path.exists("/dev/net/tun"):
        require_tool("/dev/net/tun", "/dev/net/tun")
    with build_netlab() as lab:
        yield lab


def iperf3_server(lab: NetLab, port: int = 5201) -> subprocess.Popen:
    proc = lab.start_in_ns(shutil.which("iperf3") or "iperf3", "-s", "-p", str(port))
    wait_for_port(lab.ip(2), port, proc=proc)
    return proc
