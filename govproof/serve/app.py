"""The Starlette app: the page, its assets, rule pages, the JSON API and the downloads.

Starlette (with uvicorn) because it is small, well kept and ASGI, ships a test client, and has no
dependencies beyond anyio; form parsing needs python-multipart. Routes take no path from a request to
the file system: assets are a fixed table read from the package, rule pages are looked up by code.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Awaitable, Callable
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from ..config import Config
from ..loaders import Limits
from ..report import FileResult
from ..report.json_out import render_json
from ..rule import all_rules
from .forms import RequestError, Submission, read_submission
from .review import Download, Reviewer, corrected_text, page_payload, reviewed_docx
from .rulepage import rule_page

DEFAULT_UPLOAD_LIMIT = 20 * 1024 * 1024
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
_ASSETS = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8",
           "index.html": "text/html; charset=utf-8"}
_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


@dataclass(frozen=True)
class ServeSettings:
    config: Config
    upload_limit: int = DEFAULT_UPLOAD_LIMIT
    allowed_hosts: tuple[str, ...] | None = LOOPBACK_HOSTS  # None: any Host header (bound to a public address)


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:g} MB" if n >= 1024 * 1024 else f"{n / 1024:g} KB"


class _TooLarge(Exception):
    pass


class UploadLimit:
    """Answers 413 for a body over ``limit`` bytes: at once from Content-Length, or as soon as a chunked body passes it."""

    def __init__(self, app: Callable, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        message = f"上传内容超过 {_size(self.limit)} 的限制"
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.limit:
            return await _error(message, 413)(scope, receive, send)
        received = 0
        started = False

        async def counted_receive() -> dict:
            nonlocal received
            event = await receive()
            received += len(event.get("body", b""))
            if received > self.limit:
                raise _TooLarge
            return event

        async def tracked_send(event: dict) -> None:
            nonlocal started
            started = started or event["type"] == "http.response.start"
            await send(event)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except _TooLarge:
            if not started:
                await _error(message, 413)(scope, receive, send)


class SecurityHeaders:
    """Only the page's own script and style may run, nothing may frame it, and types are never sniffed."""

    def __init__(self, app: Callable):
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        async def with_headers(event: dict) -> None:
            if event["type"] == "http.response.start":
                event["headers"] = list(event.get("headers", [])) + [
                    (b"content-security-policy", _CSP.encode()), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"), (b"cache-control", b"no-store")]
            await send(event)
        await self.app(scope, receive, with_headers)


class HostCheck:
    """On a loopback server, answer only requests addressed to this machine's own names (against DNS rebinding)."""

    def __init__(self, app: Callable, allowed: tuple[str, ...]):
        self.app, self.allowed = app, allowed

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] == "http":
            host = Headers(scope=scope).get("host", "").strip().lower()
            name = host[:host.find("]") + 1] if host.startswith("[") else host.rsplit(":", 1)[0]
            if name not in self.allowed:
                message = f"此服务只接受发往本机地址（{'、'.join(self.allowed)}）的请求"
                return await _error(message, 400)(scope, receive, send)
        await self.app(scope, receive, send)


def _asset(name: str) -> bytes:
    return resources.files(__package__).joinpath("static", name).read_bytes()


def _attachment(download: Download) -> Response:
    ascii_name = "".join(c if c.isascii() and c.isalnum() or c in "._-" else "_" for c in download.filename)
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(download.filename)}"
    return Response(download.data, media_type=download.media_type, headers={"content-disposition": disposition})


def create_app(settings: ServeSettings) -> Starlette:
    limits = Limits.from_config(settings.config)
    limits = Limits(**{**limits.__dict__, "max_file_bytes": min(limits.max_file_bytes, settings.upload_limit)})
    reviewer = Reviewer(settings.config, limits)
    assets = {name: _asset(name) for name in _ASSETS}

    def handled(fn: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            try:
                return await fn(request)
            except RequestError as e:
                return _error(str(e), e.status)
        return endpoint

    async def index(request: Request) -> Response:
        return Response(assets["index.html"], media_type=_ASSETS["index.html"])

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in _ASSETS or name == "index.html":
            return _error("没有这个文件", 404)
        return Response(assets[name], media_type=_ASSETS[name])

    async def rule(request: Request) -> Response:
        found = all_rules().get(str(request.path_params["code"]).upper())
        if found is None:
            return HTMLResponse("<!doctype html><meta charset=utf-8><p>没有这条规则。</p>", status_code=404)
        return HTMLResponse(rule_page(found))

    async def checked(request: Request) -> tuple[Submission, FileResult]:
        sub = await read_submission(request, settings.upload_limit)
        return sub, await run_in_threadpool(reviewer.check, sub)

    async def api_check(request: Request) -> Response:
        """The CLI's JSON contract, for a CMS: 200 when checked, 422 when the document could not be read."""
        _, result = await checked(request)
        return Response(render_json([result]), status_code=422 if result.error else 200,
                        media_type="application/json; charset=utf-8")

    async def api_review(request: Request) -> Response:
        _, result = await checked(request)
        body = json.dumps(page_payload(result), ensure_ascii=False)
        return Response(body, status_code=422 if result.error else 200, media_type="application/json; charset=utf-8")

    async def download_text(request: Request) -> Response:
        sub, result = await checked(request)
        if result.error:
            raise RequestError(result.error, 422)
        return _attachment(corrected_text(result, sub))

    async def download_docx(request: Request) -> Response:
        sub, result = await checked(request)
        if result.error:
            raise RequestError(result.error, 422)
        return _attachment(await run_in_threadpool(reviewed_docx, result, sub, limits))

    routes = [
        Route("/", index, methods=["GET"]),
        Route("/static/{name}", static, methods=["GET"]),
        Route("/rules/{code}", rule, methods=["GET"]),
        Route("/api/check", handled(api_check), methods=["POST"]),
        Route("/api/review", handled(api_review), methods=["POST"]),
        Route("/api/download/text", handled(download_text), methods=["POST"]),
        Route("/api/download/docx", handled(download_docx), methods=["POST"]),
    ]
    middleware = [Middleware(SecurityHeaders), Middleware(UploadLimit, limit=settings.upload_limit)]
    if settings.allowed_hosts is not None:
        middleware.append(Middleware(HostCheck, allowed=settings.allowed_hosts))
    app = Starlette(routes=routes, middleware=middleware)
    app.state.reviewer = reviewer
    return app
