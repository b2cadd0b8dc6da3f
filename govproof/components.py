"""Optional components: what is installed, what is active, and how to get the rest (`govproof doctor`)."""
from __future__ import annotations

import importlib.util
import shutil
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Component:
    name: str
    purpose: str
    probe: Callable[[], str | None]   # a description when available, None when not
    install: str


def module_probe(name: str) -> Callable[[], str | None]:
    def probe() -> str | None:
        if importlib.util.find_spec(name) is None:
            return None
        try:
            from importlib.metadata import version
            return version(name)
        except Exception:
            return "installed"
    return probe


def modules_probe(*names: str) -> Callable[[], str | None]:
    """A component made of several packages: available only when every one is."""
    probes = [(name, module_probe(name)) for name in names]

    def probe() -> str | None:
        found = [(name, p()) for name, p in probes]
        return None if any(v is None for _, v in found) else ", ".join(f"{name} {v}" for name, v in found)
    return probe


def spelling_scorer() -> str | None:
    from .checks.spelling.lm import describe_active

    return describe_active()


def word_lm() -> str | None:
    """The kenlm word model, when both kenlm and a model file are present (without them S2 falls back to frequencies)."""
    from .checks.spelling.lm import find_lm_path, kenlm_available

    path = find_lm_path()
    return path if path and kenlm_available() else None


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def legacy_converter() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice") or shutil.which("antiword")


# One entry per optional component; add yours here.
COMPONENTS: list[Component] = [
    Component("python-docx", "读取 .docx 文件，--annotate 写批注和修订", module_probe("docx"), "pip install python-docx"),
    Component("pypdf", "读取 PDF 文件的文字层", module_probe("pypdf"), "pip install pypdf"),
    Component("lxml", "读取网页（.html/.htm/.shtml）", module_probe("lxml"), "pip install lxml"),
    Component("cryptography", "读取 AES 加密（仅限制编辑、无打开密码）的 PDF", module_probe("cryptography"),
              "pip install 'govproof[pdf-aes]'"),
    Component("LibreOffice", "转换旧版 .doc 和 WPS .wps 文件", lambda: shutil.which("soffice") or shutil.which("libreoffice"),
              "apt-get install libreoffice-writer-nogui（Windows：安装 LibreOffice 并把 soffice.exe 加入 PATH）"),
    Component("antiword", "快速读取旧版 .doc 文件（无 LibreOffice 时）", lambda: shutil.which("antiword"),
              "apt-get install antiword"),
    Component("spelling LM", "错别字统计检查（S2xx）所用的语言模型：kenlm + Debian 词三元模型；缺少时退回 jieba 词频",
              spelling_scorer, "apt-get install libime-data-language-model && pip install 'govproof[lm]'"),
    Component("warcio", "govproof audit 读取 WARC 网页存档", module_probe("warcio"), "pip install 'govproof[audit]'"),
    Component("httpx", "govproof audit 按网址清单抓取网页", module_probe("httpx"), "pip install 'govproof[audit]'"),
    Component("serve", "govproof serve 本机网页校对（Starlette、uvicorn、python-multipart）",
              modules_probe("starlette", "uvicorn", "python_multipart"), "pip install 'govproof[serve]'"),
    Component("dask", "govproof audit --executor dask 在 Dask 集群上检查", module_probe("distributed"),
              "pip install 'govproof[dask]'"),
]


# What tests and rule examples may need beyond the default install, each with how to get it (.ci/run installs all).
OPTIONAL: dict[str, Component] = {c.name: c for c in (
    Component("word LM", "kenlm + Debian 词三元模型：S2xx 按上下文判断", word_lm,
              "apt-get install libime-data-language-model && pip install 'govproof[lm]'"),
    Component("legacy converter", "LibreOffice 或 antiword：读取 .doc/.wps", legacy_converter,
              "apt-get install libreoffice-writer-nogui"),
    Component("chromium", "在无头浏览器中打开 HTML 报告（仅测试用）", chromium, "apt-get install chromium"),
    Component("kenlm", "pycorrector kenlm 后端（S203）", module_probe("kenlm"), "pip install 'govproof[lm]'"),
    *(c for c in COMPONENTS if c.name in ("warcio", "httpx")),
)}


def report() -> list[tuple[Component, str | None]]:
    return [(c, c.probe()) for c in COMPONENTS]


def missing(name: str) -> str | None:
    """Why the optional component ``name`` is unusable (with how to install it), or None when it is usable."""
    comp = OPTIONAL[name]
    return None if comp.probe() else f"{comp.name} 不可用（{comp.purpose}）：{comp.install}"
