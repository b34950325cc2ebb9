"""What a person said, in words: the answer behind a red flag, a question's short label."""

from __future__ import annotations

from twitchwise.kb.models import KnowledgeBase
from twitchwise.sites import site_name


def question_label(question: str, kb: KnowledgeBase) -> str:
    return kb.questions[question].label if question in kb.questions else question.replace("_", " ")


def said(question: str, answer: object, kb: KnowledgeBase) -> str:
    """ "weakness" for a yes; "where: left calf, right thigh"; "how long: 30" for the rest."""
    label = question_label(question, kb)
    if answer is True:
        return label
    if answer is False:
        return f"{label}: no"
    if isinstance(answer, list):
        return f"{label}: {listed(answer)}"
    return f"{label}: {answer}"


def listed(values: list[object]) -> str:
    """A list answer in words: places by name ("left calf, right thigh"), anything else as it is."""
    return ", ".join(site_name(v["region"], v.get("side")) if isinstance(v, dict) else str(v) for v in values)
