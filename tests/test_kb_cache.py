"""The per-user cache of the checked knowledge base: fresh, self-invalidating, never in the way."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from twitchwise.kb import KnowledgeBase, KnowledgeBaseError
from twitchwise.kb.cache import cached, fingerprint
from twitchwise.kb.loader import data_dir, load_from


class CountingBuild:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, directory: Path) -> KnowledgeBase:
        self.calls += 1
        return load_from(directory)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(data_dir(), tmp_path / "data"))


def test_second_load_comes_from_the_cache_and_equals_a_fresh_build(tmp_path: Path, kb: KnowledgeBase) -> None:
    build = CountingBuild()
    first = cached(data_dir(), build, tmp_path / "cache")
    second = cached(data_dir(), build, tmp_path / "cache")
    assert build.calls == 1
    assert first == second == kb
    assert len(list((tmp_path / "cache").glob("kb-*.pickle"))) == 1


def test_editing_a_data_file_invalidates_the_cache(tmp_path: Path, data_copy: Path) -> None:
    build = CountingBuild()
    before = cached(data_copy, build, tmp_path / "cache")
    path = data_copy / "limits.yaml"
    path.write_text(path.read_text().replace("400", "300", 1))
    after = cached(data_copy, build, tmp_path / "cache")
    assert build.calls == 2
    assert before != after
    assert len(list((tmp_path / "cache").glob("kb-*.pickle"))) == 1  # the stale copy is gone


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."])  # empty, junk, an int
def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, kb: KnowledgeBase, content: bytes) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / f"kb-{fingerprint(data_dir())}.pickle").write_bytes(content)
    build = CountingBuild()
    assert cached(data_dir(), build, folder) == kb
    assert build.calls == 1
    assert cached(data_dir(), build, folder) == kb and build.calls == 1  # repaired


def test_an_unwritable_cache_folder_never_stops_a_check(tmp_path: Path, kb: KnowledgeBase) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    assert cached(data_dir(), CountingBuild(), blocker / "cache") == kb


def test_a_bad_file_is_refused_and_nothing_is_cached(tmp_path: Path, data_copy: Path) -> None:
    (data_copy / "limits.yaml").write_text("caffeine: [unclosed")
    with pytest.raises(KnowledgeBaseError, match=r"limits\.yaml"):
        cached(data_copy, load_from, tmp_path / "cache")
    assert not list((tmp_path / "cache").glob("*"))
