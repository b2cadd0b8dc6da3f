"""Optional correctors for users who have their own models (``pip install 'govproof[models]'``), rule S203.

- ``pycorrector-kenlm``: pycorrector 1.1.4's kenlm ``Corrector`` with a user-supplied *character* KenLM model
  (``.klm`` or ARPA). ``import pycorrector`` needs torch, so its modules are loaded one by one without running the
  package ``__init__``; a missing model file is an error here, never a download.
- ``macbert``: a MacBERT CSC model in a local directory (transformers + torch), loaded with ``local_files_only``.

Enabled by ``[tool.govproof.spelling] backend = "..."`` and ``backend_model = "path"``. Corrections keep length;
protected spans (names, titles, numbers…) are left alone as for S201.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from pathlib import Path
from typing import Callable

BACKENDS = ("pycorrector-kenlm", "macbert")


class BackendError(RuntimeError):
    """The configured backend cannot run: a one-line reason for the user."""


def _pycorrector_module(name: str) -> types.ModuleType:
    spec = importlib.util.find_spec("pycorrector")
    if spec is None or not spec.submodule_search_locations:
        raise BackendError("未安装 pycorrector（pip install 'govproof[models]'）")
    if "pycorrector" not in sys.modules:  # a bare package object: its __init__ (which imports torch) never runs
        pkg = types.ModuleType("pycorrector")
        pkg.__path__ = list(spec.submodule_search_locations)
        sys.modules["pycorrector"] = pkg
    try:
        return importlib.import_module(f"pycorrector.{name}")
    except ImportError as e:
        raise BackendError(f"pycorrector 的 {name} 需要 {e.name}（pip install 'govproof[models]'）") from None


def pycorrector_kenlm(model_path: str) -> Callable[[str], str]:
    if not Path(model_path).is_file():
        raise BackendError(f"spelling.backend_model = {model_path!r}：文件不存在（不会下载模型）")
    corrector = _pycorrector_module("corrector").Corrector(language_model_path=model_path)
    try:
        corrector.check_detector_initialized()  # loads the model now, so a bad file fails here, once
    except (OSError, RuntimeError) as e:
        raise BackendError(f"{model_path}：不是 kenlm 能读取的 KenLM 模型（{str(e).splitlines()[0][:120]}）") from None
    return lambda sentence: corrector.correct(sentence)["target"]


def macbert(model_dir: str) -> Callable[[str], str]:
    if not Path(model_dir).is_dir():
        raise BackendError(f"spelling.backend_model = {model_dir!r}：文件夹不存在（不会下载模型）")
    try:
        import torch
        from transformers import BertForMaskedLM, BertTokenizerFast
    except ImportError as e:
        raise BackendError(f"MacBERT 后端需要 {e.name}（pip install 'govproof[models]' torch）") from None
    tokenizer = BertTokenizerFast.from_pretrained(model_dir, local_files_only=True)
    model = BertForMaskedLM.from_pretrained(model_dir, local_files_only=True).eval()
    if not tokenizer.vocab:
        raise BackendError(f"{model_dir}：分词器的词表是空的")

    def correct(sentence: str) -> str:
        chars = list(sentence)
        enc = tokenizer(chars, is_split_into_words=True, return_tensors="pt", truncation=True, max_length=512)
        with torch.no_grad():
            ids = model(**enc).logits.argmax(-1)[0].tolist()
        out = list(sentence)
        for k, word in enumerate(enc.word_ids()):
            if word is None or word >= len(out):
                continue
            token = tokenizer.convert_ids_to_tokens(ids[k])
            if token and len(token) == 1 and "\u4e00" <= token <= "\u9fff" and "\u4e00" <= out[word] <= "\u9fff":
                out[word] = token
        return "".join(out)

    return correct


def load_backend(name: str, model: str) -> Callable[[str], str]:
    """A function from a sentence to its corrected form (same length)."""
    if name == "pycorrector-kenlm":
        return pycorrector_kenlm(model)
    if name == "macbert":
        return macbert(model)
    raise BackendError(f"spelling.backend = {name!r}：未知的后端（可选：{'、'.join(BACKENDS)}）")
