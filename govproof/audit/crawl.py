"""Fetch a list of URLs politely, following same-site links to pages and attachments to a set depth.

Polite means: robots.txt obeyed (including Crawl-delay), one request at a time per host at most
``rate`` per second, timeouts, a size limit per response, redirects followed only within the site,
and a cap on the number of documents. Only the hosts of the listed URLs are ever contacted.
This is the only part of govproof that uses the network, and only for URLs the user listed.
"""
from __future__ import annotations

import queue
import threading
import time
from collections import deque
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePosixPath
from typing import Iterator
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from .. import __version__
from .sources import CONTENT_TYPES, Item, SourceError, _suffix_for, checkable_suffixes, url_name, url_section

# Link targets worth fetching: pages (no suffix or a server-page suffix) and readable attachments.
PAGE_SUFFIXES = {"", ".html", ".htm", ".shtml", ".xhtml", ".jsp", ".php", ".asp", ".aspx", ".do", ".action"}
_LINK_ATTRS = {"a": "href", "area": "href", "iframe": "src", "frame": "src", "embed": "src", "object": "data"}


@dataclass(frozen=True)
class CrawlOptions:
    max_depth: int = 1            # 0: only the listed URLs; 1: also what they link to on the same site; ...
    rate: float = 2.0             # requests per second per host, at most
    timeout: float = 20.0         # seconds per request
    max_bytes: int = 50 * 1024 * 1024
    max_documents: int = 10_000
    user_agent: str = f"govproof/{__version__} (site content audit)"


def read_url_list(path: str) -> list[str]:
    """One URL a line; blank lines and # comments skipped."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            lines = [line.split("#", 1)[0].strip() for line in fh]
    except OSError as e:
        raise SourceError(f"{path}：无法读取网址清单（{e.strerror or e}）") from None
    urls = [u for u in lines if u]
    for u in urls:
        if urlsplit(u).scheme not in ("http", "https"):
            raise SourceError(f"{path}：不是 http(s) 网址：{u}")
    if not urls:
        raise SourceError(f"{path}：清单中没有网址")
    return urls


def _site(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def normalize(url: str) -> str:
    return urldefrag(url.strip())[0]


class _Links(HTMLParser):
    def __init__(self, base: str):
        super().__init__(convert_charrefs=True)
        self.base = base
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "base" and values.get("href"):
            self.base = urljoin(self.base, values["href"] or "")
        attr = _LINK_ATTRS.get(tag)
        if attr and values.get(attr):
            self.found.append(urljoin(self.base, (values[attr] or "").strip()))


def page_links(html: bytes, base: str) -> list[str]:
    from ..loaders.encoding import DecodeError, decode

    try:
        text = decode(html)[0]
    except DecodeError:
        text = html.decode("latin-1")
    parser = _Links(base)
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # malformed markup: keep what was found before it
        pass
    return parser.found


class Crawler:
    """Yields fetched documents as Items; a failed fetch is an Item with ``error`` set."""

    def __init__(self, seeds: list[str], options: CrawlOptions = CrawlOptions(),
                 done: dict[str, tuple[int, list[str]]] | None = None):
        self.seeds = [normalize(u) for u in seeds]
        self.options = options
        self.done = done or {}
        self.sites = {_site(u) for u in self.seeds}
        self.suffixes = checkable_suffixes()
        self.discovered = 0
        self._robots: dict[str, RobotFileParser] = {}
        self._last: dict[str, float] = {}
        self._stop = threading.Event()
        self._seen: set[str] = set()

    # --- politeness ----------------------------------------------------------------
    def _wait_turn(self, site: str, robots: RobotFileParser | None) -> None:
        delay = 1.0 / self.options.rate if self.options.rate > 0 else 0.0
        if robots is not None:
            delay = max(delay, float(robots.crawl_delay(self.options.user_agent) or 0))
        wait = self._last.get(site, 0.0) + delay - time.monotonic()
        if wait > 0:
            self._stop.wait(wait)
        self._last[site] = time.monotonic()

    def _robots_for(self, client, site: str) -> RobotFileParser:
        """robots.txt as read once per site: 404 allows all; 401/403, 5xx or no answer forbid all."""
        if site in self._robots:
            return self._robots[site]
        rp = RobotFileParser(site + "/robots.txt")
        self._wait_turn(site, None)
        try:
            resp = client.get(site + "/robots.txt")
            if resp.status_code in (401, 403) or resp.status_code >= 500:
                rp.disallow_all = True
            elif resp.status_code >= 400:
                rp.allow_all = True
            else:
                rp.parse(resp.text[:500_000].splitlines())
        except Exception:  # unreachable: treat like a server error, fetch nothing there
            rp.disallow_all = True
        self._robots[site] = rp
        return rp

    def _allowed(self, client, url: str) -> bool:
        return self._robots_for(client, _site(url)).can_fetch(self.options.user_agent, url)

    # --- fetching ------------------------------------------------------------------
    def _fetch(self, client, url: str) -> tuple[str, bytes, str]:
        """(final URL, body, content type); raises _FetchError with a one-line reason."""
        for _ in range(6):
            if _site(url) not in self.sites:
                raise _FetchError(f"redirected off the site to {url}")
            if not self._allowed(client, url):
                raise _Disallowed("disallowed by robots.txt")
            self._wait_turn(_site(url), self._robots.get(_site(url)))
            try:
                with client.stream("GET", url) as resp:
                    if resp.is_redirect and resp.headers.get("location"):
                        url = normalize(urljoin(url, resp.headers["location"]))
                        if url in self._seen:  # an old address of a page checked under its own
                            raise _Alias(url)
                        self._seen.add(url)
                        continue
                    if resp.status_code != 200:
                        raise _FetchError(f"HTTP {resp.status_code}")
                    length = resp.headers.get("content-length", "")
                    if length.isdigit() and int(length) > self.options.max_bytes:
                        raise _FetchError(f"response is {int(length):,} bytes, over the limit of {self.options.max_bytes:,}")
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body += chunk
                        if len(body) > self.options.max_bytes:
                            raise _FetchError(f"response is over the limit of {self.options.max_bytes:,} bytes")
                    return url, bytes(body), resp.headers.get("content-type", "")
            except _FetchError:
                raise
            except Exception as e:  # timeouts, refused connections, protocol errors
                raise _FetchError(f"fetch failed: {type(e).__name__}: {e}") from None
        raise _FetchError("too many redirects")

    def _wanted(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or _site(url) not in self.sites:
            return False
        suffix = PurePosixPath(unquote(parts.path)).suffix.lower()
        return suffix in PAGE_SUFFIXES or suffix in self.suffixes

    def _item(self, client, url: str, depth: int) -> Item | None:
        try:
            final, body, ctype = self._fetch(client, url)
        except _Alias:
            return None
        except _Disallowed as e:  # a listed URL says why it was left out; a link found on a page is just not followed
            return Item(key=url, name=url_name(url, ".html"), section=url_section(url), depth=depth,
                        error=str(e)) if depth == 0 else None
        except _FetchError as e:
            return Item(key=url, name=url_name(url, ".html"), section=url_section(url), depth=depth, error=str(e))
        suffix = _suffix_for(ctype, final, self.suffixes)
        if suffix is None:
            if depth == 0:
                shown = ctype.split(";")[0] or "unknown"
                return Item(key=url, name=url_name(url, ".html"), section=url_section(url), depth=depth,
                            error=f"govproof 不能读取这类文档（{shown}）")
            return None
        links: tuple[str, ...] = ()
        if CONTENT_TYPES.get(ctype.split(";")[0].strip().lower()) == ".html":
            links = tuple(dict.fromkeys(normalize(u) for u in page_links(body, final) if self._wanted(normalize(u))))
        return Item(key=final, name=url_name(final, suffix), section=url_section(final), data=body, depth=depth,
                    links=links)

    def items(self) -> Iterator[Item]:
        import httpx

        todo: deque[tuple[str, int]] = deque((u, 0) for u in dict.fromkeys(self.seeds))
        seen = self._seen = {u for u, _ in todo}
        self.discovered = len(seen)
        fetched = 0
        with httpx.Client(timeout=self.options.timeout, follow_redirects=False,
                          headers={"User-Agent": self.options.user_agent}) as client:
            while todo and not self._stop.is_set():
                url, depth = todo.popleft()
                if url in self.done:
                    links = self.done[url][1]
                    item = None
                else:
                    if fetched >= self.options.max_documents:
                        break
                    item = self._item(client, url, depth)
                    fetched += 1
                    links = list(item.links) if item else []
                if depth < self.options.max_depth:
                    for link in links:
                        if link not in seen and len(seen) < self.options.max_documents:
                            seen.add(link)
                            todo.append((link, depth + 1))
                    self.discovered = len(seen)
                if item is not None:
                    yield item

    def stop(self) -> None:
        self._stop.set()


class _FetchError(Exception):
    pass


class _Disallowed(_FetchError):
    pass


class _Alias(_FetchError):
    pass


def in_background(crawler: Crawler, buffer: int = 8) -> Iterator[Item]:
    """Fetch in a thread so that checking goes on while the next page downloads."""
    q: queue.Queue = queue.Queue(maxsize=buffer)
    end = object()

    def produce() -> None:
        try:
            for item in crawler.items():
                while not crawler._stop.is_set():
                    try:
                        q.put(item, timeout=0.2)
                        break
                    except queue.Full:
                        continue
        except BaseException as e:  # surfaced in the consumer
            q.put(e)
        finally:
            q.put(end)

    thread = threading.Thread(target=produce, name="govproof-crawl", daemon=True)
    thread.start()
    try:
        while True:
            got = q.get()
            if got is end:
                return
            if isinstance(got, BaseException):
                raise got
            yield got
    finally:
        crawler.stop()
