"""Where an audit's documents come from: a folder tree (site export, `wget --mirror` copy) or a WARC file.

A source yields :class:`Item`s that are cheap to send to a worker process: a file path or a WARC
record offset, read by the worker itself, so the main process never holds many documents at once.
(Fetching a URL list lives in :mod:`govproof.audit.crawl`; its items carry the fetched bytes.)
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

# Content types a site publishes documents in, mapped to the suffix that picks the loader.
CONTENT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/msword": ".doc",
    "application/vnd.ms-word": ".doc",
    "application/rtf": ".rtf",
    "text/rtf": ".rtf",
    "application/wps-office.doc": ".doc",
    "application/wps-office.docx": ".docx",
}


class SourceError(Exception):
    """The source as a whole cannot be read (missing folder, not a WARC file): the audit cannot run."""


@dataclass(frozen=True)
class Item:
    """One document to check. ``key`` names it in the results (relative path or URL)."""

    key: str
    name: str                   # a file name whose suffix picks the loader
    section: str                # the part of the site it belongs to, for the report
    path: str | None = None     # read this file ...
    warc: str | None = None     # ... or the record at ``offset`` of this WARC file ...
    offset: int = 0
    data: bytes | None = None   # ... or these bytes, already fetched
    depth: int = 0
    links: tuple[str, ...] = ()  # same-site links found in a fetched page (URL sources)
    error: str | None = None     # why it could not be fetched (URL sources)


def checkable_suffixes() -> set[str]:
    from ..loaders import supported_suffixes

    return {s for s in supported_suffixes() if s}


def loader_name(name: str) -> str:
    """A mirror's file name without its query part (`index.html?page=2` → `index.html`)."""
    return name.split("?", 1)[0]


# --- folders -----------------------------------------------------------------

def folder_items(root: str | Path, skip: tuple[str, ...] = ()) -> list[Item]:
    """Every file of a format govproof reads, in a stable order; hidden folders and ``skip`` paths left out."""
    base = Path(root)
    if not base.is_dir():
        raise SourceError(f"{root}：不是文件夹")
    suffixes = checkable_suffixes()
    skipped = {os.path.abspath(p) for p in skip}
    found: list[Item] = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fn in sorted(filenames):
            full = os.path.join(dirpath, fn)
            name = loader_name(fn)
            if fn.startswith(".") or Path(name).suffix.lower() not in suffixes or os.path.abspath(full) in skipped:
                continue
            if ".fixed." in fn or fn.endswith(".bak"):
                continue
            rel = PurePosixPath(Path(full).relative_to(base).as_posix())
            section = rel.parts[0] if len(rel.parts) > 1 else ""
            found.append(Item(key=str(rel), name=name, section=section, path=full))
    return found


# --- WARC ----------------------------------------------------------------------

def _suffix_for(content_type: str, url: str, suffixes: set[str]) -> str | None:
    ctype = content_type.split(";", 1)[0].strip().lower()
    if ctype in CONTENT_TYPES and CONTENT_TYPES[ctype] in suffixes:
        return CONTENT_TYPES[ctype]
    by_path = PurePosixPath(unquote(urlsplit(url).path)).suffix.lower()
    if by_path in suffixes and ctype in ("", "application/octet-stream", "binary/octet-stream", "application/download"):
        return by_path
    return None


def url_section(url: str) -> str:
    """host/first-folder of a URL: how site administrators divide their sites into 栏目."""
    parts = urlsplit(url)
    segs = [s for s in parts.path.split("/") if s]
    first = segs[0] if len(segs) > 1 else ""
    return f"{parts.hostname or ''}/{first}" if first else (parts.hostname or "")


def url_name(url: str, suffix: str) -> str:
    """A file name for the loader: the URL's last segment when it has the right suffix, else index+suffix."""
    last = PurePosixPath(unquote(urlsplit(url).path)).name or "index"
    return last if last.lower().endswith(suffix) else f"{last}{suffix}"


def warc_items(path: str | Path) -> list[Item]:
    """The successful responses (and resource records) in a WARC/WARC.gz that hold a readable document.

    When a URL was captured more than once, the last capture wins.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        raise SourceError("读取 WARC 文件需要 warcio：pip install 'govproof[audit]'") from None
    suffixes = checkable_suffixes()
    latest: dict[str, Item] = {}
    try:
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                if record.rec_type not in ("response", "resource"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                if record.rec_type == "response":
                    if record.http_headers is None or not record.http_headers.get_statuscode().startswith("2"):
                        continue
                    ctype = record.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = record.rec_headers.get_header("Content-Type") or ""
                suffix = _suffix_for(ctype, url, suffixes)
                if not url or suffix is None:
                    continue
                latest[url] = Item(key=url, name=url_name(url, suffix), section=url_section(url), warc=str(path),
                                   offset=records.get_record_offset())
    except FileNotFoundError:
        raise SourceError(f"{path}：文件不存在") from None
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
        if not latest:
            raise SourceError(f"{path}：不是可读取的 WARC 文件（{e}）") from None
        # A truncated WARC (a crawl that was cut off) still yields the records before the damage.
    return list(latest.values())


def read_warc_record(path: str, offset: int, max_bytes: int) -> bytes:
    """The (de-chunked, decompressed) payload of the record at ``offset``."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        fh.seek(offset)
        for record in ArchiveIterator(fh):
            data = record.content_stream().read(max_bytes + 1)
            return data
    raise OSError(f"no WARC record at offset {offset}")


def read_item(item: Item, max_bytes: int) -> bytes:
    """The item's bytes, read at most ``max_bytes + 1`` so an oversized file is refused without reading it all."""
    if item.data is not None:
        return item.data
    if item.warc is not None:
        return read_warc_record(item.warc, item.offset, max_bytes)
    assert item.path is not None
    with open(item.path, "rb") as fh:
        return fh.read(max_bytes + 1)
