"""The server's guards, as ASGI middleware: the upload limit (413), security headers, and the Host check.

Each answers with a Chinese JSON error before the request reaches a route.
"""
from __future__ import annotations

from typing import Callable

from starlette.datastructures import Headers
from starlette.responses import JSONResponse

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def error(message: str, status: int) -> JSONResponse:
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
            return await error(message, 413)(scope, receive, send)
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
                await error(message, 413)(scope, receive, send)


class SecurityHeaders:
    """Only the page's own script and style may run, nothing may frame it, and types are never sniffed."""

    def __init__(self, app: Callable):
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        async def with_headers(event: dict) -> None:
            if event["type"] == "http.response.start":
                event["headers"] = list(event.get("headers", [])) + [
                    (b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
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
                return await error(message, 400)(scope, receive, send)
        await self.app(scope, receive, send)
