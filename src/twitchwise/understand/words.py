"""The answers read from a description, in plain words, so the person can check them."""

from __future__ import annotations

from twitchwise.kb.models import KnowledgeBase
from twitchwise.sites import site_name
from twitchwise.triage.wording import told_apart
from twitchwise.understand.reading import Reading


def understood_lines(reading: Reading, kb: KnowledgeBase) -> list[str]:
    a = reading.answers
    lines: list[str] = []
    who = [f"age {a.age}" if a.age is not None else "", a.sex or "", "pregnant" if a.pregnant else ""]
    if any(who):
        lines.append(", ".join(w for w in who if w).capitalize())
    if a.sites:
        lines.append("Where: " + ", ".join(site_name(s.region, s.side) for s in a.sites))
    if a.duration_days is not None:
        lines.append(f"For: {a.duration_days} day{'s' if a.duration_days != 1 else ''}")
    present = told_apart(
        ((s, v) for s, v in a.symptoms.items() if v is True and s in kb.symptoms), reading.told, kb, read_as=False
    )
    absent = [kb.symptoms[s].label for s, v in a.symptoms.items() if v is False and s in kb.symptoms]
    unsure = [kb.symptoms[s].label for s, v in a.symptoms.items() if v is None and s in kb.symptoms]
    subject = "They" if reading.about == "someone_else" else "You"  # the words are about them, not the writer
    if present:  # a group read from the same words is one item ("slurred speech, sudden speech problem (“…”)")
        lines.append(f"{subject} have: " + ("; " if reading.told else ", ").join(present))
    if absent:
        lines.append(f"{subject} do not have: " + ", ".join(absent))
    if unsure:
        lines.append("Not sure (these will be asked, or listed as unanswered): " + ", ".join(unsure))
    amounts = [
        (a.caffeine_mg_per_day, "caffeine about {:g} mg a day"),
        (a.water_litres_per_day, "drinks about {:g} L a day"),
        (a.alcohol_units_per_week, "alcohol {:g} units a week"),
        (a.sleep_hours, "sleep about {:g} hours"),
        (a.stress_0_10, "stress {:g} out of 10"),
    ]
    said = [template.format(value) for value, template in amounts if value is not None]
    flags = [
        (a.nicotine, "uses nicotine", "no nicotine"),
        (a.recent_intense_exercise, "recent hard exercise", "no recent hard exercise"),
        (a.recent_viral_illness, "a recent viral illness", "no recent illness"),
        (a.back_or_neck_pain, "back or neck pain", "no back or neck pain"),
    ]
    said += [yes if value else no for value, yes, no in flags if value is not None]
    if said:
        lines.append("Day to day: " + ", ".join(said))
    if a.medications is not None:
        lines.append("Medicines: " + (", ".join(a.medications) if a.medications else "none"))
    if reading.contexts:
        lines.append("When: " + ", ".join(c.replace("_", " ") for c in reading.contexts))
    return lines
