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

This module is on the path of every ``twitchwise check``, so it works with ``os.path`` rather
than :mod:`pathlib`, whose import (with ``urllib.parse`` and ``ipaddress``) costs a one-shot
check a few milliseconds.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import zlib
from collections.abc import Callable
from typing import TypeVar

from twitchwise.kb.models import KnowledgeBase

Folder = TypeVar("Folder", bound="str | os.PathLike[str]")

_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The modules whose classes are pickled; a change to any of them invalidates the cache.
_MODULES = ("answers.py", "vocabulary.py", "kb/conditions.py", "kb/loader.py", "kb/models.py")


def cache_dir() -> str:
    from twitchwise.paths import user_folder

    return user_folder("cache")


def fingerprint(directory: str | os.PathLike[str]) -> str:
    """Checksums of the files the knowledge base is built from (zlib's, which import in no time)."""
    directory = os.fspath(directory)
    crc = adler = 1
    data = sorted(name for name in os.listdir(directory) if name.endswith(".yaml"))
    files = [*(os.path.join(directory, name) for name in data), *(os.path.join(_PACKAGE, m) for m in _MODULES)]
    for path in files:
        with open(path, "rb") as file:
            chunk = os.path.basename(path).encode() + b"\0" + file.read() + b"\0"
        crc, adler = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler)
    return f"py{sys.version_info[0]}{sys.version_info[1]}-{len(files)}-{crc:08x}{adler:08x}"


def cached(
    directory: Folder, build: Callable[[Folder], KnowledgeBase], folder: str | os.PathLike[str] | None = None
) -> KnowledgeBase:
    """The knowledge base of ``directory``: from the cache when fresh, else built and stored."""
    folder = cache_dir() if folder is None else os.fspath(folder)
    try:
        path = os.path.join(folder, f"kb-{fingerprint(directory)}.pickle")
    except OSError:
        return build(directory)
    try:
        with open(path, "rb") as file:
            loaded = pickle.loads(file.read())  # the user's own cache, see above
        if isinstance(loaded, KnowledgeBase):
            return loaded
    except Exception:  # missing, truncated or from another version: rebuild
        pass
    kb = build(directory)  # raises KnowledgeBaseError on a bad file; nothing is cached then
    _store(path, kb)
    return kb


def _store(path: str, kb: KnowledgeBase) -> None:
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):
            if name.startswith("kb-") and name.endswith(".pickle"):
                with contextlib.suppress(FileNotFoundError):  # another process removed it first
                    os.unlink(os.path.join(folder, name))
        import tempfile

        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".kb-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, path)  # atomic: a concurrent reader sees the old file or the new
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
