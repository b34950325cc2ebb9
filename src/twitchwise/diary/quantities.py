"""Amounts people type — "3 cups", "1.5L", "6h30", "2 energy drinks + 100mg" — in one unit each.

Physical units go through pint; everyday servings (a cup of coffee, a glass of water) come from
the knowledge base's ``servings.yaml``, where each figure carries its basis and sources.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any

from twitchwise.errors import InputError
from twitchwise.kb import KnowledgeBase

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "half": 0.5,
}  # fmt: skip
_TERM = re.compile(r"^(?P<number>\d+(?:[.,]\d+)?|[a-z]+)?\s*(?P<rest>.*)$")
_SPLIT = re.compile(r"\s*(?:,|\+|\band\b|;)\s*")
_HOURS_MINUTES = re.compile(r"^(?P<h>\d{1,2})\s*h(?:ours?|rs?)?\s*(?P<m>\d{1,2})\s*(?:m|min|mins|minutes?)?$")


@cache
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


def caffeine_mg(text: str, kb: KnowledgeBase, field: str = "caffeine") -> float:
    """ "3 cups", "2 cups of tea + 1 energy drink", "400mg", "0.2 g" → milligrams."""
    return _sum(text, kb, "caffeine", "mg", field, "e.g. 3 cups, 2 teas, 1 energy drink or 250mg")


def water_litres(text: str, kb: KnowledgeBase, field: str = "water") -> float:
    """ "1.5L", "1500 ml", "6 glasses", "40 fl oz" → litres."""
    return _sum(text, kb, "water", "L", field, "e.g. 1.5L, 1500ml or 6 glasses")


def hours(text: str, field: str = "sleep") -> float:
    """ "6h", "6.5 hours", "6h30", "390 min", "6" → hours."""
    cleaned = _clean(text, field)
    if match := _HOURS_MINUTES.match(cleaned):
        minutes = int(match["m"])
        if minutes >= 60:
            raise InputError(field, "minutes must be under 60 (e.g. 6h30)")
        return int(match["h"]) + minutes / 60
    return _physical(cleaned, "hour", field, "e.g. 7h, 6.5 hours, 6h30 or 390 min", bare_unit="hour")


def minutes(text: str, field: str = "exercise") -> float:
    """ "45", "45 min", "1.5h", "1h30" → minutes."""
    cleaned = _clean(text, field)
    if match := _HOURS_MINUTES.match(cleaned):
        return int(match["h"]) * 60 + int(match["m"])
    return _physical(cleaned, "minute", field, "e.g. 45 min or 1.5h", bare_unit="minute")


def _sum(text: str, kb: KnowledgeBase, quantity: str, unit: str, field: str, example: str) -> float:
    cleaned = _clean(text, field)
    servings = {
        word: serving.amount for serving in kb.servings.values() if serving.quantity == quantity
        for word in serving.words
    }  # fmt: skip
    total = 0.0
    for term in _SPLIT.split(cleaned):
        if not term:
            continue
        match = _TERM.match(term)
        assert match is not None
        number_text, rest = match["number"], match["rest"].strip()
        number = _number(number_text) if number_text else None
        if number is None and number_text:  # a word that is not a number: part of the serving
            rest, number = f"{number_text} {rest}".strip(), 1.0
        if rest in servings:
            total += (1.0 if number is None else number) * servings[rest]
        else:
            total += _physical(term, unit, field, example, bare_unit=unit)
    return total


_AMOUNT = re.compile(r"(?P<number>[0-9]{1,9}(?:[.,][0-9]{1,6})?) ?(?P<unit>[a-zµ_]{1,20})")


def _physical(text: str, unit: str, field: str, example: str, *, bare_unit: str) -> float:
    registry = _registry()
    if not text[:1].isdigit() and not text.startswith("."):  # "nan", "inf" and words are not amounts
        raise InputError(field, f"not an amount twitchwise understands ({example})")
    bare = _number(text)
    if bare is not None:
        value = bare if bare_unit == unit else float(registry.Quantity(bare, bare_unit).to(unit).magnitude)
        if not math.isfinite(value):
            raise InputError(field, f"not an amount twitchwise understands ({example})")
        return value
    match = _AMOUNT.fullmatch(text.replace("fl oz", "fluid_ounce").replace("floz", "fluid_ounce"))
    if match is None:  # only "number unit": pint never sees an expression ("9**9**9 mg" would never return)
        raise InputError(field, f"not an amount twitchwise understands ({example})")
    try:
        number = float(match["number"].replace(",", "."))
        quantity = registry.Quantity(number, registry.parse_units(match["unit"]))
        value = float(quantity.to(unit).magnitude)
    except Exception:  # pint raises many kinds for text that is not a quantity; all mean "not understood"
        raise InputError(field, f"not an amount twitchwise understands ({example})") from None
    if not math.isfinite(value) or value < 0:
        raise InputError(field, f"not an amount twitchwise understands ({example})")
    return value


def _number(text: str) -> float | None:
    if text in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[text])
    if not text[:1].isdigit() and not text.startswith("."):
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _clean(text: str, field: str) -> str:
    cleaned = " ".join(text.lower().split())
    if not cleaned or len(cleaned) > 200:
        raise InputError(field, "expected a short amount (at most 200 characters)")
    if cleaned.startswith("-"):
        raise InputError(field, "must not be negative")
    return cleaned
