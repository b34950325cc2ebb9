"""The guided check in a browser: what each page asks, and how its replies become answers.

A page holds one question, or at most five lines of warning signs, or at most five questions for
the plan.  Warning signs that lead to the same advice are one line ("Any of these: face drooping,
…?"): "No" answers each of them, "Not sure" leaves each not sure, and "Yes" asks which on the next
page.  A state (answers, and the questions already put) is validated again on every step, exactly
as ``--answers`` is; the first page carries it in a hidden field, later pages in a draft
(``check_pages.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import msgspec

from twitchwise.answers import Answers, answers_from_builtins, to_builtins
from twitchwise.errors import InputError
from twitchwise.interview import CONTEXT_FIRST, MAX_CHECKLIST, Step, apply_reply, next_step
from twitchwise.kb.conditions import AnyOf, SymptomPresent
from twitchwise.kb.models import KnowledgeBase, Question

MAX_STATE = 100_000
REPLIES = {"yes": True, "no": False, "unsure": None}


class State(msgspec.Struct, forbid_unknown_fields=True):
    answers: dict[str, Any] = msgspec.field(default_factory=dict)
    asked: list[str] = msgspec.field(default_factory=list)


def encode(answers: Answers, asked: set[str]) -> str:
    return msgspec.json.encode(State(to_builtins(answers), sorted(asked))).decode()


def decode(text: str | None, *, today: dt.date, kb: KnowledgeBase) -> tuple[Answers, set[str]]:
    if not text:
        raise InputError("state", "the check lost its place; start again")
    if len(text) > MAX_STATE:
        raise InputError("state", "is too large")
    try:
        state = msgspec.json.decode(text, type=State)
    except (msgspec.ValidationError, msgspec.DecodeError):
        raise InputError("state", "the check lost its place; start again") from None
    answers = answers_from_builtins(state.answers, today=today, symptom_ids=kb.symptom_ids)
    known = set(kb.questions)
    return answers, {q for q in state.asked if q in known}


class FieldsError(InputError):
    """Every field of a page that needs fixing, found at once (each shown beside its field)."""

    def __init__(self, errors: list[InputError]) -> None:
        self.errors = errors
        super().__init__(errors[0].field, "; ".join(f"{e.field}: {e.problem}" for e in errors))

    def problem_for(self, field: str) -> str | None:
        return next((e.problem for e in self.errors if e.field == field), None)


@dataclass(frozen=True)
class Item:
    """One line of a list of warning signs: one symptom (``q.<id>``), or several that lead to the same
    advice (``g.<red flag>``), asked together."""

    key: str
    text: str
    questions: tuple[Question, ...]


def current_step(
    answers: Answers, asked: set[str], kb: KnowledgeBase, said: Mapping[str, str] | None = None
) -> Step | None:
    """The next step, with only the questions not yet put, at most five lines to a page; None when done.

    A long list of warning signs is put five lines at a time: each page has "None of these", and the
    rest of the list follows on the next page (the questions put are recorded as asked).  The
    questions for the plan that follow one another (medicines, caffeine, age…) share one page of at
    most five fields, each of which may be left blank."""
    step = next_step(answers, kb, asked, said)
    if step is None:
        return None
    if step.is_checklist:
        lines = items(step, kb, answers)
        if len(lines) > MAX_CHECKLIST:
            return Step(step.level, tuple(q for line in lines[:MAX_CHECKLIST] for q in line.questions))
        return step
    if not is_detail(step):
        return step
    questions = list(step.questions)
    put = set(asked)
    while len(questions) < MAX_CHECKLIST:
        put.add(questions[-1].id)
        following = next_step(answers, kb, put, said)
        if following is None or not is_detail(following):
            break
        questions.append(following.questions[0])
    return Step(step.level, tuple(questions))


def items(step: Step, kb: KnowledgeBase, answers: Answers) -> list[Item]:
    """The lines of a checklist page.  Symptoms already "not sure" (raised by a description's words)
    are asked one by one; so is a symptom whose red flag has no other member on the page."""
    ids = [q.id for q in step.questions]
    given: dict[str, Any] = to_builtins(answers).get("symptoms") or {}  # type: ignore[assignment]
    unsure = {symptom for symptom, value in given.items() if value is None}
    group_of: dict[str, str] = {}
    for flag in kb.red_flags:
        if step.level is None or flag.disposition is not step.level or not isinstance(flag.condition, AnyOf):
            continue
        parts = flag.condition.parts
        if not all(isinstance(part, SymptomPresent) for part in parts):
            continue
        named = [p.symptom for p in parts if isinstance(p, SymptomPresent)]  # (all are, checked above)
        on_page = [m for m in named if m in ids and m not in group_of and m not in unsure]
        if len(on_page) >= 2:
            group_of.update(dict.fromkeys(on_page, flag.id))
    lines: list[Item] = []
    done: set[str] = set()
    for question in step.questions:
        if question.id in done:
            continue
        flag_id = group_of.get(question.id)
        if flag_id is None:
            lines.append(Item(f"q.{question.id}", question.text, (question,)))
            done.add(question.id)
            continue
        members = tuple(kb.questions[m] for m in ids if group_of.get(m) == flag_id)
        labels = ", ".join(kb.symptoms[m.id].label for m in members)
        lines.append(Item(f"g.{flag_id}", f"Any of these: {labels}?", members))
        done.update(m.id for m in members)
    return lines


def is_detail(step: Step) -> bool:
    """A page of questions for the plan (not a warning sign, not where or how long)."""
    return all(q.kind not in ("yes_no_unsure", "sites") and q.id not in CONTEXT_FIRST for q in step.questions)


def apply(
    answers: Answers, step: Step, fields: dict[str, Any], *, action: str, today: dt.date, kb: KnowledgeBase
) -> tuple[Answers, set[str]]:
    """The answers with this page's replies, and the questions it put; ``InputError`` names what to fix.

    A "Yes" to a line of several warning signs leaves each of them not sure and not put, so the next
    page asks which; "Not sure" leaves each not sure and put (it is listed in the result)."""
    put = {q.id for q in step.questions}
    if action == "none":
        for question in step.questions:
            answers = answers.with_symptom(question.id, False)
        return answers, put
    if action == "skip":
        return answers, put
    if is_detail(step) and len(step.questions) > 1:
        errors: list[InputError] = []
        for question in step.questions:
            if not str(fields.get(f"q.{question.id}") or "").strip():
                continue  # a field left blank is skipped
            try:
                answers = _apply_one(answers, question, fields, today=today, kb=kb)
            except InputError as error:
                errors.append(error)
        if errors:
            raise FieldsError(errors)
        return answers, put
    if not step.is_checklist:
        return _apply_one(answers, step.questions[0], fields, today=today, kb=kb), put
    lines = items(step, kb, answers)
    if not any(line.key in fields for line in lines):
        # Continue with nothing chosen is not "no" to every warning sign: ask for an answer
        raise InputError("checklist", "answer the ones that apply, or choose “None of these” if none do")
    for line in lines:
        if len(line.questions) == 1:
            answers = _apply_one(answers, line.questions[0], fields, today=today, kb=kb)
            continue
        reply = fields.get(line.key) or "unsure"
        if reply not in REPLIES:
            raise InputError(line.text, "choose yes, no or not sure")
        for question in line.questions:
            answers = answers.with_symptom(question.id, None if reply == "yes" else REPLIES[reply])
        if reply == "yes":
            put -= {q.id for q in line.questions}  # asked one by one on the next page
    return answers, put


def answered_count(answers: Answers, asked: set[str]) -> int:
    """How many of the questions put have an answer (yes, no or a value; "not sure" is not one)."""
    from twitchwise.triage.engine import is_answered

    return sum(1 for question in asked if is_answered(answers, question))


def _apply_one(
    answers: Answers, question: Question, fields: dict[str, Any], *, today: dt.date, kb: KnowledgeBase
) -> Answers:
    name = f"q.{question.id}"
    if question.kind == "yes_no_unsure":
        reply = fields.get(name) or "unsure"
        if reply not in REPLIES:
            raise InputError(question.label, "choose yes, no or not sure")
        return answers.with_symptom(question.id, REPLIES[reply])
    if question.kind == "sites":
        places = [*fields.get("sites", []), *([fields["sites_text"]] if fields.get("sites_text") else [])]
        if not places:
            raise InputError("sites", "choose at least one place on the body map or the list, or type one")
        reply = ", ".join(places)
    else:
        reply = fields.get(name) or ""
        if not reply.strip():
            raise InputError(question.id, "please answer, or choose “Not sure / skip”")
    try:
        return apply_reply(answers, question, reply, today=today, kb=kb)
    except InputError as error:
        raise InputError(question.id, error.problem) from None
