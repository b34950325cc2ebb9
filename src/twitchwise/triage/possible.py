"""Red flags the person may have but has not confirmed, and what to ask or say first.

A symptom answered "not sure" — in the guided check, or by a description whose words touch a
red flag without settling it ("my arm went heavy") — is an open question.  Every red flag
that would fire if those open symptoms were present, and would raise the advice, is
*possible*: its questions are asked first (``ask_first``) and, while one of emergency or
urgent level is open, the advice starts with a conditional instruction and withholds
reassurance.  Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping

from twitchwise.answers import Answers
from twitchwise.kb.conditions import Facts
from twitchwise.kb.models import KnowledgeBase, RedFlag
from twitchwise.triage.assessment import PossibleOut, WarningOut
from twitchwise.triage.text import fill
from twitchwise.triage.wording import addressed
from twitchwise.vocabulary import Disposition

WARNING_LEVELS = frozenset({Disposition.EMERGENCY, Disposition.URGENT})


def open_symptoms(answers: Answers, kb: KnowledgeBase) -> list[str]:
    """Symptoms answered "not sure" that the check can ask about."""
    return [symptom for symptom, value in answers.symptoms.items() if value is None and kb.asks(symptom)]


def possible_flags(
    facts: Facts, disposition: Disposition, fired: tuple[RedFlag, ...], kb: KnowledgeBase
) -> list[tuple[RedFlag, list[str]]]:
    """Each red flag that the open symptoms could fire above ``disposition``, with those symptoms."""
    unsure = open_symptoms(facts.answers, kb)
    if not unsure:
        return []
    supposed = facts.answers
    for symptom in unsure:
        supposed = supposed.with_symptom(symptom, True)
    supposed_facts = Facts(supposed, facts.targets, facts.medicine_classes)
    already = {flag.id for flag in fired}
    found = []
    for flag in kb.red_flags:  # most urgent first
        if flag.id in already or flag.disposition.rank <= disposition.rank:
            continue
        if flag.condition.evaluate(supposed_facts):
            settling = [q for q in flag.condition.questions() if q in unsure]
            found.append((flag, settling))
    return found


def possible_out(
    found: list[tuple[RedFlag, list[str]]], said: Mapping[str, str]
) -> tuple[list[PossibleOut], list[str]]:
    """The ``possible`` entries and ``ask_first``: the settling questions, most urgent flag first."""
    entries = []
    ask_first: dict[str, None] = {}
    for flag, questions in found:
        words = "; ".join(dict.fromkeys(said[q] for q in questions if said.get(q)))
        entries.append(PossibleOut(flag.id, flag.title, flag.disposition.value, words, questions, list(flag.sources)))
        ask_first.update(dict.fromkeys(questions))
    return entries, list(ask_first)


def warning_for(
    found: list[tuple[RedFlag, list[str]]], kb: KnowledgeBase, values: Mapping[str, object], *, about: str | None = None
) -> WarningOut | None:
    """ "If you have …, call 112 now": for the most urgent possible flag at emergency or urgent level."""
    if not found or found[0][0].disposition not in WARNING_LEVELS:
        return None
    flag, questions = found[0]
    do_now = fill(kb.dispositions[flag.disposition].do_now, values)
    action = do_now[:1].lower() + do_now[1:]
    if len(questions) == 1 and questions[0] in kb.questions:
        text = f"{kb.questions[questions[0]].text} If so, {action}"
    else:
        labels = [kb.symptoms[q].label for q in questions if q in kb.symptoms]
        text = f"If you have any of these — {_either(labels)} — {action}"
    return WarningOut(flag.disposition.value, addressed(text, about), list(flag.sources))


def _either(labels: list[str]) -> str:
    if len(labels) <= 1:
        return labels[0] if labels else "any of these signs"
    return ", ".join(labels[:-1]) + " or " + labels[-1]
