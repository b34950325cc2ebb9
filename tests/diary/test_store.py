"""The store on SQLite and on a real PostgreSQL server: records, profiles, days, migrations."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from twitchwise.diary.records import Check, Day, Episode, Experiment, Symptom
from twitchwise.diary.schema import SCHEMA_REVISION, Base
from twitchwise.diary.store import Store, parse_short_id
from twitchwise.errors import InputError

TODAY = dt.date(2026, 11, 21)
AT = dt.datetime(2026, 11, 20, 21, 30)


def test_records_come_back_as_written_in_time_order(store: Store) -> None:
    diary = store.diary()
    episode = diary.add(Episode(at=AT, region="calf", side="left", count=12, intensity=2, note="après le sport ✓"))
    day = diary.add(Day(day=AT.date(), caffeine_mg=285.0, medicines=["sertraline"], sleep_h=6.5))
    symptom = diary.add(Symptom(symptom="weakness", present=False, at=AT - dt.timedelta(hours=1)))
    check = diary.add(Check(at=AT, disposition="self_care", answers={"age": 30}, result={"disposition": "self_care"}))
    listed = diary.list()
    assert [s.id for s in listed] == [day.id, symptom.id, episode.id, check.id]
    assert [s.record for s in listed] == [day.record, symptom.record, episode.record, check.record]
    assert episode.id.startswith("e") and day.id.startswith("d")


def test_profiles_are_kept_apart(store: Store) -> None:
    store.diary("me").add(Episode(at=AT, region="calf"))
    store.diary("teen").add(Episode(at=AT, region="eyelid"))
    assert [s.record.region for s in store.diary("teen").list()] == ["eyelid"]  # type: ignore[union-attr]
    assert store.profiles() == ["me", "teen"]
    own = store.diary("me").list()[0].id
    with pytest.raises(InputError, match="no episode with that id"):
        store.diary("teen").get(own)


def test_a_second_day_log_fills_in_the_same_day(store: Store) -> None:
    diary = store.diary()
    first = diary.add(Day(day=AT.date(), caffeine_mg=300.0, stress=4))
    second = diary.add(Day(day=AT.date(), water_l=1.5, stress=7))
    assert first.id == second.id
    record = diary.get(first.id).record
    assert isinstance(record, Day)
    assert (record.caffeine_mg, record.water_l, record.stress) == (300.0, 1.5, 7)


def test_twitch_free_days_and_episodes_do_not_contradict(store: Store) -> None:
    diary = store.diary()
    marked = diary.mark_twitch_free(AT.date(), today=AT.date())
    diary.add(Episode(at=AT, region="thigh"))  # a twitch after all: the mark is lifted
    record = diary.get(marked.id).record
    assert isinstance(record, Day) and not record.twitch_free
    with pytest.raises(InputError, match="episodes are logged on that day"):
        diary.mark_twitch_free(AT.date(), today=AT.date())


@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(1850, 6, 1), dt.date(1026, 3, 4)])
def test_a_twitch_free_day_before_1900_is_refused_and_nothing_is_written(store: Store, day: dt.date) -> None:
    # Regression: year 1 was accepted and broke the report, the charts and re-import.
    diary = store.diary()
    with pytest.raises(InputError, match="day: is in the future or before 1900"):
        diary.mark_twitch_free(day, today=AT.date())
    with pytest.raises(InputError, match="is in the future or before 1900"):
        diary.mark_twitch_free(AT.date() + dt.timedelta(days=1), today=AT.date())
    assert diary.list() == []


def test_edit_validates_the_whole_record_and_delete_removes_it(store: Store) -> None:
    diary = store.diary()
    stored = diary.add(Episode(at=AT, region="calf", count=3))
    assert diary.replace(stored.id, {"count": 7}, today=TODAY).record.count == 7  # type: ignore[union-attr]
    with pytest.raises(InputError, match="intensity"):
        diary.replace(stored.id, {"intensity": 9}, today=TODAY)
    assert diary.get(stored.id).record.count == 7  # type: ignore[union-attr]
    diary.delete(stored.id)
    assert diary.list() == []


def test_a_duplicate_uid_is_refused(store: Store) -> None:
    episode = Episode(at=AT, region="calf")
    store.diary().add(episode)
    with pytest.raises(InputError, match="uid"):
        store.diary().add(episode)


def test_a_record_is_found_by_its_uid_and_the_latest_without_listing(store: Store) -> None:
    first = store.diary().add(Episode(at=AT, region="calf"))
    last = store.diary().add(Episode(at=AT + dt.timedelta(hours=1), region="thigh"))
    store.diary().add(Episode(at=AT - dt.timedelta(days=1), region="eyelid"))  # written last, but older
    assert store.diary().with_uid("episode", first.record.uid) == first
    assert store.diary().with_uid("episode", "0" * 32) is None
    assert store.diary("someone").with_uid("episode", first.record.uid) is None  # another profile's is not found
    assert store.diary().latest("episode") == last
    assert store.diary().latest("check") is None and store.diary("nobody").latest("episode") is None


def test_date_filters_include_both_ends(store: Store) -> None:
    diary = store.diary()
    for days_back in range(5):
        diary.add(Episode(at=AT - dt.timedelta(days=days_back), region="calf"))
    found = diary.list(start=AT.date() - dt.timedelta(days=3), end=AT.date() - dt.timedelta(days=1))
    assert len(found) == 3


def test_the_schema_of_the_migrations_matches_the_models(database_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    Store(database_url).close()
    engine = create_engine(database_url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert MigrationContext.configure(connection).get_current_revision() == SCHEMA_REVISION
    engine.dispose()
    assert differences == []
    folder = Path(__file__).parents[2] / "src/twitchwise/diary/migrations"
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(folder))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_REVISION


def test_the_sqlite_file_is_private_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "new" / "diary.sqlite3"
    with Store(f"sqlite:///{path}") as store:
        store.diary().add(Episode(at=AT, region="calf"))
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert store.integrity_ok()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_backup_is_a_working_copy(store: Store, tmp_path: Path) -> None:
    store.diary().add(Episode(at=AT, region="calf", count=4))
    target = tmp_path / "backup"
    store.backup(target)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    if store.is_sqlite:
        with Store(f"sqlite:///{target}") as copy:
            assert [s.record for s in copy.diary().list()] == [s.record for s in store.diary().list()]
    else:
        assert b'"count":4' in target.read_bytes().replace(b" ", b"")


@pytest.mark.parametrize("text", ["e12", "D3", " s2 ", "c1"])
def test_short_ids(text: str) -> None:
    kind, number = parse_short_id(text)
    assert kind[0] == text.strip()[0].lower() and number == int(text.strip()[1:])


@pytest.mark.parametrize("text", ["", "q1", "e", "e-1", "e1.5", "12", "e" + "9" * 20, "d³", "e٣", "e１"])
def test_bad_short_ids_are_refused(text: str) -> None:
    with pytest.raises(InputError, match=r"^id: "):
        parse_short_id(text)


def test_backup_while_another_connection_writes(tmp_path: Path) -> None:
    import threading

    url = f"sqlite:///{tmp_path / 'diary.sqlite3'}"
    stop = threading.Event()

    def writer() -> None:
        with Store(url) as busy:
            minute = 0
            while not stop.is_set():
                minute += 1
                busy.diary().add(Episode(at=AT - dt.timedelta(minutes=minute), region="calf"))

    with Store(url) as store:
        store.diary().add(Episode(at=AT, region="thigh"))
        thread = threading.Thread(target=writer)
        thread.start()
        try:
            for round_number in range(5):
                target = tmp_path / f"backup{round_number}"
                store.backup(target)
                with Store(f"sqlite:///{target}") as copy:
                    assert copy.integrity_ok() and len(copy.diary().list()) >= 1
        finally:
            stop.set()
            thread.join()


def test_an_old_database_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parents[2] / "src/twitchwise/diary/migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.exec_driver_sql("INSERT INTO profiles (id, name) VALUES (1, 'me')")
        connection.exec_driver_sql(
            "INSERT INTO episodes (uid, profile_id, at, region) VALUES ('"
            + "a" * 32
            + "', 1, '2026-11-20 08:00:00', 'calf')"
        )
    engine.dispose()
    with Store(url) as store:
        assert [s.record.region for s in store.diary().list()] == ["calf"]  # type: ignore[union-attr]
        store.diary().add(Experiment(day=AT.date(), factor="caffeine", weeks=4, schedule=["usual", "lower"] * 2))
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == SCHEMA_REVISION
