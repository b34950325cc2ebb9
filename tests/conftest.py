from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import settings

from tests.postgres import PostgresServer
from twitchwise.cli.main import main
from twitchwise.kb import KnowledgeBase, load_knowledge_base

# Speed is measured in bench/, never asserted in a test: no generated example has a deadline (a loaded two-core CI
# machine once took 285 ms over one that takes 2 ms, and failed a safety property that held)
settings.register_profile("twitchwise", deadline=None)
settings.load_profile("twitchwise")

TODAY = dt.date(2026, 11, 21)


def pytest_configure(config: pytest.Config) -> None:
    # Keep a test run's knowledge-base cache out of the user's own cache folder.
    os.environ["TWITCHWISE_CACHE_DIR"] = tempfile.mkdtemp(prefix="twitchwise-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ.pop("TWITCHWISE_CACHE_DIR", ""), ignore_errors=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A real PostgreSQL server (Debian's), started on loopback for this test session."""
    server = PostgresServer()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@dataclass
class Result:
    code: int
    out: str
    err: str


class _Stdin(io.StringIO):
    def __init__(self, text: str, tty: bool) -> None:
        super().__init__(text)
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


# Texts that once made the reader hang: 6,000 brackets took 14 s (spaCy strips punctuation from one long token
# a character at a time); one 100 kB sentence full of symptoms took minutes (each phrase re-read its
# sentence; so did one 100 kB sentence of places, each asking whether the sentence told of an earlier episode).
HOSTILE_TEXTS = [
    "(" * 6000, "[" * 20000, "calf " + "!" * 50000, "a" * 100_000, "my calf is weak and numb , " * 4000,
    "my calf twitches, my thigh, my arm, my shoulder, " * 2000, "for 3 days , " * 7000,
    "no weakness, no numbness on my left side, " * 2000,  # every match passed over, and the next sought inside it
    # thousands of claimed sentences and of pasted lines: each sentence start once set one at a time (15 s at 30 kB)
    "You know when your leg goes dead? That is me - weakness: no - " * 1000, "- weakness: no\n" * 4000,
    # one run-on sentence: each cue match read its clause back to the sentence's start (76 kB: 21 s), and each
    # "slurring" looked for drink in the whole sentence (380 kB: 258 s)
    "my arm is not numb " * 4000, "no weakness and no numbness and no slurring " * 2000,
    # a figure of speech and a lifelong skill are read per sentence and in a window: one ent at a time once read the
    # whole run-on sentence (108 kB of "my calf is weak and numb": 92 s)
    "I slur my words but I always have, figuratively " * 2000,
    "my flatmate's been choking on his food, me I've got a twitch " * 1500,
]  # fmt: skip


def run_cli(*argv: str, stdin: str = "", environ: dict[str, str] | None = None) -> Result:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), environ or {"LANG": "en_GB.UTF-8"}, _Stdin(stdin, tty=False), out, err)
    return Result(code, out.getvalue(), err.getvalue())
