"""Personal targets (caffeine limit, fluids, magnesium) from the knowledge base's limits."""

from __future__ import annotations

from collections.abc import Mapping

from twitchwise.answers import Answers
from twitchwise.kb.models import LimitEntry

ADULT_AGE = 18


def personal_targets(answers: Answers, limits: Mapping[str, LimitEntry]) -> dict[str, float]:
    """Numbers that rules compare against and plan steps quote, for this person."""
    value = {name: entry.value for name, entry in limits.items()}
    male = answers.sex == "male"
    pregnant = bool(answers.pregnant)
    total = value["water_total_men_l"] if male else value["water_total_women_l"]
    if pregnant:
        total += value["water_pregnancy_extra_l"]
    if male:
        magnesium = value["magnesium_men_mg"]
    elif pregnant:
        magnesium = value["magnesium_pregnancy_mg"]
    else:
        magnesium = value["magnesium_women_mg"]
    return {
        "caffeine_limit_mg": caffeine_limit_mg(answers, value),
        "caffeine_moderate_mg": value["caffeine_moderate_mg"],
        "caffeine_danger_mg": value["caffeine_danger_mg"],
        "fluid_total_l": round(total, 1),
        "fluid_drinks_l": round(total * value["water_from_drinks_share"], 1),
        "fluid_glasses_min_l": round(value["glasses_min"] * value["glass_l"], 1),
        "magnesium_mg": magnesium,
        "recheck_days": value["recheck_days"],
    }


def caffeine_limit_mg(answers: Answers, value: Mapping[str, float]) -> float:
    if answers.pregnant:
        return value["caffeine_pregnancy_max_mg"]
    if answers.age is not None and answers.age < ADULT_AGE:
        if answers.weight_kg is not None:
            return round(value["caffeine_child_mg_per_kg"] * answers.weight_kg)
        return value["caffeine_adolescent_max_mg"]
    return value["caffeine_adult_max_mg"]


def caffeine_limit_note(answers: Answers) -> str:
    if answers.pregnant:
        return " (the limit in pregnancy)"
    if answers.age is not None and answers.age < ADULT_AGE:
        if answers.weight_kg is not None:
            return " (3 mg per kg of body weight for under-18s)"
        return " (for under-18s)"
    return ""
