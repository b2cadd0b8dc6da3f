import codecs

import pytest

from govproof.loaders import LoadError, load_bytes
from govproof.loaders.encoding import decode, encode

TEXT = "关于做好政务公开工作的通知\r\n请各单位按排专人负责，确保信息准确。\r\n"


@pytest.mark.parametrize("data,enc", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("gbk"), "gb18030"),
    (TEXT.encode("gb18030"), "gb18030"),
])
def test_every_encoding_decodes_to_the_same_text(data, enc):
    text, found, bom = decode(data)
    assert text == TEXT
    assert found == enc
    assert encode(text, found, bom) == data  # --fix writes the file back the way it came


def test_gb18030_only_characters():
    text = "䶮字与𠀀字同见于公文附件。"
    assert decode(text.encode("gb18030"))[0] == text


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary\x00junk" * 20, bytes(range(256)) * 4])
def test_binary_junk_is_refused_with_a_reason(data):
    with pytest.raises(LoadError, match="二进制|编码"):
        load_bytes(data, "junk.txt")
