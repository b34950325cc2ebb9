"""``twitchwise insights`` in the terminal: a ranked table with rate ratios, intervals and verdicts."""

from __future__ import annotations

from typing import IO

from twitchwise.insights.report import Insights


def show_insights(result: Insights, stdout: IO[str], *, as_json: bool) -> None:
    if as_json:
        stdout.write(result.to_json().decode() + "\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=stdout, highlight=False, width=110)
    console.print(Text(result.message))
    console.print(
        Text(f"{result.recorded_days} recorded days of {result.diary_days}; "
             f"{result.usable_pairs} usable day-pairs (the model needs {result.needed_pairs}).")
    )  # fmt: skip
    if result.factors:
        table = Table(box=None, header_style="bold")
        for column in ("factor", "rate ratio (95% CI)", "per", "verdict"):
            table.add_column(column)
        for factor in result.factors:
            ratios = "; ".join(f"{t.when}: {t.rate_ratio:.2f} ({t.low:.2f}–{t.high:.2f})" for t in factor.terms)
            table.add_row(Text(factor.label), Text(ratios or "—"), Text(factor.per if factor.terms else ""),
                          Text(factor.text))  # fmt: skip
        console.print(table)
    waiting = [f for f in result.factors if f.verdict == "cant_tell" and f.more_days_for_rr_1_5]
    for factor in waiting:
        console.print(Text(f"{factor.label}: with about {factor.more_days_for_rr_1_5} more fully logged days "
                           "(twitches and factors, day after day), a rate ratio of 1.5, if there is one, would be "
                           "found 8 times in 10."))  # fmt: skip
    for caution in result.cautions:
        console.print(Text(caution, style="bold"))
    console.print(Text(f"How: {result.method}.", style="dim"))
    console.print(Text(result.limits, style="dim"))
    if result.status == "ok":
        console.print(Text(result.how_sure, style="dim"))
