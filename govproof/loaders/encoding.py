"""Decoding bytes the way Chinese government files are actually encoded.

Order: a BOM wins; then strict UTF-8; then GB18030 (a superset of GBK/GB2312) when
the result reads as Chinese; then charset-normalizer for anything else (Big5...).
"""
from __future__ import annotations

import codecs

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


_BINARY = "文件内容是二进制数据，不是文字"


class DecodeError(ValueError):
    """Bytes that are not text: a Chinese message for the reviewer and the technical detail."""

    def __init__(self, message: str, detail: str | None = None):
        super().__init__(message)
        self.detail = detail


def _looks_like_text(text: str) -> bool:
    """Reject binary junk: too many control characters or private-use code points."""
    if not text:
        return True
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f\v") or 0xE000 <= ord(c) <= 0xF8FF or c == "\ufffd")
    return bad / len(text) < 0.01


def _reads_as_chinese(text: str) -> bool:
    """GB18030 decodes almost any byte string; accept it only when the result is mostly common Han."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    han = sum(1 for c in non_ascii if "\u4e00" <= c <= "\u9fa5" or c in "，。、；：？！“”‘’（）《》—…·〔〕【】　")
    return han / len(non_ascii) > 0.9


def decode(data: bytes) -> tuple[str, str, bool]:
    """Return (text, encoding name, had_bom)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as e:
                raise DecodeError(f"文件以 {enc} 的字节顺序标记开头，后面却不是有效的 {enc} 文字",
                                  f"invalid {enc} at byte {e.start + len(bom)}") from None
            if not _looks_like_text(text):
                raise DecodeError(_BINARY, "control characters after the byte-order mark")
            return text, enc, True
    if b"\x00" in data[:8192]:
        raise DecodeError(_BINARY, "NUL bytes")
    try:
        text = data.decode("utf-8")
        if not _looks_like_text(text):
            raise DecodeError(_BINARY, "control characters in UTF-8 text")
        return text, "utf-8", False
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _looks_like_text(text) and _reads_as_chinese(text):
            return text, "gb18030", False
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("无法识别文字编码（不是 UTF-8、UTF-16 或 GBK/GB18030）", "charset detection found nothing")
    text = str(best)
    if not _looks_like_text(text):
        raise DecodeError(_BINARY, f"control characters as {best.encoding}")
    return text, best.encoding, False


def encode(text: str, encoding: str, bom: bool) -> bytes:
    """Write text back the way it came in, so --fix keeps the file's encoding."""
    data = text.encode(encoding)
    if bom:
        prefix = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
                  "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[encoding]
        data = prefix + data
    return data
