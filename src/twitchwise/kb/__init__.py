"""The knowledge base: sources, red flags, factors, actions and medicines, as data.

The files in ``data/`` are read and checked by :mod:`twitchwise.kb.loader`; a checked copy is
kept per user (:mod:`twitchwise.kb.cache`), so a one-shot command imports neither the loader nor
PyYAML unless a file changed.
"""

from __future__ import annotations

import os
from functools import cache

from twitchwise.kb.models import KnowledgeBase, KnowledgeBaseError

__all__ = ["KnowledgeBase", "KnowledgeBaseError", "load_knowledge_base"]

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


@cache
def load_knowledge_base() -> KnowledgeBase:
    """The shipped knowledge base, loaded and checked once per process (from the cache when fresh)."""
    from twitchwise.kb.cache import cached

    return cached(DATA_DIR, _build)


def _build(directory: str) -> KnowledgeBase:
    from pathlib import Path

    from twitchwise.kb.loader import load_from

    return load_from(Path(directory))
