"""What a person said, in words: the answer behind a red flag, a question's short label."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

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


def told_apart(
    evidence: Iterable[tuple[str, object]], quotes: Mapping[str, str] | None, kb: KnowledgeBase, *, read_as: bool = True
) -> list[str]:
    """The answers behind a red flag, each yes read from a description shown as the person's own words with what
    they were read as ("“one side of my face dropped” (read as face drooping, sudden one-sided weakness or
    numbness)"), so what they said and what it was taken to mean are told apart; the rest as ``said``.
    ``read_as=False``: the labels first ("face drooping, sudden one-sided weakness or numbness (“one side of my face
    dropped”)"), for a list of what was understood."""
    quotes = quotes or {}
    quoted: dict[str, list[str]] = {}
    plain: list[str] = []
    for question, answer in evidence:
        words = quotes.get(question) if answer is True else None
        if words:
            quoted.setdefault(words, []).append(question_label(question, kb))
        else:
            plain.append(said(question, answer, kb))
    if read_as:
        return [f"“{words}” (read as {', '.join(labels)})" for words, labels in quoted.items()] + plain
    return [f"{', '.join(labels)} (“{words}”)" for words, labels in quoted.items()] + plain


def listed(values: list[object]) -> str:
    """A list answer in words: places by name ("left calf, right thigh"), anything else as it is."""
    return ", ".join(site_name(v["region"], v.get("side")) if isinstance(v, dict) else str(v) for v in values)


_SECOND_PERSON = {
    "you": "they", "your": "their", "yours": "theirs", "yourself": "themselves", "you're": "they're",
    "you've": "they've", "you'd": "they'd", "you'll": "they'll", "you’re": "they’re", "you’ve": "they’ve",
}  # fmt: skip
_YOU = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(_SECOND_PERSON, key=len, reverse=True)) + r")\b",
                  re.IGNORECASE)  # fmt: skip


_OR_THE_PERSON = re.compile(r" \(or the person[^)]*\)")  # "How old are you (or the person you are checking for)?"


def addressed(text: str, about: object) -> str:
    """A question put to the person, reworded when the description was about someone else: "Has one side
    of your face dropped, or can you not smile evenly?" becomes "… of their face …, or can they not …".
    Singular "they" takes the verbs "you" takes, so only the pronouns change."""
    if about != "someone_else":  # (a template without it passes an undefined value: the person themself)
        return text

    def swap(match: re.Match[str]) -> str:
        word = _SECOND_PERSON[match[0].lower()]
        return word[0].upper() + word[1:] if match[0][0].isupper() else word

    return _YOU.sub(swap, _OR_THE_PERSON.sub("", text))
