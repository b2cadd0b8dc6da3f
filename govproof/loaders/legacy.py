"""Legacy Word .doc and WPS .wps through an installed converter; OFD is refused clearly.

antiword (fast, .doc only) is tried first, then LibreOffice, which converts to .docx so findings
get paragraph locations. Government sites often serve web pages or .docx files named .doc: those
are read by what they really are.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..document import Document
from . import Limits, LoadError, register
from .guard import OLE_MAGIC

_INSTALL_HINT = ("请安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer-nogui；Windows：把 soffice.exe "
                 "加入 PATH）或 antiword，或把文件另存为 .docx")


def _run(cmd: list[str], limits: Limits) -> subprocess.CompletedProcess:
    """Run a converter in its own process group, so a time-out ends it and everything it started."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=limits.max_seconds)
    except subprocess.TimeoutExpired:
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
        proc.communicate()
        raise LoadError(f"{Path(cmd[0]).name} 转换超时（上限 {limits.max_seconds:g} 秒，max_seconds）") from None
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def _antiword(src: Path, limits: Limits) -> str | None:
    exe = shutil.which("antiword")
    if exe is None:
        return None
    proc = _run([exe, "-m", "UTF-8.txt", "-w", "0", str(src)], limits)
    if proc.returncode != 0:
        return None
    return proc.stdout.decode("utf-8", "replace")


def _soffice_to_docx(src: Path, workdir: Path, limits: Limits) -> bytes | None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        return None
    profile = (workdir / "profile").as_uri()  # a private profile: parallel conversions do not collide
    proc = _run([exe, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "docx",
                 "--outdir", str(workdir / "out"), str(src)], limits)
    out = workdir / "out" / (src.stem + ".docx")
    if proc.returncode != 0 or not out.exists():
        raise LoadError("LibreOffice 无法转换这个文件（已损坏、已加密或不是文字处理文档）")
    return out.read_bytes()


def _antiword_document(text: str, path: str) -> Document:
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    paragraphs = [line for line in lines if line]
    source_map, pos = [], 0
    for n, para in enumerate(paragraphs, 1):
        source_map.append((pos, {"paragraph": n, "table_cell": None, "page": None}))
        pos += len(para) + 1
    return Document(text="\n".join(paragraphs), path=path, source_map=source_map,
                    meta={"format": "doc", "converter": "antiword"})


@register(".doc", ".wps", ".dot", ".wpt")
def load_legacy_word(data: bytes, path: str, limits: Limits) -> Document:
    head = data[:2048].lstrip().lower()
    if data.startswith(b"PK\x03\x04"):
        from .word import load_docx
        return load_docx(data, path, limits)
    if head.startswith(b"mime-version"):  # Word's "single file web page" saved under a .doc name
        from .mhtml import load_mhtml
        return load_mhtml(data, path, limits)
    if head.startswith((b"<html", b"<!doctype", b"<?xml")) or b"<html" in head:
        from .webpage import load_html
        return load_html(data, path, limits)
    if head.startswith(b"{\\rtf"):
        raise LoadError("这是扩展名为 .doc 的 RTF 文件：不支持 RTF，请另存为 .docx")
    if not data.startswith(OLE_MAGIC):
        raise LoadError("不是 Word 或 WPS 文档（格式无法识别）")
    suffix = Path(path).suffix.lower() or ".doc"
    with tempfile.TemporaryDirectory(prefix="govproof-") as tmp:
        src = Path(tmp) / f"input{suffix}"
        src.write_bytes(data)
        if suffix in (".doc", ".dot"):
            text = _antiword(src, limits)
            if text is not None and text.strip():
                return _antiword_document(text, path)
        converted = _soffice_to_docx(src, Path(tmp), limits)
    if converted is None:
        kind = "WPS" if suffix in (".wps", ".wpt") else "legacy Word .doc"
        raise LoadError(f"读取 {kind} 文件需要转换工具：{_INSTALL_HINT}")
    from .word import load_docx
    doc = load_docx(converted, path, limits)
    doc.meta.update(format=suffix.lstrip("."), converter="libreoffice")
    return doc


@register(".ofd")
def load_ofd(data: bytes, path: str, limits: Limits) -> Document:
    raise LoadError("暂不支持 OFD 文件（GB/T 33190）：请把文档导出为 PDF 或 Word 后再检查")

