"""A request's form read into a Submission, entirely in memory, with Chinese errors a reviewer can act on.

Uploads are kept in memory (never spooled to a temporary file): the body is already bounded by the
upload limit, and a draft must not land on disk. The uploaded file's name is used only for its suffix
(which loader reads it) and as the name shown in reports: it never becomes a path.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import FormParser, MultiPartException, MultiPartParser
from starlette.requests import Request

from ..config import ALL_FAMILIES, ConfigError, split_codes

# The formats a reviewer uploads; legacy .doc/.wps need a converter process and are left to the CLI.
UPLOAD_SUFFIXES = (".txt", ".md", ".docx", ".html", ".htm", ".shtml", ".mht", ".mhtml", ".pdf")
_MAX_FIELDS = 20
_NOTHING = "没有可检查的内容：请粘贴文本（字段 text）或上传文件（字段 file）"


class RequestError(Exception):
    """A request that cannot be served as sent; ``status`` is the HTTP answer."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Submission:
    """What a reviewer sent: one document (pasted or uploaded), the options, and any decisions."""

    name: str                       # "-" for pasted text, else the upload's base name
    data: bytes
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    as_of: dt.date | None = None
    profile: str | None = None
    accepted: frozenset[str] = field(default_factory=frozenset)
    rejected: frozenset[str] = field(default_factory=frozenset)

    @property
    def suffix(self) -> str:
        return ".txt" if self.name == "-" else PurePosixPath(self.name).suffix.lower()


class _InMemoryMultiPartParser(MultiPartParser):
    """Starlette's parser with the spool threshold above any allowed body, so a file part never rolls over to disk."""

    def __init__(self, request: Request, limit: int):
        super().__init__(request.headers, request.stream(), max_files=1, max_fields=_MAX_FIELDS, max_part_size=limit)
        self.spool_max_size = limit + 1


def upload_name(raw: str) -> str:
    """The base name of an uploaded file (browsers may send C:\\path\\name.docx), without control characters."""
    base = re.split(r"[\\/]", raw)[-1]
    base = "".join(c for c in base if c.isprintable()).strip().lstrip(".")
    return base[:200] or "上传的文件"


async def read_submission(request: Request, limit: int) -> Submission:
    """Parse a multipart or urlencoded form with ``text`` or ``file``, and the check options."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        if content_type == "multipart/form-data":
            form = await _InMemoryMultiPartParser(request, limit).parse()
        elif content_type == "application/x-www-form-urlencoded":
            form = await FormParser(request.headers, request.stream(), max_fields=_MAX_FIELDS, max_part_size=limit).parse()
        elif not content_type:
            raise RequestError(_NOTHING)
        else:
            raise RequestError("请以表单（multipart/form-data）提交：字段 text（文本）或 file（文件）", 415)
    except MultiPartException:
        raise RequestError("表单格式有误：无法按 multipart/form-data 解析（缺少分隔符、内容损坏或文件不止一个）") from None
    try:
        return await _submission(form)
    finally:
        await form.close()


async def _submission(form: FormData) -> Submission:
    upload = form.get("file")
    text = form.get("text")
    if isinstance(upload, UploadFile) and upload.filename:
        name = upload_name(upload.filename)
        if PurePosixPath(name).suffix.lower() not in UPLOAD_SUFFIXES:
            raise RequestError(f"不支持的文件类型：{name}。可上传 {'、'.join(UPLOAD_SUFFIXES)}；"
                               ".doc/.wps 请先另存为 .docx", 415)
        data = await upload.read()
    elif isinstance(text, str) and text.strip():
        name, data = "-", text.encode("utf-8")
    else:
        raise RequestError(_NOTHING)
    return Submission(name=name, data=data, select=_codes(form.get("select"), "select"),
                      ignore=_codes(form.get("ignore"), "ignore"), as_of=_date(form.get("as_of")),
                      profile=_profile(form.get("profile")), accepted=_ids(form.get("accepted"), "accepted"),
                      rejected=_ids(form.get("rejected"), "rejected"))


def _codes(value: object, field_name: str) -> tuple[str, ...] | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return split_codes(value)
    except ConfigError:
        raise RequestError(f"{field_name} 中有无效的规则代码或类别：{value[:80]}（应为 {'、'.join(ALL_FAMILIES)} "
                           "或 S101 这样的代码，用逗号分隔）") from None


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise RequestError(f"as_of 日期无效：{value[:40]}（应为 YYYY-MM-DD，例如 2025-03-10）") from None


def _profile(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    if value.strip() != "reply":
        raise RequestError(f"profile 只能是 reply（依申请公开答复书），收到：{value[:40]}")
    return "reply"


def _ids(value: object, field_name: str) -> frozenset[str]:
    """A JSON list of finding ids, as the page sends its decisions."""
    if not isinstance(value, str) or not value.strip():
        return frozenset()
    try:
        ids = json.loads(value)
    except ValueError:
        ids = None
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise RequestError(f"{field_name} 应为问题编号的 JSON 列表")
    return frozenset(ids)
