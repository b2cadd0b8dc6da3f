"""Shared by the `govproof serve` tests: the bundled example as a Word file, and a live server on a free port."""
from __future__ import annotations

import contextlib
import io
import socket
import threading
import time
from pathlib import Path
from typing import Iterator

import docx

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "关于做好2025年政务公开工作的通知.txt"


def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def example_docx() -> bytes:
    """The bundled example notice as a reviewer would have it: one Word paragraph per line."""
    d = docx.Document()
    for line in example_text().splitlines():
        d.add_paragraph(line)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def accepted_text(paragraph) -> str:
    """A Word paragraph as shown with tracked changes accepted: insertions in, deletions (w:delText) out."""
    return "".join(t.text or "" for t in paragraph._p.xpath(".//w:t"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def live_server(app) -> Iterator[str]:
    """Run ``app`` with uvicorn on 127.0.0.1 in a thread; yields its base URL and stops it afterwards."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
