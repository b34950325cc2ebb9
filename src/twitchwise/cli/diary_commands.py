"""``twitchwise log``, ``diary``, ``export``, ``import`` and ``backup``.

Each command resolves the database and profile, turns its options into one validated record,
and writes it in one transaction — or refuses with one line naming the option, writing nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any, Literal

from twitchwise.cli.options import store_options
from twitchwise.diary.entry_input import CONTEXTS, INTENSITIES
from twitchwise.diary.when import clock
from twitchwise.diary.wording import describe
from twitchwise.errors import InputError

# --- the parser -------------------------------------------------------------------------


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
    export.add_argument(
        "--format", choices=("json", "csv", "fhir"), default="json",
        help="json (default, twitchwise's own), csv, or fhir (a FHIR R4 Bundle for health records)",
    )  # fmt: skip
    export.add_argument(
        "--out", metavar="PATH", help="a file (json, fhir) or a folder (csv); a file defaults to stdout"
    )
    importer = command(
        commands, "import", "import a diary exported as JSON or CSV",
        "Import a twitchwise JSON export, a FHIR Bundle, or a folder of CSV files; or, with `import apple-health "
        "export.zip` (or `import health-connect 'Health Connect.zip'`), daily caffeine, water, sleep, exercise and "
        "mindful minutes from Apple Health (or Google Health Connect); or, with `import bearable FILE.csv` or "
        "`import flaredown FILE.csv` (found by itself too), twitching, symptoms, sleep, stress and medicines from "
        "those trackers' CSV exports.",
        parents=common,
    )  # fmt: skip
    importer.add_argument(
        "path", metavar="PATH | apple-health | health-connect | bearable | flaredown",
        help="the JSON file (twitchwise or FHIR), a CSV folder or a tracker's CSV; or a tracker's name, then the file",
    )  # fmt: skip
    importer.add_argument(
        "export",
        nargs="?",
        metavar="EXPORT",
        help="apple-health: export.zip/.xml; health-connect: its zip; bearable, flaredown: the CSV",
    )
    importer.add_argument(
        "--place", metavar="PLACE",
        help="for a tracker's twitching whose name gives no place ('Muscle twitching'): where it is, e.g. 'left calf'",
    )  # fmt: skip
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
    from twitchwise.cli import report_command

    report_command.add_parser(commands, common)
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

    def advise(self, store: Any) -> None:
        """After a write: the advice the diary now gives, shown at once when it is more than self-care."""
        from twitchwise.cli.render import render_diary_advice
        from twitchwise.diary.link import DiaryLink
        from twitchwise.kb import load_knowledge_base
        from twitchwise.services import services_for

        kb = load_knowledge_base()
        link = DiaryLink(store, self.args.profile)
        render_diary_advice(link.advice(kb, today=self.today, services=services_for(kb, self.environ)), self.stdout)


def run(args: argparse.Namespace, environ: Mapping[str, str], stdin: IO[str], stdout: IO[str]) -> int:
    check_profile(args.profile)
    context = Context(args, environ, stdin, stdout)
    handler: Callable[[Context], int] = {
        "log": _log, "diary": _diary, "export": _export, "import": _import, "backup": _backup,
        "insights": _insights, "experiment": _experiment, "report": _report,
    }[args.command]  # fmt: skip
    from twitchwise.diary.store import StoreError

    try:
        return handler(context)
    except StoreError as error:
        raise InputError("--db", str(error)) from None


def _log(c: Context) -> int:
    from twitchwise.diary import entry_input, records
    from twitchwise.kb import load_knowledge_base

    what, raw = c.args.what, vars(c.args)
    with c.store() as store:
        diary = store.diary(c.args.profile)
        if what == "none":
            stored = diary.mark_twitch_free(entry_input.day(c.args.date, today=c.today, field="--date"), today=c.today)
            c.say(f"Logged {stored.id}: no twitches on {stored.record.day}.")
            c.advise(store)
            return 0
        if what == "twitch":
            fields = entry_input.episode_fields(raw, now=c.now, label=cli_label)
            record: Any = records.build(records.Episode, fields, today=c.today)
        elif what == "day":
            fields = entry_input.day_fields(raw, today=c.today, kb=load_knowledge_base(), label=cli_label)
            record = records.build(records.Day, fields, today=c.today)
        else:
            fields = entry_input.symptom_fields(raw, now=c.now, kb=load_knowledge_base(), label=cli_label)
            record = records.build(records.Symptom, fields, today=c.today)
        stored = diary.add(record)
        c.say(f"Logged {stored.id}: {describe(stored)}.")
        c.advise(store)
    return 0


def cli_label(name: str) -> str:
    """A field as the CLI names it: the option to fix."""
    return {"day": "log day", "edit": "diary edit", "symptom": "symptom"}.get(name, "--" + name.replace("_", "-"))


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
    from twitchwise.diary.entry_input import edit_changes
    from twitchwise.diary.store import parse_short_id
    from twitchwise.kb import load_knowledge_base

    kind, _ = parse_short_id(c.args.id)
    changes = edit_changes(kind, vars(c.args), now=c.now, kb=load_knowledge_base(), label=cli_label)
    with c.store() as store:
        stored = store.diary(c.args.profile).replace(c.args.id, changes, today=c.today)
        c.say(f"Changed {stored.id}: {describe(stored)}.")
        c.advise(store)
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
    from twitchwise.files import write_private

    with c.store() as store:
        if c.args.format in ("json", "fhir"):
            if c.args.format == "fhir":
                data = transfer.export_fhir(store, c.args.profile, now=c.now)
            else:
                data = transfer.export_json(store, [c.args.profile])
            if c.args.out:
                write_private(Path(c.args.out), data)
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
    from twitchwise.diary.trackers import detect

    if c.args.path == "apple-health":
        return _import_apple_health(c)
    if c.args.path == "health-connect":
        if c.args.export is None:
            raise InputError("export", "name the Health Connect export: import health-connect 'Health Connect.zip'")
        return _import_health_connect(c, Path(c.args.export))
    if c.args.path in ("bearable", "flaredown"):
        if c.args.export is None:
            raise InputError("export", f"name the {c.args.path.capitalize()} CSV: import {c.args.path} export.csv")
        return _import_tracker(c, Path(c.args.export), c.args.path)
    if c.args.export is not None:
        raise InputError("import", "takes one file or folder (or: import apple-health EXPORT)")
    path = Path(c.args.path)
    tracker = detect(path) if path.suffix.lower() == ".csv" and path.is_file() else None
    if tracker is not None:
        return _import_tracker(c, path, tracker)
    if path.suffix.lower() in (".zip", ".db") and path.is_file():
        if _is_apple_zip(path):
            raise InputError(path.name, "is an Apple Health export: import apple-health " + str(path))
        return _import_health_connect(c, path)
    if c.args.place is not None:
        raise InputError("place", "is only for a Bearable or Flaredown export")
    with c.store() as store:
        counts = transfer.import_path(store, path, profile=c.args.profile, today=c.today)
        summary = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in counts.added.items())
        c.say(f"Imported {summary or 'nothing new'}; {counts.skipped} already in the diary.")
        if counts.not_read:
            named = "; ".join(f"{reason}: {n}" for reason, n in counts.not_read.items())
            c.say(f"Not read: {named}.")
        c.advise(store)
    return 0


def _import_apple_health(c: Context) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    from twitchwise.diary.apple_health import import_export

    if c.args.export is None:
        raise InputError("export", "name the Apple Health export: import apple-health export.zip")
    path = Path(c.args.export)
    console = Console(file=c.stdout)
    columns = (TextColumn("Reading"), BarColumn(), DownloadColumn(), TextColumn("{task.fields[records]:,} records"),
               TimeRemainingColumn())  # fmt: skip
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("export", total=None, records=0)

        def progress(done: int, total: int, records: int) -> None:
            bar.update(task, completed=done, total=total, records=records)

        with c.store() as store:
            result = import_export(store, path, profile=c.args.profile, today=c.today, progress=progress)
    c.say(f"Read {result.records:,} records ({result.used:,} about caffeine, water, sleep, exercise or mindfulness).")
    _say_filled(c, result.days_added, result.days_filled, result.fields_filled, result.fields_kept)
    if result.nights_in_bed:
        c.say(f"{result.nights_in_bed} nights had no sleep stages (an iPhone without a watch): their sleep is the "
              "time in bed, which is a little more than the time asleep.")  # fmt: skip
    if result.symptoms_added:
        c.say(
            f"Added {result.symptoms_added} symptom record{'s' if result.symptoms_added != 1 else ''} from "
            "Apple Health's symptoms (fainting, fever, chest pain, heartbeat, body aches, vomiting or diarrhoea)."
        )
    if result.symptoms_not_read:
        named = ", ".join(f"{_apple_words(kind)} ({number})" for kind, number in result.symptoms_not_read.items())
        c.say(f"Not read from Apple Health's symptoms: {named}. Tell the check about any of them that matter now.")
    if result.unknown_units:
        c.say(f"Skipped {result.unknown_units} records in units twitchwise does not know.")
    for reason, (number, line) in sorted(result.skipped.items()):
        c.say(f"Skipped {number} record{'s' if number != 1 else ''}: {reason} (first at line {line:,}).")
    with c.store() as store:
        c.advise(store)
    return 0


def _say_filled(c: Context, added: int, filled: int, fields: int, kept: int) -> None:
    """What filling the diary's days did (Apple Health, Health Connect): only empty fields are ever filled."""
    c.say(f"Added {added} days; filled {fields} empty fields on {filled} days already in the diary; kept {kept} "
          "values you had logged.")  # fmt: skip


def _is_apple_zip(path: Path) -> bool:
    import zipfile

    if not zipfile.is_zipfile(path):
        return False
    with zipfile.ZipFile(path) as archive:
        names = [name.lower() for name in archive.namelist()]
    return any(n.endswith(".xml") for n in names) and not any(n.endswith(".db") for n in names)


def _import_health_connect(c: Context, path: Path) -> int:
    from twitchwise.diary.health_connect import import_health_connect

    with c.store() as store:
        result = import_health_connect(store, path, profile=c.args.profile, today=c.today)
    c.say(f"Read {result.records:,} Health Connect records about caffeine, water, sleep, exercise or mindfulness.")
    _say_filled(c, result.days_added, result.days_filled, result.fields_filled, result.fields_kept)
    if result.nights_without_stages:
        c.say(f"{result.nights_without_stages} nights had no sleep stages: their sleep is the whole session, which "
              "is a little more than the time asleep.")  # fmt: skip
    if result.not_read:
        named = ", ".join(f"{kind} ({n:,})" for kind, n in sorted(result.not_read.items()))
        c.say(f"Not read: {named}.")
    for reason, number in sorted(result.skipped.items()):
        c.say(f"Skipped {number} record{'s' if number != 1 else ''}: {reason}.")
    with c.store() as store:
        c.advise(store)
    return 0


def _import_tracker(c: Context, path: Path, tracker: Literal["bearable", "flaredown"]) -> int:
    from twitchwise.diary.trackers import import_tracker

    with c.store() as store:
        result = import_tracker(store, path, tracker, profile=c.args.profile, today=c.today, place=c.args.place)
    name = tracker.capitalize()
    c.say(f"Read {result.rows:,} rows of a {name} export: {result.episodes} twitching records, {result.symptoms} "
          f"symptom records and {result.days} days (sleep, stress, caffeine, medicines or twitch-free).")  # fmt: skip
    added = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in sorted(result.added.items()))
    c.say(f"Added {added or 'nothing new'}; {result.already} already in the diary (a day you had logged is kept).")
    if result.placeless:
        c.say(f"{result.placeless} twitching records name no place, so they were not added: import again with "
              "--place 'left calf' (where it is), or name the place in the tracker ('Calf twitching').")  # fmt: skip
    if result.not_read:
        named = ", ".join(f"{kind} ({n})" for kind, n in result.not_read.most_common())
        c.say(f"Not read: {named}. twitchwise does not use these; tell the check about any that matter now.")
    for reason, (number, line) in sorted(result.skipped.items()):
        c.say(f"Skipped {number} row{'s' if number != 1 else ''}: {reason} (first at line {line:,}).")
    with c.store() as store:
        c.advise(store)
    return 0


def _apple_words(kind: str) -> str:
    """Apple's symptom type in words ("ShortnessOfBreath" -> "shortness of breath")."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", kind).lower()


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


def _report(c: Context) -> int:
    from twitchwise.cli import report_command

    return report_command.run(c)


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


def check_profile(name: str) -> None:
    import re

    if not re.fullmatch(r"[\w][\w .'-]{0,59}", name):
        raise InputError("--profile", "expected a short name (letters, digits, spaces, . ' -)")
