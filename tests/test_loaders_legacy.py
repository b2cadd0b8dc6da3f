"""Legacy .doc/.wps through a converter when installed, a clear message when not; OFD refused clearly."""
from __future__ import annotations

from pathlib import Path

import pytest
from optional import requires
from wordfiles import draft_bytes

from govproof.loaders import LoadError, load_bytes
from govproof.loaders import legacy

DATA = Path(__file__).parent / "data"


@requires("legacy converter")
def test_doc_is_read_through_the_installed_converter():
    doc = load_bytes((DATA / "notice.doc").read_bytes(), "notice.doc")
    assert doc.text == "关于做好信息报送工作的通知\n请各单位按排专人负责信息报送。"
    assert doc.meta["converter"] in ("libreoffice", "antiword")


@pytest.mark.parametrize("name", ["notice.doc", "notice.wps"])
def test_without_a_converter_the_message_names_what_to_install(monkeypatch, name):
    monkeypatch.setattr(legacy.shutil, "which", lambda _name: None)
    with pytest.raises(LoadError, match="需要转换工具：请安装 LibreOffice.*或 antiword"):
        load_bytes((DATA / "notice.doc").read_bytes(), name)


def test_files_named_doc_are_read_as_what_they_are():
    assert load_bytes(draft_bytes(), "draft.doc").meta["format"] == "docx"
    page = "<html><body><p>请各单位按排专人负责。</p></body></html>".encode("utf-8")
    assert load_bytes(page, "saved-from-word.doc").text == "请各单位按排专人负责。"
    with pytest.raises(LoadError, match="RTF"):
        load_bytes(b"{\\rtf1\\ansi hello}", "letter.doc")
    with pytest.raises(LoadError, match="不是 Word 或 WPS 文档"):
        load_bytes(b"random bytes", "x.wps")


def test_ofd_is_not_supported_yet():
    with pytest.raises(LoadError, match="暂不支持 OFD"):
        load_bytes(b"PK\x03\x04", "notice.ofd")
