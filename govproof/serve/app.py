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
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..config import Config
from ..loaders import Limits
from ..report import FileResult
from ..report.json_out import render_json
from ..registry import all_rules
from .forms import RequestError, Submission, read_submission
from .guards import HostCheck, SecurityHeaders, UploadLimit, error
from .review import Download, Reviewer, corrected_text, page_payload, reviewed_docx
from .rulepage import rule_page

DEFAULT_UPLOAD_LIMIT = 20 * 1024 * 1024
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
_ASSETS = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8",
           "index.html": "text/html; charset=utf-8"}


@dataclass(frozen=True)
class ServeSettings:
    config: Config
    upload_limit: int = DEFAULT_UPLOAD_LIMIT
    allowed_hosts: tuple[str, ...] | None = LOOPBACK_HOSTS  # None: any Host header (bound to a public address)


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
                return error(str(e), e.status)
        return endpoint

    async def index(request: Request) -> Response:
        return Response(assets["index.html"], media_type=_ASSETS["index.html"])

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in _ASSETS or name == "index.html":
            return error("没有这个文件", 404)
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
    app = Starlette(routes=routes, middleware=middleware, exception_handlers={
        404: lambda request, exc: error("没有这个地址", 404),
        405: lambda request, exc: error("这个地址不接受此请求方法", 405)})
    app.state.reviewer = reviewer
    return app
