"""How a check uses the diary: read the evidence that only time reveals, then keep the result."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import msgspec

from twitchwise.answers import Answers, to_builtins
from twitchwise.diary.evidence import DiaryEvidence, Finding, diary_evidence
from twitchwise.diary.records import Check
from twitchwise.diary.store import Store
from twitchwise.triage.assessment import Assessment, DiaryAdvice, DiaryFindingOut, DiaryOut

if TYPE_CHECKING:
    from twitchwise.kb.models import KnowledgeBase
    from twitchwise.triage.engine import Services

LOOK_BACK_DAYS = 400  # a current run longer than this still shows as persisting


class DiaryLink:
    """One check's use of the diary: read the evidence, then keep the result."""

    def __init__(self, store: Store, profile: str, *, owns_store: bool = False) -> None:
        self.store = store
        self.profile = profile
        self.owns_store = owns_store

    @classmethod
    def open(cls, url: str, profile: str) -> DiaryLink:
        """Open the database for this one check; ``close`` closes it."""
        return cls(Store(url), profile, owns_store=True)

    def close(self) -> None:
        if self.owns_store:
            self.store.close()

    def evidence(self, today: dt.date) -> DiaryEvidence:
        entries = self.store.diary(self.profile).list(
            kinds=("episode", "day", "symptom"), start=today - dt.timedelta(days=LOOK_BACK_DAYS), end=today
        )
        return diary_evidence(entries, today=today)

    def advice(self, kb: KnowledgeBase, *, today: dt.date, services: Services) -> DiaryAdvice:
        """What the diary alone says now: run after every write, so a logged red flag shows at once."""
        from twitchwise.triage.engine import assess

        evidence = self.evidence(today)
        assessment = assess(evidence.apply(Answers()), kb, today=today, services=services)
        annotated = annotate(assessment, evidence, profile=self.profile, saved_as=None)
        detail = assessment.detail
        return DiaryAdvice(
            source="diary", disposition=assessment.disposition, label=detail.label, time_frame=detail.time_frame,
            do_now=detail.do_now, emergency_number=detail.emergency_number, red_flags=assessment.red_flags,
            findings=annotated.diary.findings if annotated.diary else [],
        )  # fmt: skip

    def record(
        self,
        given: Answers,
        assessment: Assessment,
        evidence: DiaryEvidence,
        *,
        today: dt.date,
        now: dt.datetime,
        description: str | None = None,
    ) -> Assessment:
        """Save the check in the diary (the answers the person gave, the result, and the description they typed,
        if any: their concern in their own words, for the doctor's report), and say so."""
        annotated = annotate(assessment, evidence, profile=self.profile, saved_as=None)
        now = now.replace(microsecond=0)
        at = now if now.date() == today else dt.datetime.combine(today, dt.time(12))
        check = Check(
            at=at, disposition=assessment.disposition,  # type: ignore[arg-type]
            answers=to_builtins(given),
            result={**msgspec.to_builtins(annotated), **({"description": description} if description else {})},
        )  # fmt: skip
        stored = self.store.diary(self.profile).add(check)
        return annotate(assessment, evidence, profile=self.profile, saved_as=stored.id)


def annotate(assessment: Assessment, evidence: DiaryEvidence, *, profile: str, saved_as: str | None) -> Assessment:
    fired = {flag.id: {e.question for e in flag.evidence} for flag in assessment.red_flags}
    findings = [
        DiaryFindingOut(finding.rule, finding.summary, finding.entries, _drove(finding, fired))
        for finding in evidence.findings
    ]
    diary = DiaryOut(profile, evidence.recorded_days, findings, saved_as)
    return msgspec.structs.replace(assessment, diary=diary)


def _drove(finding: Finding, fired: dict[str, set[str]]) -> list[str]:
    question = finding.sets.removeprefix("symptoms.")
    return [flag_id for flag_id, questions in fired.items() if question in questions]
