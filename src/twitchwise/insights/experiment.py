"""Self-experiments (n-of-1 trials): weeks of usual and lower exposure to one factor, in random
order within each pair of weeks, then the same honest analysis as the insights.

Only factors whose lowering is a self-care step of the knowledge base can be tried — caffeine
(``cut_caffeine``), alcohol (``cut_alcohol``) and hard exercise (``rest_after_exercise``).  A
usual week means as you usually do, never more; nicotine is never "resumed" and a prescribed
medicine is never stopped, so neither can be the subject of an experiment.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Literal

import msgspec
import numpy as np

from twitchwise.diary.records import Arm, Experiment, ExperimentFactor, Stored, moment_of
from twitchwise.insights.model import Array, FactorSpec, Term, analyse
from twitchwise.insights.report import SMALL, WORDS
from twitchwise.insights.table import DailyTable, daily_table
from twitchwise.kb import KnowledgeBase

ACTIONS: dict[str, str] = {"caffeine": "cut_caffeine", "alcohol": "cut_alcohol", "exercise": "rest_after_exercise"}
LOWER: dict[str, str] = {
    "caffeine": "a lower-caffeine week: about half your usual caffeine, cut down over the first two days",
    "alcohol": "an alcohol-free week",
    "exercise": "an easy week: no hard sessions, light activity only",
}
USUAL = "a usual week: as you usually do (no more than usual)"


def plan(factor: ExperimentFactor, weeks: int, start: dt.date, rng: random.Random) -> Experiment:
    """Weeks in pairs, each pair one usual and one lower week in random order (counterbalanced)."""
    schedule: list[Arm] = []
    for _ in range(weeks // 2):
        pair: list[Arm] = ["usual", "lower"]
        rng.shuffle(pair)
        schedule.extend(pair)
    return Experiment(day=start, factor=factor, weeks=weeks, schedule=schedule)


class Week(msgspec.Struct, frozen=True):
    number: int  # 1-based; 0 before the start
    arm: Arm | None
    instruction: str
    ends_on: dt.date


def week_of(experiment: Experiment, today: dt.date) -> Week:
    elapsed = (today - experiment.day).days
    if elapsed < 0:
        return Week(0, None, f"It starts on {experiment.day:%A %d %B}.", experiment.day)
    number = elapsed // 7 + 1
    if number > experiment.weeks:
        return Week(number, None, "The experiment is over.", end_of(experiment))
    arm = experiment.schedule[number - 1]
    text = LOWER[experiment.factor] if arm == "lower" else USUAL
    ends = experiment.day + dt.timedelta(days=7 * number - 1)
    return Week(number, arm, f"Week {number} of {experiment.weeks}: {text}.", ends)


def end_of(experiment: Experiment) -> dt.date:
    return experiment.day + dt.timedelta(days=7 * experiment.weeks - 1)


class ExperimentResult(msgspec.Struct, frozen=True):
    status: Literal["ok", "not_enough_data", "running", "stopped_early"]
    factor: str
    verdict: str | None
    text: str
    rate_ratio: float | None  # lower weeks against usual weeks
    low: float | None
    high: float | None
    recorded_days: int
    usable_pairs: int
    needed_pairs: int
    factor_usual: float | None  # the logged factor's mean in usual and lower weeks: did the plan hold?
    factor_lower: float | None


def analyse_experiment(experiment: Experiment, entries: Sequence[Stored], today: dt.date) -> ExperimentResult:
    """Compare twitching in lower weeks with usual weeks, by the insights' model and wording."""
    finished = experiment.stopped_on or end_of(experiment)
    if finished > today and experiment.stopped_on is None:
        return _result(experiment, "running", None, "Keep going: the result comes when the last week ends.")
    last = min(finished, today)
    inside = [s for s in entries if _within(s, experiment.day, last)]
    table = daily_table(inside, today=last)
    if table is None:
        return _result(experiment, "not_enough_data", None, "Nothing was logged during the experiment.")
    arm = np.array([_arm(experiment, table.date(i)) for i in range(table.days)], dtype=float)
    result = analyse(table.counts, {"lower": arm}, [FactorSpec("lower", binary=True)], table.weekend)
    usual, lower = _adherence(experiment, table, arm)
    term = result.term("lower", 0)
    status: Literal["ok", "stopped_early"] = "ok" if experiment.stopped_on is None else "stopped_early"
    if result.status != "ok" or term is None:
        text = "Not enough twitch-logged days in the experiment to compare its weeks."
        counts = (table.recorded_days, result.usable_pairs, result.needed_pairs)
        return _result(experiment, "not_enough_data", None, text, *counts, usual=usual, lower=lower)
    verdict = _verdict(term)
    text = WORDS[verdict]
    if verdict in ("more", "fewer"):
        more_or_less = "fewer" if term.log_rr < 0 else "more"
        text = (
            f"In your experiment, lower weeks had {more_or_less} twitches: rate ratio {term.rr:.2f} "
            f"({term.low:.2f}–{term.high:.2f}). A randomised comparison in you — still not proof for life."
        )
    return ExperimentResult(
        status, experiment.factor, verdict, text, term.rr, term.low, term.high, table.recorded_days,
        result.usable_pairs, result.needed_pairs, usual, lower,
    )  # fmt: skip


def action_text(experiment: Experiment, kb: KnowledgeBase) -> tuple[str, list[str]]:
    action = kb.actions[ACTIONS[experiment.factor]]
    return action.text, list(action.sources)


def _verdict(term: Term) -> Literal["more", "fewer", "cant_tell", "probably_not_large"]:
    if term.flagged:
        return "more" if term.log_rr > 0 else "fewer"
    if SMALL[0] <= term.low and term.high <= SMALL[1]:
        return "probably_not_large"
    return "cant_tell"


def _arm(experiment: Experiment, day: dt.date) -> float:
    week = (day - experiment.day).days // 7
    return 1.0 if 0 <= week < experiment.weeks and experiment.schedule[week] == "lower" else 0.0


def _within(stored: Stored, first: dt.date, last: dt.date) -> bool:
    return stored.kind in ("episode", "day") and first <= moment_of(stored.record).date() <= last


def _adherence(experiment: Experiment, table: DailyTable, arm: Array) -> tuple[float | None, float | None]:
    series = table.factors[experiment.factor]
    means = []
    for value in (0.0, 1.0):
        logged = series[(arm == value) & np.isfinite(series)]
        means.append(round(float(logged.mean()), 1) if logged.size else None)
    return means[0], means[1]


def _result(
    experiment: Experiment, status: Literal["ok", "not_enough_data", "running", "stopped_early"],
    verdict: str | None, text: str, recorded: int = 0, usable: int = 0, needed: int = 0, *,
    usual: float | None = None, lower: float | None = None,
) -> ExperimentResult:  # fmt: skip
    return ExperimentResult(
        status, experiment.factor, verdict, text, None, None, None, recorded, usable, needed, usual, lower
    )
