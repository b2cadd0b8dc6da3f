"""Build the traditional→simplified character table behind rule S105.

Source: OpenCC's character dictionaries (TSCharacters.txt, STCharacters.txt; Apache-2.0), as shipped in the
PyPI package ``opencc-python-reimplemented`` (install it to rebuild: ``pip install opencc-python-reimplemented``;
it is not a runtime dependency). Kept: a single traditional or variant character whose only simplified form is
one other character, so the fix is unambiguous (檢→检, 對→对, 與→与). Dropped: characters OpenCC maps to several
forms or to themselves (乾 干/乾, 著, 徵 征/徵, 於 于/於, 藉, 瞭, 夥, 覆, 餘 余/馀…), and characters that
《通用规范汉字表》(国务院 2013) lists as standard characters in their own right (昇, 甦, 陞, 祕…).

Writes dictionaries/hanzi/traditional-to-simplified.tsv and dictionaries/hanzi/simplified-only.txt (simplified
forms that never occur in traditional text; the check uses them to tell a simplified text with a stray traditional
character from a quoted traditional passage).

    python scripts/build_traditional_table.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "dictionaries" / "hanzi"

# Characters with a one-to-one OpenCC mapping that 《通用规范汉字表》(2013) nevertheless lists as standard
# characters (restored variants used in names and set words: 昇 in names, 甦 and 陞 in names, 祕 in 祕鲁, 釐 in 釐定…).
STANDARD_IN_TABLE = set("吒昇氾爇甦甯祕脩苧蒐薳釐陞")
# Also legitimate in simplified text for reasons the standard gives in its notes (surnames, set words);
# most are already ambiguous in OpenCC, listed so that a change of OpenCC's data cannot bring them back.
LEGITIMATE_IN_SIMPLIFIED = set("乾著徵於藉瞭夥覆蘋鉅鍾麽麼餘衹祇隻喆堃淼仝邨犇龑")


def read_dictionary(path: Path) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, values = line.partition("\t")
        table[key] = values.split()
    return table


def opencc_dictionary_dir() -> Path:
    try:
        import opencc  # opencc-python-reimplemented
    except ImportError:
        sys.exit("install the data source first: pip install opencc-python-reimplemented")
    return Path(opencc.__file__).resolve().parent / "dictionary"


def is_common_han(c: str) -> bool:
    """CJK Unified Ideographs and Extension A: a fix into Extension B+ (馼→𫘜) would not display everywhere."""
    return len(c) == 1 and ("\u3400" <= c <= "\u4dbf" or "\u4e00" <= c <= "\u9fff")


def build(dictionary_dir: Path) -> tuple[dict[str, str], set[str]]:
    ts = read_dictionary(dictionary_dir / "TSCharacters.txt")
    st = read_dictionary(dictionary_dir / "STCharacters.txt")
    pairs = {t: v[0] for t, v in ts.items()
             if len(v) == 1 and v[0] != t and is_common_han(t) and is_common_han(v[0])
             and t not in STANDARD_IN_TABLE and t not in LEGITIMATE_IN_SIMPLIFIED}
    # Forms that Taiwan and Hong Kong text uses (床, 群, 峰: OpenCC's own traditional is 牀, 羣, 峯) are not
    # evidence of simplified text.
    regional = {v for name in ("TWVariants.txt", "HKVariants.txt")
                for vs in read_dictionary(dictionary_dir / name).values() for v in vs}
    simplified_only = {s for s, trads in st.items()
                       if is_common_han(s) and s not in trads and s not in ts and s not in regional}
    return pairs, simplified_only


def main() -> int:
    pairs, simplified_only = build(opencc_dictionary_dir())
    OUT.mkdir(parents=True, exist_ok=True)
    header = ("# 繁体字、异体字 → 规范简化字（一对一），供规则 S105 使用。由 scripts/build_traditional_table.py 生成，\n"
              "# 数据来源：OpenCC TSCharacters.txt（Apache-2.0），依据《通用规范汉字表》（国务院 2013）剔除规范字和一对多的字。\n")
    lines = [f"{t}\t{s}" for t, s in sorted(pairs.items())]
    (OUT / "traditional-to-simplified.tsv").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    header2 = ("# 只在简化字文本中出现的简化字（不在任何繁体字形中出现），S105 用来判断一段文字是不是整段繁体。\n"
               "# 由 scripts/build_traditional_table.py 从 OpenCC STCharacters.txt（Apache-2.0）生成。\n")
    chars = "".join(sorted(simplified_only))
    body = "\n".join(chars[i:i + 50] for i in range(0, len(chars), 50))
    (OUT / "simplified-only.txt").write_text(header2 + body + "\n", encoding="utf-8")
    print(f"{len(pairs)} traditional→simplified pairs, {len(simplified_only)} simplified-only characters → {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
