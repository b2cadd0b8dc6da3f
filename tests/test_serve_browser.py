"""`govproof serve` end to end in real headless Chromium: upload a .docx, accept one suggestion, reject one,
download the Word copy and read it back with python-docx. Also writes the README's screenshot (docs/serve.png).

Driven by selenium with the system chromedriver (apt: chromium-driver), so nothing is downloaded.
"""
from __future__ import annotations

import io
import os
import shutil
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="govproof serve needs the serve extra: pip install 'govproof[serve]'")
pytest.importorskip("uvicorn", reason="govproof serve runs on uvicorn (the serve extra)")
pytest.importorskip("selenium", reason="the browser test drives chromium with selenium (the test extra)")

import docx  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402
from serve_helpers import accepted_text, example_docx, live_server  # noqa: E402

from govproof.components import chromium  # noqa: E402
from govproof.config import Config  # noqa: E402
from govproof.loaders import LoadError, load_bytes  # noqa: E402
from govproof.serve.app import ServeSettings, create_app  # noqa: E402

CHROMIUM = chromium()
CHROMEDRIVER = shutil.which("chromedriver")
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "serve.png"

pytestmark = pytest.mark.skipif(CHROMIUM is None or CHROMEDRIVER is None,
                                reason="chromium and chromedriver not installed (apt-get install chromium "
                                       "chromium-driver; .ci/run does)")


@pytest.fixture(scope="module")
def server():
    app = create_app(ServeSettings(Config()))
    app.state.reviewer.warm_up()
    with live_server(app) as url:
        yield url


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads):
    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1360,1300", "--lang=zh-CN", "--no-first-run", "--disable-extensions"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False,
                                              "intl.accept_languages": "zh-CN"})
    # On Linux Chromium takes its own UI language (the file input's button, the date field) from LANGUAGE, not
    # from --lang; the Chinese strings come with the chromium-l10n package (.ci/run installs it)
    service = Service(CHROMEDRIVER, env={**os.environ, "LANGUAGE": "zh_CN"})
    driver = webdriver.Chrome(service=service, options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    yield driver
    driver.quit()


def _wait(driver, seconds: float = 60) -> WebDriverWait:
    return WebDriverWait(driver, seconds)


def _run_check(driver) -> None:
    driver.find_element(By.ID, "run").click()
    _wait(driver).until(lambda d: d.find_element(By.ID, "results").is_displayed()
                        or d.find_element(By.ID, "error").is_displayed())


def _item(driver, text: str):
    """The list entry whose original text is ``text``."""
    for item in driver.find_elements(By.CSS_SELECTOR, "#list .item"):
        if item.find_element(By.CSS_SELECTOR, ".change del").text == text:
            return item
    raise AssertionError(f"no finding for {text!r} in the list")


def _downloaded(folder: Path, suffix: str, seconds: float = 30) -> Path:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if p.name.endswith(suffix)]
        if done and not any(p.name.endswith(".crdownload") for p in folder.iterdir()):
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"nothing ending in {suffix} was downloaded into {folder}")



def test_upload_docx_accept_reject_and_download_the_reviewed_copy(server, browser, downloads, tmp_path):
    draft = tmp_path / "关于做好2025年政务公开工作的通知.docx"
    draft.write_bytes(example_docx())
    browser.get(server + "/")
    assert browser.title == "govproof 政务信息校对"
    browser.find_element(By.ID, "file").send_keys(str(draft))
    _run_check(browser)
    assert not browser.find_element(By.ID, "error").is_displayed()
    items = browser.find_elements(By.CSS_SELECTOR, "#list .item")
    assert len(items) >= 5
    marks = browser.find_elements(By.CSS_SELECTOR, "#doc mark.hl.fam-S.sev-error")
    assert "按排" in [m.text for m in marks]
    groups = [g.text.split()[0] for g in browser.find_elements(By.CSS_SELECTOR, "#list h3.group")]
    assert len(groups) == len(set(groups)) and "S101" in groups  # one group per rule

    accept = _item(browser, "按排")
    accept.find_element(By.CSS_SELECTOR, 'button[data-action="accept"]').click()
    _item(browser, "侯选人").find_element(By.CSS_SELECTOR, 'button[data-action="reject"]').click()
    assert _item(browser, "按排").find_element(By.CSS_SELECTOR, ".state").text == "已接受"
    assert _item(browser, "侯选人").find_element(By.CSS_SELECTOR, ".state").text == "已拒绝"
    assert "安排" in [i.text for i in browser.find_elements(By.CSS_SELECTOR, "#doc ins.sugg")]
    assert "已接受 1，已拒绝 1" in browser.find_element(By.ID, "summary").text
    group_link = _item(browser, "按排").find_element(By.XPATH, "ancestor::section[1]//h3//a")
    item_link = _item(browser, "按排").find_element(By.CSS_SELECTOR, "a.rule-link")
    assert group_link.get_attribute("href") == item_link.get_attribute("href") == server + "/rules/S101"
    browser.execute_script("window.scrollTo(0, 0)")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    browser.save_screenshot(str(SCREENSHOT))
    citation = _item(browser, "第三十六条第（八）项")
    citation.find_element(By.CSS_SELECTOR, ".evidence summary").click()
    assert "第三十六条：对政府信息公开申请" in citation.find_element(By.CSS_SELECTOR, ".evidence div").text

    browser.find_element(By.ID, "download-docx").click()
    reviewed = _downloaded(downloads, ".reviewed.docx")
    assert reviewed.name == "关于做好2025年政务公开工作的通知.reviewed.docx"
    out = docx.Document(io.BytesIO(reviewed.read_bytes()))
    body = "\n".join(accepted_text(p) for p in out.paragraphs)
    assert "请各单位安排专人负责" in body and "按排" not in body
    assert "做好人大代表侯选人推荐" in body  # rejected: as written
    comments = [c.text for c in out.comments]
    assert len(comments) == len(items) - 1  # every finding but the rejected one
    assert any(c.startswith("S101") and "安排" in c and "修订" in c for c in comments)
    assert not any("侯选人" in c for c in comments)


def test_pasted_markup_is_shown_as_text_and_never_runs(server, browser):
    browser.get(server + "/")
    hostile = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">请各单位按排专人负责。'
    browser.find_element(By.ID, "text").send_keys(hostile)
    _run_check(browser)
    assert browser.find_element(By.ID, "doc").text == hostile
    assert browser.find_elements(By.CSS_SELECTOR, "#doc img, #doc script") == []
    assert browser.execute_script("return window.pwned === undefined")


def test_accept_all_safe_and_download_the_corrected_text(server, browser, downloads):
    browser.get(server + "/")
    browser.find_element(By.ID, "text").send_keys("请各单位按排专人负责,确保整改到位。")
    _run_check(browser)
    browser.find_element(By.ID, "accept-safe").click()
    states = {i.find_element(By.CSS_SELECTOR, ".change del").text: i.find_element(By.CSS_SELECTOR, ".state").text
              for i in browser.find_elements(By.CSS_SELECTOR, "#list .item")}
    assert states["按排"] == "已接受" and states[","] == "已接受"
    browser.find_element(By.ID, "download-text").click()
    fixed = _downloaded(downloads, "粘贴的文本.fixed.txt")
    assert fixed.read_text(encoding="utf-8") == "请各单位安排专人负责，确保整改到位。"
    assert not browser.find_element(By.ID, "download-docx").is_displayed()  # no Word copy of pasted text
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:  # the printed summary: counts and the list with each decision, without the controls or the draft
        assert browser.find_element(By.ID, "summary").is_displayed() and browser.find_element(By.ID, "list").is_displayed()
        assert not browser.find_element(By.ID, "doc").is_displayed()
        assert not browser.find_element(By.ID, "accept-safe").is_displayed()
        assert "已接受" in browser.find_element(By.ID, "list").text
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_a_file_that_cannot_be_read_is_reported_on_the_page(server, browser, tmp_path):
    broken = tmp_path / "损坏.docx"
    broken.write_bytes(b"PK\x03\x04 not a Word file")
    browser.get(server + "/")
    browser.find_element(By.ID, "file").send_keys(str(broken))
    _run_check(browser)
    _wait(browser, 10).until(ec.visibility_of_element_located((By.ID, "error")))
    with pytest.raises(LoadError) as expected:
        load_bytes(broken.read_bytes(), broken.name)
    assert browser.find_element(By.ID, "error").text == str(expected.value)
    assert not browser.find_element(By.ID, "results").is_displayed()
