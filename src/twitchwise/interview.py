"""What the guided check asks next.  Pure: it looks only at the answers so far.

Red-flag screening comes first, most urgent first, and only for red flags that could
still raise the disposition; then the questions that find contributing factors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass

import msgspec

from twitchwise.answers import Answers, answers_from_builtins, to_builtins
from twitchwise.errors import InputError
from twitchwise.kb.conditions import AllOf, AnyOf, Condition, Facts
from twitchwise.kb.models import KnowledgeBase, Question, RedFlag
from twitchwise.sites import parse_sites
from twitchwise.triage.engine import facts_for, is_answered, screen
from twitchwise.triage.possible import possible_flags, unsized_amounts
from twitchwise.vocabulary import Disposition

CONTEXT_FIRST = ("sites", "duration_days")
YES = {"y", "yes", "yeah", "yep", "true"}
NO = {"n", "no", "nope", "none", "false"}
MAX_CHECKLIST = 5  # questions put at once on one screen
UNSURE = {"?", "not sure", "unsure", "don't know", "dont know", "maybe", "skip"}


@dataclass(frozen=True)
class Step:
    """The next thing to ask: one question, or a checklist of yes/no symptoms at one level."""

    level: Disposition | None
    questions: tuple[Question, ...]

    @property
    def is_checklist(self) -> bool:
        return len(self.questions) > 1


def next_step(
    answers: Answers, kb: KnowledgeBase, asked: Collection[str] = (), said: Mapping[str, str] | None = None
) -> Step | None:
    """The next question or checklist, or None when nothing more matters.

    ``asked``: questions already put and left unanswered ("not sure" or skipped); they are not
    put again, and the check moves on to the next question that could still matter.
    ``said``: a description's words behind what it left open (``Reading.said``): an amount it named
    without a size ("a whole pot of coffee") is asked first where a red flag turns on it, as a symptom
    it left "not sure" is.
    """
    facts = facts_for(answers, kb)
    screening = screen(facts, kb)
    if screening.disposition is Disposition.EMERGENCY:
        return None
    unsized = [q for q in unsized_amounts(said, kb) if q not in asked]  # its counted part is a least amount
    first = _ask_first(facts, screening.disposition, screening.fired, kb, asked, unsized)
    if first is not None:
        return first
    if screening.disposition >= Disposition.URGENT:
        # advice already urgent ("our 18 month old has a fever and is breathing fast"): what could make it an
        # emergency is asked before where and since when it twitches
        urgent_first = _emergency_questions(facts, kb, screening.unknown, asked)
        if urgent_first is not None:
            return urgent_first
    for question_id in CONTEXT_FIRST:
        if question_id not in asked and not is_answered(answers, question_id):
            return Step(None, (kb.questions[question_id],))
    for level in (Disposition.EMERGENCY, Disposition.URGENT, Disposition.ROUTINE):
        if level <= screening.disposition:
            break
        open_questions = [q for q in _open_questions(facts, kb, screening.unknown, level) if q.id not in asked]
        if open_questions:
            symptoms = tuple(q for q in open_questions if q.kind == "yes_no_unsure")
            if symptoms:
                return Step(level, symptoms)
            return Step(level, (open_questions[0],))
    combined = _first_of_a_combination(facts, kb, screening.unknown, screening.disposition, asked)
    if combined is not None:
        return Step(None, (combined,))
    for question in kb.questions.values():
        if question.kind == "yes_no_unsure" or question.id in asked or is_answered(answers, question.id):
            continue
        if question.ask_if is None or question.ask_if.evaluate(facts):
            return Step(None, (question,))
    return None


def left_open(said: Mapping[str, str], before: Answers, after: Answers, kb: KnowledgeBase) -> dict[str, str]:
    """The description's words (``Reading.said``) still open after the guided check: an amount it named
    without a size stays open unless the person gave it (skipped, "a whole pot of coffee" is still a least
    amount, and the result still says "if your caffeine is more than 400 mg a day …")."""
    given = set(unsized_amounts(said, kb))
    return {q: words for q, words in said.items() if q not in given or getattr(after, q) == getattr(before, q)}


def _ask_first(
    facts: Facts,
    disposition: Disposition,
    fired: tuple[RedFlag, ...],
    kb: KnowledgeBase,
    asked: Collection[str],
    unsized: Collection[str],
) -> Step | None:
    """Red-flag symptoms left "not sure" (often by a description's words), and amounts it named without
    a size, most urgent first."""
    found = possible_flags(facts, disposition, fired, kb, unsized)
    questions = list(dict.fromkeys(q for _, settling in found for q in settling if q not in asked))
    if not questions:
        return None
    level = next(flag.disposition for flag, settling in found if set(settling) & set(questions))
    first = kb.questions[questions[0]]
    if first.kind != "yes_no_unsure":  # an amount is asked on its own; the symptoms follow as a list
        return Step(level, (first,))
    symptoms = [kb.questions[q] for q in questions if kb.questions[q].kind == "yes_no_unsure"]
    return Step(level, tuple(symptoms[:MAX_CHECKLIST]))


def _emergency_questions(
    facts: Facts, kb: KnowledgeBase, unknown: tuple[RedFlag, ...], asked: Collection[str]
) -> Step | None:
    """The emergency-level symptoms still open, as one list (None when there are none): first those that would
    complete a rule already part met for this person (a feverish child's "hard to wake" and "a rash that does not
    fade"), then the rest in the knowledge base's order."""
    open_questions = [q for q in _open_questions(facts, kb, unknown, Disposition.EMERGENCY) if q.id not in asked]
    particular = {
        question_id
        for flag in unknown
        if flag.disposition is Disposition.EMERGENCY
        and isinstance(flag.condition, AllOf)
        and any(part.evaluate(facts) is True for part in flag.condition.parts)
        for question_id in deciding_questions(flag.condition, facts)
    }
    symptoms = sorted((q for q in open_questions if q.kind == "yes_no_unsure"), key=lambda q: q.id not in particular)
    return Step(Disposition.EMERGENCY, tuple(symptoms)) if symptoms else None


def _open_questions(
    facts: Facts, kb: KnowledgeBase, unknown: tuple[RedFlag, ...], level: Disposition
) -> list[Question]:
    """The questions worth asking at ``level``.

    A symptom goes on this level's "right now" list only if a yes to it alone would raise the
    advice to this level: otherwise a yes would change nothing, and the question waits until
    the rest of its rule is known (fever with an antidepressant, chest pain that is spreading).
    """
    seen: dict[str, None] = {}
    for flag in unknown:
        if flag.disposition is level:
            for question_id in deciding_questions(flag.condition, facts):
                seen.setdefault(question_id, None)
    questions = [kb.questions[q] for q in seen if kb.asks(q)]
    return [q for q in questions if q.kind != "yes_no_unsure" or _alone_reaches(facts, q.id, level, kb)]


def _first_of_a_combination(
    facts: Facts, kb: KnowledgeBase, unknown: tuple[RedFlag, ...], disposition: Disposition, asked: Collection[str]
) -> Question | None:
    """A symptom that raises the advice only together with another ("weakness" and "getting worse"), when the
    advice has already reached the level a yes to it alone would give: asked on its own, not on a "right now"
    list, so its partner can follow.  (Without this, two twitching places made the advice routine, the routine
    list was skipped, and weakness that was getting worse was never asked: urgent facts got routine advice.)"""
    for flag in unknown:
        if flag.disposition <= disposition:
            continue
        for question_id in deciding_questions(flag.condition, facts):
            question = kb.questions.get(question_id)
            if question is None or question.kind != "yes_no_unsure" or question_id in asked or not kb.asks(question_id):
                continue
            supposed = facts.supposing(facts.answers.with_symptom(question_id, True))
            if flag.condition.evaluate(supposed) is False:
                continue
            # Only when yeses to its partner symptoms alone could complete the rule: a fever waits for the
            # medicines it needs, and for a child's age, so an adult is not asked about a fever for nothing.
            if deciding_questions(flag.condition, supposed) and _symptoms_complete(flag, supposed, kb):
                return question
    return None


def _symptoms_complete(flag: RedFlag, facts: Facts, kb: KnowledgeBase) -> bool:
    """Whether answering yes to the symptoms the rule still asks, and nothing else, makes it fire."""
    for _ in range(len(kb.questions)):
        partners = deciding_questions(flag.condition, facts)
        if not partners:
            break
        if not all(p in kb.questions and kb.questions[p].kind == "yes_no_unsure" for p in partners):
            return False
        answers = facts.answers
        for partner in partners:
            answers = answers.with_symptom(partner, True)
        facts = facts.supposing(answers)
    return flag.condition.evaluate(facts) is True


def _alone_reaches(facts: Facts, symptom: str, level: Disposition, kb: KnowledgeBase) -> bool:
    supposed = facts.supposing(facts.answers.with_symptom(symptom, True))
    return screen(supposed, kb).disposition.rank >= level.rank


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


def apply_reply(answers: Answers, question: Question, reply: str, *, today: dt.date, kb: KnowledgeBase) -> Answers:
    """The answers with one typed reply to a non-symptom question; ``InputError`` says what to fix."""
    try:
        value = parse_reply(question, reply)
    except InputError as error:
        problem = error
        try:
            value = _amount(question, reply, kb)
        except InputError as amount_error:
            value, problem = None, amount_error
        if value is None:
            value = _from_words(question, reply, kb, today)
        if value is None:
            raise problem from None
    data = {**to_builtins(answers), question.id: value}
    return answers_from_builtins(data, today=today, symptom_ids=kb.symptom_ids)


def _from_words(question: Question, reply: str, kb: KnowledgeBase, today: dt.date) -> object | None:
    """A reply in everyday words read as the description box reads them: "3 weeks", "since Monday",
    "I'm 45", "about 5 hours" — the value for this question, if the words give one."""
    from twitchwise.understand import read

    if question.kind not in ("integer", "number") or len(reply) > 300:
        return None
    lead = {"sleep_hours": "I sleep "}.get(question.id, "")  # "about 5 hours" is sleep only beside the word
    value = to_builtins(read(lead + reply, kb, today=today).answers).get(question.id)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _amount(question: Question, reply: str, kb: KnowledgeBase) -> float | None:
    """Everyday amounts for the questions that take them: "5 coffees", "6 glasses", "6h30"."""
    from twitchwise.diary import quantities

    convert = {
        "caffeine_mg_per_day": lambda text: quantities.caffeine_mg(text, kb, question.id),
        "water_litres_per_day": lambda text: quantities.water_litres(text, kb, question.id),
        "sleep_hours": lambda text: quantities.hours(text, question.id),
    }.get(question.id)
    return None if convert is None else round(convert(reply), 2)


def parse_reply(question: Question, reply: str) -> object:
    kind = question.kind
    if kind == "sites":
        return [msgspec.to_builtins(site) for site in parse_sites(reply)]
    if kind == "medicines":
        if reply.strip().lower() in NO:
            return []
        return [name.strip() for name in reply.split(",") if name.strip()]
    if kind == "yes_no":
        lowered = reply.strip().lower()
        if lowered in YES | NO:
            return lowered in YES
        raise InputError(question.id, "please answer y or n")
    if kind == "choice":
        lowered = reply.strip().lower()
        if lowered in question.choices:
            return lowered
        raise InputError(question.id, "please answer one of " + ", ".join(question.choices))
    return _number(question, reply)


def _number(question: Question, reply: str) -> float | int:
    text = reply.strip().lower().removesuffix(question.unit or "").strip()
    try:  # one number, nothing else: "3 weeks" is not 3 days, "5 coffees" not 5 mg
        value = float(text) if text else float("nan")
    except ValueError:
        raise InputError(question.id, "please give a number") from None
    if value != value:  # NaN
        raise InputError(question.id, "please give a number")
    if question.minimum is not None and value < question.minimum:
        raise InputError(question.id, f"must be at least {question.minimum:g}")
    if question.maximum is not None and value > question.maximum:
        raise InputError(question.id, f"must be at most {question.maximum:g}")
    if question.kind == "integer":
        if not value.is_integer():
            raise InputError(question.id, "please give a whole number")
        return int(value)
    return value
