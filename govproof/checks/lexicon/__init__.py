"""S110–S111: typos found against reviewed word lists rather than a language model, so they work in every install.

S110 compares the text with a lexicon of fixed expressions (slogans, 成语, names of organs and programmes);
S111 with jieba's frequent words. Both report only a written form one confusable character away from exactly
one listed form.
"""
