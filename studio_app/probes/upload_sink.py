"""Upload measurement: the client pushes bytes, the *far end* says how many it received, per interval.

A sender's own count overshoots by what sits in its socket buffers (iperf3's sender reads ~8 % high after
3 s on an 8 Mbit/s link), so the truth is what the receiver saw. The protocol is plain HTTP/1.1, so the
backend can serve it next to its API and a standalone sink (:func:`serve_upload_sink`) can serve it alone::

    POST /upload-probe?seconds=3&interval_ms=250 HTTP/1.1
    Transfer-Encoding: chunked            (or Content-Length)
    <payload bytes, as fast as the link takes them>

    HTTP/1.1 200 OK
    Content-Type: application/json
    {"protocol": "studio-upload/1", "interval_s": 0.25, "bytes": [n0, n1, ...], "total_bytes": N,
     "elapsed_s": 3.0}

The server starts its clock at the first payload byte, counts payload bytes into ``interval_ms`` buckets,
and answers as soon as ``seconds`` have passed (or when the body ends); after answering it reads and
discards the rest of the body so that the client gets the answer rather than a reset. The client stops
sending when the answer arrives. :class:`IntervalCounter` is the server-side counting, shared with the
backend's ASGI endpoint. :func:`sustained_mbps` turns a report into the number the probe judges.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import select
import socket
import socketserver
import struct
import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

PROTOCOL = "studio-upload/1"
PATH = "/upload-probe"
MAX_SECONDS = 30.0
_CHUNK = 64 * 1024


class UploadProtocolError(ValueError):
    """A request or a report that does not follow the protocol."""


@dataclass(frozen=True)
class UploadReport:
    interval_s: float
    bytes_per_interval: tuple[int, ...]
    total_bytes: int
    elapsed_s: float

    def to_json(self) -> str:
        return json.dumps(
            {
                "protocol": PROTOCOL,
                "interval_s": self.interval_s,
                "bytes": list(self.bytes_per_interval),
                "total_bytes": self.total_bytes,
                "elapsed_s": round(self.elapsed_s, 4),
            }
        )

    @staticmethod
    def from_json(text: str | bytes) -> UploadReport:
        try:
            data = json.loads(text)
            if data.get("protocol") != PROTOCOL:
                raise UploadProtocolError(f"not a {PROTOCOL} report")
            return UploadReport(
                interval_s=float(data["interval_s"]),
                bytes_per_interval=tuple(int(b) for b in data["bytes"]),
                total_bytes=int(data["total_bytes"]),
                elapsed_s=float(data["elapsed_s"]),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            if isinstance(exc, UploadProtocolError):
                raise
            raise UploadProtocolError(f"malformed upload report: {exc}") from exc


class IntervalCounter:
    """Counts received payload bytes into fixed intervals from the first byte, for ``seconds``."""

    def __init__(
        self, seconds: float, interval_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if not (0 < seconds <= MAX_SECONDS) or not (0.01 <= interval_s <= seconds):
            raise UploadProtocolError("seconds must be in (0, 30] and interval_ms in [10, seconds]")
        self.seconds = seconds
        self.interval_s = interval_s
        self._clock = clock
        self._buckets = [0] * round(seconds / interval_s)
        self._start: float | None = None
        self._total = 0

    def add(self, nbytes: int) -> bool:
        """Count ``nbytes`` received now; True once the measuring time is over."""
        now = self._clock()
        if self._start is None:
            self._start = now
        index = int((now - self._start) / self.interval_s)
        if index >= len(self._buckets):
            return True
        self._buckets[index] += nbytes
        self._total += nbytes
        return False

    @property
    def done(self) -> bool:
        return self._start is not None and self._clock() - self._start >= self.seconds

    def report(self) -> UploadReport:
        elapsed = 0.0 if self._start is None else min(self.seconds, self._clock() - self._start)
        # Only intervals that have fully elapsed (or been passed) are meaningful.
        full = min(len(self._buckets), int(elapsed / self.interval_s + 1e-9))
        return UploadReport(self.interval_s, tuple(self._buckets[:full]), self._total, elapsed)


async def receive_upload(
    chunks: AsyncIterator[bytes],
    seconds: float,
    interval_s: float,
    clock: Callable[[], float] = time.monotonic,
) -> UploadReport:
    """The server side for an ASGI app: count an upload body's chunks (e.g. Starlette's
    ``request.stream()``) and stop once ``seconds`` have passed; answer the returned report as JSON."""
    counter = IntervalCounter(seconds, interval_s, clock)
    async for chunk in chunks:
        if counter.add(len(chunk)):
            break
    return counter.report()


def parse_request_target(target: str) -> tuple[float, float]:
    """(seconds, interval_s) from ``/upload-probe?seconds=3&interval_ms=250``."""
    parts = urlsplit(target)
    if not parts.path.rstrip("/").endswith(PATH):
        raise UploadProtocolError(f"unknown path {parts.path!r}")
    query = parse_qs(parts.query)
    try:
        seconds = float(query.get("seconds", ["3"])[0])
        interval_s = float(query.get("interval_ms", ["250"])[0]) / 1000.0
    except ValueError as exc:
        raise UploadProtocolError(str(exc)) from exc
    return seconds, interval_s


def sustained_mbps(report: UploadReport, warmup_s: float = 0.5) -> float:
    """Mean received rate over the full intervals after a warm-up (TCP slow start, a shaper's burst)."""
    skip = round(warmup_s / report.interval_s)
    kept = report.bytes_per_interval[skip:] or report.bytes_per_interval
    if not kept:
        return 0.0
    return sum(kept) * 8 / (len(kept) * report.interval_s) / 1e6


# --- server ------------------------------------------------------------------------------------------


class _ChunkedBody:
    """Incremental decoder of a chunked body: feed raw bytes, get how many were payload."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self._remaining = 0  # payload bytes left in the current chunk
        self._need_crlf = False
        self.finished = False

    def feed(self, data: bytes) -> int:
        payload = 0
        if self._remaining >= len(data) and not self._buf:  # the common case: inside a large chunk
            self._remaining -= len(data)
            self._need_crlf = self._remaining == 0
            return len(data)
        buf = self._buf
        buf += data
        while not self.finished:
            if self._remaining:
                take = min(self._remaining, len(buf))
                payload += take
                self._remaining -= take
                del buf[:take]
                if self._remaining:
                    break
                self._need_crlf = True
            if self._need_crlf:
                if len(buf) < 2:
                    break
                del buf[:2]
                self._need_crlf = False
            end = buf.find(b"\r\n")
            if end < 0:
                if len(buf) > 1024:
                    raise UploadProtocolError("chunk size line too long")
                break
            size_text = bytes(buf[:end]).split(b";")[0].strip()
            try:
                size = int(size_text, 16)
            except ValueError as exc:
                raise UploadProtocolError(f"bad chunk size {size_text!r}") from exc
            del buf[: end + 2]
            if size == 0:
                self.finished = True
            self._remaining = size
        return payload


class _SinkHandler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        sock: socket.socket = self.request
        sock.settimeout(10)
        head = b""
        while b"\r\n\r\n" not in head:
            data = sock.recv(4096)
            if not data:
                return
            head += data
            if len(head) >= 5 and not head.startswith(b"POST "):
                self._reply(sock, 400, {"error": "this endpoint only takes POST " + PATH})
                return
            if len(head) > 16384:
                self._reply(sock, 431, {"error": "header too large"})
                return
        header_bytes, body_start = head.split(b"\r\n\r\n", 1)
        lines = header_bytes.decode("latin-1").split("\r\n")
        try:
            method, target, _version = lines[0].split(" ", 2)
            headers = {
                k.strip().lower(): v.strip()
                for k, v in (line.split(":", 1) for line in lines[1:] if ":" in line)
            }
            if method != "POST":
                raise UploadProtocolError("use POST")
            seconds, interval_s = parse_request_target(target)
            counter = IntervalCounter(seconds, interval_s)
        except (UploadProtocolError, ValueError) as exc:
            self._reply(sock, 400, {"error": str(exc)})
            return
        chunked = headers.get("transfer-encoding", "").lower() == "chunked"
        length = int(headers.get("content-length", "0") or 0)
        decoder = _ChunkedBody() if chunked else None
        received = 0

        def consume(data: bytes) -> bool:
            nonlocal received
            payload = decoder.feed(data) if decoder else min(len(data), length - received)
            received += payload
            return counter.add(payload) if payload else counter.done

        finished = consume(body_start) if body_start else False
        body_done = lambda: decoder.finished if decoder else received >= length  # noqa: E731
        buf = bytearray(256 * 1024)
        while not finished and not body_done():
            n = sock.recv_into(buf)
            if n == 0:
                break
            finished = consume(bytes(buf[:n]))
        self._reply(sock, 200, counter.report().to_json())
        # Drain what the client still has in flight, so it reads our answer instead of a reset.
        sock.settimeout(2.0)
        try:
            while not body_done() and sock.recv_into(buf):
                pass
        except OSError:
            pass

    @staticmethod
    def _reply(sock: socket.socket, status: int, body: dict[str, str] | str) -> None:
        text = body if isinstance(body, str) else json.dumps(body)
        payload = text.encode()
        reason = {200: "OK", 400: "Bad Request", 431: "Request Header Fields Too Large"}[status]
        head = (
            f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(payload)}\r\nConnection: close\r\n\r\n"
        )
        with contextlib.suppress(OSError):
            sock.sendall(head.encode() + payload)


class UploadSinkServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__((host, port), _SinkHandler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def start_background(self) -> UploadSinkServer:
        threading.Thread(target=self.serve_forever, name="upload-sink", daemon=True).start()
        return self

    def close(self) -> None:
        self.shutdown()
        self.server_close()


def serve_upload_sink(host: str, port: int) -> None:
    """Serve the upload protocol on ``host:port`` until interrupted (the standalone sink)."""
    with UploadSinkServer(host, port) as server:
        server.serve_forever()


# --- client ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UploadMeasurement:
    upload_mbps: float  # sustained, as received by the far end
    report: UploadReport
    sent_bytes: int
    seconds_used: float  # wall time of the whole measurement, connect to answer


def parse_upload_target(url: str) -> tuple[str, int, str]:
    """(host, port, path) of ``http://host:port/path`` (the path defaults to the protocol's)."""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    if parts.scheme != "http" or not parts.hostname:
        raise UploadProtocolError(f"upload target must be http://host:port/path, not {url!r}")
    path = parts.path if parts.path not in ("", "/") else PATH
    return parts.hostname, parts.port or 80, path


def measure_upload(
    url: str,
    seconds: float = 3.0,
    interval_ms: int = 250,
    connect: Callable[[str, int, float], socket.socket] | None = None,
    cancel: threading.Event | None = None,
    timeout_s: float | None = None,
) -> UploadMeasurement:
    """Push bytes to an upload sink for ``seconds`` and return what it says it received.

    ``connect(host, port, timeout)`` opens the TCP connection (the network probe passes one that binds to
    the hotspot interface). Raises ``OSError`` for network failures and :class:`UploadProtocolError` for a
    far end that does not speak the protocol.
    """
    host, port, path = parse_upload_target(url)
    started = time.monotonic()
    limit = started + (timeout_s if timeout_s is not None else seconds + 5.0)
    opener = connect or (lambda h, p, t: socket.create_connection((h, p), timeout=t))
    sock = opener(host, port, max(0.5, min(3.0, limit - time.monotonic())))
    try:
        sock.setblocking(False)
        request = (
            f"POST {path}?seconds={seconds:g}&interval_ms={interval_ms} HTTP/1.1\r\nHost: {host}:{port}\r\n"
            "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n"
            "Connection: close\r\n\r\n"
        ).encode()
        chunk = f"{_CHUNK:x}\r\n".encode() + bytes(_CHUNK) + b"\r\n"
        pending = memoryview(request + chunk)
        sent = 0
        answer = b""
        body_closed = False
        # Keep the pipe full until the sink answers; stop offering data after seconds + grace.
        stop_sending_at = started + seconds + 1.5
        while True:
            now = time.monotonic()
            if now > limit:
                raise TimeoutError("the upload sink did not answer in time")
            if cancel is not None and cancel.is_set():
                raise InterruptedError("cancelled")
            if not body_closed and now > stop_sending_at:
                pending = memoryview(bytes(pending) + b"0\r\n\r\n")
                body_closed = True
            want_write = len(pending) > 0 or not body_closed
            readable, writable, _ = select.select([sock], [sock] if want_write else [], [], 0.05)
            if readable:
                data = sock.recv(65536)
                if not data:
                    break
                answer += data
                if _response_complete(answer):
                    break
                continue
            if writable:
                if not pending and not body_closed:
                    pending = memoryview(chunk)
                try:
                    n = sock.send(pending)
                except (BlockingIOError, InterruptedError):
                    continue
                except (BrokenPipeError, ConnectionResetError):
                    # The sink answered and closed; read what it said.
                    sock.setblocking(True)
                    sock.settimeout(max(0.1, limit - time.monotonic()))
                    answer += _read_rest(sock)
                    break
                sent += n
                pending = pending[n:]
        report = _parse_response(answer)
    finally:
        # Drop what is still queued in our send buffer (possibly seconds of data on a slow line) with a
        # reset instead of letting the kernel keep sending it: it would compete with whatever runs next.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
    return UploadMeasurement(sustained_mbps(report), report, sent, time.monotonic() - started)


def _read_rest(sock: socket.socket) -> bytes:
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except OSError:
        pass
    return data


def _response_complete(answer: bytes) -> bool:
    if b"\r\n\r\n" not in answer:
        return False
    head, body = answer.split(b"\r\n\r\n", 1)
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value.strip())
    return False


def _parse_response(answer: bytes) -> UploadReport:
    if b"\r\n\r\n" not in answer:
        raise UploadProtocolError("the upload sink closed the connection without an answer")
    head, body = answer.split(b"\r\n\r\n", 1)
    status_line = head.split(b"\r\n", 1)[0].decode("latin-1")
    parts = status_line.split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/"):
        raise UploadProtocolError(f"not an HTTP answer: {status_line!r}")
    if parts[1] != "200":
        raise UploadProtocolError(f"the upload sink answered {status_line!r}: {body[:200]!r}")
    return UploadReport.from_json(body)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Standalone upload-measurement sink (studio-upload/1).")
    parser.add_argument("--host", default="0.0.0.0")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    print(f"upload sink on http://{args.host}:{args.port}{PATH}", flush=True)
    serve_upload_sink(args.host, args.port)


if __name__ == "__main__":
    main()
