"""argparse in Chinese: help headings, the -h flag and usage errors, so a reviewer never meets English at the prompt.

argparse writes its own words (usage:, options, "the following arguments are required"); they are replaced here
rather than by patching argparse's gettext, which other code in the process may rely on.
"""
from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's usage errors (Python 3.10–3.13 wording) → Chinese; groups are the flags and values argparse names.
_ERRORS: list[tuple[re.Pattern[str], str]] = [(re.compile(p), zh) for p, zh in (
    (r"^the following arguments are required: (.*)$", r"缺少必需的参数：\1"),
    (r"^unrecognized arguments: (.*)$", r"无法识别的参数：\1"),
    (r"^argument (.+?): invalid choice: (.+?) \(choose from (.*)\)$", r"参数 \1 的值 \2 无效，可选：\3"),
    (r"^argument (.+?): expected one argument$", r"参数 \1 需要一个值"),
    (r"^argument (.+?): expected at least one argument$", r"参数 \1 至少需要一个值"),
    (r"^argument (.+?): invalid (\w+) value: (.*)$", r"参数 \1 的值 \3 无效（应为 \2）"),
    (r"^argument (.+?): not allowed with argument (.*)$", r"参数 \1 不能与 \2 同时使用"),
    (r"^argument (.+?): ignored explicit argument (.*)$", r"参数 \1 不接受值 \2"),
    (r"^ambiguous option: (.+?) could match (.*)$", r"选项 \1 有歧义，可能是：\2"),
    (r"^one of the arguments (.*) is required$", r"必须给出以下参数之一：\1"),
)]


def translate_error(message: str) -> str:
    for pattern, zh in _ERRORS:
        if pattern.match(message):
            return pattern.sub(zh, message)
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "用法：")


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are Chinese; subcommand parsers made from it are too."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{translate_error(message)}\n")
