"""The output of a check: the contract's fields plus the detail that explains them."""

from __future__ import annotations

from typing import Any

import msgspec


class _Out(msgspec.Struct, frozen=True, omit_defaults=False):
    pass


class DispositionDetail(_Out, frozen=True):
    label: str
    time_frame: str
    do_now: str
    emergency_number: str
    sources: list[str]


class EvidenceOut(_Out, frozen=True):
    question: str
    answer: Any


class RedFlagOut(_Out, frozen=True):
    id: str
    title: str
    disposition: str
    why: str
    sources: list[str]
    evidence: list[EvidenceOut]


class FactorOut(_Out, frozen=True):
    id: str
    name: str
    strength: str
    why: str
    sources: list[str]


class PlanStep(_Out, frozen=True):
    id: str
    text: str
    target: str
    sources: list[str]

    @property
    def shown_target(self) -> str:
        """The target to show beside the step: the see-a-doctor step's time frame ("now") is already in its words."""
        return "" if self.id == "see_a_doctor" else self.target


class Reassuring(_Out, frozen=True):
    """A pertinent negative: an answer that lowers concern."""

    question: str
    answer: Any
    label: str


class MedicineOut(_Out, frozen=True):
    name: str
    recognised: bool
    class_id: str | None = None
    class_name: str | None = None


class SourceOut(_Out, frozen=True):
    title: str
    publisher: str
    url: str | None
    tier: str
    audience: str = "clinicians"  # "people": written for the public, listed first


class Message(_Out, frozen=True):
    id: str
    text: str
    sources: list[str]


class PossibleOut(_Out, frozen=True):
    """A red flag the person may have: an answer was "not sure", or their words touched it unconfirmed."""

    id: str
    title: str
    disposition: str
    words: str  # the person's own words that raised it ("" when they answered "not sure")
    questions: list[str]  # what settles it
    sources: list[str]


class WarningOut(_Out, frozen=True):
    """The conditional instruction shown before anything else while an urgent possibility is open."""

    disposition: str
    text: str
    sources: list[str]


class DiaryFindingOut(_Out, frozen=True):
    """Something the diary showed over time, the entries behind it, and the red flags it drove."""

    rule: str
    summary: str
    entries: list[str]
    drove: list[str]


class DiaryOut(_Out, frozen=True):
    profile: str
    recorded_days: int
    findings: list[DiaryFindingOut]
    saved_as: str | None


class DiaryAdvice(_Out, frozen=True):
    """The advice the diary alone gives now, re-computed on every write.

    Told apart from a check: ``source`` is always "diary", and the red flags come only from
    what was logged (symptoms logged present, twitching that persists, spreads or worsens).
    """

    source: str
    disposition: str
    label: str
    time_frame: str
    do_now: str
    emergency_number: str
    red_flags: list[RedFlagOut]
    findings: list[DiaryFindingOut]


class Assessment(_Out, frozen=True):
    disposition: str
    red_flags: list[RedFlagOut]
    factors: list[FactorOut]
    plan: list[PlanStep]
    unanswered: list[str]
    understood: dict[str, Any]
    sources: dict[str, SourceOut]
    detail: DispositionDetail
    reassuring: list[Reassuring]
    messages: list[Message]
    medicines: list[MedicineOut]
    diary: DiaryOut | None = None  # what the diary added, when one was read
    possible: list[PossibleOut] = msgspec.field(default_factory=list)
    ask_first: list[str] = msgspec.field(default_factory=list)
    warning: WarningOut | None = None
    not_needed: list[str] = msgspec.field(default_factory=list)
    """Red-flag questions left open that could not change this advice (``unanswered`` could)."""

    def to_json(self) -> bytes:
        return msgspec.json.encode(self)
