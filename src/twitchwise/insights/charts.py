"""Charts of a diary and its insights, as PNG and SVG (matplotlib, no display needed).

- ``timeline``: episodes a day as bars (unrecorded days left blank and marked, never drawn as
  zero), with the logged factors overlaid as lines from the person's own lowest to highest;
- ``forest``: each factor's rate ratio and 95 % interval on a log scale, flagged factors marked
  by shape and label as well as colour;
- ``sites``: episodes a week per body site.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from twitchwise.diary.records import Episode, Stored
from twitchwise.insights.report import Insights
from twitchwise.insights.table import DailyTable
from twitchwise.sites import site_name

OVERLAID = ("caffeine", "sleep", "stress", "exercise")


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.hashsalt": "twitchwise", "font.size": 9})  # reproducible SVG ids
    return plt


def save(figure: Any, folder: Path, name: str) -> list[Path]:
    """Write the figure as PNG and SVG, each a private file (``twitchwise.files``)."""
    from twitchwise.files import write_private

    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    written = []
    for extension, metadata in (("png", None), ("svg", {"Date": None})):
        path = folder / f"{name}.{extension}"
        buffer = io.BytesIO()
        figure.savefig(buffer, format=extension, dpi=150, bbox_inches="tight", metadata=metadata)
        write_private(path, buffer.getvalue(), field="--charts")
        written.append(path)
    _pyplot().close(figure)
    return written


def svg(figure: Any) -> str:
    """A figure as SVG text, for a web page (the same drawing ``save`` writes to a file)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    _pyplot().close(figure)
    return buffer.getvalue()


def timeline(table: DailyTable, folder: Path) -> list[Path]:
    return save(timeline_figure(table), folder, "timeline")


def timeline_figure(table: DailyTable) -> Any:
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(9, 3.2))
    days = [table.date(i) for i in range(table.days)]
    recorded = np.isfinite(table.counts)
    axes.bar(np.array(days)[recorded], table.counts[recorded], width=1.0, color="#4a6fa5", label="episodes")
    missing = np.array(days)[~recorded]
    if missing.size:
        axes.plot(missing, np.zeros(missing.size), "|", color="#999999", label="not recorded")
    axes.set_ylabel("episodes a day")
    overlay = axes.twinx()
    styles = ("-", "--", ":", "-.")
    for style, name in zip(styles, OVERLAID, strict=True):
        series = table.factors[name]
        if np.isfinite(series).sum() >= 3 and np.nanmax(series) > np.nanmin(series):
            # each factor from the person's own lowest (0) to highest (1): no statistics needed to read it
            scaled = (series - np.nanmin(series)) / (np.nanmax(series) - np.nanmin(series))
            label = name
            if table.days > 60:  # a long diary: the weekly average reads better than every day
                scaled, label = _weekly_mean(scaled), f"{name} (7-day average)"
            overlay.plot(days, scaled, style, linewidth=1, label=label)
    overlay.set_ylim(-0.05, 1.05)
    overlay.set_yticks([0, 1], ["your lowest", "your highest"])
    handles = axes.get_legend_handles_labels()[0] + overlay.get_legend_handles_labels()[0]
    labels = axes.get_legend_handles_labels()[1] + overlay.get_legend_handles_labels()[1]
    axes.legend(handles, labels, loc="upper left", fontsize=7, ncol=3, frameon=False)
    axes.set_title("Twitch episodes a day, with your factors")
    figure.autofmt_xdate()
    return figure


def _weekly_mean(values: np.ndarray[Any, np.dtype[np.float64]]) -> np.ndarray[Any, np.dtype[np.float64]]:
    """A centred 7-day mean of the recorded values; a week with nothing recorded stays empty."""
    known = np.isfinite(values)
    window = np.ones(7)
    total = np.convolve(np.where(known, values, 0.0), window, mode="same")
    count = np.convolve(known.astype(float), window, mode="same")
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / count, np.nan)


def forest(result: Insights, folder: Path) -> list[Path]:
    return save(forest_figure(result), folder, "forest")


def forest_figure(result: Insights) -> Any:
    plt = _pyplot()
    rows = [(f, t) for f in result.factors for t in f.terms]
    figure, axes = plt.subplots(figsize=(6, 0.35 * max(3, len(rows)) + 1))
    for i, (_, term) in enumerate(reversed(rows)):
        marker, colour = ("D", "#b03a2e") if term.flagged else ("o", "#333333")
        axes.plot([term.low, term.high], [i, i], color=colour, linewidth=1.5)
        axes.plot([term.rate_ratio], [i], marker, color=colour)
    labels = [f"{f.label} ({t.when}){'  ◆ flagged' if t.flagged else ''}" for f, t in rows]
    axes.set_yticks(range(len(rows)), list(reversed(labels)))
    axes.axvline(1.0, color="#777777", linewidth=0.8)
    axes.set_xscale("log")
    low = min([0.8, *(t.low for _, t in rows)])
    high = max([1.25, *(t.high for _, t in rows)])
    ticks = [v for v in (0.25, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0) if low * 0.9 <= v <= high * 1.1]
    axes.set_xticks(ticks, [f"{v:g}" for v in ticks])
    axes.minorticks_off()
    axes.set_xlabel("rate ratio (1 = no difference), with its 95% interval")
    axes.set_title("What goes with more or less twitching, for you")
    return figure


def sites(entries: Sequence[Stored], folder: Path, *, today: dt.date) -> list[Path]:
    return save(sites_figure(entries, today=today), folder, "sites")


def weekly_by_site(entries: Sequence[Stored], *, today: dt.date) -> dict[str, Counter[dt.date]]:
    """Episodes a week (weeks start on Monday) for each body site, as the sites chart draws them."""
    weekly: dict[str, Counter[dt.date]] = {}
    for stored in entries:
        record = stored.record
        if isinstance(record, Episode) and record.at.date() <= today:
            week = record.at.date() - dt.timedelta(days=record.at.weekday())
            weekly.setdefault(site_name(record.region, record.side), Counter())[week] += 1
    return weekly


def week_starts(today: dt.date, weeks: int) -> list[dt.date]:
    """The Mondays of the last ``weeks`` weeks, oldest first; the last is this week's, not over yet."""
    this_week = today - dt.timedelta(days=today.weekday())
    return [this_week - dt.timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]


def sites_table(
    weekly: dict[str, Counter[dt.date]], *, today: dt.date, weeks: int = 8
) -> tuple[list[str], list[tuple[str, list[int]]]]:
    """The sites chart's values (``weekly_by_site``) for a phone: the last ``weeks`` weeks as column labels
    ("10 Nov", the current one "this week so far"), and each site's episodes in them."""
    starts = week_starts(today, weeks)
    labels = [f"{start.day} {start:%b}" for start in starts[:-1]] + ["this week so far"]
    rows = [(name, [counts.get(start, 0) for start in starts]) for name, counts in sorted(weekly.items())]
    return labels, [(name, values) for name, values in rows if any(values)]


def sites_figure(entries: Sequence[Stored], *, today: dt.date) -> Any:
    plt = _pyplot()
    weekly = weekly_by_site(entries, today=today)
    figure, axes = plt.subplots(figsize=(9, 3))
    styles = ("-o", "--s", ":^", "-.v", "-D", "--x")
    this_week = today - dt.timedelta(days=today.weekday())
    for style, (name, counts) in zip(styles * 5, sorted(weekly.items()), strict=False):
        weeks = sorted(w for w in counts if w < this_week)
        line = axes.plot(weeks, [counts[w] for w in weeks], style, markersize=3, linewidth=1, label=name)
        if counts.get(this_week):  # a week not over yet is no drop: an open marker, apart from the line
            colour = line[0].get_color() if line else None
            axes.plot([this_week], [counts[this_week]], style[-1], markersize=5, markerfacecolor="none", color=colour)
    axes.set_ylabel("episodes a week")
    axes.set_title("Twitching per site, week by week (open marker: this week so far)")
    if weekly:
        axes.legend(fontsize=7, frameon=False)
    figure.autofmt_xdate()
    return figure
