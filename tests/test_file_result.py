"""run.file_result, shared by the CLI and the serve page: a bad file or a failing check becomes that input's error."""
import threading

from govproof.config import Config
from govproof.document import Document
from govproof.loaders import LoadError
from govproof.run import file_result

CONFIG = Config(select=("S101",))


def test_a_readable_document_is_checked():
    r = file_result("a.txt", lambda: Document(text="请各单位按排专人负责。", path="a.txt"), CONFIG)
    assert r.error is None and [f.text for f in r.findings] == ["按排"]


def test_a_load_error_is_the_inputs_error_with_its_detail():
    def load():
        raise LoadError("不是 PDF 文件", detail="no %PDF header")

    r = file_result("a.pdf", load, CONFIG)
    assert (r.error, r.error_detail, r.doc) == ("不是 PDF 文件", "no %PDF header", None)


def test_a_bug_while_loading_or_checking_is_an_internal_error_not_an_exception():
    def broken():
        raise KeyError("x")

    r = file_result("a.txt", broken, CONFIG)
    assert r.error == "检查时出现内部错误（请报告此问题）" and r.error_detail == "KeyError: 'x'"


def test_the_lock_is_held_only_while_checking():
    lock = threading.Lock()
    seen = []

    def load():
        seen.append(lock.locked())
        return Document(text="请各单位按排专人负责。", path="a.txt")

    r = file_result("a.txt", load, CONFIG, checking=lock)
    assert seen == [False] and not lock.locked() and len(r.findings) == 1
