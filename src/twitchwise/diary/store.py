"""Open the diary database and read and write one profile's records.

SQLite by default, in the user's data folder (WAL journal, foreign keys on, synchronous FULL, so
an acknowledged write survives a crash); PostgreSQL (psycopg 3) by one URL.  Each write is its
own transaction: when a method returns, the record is on disk.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import msgspec
from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError
from sqlalchemy.orm import Session

from twitchwise.diary.records import KINDS, PREFIX, Day, Episode, Kind, Record, Stored, moment_of
from twitchwise.diary.schema import ROWS, SCHEMA_REVISION, Base, DayRow, ProfileRow
from twitchwise.errors import InputError

DEFAULT_PROFILE = "me"


class StoreError(RuntimeError):
    """The database cannot be opened or used; the message says what to do, with no health data."""


RACE_RETRIES = 5


class _RacedError(Exception):
    """Another write created the same profile or day first; this transaction is rolled back."""


class Store:
    """One database, holding the diaries of any number of profiles."""

    def __init__(self, url: str) -> None:
        self.url = _normalise(url)
        self.is_sqlite = self.url.startswith("sqlite")
        self.engine = _engine(self.url)
        try:
            self._migrate()
        except DBAPIError as error:
            self.engine.dispose()
            raise StoreError(f"cannot open the diary database ({_describe(error)})") from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def diary(self, profile: str = DEFAULT_PROFILE) -> Diary:
        return Diary(self, profile)

    def profiles(self) -> list[str]:
        with Session(self.engine) as session:
            return list(session.scalars(select(ProfileRow.name).order_by(ProfileRow.name)))

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine) as session, session.begin():
            yield session

    def integrity_ok(self) -> bool:
        with self.engine.connect() as connection:
            if self.is_sqlite:
                return connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            return connection.execute(text("SELECT 1")).scalar() == 1

    def backup(self, target: Path) -> None:
        """A consistent copy while the diary is in use: SQLite's online backup into a new private
        file put in place atomically (never over the live database), else a JSON export."""
        from twitchwise.files import write_private, write_with

        if self.is_sqlite:
            live = Path(self.url.removeprefix("sqlite:///")) if self.url.startswith("sqlite:///") else None

            def copy(temporary: Path) -> None:
                source = self.engine.raw_connection()
                try:
                    destination = sqlite3.connect(temporary)
                    with destination:
                        source.driver_connection.backup(destination)  # type: ignore[union-attr]
                    destination.close()
                finally:
                    source.close()

            write_with(target, copy, field="target", live=live)
            return
        from twitchwise.diary.transfer import export_json

        with Session(self.engine) as session:
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            data = export_json(self, self.profiles(), session=session)
        write_private(target, data, field="target")

    def _migrate(self) -> None:
        with self.engine.begin() as connection:
            if "alembic_version" in inspect(connection).get_table_names():
                current = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
                if current == SCHEMA_REVISION:
                    return
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


class Diary:
    """The records of one profile."""

    def __init__(self, store: Store, profile: str) -> None:
        self.store = store
        self.profile = profile

    # --- writing ------------------------------------------------------------------------

    def add(self, record: Record) -> Stored:
        """Store a new record; a day record merges into that date's record if there is one.

        Two first writes at once (a new profile, or the same new day) race for one row: the
        loser's transaction is rolled back and the write tried again, and then finds that row.
        """
        for _ in range(RACE_RETRIES):
            try:
                return self._add_once(record)
            except _RacedError:
                continue
        raise InputError("uid", "a record with this uid is already in the diary")

    def _add_once(self, record: Record) -> Stored:
        kind = _kind_of(record)
        with self.store.session() as session:
            owner = self.owner_id(session)
            if isinstance(record, Day):
                query = select(DayRow).where(DayRow.profile_id == owner, DayRow.day == record.day)
                day_row = session.scalars(query).first()
                if day_row is not None:
                    merged = _merge_day(_to_record("day", day_row), record)
                    _assign(day_row, merged)
                    session.flush()
                    return Stored(f"d{day_row.id}", "day", merged)
            if isinstance(record, Episode):
                self._clear_twitch_free(session, owner, record.at.date())
            row = ROWS[kind](profile_id=owner, **msgspec.structs.asdict(record))
            session.add(row)
            try:
                session.flush()
            except IntegrityError:
                if isinstance(record, Day):
                    raise _RacedError from None  # the same day written at once: merge into it on the retry
                raise InputError("uid", "a record with this uid is already in the diary") from None
            return Stored(f"{PREFIX[kind]}{row.id}", kind, record)

    def mark_twitch_free(self, day: dt.date, *, today: dt.date) -> Stored:
        """Record that a day had no twitching; refused when that day has episodes, is before 1900 or ahead."""
        from twitchwise.diary.records import build

        record = build(Day, {"day": day, "twitch_free": True}, today=today)
        if self.list(kinds=("episode",), start=day, end=day):
            raise InputError("day", "episodes are logged on that day; delete them first (twitchwise diary)")
        return self.add(record)

    def replace(self, short_id: str, changes: Mapping[str, Any], *, today: dt.date) -> Stored:
        """Change fields of one record, validated as a whole before anything is written."""
        from twitchwise.diary.records import build

        kind, number = parse_short_id(short_id)
        with self.store.session() as session:
            row = self._row(session, kind, number)
            current = msgspec.structs.asdict(_to_record(kind, row))
            updated = build(KINDS[kind], {**current, **changes}, today=today)
            _assign(row, updated)
            return Stored(short_id, kind, updated)

    def delete(self, short_id: str) -> Stored:
        kind, number = parse_short_id(short_id)
        with self.store.session() as session:
            row = self._row(session, kind, number)
            record = _to_record(kind, row)
            session.delete(row)
            return Stored(short_id, kind, record)

    # --- reading ------------------------------------------------------------------------

    def get(self, short_id: str) -> Stored:
        kind, number = parse_short_id(short_id)
        with Session(self.store.engine) as session:
            return Stored(short_id, kind, _to_record(kind, self._row(session, kind, number)))

    def with_uid(self, kind: Kind, uid: str) -> Stored | None:
        """The record of this kind with this uid, if this profile has it (one indexed look-up)."""
        table = ROWS[kind]
        with Session(self.store.engine) as session:
            row = session.scalars(
                select(table).where(table.uid == uid, table.profile_id == self.existing_owner_id(session))
            ).first()
            return None if row is None else Stored(f"{PREFIX[kind]}{row.id}", kind, _to_record(kind, row))

    def latest(self, kind: Literal["episode", "symptom", "check"]) -> Stored | None:
        """The newest record of a timed kind, without reading the rest."""
        table = ROWS[kind]
        with Session(self.store.engine) as session:
            query = select(table).where(table.profile_id == self.existing_owner_id(session))
            row = session.scalars(query.order_by(table.at.desc(), table.id.desc()).limit(1)).first()  # type: ignore[attr-defined]
            return None if row is None else Stored(f"{PREFIX[kind]}{row.id}", kind, _to_record(kind, row))

    def list(
        self,
        *,
        kinds: Sequence[Kind] = ("episode", "day", "symptom", "check", "experiment"),
        start: dt.date | None = None,
        end: dt.date | None = None,
        session: Session | None = None,
    ) -> list[Stored]:
        """Records in time order (a day record at the start of its date)."""
        own = session is None
        session = session or Session(self.store.engine)
        try:
            owner = self.existing_owner_id(session)
            if owner is None:
                return []
            found: list[tuple[dt.datetime, int, Stored]] = []
            for kind in kinds:
                table = ROWS[kind]
                query = select(table).where(table.profile_id == owner)
                dated = kind in ("day", "experiment")
                column = getattr(table, "day" if dated else "at")
                if start is not None:
                    query = query.where(column >= (start if dated else _start_of(start)))
                if end is not None:
                    query = query.where(column < (end + dt.timedelta(days=1) if dated else _start_of(end, 1)))
                for row in session.scalars(query):
                    record = _to_record(kind, row)
                    moment = moment_of(record)
                    found.append((moment, row.id, Stored(f"{PREFIX[kind]}{row.id}", kind, record)))
            found.sort(key=lambda item: (item[0], item[2].kind != "day", item[1]))
            return [stored for _, _, stored in found]
        finally:
            if own:
                session.close()

    # --- helpers ------------------------------------------------------------------------

    def owner_id(self, session: Session) -> int:
        """The profile's id, creating the profile on its first record."""
        found = self.existing_owner_id(session)
        if found is not None:
            return found
        row = ProfileRow(name=self.profile)
        session.add(row)
        try:
            session.flush()
        except IntegrityError:
            raise _RacedError from None  # created at the same moment by another write: retry and find it
        return row.id

    def existing_owner_id(self, session: Session) -> int | None:
        """The profile's id, or None before its first record."""
        return session.scalars(select(ProfileRow.id).where(ProfileRow.name == self.profile)).first()

    def _row(self, session: Session, kind: Kind, number: int) -> Any:
        owner = self.existing_owner_id(session)
        row = session.get(ROWS[kind], number)
        if row is None or row.profile_id != owner:
            raise InputError("id", f"no {kind} with that id in this profile's diary (see `twitchwise diary`)")
        return row

    def _clear_twitch_free(self, session: Session, owner: int, day: dt.date) -> None:
        row = session.scalars(select(DayRow).where(DayRow.profile_id == owner, DayRow.day == day)).first()
        if row is not None and row.twitch_free:
            row.twitch_free = False


def parse_short_id(short_id: str) -> tuple[Kind, int]:
    """``e12`` → ("episode", 12)."""
    kinds = {prefix: kind for kind, prefix in PREFIX.items()}
    text_id = short_id.strip().lower()
    kind = kinds.get(text_id[:1])
    number = text_id[1:]
    if kind is None or not (number.isascii() and number.isdigit()) or len(text_id) > 12:  # not "³" or "٣"
        raise InputError("id", "expected an id such as e12 (episode), d3 (day), s2 (symptom) or c1 (check)")
    return kind, int(number)


def _kind_of(record: Record) -> Kind:
    for kind, cls in KINDS.items():
        if isinstance(record, cls):
            return kind
    raise TypeError(type(record).__name__)


def _to_record(kind: Kind, row: Any) -> Record:
    cls = KINDS[kind]
    values = {name: getattr(row, name) for name in cls.__struct_fields__}
    return cls(**values)


def _assign(row: Any, record: Record) -> None:
    for name, value in msgspec.structs.asdict(record).items():
        setattr(row, name, value)


def _merge_day(existing: Record, update: Day) -> Day:
    """A later day log fills in or overwrites the fields it gives; the rest stay."""
    assert isinstance(existing, Day)
    given = {name: value for name, value in msgspec.structs.asdict(update).items() if value is not None}
    given.pop("uid")
    if not update.twitch_free:
        given.pop("twitch_free")
    return msgspec.structs.replace(existing, **given)


def _start_of(day: dt.date, plus_days: int = 0) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=plus_days), dt.time())


def _normalise(url: str) -> str:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError("the database URL is not valid (expected e.g. postgresql://user@host/db)") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            path = Path(parsed.database)
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not path.exists():
                path.touch(mode=0o600)  # health data: readable by its owner only
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except (NoSuchModuleError, ArgumentError):
        raise StoreError("unsupported database URL: use sqlite:///PATH or postgresql://…") from None


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _describe(error: DBAPIError) -> str:
    """The driver's error class only: its message may contain data or credentials."""
    return type(error.orig).__name__ if error.orig is not None else "database error"


__all__ = ["DEFAULT_PROFILE", "Base", "Diary", "Store", "StoreError", "parse_short_id"]
