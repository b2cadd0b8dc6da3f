"""The HTML report: hostile page content is escaped, and a real headless browser runs it without errors."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from audit_site import AS_OF, build_site
from govproof import components
from govproof.cli import main
from optional import requires

HOSTILE = '<script>document.documentElement.setAttribute("data-pwned","1")</script>'
HOSTILE_IMG = '<img src=x onerror="document.documentElement.setAttribute(\'data-pwned\',\'2\')">'


def _hostile_site(tmp_path: Path) -> Path:
    site = build_site(tmp_path / "site")
    evil = site / "xwdt" / '"><img src=x onerror=alert(1)>.txt'
    evil.write_text(f"{HOSTILE}标题\n{HOSTILE_IMG}请各单位按排专人负责。{HOSTILE}\n", encoding="utf-8")
    return site


def _report(tmp_path: Path, capsys, *extra: str) -> Path:
    site = _hostile_site(tmp_path)
    out = tmp_path / "report.html"
    code = main(["audit", str(site), "--db", str(tmp_path / "a.db"), "--select", "S101", "--as-of", AS_OF, "--jobs", "1",
                 "--report", str(out), *extra])
    capsys.readouterr()
    assert code == 1
    return out


def test_report_escapes_everything_from_pages(tmp_path, capsys):
    html = _report(tmp_path, capsys).read_text(encoding="utf-8")
    assert "<script>document" not in html and "<img src=x" not in html and '"><img' not in html
    assert "&lt;script&gt;document.documentElement.setAttribute(&quot;data-pwned&quot;" in html
    assert "data-pwned&#x27;,&#x27;2&#x27;)&quot;&gt;请各单位<del>按排</del>" in html
    assert html.count("<script>") == 1                      # only the report's own script
    assert "Content-Security-Policy" in html and "'unsafe-inline'" not in html
    assert html.count('<tr class="finding"') == 5           # 4 in the saved site + 1 in the hostile file
    assert "http://" not in html.replace('http-equiv', '')  # works offline: nothing loaded from anywhere


def test_check_format_html_shares_the_template(tmp_path):
    from conftest import run_cli

    f = tmp_path / "a.txt"
    f.write_text(f"{HOSTILE}\n请按排专人负责，做好侯选人推荐。\n", encoding="utf-8")
    p = run_cli("check", str(f), "--format", "html", "--select", "S101", "--as-of", AS_OF)
    html = p.stdout.decode("utf-8")
    assert p.returncode == 1 and html.startswith("<!DOCTYPE html>")
    assert html.count('<tr class="finding"') == 2 and "<script>document" not in html
    assert "<del>按排</del><ins>安排</ins>" in html


def _dump_dom(browser: str, page: Path, fragment: str, profile: Path) -> str:
    url = page.resolve().as_uri() + fragment
    p = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                        f"--user-data-dir={profile}", "--dump-dom", url],
                       capture_output=True, timeout=90)
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")[-2000:]
    return p.stdout.decode("utf-8")


def _root_attrs(dom: str) -> dict[str, str]:
    tag = re.search(r"<html[^>]*>", dom).group(0)
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag))


@requires("chromium")
def test_report_in_a_headless_browser(tmp_path, capsys):
    report = _report(tmp_path, capsys)
    browser = components.chromium()
    dom = _dump_dom(browser, report, "", tmp_path / "profile")
    attrs = _root_attrs(dom)
    assert attrs.get("data-ready") == "1", "the report's script did not finish"
    assert "data-script-error" not in attrs and "data-pwned" not in attrs
    assert attrs["data-shown"] == "5" and attrs["data-listed"] == "5" and '<b id="shown">5</b>' in dom
    assert dom.count('<tr class="finding on"') == 5     # listed: the stylesheet shows only rows the script listed
    # filtering in the browser: by section and a search for a page's title together
    attrs = _root_attrs(_dump_dom(browser, report, "#section=zwgk&q=notice-2", tmp_path / "profile"))
    assert attrs["data-shown"] == "2" and "data-script-error" not in attrs


def test_personal_data_is_masked_in_the_database_and_every_export(tmp_path, capsys):
    site = tmp_path / "site"
    site.mkdir()
    phone = "13812345678"
    (site / "reply.txt").write_text(f"答复书（{phone}）\n请按排专人联系申请人，手机号码{phone}，备用手机{phone[:-1]}9。\n", encoding="utf-8")
    db = tmp_path / "a.db"
    outs = {ext: tmp_path / f"r.{ext}" for ext in ("html", "csv", "json", "sarif")}
    code = main(["audit", str(site), "--db", str(db), "--select", "S101,D", "--as-of", AS_OF, "--jobs", "1",
                 "--report", str(outs["html"]), "--csv", str(outs["csv"]), "--json", str(outs["json"]),
                 "--sarif", str(outs["sarif"])])
    capsys.readouterr()
    assert code == 1
    codes = sorted(c for (c,) in __import__("audit_site").rows(db, "SELECT code FROM findings"))
    assert codes.count("S101") == 1 and sum(c.startswith("D") for c in codes) == 3
    dump = "\n".join(sqlite3_dump(db))
    assert "138****5678" in dump and phone not in dump and phone[:-1] + "9" not in dump
    for path in outs.values():
        text = path.read_text(encoding="utf-8-sig")
        assert phone not in text and phone[:-1] + "9" not in text, path.name


def sqlite3_dump(db: Path) -> list[str]:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return list(con.iterdump())
    finally:
        con.close()
