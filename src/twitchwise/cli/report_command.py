"""``twitchwise report``: the doctor-ready report of the diary, as PDF (default) or HTML."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from twitchwise.errors import InputError


def add_parser(commands: Any, common: list[argparse.ArgumentParser]) -> None:
    report = commands.add_parser(
        "report", parents=common, help="a report to take to the doctor (PDF or HTML)",
        description="Write a two-to-three page report of the diary for a doctor: checks, red flags, pertinent "
        "negatives, where and how often, daily factors, insights, medicines, notes and sources.",
    )  # fmt: skip
    report.add_argument("--from", dest="start", metavar="DAY", help="first day (default: the start of the diary)")
    report.add_argument("--to", dest="end", metavar="DAY", help="last day (default: today)")
    report.add_argument("--format", choices=("pdf", "html"), default="pdf", help="pdf (default) or html")
    report.add_argument(
        "--out", metavar="PATH", help="the file to write (default: twitchwise-report-DAY.pdf here); - for stdout (html)"
    )


def run(c: Any) -> int:
    from twitchwise.diary.when import parse_day
    from twitchwise.files import write_private
    from twitchwise.kb import load_knowledge_base
    from twitchwise.report import content, render

    a = c.args
    start = None if a.start is None else parse_day(a.start, today=c.today, field="--from")
    end = c.today if a.end is None else parse_day(a.end, today=c.today, field="--to")
    if start is not None and start > end:
        raise InputError("--from", "is after --to")
    if a.out == "-" and a.format == "pdf":
        raise InputError("--out", "a PDF cannot go to the terminal; name a file, or use --format html")
    with c.store() as store:
        entries = store.diary(a.profile).list(end=end)
    report = content.build_report(entries, load_knowledge_base(), today=c.today, start=start, end=end)
    if a.format == "html":
        text = render.html(report)
        if a.out == "-":
            c.stdout.write(text)
            return 0
        data = text.encode("utf-8")
    else:
        data = render.pdf(report)
    target = Path(a.out or default_name(c.today, a.format))
    if target.is_dir():
        raise InputError("--out", "is a folder; name the file to write")
    write_private(target, data)
    c.say(f"Wrote {target} ({report.episodes} episodes, {len(report.checks)} checks, {report.start} to {report.end}).")
    return 0


def default_name(today: dt.date, fmt: str) -> str:
    return f"twitchwise-report-{today}.{fmt}"
