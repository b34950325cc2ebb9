"""``twitchwise log``, ``diary``, ``export``, ``import`` and ``backup``.

Each command resolves the database and profile, turns its options into one validated record,
and writes it in one transaction — or refuses with one line naming the option, writing nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any

from twitchwise.errors import InputError

CONTEXTS = ("resting", "after_exercise", "in_bed", "other")
INTENSITIES = ("light", "moderate", "vigorous")


# --- the parser -------------------------------------------------------------------------


def store_options(parser_class: type[argparse.ArgumentParser] = argparse.ArgumentParser) -> Any:
    """``--db`` and ``--profile``, shared by every command that touches the diary."""
    parent = parser_class(add_help=False)
    parent.add_argument(
        "--db", metavar="URL_OR_PATH",
        help="the diary database: a path to an SQLite file or a postgresql:// URL "
        "(default: TWITCHWISE_DATABASE_URL, else diary.sqlite3 in your data folder)",
    )  # fmt: skip
    parent.add_argument("--profile", metavar="NAME", default="me", help="whose diary (default: me)")
    return parent


def _episode_options(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    parser.add_argument("--site", metavar="SITE", required=not editing, help="where, e.g. left-calf or 'right thigh'")
    parser.add_argument("--count", metavar="N", help="how many twitches")
    parser.add_argument("--duration", metavar="TIME", help="how long it went on, e.g. 30s, 5 min")
    parser.add_argument("--intensity", metavar="1-5", help="how strong, 1 (barely) to 5 (very)")
    parser.add_argument("--context", choices=CONTEXTS, help="what you were doing")
    parser.add_argument("--at", metavar="WHEN", help='when, e.g. "yesterday 21:30" (default: now)')
    parser.add_argument("--note", metavar="TEXT", help="a note in your own words")


def _day_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", metavar="DAY", help="which day, e.g. yesterday or 2026-11-20 (default: today)")
    parser.add_argument("--caffeine", metavar="AMOUNT", help="e.g. '3 cups', '2 teas + 1 energy drink', 250mg")
    parser.add_argument("--water", metavar="AMOUNT", help="fluid drunk, e.g. 1.5L or '6 glasses'")
    parser.add_argument("--alcohol", metavar="UNITS", help="alcohol units")
    parser.add_argument("--nicotine", choices=("yes", "no"), help="any nicotine today")
    parser.add_argument("--exercise", metavar="TIME", help="exercise, e.g. 45min or 1h30")
    parser.add_argument("--exercise-intensity", choices=INTENSITIES, help="how hard the exercise was")
    parser.add_argument("--sleep", metavar="HOURS", help="sleep last night, e.g. 6h or 6h30")
    parser.add_argument("--stress", metavar="0-10", help="stress today, 0 (none) to 10 (worst)")
    parser.add_argument("--medicine", metavar="NAME", action="append", help="a medicine taken (repeat for more)")
    parser.add_argument("--note", metavar="TEXT", help="a note in your own words")


def add_parsers(commands: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    common = [store_options(parser_class)]

    def command(group: Any, name: str, summary: str, description: str, **extra: Any) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = group.add_parser(name, help=summary, description=description, **extra)
        return parser

    log = command(commands, "log", "log a twitch, a day, a symptom, or a twitch-free day", "Add to the diary.")
    what = log.add_subparsers(dest="what", required=True, parser_class=parser_class)
    twitch = command(what, "twitch", "a twitch episode", "Log a twitch episode.", parents=common)
    _episode_options(twitch, editing=False)
    day = command(
        what, "day", "the day's caffeine, water, sleep, stress…",
        "Log daily factors; a second log for the same day fills in or updates it.", parents=common,
    )  # fmt: skip
    _day_options(day)
    symptom = command(
        what, "symptom", "a symptom (or that you checked and it is absent)",
        "Log a symptom, e.g. weakness (see `twitchwise kb symptoms`).", parents=common,
    )  # fmt: skip
    symptom.add_argument("symptom", help="a symptom id, e.g. weakness, cramps, numbness")
    symptom.add_argument("--absent", action="store_true", help="you checked, and do not have it")
    symptom.add_argument("--site", metavar="SITE", help="where, e.g. right-hand")
    symptom.add_argument("--at", metavar="WHEN", help="when (default: now)")
    symptom.add_argument("--note", metavar="TEXT", help="a note in your own words")
    none = command(
        what, "none", "no twitches today (a day without a log is unknown)", "Record a twitch-free day.",
        parents=common,
    )  # fmt: skip
    none.add_argument("--date", metavar="DAY", help="which day (default: today)")

    diary = command(
        commands, "diary", "list and summarise the diary; edit or delete",
        "List the diary (last 14 days by default) with a summary.", parents=common,
    )  # fmt: skip
    diary.add_argument("--days", metavar="N", type=int, default=14, help="how many days back (default: 14)")
    diary.add_argument("--json", action="store_true", help="print JSON")
    actions = diary.add_subparsers(dest="action", parser_class=parser_class)
    edit = command(actions, "edit", "change a record", "Change fields of a record.", parents=common)
    edit.add_argument("id", help="the record's id, e.g. e12")
    _episode_options(edit, editing=True)
    for option, meaning in EDIT_OPTIONS.items():
        edit.add_argument(option, metavar="VALUE", help=f"new {meaning}")
    delete = command(actions, "delete", "delete a record (asks first)", "Delete a record; asks first.", parents=common)
    delete.add_argument("id", help="the record's id, e.g. e12")
    delete.add_argument("--yes", action="store_true", help="do not ask")

    export = command(
        commands, "export", "export the diary as JSON or CSV", "Export one profile's diary, losslessly.",
        parents=common,
    )  # fmt: skip
    export.add_argument("--format", choices=("json", "csv"), default="json", help="json (default) or csv")
    export.add_argument("--out", metavar="PATH", help="a file (json) or a folder (csv); json defaults to stdout")
    importer = command(
        commands, "import", "import a diary exported as JSON or CSV",
        "Import a JSON file or a folder of CSV files; all or nothing.", parents=common,
    )  # fmt: skip
    importer.add_argument("path", help="the JSON file or CSV folder")
    backup = command(
        commands, "backup", "write a consistent copy of the database",
        "Copy the diary database safely, even while it is in use.", parents=common,
    )  # fmt: skip
    backup.add_argument("target", help="the file to write")
    insights = command(
        commands, "insights", "which factors go with more twitching for you, honestly",
        "Analyse your diary: which factors go with more or less twitching, with intervals and chance allowed for.",
        parents=common,
    )  # fmt: skip
    insights.add_argument("--json", action="store_true", help="print JSON")
    insights.add_argument("--charts", metavar="FOLDER", help="also write the charts there, as PNG and SVG")
    experiment = command(
        commands, "experiment", "a self-experiment: random weeks of usual and lower caffeine, alcohol or exercise",
        "Plan, follow and analyse an n-of-1 trial of one factor.",
    )  # fmt: skip
    steps = experiment.add_subparsers(dest="step", required=True, parser_class=parser_class)
    start = command(steps, "start", "plan a new experiment", "Plan weeks of usual and lower exposure.", parents=common)
    start.add_argument("factor", choices=("caffeine", "alcohol", "exercise"), help="what to try lowering")
    start.add_argument("--weeks", metavar="N", type=int, default=6, help="how many weeks, even, 4 to 12 (default 6)")
    start.add_argument("--start", metavar="DAY", help="the first day (default: today; up to two weeks ahead)")
    status = command(steps, "status", "which week it is, or the result", "Show this week's plan, or the result.",
                     parents=common)  # fmt: skip
    status.add_argument("--json", action="store_true", help="print JSON")
    command(steps, "stop", "stop the experiment now", "Stop early; what was logged is still analysed.",
            parents=common)  # fmt: skip


OPTION_OF = {
    "region": "--site", "side": "--site", "duration_s": "--duration", "caffeine_mg": "--caffeine",
    "water_l": "--water", "alcohol_units": "--alcohol", "exercise_min": "--exercise", "sleep_h": "--sleep",
    "present": "--symptom-present",
}  # fmt: skip
EDIT_OPTIONS = {
    "--caffeine": "caffeine", "--water": "fluid", "--alcohol": "alcohol units", "--exercise": "exercise time",
    "--sleep": "sleep", "--stress": "stress, 0-10", "--symptom-present": "yes or no, for a symptom record",
}  # fmt: skip


# --- running ----------------------------------------------------------------------------


class Context:
    def __init__(self, args: argparse.Namespace, environ: Mapping[str, str], stdin: IO[str], stdout: IO[str]) -> None:
        self.args = args
        self.environ = environ
        self.stdin = stdin
        self.stdout = stdout
        self.now = clock(environ)
        self.today = self.now.date()

    def store(self) -> Any:
        from twitchwise.diary.location import resolve_url
        from twitchwise.diary.store import Store

        return Store(resolve_url(self.args.db, self.environ))

    def say(self, text: str) -> None:
        self.stdout.write(text + "\n")


def run(args: argparse.Namespace, environ: Mapping[str, str], stdin: IO[str], stdout: IO[str]) -> int:
    check_profile(args.profile)
    context = Context(args, environ, stdin, stdout)
    handler: Callable[[Context], int] = {
        "log": _log, "diary": _diary, "export": _export, "import": _import, "backup": _backup,
        "insights": _insights, "experiment": _experiment,
    }[args.command]  # fmt: skip
    from twitchwise.diary.store import StoreError

    try:
        return handler(context)
    except StoreError as error:
        raise InputError("--db", str(error)) from None


def _log(c: Context) -> int:
    from twitchwise.diary import records

    what = c.args.what
    with c.store() as store:
        diary = store.diary(c.args.profile)
        if what == "none":
            stored = diary.mark_twitch_free(_day(c, c.args.date))
            c.say(f"Logged {stored.id}: no twitches on {stored.record.day}.")
            return 0
        if what == "twitch":
            record: Any = records.build(records.Episode, _episode_fields(c), today=c.today)
        elif what == "day":
            record = records.build(records.Day, _day_fields(c), today=c.today)
        else:
            record = records.build(records.Symptom, _symptom_fields(c), today=c.today)
        stored = diary.add(record)
    c.say(f"Logged {stored.id}: {describe(stored)}.")
    return 0


def _episode_fields(c: Context, *, editing: bool = False) -> dict[str, Any]:
    from twitchwise.diary.when import parse_moment

    a = c.args
    fields: dict[str, Any] = {}
    if a.site is not None:
        fields.update(_one_site(a.site))
    if a.at is not None or not editing:
        fields["at"] = parse_moment(a.at, now=c.now) if a.at else c.now.replace(microsecond=0)
    if a.count is not None:
        fields["count"] = _integer(a.count, "--count")
    if a.duration is not None:
        fields["duration_s"] = _seconds(a.duration)
    if a.intensity is not None:
        fields["intensity"] = _integer(a.intensity, "--intensity")
    if a.context is not None:
        fields["context"] = a.context
    if a.note is not None:
        fields["note"] = a.note
    return fields


def _day_fields(c: Context) -> dict[str, Any]:
    from twitchwise.diary import quantities
    from twitchwise.kb import load_knowledge_base

    a, kb = c.args, load_knowledge_base()
    fields: dict[str, Any] = {"day": _day(c, a.date)}
    if a.caffeine is not None:
        fields["caffeine_mg"] = round(quantities.caffeine_mg(a.caffeine, kb, "--caffeine"), 1)
    if a.water is not None:
        fields["water_l"] = round(quantities.water_litres(a.water, kb, "--water"), 3)
    if a.alcohol is not None:
        fields["alcohol_units"] = _number(a.alcohol, "--alcohol")
    if a.nicotine is not None:
        fields["nicotine"] = a.nicotine == "yes"
    if a.exercise is not None:
        fields["exercise_min"] = round(quantities.minutes(a.exercise, "--exercise"), 1)
    if a.exercise_intensity is not None:
        fields["exercise_intensity"] = a.exercise_intensity
    if a.sleep is not None:
        fields["sleep_h"] = round(quantities.hours(a.sleep, "--sleep"), 2)
    if a.stress is not None:
        fields["stress"] = _integer(a.stress, "--stress")
    if a.medicine:
        fields["medicines"] = [" ".join(name.split()) for name in a.medicine]
    if a.note is not None:
        fields["note"] = a.note
    if len(fields) == 1:
        raise InputError("log day", "give at least one factor, e.g. --caffeine '3 cups' --sleep 6h")
    return fields


def _symptom_fields(c: Context) -> dict[str, Any]:
    from twitchwise.diary.when import parse_moment
    from twitchwise.kb import load_knowledge_base

    a = c.args
    if a.symptom not in load_knowledge_base().symptoms:
        raise InputError("symptom", "unknown symptom id (see `twitchwise kb symptoms`)")
    fields: dict[str, Any] = {
        "symptom": a.symptom,
        "present": not a.absent,
        "at": parse_moment(a.at, now=c.now) if a.at else c.now.replace(microsecond=0),
    }
    if a.site is not None:
        fields.update(_one_site(a.site))
    if a.note is not None:
        fields["note"] = a.note
    return fields


def _diary(c: Context) -> int:
    action = c.args.action
    if action == "edit":
        return _edit(c)
    if action == "delete":
        return _delete(c)
    from twitchwise.cli.diary_view import show_diary

    if not 1 <= c.args.days <= 36500:
        raise InputError("--days", "must be between 1 and 36500")
    with c.store() as store:
        entries = store.diary(c.args.profile).list(start=c.today - dt.timedelta(days=c.args.days - 1), end=c.today)
    show_diary(entries, today=c.today, days=c.args.days, stdout=c.stdout, as_json=c.args.json)
    return 0


def _edit(c: Context) -> int:
    from twitchwise.diary import quantities
    from twitchwise.diary.store import parse_short_id
    from twitchwise.kb import load_knowledge_base

    a = c.args
    kind, _ = parse_short_id(a.id)
    changes: dict[str, Any] = {}
    episode = _episode_fields(c, editing=True)
    day_values: dict[str, tuple[str | None, Callable[[str], float]]] = {
        "caffeine_mg": (a.caffeine, lambda t: quantities.caffeine_mg(t, load_knowledge_base(), "--caffeine")),
        "water_l": (a.water, lambda t: quantities.water_litres(t, load_knowledge_base(), "--water")),
        "alcohol_units": (a.alcohol, lambda t: _number(t, "--alcohol")),
        "exercise_min": (a.exercise, lambda t: quantities.minutes(t, "--exercise")),
        "sleep_h": (a.sleep, lambda t: quantities.hours(t, "--sleep")),
        "stress": (a.stress, lambda t: _integer(t, "--stress")),
    }
    allowed = {
        "episode": {"at", "region", "side", "count", "duration_s", "intensity", "context", "note"},
        "day": {*day_values, "note"},
        "symptom": {"at", "region", "side", "note", "present"},
        "check": set(),
        "experiment": {"note"},
    }[kind]
    changes.update(episode)
    for name, (value, convert) in day_values.items():
        if value is not None:
            changes[name] = convert(value)
    if a.symptom_present is not None:
        if a.symptom_present not in ("yes", "no"):
            raise InputError("--symptom-present", "expected yes or no")
        changes["present"] = a.symptom_present == "yes"
    wrong = sorted(set(changes) - allowed)
    if wrong:
        raise InputError(OPTION_OF.get(wrong[0], f"--{wrong[0]}"), f"does not apply to a {kind} record")
    if not changes:
        raise InputError("diary edit", "give at least one field to change, e.g. --count 5")
    with c.store() as store:
        stored = store.diary(a.profile).replace(a.id, changes, today=c.today)
    c.say(f"Changed {stored.id}: {describe(stored)}.")
    return 0


def _delete(c: Context) -> int:
    with c.store() as store:
        diary = store.diary(c.args.profile)
        stored = diary.get(c.args.id)
        if not c.args.yes:
            if not c.stdin.isatty():
                raise InputError("--yes", "deleting needs a yes: answer the question in a terminal, or pass --yes")
            c.stdout.write(f"Delete {stored.id} ({describe(stored)})? [y/N] ")
            c.stdout.flush()
            if c.stdin.readline().strip().lower() not in ("y", "yes"):
                c.say("Nothing deleted.")
                return 0
        diary.delete(c.args.id)
    c.say(f"Deleted {stored.id}.")
    return 0


def _export(c: Context) -> int:
    from twitchwise.diary import transfer

    with c.store() as store:
        if c.args.format == "json":
            data = transfer.export_json(store, [c.args.profile])
            if c.args.out:
                transfer.write_private(Path(c.args.out), data)
                c.say(f"Exported to {c.args.out}.")
            else:
                c.stdout.write(data.decode() + "\n")
            return 0
        if not c.args.out:
            raise InputError("--out", "a CSV export needs a folder to write its files into")
        written = transfer.export_csv(store, c.args.profile, Path(c.args.out))
    c.say(f"Exported {', '.join(p.name for p in written)} to {c.args.out}.")
    return 0


def _import(c: Context) -> int:
    from twitchwise.diary import transfer

    path = Path(c.args.path)
    with c.store() as store:
        counts = transfer.import_path(store, path, profile=c.args.profile, today=c.today)
    summary = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in counts.added.items())
    c.say(f"Imported {summary or 'nothing new'}; {counts.skipped} already in the diary.")
    return 0


def _insights(c: Context) -> int:
    from twitchwise.cli.insights_view import show_insights
    from twitchwise.insights.report import insights

    with c.store() as store:
        entries = store.diary(c.args.profile).list(kinds=("episode", "day"), end=c.today)
    result = insights(entries, today=c.today)
    show_insights(result, c.stdout, as_json=c.args.json)
    if c.args.charts:
        from twitchwise.insights import charts
        from twitchwise.insights.table import daily_table

        folder = Path(c.args.charts)
        if folder.exists() and not folder.is_dir():
            raise InputError("--charts", "is a file; name a folder")
        table = daily_table(entries, today=c.today)
        written = [] if table is None else charts.timeline(table, folder) + charts.sites(entries, folder, today=c.today)
        if result.status == "ok":
            written += charts.forest(result, folder)
        if not c.args.json:
            c.say(f"Charts: {', '.join(p.name for p in written) or 'none yet (nothing logged)'} in {folder}.")
    return 0


def _experiment(c: Context) -> int:
    import random

    import msgspec

    from twitchwise.diary.records import Experiment
    from twitchwise.insights import experiment as trial
    from twitchwise.kb import load_knowledge_base

    a = c.args
    with c.store() as store:
        diary = store.diary(a.profile)
        current = [s for s in diary.list(kinds=("experiment",)) if isinstance(s.record, Experiment)]
        latest = current[-1] if current else None
        running = latest is not None and latest.record.stopped_on is None and trial.end_of(latest.record) >= c.today
        if a.step == "start":
            if running:
                raise InputError("experiment", "one is already running; see `twitchwise experiment status`")
            if a.weeks < 4 or a.weeks > 12 or a.weeks % 2:
                raise InputError("--weeks", "must be an even number from 4 to 12")
            first = c.today if a.start is None else _start_day(c, a.start)
            planned = trial.plan(a.factor, a.weeks, first, random.SystemRandom())
            stored = diary.add(planned)
            kb = load_knowledge_base()
            text, sources = trial.action_text(planned, kb)
            c.say(f"Planned {stored.id}: {a.weeks} weeks from {first}, in random order by pair of weeks.")
            for number, arm in enumerate(planned.schedule, start=1):
                week_start = first + dt.timedelta(days=7 * (number - 1))
                c.say(
                    f"  week {number} (from {week_start}): {trial.LOWER[a.factor] if arm == 'lower' else trial.USUAL}"
                )
            c.say(f"Why lowering may help: {text} [{', '.join(sources)}]")
            c.say("Keep logging your twitches (or `log none`) and your day every day; the result comes at the end.")
            return 0
        if latest is None:
            raise InputError("experiment", "none planned; start one with `twitchwise experiment start caffeine`")
        if a.step == "stop":
            if not running:
                raise InputError("experiment", "none is running")
            diary.replace(latest.id, {"stopped_on": c.today.isoformat()}, today=c.today)
            c.say(f"Stopped {latest.id}. What was logged is analysed by `twitchwise experiment status`.")
            return 0
        entries = diary.list(kinds=("episode", "day"), start=latest.record.day, end=c.today)
    week = trial.week_of(latest.record, c.today)
    result = trial.analyse_experiment(latest.record, entries, c.today)
    if a.json:
        data = {"id": latest.id, "experiment": msgspec.to_builtins(latest.record),
                "week": msgspec.to_builtins(week), "result": msgspec.to_builtins(result)}  # fmt: skip
        c.stdout.write(msgspec.json.encode(data).decode() + "\n")
        return 0
    c.say(f"{latest.id}: {latest.record.factor}, {latest.record.weeks} weeks from {latest.record.day}.")
    c.say(week.instruction)
    c.say(result.text)
    if result.factor_usual is not None and result.factor_lower is not None:
        c.say(f"Logged {latest.record.factor}: {result.factor_usual:g} a day in usual weeks, "
              f"{result.factor_lower:g} in lower weeks.")  # fmt: skip
    return 0


def _start_day(c: Context, text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        from twitchwise.diary.when import parse_day

        return parse_day(text, today=c.today, field="--start")
    if not c.today <= day <= c.today + dt.timedelta(days=14):
        raise InputError("--start", "must be today or within the next two weeks")
    return day


def _backup(c: Context) -> int:
    target = Path(c.args.target)
    if target.is_dir():
        raise InputError("target", "is a folder; name the file to write")
    with c.store() as store:
        try:
            store.backup(target)
        except OSError as error:
            raise InputError("target", f"cannot write the backup ({error.strerror})") from None
    c.say(f"Backed up to {target}.")
    return 0


# --- small parsers ----------------------------------------------------------------------


def describe(stored: Any) -> str:
    from twitchwise.diary.records import Check, Day, Episode, Experiment, Symptom

    r = stored.record
    if isinstance(r, Episode):
        from twitchwise.sites import site_name

        parts = [f"{r.at:%Y-%m-%d %H:%M}", site_name(r.region, r.side)]
        if r.count is not None:
            parts.append(f"{r.count} twitches")
        if r.duration_s is not None:
            parts.append(f"{r.duration_s:g} s")
        if r.intensity is not None:
            parts.append(f"intensity {r.intensity}")
        return ", ".join(parts)
    if isinstance(r, Day):
        given = [
            f"{label} {value}" for label, value in (
                ("caffeine", _fmt(r.caffeine_mg, " mg")), ("water", _fmt(r.water_l, " L")),
                ("alcohol", _fmt(r.alcohol_units, " units")), ("exercise", _fmt(r.exercise_min, " min")),
                ("sleep", _fmt(r.sleep_h, " h")), ("stress", _fmt(r.stress, "/10")),
                ("nicotine", None if r.nicotine is None else ("yes" if r.nicotine else "no")),
                ("medicines", ", ".join(r.medicines) if r.medicines else None),
            ) if value is not None
        ]  # fmt: skip
        if r.twitch_free:
            given.insert(0, "no twitches")
        return f"{r.day}: " + (", ".join(given) or "no factors")
    if isinstance(r, Symptom):
        state = "present" if r.present else "absent"
        return f"{r.at:%Y-%m-%d %H:%M}, {r.symptom.replace('_', ' ')} {state}"
    if isinstance(r, Check):
        return f"{r.at:%Y-%m-%d %H:%M}, check: {r.disposition.replace('_', ' ')}"
    assert isinstance(r, Experiment)
    stopped = f", stopped {r.stopped_on}" if r.stopped_on else ""
    return f"{r.day}: experiment on {r.factor}, {r.weeks} weeks{stopped}"


def _fmt(value: float | None, unit: str) -> str | None:
    return None if value is None else f"{value:g}{unit}"


def _one_site(text: str) -> dict[str, Any]:
    from twitchwise.sites import parse_sites

    try:
        sites = parse_sites(text.replace("-", " "))
    except InputError as error:
        raise InputError("--site", error.problem) from None
    if len(sites) != 1:
        raise InputError("--site", "name one place per entry (log each place separately)")
    return {"region": sites[0].region, "side": sites[0].side}


def _integer(text: str, field: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise InputError(field, "expected a whole number") from None


def _number(text: str, field: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise InputError(field, "expected a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise InputError(field, "expected a number")
    return value


def _seconds(text: str) -> float:
    """ "30s", "45 sec", "2 min", "1h" → seconds; a bare number is seconds."""
    from twitchwise.diary import quantities

    cleaned = text.strip().lower()
    for suffix in ("seconds", "second", "secs", "sec", "s"):
        if cleaned.endswith(suffix) and cleaned[: -len(suffix)].strip().replace(".", "", 1).isdigit():
            return _number(cleaned[: -len(suffix)], "--duration")
    if cleaned.replace(".", "", 1).isdigit():
        return _number(cleaned, "--duration")
    return quantities.minutes(cleaned, "--duration") * 60


def _day(c: Context, text: str | None) -> dt.date:
    from twitchwise.diary.when import parse_day

    return c.today if text is None else parse_day(text, today=c.today, field="--date")


def clock(environ: Mapping[str, str]) -> dt.datetime:
    """The clock; ``TWITCHWISE_NOW`` (ISO date-time) fixes it for scripts and tests."""
    fixed = environ.get("TWITCHWISE_NOW", "").strip()
    if not fixed:
        return dt.datetime.now()
    try:
        return dt.datetime.fromisoformat(fixed).replace(tzinfo=None)
    except ValueError:
        raise InputError("TWITCHWISE_NOW", "expected an ISO date and time, e.g. 2026-11-21T09:00") from None


def check_profile(name: str) -> None:
    import re

    if not re.fullmatch(r"[\w][\w .'-]{0,59}", name):
        raise InputError("--profile", "expected a short name (letters, digits, spaces, . ' -)")
