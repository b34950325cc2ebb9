"""A writer killed with SIGKILL in the middle of a burst of writes, 50 times: the SQLite diary
always opens, passes its integrity check, and holds every write acknowledged before the kill."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import CompoundSelect

from twitchwise.diary.store import Store

WRITER = textwrap.dedent(
    """
    import datetime as dt, sys
    from twitchwise.diary.records import Day, Episode
    from twitchwise.diary.store import Store

    store = Store(sys.argv[1])
    start, n = int(sys.argv[2]), 0
    diary = store.diary(f"round{start}")
    while True:
        n += 1
        uid = f"{start + n:032x}"
        at = dt.datetime(2000, 1, 1) + dt.timedelta(minutes=start + n)
        if n % 5 == 0:
            day = dt.date(2000, 1, 1) + dt.timedelta(days=n)
            diary.add(Day(uid=uid, day=day, caffeine_mg=float(n), note="x" * 500))
        else:
            diary.add(Episode(uid=uid, at=at, region="calf", side="left", count=n, note="burst " * 50))
        print(uid, flush=True)  # acknowledged: the transaction has committed
    """
)
KILLS = 50


def test_every_acknowledged_write_survives_sigkill(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'diary.sqlite3'}"
    Store(url).close()
    acknowledged: list[str] = []
    chance = random.Random(20261121)
    for round_number in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, url, str(round_number * 100_000)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert writer.stdout is not None
        for _ in range(chance.randint(1, 40)):
            line = writer.stdout.readline()
            assert line, writer.stderr.read() if writer.stderr else "writer ended early"
            acknowledged.append(line.strip())
        writer.send_signal(signal.SIGKILL)
        rest, _ = writer.communicate()
        acknowledged.extend(rest.split())  # written and printed before the kill landed
        assert writer.returncode == -signal.SIGKILL
        with Store(url) as store:
            assert store.integrity_ok()
            with store.session() as session:
                found = {row[0] for row in session.execute(_all_uids())}
        missing = set(acknowledged) - found
        assert not missing, f"round {round_number}: {len(missing)} acknowledged writes lost"
    assert len(acknowledged) >= KILLS


def _all_uids() -> CompoundSelect[tuple[str]]:
    from sqlalchemy import select, union_all

    from twitchwise.diary.schema import DayRow, EpisodeRow

    return union_all(select(EpisodeRow.uid), select(DayRow.uid))
