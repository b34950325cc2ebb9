"""A per-user cache of the checked knowledge base, so a one-shot command starts quickly.

Parsing and checking the YAML files costs more than a whole assessment, and PyYAML is slow to
import.  The compiled :class:`~twitchwise.kb.models.KnowledgeBase` is therefore pickled into the
user's cache folder (see :mod:`twitchwise.paths`), under a name
derived from checksums (CRC-32 and Adler-32) of every data file and of the modules that define the compiled classes.
Editing a file therefore gives a new name, and the stale copy is never read.

The cache is an optimisation only: when it cannot be read or written, the knowledge base is
built from the files and the command goes on.  It holds no health data — only the shipped
knowledge base.  It is read with pickle, so it trusts the user's own cache folder exactly as
Python trusts their site-packages.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

from twitchwise.kb.models import KnowledgeBase

_PACKAGE = Path(__file__).resolve().parent.parent
# The modules whose classes are pickled; a change to any of them invalidates the cache.
_MODULES = ("answers.py", "vocabulary.py", "kb/conditions.py", "kb/loader.py", "kb/models.py")


def cache_dir() -> Path:
    from twitchwise.paths import user_dir

    return user_dir("cache")


def fingerprint(directory: Path) -> str:
    """Checksums of the files the knowledge base is built from (zlib's, which import in no time)."""
    crc = adler = 1
    files = [*sorted(directory.glob("*.yaml")), *(_PACKAGE / name for name in _MODULES)]
    for path in files:
        chunk = path.name.encode() + b"\0" + path.read_bytes() + b"\0"
        crc, adler = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler)
    return f"py{sys.version_info[0]}{sys.version_info[1]}-{len(files)}-{crc:08x}{adler:08x}"


def cached(directory: Path, build: Callable[[Path], KnowledgeBase], folder: Path | None = None) -> KnowledgeBase:
    """The knowledge base of ``directory``: from the cache when fresh, else built and stored."""
    folder = cache_dir() if folder is None else folder
    try:
        path = folder / f"kb-{fingerprint(directory)}.pickle"
    except OSError:
        return build(directory)
    try:
        loaded = pickle.loads(path.read_bytes())  # the user's own cache, see above
        if isinstance(loaded, KnowledgeBase):
            return loaded
    except Exception:  # missing, truncated or from another version: rebuild
        pass
    kb = build(directory)  # raises KnowledgeBaseError on a bad file; nothing is cached then
    _store(path, kb)
    return kb


def _store(path: Path, kb: KnowledgeBase) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob("kb-*.pickle"):
            stale.unlink(missing_ok=True)
        import tempfile

        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".kb-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, path)  # atomic: a concurrent reader sees the old file or the new
    except OSError:
        Path(temporary).unlink(missing_ok=True)
