"""The guided check in a browser: one step a page, with the answers so far carried in the form.

The state (answers and the questions already put) travels in a hidden field and is validated
again on every step, exactly as ``--answers`` is, so nothing is kept on the server until the
check ends and is saved in the diary.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec

from twitchwise.answers import Answers, answers_from_builtins, to_builtins
from twitchwise.errors import InputError
from twitchwise.interview import Step, apply_reply, next_step
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


def current_step(answers: Answers, asked: set[str], kb: KnowledgeBase) -> Step | None:
    """The next step, with only the questions not yet put; None when the check is done."""
    return next_step(answers, kb, asked)


def apply(
    answers: Answers, step: Step, fields: dict[str, Any], *, action: str, today: dt.date, kb: KnowledgeBase
) -> Answers:
    """The answers with this step's replies; ``InputError`` names the question to fix."""
    if action == "none":
        for question in step.questions:
            answers = answers.with_symptom(question.id, False)
        return answers
    if action == "skip":
        return answers
    if step.is_checklist and not any(f"q.{q.id}" in fields for q in step.questions):
        # Continue with nothing chosen is not "no" to every warning sign: ask for an answer
        raise InputError("checklist", "answer the ones that apply, or choose “None of these” if none do")
    for question in step.questions:
        answers = _apply_one(answers, question, fields, today=today, kb=kb)
    return answers


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
