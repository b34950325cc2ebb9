"""A diary entry in one line of words: "2026-11-20 21:30, left calf, 12 twitches, intensity 2"."""

from __future__ import annotations

from twitchwise.diary.records import Check, Day, Episode, Experiment, Stored, Symptom
from twitchwise.sites import site_name


def describe(stored: Stored) -> str:
    r = stored.record
    if isinstance(r, Episode):
        parts = [f"{r.at:%Y-%m-%d %H:%M}", site_name(r.region, r.side)]
        if r.count is not None:
            parts.append(f"{r.count} twitches")
        if r.duration_s is not None:
            parts.append(f"{r.duration_s:g} s")
        if r.intensity is not None:
            parts.append(f"intensity {r.intensity}")
        return ", ".join(parts)
    if isinstance(r, Day):
        given = [
            f"{label} {value}" for label, value in (
                ("caffeine", _fmt(r.caffeine_mg, " mg")), ("water", _fmt(r.water_l, " L")),
                ("alcohol", _fmt(r.alcohol_units, " units")), ("exercise", _fmt(r.exercise_min, " min")),
                ("sleep", _fmt(r.sleep_h, " h")), ("stress", _fmt(r.stress, "/10")),
                ("mindful", _fmt(r.mindful_min, " min")),
                ("nicotine", None if r.nicotine is None else ("yes" if r.nicotine else "no")),
                ("medicines", ", ".join(r.medicines) if r.medicines else None),
            ) if value is not None
        ]  # fmt: skip
        if r.twitch_free:
            given.insert(0, "no twitches")
        return f"{r.day}: " + (", ".join(given) or "no factors")
    if isinstance(r, Symptom):
        state = "present" if r.present else "absent"
        return f"{r.at:%Y-%m-%d %H:%M}, {r.symptom.replace('_', ' ')} {state}"
    if isinstance(r, Check):
        return f"{r.at:%Y-%m-%d %H:%M}, check: {r.disposition.replace('_', ' ')}"
    assert isinstance(r, Experiment)
    stopped = f", stopped {r.stopped_on}" if r.stopped_on else ""
    return f"{r.day}: experiment on {r.factor}, {r.weeks} weeks{stopped}"


def _fmt(value: float | None, unit: str) -> str | None:
    return None if value is None else f"{value:g}{unit}"
