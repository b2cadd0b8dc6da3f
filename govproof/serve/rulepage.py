"""A rule's documentation page (the same Markdown as `govproof explain`) as HTML for the review page's links.

The Markdown is the small subset ruledoc writes: headings, bullets, ```text blocks, `code`, paragraphs.
Everything is escaped before any markup is added.
"""
from __future__ import annotations

from html import escape

import regex

from ..rule import Rule
from ..ruledoc import render_markdown

_CODE = regex.compile(r"`([^`]+)`")


def _inline(text: str) -> str:
    return _CODE.sub(lambda m: f"<code>{m.group(1)}</code>", escape(text))


def markdown_to_html(markdown: str) -> str:
    out: list[str] = []
    in_list = in_code = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            out.append("</pre>" if in_code else "<pre>")
            in_code = not in_code
            continue
        if in_code:
            out.append(escape(line))
            continue
        if in_list and not line.startswith("- "):
            out.append("</ul>")
            in_list = False
        if line.startswith("#"):
            level = min(len(line) - len(line.lstrip("#")), 3)
            out.append(f"<h{level}>{_inline(line.lstrip('#').strip())}</h{level}>")
        elif line.startswith("- "):
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{_inline(line[2:])}</li>")
        elif line.strip():
            out.append(f"<p>{_inline(line)}</p>")
    if in_list:
        out.append("</ul>")
    if in_code:
        out.append("</pre>")
    return "\n".join(out)


def rule_page(rule: Rule) -> str:
    body = markdown_to_html(render_markdown(rule))
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(rule.code)} '
            f'{escape(rule.name)} · govproof</title><link rel="stylesheet" href="/static/app.css"></head>'
            f'<body class="rule-page"><main>{body}<p><a href="/">返回校对页面</a></p></main></body></html>')
