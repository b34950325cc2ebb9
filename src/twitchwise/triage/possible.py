"""Red flags the person may have but has not confirmed, and what to ask or say first.

A symptom answered "not sure" — in the guided check, or by a description whose words touch a
red flag without settling it ("my arm went heavy") — is an open question.  Every red flag
that would fire if those open symptoms were present, and would raise the advice, is
*possible*: its questions are asked first (``ask_first``) and, while one is open, the advice
starts with a conditional instruction for the most urgent and withholds reassurance.  Pure: no I/O, no clock.

An amount the words named but could not size ("a whole pot of coffee", "loads of energy drinks")
is open in the same way: it is supposed just past the lowest red-flag threshold on it, so "my
heart is racing" with an uncounted pot of coffee warns of caffeine with a racing heart.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from twitchwise.answers import Answers
from twitchwise.kb.conditions import Facts, at_least
from twitchwise.kb.models import KnowledgeBase, RedFlag
from twitchwise.triage.assessment import PossibleOut, WarningOut
from twitchwise.triage.text import fill
from twitchwise.triage.wording import addressed
from twitchwise.vocabulary import Disposition

# a routine flag left open warns too ("If the twitching muscle feels weak …, book a GP appointment"): never reassure
# past a red flag the words touch, whatever its level
WARNING_LEVELS = frozenset({Disposition.EMERGENCY, Disposition.URGENT, Disposition.ROUTINE})


def unsized_amounts(said: Mapping[str, str] | None, kb: KnowledgeBase) -> list[str]:
    """The amounts a description named without a size (``said`` holds their words beside its open symptoms')."""
    return [q for q in said or {} if q not in kb.symptoms and q in kb.questions]


def open_symptoms(answers: Answers, kb: KnowledgeBase) -> list[str]:
    """Symptoms answered "not sure" that the check can ask about."""
    return [symptom for symptom, value in answers.symptoms.items() if value is None and kb.asks(symptom)]


def possible_flags(
    facts: Facts,
    disposition: Disposition,
    fired: tuple[RedFlag, ...],
    kb: KnowledgeBase,
    unsized: Collection[str] = (),
) -> list[tuple[RedFlag, list[str]]]:
    """Each red flag that the open symptoms, or amounts named but not sized (``unsized``), could fire above
    ``disposition``, with those questions."""
    supposed = facts.answers
    unsure = open_symptoms(facts.answers, kb)
    for symptom in unsure:
        supposed = supposed.with_symptom(symptom, True)
    for field in unsized:
        past = _past_lowest_threshold(field, facts, kb)
        if past is not None and (getattr(supposed, field, None) or 0) < past:
            supposed = supposed.with_updates(**{field: past})
            unsure.append(field)
    if not unsure:
        return []
    supposed_facts = facts.supposing(supposed)
    already = {flag.id for flag in fired}
    found = []
    for flag in kb.red_flags:  # most urgent first
        if flag.id in already or flag.disposition.rank <= disposition.rank:
            continue
        if flag.condition.evaluate(supposed_facts):
            settling = [q for q in flag.condition.questions() if q in unsure]
            found.append((flag, settling))
    return found


def _past_lowest_threshold(field: str, facts: Facts, kb: KnowledgeBase) -> float | None:
    """The least amount of ``field`` that some red flag's "more than" or "at least" would take as enough."""
    amounts = [c.least_passing(facts) for flag in kb.red_flags for c in at_least(flag.condition, field)]
    return min(amounts, default=None)


def threshold_words(flag: RedFlag, field: str, facts: Facts, kb: KnowledgeBase) -> str:
    """ "your caffeine is more than 400 mg a day": the amount a red flag needs, in words."""
    compare = at_least(flag.condition, field)[0]
    question = kb.questions[field]
    name = question.label.split(" (")[0]
    op = "more than" if compare.op == "gt" else "at least"
    lead = question.compared or f"your {name} is"
    return f"{lead} {op} {compare.limit(facts):g} {question.unit or ''}".rstrip()


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
    found: Sequence[tuple[RedFlag, Sequence[str]]],
    kb: KnowledgeBase,
    values: Mapping[str, object],
    facts: Facts,
    *,
    about: str | None = None,
) -> WarningOut | None:
    """ "If you have …, call 112 now": for the most urgent possible flag at emergency or urgent level."""
    if not found or found[0][0].disposition not in WARNING_LEVELS:
        return None
    flag, questions = found[0]
    do_now = fill(kb.dispositions[flag.disposition].do_now, values)
    action = do_now[:1].lower() + do_now[1:]
    amounts = [q for q in questions if q not in kb.symptoms]
    if amounts:  # "If your caffeine is more than 400 mg a day, call 112 now"
        text = f"If {' or '.join(threshold_words(flag, q, facts, kb) for q in amounts)}, {action}"
    elif len(questions) == 1 and questions[0] in kb.questions:
        text = f"{kb.questions[questions[0]].text} If so, {action}"
    else:
        labels = [kb.symptoms[q].label for q in questions if q in kb.symptoms]
        text = f"If you have any of these — {_either(labels)} — {action}"
    return WarningOut(flag.disposition.value, addressed(text, about), list(flag.sources))


def _either(labels: list[str]) -> str:
    if len(labels) <= 1:
        return labels[0] if labels else "any of these signs"
    return ", ".join(labels[:-1]) + " or " + labels[-1]
