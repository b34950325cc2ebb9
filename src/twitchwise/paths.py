"""Where twitchwise keeps files: the diary in the user's data folder, the knowledge-base cache in
their cache folder — platformdirs' answers, with ``TWITCHWISE_DATA_DIR`` and
``TWITCHWISE_CACHE_DIR`` to override them.

On Linux the XDG rule is applied here directly: it is platformdirs' own answer there, and it
saves a one-shot ``twitchwise check`` the few milliseconds of importing platformdirs.  For the
same reason the folder is a plain string: a check needs no :mod:`pathlib`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import Literal

APP = "twitchwise"
_XDG = {"data": ("XDG_DATA_HOME", ".local/share"), "cache": ("XDG_CACHE_HOME", ".cache")}


def user_folder(kind: Literal["data", "cache"], environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    configured = environ.get(f"TWITCHWISE_{kind.upper()}_DIR", "").strip()
    if configured:
        return os.path.expanduser(configured)
    system: str = sys.platform  # a plain string, so type checkers keep both branches
    if system == "linux":
        variable, fallback = _XDG[kind]
        base = environ.get(variable, "").strip()
        return os.path.join(base if os.path.isabs(base) else os.path.join(os.path.expanduser("~"), fallback), APP)
    import platformdirs

    if kind == "data":
        return platformdirs.user_data_dir(APP, appauthor=False)
    return platformdirs.user_cache_dir(APP, appauthor=False)
