import datetime as dt

from govproof.document import Document


def test_positions_count_code_points_and_all_line_endings():
    doc = Document(text="第一行\r\n第二行\r第三行\n𠀀四")
    assert doc.position(0) == (1, 1)
    assert doc.position(5) == (2, 1)
    assert doc.position(9) == (3, 1)
    assert doc.position(13) == (4, 1)
    assert doc.position(14) == (4, 2)  # an astral character counts as one column


def test_paragraphs_and_sentences():
    doc = Document(text="一、总体要求\n\n各单位要高度重视。切实抓好落实！确保取得实效\n")
    assert [doc.text[s:e] for s, e in doc.paragraphs] == ["一、总体要求", "各单位要高度重视。切实抓好落实！确保取得实效"]
    assert [doc.text[s:e] for s, e in doc.sentences][1:] == ["各单位要高度重视。", "切实抓好落实！", "确保取得实效"]
    assert doc.title == "一、总体要求"


def test_skip_regions():
    text = "详见http://www.gov.cn/zhengce/a.htm，或发送邮件至 office@example.gov.cn，并参照《关于按排工作的通知》。"
    doc = Document(text=text)
    url = text.index("http")
    assert doc.in_region(url + 3, url + 5)
    assert doc.in_region(text.index("office"), text.index("office") + 2)
    title = text.index("按排")
    assert doc.in_region(title, title + 2, ("title",))
    assert not doc.in_region(title, title + 2)


def test_document_date_from_signature_then_as_of_then_today():
    signed = Document(text="通知正文。\n\n××市人民政府办公室\n2018年3月5日\n", as_of=dt.date(2024, 1, 1))
    assert signed.date == dt.date(2018, 3, 5)
    chinese = Document(text="正文。\n二〇一九年十二月三十一日\n")
    assert chinese.date == dt.date(2019, 12, 31)
    undated = Document(text="正文里提到2018年3月5日的会议。", as_of=dt.date(2024, 1, 1))
    assert undated.date == dt.date(2024, 1, 1)
    assert Document(text="无日期").date == dt.date.today()
