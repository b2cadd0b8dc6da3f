"""govproof: offline proofreading and compliance checks for Chinese government information.

Public API: check_text, check_path, Finding, Config, Severity. Everything else may change.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .api import check_path, check_text
from .config import Config
from .finding import Finding, Severity
from .loaders import LoadError

__all__ = ["check_text", "check_path", "Finding", "Config", "Severity", "LoadError", "__version__"]
