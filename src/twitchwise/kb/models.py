"""Strict shapes of the knowledge-base files, and the compiled knowledge base.

The raw ``*Entry`` structs mirror the YAML files one to one and reject unknown keys; the
loader (``twitchwise.kb.loader``) turns them into the compiled objects at the bottom, with
conditions parsed and every cross-reference checked.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec

from twitchwise.kb.conditions import Condition
from twitchwise.vocabulary import Disposition

Tier = Literal["A", "B", "C"]
Strength = Literal["likely", "possible"]
Status = Literal["verified", "unverified"]
Id = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z][A-Za-z0-9_]*$", max_length=60)]
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=2000)]

STRENGTH_ORDER: dict[str, int] = {"likely": 0, "possible": 1}


class _Strict(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    pass


class SourceEntry(_Strict, frozen=True):
    id: Id
    tier: Tier
    publisher: Text
    title: Text
    url: str | None = None
    copy: str | None = None
    audience: Literal["people", "clinicians"] = "clinicians"

    def supports_rules(self) -> bool:
        """Tier-C material corroborates; it is never the sole basis of a rule."""
        return self.tier in ("A", "B")


class SymptomEntry(_Strict, frozen=True):
    id: Id
    label: Text
    question: Text
    contract: bool = True
    ask: bool = True  # False: still read from answers and older checks, never put as a question


class FieldEntry(_Strict, frozen=True):
    id: Id
    kind: Literal["sites", "integer", "number", "choice", "yes_no", "medicines"]
    question: Text
    label: Text | None = None  # how the answer is named in a result or a summary ("how long (days)")
    # how an amount is told before a threshold, in a warning ("the twitching has lasted" more than 14 days);
    # without it, "your <label> is"
    compared: Text | None = None
    unit: str | None = None
    min: float | None = None
    max: float | None = None
    choices: list[str] | None = None
    ask_if: dict[str, Any] | None = None


class RedFlagEntry(_Strict, frozen=True):
    id: Id
    disposition: Disposition
    title: Text
    when: dict[str, Any]
    why: Text
    sources: list[Id]
    status: Status = "verified"


class DispositionEntry(_Strict, frozen=True):
    id: Disposition
    label: Text
    time_frame: Text
    do_now: Text
    plan: str
    sources: list[Id]


class LimitEntry(_Strict, frozen=True):
    value: float
    sources: list[Id]


class ImplicatorEntry(_Strict, frozen=True):
    when: dict[str, Any]
    strength: Strength
    why: Text
    # when an amount the condition turns on was named but not all counted ("a whole pot of coffee", "loads of red
    # bull") and could pass it: said instead of a lower implicator's "within the safe limit"
    why_uncounted: Text | None = None


class FactorEntry(_Strict, frozen=True):
    id: Id
    name: Text
    sources: list[Id]
    actions: list[Id]
    implicated_by: list[ImplicatorEntry]
    status: Status = "verified"


class ActionEntry(_Strict, frozen=True):
    id: Id
    text: Text
    target: str
    sources: list[Id]


class ServingEntry(_Strict, frozen=True):
    """What one everyday serving holds: "3 cups" of coffee in mg of caffeine, "6 glasses" in litres."""

    id: Id
    quantity: Literal["caffeine", "water"]
    words: list[str]
    amount: Annotated[float, msgspec.Meta(gt=0)]
    unit: Literal["mg", "L"]
    basis: Text
    sources: list[Id]
    volume_ml: Annotated[float, msgspec.Meta(gt=0)] | None = None  # what ``amount`` is for: "a 500 mL can" scales it


class MedicineClassEntry(_Strict, frozen=True):
    id: Id
    name: Text
    link: Literal["twitching", "cramps", "serotonin_syndrome"]
    note: Text
    sources: list[Id]


class MedicineEntry(_Strict, frozen=True):
    name: Text
    brands: list[str]
    class_: Id = msgspec.field(name="class")
    sources: list[Id]


class MedicinesFile(_Strict, frozen=True):
    classes: list[MedicineClassEntry]
    medicines: list[MedicineEntry]


class MessageEntry(_Strict, frozen=True):
    id: Id
    dispositions: list[Disposition]
    text: Text
    sources: list[Id]
    show_when: dict[str, Any] | None = None
    requires_no: list[Id] = msgspec.field(default_factory=list)
    reassures: bool = False  # withheld while a red flag the person may have is still open


class LocaleEntry(_Strict, frozen=True):
    emergency_number: Annotated[str, msgspec.Meta(pattern=r"^[0-9]{2,4}$")]
    urgent_service: Text


class LocalesFile(_Strict, frozen=True):
    default: LocaleEntry
    countries: dict[Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{2}$")], LocaleEntry]


# --- compiled -----------------------------------------------------------------------------


class RedFlag(msgspec.Struct, frozen=True):
    id: str
    disposition: Disposition
    title: str
    condition: Condition
    why: str
    sources: tuple[str, ...]


class Implicator(msgspec.Struct, frozen=True):
    condition: Condition
    strength: Strength
    why: str
    why_uncounted: str | None = None


class Factor(msgspec.Struct, frozen=True):
    id: str
    name: str
    sources: tuple[str, ...]
    actions: tuple[str, ...]
    implicators: tuple[Implicator, ...]


class TopicEntry(_Strict, frozen=True):
    """A short sourced answer to a question, and the entries it lists."""

    id: Id
    title: Text
    text: Text
    sources: list[Id]
    factors: list[Id] = msgspec.field(default_factory=list)
    red_flags: list[Id] = msgspec.field(default_factory=list)
    actions: list[Id] = msgspec.field(default_factory=list)
    messages: list[Id] = msgspec.field(default_factory=list)


class Message(msgspec.Struct, frozen=True):
    id: str
    dispositions: frozenset[Disposition]
    text: str
    sources: tuple[str, ...]
    condition: Condition | None
    requires_no: tuple[str, ...]
    reassures: bool = False


class Question(msgspec.Struct, frozen=True):
    """A question the guided check can ask: a symptom (yes/no/not sure) or an answers field."""

    id: str
    kind: str
    text: str
    label: str
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    ask_if: Condition | None = None
    compared: str | None = None


class KnowledgeBaseError(ValueError):
    """A knowledge-base file is malformed; the message names the file and the entry."""


class KnowledgeBase(msgspec.Struct, frozen=True):
    sources: dict[str, SourceEntry]
    symptoms: dict[str, SymptomEntry]
    questions: dict[str, Question]
    red_flags: tuple[RedFlag, ...]
    dispositions: dict[Disposition, DispositionEntry]
    limits: dict[str, LimitEntry]
    factors: tuple[Factor, ...]
    actions: dict[str, ActionEntry]
    medicine_classes: dict[str, MedicineClassEntry]
    medicines: tuple[MedicineEntry, ...]
    locales: LocalesFile
    messages: tuple[Message, ...] = ()
    servings: dict[str, ServingEntry] = msgspec.field(default_factory=dict)
    medicine_index: dict[str, MedicineEntry] = msgspec.field(default_factory=dict)
    factor_index: dict[str, Factor] = msgspec.field(default_factory=dict)
    red_flag_questions: frozenset[str] = frozenset()  # every question some red flag reads
    topics: dict[str, TopicEntry] = msgspec.field(default_factory=dict)

    @property
    def symptom_ids(self) -> frozenset[str]:
        return frozenset(self.symptoms)

    def asks(self, question_id: str) -> bool:
        """Whether the check may put this question (a few symptom ids are only read, never asked)."""
        symptom = self.symptoms.get(question_id)
        return question_id in self.questions and (symptom is None or symptom.ask)

    def verified_class(self, class_id: str) -> bool:
        entry = self.medicine_classes[class_id]
        return any(self.sources[s].supports_rules() for s in entry.sources)

    def find_medicine(self, name: str) -> MedicineEntry | None:
        return self.medicine_index.get(" ".join(name.lower().split()))
