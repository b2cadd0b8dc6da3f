"""A disk cache for data that is slow to build and cheap to load (rule packs, the spelling index).

Keyed by the size and mtime of the files it was built from; a cache that cannot be read or
written is simply rebuilt: checking never fails because of it. Location: $GOVPROOF_CACHE_DIR,
else $XDG_CACHE_HOME/govproof, else ~/.cache/govproof.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    if os.environ.get("GOVPROOF_CACHE_DIR"):
        return Path(os.environ["GOVPROOF_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govproof"


def cached(kind: str, sources: list[str], build: Callable[[], T], extra: str = "") -> T:
    """``build()``'s result, kept under ``kind`` and keyed by ``sources`` (their size and mtime) and ``extra``.

    Older caches of the same kind and first source are removed when a new one is written.
    """
    from . import __version__

    stamp = f"{__version__}|{extra}"
    try:
        for source in sources:
            st = os.stat(source)
            stamp += f"|{os.path.abspath(source)}|{st.st_size}|{st.st_mtime_ns}"
    except OSError:
        return build()
    family = hashlib.sha1(os.path.abspath(sources[0]).encode() if sources else b"").hexdigest()[:8]
    path = cache_dir() / f"{kind}-{family}-{hashlib.sha1(stamp.encode()).hexdigest()[:16]}.pickle"
    try:
        with open(path, "rb") as f:
            gc.disable()  # many small objects: the collector would walk them again and again while loading
            try:
                return pickle.load(f)
            finally:
                gc.enable()
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob(f"{kind}-{family}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass
    return value
