"""The ``twitchwise`` command: parse, call one core function, render.

``main`` takes its arguments, environment and streams as parameters so tests never patch
globals.  Bad input becomes one line on stderr and exit code 2, never a traceback.
Heavy imports (Rich, the interview) happen only in the commands that need them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Mapping, Sequence
from typing import IO, NoReturn

from twitchwise import __version__
from twitchwise.errors import InputError

EXIT_OK = 0
EXIT_BAD_INPUT = 2
MAX_ANSWERS_BYTES = 1_000_000


class UsageError(InputError):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError("", f"{message} (see `{self.prog} --help`)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="twitchwise",
        description="Triage and self-care for muscle twitching at rest. Information, not a diagnosis.",
    )
    parser.add_argument("--version", action="version", version=f"twitchwise {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser(
        "check",
        help="how soon to see a doctor, why, and what to do",
        description="Run a guided check, or assess structured answers (--answers).",
    )
    check.add_argument("--answers", metavar="FILE", help="structured answers as one JSON object; - reads stdin")
    check.add_argument(
        "--json", action="store_true", help="print one JSON object (the check contract) and nothing else"
    )
    check.add_argument("--today", metavar="YYYY-MM-DD", help="the date to assess on (default: today)")
    check.add_argument(
        "--locale", metavar="LL_CC", help="locale for emergency services, e.g. en_GB (default: from LANG)"
    )
    check.add_argument("--emergency-number", metavar="NUMBER", help="the emergency number to show (e.g. 999, 112, 911)")

    kb = commands.add_parser(
        "kb",
        help="list and look up what twitchwise knows, and its sources",
        description="List a section of the knowledge base, or show one entry by id or name.",
    )
    kb.add_argument("section", choices=KB_SECTIONS, help="which part of the knowledge base")
    kb.add_argument("entry", nargs="?", help="an id (or a medicine name) to show in full")
    kb.add_argument("--json", action="store_true", help="print JSON")
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
        args = build_parser().parse_args(list(argv))
        if args.command == "check":
            return _check(args, environ, stdin, stdout)
        from twitchwise.cli.kb_command import show_kb

        return show_kb(args.section, args.entry, as_json=args.json, stdout=stdout)
    except InputError as error:
        stderr.write(f"twitchwise: error: {error}\n")
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK


def _check(args: argparse.Namespace, environ: Mapping[str, str], stdin: IO[str], stdout: IO[str]) -> int:
    from twitchwise.answers import parse_answers
    from twitchwise.kb import load_knowledge_base
    from twitchwise.services import services_for
    from twitchwise.triage.engine import assess

    kb = load_knowledge_base()
    today = _today(args.today)
    services = services_for(kb, environ, locale=args.locale, emergency_number=args.emergency_number)
    if args.answers is None:
        from twitchwise.cli.guided import run_guided_check

        return run_guided_check(kb, today=today, services=services, stdin=stdin, stdout=stdout, as_json=args.json)
    raw = _read_answers(args.answers, stdin)
    answers = parse_answers(raw, today=today, symptom_ids=kb.symptom_ids)
    assessment = assess(answers, kb, today=today, services=services)
    if args.json:
        stdout.write(assessment.to_json().decode() + "\n")
    else:
        from twitchwise.cli.render import render_assessment

        render_assessment(assessment, kb, stdout)
    return EXIT_OK


def _today(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError("--today", "expected a date as YYYY-MM-DD") from None


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


def run() -> None:
    """Console-script entry point."""
    import os

    sys.exit(main(sys.argv[1:], os.environ, sys.stdin, sys.stdout, sys.stderr))
