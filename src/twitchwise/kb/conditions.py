"""The condition language of the knowledge base, evaluated with three values.

A condition answers True, False or None ("unknown": an answer it needs is missing).  A
red flag fires only on True; an unknown red flag's questions are asked or listed as
unanswered, never taken as "no".  The language has no negation, so adding a symptom, a
site or more time can only turn conditions on — the root of monotone urgency.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

import msgspec

from twitchwise.answers import Answers, place_count

NUMERIC_FIELDS = frozenset({
    "age", "duration_days", "caffeine_mg_per_day", "water_litres_per_day",
    "alcohol_units_per_week", "sleep_hours", "stress_0_10", "weight_kg",
})  # fmt: skip
BOOLEAN_FIELDS = frozenset({
    "pregnant", "nicotine", "recent_intense_exercise", "recent_viral_illness",
    "back_or_neck_pain", "balanced_diet",
})  # fmt: skip
CHOICE_FIELDS = frozenset({"sex"})

_COMPARISONS: dict[str, tuple[Callable[[float, float], bool], str]] = {
    "gt": (operator.gt, "more than"),
    "gte": (operator.ge, "at least"),
    "lt": (operator.lt, "less than"),
    "lte": (operator.le, "at most"),
}


class Facts(msgspec.Struct, frozen=True):
    """What conditions are evaluated against: the answers and what follows from them."""

    answers: Answers
    targets: Mapping[str, float]
    medicine_classes: Mapping[str, tuple[str, ...]] | None  # class -> the person's medicines

    def supposing(self, answers: Answers) -> Facts:
        """The same facts with other answers to symptoms or amounts ("suppose this were yes")."""
        return Facts(answers, self.targets, self.medicine_classes)


class Evidence(msgspec.Struct, frozen=True):
    """One answer that made a condition true (a pertinent positive)."""

    question: str
    value: object


class Condition(Protocol):
    def evaluate(self, facts: Facts) -> bool | None: ...
    def evidence(self, facts: Facts) -> list[Evidence]: ...
    def questions(self) -> tuple[str, ...]: ...
    def describe(self) -> str: ...
    def reads_absence(self) -> bool: ...


class SymptomPresent(msgspec.Struct, frozen=True):
    symptom: str

    def evaluate(self, facts: Facts) -> bool | None:
        return facts.answers.symptom(self.symptom)

    def evidence(self, facts: Facts) -> list[Evidence]:
        return [Evidence(self.symptom, True)] if self.evaluate(facts) else []

    def questions(self) -> tuple[str, ...]:
        return (self.symptom,)

    def describe(self) -> str:
        return f"`{self.symptom}`"

    def reads_absence(self) -> bool:
        return False


class Compare(msgspec.Struct, frozen=True):
    field: str
    op: str
    threshold: float | str  # a number, or the name of one of the person's targets

    def value(self, facts: Facts) -> float | None:
        value = getattr(facts.answers, self.field)
        return None if value is None else float(value)

    def limit(self, facts: Facts) -> float:
        if isinstance(self.threshold, str):
            return facts.targets[self.threshold]
        return self.threshold

    def least_passing(self, facts: Facts) -> float:
        """For a "more than" or "at least": the least whole amount that holds (400 for "at least 400", 401 for
        "more than 400")."""
        return self.limit(facts) + (1 if self.op == "gt" else 0)

    def evaluate(self, facts: Facts) -> bool | None:
        value = self.value(facts)
        if value is None:
            return None
        return _COMPARISONS[self.op][0](value, self.limit(facts))

    def evidence(self, facts: Facts) -> list[Evidence]:
        if not self.evaluate(facts):
            return []
        return [Evidence(self.field, getattr(facts.answers, self.field))]

    def questions(self) -> tuple[str, ...]:
        return (self.field,)

    def describe(self) -> str:
        threshold = f"*{self.threshold}*" if isinstance(self.threshold, str) else f"{self.threshold:g}"
        return f"`{self.field}` {_COMPARISONS[self.op][1]} {threshold}"

    def reads_absence(self) -> bool:
        # Less caffeine or fewer days is an absence; a younger age is not (it is a fact about the
        # person, and the adult rules do not fit children), so "age below" may raise urgency.
        return self.op in ("lt", "lte") and self.field not in AGE_FIELDS


AGE_FIELDS = frozenset({"age"})


class FieldIs(msgspec.Struct, frozen=True):
    field: str
    expected: tuple[object, ...]

    def evaluate(self, facts: Facts) -> bool | None:
        value = getattr(facts.answers, self.field)
        return None if value is None else value in self.expected

    def evidence(self, facts: Facts) -> list[Evidence]:
        return [Evidence(self.field, getattr(facts.answers, self.field))] if self.evaluate(facts) else []

    def questions(self) -> tuple[str, ...]:
        return (self.field,)

    def describe(self) -> str:
        shown = " or ".join(f"`{str(v).lower()}`" for v in self.expected)
        return f"`{self.field}` is {shown}"

    def reads_absence(self) -> bool:
        return False in self.expected


class PlacesAbove(msgspec.Struct, frozen=True):
    count: int

    def evaluate(self, facts: Facts) -> bool | None:
        sites = facts.answers.sites
        return None if sites is None else place_count(sites) > self.count

    def evidence(self, facts: Facts) -> list[Evidence]:
        return [Evidence("sites", facts.answers.sites)] if self.evaluate(facts) else []

    def questions(self) -> tuple[str, ...]:
        return ("sites",)

    def describe(self) -> str:
        return f"twitching in more than {self.count} place{'s' if self.count != 1 else ''}"

    def reads_absence(self) -> bool:
        return False


class OnlyRegions(msgspec.Struct, frozen=True):
    regions: frozenset[str]

    def evaluate(self, facts: Facts) -> bool | None:
        sites = facts.answers.sites
        if sites is None:
            return None
        return bool(sites) and all(site.region in self.regions for site in sites)

    def evidence(self, facts: Facts) -> list[Evidence]:
        return [Evidence("sites", facts.answers.sites)] if self.evaluate(facts) else []

    def questions(self) -> tuple[str, ...]:
        return ("sites",)

    def describe(self) -> str:
        return "twitching only in " + " or ".join(f"`{r}`" for r in sorted(self.regions))

    def reads_absence(self) -> bool:
        return False


class AnyRegion(msgspec.Struct, frozen=True):
    regions: frozenset[str]

    def evaluate(self, facts: Facts) -> bool | None:
        sites = facts.answers.sites
        if sites is None:
            return None
        return any(site.region in self.regions for site in sites)

    def evidence(self, facts: Facts) -> list[Evidence]:
        return [Evidence("sites", facts.answers.sites)] if self.evaluate(facts) else []

    def questions(self) -> tuple[str, ...]:
        return ("sites",)

    def describe(self) -> str:
        if len(self.regions) > 4:
            return "twitching anywhere but the eyelids" if "eyelid" not in self.regions else "twitching"
        return "twitching in " + " or ".join(f"`{r}`" for r in sorted(self.regions))

    def reads_absence(self) -> bool:
        return False


class TakesMedicineClass(msgspec.Struct, frozen=True):
    classes: frozenset[str]

    def evaluate(self, facts: Facts) -> bool | None:
        if facts.medicine_classes is None:
            return None
        return any(cls in facts.medicine_classes for cls in self.classes)

    def evidence(self, facts: Facts) -> list[Evidence]:
        if not self.evaluate(facts) or facts.medicine_classes is None:
            return []
        names = sorted({n for c in self.classes for n in facts.medicine_classes.get(c, ())})
        return [Evidence("medications", names)]

    def questions(self) -> tuple[str, ...]:
        return ("medications",)

    def describe(self) -> str:
        return "takes a medicine of class " + " or ".join(f"`{c}`" for c in sorted(self.classes))

    def reads_absence(self) -> bool:
        return False


class AnyOf(msgspec.Struct, frozen=True):
    parts: tuple[Condition, ...]

    def evaluate(self, facts: Facts) -> bool | None:
        unknown = False
        for part in self.parts:
            result = part.evaluate(facts)
            if result:
                return True
            unknown = unknown or result is None
        return None if unknown else False

    def evidence(self, facts: Facts) -> list[Evidence]:
        return [e for part in self.parts if part.evaluate(facts) for e in part.evidence(facts)]

    def questions(self) -> tuple[str, ...]:
        return _unique(q for part in self.parts for q in part.questions())

    def describe(self) -> str:
        return "any of (" + "; ".join(part.describe() for part in self.parts) + ")"

    def reads_absence(self) -> bool:
        return any(part.reads_absence() for part in self.parts)


class AllOf(msgspec.Struct, frozen=True):
    parts: tuple[Condition, ...]

    def evaluate(self, facts: Facts) -> bool | None:
        unknown = False
        for part in self.parts:
            result = part.evaluate(facts)
            if result is False:
                return False
            unknown = unknown or result is None
        return None if unknown else True

    def evidence(self, facts: Facts) -> list[Evidence]:
        return [e for part in self.parts for e in part.evidence(facts)]

    def questions(self) -> tuple[str, ...]:
        return _unique(q for part in self.parts for q in part.questions())

    def describe(self) -> str:
        return "all of (" + "; ".join(part.describe() for part in self.parts) + ")"

    def reads_absence(self) -> bool:
        return any(part.reads_absence() for part in self.parts)


def at_least(condition: Condition, field: str) -> list[Compare]:
    """The "more than" and "at least" comparisons of ``field`` anywhere in a condition."""
    if isinstance(condition, Compare):
        return [condition] if condition.field == field and condition.op in {"gt", "gte"} else []
    if isinstance(condition, AllOf | AnyOf):
        return [c for part in condition.parts for c in at_least(part, field)]
    return []


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


class ConditionError(ValueError):
    """A condition in a knowledge-base file is malformed."""


def parse_condition(
    data: object,
    *,
    symptoms: frozenset[str],
    regions: frozenset[str],
    medicine_classes: frozenset[str],
    targets: frozenset[str],
) -> Condition:
    """Build a condition from its YAML form, rejecting anything not in the language."""
    known = {"symptoms": symptoms, "regions": regions, "classes": medicine_classes, "targets": targets}
    return _parse(data, known)


def _parse(data: object, known: Mapping[str, frozenset[str]]) -> Condition:
    if not isinstance(data, dict) or not data:
        raise ConditionError(f"a condition must be a mapping, not {type(data).__name__}")
    keys = set(data)
    if keys in ({"any"}, {"all"}):
        (key,) = keys
        parts = data[key]
        if not isinstance(parts, list) or not parts:
            raise ConditionError(f"'{key}' takes a non-empty list of conditions")
        built = tuple(_parse(part, known) for part in parts)
        return AnyOf(built) if key == "any" else AllOf(built)
    if keys == {"symptom"}:
        return SymptomPresent(_member(data["symptom"], known["symptoms"], "symptom"))
    if keys == {"places_gt"}:
        return PlacesAbove(_whole(data["places_gt"], "places_gt"))
    if keys == {"only_regions"}:
        return OnlyRegions(_members(data["only_regions"], known["regions"], "region"))
    if keys == {"any_region"}:
        return AnyRegion(_members(data["any_region"], known["regions"], "region"))
    if keys == {"medicine_class"}:
        return TakesMedicineClass(_members(data["medicine_class"], known["classes"], "medicine class"))
    if "field" in keys:
        return _parse_field(data, known)
    raise ConditionError(f"unknown condition keys {sorted(keys)}")


def _parse_field(data: dict[str, object], known: Mapping[str, frozenset[str]]) -> Condition:
    field = data["field"]
    rest = set(data) - {"field"}
    if len(rest) != 1:
        raise ConditionError(f"field condition on {field!r} needs exactly one operator")
    (op,) = rest
    value = data[op]
    if field in NUMERIC_FIELDS and op in _COMPARISONS:
        if isinstance(value, str):
            return Compare(field, op, _member(value, known["targets"], "target"))
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConditionError(f"{field} {op} needs a number or a target name")
        return Compare(field, op, float(value))
    if field in BOOLEAN_FIELDS and op == "is" and isinstance(value, bool):
        return FieldIs(str(field), (value,))
    if field in CHOICE_FIELDS and op == "in" and isinstance(value, list):
        return FieldIs(str(field), tuple(value))
    raise ConditionError(f"field {field!r} does not take operator {op!r}")


def _member(value: object, allowed: frozenset[str], what: str) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise ConditionError(f"unknown {what} {value!r}")
    return value


def _members(values: object, allowed: frozenset[str], what: str) -> frozenset[str]:
    if not isinstance(values, list) or not values:
        raise ConditionError(f"expected a non-empty list of {what}s")
    return frozenset(_member(value, allowed, what) for value in values)


def _whole(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConditionError(f"{what} needs a whole number")
    return value
