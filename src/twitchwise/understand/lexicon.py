"""The words the reader understands (``lexicon.yaml``), loaded into one strict model."""

from __future__ import annotations

from functools import cache
from importlib import resources

import msgspec
import yaml


class _Strict(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    pass


class Fuzzy(_Strict, frozen=True):
    min_length: int
    long_from: int
    targets: list[str]
    protected: list[str]


class Triggers(_Strict, frozen=True):
    forward: list[str]
    backward: list[str] = []
    backward_window: int = 3
    terminators: list[str] = []
    pseudo: list[str] = []


class Context(_Strict, frozen=True):
    window: int
    negated: Triggers
    uncertain: Triggers
    other_person: Triggers
    terminators: list[str]
    first_person: list[str]


class Postures(_Strict, frozen=True):
    """ "lying on my back", "flat on her side", "drove her back": words before a place that make it no place that
    twitches (places.py checks them)."""

    positions: list[str]
    parts: list[str]
    object_then_back: list[str]


class Lexicon(_Strict, frozen=True):
    spelling: dict[str, str]
    fuzzy: Fuzzy
    sites: dict[str, str]
    postures: Postures
    ignore: list[str]
    site_assumptions: dict[str, str]
    plural_sites: list[str]
    sides: dict[str, str]
    symptoms: dict[str, list[str]]
    context: Context
    people: dict[str, str | None]
    roles: list[str]
    sex_words: dict[str, str]
    third_person: dict[str, list[str]]
    caffeine_servings: dict[str, list[str]]
    serving_assumptions: dict[str, str]
    drink_volumes_ml: dict[str, float]
    caffeine_brands: list[str]
    caffeine_none: list[str]
    caffeine_words: list[str]
    water_servings: dict[str, list[str]]
    water_words: list[str]
    drinks_not_water: list[str]  # "2 glasses of wine": a water serving followed by "of" and one of these is not water
    numbers: dict[str, float]
    duration_units: dict[str, int]
    twitch_words: list[str]
    nicotine_words: list[str]
    nicotine_quit: list[str]
    alcohol_words: list[str]
    alcohol_none: list[str]
    stress_words: list[str]
    stress_strong: list[str]
    sleep_words: list[str]
    exercise_words: list[str]
    illness_words: list[str]
    pregnancy_words: list[str]
    medication_none: list[str]
    back_pain_words: list[str]
    contexts: dict[str, list[str]]
    question_starts: list[str]
    topics: dict[str, list[str]]


@cache
def load_lexicon() -> Lexicon:
    text = resources.files("twitchwise.understand").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    return msgspec.convert(yaml.safe_load(text), type=Lexicon, strict=True)
