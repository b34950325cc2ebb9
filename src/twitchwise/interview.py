"""What the guided check asks next.  Pure: it looks only at the answers so far.

Red-flag screening comes first, most urgent first, and only for red flags that could
still raise the disposition; then the questions that find contributing factors.
"""

from __future__ import annotations

from dataclasses import dataclass

from twitchwise.answers import Answers
from twitchwise.kb.conditions import AllOf, AnyOf, Condition, Facts
from twitchwise.kb.models import KnowledgeBase, Question, RedFlag
from twitchwise.triage.engine import facts_for, is_answered, screen
from twitchwise.vocabulary import Disposition

CONTEXT_FIRST = ("sites", "duration_days")


@dataclass(frozen=True)
class Step:
    """The next thing to ask: one question, or a checklist of yes/no symptoms at one level."""

    level: Disposition | None
    questions: tuple[Question, ...]

    @property
    def is_checklist(self) -> bool:
        return len(self.questions) > 1


def next_step(answers: Answers, kb: KnowledgeBase) -> Step | None:
    """The next question or checklist, or None when nothing more matters."""
    for question_id in CONTEXT_FIRST:
        if not is_answered(answers, question_id):
            return Step(None, (kb.questions[question_id],))
    facts = facts_for(answers, kb)
    screening = screen(facts, kb)
    if screening.disposition is Disposition.EMERGENCY:
        return None
    for level in (Disposition.EMERGENCY, Disposition.URGENT, Disposition.ROUTINE):
        if level <= screening.disposition:
            break
        open_questions = _open_questions(facts, kb, screening.unknown, level)
        if open_questions:
            symptoms = tuple(q for q in open_questions if q.kind == "yes_no_unsure")
            if symptoms:
                return Step(level, symptoms)
            return Step(level, (open_questions[0],))
    for question in kb.questions.values():
        if question.kind == "yes_no_unsure" or is_answered(answers, question.id):
            continue
        if question.ask_if is None or question.ask_if.evaluate(facts):
            return Step(None, (question,))
    return None


def _open_questions(
    facts: Facts, kb: KnowledgeBase, unknown: tuple[RedFlag, ...], level: Disposition
) -> list[Question]:
    seen: dict[str, None] = {}
    for flag in unknown:
        if flag.disposition is level:
            for question_id in deciding_questions(flag.condition, facts):
                seen.setdefault(question_id, None)
    return [kb.questions[q] for q in seen]


def deciding_questions(condition: Condition, facts: Facts) -> list[str]:
    """The unanswered questions worth asking now to settle an unknown condition.

    For "any of", every open part could make it true; for "all of", the first open part
    alone could make it false, so the rest wait until it is answered.
    """
    if condition.evaluate(facts) is not None:
        return []
    if isinstance(condition, AnyOf):
        return [q for part in condition.parts for q in deciding_questions(part, facts)]
    if isinstance(condition, AllOf):
        first_open = next(part for part in condition.parts if part.evaluate(facts) is None)
        return deciding_questions(first_open, facts)
    return [q for q in condition.questions() if not is_answered(facts.answers, q)]
