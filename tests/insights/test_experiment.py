"""Self-experiments: a counterbalanced random plan, the week you are in, and an honest result."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import TODAY, run_cli
from twitchwise.diary.records import Day, Episode, Experiment, Stored
from twitchwise.insights.experiment import analyse_experiment, end_of, plan, week_of


def test_each_pair_of_weeks_has_one_usual_and_one_lower_week() -> None:
    schedules = {tuple(plan("caffeine", 8, TODAY, random.Random(seed)).schedule) for seed in range(50)}
    assert len(schedules) > 1  # random
    for schedule in schedules:
        assert all({schedule[i], schedule[i + 1]} == {"usual", "lower"} for i in range(0, 8, 2))


def test_the_week_you_are_in() -> None:
    experiment = Experiment(day=TODAY, factor="alcohol", weeks=4, schedule=["lower", "usual", "usual", "lower"])
    assert week_of(experiment, TODAY - dt.timedelta(days=1)).number == 0
    first = week_of(experiment, TODAY)
    assert first.number == 1 and first.arm == "lower" and "alcohol-free" in first.instruction
    assert week_of(experiment, TODAY + dt.timedelta(days=7)).arm == "usual"
    assert week_of(experiment, end_of(experiment) + dt.timedelta(days=1)).arm is None


def simulated(experiment: Experiment, lower_rr: float, seed: int) -> list[Stored]:
    rng = np.random.default_rng(seed)
    entries: list[Stored] = []
    for index in range(experiment.weeks * 7):
        day = experiment.day + dt.timedelta(days=index)
        lower = experiment.schedule[index // 7] == "lower"
        count = int(rng.poisson(6 * (lower_rr if lower else 1.0)))
        for n in range(count):
            at = dt.datetime.combine(day, dt.time(8 + n % 12))
            entries.append(Stored(f"e{index}-{n}", "episode", Episode(at=at, region="calf")))
        caffeine = 150.0 if lower else 320.0
        entries.append(Stored(f"d{index}", "day", Day(day=day, caffeine_mg=caffeine, twitch_free=count == 0)))
    return entries


def test_a_real_effect_of_lower_weeks_is_found() -> None:
    experiment = plan("caffeine", 8, TODAY - dt.timedelta(days=56), random.Random(3))
    result = analyse_experiment(experiment, simulated(experiment, 0.5, seed=1), TODAY)
    assert result.status == "ok" and result.verdict == "fewer"
    assert result.rate_ratio is not None and result.high is not None and result.high < 1
    assert (result.factor_usual, result.factor_lower) == (320.0, 150.0)  # the plan held
    assert "randomised comparison" in result.text


def test_no_effect_is_not_reported_as_one() -> None:
    flagged = 0
    for seed in range(20):
        experiment = plan("caffeine", 6, TODAY - dt.timedelta(days=42), random.Random(seed))
        result = analyse_experiment(experiment, simulated(experiment, 1.0, seed=seed), TODAY)
        flagged += result.verdict in ("more", "fewer")
    assert flagged <= 3


def test_a_running_experiment_has_no_result_yet() -> None:
    experiment = plan("exercise", 4, TODAY - dt.timedelta(days=3), random.Random(1))
    assert analyse_experiment(experiment, [], TODAY).status == "running"


def test_the_commands(tmp_path: Path) -> None:
    env = {"TWITCHWISE_DATA_DIR": str(tmp_path), "TWITCHWISE_NOW": f"{TODAY}T09:00", "LANG": "en_GB.UTF-8"}
    started = run_cli("experiment", "start", "caffeine", "--weeks", "4", environ=env)
    assert started.code == 0 and started.out.startswith("Planned x1: 4 weeks from 2026-11-21")
    assert "[S9, S14" in started.out  # the reason is the knowledge base's, with its sources
    again = run_cli("experiment", "start", "alcohol", environ=env)
    assert again.code == 2 and "already running" in again.err
    status = json.loads(run_cli("experiment", "status", "--json", environ=env).out)
    assert status["week"]["number"] == 1 and status["result"]["status"] == "running"
    assert run_cli("experiment", "stop", environ=env).code == 0
    stopped = json.loads(run_cli("experiment", "status", "--json", environ=env).out)
    assert stopped["experiment"]["stopped_on"] == "2026-11-21" and stopped["result"]["status"] == "not_enough_data"


@pytest.mark.parametrize(("argv", "field"), [
    (["experiment", "start", "caffeine", "--weeks", "5"], "--weeks"),
    (["experiment", "start", "caffeine", "--weeks", "14"], "--weeks"),
    (["experiment", "start", "caffeine", "--start", "2027-01-30"], "--start"),
    (["experiment", "status"], "experiment"),
    (["experiment", "start", "nicotine"], ""),
])  # fmt: skip
def test_bad_experiment_input(tmp_path: Path, argv: list[str], field: str) -> None:
    env = {"TWITCHWISE_DATA_DIR": str(tmp_path), "TWITCHWISE_NOW": f"{TODAY}T09:00", "LANG": "en_GB.UTF-8"}
    result = run_cli(*argv, environ=env)
    assert result.code == 2 and result.err.startswith(f"twitchwise: error: {field}")
