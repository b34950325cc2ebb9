"""Hypothesis strategies for diary records: every field, at its edges, with awkward text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from tests.conftest import TODAY
from twitchwise.diary.records import Check, Day, Episode, Experiment, Symptom
from twitchwise.vocabulary import REGIONS, SIDES

# Any printable text, newlines, quotes, commas and emoji included; no other control characters.
text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")) | st.sampled_from("\n\t\",;'"),
    min_size=1,
    max_size=40,
)
one_line = text.filter(lambda t: not {"\n", "\t"} & set(t))
moments = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime.combine(TODAY, dt.time(23)))
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=TODAY)


def number(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


episodes = st.builds(
    Episode, at=moments, region=st.sampled_from(REGIONS), side=maybe(st.sampled_from(SIDES)),
    count=maybe(st.integers(0, 100_000)), duration_s=maybe(number(0, 86_400)), intensity=maybe(st.integers(1, 5)),
    context=maybe(st.sampled_from(["resting", "after_exercise", "in_bed", "other"])), note=maybe(text),
)  # fmt: skip
day_records = st.builds(
    Day, day=days, caffeine_mg=maybe(number(0, 10_000)), water_l=maybe(number(0, 20)),
    alcohol_units=maybe(number(0, 100)), nicotine=maybe(st.booleans()), exercise_min=maybe(number(0, 1440)),
    exercise_intensity=maybe(st.sampled_from(["light", "moderate", "vigorous"])), sleep_h=maybe(number(0, 24)),
    stress=maybe(st.integers(0, 10)), medicines=maybe(st.lists(one_line, max_size=3)),
    twitch_free=st.booleans(), note=maybe(text),
)  # fmt: skip
symptoms = st.builds(
    Symptom, symptom=st.sampled_from(["weakness", "cramps", "numbness", "getting_worse"]), present=st.booleans(),
    at=moments, region=maybe(st.sampled_from(REGIONS)), side=maybe(st.sampled_from(SIDES)), note=maybe(text),
)  # fmt: skip
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | number(-1e6, 1e6) | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def _checks(draw: st.DrawFn) -> Check:
    """A check as twitchwise stores one: answers it accepts and the assessment they give."""
    import msgspec

    from tests.strategies import KB, answers
    from twitchwise.answers import answers_from_builtins, to_builtins
    from twitchwise.triage.engine import assess

    given = answers_from_builtins(draw(answers()), today=TODAY, symptom_ids=KB.symptom_ids)
    result = assess(given, KB, today=TODAY)
    stored: dict[str, Any] = msgspec.to_builtins(result)
    return Check(at=draw(moments), disposition=stored["disposition"], answers=to_builtins(given), result=stored)


checks = _checks()
experiments = st.builds(
    lambda day, factor, pairs, stopped, note: Experiment(
        day=day, factor=factor, weeks=2 * len(pairs), schedule=[arm for pair in pairs for arm in pair],
        stopped_on=stopped if stopped is None or stopped >= day else day, note=note,
    ),
    days, st.sampled_from(["caffeine", "alcohol", "exercise"]),
    st.lists(st.sampled_from([("usual", "lower"), ("lower", "usual")]), min_size=2, max_size=6),
    maybe(days), maybe(text),
)  # fmt: skip
diaries = st.fixed_dictionaries({
    "episodes": st.lists(episodes, max_size=6),
    "days": st.lists(day_records, max_size=4, unique_by=lambda d: d.day),
    "symptoms": st.lists(symptoms, max_size=3),
    "checks": st.lists(checks, max_size=2),
    "experiments": st.lists(experiments, max_size=2),
})  # fmt: skip
