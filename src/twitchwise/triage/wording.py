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
        shown = [site_name(s["region"], s.get("side")) if isinstance(s, dict) else str(s) for s in answer]
        return f"{label}: {', '.join(shown)}"
    return f"{label}: {answer}"
