"""The remote's HTTP server: Starlette routes run by uvicorn on a worker thread of the desktop app.

Qt's own HTTP and WebSocket servers are not in the PySide6-Essentials wheels the app ships, so the server
is Starlette on uvicorn (pure Python, small, the same stack as the head-office backend). It never touches
the prompter: a command becomes a :class:`RemoteCommand` handed to a :data:`CommandSink` (the Qt side
queues it for the GUI thread and answers through a future); the GUI thread publishes every new
:class:`RemoteState` with :meth:`RemoteServer.publish`, which is safe from any thread. The live channel
is server-sent events: one direction is all it needs (commands are plain POSTs, which a Stream Deck can
send too), browsers reconnect by themselves, and it needs no WebSocket package.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import threading
import time
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from studio_app.i18n import translate
from studio_app.paths import resource_path
from studio_app.remote.commands import CommandError, RemoteCommand, parse_command
from studio_app.remote.page_text import page_strings
from studio_app.remote.pairing import PairingService, RateLimiter
from studio_app.remote.state import RemoteState, ScriptBlock

log = logging.getLogger(__name__)

KEEPALIVE_S = 5.0  # also how soon a revoked pairing's open live channel is closed
COMMAND_TIMEOUT_S = 5.0  # the GUI thread answers in milliseconds; longer means it is stuck
MAX_BODY_BYTES = 16 * 1024


@dataclass(frozen=True)
class CommandOutcome:
    ok: bool
    message: str = ""  # why the prompter refused (no show open, no such emergency script, ...)


CommandSink = Callable[[RemoteCommand], "Future[CommandOutcome]"]


class RemoteServerError(OSError):
    """The server could not start (port taken, address not on this machine); the message says which."""


class StateHub:
    """The latest state and script, and every open live channel. ``publish`` may be called from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state: dict[str, Any] = RemoteState().to_json()
        self._blocks: tuple[ScriptBlock, ...] = ()
        self._seq = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._queues: set[asyncio.Queue[str | None]] = set()

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

    def publish(self, state: RemoteState, blocks: tuple[ScriptBlock, ...] | None = None) -> None:
        with self._lock:
            self._seq += 1
            data = state.to_json()
            data["seq"] = self._seq
            self._state = data
            if blocks is not None:
                self._blocks = blocks
            payload = json.dumps(data, ensure_ascii=False)
            loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._fan_out, payload)

    def state(self) -> dict[str, Any]:
        with self._lock:
            return self._state

    def script(self) -> dict[str, Any]:
        with self._lock:
            return {
                "script_key": self._state.get("script_key", ""),
                "blocks": [
                    {"segment_index": b.segment_index, "heading": b.heading, "text": b.text}
                    for b in self._blocks
                ],
            }

    def state_payload(self) -> str:
        return json.dumps(self.state(), ensure_ascii=False)

    # On the server's loop only:
    def _fan_out(self, payload: str | None) -> None:
        for queue in self._queues:
            # Latest state wins: a slow page skips states it had no time to show.
            while not queue.empty():
                queue.get_nowait()
            queue.put_nowait(payload)

    def subscribe(self) -> asyncio.Queue[str | None]:
        queue: asyncio.Queue[str | None] = asyncio.Queue()
        self._queues.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[str | None]) -> None:
        self._queues.discard(queue)

    def close_channels(self) -> None:
        """End every live channel (from any thread), so the server can stop without waiting for them."""
        with self._lock:
            loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._fan_out, None)


def _error(status: int, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers or None)


def bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.query_params.get("token", "")


def build_app(
    hub: StateHub, pairing: PairingService, limiter: RateLimiter, sink: CommandSink, stopping: threading.Event
) -> Starlette:
    async def authorised(request: Request) -> int | Response:
        client = request.client.host if request.client else "?"
        if limiter.blocked(client):
            wait_s = max(1, round(limiter.retry_after_s(client)))
            return _error(
                429,
                translate("RemoteServer", "Too many failed attempts; try again in {s} s.").format(s=wait_s),
                **{"Retry-After": str(wait_s)},
            )
        pairing_id = await run_in_threadpool(pairing.authenticate, bearer_token(request))
        if pairing_id is None:
            limiter.failed(client)
            log.warning("remote: refused a request from %s without a valid pairing", client)
            return _error(
                401,
                translate("RemoteServer", "Pair this device first: scan the QR code in Studio Console."),
                **{"WWW-Authenticate": "Bearer"},
            )
        return pairing_id

    async def get_state(request: Request) -> Response:
        who = await authorised(request)
        if isinstance(who, Response):
            return who
        return Response(hub.state_payload(), media_type="application/json")

    async def get_script(request: Request) -> Response:
        who = await authorised(request)
        if isinstance(who, Response):
            return who
        return JSONResponse(hub.script())

    async def get_time(request: Request) -> Response:
        who = await authorised(request)
        if isinstance(who, Response):
            return who
        return JSONResponse({"t": time.time()})

    async def get_strings(request: Request) -> Response:
        return JSONResponse(page_strings(request.query_params.get("lang", "zh_CN")))

    async def post_command(request: Request) -> Response:
        who = await authorised(request)
        if isinstance(who, Response):
            return who
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            return _error(413, translate("RemoteServer", "The request is too large."))
        try:
            command = parse_command(body)
        except CommandError as exc:
            return _error(400, str(exc))
        try:
            outcome = await asyncio.wait_for(asyncio.wrap_future(sink(command)), COMMAND_TIMEOUT_S)
        except TimeoutError:
            return _error(503, translate("RemoteServer", "The desktop app did not answer in time."))
        log.info("remote: pairing %s sent %s", who, command.action.value)
        if not outcome.ok:
            return _error(409, outcome.message)
        return Response(hub.state_payload(), media_type="application/json")

    async def events(request: Request) -> Response:
        who = await authorised(request)
        if isinstance(who, Response):
            return who
        token = bearer_token(request)
        queue = hub.subscribe()

        async def stream() -> AsyncIterator[str]:
            try:
                yield "retry: 1000\n\n"
                yield f"event: state\ndata: {hub.state_payload()}\n\n"
                while not stopping.is_set():
                    try:
                        payload = await asyncio.wait_for(queue.get(), KEEPALIVE_S)
                    except TimeoutError:
                        if await run_in_threadpool(pairing.authenticate, token) is None:
                            yield "event: revoked\ndata: {}\n\n"
                            return
                        yield ": keepalive\n\n"
                        continue
                    if payload is None:
                        return
                    yield f"event: state\ndata: {payload}\n\n"
            finally:
                hub.unsubscribe(queue)

        return StreamingResponse(
            stream(),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )

    async def pair(request: Request) -> Response:
        client = request.client.host if request.client else "?"
        if limiter.blocked(client):
            return _error(429, translate("RemoteServer", "Too many failed attempts; wait a minute."))
        made = await run_in_threadpool(pairing.redeem, request.query_params.get("code", ""))
        if made is None:
            limiter.failed(client)
            return _error(
                401,
                translate(
                    "RemoteServer",
                    "This pairing link was already used, has expired or was revoked. "
                    "Make a new one in Studio Console.",
                ),
            )
        log.info("remote: pairing %s opened its link from %s", made.pairing_id, client)
        # The token travels in the fragment: it never reaches a server log or a proxy.
        return RedirectResponse(f"/remote#token={made.secret}", status_code=303)

    def page(name: str) -> Callable[[Request], Any]:
        async def serve(request: Request) -> Response:
            html = resource_path("remote", name).read_text("utf-8")
            return Response(html, media_type="text/html", headers={"Cache-Control": "no-store"})

        return serve

    async def root(request: Request) -> Response:
        return RedirectResponse("/remote", status_code=303)

    return Starlette(
        routes=[
            Route("/", root),
            Route("/remote", page("remote.html")),
            Route("/follow", page("follower.html")),
            Route("/pair", pair),
            Route("/api/state", get_state),
            Route("/api/script", get_script),
            Route("/api/time", get_time),
            Route("/api/strings", get_strings),
            Route("/api/command", post_command, methods=["POST"]),
            Route("/api/events", events),
            Mount("/assets", app=StaticFiles(directory=resource_path("remote", "assets")), name="assets"),
        ]
    )


def bind_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named explicitly: asyncio turns Nagle off only for sockets that say they are TCP, and with
    # Nagle on, a kept-alive request waits 40 ms for the client's delayed ACK between headers and body.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise RemoteServerError(
            translate("RemoteServer", "Cannot listen on {host} port {port}: {reason}").format(
                host=host, port=port, reason=exc.strerror or exc
            )
        ) from exc
    sock.listen(64)
    sock.setblocking(False)
    return sock


class RemoteServer:
    """uvicorn on its own thread; ``start`` returns once it accepts connections, ``stop`` once it is gone."""

    def __init__(
        self, pairing: PairingService, limiter: RateLimiter, sink: CommandSink, host: str, port: int
    ) -> None:
        self.hub = StateHub()
        self.host = host
        self._stopping = threading.Event()
        self._app = build_app(self.hub, pairing, limiter, sink, self._stopping)
        self._requested_port = port
        self.port = port
        self._thread: threading.Thread | None = None
        self._server: Any = None

    def start(self) -> None:
        import uvicorn

        sock = bind_socket(self.host, self._requested_port)
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self._app,
            # Fixed choices (not "auto"): the frozen bundle ships exactly these modules.
            loop="asyncio",
            http="h11",
            ws="none",
            lifespan="off",
            # No access log: pages pass ?token= and a token must never reach a log file.
            access_log=False,
            log_config=None,
            timeout_graceful_shutdown=1,
        )
        # uvicorn only skips access lines when the access logger has no handler, and a handler can be added
        # by anyone (a test's log capture does): switch the logger off so a ?token= never reaches a log.
        logging.getLogger("uvicorn.access").disabled = True
        self._server = server = uvicorn.Server(config)
        started = threading.Event()

        def run() -> None:
            async def serve() -> None:
                self.hub.attach(asyncio.get_running_loop())
                started.set()
                await server.serve(sockets=[sock])

            asyncio.run(serve())

        self._thread = threading.Thread(target=run, name="remote-server", daemon=True)
        self._thread.start()
        started.wait(5)
        deadline = time.monotonic() + 5
        while not server.started and self._thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        if not server.started:
            raise RemoteServerError(translate("RemoteServer", "The remote server did not start."))
        log.info("remote: serving on %s port %d", self.host, self.port)

    def publish(self, state: RemoteState, blocks: tuple[ScriptBlock, ...] | None = None) -> None:
        self.hub.publish(state, blocks)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self) -> None:
        if self._thread is None:
            return
        self._stopping.set()
        self.hub.close_channels()
        self._server.should_exit = True
        self._thread.join(5)
        self._thread = None
        log.info("remote: stopped")
