"""Every file that holds health data is written here, the same way.

- never over a device, a folder, a link or the live diary (``/dev/null``, ``/dev/full`` and the
  database itself are refused, so nothing replaces them);
- a new file created exclusively in the target's own folder, readable by its owner only from
  the first byte (no predictable name another user could create first, no moment world-readable);
- written, flushed to disk, then renamed over the target in one step: a crash leaves the old
  file or the new one, never half of either.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from twitchwise.errors import InputError


def check_target(path: Path, *, field: str, live: Path | None = None) -> None:
    """Refuse a target that is not (or would not be) a plain file of the person's own."""
    if live is not None and path.exists() and live.exists() and os.path.samefile(path, live):
        raise InputError(field, "is the diary itself; name a new file for the copy")
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise InputError(field, f"cannot be used ({error.strerror})") from None
    if stat.S_ISDIR(mode):
        raise InputError(field, "is a folder; name the file to write")
    if not stat.S_ISREG(mode):
        raise InputError(field, "is not a regular file (a device, a link or a pipe); name a file")


def write_private(path: Path, data: bytes, *, field: str = "--out", live: Path | None = None) -> None:
    """Write ``data`` to ``path`` as described above."""

    def write(temporary: Path) -> None:
        with open(temporary, "wb") as handle:
            handle.write(data)

    write_with(path, write, field=field, live=live)


def write_with(path: Path, fill: Callable[[Path], None], *, field: str = "--out", live: Path | None = None) -> None:
    """Let ``fill`` write a fresh private file, then put it in place of ``path`` atomically."""
    check_target(path, field=field, live=live)
    with _fresh(path, field) as temporary:
        fill(temporary)
        _sync(temporary)
        os.replace(temporary, path)
        _sync_folder(path.parent)


@contextlib.contextmanager
def _fresh(path: Path, field: str) -> Iterator[Path]:
    try:
        descriptor, name = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(field, f"cannot write there ({error.strerror})") from None
    os.close(descriptor)  # mkstemp created it with O_EXCL and mode 0600
    temporary = Path(name)
    try:
        yield temporary
    except OSError as error:
        raise InputError(field, f"cannot write the file ({error.strerror})") from None
    finally:
        temporary.unlink(missing_ok=True)


def _sync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a folder be opened
        descriptor = os.open(folder or Path("."), os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
