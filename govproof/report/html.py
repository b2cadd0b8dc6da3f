"""A self-contained HTML report (one file, no network, small inline script) for `check` and `audit`.

Everything that comes from a document (paths, titles, text, context, messages) is escaped; a
Content-Security-Policy lets only this file's own script and style (by hash) run, so even a
missed escape could not execute anything a page carried.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path, PurePath

from .. import __version__
from . import SEVERITY_ZH, FileResult

# The public interface: `check --format html` renders FileResults; the audit fills a ReportModel and renders it.
__all__ = ["ReportModel", "ShownDocument", "ShownFinding", "render_html", "render_page", "shown_finding"]

_SEVERITIES = ("error", "warning", "info")
_SEV_ZH = {str(s): zh for s, zh in SEVERITY_ZH.items()}
_STATE_ZH = {"new": "新增", "open": "仍存在", "": ""}


@dataclass
class ShownFinding:
    """A finding as a report shows it: the (masked) text plus its context, nothing else of the page."""

    code: str
    name: str
    severity: str
    line: int
    column: int
    text: str
    message: str
    suggestion: str | None = None
    evidence: str | None = None
    before: str = ""
    after: str = ""
    state: str = ""  # "new" or "open" when compared with an earlier run


@dataclass
class ShownDocument:
    key: str          # path or URL
    section: str = ""
    title: str = ""
    status: str = "checked"
    error: str | None = None
    findings: list[ShownFinding] = field(default_factory=list)
    href: str | None = None  # where a reader opens it (file:// for saved pages); URLs link to themselves


@dataclass
class ReportModel:
    title: str
    documents: list[ShownDocument]
    facts: list[tuple[str, str]] = field(default_factory=list)      # (label, value) shown under the title
    fixed: list[tuple[str, ShownFinding]] = field(default_factory=list)  # (document key, finding) gone since last run
    compared: bool = False                                            # show new/open/fixed columns and cards


def render_html(results: list[FileResult]) -> str:
    """`govproof check --format html`."""
    from .context import excerpt, masked_span

    docs = []
    for r in results:
        shown = []
        masked = [f for f in r.findings if f.masked_text is not None]
        for f in r.findings:
            before, after = excerpt(r.doc, f, masked) if r.doc is not None else ("", "")
            shown.append(shown_finding(f, before, after))
        section = str(PurePath(r.path).parent) if r.path != "-" else ""
        href = Path(r.path).resolve().as_uri() if r.path != "-" else None
        title = masked_span(r.doc, *r.doc.paragraphs[0], masked).strip()[:200] if r.doc and r.doc.paragraphs else ""
        docs.append(ShownDocument(key=r.path, section=section, title=title, href=href,
                                  status="error" if r.error else "checked", error=r.error, findings=shown))
    facts = [("生成时间", dt.datetime.now().strftime("%Y-%m-%d %H:%M")), ("工具", f"govproof {__version__}")]
    return render_page(ReportModel(title="govproof 检查报告", documents=docs, facts=facts))


def shown_finding(f, before: str = "", after: str = "", state: str = "") -> ShownFinding:
    return ShownFinding(code=f.code, name=f.name, severity=str(f.severity), line=f.line, column=f.column,
                        text=f.shown_text, message=f.message, suggestion=f.suggestion, evidence=f.evidence,
                        before=before, after=after, state=state)


# --- rendering -------------------------------------------------------------

def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _link(key: str, href: str | None = None) -> str:
    """The document's name, linked to its URL or (for saved files) its file:// address."""
    target = href or (key if key.lower().startswith(("http://", "https://")) else None)
    if target and target.lower().startswith(("http://", "https://", "file:")):
        return f'<a href="{_e(target)}" rel="noopener noreferrer nofollow" target="_blank">{_e(key)}</a>'
    return _e(key)


def _cards(model: ReportModel, findings: list[tuple[ShownDocument, ShownFinding]]) -> str:
    sev = Counter(f.severity for _, f in findings)
    failed = sum(1 for d in model.documents if d.error)
    cards = [("文档", len(model.documents), ""), ("未能检查", failed, "bad" if failed else ""),
             ("问题", len(findings), ""), ("错误", sev["error"], "error"), ("警告", sev["warning"], "warning"),
             ("提示", sev["info"], "info")]
    if model.compared:
        states = Counter(f.state for _, f in findings)
        cards += [("新增", states["new"], "new"), ("已修正", len(model.fixed), "fixed"), ("仍存在", states["open"], "")]
    return "".join(f'<div class="card {cls}"><b>{n}</b><span>{_e(label)}</span></div>' for label, n, cls in cards)


def _summary_tables(model: ReportModel, findings: list[tuple[ShownDocument, ShownFinding]]) -> str:
    by_code: Counter[str] = Counter(f.code for _, f in findings)
    docs_by_code: dict[str, set[str]] = {}
    first: dict[str, ShownFinding] = {}
    for d, f in findings:
        docs_by_code.setdefault(f.code, set()).add(d.key)
        first.setdefault(f.code, f)
    rules = "".join(
        f'<tr class="pick" data-pick="code" data-value="{_e(c)}"><td>{_e(c)}</td><td>{_e(first[c].name)}</td>'
        f'<td class="sev-{_e(first[c].severity)}">{_e(_SEV_ZH.get(first[c].severity, first[c].severity))}</td>'
        f'<td class="num">{n}</td><td class="num">{len(docs_by_code[c])}</td></tr>'
        for c, n in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0])))
    sev = Counter(f.severity for _, f in findings)
    sevs = "".join(f'<tr class="pick" data-pick="sev" data-value="{s}"><td class="sev-{s}">{_SEV_ZH[s]}</td>'
                   f'<td class="num">{sev[s]}</td></tr>' for s in _SEVERITIES)
    sections: dict[str, list[int]] = {}
    for d in model.documents:
        row = sections.setdefault(d.section, [0, 0, 0])
        row[0] += 1
        row[1] += len(d.findings)
        row[2] += 1 if d.error else 0
    secs = "".join(
        f'<tr class="pick" data-pick="section" data-value="{_e(s)}"><td>{_e(s or "（根）")}</td>'
        f'<td class="num">{n}</td><td class="num">{k}</td><td class="num">{x}</td></tr>'
        for s, (n, k, x) in sorted(sections.items(), key=lambda kv: (-kv[1][1], kv[0])))
    return (
        '<div class="tables">'
        f'<table class="sortable"><caption>按级别</caption><thead><tr><th>级别</th><th data-type="num">问题</th></tr></thead><tbody>{sevs}</tbody></table>'
        f'<table class="sortable"><caption>按规则</caption><thead><tr><th>代码</th><th>名称</th><th>级别</th>'
        f'<th data-type="num">问题</th><th data-type="num">文档</th></tr></thead><tbody>{rules}</tbody></table>'
        f'<table class="sortable"><caption>按栏目</caption><thead><tr><th>栏目</th><th data-type="num">文档</th>'
        f'<th data-type="num">问题</th><th data-type="num">未能检查</th></tr></thead><tbody>{secs}</tbody></table>'
        '</div>')


def _finding_cells(f: ShownFinding) -> str:
    change = f'<del>{_e(f.text)}</del><ins>{_e(f.suggestion)}</ins>' if f.suggestion is not None else f'<mark>{_e(f.text)}</mark>'
    ev = ""
    if f.evidence:
        text = f.evidence if len(f.evidence) <= 300 else f.evidence[:300] + "…"
        ev = f'<div class="evidence">依据：{_e(text)}</div>'
    return (f'<td class="msg"><div>{_e(f.message)}</div><div class="ctx">{_e(f.before)}{change}{_e(f.after)}</div>{ev}</td>')


def _filters(model: ReportModel, findings: list[tuple[ShownDocument, ShownFinding]]) -> str:
    codes = sorted({f.code for _, f in findings})
    sections = sorted({d.section for d, _ in findings})
    opts = lambda values, label: "".join(  # noqa: E731
        f'<option value="{_e(v)}">{_e(label(v))}</option>' for v in values)
    state = ""
    if model.compared:
        state = ('<select id="f-state" aria-label="状态"><option value="">全部状态</option>'
                 '<option value="new">新增</option><option value="open">仍存在</option></select>')
    return (
        '<div class="filters">'
        '<input id="f-q" type="search" placeholder="搜索文档、规则、文字…" aria-label="搜索">'
        f'<select id="f-sev" aria-label="级别"><option value="">全部级别</option>{opts(_SEVERITIES, _SEV_ZH.get)}</select>'
        f'<select id="f-code" aria-label="规则"><option value="">全部规则</option>{opts(codes, str)}</select>'
        f'<select id="f-section" aria-label="栏目"><option value="">全部栏目</option>{opts(sections, lambda s: s or "（根）")}</select>'
        f'{state}<button id="f-reset" type="button">清除筛选</button>'
        f'<span class="count">符合条件 <b id="shown">{len(findings)}</b> / <span id="total">{len(findings)}</span> 处问题'
        '<span id="listed-note"></span></span>'
        '</div>')


def _findings_table(model: ReportModel, findings: list[tuple[ShownDocument, ShownFinding]]) -> str:
    rows = []
    for d, f in findings:
        state = f'<td class="state-{_e(f.state)}">{_STATE_ZH.get(f.state, "")}</td>' if model.compared else ""
        title = f'<div class="title">{_e(d.title)}</div>' if d.title else ""
        rows.append(
            f'<tr class="finding" data-sev="{_e(f.severity)}" data-code="{_e(f.code)}" data-section="{_e(d.section)}"'
            f' data-state="{_e(f.state)}"><td class="doc">{_link(d.key, d.href)}{title}</td><td>{_e(d.section)}</td>'
            f'<td class="num" data-sort="{f.line:08d}{f.column:06d}">{f.line}:{f.column}</td>'
            f'<td title="{_e(f.name)}">{_e(f.code)}</td>'
            f'<td class="sev-{_e(f.severity)}" data-sort="{3 - _SEVERITIES.index(f.severity) if f.severity in _SEVERITIES else 9}">'
            f'{_e(_SEV_ZH.get(f.severity, f.severity))}</td>{_finding_cells(f)}{state}</tr>')
    state_head = '<th>状态</th>' if model.compared else ""
    empty = '<p class="empty">没有发现问题。</p>' if not findings else ""
    empty += ('<p class="more"><button id="more" type="button" hidden>再列出 500 处</button> '
              '<button id="all" type="button" hidden>全部列出</button></p>')
    return (f'<table id="findings" class="sortable"><thead><tr><th>文档</th><th>栏目</th><th data-type="num">位置</th>'
            f'<th>规则</th><th data-type="num">级别</th><th>问题与上下文</th>{state_head}</tr></thead><tbody>{"".join(rows)}</tbody></table>{empty}')


def _failed_table(model: ReportModel) -> str:
    failed = [d for d in model.documents if d.error]
    if not failed:
        return ""
    rows = "".join(f'<tr class="failed"><td>{_link(d.key, d.href)}</td><td>{_e(d.section)}</td><td>{_e(d.error)}</td></tr>'
                   for d in failed)
    return (f'<h2 id="failed">未能检查的文件（{len(failed)}）</h2><table class="sortable"><thead><tr><th>文件</th>'
            f'<th>栏目</th><th>原因</th></tr></thead><tbody>{rows}</tbody></table>')


def _fixed_table(model: ReportModel) -> str:
    if not model.compared:
        return ""
    rows = "".join(f'<tr class="fixed"><td>{_link(key)}</td><td>{_e(f.code)}</td>{_finding_cells(f)}</tr>'
                   for key, f in model.fixed)
    return (f'<details><summary><h2>上次运行以来已修正的问题（{len(model.fixed)}）</h2></summary>'
            f'<table class="sortable"><thead><tr><th>文档</th><th>规则</th><th>问题与上下文</th></tr></thead>'
            f'<tbody>{rows}</tbody></table></details>')


def _documents_table(model: ReportModel) -> str:
    status_zh = {"checked": "已检查", "unchanged": "未变（沿用上次结果）", "error": "未能检查"}
    rows = "".join(
        f'<tr><td>{_link(d.key, d.href)}</td><td>{_e(d.title)}</td><td>{_e(d.section)}</td>'
        f'<td>{_e(status_zh.get(d.status, d.status))}</td><td class="num">{len(d.findings)}</td></tr>'
        for d in model.documents)
    return (f'<details><summary><h2>全部文档（{len(model.documents)}）</h2></summary><table class="sortable"><thead><tr>'
            f'<th>文档</th><th>标题</th><th>栏目</th><th>状态</th><th data-type="num">问题</th></tr></thead>'
            f'<tbody>{rows}</tbody></table></details>')


def render_page(model: ReportModel) -> str:
    findings = [(d, f) for d in model.documents for f in d.findings]
    facts = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in model.facts)
    body = (f'<header><h1>{_e(model.title)}</h1><dl>{facts}</dl></header>'
            f'<section class="cards">{_cards(model, findings)}</section>'
            f'{_summary_tables(model, findings)}'
            f'<h2 id="list">问题清单</h2>{_filters(model, findings)}{_findings_table(model, findings)}'
            f'{_failed_table(model)}{_fixed_table(model)}{_documents_table(model)}'
            f'<footer>govproof {_e(__version__)} · 本报告为单个离线文件，不访问网络。</footer>')
    csp = (f"default-src 'none'; script-src '{_sha256(_SCRIPT)}'; "
           f"style-src '{_sha256(_STYLE)}' '{_sha256(_NOSCRIPT_STYLE)}'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{_e(model.title)}</title><style>{_STYLE}</style>'
            f'<noscript><style>{_NOSCRIPT_STYLE}</style></noscript></head>'
            f'<body>{body}<script>{_SCRIPT}</script></body></html>\n')


def _sha256(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


_STYLE = """
body{font:14px/1.5 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:0 2em 2em;color:#222}
header dl{display:grid;grid-template-columns:max-content auto;gap:0 1em;color:#555}
header dd{margin:0;word-break:break-all}
.cards{display:flex;flex-wrap:wrap;gap:.6em;margin:1em 0}
.card{border:1px solid #ccc;border-radius:6px;padding:.4em 1em;min-width:5em;text-align:center}
.card b{display:block;font-size:1.6em}.card.error b,.sev-error{color:#b00020}.card.warning b,.sev-warning{color:#a15c00}
.card.info b,.sev-info{color:#00639b}.card.bad b{color:#b00020}.card.new b,.state-new{color:#b00020}.card.fixed b{color:#2e7d32}
.tables{display:flex;flex-wrap:wrap;gap:2em;align-items:flex-start}
table{border-collapse:collapse;margin:.5em 0}caption{text-align:left;font-weight:bold}
th,td{border-bottom:1px solid #e3e3e3;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f4f4f4;cursor:pointer;user-select:none;white-space:nowrap}
th.asc:after{content:" ▲"}th.desc:after{content:" ▼"}
td.num{text-align:right;white-space:nowrap}tr.pick{cursor:pointer}tr.pick:hover{background:#eef5ff}
#findings{width:100%}td.doc{max-width:22em;word-break:break-all}.title{color:#666;font-size:.9em}
.ctx{background:#fafafa;padding:.2em .4em;margin-top:.2em;word-break:break-all}
del{background:#fde2e2;color:#b00020}ins{background:#e2f5e2;color:#1b5e20;text-decoration:none}
mark{background:#fff1b8}.evidence{color:#666;font-size:.9em}
.filters{position:sticky;top:0;background:#fff;padding:.5em 0;display:flex;flex-wrap:wrap;gap:.5em;align-items:center;border-bottom:1px solid #ccc}
.filters input{min-width:16em}.count{margin-left:auto}
details summary h2{display:inline}footer{margin-top:2em;color:#888}
@media print{.filters{display:none}}
tr.finding:not(.on){display:none}
"""
# Without the script every finding is listed (the script lists them page by page: a large site's
# tens of thousands of rows would otherwise take a browser a minute to lay out).
_NOSCRIPT_STYLE = "tr.finding{display:table-row!important}.filters,.more{display:none}"

_SCRIPT = """
(function () {
  "use strict";
  var root = document.documentElement;
  window.addEventListener("error", function (e) { root.setAttribute("data-script-error", String(e.message)); });
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.finding"));
  var shown = document.getElementById("shown");
  var controls = {q: "f-q", sev: "f-sev", code: "f-code", section: "f-section", state: "f-state"};
  var text = rows.map(function (r) { return r.textContent.toLowerCase(); });
  function value(name) { var el = document.getElementById(controls[name]); return el ? el.value : ""; }
  var PAGE = 500, limit = PAGE, more = document.getElementById("more"), all = document.getElementById("all");
  function apply() {
    var f = {q: value("q").toLowerCase(), sev: value("sev"), code: value("code"), section: value("section"), state: value("state")};
    var n = 0, listed = 0;
    var body = document.getElementById("findings").tBodies[0];
    Array.prototype.forEach.call(body.rows, function (r) {
      var i = +r.getAttribute("data-i");
      var ok = (!f.sev || r.getAttribute("data-sev") === f.sev) && (!f.code || r.getAttribute("data-code") === f.code) &&
        (!f.section || r.getAttribute("data-section") === f.section) &&
        (!f.state || r.getAttribute("data-state") === f.state) && (!f.q || text[i].indexOf(f.q) !== -1);
      if (ok) { n += 1; }
      var on = ok && n <= limit;
      if (on) { listed += 1; }
      if (r.classList.contains("on") !== on) { r.classList.toggle("on", on); }
    });
    shown.textContent = String(n);
    document.getElementById("listed-note").textContent = listed < n ? "，当前列出前 " + listed + " 处" : "";
    more.hidden = all.hidden = listed >= n;
    root.setAttribute("data-shown", String(n));
    root.setAttribute("data-listed", String(listed));
  }
  rows.forEach(function (r, i) { r.setAttribute("data-i", String(i)); });
  more.addEventListener("click", function () { limit += PAGE; apply(); });
  all.addEventListener("click", function () { limit = Infinity; apply(); });
  function refilter() { limit = PAGE; apply(); }
  function set(name, v) { var el = document.getElementById(controls[name]); if (el) { el.value = v; } }
  Object.keys(controls).forEach(function (name) {
    var el = document.getElementById(controls[name]);
    if (el) { el.addEventListener(name === "q" ? "input" : "change", refilter); }
  });
  document.getElementById("f-reset").addEventListener("click", function () {
    Object.keys(controls).forEach(function (name) { set(name, ""); });
    refilter();
  });
  Array.prototype.forEach.call(document.querySelectorAll("tr.pick"), function (tr) {
    tr.addEventListener("click", function () {
      set(tr.getAttribute("data-pick"), tr.getAttribute("data-value"));
      refilter();
      document.getElementById("list").scrollIntoView();
    });
  });
  function key(td, numeric) {
    var v = td ? (td.getAttribute("data-sort") || td.textContent) : "";
    return numeric ? parseFloat(v) || 0 : v;
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.addEventListener("click", function () {
        var asc = !th.classList.contains("asc");
        Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.classList.remove("asc", "desc"); });
        th.classList.add(asc ? "asc" : "desc");
        var numeric = th.getAttribute("data-type") === "num";
        var body = table.tBodies[0];
        var list = Array.prototype.slice.call(body.rows).map(function (r, i) { return [key(r.cells[col], numeric), i, r]; });
        list.sort(function (a, b) {
          var c = numeric ? a[0] - b[0] : String(a[0]).localeCompare(String(b[0]), "zh-CN");
          return (asc ? c : -c) || a[1] - b[1];
        });
        list.forEach(function (x) { body.appendChild(x[2]); });
        if (table.id === "findings") { apply(); }
      });
    });
  });
  var params = new URLSearchParams(location.hash.replace(/^#/, ""));
  params.forEach(function (v, k) { if (controls[k]) { set(k, v); } });
  apply();
  root.setAttribute("data-ready", "1");
})();
"""
