"""govproof audit on a list of URLs, fetched from a local HTTP server on 127.0.0.1 only."""
from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from audit_site import AS_OF, page, rows
from optional import skip_without
from govproof.cli import main

skip_without("httpx", module=True)


class _Handler(SimpleHTTPRequestHandler):
    requested: list[str] = []

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:
        _Handler.requested.append(self.path)
        if self.path == "/old.html":
            self.send_response(301)
            self.send_header("Location", "/zwgk/a.html")
            self.end_headers()
            return
        if self.path == "/away.html":
            self.send_response(302)
            self.send_header("Location", "http://example.invalid/x.html")
            self.end_headers()
            return
        super().do_GET()


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "www"
    (root / "zwgk").mkdir(parents=True)
    (root / "private").mkdir()
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", encoding="utf-8")
    links = ['<a href="zwgk/a.html">a</a>', '<a href="/zwgk/files/att.txt">附件</a>', '<a href="/private/p.html">p</a>',
             '<a href="http://example.invalid/x.html">外站</a>', '<a href="/logo.png">logo</a>',
             '<a href="/zwgk/big.html">大</a>', '<a href="/missing.html">死链</a>', '<a href="/old.html">旧址</a>',
             '<a href="/away.html">跳转外站</a>', '<a href="#top">顶部</a>']
    (root / "index.html").write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>首页</title></head><body><p>欢迎访问。</p>'
        + "".join(links) + "</body></html>", encoding="utf-8")
    (root / "zwgk" / "a.html").write_text(page("a", ["请各单位按排专人负责。"]).replace(
        "</body>", '<a href="deep.html">下一层</a></body>'), encoding="utf-8")
    (root / "zwgk" / "deep.html").write_text(page("deep", ["按排"]), encoding="utf-8")
    (root / "zwgk" / "files").mkdir()
    (root / "zwgk" / "files" / "att.txt").write_text("附件：做好侯选人推荐工作。\n", encoding="utf-8")
    (root / "zwgk" / "big.html").write_text(page("big", ["很长的页面。" * 4000]), encoding="utf-8")
    (root / "private" / "p.html").write_text(page("p", ["按排"]), encoding="utf-8")
    (root / "logo.png").write_bytes(b"\x89PNG\r\n")
    _Handler.requested = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetches_same_site_pages_and_attachments_politely(server, tmp_path, capsys):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# 本站首页\n{server}/index.html\n", encoding="utf-8")
    db = tmp_path / "audit.db"
    code = main(["audit", "--urls", str(urls), "--db", str(db), "--select", "S101", "--as-of", AS_OF, "--jobs", "1",
                 "--rate", "100", "--max-size", "0.02", "--report", str(tmp_path / "r.html")])
    out = capsys.readouterr().out
    assert code == 1
    docs = {k.removeprefix(server): (s, n, e) for k, s, n, e in rows(db, "SELECT key, status, findings, error FROM documents")}
    assert docs["/index.html"][:2] == ("checked", 0)
    assert docs["/zwgk/a.html"][:2] == ("checked", 1)
    assert docs["/zwgk/files/att.txt"][:2] == ("checked", 1)       # an attachment, same site
    assert "/old.html" not in docs and "/old.html" in _Handler.requested   # an old address of a page checked
    assert docs["/zwgk/big.html"][0] == "error" and "limit" in docs["/zwgk/big.html"][2]
    assert docs["/missing.html"] == ("error", 0, "HTTP 404")
    assert docs["/away.html"][0] == "error" and "off the site" in docs["/away.html"][2]
    assert "/private/p.html" not in docs and "/private/p.html" not in _Handler.requested   # robots.txt obeyed
    assert "/zwgk/deep.html" not in _Handler.requested             # beyond --max-depth 1
    assert "/logo.png" not in _Handler.requested                   # not a document: never fetched
    assert not any("example.invalid" in k for k in docs)
    assert _Handler.requested[0] == "/robots.txt"
    assert len(_Handler.requested) == len(set(_Handler.requested))  # each URL fetched once
    assert "未能检查的文件（3）" in out
    sections = dict(rows(db, "SELECT key, section FROM documents"))
    assert sections[f"{server}/zwgk/files/att.txt"] == "127.0.0.1/zwgk"


def test_depth_zero_fetches_only_the_list(server, tmp_path, capsys):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}/index.html\n{server}/zwgk/a.html\n", encoding="utf-8")
    db = tmp_path / "audit.db"
    main(["audit", "--urls", str(urls), "--db", str(db), "--select", "S101", "--as-of", AS_OF, "--jobs", "1",
          "--rate", "100", "--max-depth", "0"])
    capsys.readouterr()
    assert sorted(k for (k,) in rows(db, "SELECT key FROM documents")) == [f"{server}/index.html", f"{server}/zwgk/a.html"]
    assert sorted(_Handler.requested) == ["/index.html", "/robots.txt", "/zwgk/a.html"]


def test_resumed_crawl_follows_stored_links_without_fetching_the_page_again(server):
    from govproof.audit.crawl import CrawlOptions, Crawler

    done = {f"{server}/index.html": (0, [f"{server}/zwgk/a.html"])}
    crawler = Crawler([f"{server}/index.html"], CrawlOptions(rate=100, max_depth=1), done)
    keys = [item.key for item in crawler.items()]
    assert keys == [f"{server}/zwgk/a.html"]
    assert "/index.html" not in _Handler.requested
