"""The output of a check: the contract's fields plus the detail that explains them."""

from __future__ import annotations

import msgspec


class _Out(msgspec.Struct, frozen=True, omit_defaults=False):
    pass


class DispositionDetail(_Out):
    label: str
    time_frame: str
    do_now: str
    emergency_number: str
    sources: list[str]


class EvidenceOut(_Out):
    question: str
    answer: object


class RedFlagOut(_Out):
    id: str
    title: str
    disposition: str
    why: str
    sources: list[str]
    evidence: list[EvidenceOut]


class FactorOut(_Out):
    id: str
    name: str
    strength: str
    why: str
    sources: list[str]


class PlanStep(_Out):
    id: str
    text: str
    target: str
    sources: list[str]


class Reassuring(_Out):
    """A pertinent negative: an answer that lowers concern."""

    question: str
    answer: object
    label: str


class MedicineOut(_Out):
    name: str
    recognised: bool
    class_id: str | None = None
    class_name: str | None = None


class SourceOut(_Out):
    title: str
    publisher: str
    url: str | None
    tier: str


class Message(_Out):
    id: str
    text: str
    sources: list[str]


class Assessment(_Out):
    disposition: str
    red_flags: list[RedFlagOut]
    factors: list[FactorOut]
    plan: list[PlanStep]
    unanswered: list[str]
    understood: dict[str, object]
    sources: dict[str, SourceOut]
    detail: DispositionDetail
    reassuring: list[Reassuring]
    messages: list[Message]
    medicines: list[MedicineOut]

    def to_json(self) -> bytes:
        return msgspec.json.encode(self)
