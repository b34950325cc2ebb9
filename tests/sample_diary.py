"""A realistic diary to write reports and exports from: episodes at several sites, daily factors,
symptoms present and absent, medicines, notes (one hostile), a twitch-free day and two checks."""

from __future__ import annotations

import datetime as dt
import json
import random

from twitchwise.answers import parse_answers
from twitchwise.diary.records import Check, Day, Episode, Experiment, Record, Symptom
from twitchwise.diary.store import Diary
from twitchwise.kb import load_knowledge_base
from twitchwise.triage.engine import assess

TODAY = dt.date(2026, 11, 21)
HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
FIRST_CHECK = {
    "age": 34, "sex": "female", "sites": [{"region": "calf", "side": "left"}], "duration_days": 20,
    "symptoms": {"weakness": False, "muscle_wasting": False}, "caffeine_mg_per_day": 500,
}  # fmt: skip


def check(answers: dict[str, object], at: dt.datetime) -> Check:
    kb = load_knowledge_base()
    parsed = parse_answers(json.dumps(answers), today=at.date(), symptom_ids=kb.symptom_ids)
    assessment = assess(parsed, kb, today=at.date())
    result = json.loads(assessment.to_json())
    return Check(at=at, disposition=result["disposition"], answers=answers, result=result)


def records(days: int = 42, *, seed: int = 7, notes: int = 3) -> list[Record]:
    """``days`` days up to TODAY: most with twitches and factors, a few unrecorded, one twitch-free."""
    rng = random.Random(seed)
    first = TODAY - dt.timedelta(days=days - 1)
    made: list[Record] = []
    sites = [("calf", "left"), ("calf", "left"), ("thigh", "right"), ("eyelid", "left")]
    for i in range(days):
        day = first + dt.timedelta(days=i)
        if i % 9 == 4:
            continue  # not recorded: unknown, not zero
        if i == 10:
            made.append(Day(day=day, twitch_free=True, sleep_h=8.0))
            continue
        for n in range(rng.randint(1, 4)):
            region, side = rng.choice(sites)
            at = dt.datetime.combine(day, dt.time(7 + 4 * n, rng.randint(0, 59)))
            made.append(Episode(at=at, region=region, side=side, count=rng.randint(1, 40),  # type: ignore[arg-type]
                                duration_s=float(rng.randint(5, 300)), intensity=rng.randint(1, 5),
                                context=rng.choice(["resting", "in_bed", "after_exercise"])))  # fmt: skip
        made.append(Day(day=day, caffeine_mg=float(rng.choice([95, 190, 285, 380])), water_l=1.5,
                        alcohol_units=float(rng.randint(0, 3)), nicotine=False, exercise_min=float(rng.randint(0, 60)),
                        exercise_intensity="moderate", sleep_h=rng.choice([5.5, 6.5, 7.5]), stress=rng.randint(1, 8),
                        medicines=["salbutamol"] if i % 3 == 0 else None))  # fmt: skip
    for k in range(notes):
        at = dt.datetime.combine(TODAY - dt.timedelta(days=k), dt.time(22, 0))
        made.append(Episode(at=at, region="calf", side="left", note=HOSTILE if k == 0 else f"note number {k}"))
    made.append(Symptom(symptom="weakness", present=False, at=dt.datetime.combine(TODAY, dt.time(9))))
    made.append(Symptom(symptom="cramps", present=True, at=dt.datetime.combine(TODAY, dt.time(9)),
                        region="calf", side="left"))  # fmt: skip
    made.append(check(FIRST_CHECK, dt.datetime.combine(TODAY - dt.timedelta(days=14), dt.time(20))))
    later = {**FIRST_CHECK, "duration_days": 34, "sites": [{"region": "calf", "side": "left"},
                                                          {"region": "thigh", "side": "right"}]}  # fmt: skip
    made.append(check(later, dt.datetime.combine(TODAY, dt.time(8))))
    made.append(Experiment(day=TODAY - dt.timedelta(days=20), factor="caffeine", weeks=4,
                           schedule=["usual", "lower", "lower", "usual"]))  # fmt: skip
    return made


def fill(diary: Diary, days: int = 42, **options: int) -> list[Record]:
    made = records(days, **options)
    for record in made:
        diary.add(record)
    return made
