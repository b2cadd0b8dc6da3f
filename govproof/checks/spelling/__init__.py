"""The statistical, context-aware spelling checker (S201–S299): sound/shape candidates scored by a word LM.

Importing this package is cheap; the language model and tables load on first use.
"""
