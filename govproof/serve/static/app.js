// govproof review page. Every piece of document text reaches the page through textContent, never as markup.
"use strict";

const FAMILY_ZH = {S: "错别字", T: "规范表述", C: "条例引用", P: "标点", N: "数字", F: "格式", D: "个人信息"};
const SEVERITY_ZH = {error: "错误", warning: "警告", info: "提示"};
const SEVERITY_RANK = {info: 1, warning: 2, error: 3};
const STATE_ZH = {accepted: "已接受", rejected: "已拒绝", "": "待处理"};

let submission = null;   // what was checked: {text} or {file}, plus the options, re-sent with each download
let result = null;       // the last /api/review answer
const decisions = new Map();  // finding id -> "accepted" | "rejected"

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function options() {
  const families = [...document.querySelectorAll('input[name="family"]:checked')].map(i => i.value);
  return {
    select: families.join(","),
    as_of: document.getElementById("as_of").value,
    profile: document.getElementById("profile").checked ? "reply" : "",
  };
}

function formData(extra = {}) {
  const fd = new FormData();
  if (submission.file) fd.append("file", submission.file, submission.file.name);
  else fd.append("text", submission.text);
  for (const [k, v] of Object.entries({...submission.options, ...extra})) if (v) fd.append(k, v);
  return fd;
}

function showError(message) {
  const box = document.getElementById("error");
  box.textContent = message;
  box.hidden = !message;
}

async function post(url, fd) {
  const response = await fetch(url, {method: "POST", body: fd});
  if (response.ok) return response;
  let message = `请求失败（${response.status}）`;
  try {
    const body = await response.json();
    message = body.error || message;
  } catch (e) { /* not JSON */ }
  if (response.status === 413) message = message || "上传内容过大";
  throw new Error(message);
}

async function runCheck(event) {
  event.preventDefault();
  const file = document.getElementById("file").files[0];
  const text = document.getElementById("text").value;
  if (!file && !text.trim()) { showError("请粘贴文本或选择文件。"); return; }
  if (!document.querySelector('input[name="family"]:checked')) { showError("请至少选择一类检查。"); return; }
  submission = {file: file || null, text: file ? null : text, options: options()};
  showError("");
  document.getElementById("busy").hidden = false;
  document.getElementById("run").disabled = true;
  try {
    const response = await post("/api/review", formData());
    result = await response.json();
    decisions.clear();
    render();
  } catch (e) {
    document.getElementById("results").hidden = true;
    showError(e.message);
  } finally {
    document.getElementById("busy").hidden = true;
    document.getElementById("run").disabled = false;
  }
}

function overlaps(a, b) { return a.start < b.end && b.start < a.end; }

function decide(id, state) {
  const f = result.findings.find(x => x.id === id);
  if (decisions.get(id) === state) decisions.delete(id);
  else {
    decisions.set(id, state);
    if (state === "accepted") {  // two overlapping edits cannot both be made: the newer decision wins
      for (const other of result.findings) {
        if (other.id !== id && decisions.get(other.id) === "accepted" && overlaps(other, f)) decisions.delete(other.id);
      }
    }
  }
  render();
}

function acceptSafe() {
  for (const f of result.findings) {
    if (!f.fix_safe || !f.fixable || decisions.has(f.id)) continue;
    const clash = result.findings.some(o => decisions.get(o.id) === "accepted" && overlaps(o, f));
    if (!clash) decisions.set(f.id, "accepted");
  }
  render();
}

function render() {
  document.getElementById("results").hidden = false;
  document.getElementById("download-docx").hidden = !result.is_word;
  renderSummary();
  renderDoc();
  renderList();
}

function renderSummary() {
  const box = document.getElementById("summary");
  const s = result.summary;
  const counts = {accepted: 0, rejected: 0};
  for (const v of decisions.values()) counts[v] += 1;
  const name = result.path === "-" ? "粘贴的文本" : result.path;
  const names = Object.fromEntries(result.findings.map(f => [f.code, f.name]));
  const byRule = el("ul", {class: "by-rule"});
  for (const [code, n] of Object.entries(s.by_code)) {
    byRule.append(el("li", {class: `fam-${code[0]}`}, el("b", {text: code}), ` ${names[code] || ""} × ${n}`));
  }
  box.replaceChildren(
    el("h2", {text: `检查摘要：${name}`}),
    el("p", {class: "counts", text: `共 ${s.findings} 处问题（错误 ${s.by_severity.error}，警告 ${s.by_severity.warning}，`
      + `提示 ${s.by_severity.info}）；已接受 ${counts.accepted}，已拒绝 ${counts.rejected}，`
      + `待处理 ${s.findings - counts.accepted - counts.rejected}。`}),
    s.findings ? byRule : el("p", {text: "没有发现问题。"}),
  );
}

function codePoints(text) { return Array.from(text); }

function renderDoc() {
  const chars = codePoints(result.text);
  const cuts = new Set([0, chars.length]);
  for (const f of result.findings) { cuts.add(f.start); cuts.add(f.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const box = document.getElementById("doc");
  box.replaceChildren();
  for (let i = 0; i < points.length; i++) {
    const a = points[i], b = points[i + 1];
    for (const f of result.findings) {  // an accepted suggestion is shown right after the text it replaces
      if (f.end === a && decisions.get(f.id) === "accepted" && f.suggestion) {
        box.append(el("ins", {class: "sugg", text: f.suggestion}));
      }
    }
    if (b === undefined) break;
    const piece = chars.slice(a, b).join("");
    const covering = result.findings.filter(f => f.start <= a && b <= f.end && decisions.get(f.id) !== "rejected");
    if (!covering.length) { box.append(document.createTextNode(piece)); continue; }
    const top = covering.reduce((x, y) => SEVERITY_RANK[y.severity] > SEVERITY_RANK[x.severity] ? y : x);
    const accepted = covering.some(f => decisions.get(f.id) === "accepted");
    const mark = el("mark", {class: `hl fam-${top.family} sev-${top.severity}${accepted ? " accepted" : ""}`,
                             "data-ids": covering.map(f => f.id).join(" "), title: top.message, text: piece});
    mark.addEventListener("click", () => focusItem(covering[0].id));
    box.append(mark);
  }
}

function focusItem(id) {
  const item = document.querySelector(`.item[data-id="${CSS.escape(id)}"]`);
  if (!item) return;
  document.querySelectorAll(".item.focus").forEach(n => n.classList.remove("focus"));
  item.classList.add("focus");
  item.scrollIntoView({block: "nearest"});
}

function focusMark(id) {
  const mark = [...document.querySelectorAll("mark.hl")].find(m => m.dataset.ids.split(" ").includes(id));
  if (mark) mark.scrollIntoView({block: "center"});
}

function renderList() {
  const groups = new Map();
  for (const f of result.findings) {
    if (!groups.has(f.code)) groups.set(f.code, []);
    groups.get(f.code).push(f);
  }
  const list = document.getElementById("list");
  list.replaceChildren();
  if (!result.findings.length) list.append(el("p", {text: "没有发现问题。"}));
  for (const [code, items] of groups) {
    const head = el("h3", {class: `group fam-${code[0]}`},
      el("span", {class: "code", text: code}), ` ${items[0].name}（${items.length}） `,
      el("a", {href: `/rules/${encodeURIComponent(code)}`, target: "_blank", rel: "noopener", text: "规则说明"}));
    const group = el("section", {class: "rule-group"}, head);
    for (const f of items) group.append(renderItem(f));
    list.append(group);
  }
}

function renderItem(f) {
  const state = decisions.get(f.id) || "";
  const where = [`第${f.line}行第${f.column}列`, f.where].filter(Boolean).join("，");
  const item = el("div", {class: `item sev-${f.severity} ${state}`, "data-id": f.id},
    el("div", {class: "meta"}, el("span", {class: `badge sev-${f.severity}`, text: SEVERITY_ZH[f.severity]}), " ",
       el("a", {class: "rule-link", href: `/rules/${encodeURIComponent(f.code)}`, target: "_blank", rel: "noopener",
                title: "这条规则的说明", text: f.code}),
       ` ${FAMILY_ZH[f.family] || f.family} · ${where} `, el("span", {class: "state", text: STATE_ZH[state]})),
    el("p", {class: "message", text: f.message}));
  const change = el("p", {class: "change"}, el("del", {text: f.text}));
  if (f.suggestion !== null) change.append(" → ", el("ins", {text: f.suggestion === "" ? "（删除）" : f.suggestion}));
  item.append(change);
  if (f.evidence) {
    item.append(el("details", {class: "evidence"}, el("summary", {text: "依据"}), el("div", {text: f.evidence})));
  }
  const accept = el("button", {type: "button", "data-action": "accept", text: state === "accepted" ? "撤销接受" : "接受"});
  if (!f.fixable) { accept.disabled = true; accept.title = "这条问题没有可直接替换的建议，请人工修改"; }
  const reject = el("button", {type: "button", "data-action": "reject", text: state === "rejected" ? "撤销拒绝" : "拒绝"});
  accept.addEventListener("click", () => decide(f.id, "accepted"));
  reject.addEventListener("click", () => decide(f.id, "rejected"));
  item.append(el("div", {class: "actions no-print"}, accept, reject));
  item.addEventListener("click", e => { if (!["BUTTON", "SUMMARY", "A"].includes(e.target.tagName)) focusMark(f.id); });
  return item;
}

function idsWith(state) { return JSON.stringify([...decisions].filter(([, v]) => v === state).map(([k]) => k)); }

function filenameOf(response, fallback) {
  const header = response.headers.get("content-disposition") || "";
  const m = header.match(/filename\*=UTF-8''([^;]+)/);
  return m ? decodeURIComponent(m[1]) : fallback;
}

async function download(kind) {
  showError("");
  try {
    const response = await post(`/api/download/${kind}`, formData({accepted: idsWith("accepted"), rejected: idsWith("rejected")}));
    const blob = await response.blob();
    const link = el("a", {href: URL.createObjectURL(blob), download: filenameOf(response, `govproof.${kind === "docx" ? "docx" : "txt"}`)});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  } catch (e) {
    showError(e.message);
  }
}

function legend() {
  const box = document.getElementById("legend");
  for (const [fam, zh] of Object.entries(FAMILY_ZH)) box.append(el("span", {class: `hl fam-${fam}`, text: `${fam} ${zh}`}));
}

function setupDrop() {
  const drop = document.getElementById("drop");
  const input = document.getElementById("file");
  drop.addEventListener("dragover", e => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", e => {
    e.preventDefault();
    drop.classList.remove("over");
    if (e.dataTransfer.files.length) input.files = e.dataTransfer.files;
  });
}

document.addEventListener("DOMContentLoaded", () => {
  legend();
  setupDrop();
  document.getElementById("input").addEventListener("submit", runCheck);
  document.getElementById("accept-safe").addEventListener("click", acceptSafe);
  document.getElementById("download-text").addEventListener("click", () => download("text"));
  document.getElementById("download-docx").addEventListener("click", () => download("docx"));
  document.getElementById("print").addEventListener("click", () => window.print());
});
