"""Defences against hostile input shared by the loaders: zip bombs and documents that take too long.

Each refusal is a LoadError naming the limit, so one bad file becomes that file's `error`
and the batch goes on.
"""
from __future__ import annotations

import io
import time
import zipfile

from . import Limits, LoadError

_SMALL_ENTRY = 1 << 20  # entries under 1 MiB cannot hurt whatever their ratio


class Deadline:
    """A per-document time budget, checked between units of work (paragraphs, pages)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self._end:
            raise LoadError(f"读取文档超时（上限 {self.seconds:g} 秒，max_seconds）")


def open_zip(data: bytes, limits: Limits, what: str) -> zipfile.ZipFile:
    """Open an OOXML/OFD package after checking entry count and compression ratio against ``limits``."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise LoadError(f"不是有效的 {what} 文件（已损坏、不完整或是其他格式）") from None
    if len(infos) > limits.max_zip_entries:
        raise LoadError(f"{what} 文件包含 {len(infos):,} 个部件，超过上限 {limits.max_zip_entries:,}（max_zip_entries）")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > _SMALL_ENTRY and info.file_size > limits.max_zip_ratio * max(info.compress_size, 1):
            raise LoadError(f"{what} 文件的部件 {info.filename} 解压后膨胀 {info.file_size / max(info.compress_size, 1):,.0f}"
                            f" 倍，超过上限 {limits.max_zip_ratio:g} 倍（max_zip_ratio），疑为压缩炸弹", detail="zip bomb?")
    if total > limits.max_unzipped_bytes:
        raise LoadError(f"{what} 文件解压后有 {total:,} 字节，超过上限 {limits.max_unzipped_bytes:,} 字节（max_unzipped_bytes）")
    if total > _SMALL_ENTRY and total > limits.max_zip_ratio * max(len(data), 1):
        raise LoadError(f"{what} 文件解压后膨胀 {total / max(len(data), 1):,.0f} 倍，"
                        f"超过上限 {limits.max_zip_ratio:g} 倍（max_zip_ratio），疑为压缩炸弹", detail="zip bomb?")
    return zf


# OLE2 compound files: legacy .doc/.wps, and also what Office writes for a password-protected .docx.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def is_encrypted_office(data: bytes) -> bool:
    """An OLE container holding an EncryptionInfo stream is an encrypted OOXML file."""
    return data.startswith(OLE_MAGIC) and "EncryptionInfo".encode("utf-16-le") in data
