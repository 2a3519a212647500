"""A live feed for metric samples: a small HTTP server on loopback. (Files are dropped into the workspace's
one drop folder, which ``liveroom.watch`` reads; its JSON files may carry this feed's request body.)

Another tool on the studio PC (a scraper of the platform's dashboard, an OBS script, a spreadsheet macro)
pushes samples while the show runs; see ``docs/metrics_feed.md`` for the protocol. The server is the
standard library's ``ThreadingHTTPServer`` in a daemon thread: the requests are tiny and few (one every
second at most), so a web framework would add weight and nothing else. It only binds to loopback.

Samples are handed to a ``sink(show_id, samples) -> int`` on the server's thread; the app's sink
(``metrics.live_feed.LiveFeed.receive``) stores them and queues them for the panel.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from studio_app.clock import Clock
from studio_app.i18n import translate
from studio_app.metrics.samples import FIELD_KIND, FieldKind, MetricField, Sample

log = logging.getLogger(__name__)

DEFAULT_FEED_PORT = 8765
MAX_BODY_BYTES = 1_000_000
MAX_SAMPLES_PER_REQUEST = 10_000

Sink = Callable[[str | None, Sequence[Sample]], int]

# Names a pushing tool may use besides the field names themselves; money without "_fen" is in yuan.
_ALIASES: dict[str, MetricField] = {
    "pcu": MetricField.ONLINE_VIEWERS,
    "online": MetricField.ONLINE_VIEWERS,
    "avg_watch_duration": MetricField.AVG_WATCH_SECONDS,
    "pay_gmv": MetricField.PAY_GMV_FEN,
    "refund_gmv": MetricField.REFUND_GMV_FEN,
}
_YUAN_KEYS = {"pay_gmv", "refund_gmv"}


class FeedError(ValueError):
    """A pushed sample is not valid; ``str()`` says what to fix (already translated)."""


def _number(key: str, value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise FeedError(
            translate("MetricsFeed", "{key}: expected a number, got {value!r}").format(key=key, value=value)
        )
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:
        raise FeedError(
            translate("MetricsFeed", "{key}: expected a number, got {value!r}").format(key=key, value=value)
        ) from exc
    if number < 0 or not number.is_finite():
        raise FeedError(translate("MetricsFeed", "{key}: must not be negative").format(key=key))
    return number


def parse_time(value: Any, now: datetime) -> datetime:
    if value is None:
        return now
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value / 1000.0 if value > 1e12 else value, UTC)
    if isinstance(value, str):
        try:
            at = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError as exc:
            raise FeedError(
                translate("MetricsFeed", "at: not an ISO 8601 time: {value}").format(value=value)
            ) from exc
        if at.tzinfo is None:
            raise FeedError(
                translate("MetricsFeed", "at: give the time zone, e.g. 2026-11-25T20:01:00+08:00")
            )
        return at.astimezone(UTC)
    raise FeedError(translate("MetricsFeed", "at: not a time: {value!r}").format(value=value))


def sample_from_json(obj: Any, now: datetime) -> Sample:
    """One pushed sample. Unknown keys are an error, so a typo does not silently drop a number."""
    if not isinstance(obj, Mapping):
        raise FeedError(translate("MetricsFeed", "each sample must be a JSON object"))
    values: dict[str, int | float] = {}
    unknown = []
    for key, raw in obj.items():
        if key == "at":
            continue
        field = _ALIASES.get(key)
        if field is None:
            try:
                field = MetricField(key)
            except ValueError:
                unknown.append(key)
                continue
        if raw is None:
            continue
        number = _number(key, raw)
        kind = FIELD_KIND[field]
        if kind is FieldKind.MONEY_FEN:
            values[field.value] = int((number * 100 if key in _YUAN_KEYS else number).quantize(Decimal(1)))
        elif kind is FieldKind.SECONDS:
            values[field.value] = float(number)
        else:
            if number != number.to_integral_value():
                raise FeedError(translate("MetricsFeed", "{key}: expected a whole number").format(key=key))
            values[field.value] = int(number)
    if unknown:
        raise FeedError(
            translate("MetricsFeed", "unknown field(s): {names}").format(names=", ".join(sorted(unknown)))
        )
    if not values:
        raise FeedError(translate("MetricsFeed", "the sample has no numbers"))
    return Sample(at=parse_time(obj.get("at"), now), **values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class FeedBatch:
    show_id: str | None
    samples: tuple[Sample, ...]


def batch_from_json(payload: Any, now: datetime) -> FeedBatch:
    """``{"show_id": ..., "samples": [...]}``, or a single sample object."""
    if not isinstance(payload, Mapping):
        raise FeedError(translate("MetricsFeed", "the body must be a JSON object"))
    show_id = payload.get("show_id")
    if show_id is not None and not isinstance(show_id, str):
        raise FeedError(translate("MetricsFeed", "show_id must be a string"))
    if "samples" in payload:
        items = payload["samples"]
        if not isinstance(items, list):
            raise FeedError(translate("MetricsFeed", "samples must be a list"))
    else:
        items = [{k: v for k, v in payload.items() if k != "show_id"}]
    if len(items) > MAX_SAMPLES_PER_REQUEST:
        raise FeedError(
            translate("MetricsFeed", "at most {n} samples per request").format(n=MAX_SAMPLES_PER_REQUEST)
        )
    samples = []
    for index, item in enumerate(items):
        try:
            samples.append(sample_from_json(item, now))
        except FeedError as exc:
            raise FeedError(
                translate("MetricsFeed", "sample {index}: {problem}").format(index=index, problem=exc)
            ) from exc
    return FeedBatch(show_id, tuple(samples))


class MetricsFeedServer:
    """``POST /v1/samples`` and ``GET /v1/health`` on loopback; :meth:`start`, then :meth:`stop`."""

    def __init__(
        self,
        sink: Sink,
        clock: Clock,
        host: str = "127.0.0.1",
        port: int = DEFAULT_FEED_PORT,
        token: str | None = None,
    ) -> None:
        if not ipaddress.ip_address(host).is_loopback:
            raise ValueError("the metrics feed only listens on loopback")
        self._sink = sink
        self._clock = clock
        self._token = token or None
        self._httpd = ThreadingHTTPServer((host, port), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None
        self.received_count = 0

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        host = self._httpd.server_address[0]
        host_text = host.decode() if isinstance(host, bytes) else str(host)
        return f"http://{host_text}:{self.port}"

    def start(self) -> None:
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="metrics-feed", daemon=True)
        self._thread.start()
        log.info("metrics feed listening on %s", self.url)

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                log.debug("feed: " + format, *args)

            def _reply(self, status: HTTPStatus, body: dict[str, Any]) -> None:
                data = json.dumps(body, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _authorised(self) -> bool:
                if server._token is None:
                    return True
                given = self.headers.get("Authorization", "")
                return given == f"Bearer {server._token}"

            def do_GET(self) -> None:
                if self.path.rstrip("/") != "/v1/health":
                    self._reply(HTTPStatus.NOT_FOUND, {"error": "not found"})
                    return
                self._reply(HTTPStatus.OK, {"ok": True, "received": server.received_count})

            def do_POST(self) -> None:
                if self.path.rstrip("/") != "/v1/samples":
                    self._reply(HTTPStatus.NOT_FOUND, {"error": "not found"})
                    return
                if not self._authorised():
                    self._reply(HTTPStatus.UNAUTHORIZED, {"error": "missing or wrong Authorization token"})
                    return
                try:
                    length = int(self.headers.get("Content-Length", "0"))
                except ValueError:
                    length = -1
                if length < 0 or length > MAX_BODY_BYTES:
                    self.close_connection = True
                    self._reply(
                        HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": f"body over {MAX_BODY_BYTES} bytes"}
                    )
                    return
                body = self.rfile.read(length)
                try:
                    batch = batch_from_json(json.loads(body.decode("utf-8")), server._clock.now())
                except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                    self._reply(HTTPStatus.BAD_REQUEST, {"error": f"not JSON: {exc}"})
                    return
                except FeedError as exc:
                    self._reply(HTTPStatus.BAD_REQUEST, {"error": str(exc)})
                    return
                try:
                    accepted = server._sink(batch.show_id, batch.samples)
                except FeedError as exc:  # e.g. no show is on air
                    self._reply(HTTPStatus.CONFLICT, {"error": str(exc)})
                    return
                except Exception:
                    log.exception("metrics feed sink failed")
                    self._reply(
                        HTTPStatus.SERVICE_UNAVAILABLE, {"error": "could not store the samples; retry"}
                    )
                    return
                server.received_count += accepted
                self._reply(HTTPStatus.OK, {"accepted": accepted})

        return Handler
