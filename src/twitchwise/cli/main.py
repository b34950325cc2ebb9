"""The ``twitchwise`` command: parse, call one core function, render.

``main`` takes its arguments, environment and streams as parameters so tests never patch
globals.  Bad input becomes one line on stderr and exit code 2, never a traceback.
Heavy imports (Rich, the interview) happen only in the commands that need them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, NoReturn

from twitchwise import __version__
from twitchwise.cli.options import HelpFormatter
from twitchwise.errors import InputError

if TYPE_CHECKING:
    from twitchwise.answers import Answers
    from twitchwise.diary.link import DiaryLink
    from twitchwise.kb import KnowledgeBase
    from twitchwise.triage.engine import Services

EXIT_OK = 0
EXIT_BAD_INPUT = 2
MAX_ANSWERS_BYTES = 1_000_000


class UsageError(InputError):
    pass


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)  # no shutil import (cli/options.py)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError("", f"{_without_values(message)} (see `{self.prog} --help`)")


_TYPED_VALUE = re.compile(r"(invalid [\w ]+ value|invalid choice|unrecognized arguments): .*?(?=(\(choose from|$))")


def _without_values(message: str) -> str:
    """argparse repeats what was typed ("invalid int value: '…'"); a message never does."""
    return _TYPED_VALUE.sub(lambda m: f"{m.group(1)} ", message).replace("  ", " ").strip()


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; ``only="check"`` builds just that command, for a quicker start."""
    parser = _Parser(
        prog="twitchwise",
        description="Triage and self-care for muscle twitching at rest. Information, not a diagnosis.",
    )
    parser.add_argument("--version", action="version", version=f"twitchwise {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    from twitchwise.cli.options import store_options

    check = commands.add_parser(
        "check",
        parents=[store_options(_Parser)],
        help="how soon to see a doctor, why, and what to do",
        description="Run a guided check, or assess structured answers (--answers).",
    )
    given = check.add_mutually_exclusive_group()
    given.add_argument("--answers", metavar="FILE", help="structured answers as one JSON object; - reads stdin")
    given.add_argument("--text", metavar="WORDS", help="your own description (or a question); - reads stdin")
    given.add_argument(
        "--again", action="store_true",
        help="the guided check again from your last check's answers: only what it left open is asked",
    )  # fmt: skip
    check.add_argument(
        "--json", action="store_true", help="print one JSON object (the check contract) and nothing else"
    )
    check.add_argument("--today", metavar="YYYY-MM-DD", help="the date to assess on (default: today)")
    check.add_argument(
        "--locale", metavar="LL_CC", help="locale for emergency services, e.g. en_GB (default: from LANG)"
    )
    check.add_argument("--emergency-number", metavar="NUMBER", help="the emergency number to show (e.g. 999, 112, 911)")
    check.add_argument("--no-diary", action="store_true", help="neither read the diary nor save this check in it")
    if only == "check":
        return parser

    from twitchwise.cli.diary_commands import add_parsers

    kb = commands.add_parser(
        "kb",
        help="list and look up what twitchwise knows, and its sources",
        description="List a section of the knowledge base, or show one entry by id or name.",
    )
    kb.add_argument("section", choices=KB_SECTIONS, help="which part of the knowledge base")
    kb.add_argument("entry", nargs="?", help="an id (or a medicine name) to show in full")
    kb.add_argument("--json", action="store_true", help="print JSON")
    add_parsers(commands, _Parser)
    serve = commands.add_parser(
        "serve",
        help="start the web app (http://127.0.0.1:8000)",
        description="Serve the web app and the JSON API on this computer.",
    )
    serve.add_argument(
        "--host", metavar="ADDRESS", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    serve.add_argument("--port", metavar="PORT", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument(
        "--db", metavar="URL_OR_PATH", help="the diary database (default: as for every command; created if missing)"
    )
    server = commands.add_parser(
        "server",
        help="server mode: many people on one PostgreSQL database, each signing in",
        description="Serve the web app in server mode (accounts, sessions, sharing with a clinician), on "
        "PostgreSQL. 'server add-account NAME --role ROLE' makes an account, reading its password from standard input.",
    )
    server.add_argument("action", nargs="?", choices=["run", "add-account"], default="run", help="default: run")
    server.add_argument("username", nargs="?", help="the new account's username (add-account)")
    server.add_argument(
        "--role",
        choices=["person", "clinician", "admin"],
        default="person",
        help="the new account's role (add-account; default: person)",
    )
    server.add_argument("--host", metavar="ADDRESS", default="127.0.0.1", help="address to listen on")
    server.add_argument("--port", metavar="PORT", type=int, default=8000, help="port (default: 8000)")
    server.add_argument("--db", metavar="URL", help="the PostgreSQL database (default: TWITCHWISE_DATABASE_URL)")
    return parser


KB_SECTIONS = ("sources", "red-flags", "factors", "actions", "medicines", "symptoms", "limits")


def main(
    argv: Sequence[str],
    environ: Mapping[str, str],
    stdin: IO[str],
    stdout: IO[str],
    stderr: IO[str],
) -> int:
    try:
        only = "check" if list(argv[:1]) == ["check"] else None
        args = build_parser(only).parse_args(list(argv))
        if args.command == "check":
            return _check(args, environ, stdin, stdout)
        if args.command == "serve":
            from twitchwise.cli.serve import serve

            return serve(args.host, args.port, args.db, environ, stdout)
        if args.command == "server":
            from twitchwise.cli import server_command

            if args.action == "add-account":
                if not args.username:
                    raise InputError("username", "give the new account's username: server add-account NAME")
                return server_command.add_account(args.username, args.role, args.db, environ, stdin, stdout)
            return server_command.server(args.host, args.port, args.db, environ, stdout)
        if args.command == "kb":
            from twitchwise.cli.kb_command import show_kb

            return show_kb(args.section, args.entry, as_json=args.json, stdout=stdout)
        from twitchwise.cli import diary_commands

        return diary_commands.run(args, environ, stdin, stdout)
    except InputError as error:
        stderr.write(f"twitchwise: error: {error}\n")
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK


def _check(args: argparse.Namespace, environ: Mapping[str, str], stdin: IO[str], stdout: IO[str]) -> int:
    from twitchwise.kb import load_knowledge_base
    from twitchwise.services import services_for

    kb = load_knowledge_base()
    today = _today(args.today, environ)
    services = services_for(kb, environ, locale=args.locale, emergency_number=args.emergency_number)
    diary = None if args.no_diary else _open_diary(args, environ)
    try:
        return _assess_and_show(args, environ, stdin, stdout, kb, today, services, diary)
    finally:
        if diary is not None:
            diary.close()


def _assess_and_show(
    args: argparse.Namespace, environ: Mapping[str, str], stdin: IO[str], stdout: IO[str],
    kb: KnowledgeBase, today: dt.date, services: Services, diary: DiaryLink | None,
) -> int:  # fmt: skip
    from twitchwise.answers import Answers, beyond, overlay, parse_answers, said_by_person, to_builtins
    from twitchwise.triage.engine import assess

    evidence = None if diary is None else diary.evidence(today)
    reading = None
    description = None
    said: dict[str, str] | None = None
    about: str | None = None
    if args.text is not None:
        from twitchwise.understand import read

        description = _read_text(args.text, stdin)
        reading = read(description, kb, today=today)
        given = reading.answers
        said, about = reading.said, reading.about
    elif args.answers is None:
        from twitchwise.cli.guided import run_guided_check

        start = evidence.apply(Answers()) if evidence else None  # --again needs the diary, so evidence is there
        begin = start
        if args.again:
            previous = _last_check_answers(diary, kb, today)
            begin = overlay(start or Answers(), previous, today=today, symptom_ids=kb.symptom_ids)
        guided = run_guided_check(kb, today=today, stdin=stdin, stdout=stdout, start=begin, describe=not args.again)
        if guided is None:
            return EXIT_OK
        asked, said, about = guided.answers, guided.said, guided.about
        given = asked if start is None else beyond(asked, start, today=today, symptom_ids=kb.symptom_ids)
    else:
        given = parse_answers(_read_answers(args.answers, stdin), today=today, symptom_ids=kb.symptom_ids)
    answers = given if evidence is None else evidence.apply(given)
    assessment = assess(answers, kb, today=today, services=services, said=said, about=about)
    if diary is not None and evidence is not None:
        from twitchwise.diary.when import clock

        assessment = diary.record(given, assessment, evidence, today=today, now=clock(environ), description=description)
    if args.json:
        if reading is None:
            stdout.write(assessment.to_json().decode() + "\n")
        else:
            import msgspec

            from twitchwise.understand.output import contract_json

            stdout.write(msgspec.json.encode(contract_json(assessment, reading, kb)).decode() + "\n")
        return EXIT_OK
    from twitchwise.cli.render import render_assessment, render_warning

    if reading is not None:
        from twitchwise.understand.output import render_reading

        render_warning(assessment, stdout)
        render_reading(reading, kb, stdout, assessment)
        if reading.only_asks:
            stdout.write(
                "To check your own twitching, describe it — for example\n"
                '  twitchwise check --text "my left calf has twitched for 3 weeks, no weakness"\n'
                "— or run `twitchwise check` to answer one question at a time.\n"
            )
            return EXIT_OK
    own = said_by_person(to_builtins(given))
    quotes = reading.told if reading is not None else None
    render_assessment(assessment, kb, stdout, warned=reading is not None, given=own, quotes=quotes)
    return EXIT_OK


def _last_check_answers(diary: DiaryLink | None, kb: KnowledgeBase, today: dt.date) -> Answers:
    """What the person answered at their last check (``--again``)."""
    from twitchwise.answers import answers_from_builtins
    from twitchwise.diary.records import Check

    if diary is None:
        raise InputError("--again", "needs the diary (it re-opens your last check); there is none")
    checks = diary.store.diary(diary.profile).list(kinds=("check",))
    if not checks or not isinstance(checks[-1].record, Check):
        raise InputError("--again", "there is no earlier check in the diary; run `twitchwise check`")
    return answers_from_builtins(checks[-1].record.answers, today=today, symptom_ids=kb.symptom_ids)


def _open_diary(args: argparse.Namespace, environ: Mapping[str, str]) -> DiaryLink | None:
    """The diary to read and save to, when there is one; a check never creates a diary."""
    from twitchwise.diary.location import diary_exists, resolve_url

    url = resolve_url(args.db, environ)
    if not diary_exists(url):
        if args.db:
            raise InputError("--db", "no diary database there")
        return None
    from twitchwise.cli.diary_commands import check_profile
    from twitchwise.diary.link import DiaryLink
    from twitchwise.diary.store import StoreError

    check_profile(args.profile)
    try:
        return DiaryLink.open(url, args.profile)
    except StoreError as error:
        raise InputError("--db", str(error)) from None


TODAY_RANGE = (dt.date(1900, 1, 1), dt.date(2999, 12, 31))


def _today(text: str | None, environ: Mapping[str, str]) -> dt.date:
    if text is None:
        from twitchwise.diary.when import clock

        return clock(environ).date()  # TWITCHWISE_NOW, as every diary command reads it
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise InputError("--today", "expected a date as YYYY-MM-DD") from None
    if not TODAY_RANGE[0] <= day <= TODAY_RANGE[1]:
        raise InputError("--today", "must be between 1900 and 2999")
    return day


def _read_answers(path: str, stdin: IO[str]) -> bytes:
    try:
        if path == "-":
            text = stdin.read(MAX_ANSWERS_BYTES + 1)
            data = text.encode("utf-8", errors="surrogateescape")
        else:
            with open(path, "rb") as handle:
                data = handle.read(MAX_ANSWERS_BYTES + 1)
    except OSError as error:
        raise InputError("--answers", f"cannot read the file ({error.strerror})") from None
    except UnicodeDecodeError:
        raise InputError("answers", "the answers are not valid UTF-8 text") from None
    if len(data) > MAX_ANSWERS_BYTES:
        raise InputError("answers", "the file is larger than 1 MB; expected one small JSON object")
    return data


def _read_text(text: str, stdin: IO[str]) -> str:
    """The description: the option's words, or stdin for ``-``; at most 1 MB, not empty."""
    if text == "-":
        text = stdin.read(MAX_ANSWERS_BYTES + 1)
    if len(text.encode("utf-8", errors="surrogateescape")) > MAX_ANSWERS_BYTES:
        raise InputError("--text", "the description is larger than 1 MB; a few sentences are enough")
    if not text.strip():
        raise InputError("--text", "describe the twitching in a few words, e.g. 'left calf for 3 weeks'")
    return text.encode("utf-8", errors="replace").decode("utf-8")
