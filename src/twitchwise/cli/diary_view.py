"""The diary listing: entries, a per-site summary and a sparkline of twitches per day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import IO

import msgspec

from twitchwise.diary.records import Stored
from twitchwise.diary.summary import Summary, summarise

BARS = "▁▂▃▄▅▆▇█"


def sparkline(summary: Summary) -> str:
    """One character a day: a bar for the number of episodes, a space for an unrecorded day."""
    top = max((d.episodes or 0 for d in summary.days), default=0) or 1
    return "".join(" " if d.episodes is None else BARS[round(d.episodes / top * (len(BARS) - 1))] for d in summary.days)


def show_diary(entries: Sequence[Stored], *, today: dt.date, days: int, stdout: IO[str], as_json: bool) -> None:
    summary = summarise(entries, today=today, days=days)
    if as_json:
        data = {"entries": [{"id": s.id, "kind": s.kind, **msgspec.to_builtins(s.record)} for s in entries],
                "summary": msgspec.to_builtins(summary)}  # fmt: skip
        stdout.write(msgspec.json.encode(data).decode() + "\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from twitchwise.diary.wording import describe

    console = Console(file=stdout, highlight=False, soft_wrap=False, width=100)
    first = summary.days[0].day
    console.print(f"[bold]Diary[/bold], {first} to {today} ({days} days)")
    if not entries:
        console.print("Nothing logged in these days. Log a twitch: twitchwise log twitch --site left-calf --count 5")
        return
    table = Table(show_header=True, header_style="bold", box=None)
    table.add_column("id")
    table.add_column("entry")
    for stored in entries:
        table.add_row(stored.id, Text(describe(stored)))  # Text: what a person typed is never markup
    console.print(table)
    console.print(f"\nTwitch episodes per day  [{sparkline(summary)}]  (blank: nothing recorded)")
    console.print(f"{summary.episodes} episodes on {summary.recorded_days} recorded days of {days}.")
    if summary.by_site:
        console.print(Text("By site: " + ", ".join(f"{name} {n}" for name, n in summary.by_site.items())))
