"""Build dictionaries/spelling/word-frequencies.tsv: modern word frequencies for the spelling fallback.

jieba's counts come from older newspaper text and lack much of today's official vocabulary (还未, 管控,
数字化 are rare or missing there). wordfreq's Chinese list (large, built from subtitles, Wikipedia, news
and web text) has them. This script keeps the 2–4-character Chinese words whose wordfreq Zipf value is
at least --min-zipf and that jieba lacks or counts at least one Zipf unit lower, with the Zipf value
rounded to two decimals. The fallback scorer (govproof/checks/spelling/lm.py) takes the larger of the
two estimates. Data licence: wordfreq's data is CC BY-SA 4.0 (© Robyn Speer and contributors); the
generated file says so in its header.

    pip install wordfreq && python scripts/build_word_frequencies.py
"""
from __future__ import annotations

import argparse
import math
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "dictionaries" / "spelling" / "word-frequencies.tsv"
HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")
HEADER = """# 现代汉语词频补充（词<TAB>Zipf 值，即 log10(每十亿词出现次数)）：jieba 词典缺少或低估的 2–4 字词。
# 来源：wordfreq 3.x 中文词表（large），CC BY-SA 4.0，© Robyn Speer 等；由 scripts/build_word_frequencies.py 生成，勿手改。
# 用途：无语言模型时错别字统计检查（S2）的词频估计取 jieba 与本表中较大者。
"""


def jieba_zipf() -> dict[str, float]:
    import jieba

    counts: dict[str, int] = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            parts = line.split(" ", 2)
            if len(parts) >= 2 and parts[1].isdigit():
                counts[parts[0]] = int(parts[1])
    total = sum(counts.values())
    return {w: math.log10(n / total) + 9 for w, n in counts.items() if n > 0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-zipf", type=float, default=2.0)
    args = ap.parse_args()
    import wordfreq

    old = jieba_zipf()
    rows = []
    for word, freq in wordfreq.get_frequency_dict("zh", "large").items():
        zipf = math.log10(freq) + 9
        if HAN_WORD.fullmatch(word) and zipf >= args.min_zipf and old.get(word, 0.0) < zipf - 1.0:
            rows.append(f"{word}\t{zipf:.2f}")
    OUT.write_text(HEADER + "\n".join(sorted(rows)) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} words")


if __name__ == "__main__":
    main()
