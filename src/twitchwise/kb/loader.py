"""Load the knowledge-base files shipped in ``twitchwise/kb/data`` into strict models.

Loading refuses: unknown keys, wrong types, duplicate ids, references to missing entries,
a red flag or factor whose only basis is tier-C or unverified material, a red-flag
condition that reads an absence (which would break monotone urgency), and placeholders
that no answer fills.  Each refusal names the file and the entry.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from twitchwise.answers import Answers
from twitchwise.errors import from_validation_message
from twitchwise.kb import DATA_DIR
from twitchwise.kb.conditions import Condition, ConditionError, parse_condition
from twitchwise.kb.models import (
    ActionEntry,
    DispositionEntry,
    Factor,
    FactorEntry,
    FieldEntry,
    Implicator,
    KnowledgeBase,
    KnowledgeBaseError,
    LimitEntry,
    LocalesFile,
    MedicineEntry,
    MedicinesFile,
    Message,
    MessageEntry,
    Question,
    RedFlag,
    RedFlagEntry,
    ServingEntry,
    SourceEntry,
    SymptomEntry,
    TopicEntry,
)
from twitchwise.vocabulary import CONTRACT_SYMPTOMS, REGIONS, Disposition

T = TypeVar("T")

# Names a rule may compare against, computed per person by twitchwise.triage.targets.
TARGET_NAMES = frozenset({
    "caffeine_limit_mg", "caffeine_moderate_mg", "caffeine_danger_mg", "fluid_drinks_l",
    "fluid_glasses_min_l", "fluid_total_l", "magnesium_mg",
})  # fmt: skip
# Placeholders text may use: the answers' fields, the targets, and these extras.
TEXT_EXTRAS = frozenset({
    "stimulant_medicines", "linked_medicines", "cramp_medicines", "caffeine_limit_note",
    "recheck_on", "emergency_number", "urgent_service",
})  # fmt: skip
PLACEHOLDERS = frozenset(Answers.__struct_fields__) | TARGET_NAMES | TEXT_EXTRAS


def data_dir() -> Path:
    return Path(DATA_DIR)


def load_from(directory: Path) -> KnowledgeBase:
    return _Builder(directory).build()


class _Builder:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def build(self) -> KnowledgeBase:
        sources = self.entries("sources.yaml", SourceEntry)
        symptoms = self.entries("symptoms.yaml", SymptomEntry)
        self.check_contract_symptoms(symptoms)
        medicines_file = self.document("medicines.yaml", MedicinesFile)
        classes = _index("medicines.yaml", medicines_file.classes, lambda c: c.id)
        for cls in classes.values():
            self.check_sources("medicines.yaml", cls.id, cls.sources, sources, need_basis=False)
        for medicine in medicines_file.medicines:
            self.check_sources("medicines.yaml", medicine.name, medicine.sources, sources, need_basis=False)
            if medicine.class_ not in classes:
                raise self.error("medicines.yaml", medicine.name, f"unknown class {medicine.class_!r}")
        verified = frozenset(c for c, e in classes.items() if any(sources[s].supports_rules() for s in e.sources))
        self.parse = _condition_parser(frozenset(symptoms), verified)

        limits = self.mapping("limits.yaml", LimitEntry)
        for name, limit in limits.items():
            self.check_sources("limits.yaml", name, limit.sources, sources, need_basis=False)
        red_flags = self.red_flags(sources)
        actions = self.entries("actions.yaml", ActionEntry)
        for action in actions.values():
            self.check_sources("actions.yaml", action.id, action.sources, sources, need_basis=False)
            self.check_placeholders("actions.yaml", action.id, action.text + action.target)
        factors = self.factors(sources, actions)
        servings = self.entries("servings.yaml", ServingEntry)
        for serving in servings.values():
            self.check_sources("servings.yaml", serving.id, serving.sources, sources, need_basis=True)
        messages = self.messages(sources, symptoms)
        return KnowledgeBase(
            sources=sources,
            symptoms=symptoms,
            questions=self.questions(symptoms),
            red_flags=red_flags,
            dispositions=self.dispositions(sources),
            limits=limits,
            factors=factors,
            actions=actions,
            medicine_classes=classes,
            medicines=tuple(medicines_file.medicines),
            locales=self.document("locales.yaml", LocalesFile),
            messages=messages,
            servings=servings,
            medicine_index=_medicine_index(medicines_file.medicines),
            factor_index={factor.id: factor for factor in factors},
            red_flag_questions=frozenset(q for flag in red_flags for q in flag.condition.questions()),
            topics=self.topics(sources, factors, red_flags, actions, messages),
        )

    def topics(
        self,
        sources: dict[str, SourceEntry],
        factors: Sequence[Factor],
        red_flags: Sequence[RedFlag],
        actions: dict[str, ActionEntry],
        messages: Sequence[Message],
    ) -> dict[str, TopicEntry]:
        known = {
            "factors": {f.id for f in factors},
            "red_flags": {f.id for f in red_flags},
            "actions": set(actions),
            "messages": {m.id for m in messages},
        }
        topics = self.entries("topics.yaml", TopicEntry)
        for topic in topics.values():
            self.check_sources("topics.yaml", topic.id, topic.sources, sources, need_basis=True)
            for kind, ids in known.items():
                for entry_id in getattr(topic, kind):
                    if entry_id not in ids:
                        raise self.error(
                            "topics.yaml", topic.id, f"unknown {kind.removesuffix('s').replace('_', ' ')} {entry_id!r}"
                        )
        return topics

    # --- files ------------------------------------------------------------------------

    def raw(self, name: str) -> Any:
        import yaml  # imported here: a cached knowledge base never needs it

        path = self.directory / name
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise KnowledgeBaseError(f"{name}: cannot be read ({error.strerror})") from None
        try:
            return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" line {mark.line + 1}" if mark is not None else ""
            raise KnowledgeBaseError(f"{name}:{where} is not valid YAML") from None

    def entries(self, name: str, kind: type[T]) -> dict[str, T]:
        items = self.raw(name)
        if not isinstance(items, list):
            raise KnowledgeBaseError(f"{name}: expected a list of entries")
        built = [self.convert(name, item, kind, _entry_name(item, i)) for i, item in enumerate(items)]
        return _index(name, built, lambda e: getattr(e, "id"))  # noqa: B009

    def mapping(self, name: str, kind: type[T]) -> dict[str, T]:
        items = self.raw(name)
        if not isinstance(items, dict):
            raise KnowledgeBaseError(f"{name}: expected a mapping of entries")
        return {str(key): self.convert(name, value, kind, str(key)) for key, value in items.items()}

    def document(self, name: str, kind: type[T]) -> T:
        return self.convert(name, self.raw(name), kind, "")

    def convert(self, name: str, item: object, kind: type[T], entry: str) -> T:
        try:
            return msgspec.convert(item, type=kind, strict=True)
        except msgspec.ValidationError as error:
            problem = from_validation_message(str(error), whole="entry")
            raise self.error(name, entry, str(problem)) from None

    def error(self, name: str, entry: str, problem: str) -> KnowledgeBaseError:
        where = f"{name}: entry {entry!r}" if entry else name
        return KnowledgeBaseError(f"{where}: {problem}")

    # --- checks -----------------------------------------------------------------------

    def check_contract_symptoms(self, symptoms: dict[str, SymptomEntry]) -> None:
        for symptom_id in CONTRACT_SYMPTOMS:
            if symptom_id not in symptoms:
                raise self.error("symptoms.yaml", symptom_id, "a contract symptom id is missing")
        for entry in symptoms.values():
            if entry.contract != (entry.id in CONTRACT_SYMPTOMS):
                raise self.error("symptoms.yaml", entry.id, "'contract' does not match the check contract")

    def check_sources(
        self, name: str, entry: str, cited: Sequence[str], sources: dict[str, SourceEntry], *, need_basis: bool
    ) -> None:
        if not cited:
            raise self.error(name, entry, "cites no source")
        for source_id in cited:
            if source_id not in sources:
                raise self.error(name, entry, f"cites unknown source {source_id!r}")
        if need_basis and not any(sources[s].supports_rules() for s in cited):
            raise self.error(name, entry, "its only basis is tier-C material; a rule needs a tier-A or -B source")

    def check_placeholders(self, name: str, entry: str, text: str) -> None:
        for _, placeholder, _, _ in string.Formatter().parse(text):
            if placeholder is not None and placeholder not in PLACEHOLDERS:
                raise self.error(name, entry, f"unknown placeholder {{{placeholder}}}")

    def condition(self, name: str, entry: str, data: object) -> Condition:
        try:
            return self.parse(data)
        except ConditionError as error:
            raise self.error(name, entry, f"condition: {error}") from None

    # --- sections ---------------------------------------------------------------------

    def red_flags(self, sources: dict[str, SourceEntry]) -> tuple[RedFlag, ...]:
        entries = self.entries("red_flags.yaml", RedFlagEntry)
        flags = []
        for entry in entries.values():
            if entry.status != "verified":
                raise self.error("red_flags.yaml", entry.id, "is unverified; unverified material never becomes a rule")
            self.check_sources("red_flags.yaml", entry.id, entry.sources, sources, need_basis=True)
            condition = self.condition("red_flags.yaml", entry.id, entry.when)
            if condition.reads_absence():
                raise self.error(
                    "red_flags.yaml", entry.id, "condition reads an absence, which breaks monotone urgency"
                )
            flags.append(RedFlag(entry.id, entry.disposition, entry.title, condition, entry.why, tuple(entry.sources)))
        flags.sort(key=lambda flag: -flag.disposition.rank)
        return tuple(flags)

    def factors(self, sources: dict[str, SourceEntry], actions: dict[str, ActionEntry]) -> tuple[Factor, ...]:
        factors = []
        for entry in self.entries("factors.yaml", FactorEntry).values():
            if entry.status != "verified":
                raise self.error("factors.yaml", entry.id, "is unverified; unverified material never becomes a rule")
            self.check_sources("factors.yaml", entry.id, entry.sources, sources, need_basis=True)
            for action_id in entry.actions:
                if action_id not in actions:
                    raise self.error("factors.yaml", entry.id, f"unknown action {action_id!r}")
            implicators = []
            for implicator in entry.implicated_by:
                self.check_placeholders("factors.yaml", entry.id, implicator.why)
                if implicator.why_uncounted is not None:
                    self.check_placeholders("factors.yaml", entry.id, implicator.why_uncounted)
                condition = self.condition("factors.yaml", entry.id, implicator.when)
                implicators.append(Implicator(condition, implicator.strength, implicator.why, implicator.why_uncounted))
            factors.append(Factor(entry.id, entry.name, tuple(entry.sources), tuple(entry.actions), tuple(implicators)))
        return tuple(factors)

    def dispositions(self, sources: dict[str, SourceEntry]) -> dict[Disposition, DispositionEntry]:
        entries = self.entries("dispositions.yaml", DispositionEntry)
        result: dict[Disposition, DispositionEntry] = {}
        for disposition in Disposition:
            entry = entries.get(disposition.value)
            if entry is None:
                raise self.error("dispositions.yaml", disposition.value, "is missing")
            self.check_sources("dispositions.yaml", entry.id, entry.sources, sources, need_basis=True)
            self.check_placeholders("dispositions.yaml", entry.id, entry.do_now + entry.plan)
            result[disposition] = entry
        return result

    def messages(self, sources: dict[str, SourceEntry], symptoms: dict[str, SymptomEntry]) -> tuple[Message, ...]:
        messages = []
        for entry in self.entries("messages.yaml", MessageEntry).values():
            self.check_sources("messages.yaml", entry.id, entry.sources, sources, need_basis=True)
            condition = None if entry.show_when is None else self.condition("messages.yaml", entry.id, entry.show_when)
            for symptom_id in entry.requires_no:
                if symptom_id not in symptoms:
                    raise self.error("messages.yaml", entry.id, f"unknown symptom {symptom_id!r}")
            messages.append(
                Message(
                    entry.id,
                    frozenset(entry.dispositions),
                    entry.text,
                    tuple(entry.sources),
                    condition,
                    tuple(entry.requires_no),
                    entry.reassures,
                )
            )
        return tuple(messages)

    def questions(self, symptoms: dict[str, SymptomEntry]) -> dict[str, Question]:
        questions = {s.id: Question(s.id, "yes_no_unsure", s.question, s.label) for s in symptoms.values()}
        for entry in self.entries("fields.yaml", FieldEntry).values():
            if entry.id not in Answers.__struct_fields__:
                raise self.error("fields.yaml", entry.id, "is not a field of the answers")
            ask_if = None if entry.ask_if is None else self.condition("fields.yaml", entry.id, entry.ask_if)
            questions[entry.id] = Question(
                entry.id, entry.kind, entry.question, entry.label or entry.id.replace("_", " "), entry.unit,
                entry.min, entry.max, tuple(entry.choices or ()), ask_if, entry.compared,
            )  # fmt: skip
        return questions


def _condition_parser(symptoms: frozenset[str], classes: frozenset[str]) -> Callable[[object], Condition]:
    def parse(data: object) -> Condition:
        return parse_condition(
            data, symptoms=symptoms, regions=frozenset(REGIONS), medicine_classes=classes, targets=TARGET_NAMES
        )

    return parse


def _entry_name(item: object, index: int) -> str:
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        return str(item["id"])
    return f"#{index + 1}"


def _index(name: str, items: Iterable[T], key: Callable[[T], str]) -> dict[str, T]:
    index: dict[str, T] = {}
    for item in items:
        item_id = key(item)
        if item_id in index:
            raise KnowledgeBaseError(f"{name}: entry {item_id!r}: duplicate id")
        index[item_id] = item
    return index


def _medicine_index(medicines: Iterable[MedicineEntry]) -> dict[str, MedicineEntry]:
    index: dict[str, MedicineEntry] = {}
    for medicine in medicines:
        for name in (medicine.name, *medicine.brands):
            index[" ".join(name.lower().split())] = medicine
    return index
