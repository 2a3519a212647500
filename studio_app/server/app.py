"""The backend as an ASGI app: sync endpoints for the studios and the upload-measurement sink.

Stateless: everything lives in the database, so several instances can run behind a load balancer on one
PostgreSQL. Every sync request is authenticated with a studio token; request bodies are read as they
stream and refused with 413 past the limit (the client then splits its batch); a desktop whose synced
tables have another shape gets 409 and nothing is applied.
"""

import contextlib
import dataclasses
import os
import time
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.requests import ClientDisconnect
from starlette.routing import Route

from studio_app.i18n import translate
from studio_app.probes import upload_sink as upload_sink_protocol
from studio_app.server import service, tokens
from studio_app.server.limits import Limits, cap_page_bytes, count_request
from studio_app.sync.codec import schema_fingerprint
from studio_app.sync.hlc import valid_node_id
from studio_app.sync.protocol import (
    HELLO_PATH,
    PULL_PATH,
    PUSH_PATH,
    PUSH_REQUEST,
    SUMMARY_PATH,
    UPLOAD_MEASURE_PATH,
    ErrorBody,
    HelloResponse,
    PullPage,
    PushRequest,
    PushResponse,
    SummaryResponse,
)

DEFAULT_MAX_REQUEST_BYTES = 8 * 1024 * 1024
MAX_PULL_LIMIT = 5000


class ApiError(HTTPException):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(
            status_code=status, detail=ErrorBody(code=code, message=message).model_dump(), headers=headers
        )


def create_app(
    database_url: str,
    max_request_bytes: int | None = None,
    schema_version: str | None = None,
    limits: Limits | None = None,
) -> FastAPI:
    engine = service.open_engine(database_url)
    service.create_schema(engine)
    limit_bytes = max_request_bytes or int(
        os.environ.get("STUDIO_SERVER_MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES)
    )
    limits = limits or Limits.from_env()
    expected_schema = schema_version or os.environ.get("STUDIO_SERVER_SCHEMA") or schema_fingerprint()
    app = FastAPI(title="Studio Console backend", version="1")
    app.state.engine = engine
    # (node id, studio id) -> when this process last recorded the computer as seen (monotonic seconds).
    seen_computers: dict[tuple[str, str], float] = {}

    def studio_of(authorization: Annotated[str | None, Header()] = None) -> service.Studio:
        token = ""
        if authorization and authorization.lower().startswith("bearer "):
            token = authorization[7:].strip()
        caller = tokens.caller_for_token(engine, token) if token else None
        if caller is None:
            raise ApiError(
                401,
                "unauthorized",
                translate(
                    "Server", "The studio token is missing or wrong. Enter the token from the head office."
                ),
            )
        if caller.revoked:
            raise ApiError(
                401,
                "studio_revoked",
                translate(
                    "Server",
                    "Head office has withdrawn studio {name}'s access to the server. Nothing more is sent "
                    "or fetched; ask head office for a new token.",
                ).format(name=caller.studio.name),
            )
        wait_s = count_request(engine, caller.studio.id, time.time(), limits.requests_per_minute)
        if wait_s is not None:
            raise ApiError(
                429,
                "too_many_requests",
                translate(
                    "Server",
                    "Studio {name} sent more than {limit} requests this minute; try again in {seconds} s.",
                ).format(name=caller.studio.name, limit=limits.requests_per_minute, seconds=wait_s),
                headers={"Retry-After": str(wait_s)},
            )
        return caller.studio

    def check_schema(x_studio_schema: Annotated[str | None, Header()] = None) -> None:
        if x_studio_schema != expected_schema:
            raise ApiError(
                409,
                "schema_mismatch",
                translate(
                    "Server",
                    "This app's data format ({client}) differs from the server's ({server}). Update the app "
                    "or the server so both are the same version; nothing was changed and no data was lost.",
                ).format(client=x_studio_schema or "?", server=expected_schema),
            )

    def computer_of(studio: service.Studio, node_id: str | None, register: bool) -> str:
        """The request's computer, refused when it belongs to another studio. Only a push registers a
        new one (a connection test made with the wrong token must not bind this computer for good)."""
        if not node_id or not valid_node_id(node_id):
            raise ApiError(
                400, "no_node", translate("Server", "The request does not say which computer sent it.")
            )
        key = (node_id, studio.id)
        last = seen_computers.get(key)
        if last is not None and time.monotonic() - last < 60:
            return node_id
        owner = (
            tokens.bind_computer(engine, studio, node_id) if register else tokens.owner_of(engine, node_id)
        )
        if owner is not None and owner != studio.id:
            raise ApiError(
                403,
                "computer_taken",
                translate(
                    "Server",
                    "This computer ({node}) is registered to another studio. A workspace copied from "
                    "another studio cannot sync as studio {name}; start a new workspace here.",
                ).format(node=node_id, name=studio.name),
            )
        if owner is not None:
            seen_computers[key] = time.monotonic()
        return node_id

    def node_of(
        studio: Annotated[service.Studio, Depends(studio_of)],
        x_studio_node: Annotated[str | None, Header()] = None,
    ) -> str:
        return computer_of(studio, x_studio_node, register=False)

    def pushing_node_of(
        studio: Annotated[service.Studio, Depends(studio_of)],
        x_studio_node: Annotated[str | None, Header()] = None,
    ) -> str:
        return computer_of(studio, x_studio_node, register=True)

    Authed = Annotated[service.Studio, Depends(studio_of)]
    Node = Annotated[str, Depends(node_of)]
    PushingNode = Annotated[str, Depends(pushing_node_of)]

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get(HELLO_PATH, response_model=HelloResponse)
    def hello(studio: Authed, _node_id: Node) -> HelloResponse:
        return HelloResponse(
            studio=studio.name,
            head_office=studio.head_office,
            schema_version=expected_schema,
            max_request_bytes=limit_bytes,
            server_time_ms=service.now_ms(),
            max_ops_per_request=limits.max_ops_per_request,
        )

    @app.post(PUSH_PATH, response_model=PushResponse, dependencies=[Depends(check_schema)])
    async def push(request: Request, studio: Authed, node_id: PushingNode) -> PushResponse:
        body = await _read_limited(request, limit_bytes)
        try:
            batch = PUSH_REQUEST.validate_json(body)
        except ValidationError as exc:
            raise ApiError(
                422, "bad_batch", translate("Server", "The batch is not valid: {error}").format(error=exc)
            ) from exc
        if batch.schema_version != expected_schema:
            check_schema(batch.schema_version)
        if len(batch.ops) > limits.max_ops_per_request:
            raise ApiError(
                413,
                "too_many_ops",
                translate(
                    "Server", "The batch has {n} changes; the server takes at most {limit} per request."
                ).format(n=len(batch.ops), limit=limits.max_ops_per_request),
            )
        return await run_in_threadpool(service.apply_push, engine, studio, _with_node(batch, node_id))

    @app.get(PULL_PATH, response_model=PullPage, dependencies=[Depends(check_schema)])
    def pull(
        studio: Authed,
        node_id: Node,
        cursor: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = 1000,
        include_own: Annotated[int, Query(ge=0, le=1)] = 0,
    ) -> PullPage:
        page = service.pull_page(engine, studio, node_id, cursor, limit, include_own=bool(include_own))
        return cap_page_bytes(page, limits.max_pull_page_bytes)

    @app.get(SUMMARY_PATH, response_model=SummaryResponse, dependencies=[Depends(check_schema)])
    def summary(studio: Authed, _node_id: Node) -> SummaryResponse:
        return service.summary(engine, studio)

    # The network probe's upload test (protocol in studio_app/probes/upload_sink.py): no token, since the
    # probe runs before anything is set up, and nothing is stored; the sink caps a measurement at 30 s.
    upload_sink = UploadSinkEndpoint()
    for path in (UPLOAD_MEASURE_PATH, upload_sink_protocol.PATH):
        app.router.routes.append(Route(path, endpoint=upload_sink, methods=["POST"]))

    @app.exception_handler(HTTPException)
    async def _errors(request: Request, exc: HTTPException) -> JSONResponse:
        detail: Any = exc.detail
        if not isinstance(detail, dict):
            detail = ErrorBody(code="error", message=str(detail)).model_dump()
        return JSONResponse(status_code=exc.status_code, content={"detail": detail}, headers=exc.headers)

    return app


class UploadSinkEndpoint:
    """A raw ASGI endpoint: count the body per interval as it streams, answer, then drain the rest.

    Answering before the body ends is the protocol (the client stops sending when it reads the answer);
    draining afterwards keeps the connection from being reset under the answer.
    """

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        target = scope["path"] + ("?" + scope["query_string"].decode() if scope.get("query_string") else "")
        try:
            seconds, interval_s = upload_sink_protocol.parse_request_target(
                target.replace(UPLOAD_MEASURE_PATH, upload_sink_protocol.PATH, 1)
            )
            counter = upload_sink_protocol.IntervalCounter(seconds, interval_s)
        except upload_sink_protocol.UploadProtocolError as exc:
            body = ErrorBody(code="bad_upload_probe", message=str(exc)).model_dump_json().encode()
            await _send_json(send, 400, body)
            await _drain(receive)
            return
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            more = message.get("more_body", False)
            if counter.add(len(message.get("body", b""))):
                break
        await _send_json(send, 200, counter.report().to_json().encode())
        if more:
            await _drain(receive)


async def _send_json(send: Any, status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _drain(receive: Any, limit_s: float = 35.0) -> None:
    import asyncio

    async def drain() -> None:
        while True:
            message = await receive()
            if message["type"] == "http.disconnect" or not message.get("more_body", False):
                return

    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(drain(), limit_s)


def _with_node(batch: PushRequest, node_id: str) -> PushRequest:
    # The header is what was authenticated alongside the token; the body's copy must agree with it.
    if batch.node_id != node_id:
        batch = dataclasses.replace(batch, node_id=node_id)
    return batch


async def _read_limited(request: Request, limit_bytes: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit_bytes:
        raise _too_large(limit_bytes)
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit_bytes:
                raise _too_large(limit_bytes)
            chunks.append(chunk)
    except ClientDisconnect as exc:
        # A cut line or a killed desktop: nothing was applied, and the desktop sends the batch again. An
        # answer (which nobody reads) instead of an unhandled error, whose traceback filled the log.
        raise ApiError(
            400, "disconnected", translate("Server", "The connection closed before the batch arrived whole.")
        ) from exc
    return b"".join(chunks)


def _too_large(limit_bytes: int) -> ApiError:
    return ApiError(
        413,
        "too_large",
        translate(
            "Server", "The batch is larger than the server accepts ({limit} bytes); send it in parts."
        ).format(limit=limit_bytes),
    )


def app_from_env() -> FastAPI:
    """``uvicorn --factory studio_app.server.app:app_from_env`` with ``STUDIO_SERVER_DATABASE`` set."""
    return create_app(os.environ["STUDIO_SERVER_DATABASE"])
