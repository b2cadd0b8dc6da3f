"""Everything a reviewer reads is Chinese: help of every command and flag, file and usage errors, `govproof rules`.

A "Latin-only sentence" is a sentence with English words and no Chinese character ("no such file"). Commands,
flags, file names, codes and values (pip install …, --fix, NAME.fixed.EXT, {text,json}) may stay as they are.
"""
from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

import pytest

from conftest import run_cli
from govproof.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
_SENTENCE_END = re.compile(r"[。；！？：，\n]|[.;:!?](?:\s|$)")
_CODE = re.compile(r"`[^`]*`|'[^']*'|\"[^\"]*\"|\S*[-_./\\\[\]{}=<>:@%+*()0-9]\S*")
_WORDS = re.compile(r"\b[A-Za-z]{2,}(?:\s+[A-Za-z]{2,})+\b")
_COMMANDS = ("pip ", "apt-get ", "govproof ", "python ")


def latin_only_sentences(text: str) -> list[str]:
    bad = []
    for sentence in _SENTENCE_END.split(text):
        s = sentence.strip()
        if not s or re.search(r"[\u3400-\u9fff]", s) or s.startswith(_COMMANDS):
            continue
        if _WORDS.search(_CODE.sub(" ", s)):
            bad.append(s)
    return bad


def test_the_detector_finds_english_and_allows_commands():
    assert latin_only_sentences("无法检查：no such file") == ["no such file"]
    assert latin_only_sentences("binary content (NUL bytes), not text")
    assert not latin_only_sentences("读取 WARC 文件需要 warcio：pip install 'govproof[audit]'")
    assert not latin_only_sentences("与 --fix/--diff 同用：也采用需人工确认的修正")
    assert not latin_only_sentences("--format {text,json,sarif,html}")


def _parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _parsers(sub)


def test_help_of_every_command_is_chinese():
    problems = {}
    for parser in _parsers(build_parser()):
        bad = latin_only_sentences(parser.format_help())
        if bad:
            problems[parser.prog] = bad
    assert not problems, problems


def test_help_as_printed_is_chinese():
    for args in (["--help"], ["check", "--help"], ["audit", "--help"]):
        p = run_cli(*args)
        assert p.returncode == 0
        out = p.stdout.decode("utf-8")
        assert "用法" in out and not latin_only_sentences(out), (args, latin_only_sentences(out))


def test_rules_table_is_chinese_and_wraps_at_80_columns():
    p = run_cli("rules")
    out = p.stdout.decode("utf-8")
    assert p.returncode == 0 and not latin_only_sentences(out)
    assert "错误" in out and "警告" in out and "提示" in out and "warning" not in out
    from govproof.registry import all_rules
    cut = [r.name for r in all_rules().values() if r.name not in out]
    assert not cut, f"names cut instead of wrapped: {cut}"


def _error_cases(tmp: Path) -> list[tuple[list[str], str]]:
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "junk.txt").write_bytes(b"\x00\xff\xfe\x00" * 100)
    (tmp / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    (tmp / "fake.pdf").write_bytes(b"<html></html>")
    (tmp / "a.ofd").write_bytes(b"PK")
    (tmp / "bad.toml").write_text("select = [", encoding="utf-8")
    (tmp / "folder").mkdir()
    return [
        (["check", str(tmp / "missing.txt")], "文件不存在"),
        (["check", str(tmp / "empty.txt")], "空的"),
        (["check", str(tmp / "junk.txt")], "二进制"),
        (["check", str(tmp / "broken.docx")], "Word"),
        (["check", str(tmp / "fake.pdf")], "PDF"),
        (["check", str(tmp / "a.ofd")], "OFD"),
        (["check", "--config", str(tmp / "bad.toml"), str(tmp / "empty.txt")], "TOML"),
        (["check", "--select", "X9", str(tmp / "empty.txt")], "规则代码"),
        (["check", "--as-of", "yesterday", str(tmp / "empty.txt")], "日期"),
        (["check", "--in-place", str(tmp / "empty.txt")], "--fix"),
        (["check", "--fail-on", "fatal", str(tmp / "empty.txt")], "无效"),
        (["check"], "缺少"),
        (["explain", "S999"], "没有规则"),
        (["rules", "--family", "Q"], "没有类别"),
        (["audit", str(tmp / "folder" / "nothing"), "--db", str(tmp / "a.db")], "不存在"),
    ]


def test_file_and_usage_errors_are_chinese(tmp_path):
    for args, expected in _error_cases(tmp_path):
        p = run_cli(*args)
        shown = (p.stdout + p.stderr).decode("utf-8")
        assert p.returncode == 2, (args, shown)
        assert expected in shown, (args, shown)
        assert not latin_only_sentences(shown), (args, latin_only_sentences(shown))


def test_the_technical_reason_is_kept_for_verbose_and_json(tmp_path):
    (tmp_path / "junk.txt").write_bytes(b"\x00\xff" * 100)
    p = run_cli("check", "--verbose", str(tmp_path / "junk.txt"))
    assert "二进制" in p.stdout.decode() and "技术原因：NUL bytes" in p.stdout.decode()
    assert "NUL" not in run_cli("check", str(tmp_path / "junk.txt")).stdout.decode()


_ERROR_CLASSES = {"LoadError", "DecodeError", "ConfigError", "SourceError", "StoreError", "DatabaseBusy",
                  "AnnotateError"}


def _message_literals():
    """The first argument of every `raise SomeError(...)` above and of every print to stderr, as written."""
    for path in sorted((ROOT / "govproof").rglob("*.py")):
        if "checks" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            to_stderr = name == "print" and any(k.arg == "file" for k in node.keywords)
            if name in _ERROR_CLASSES or to_stderr:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    yield path, node.lineno, arg.value
                elif isinstance(arg, ast.JoinedStr):
                    yield path, node.lineno, "".join(v.value if isinstance(v, ast.Constant) else "X"
                                                     for v in arg.values)


@pytest.mark.parametrize("where,text", [pytest.param(f"{p.relative_to(ROOT)}:{n}", t, id=f"{p.name}:{n}")
                                        for p, n, t in _message_literals()])
def test_every_error_message_in_the_code_is_chinese(where, text):
    assert not latin_only_sentences(text), f"{where}: {text!r}"
