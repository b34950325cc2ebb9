"""Short, sourced answers to questions ("why is my calf twitching?") from the knowledge base."""

from __future__ import annotations

import msgspec

from twitchwise.answers import Answers
from twitchwise.kb.models import KnowledgeBase
from twitchwise.triage.assessment import Assessment
from twitchwise.triage.targets import caffeine_limit_note, personal_targets
from twitchwise.triage.text import fill
from twitchwise.vocabulary import Disposition

_WHEN = {
    Disposition.EMERGENCY: "call the emergency number now",
    Disposition.URGENT: "see a doctor today or tomorrow",
    Disposition.ROUTINE: "see a GP",
}


class Point(msgspec.Struct, frozen=True):
    text: str
    sources: list[str]


class TopicAnswer(msgspec.Struct, frozen=True):
    id: str
    title: str
    text: str
    sources: list[str]
    points: list[Point]


# answers that reassure ("very rarely a sign of anything serious"): while a red flag is open or the advice is more
# than self-care, "is this normal?" is answered with when to see a doctor instead
REASSURING = frozenset({"how_common", "self_care", "causes"})


def fitting(topic_id: str, assessment: Assessment | None) -> str:
    """The topic to answer a question with: one that reassures only beside calm self-care with nothing left open."""
    calm = assessment is None or (assessment.warning is None and assessment.disposition == "self_care")
    return "when_to_see_a_doctor" if not calm and topic_id in REASSURING else topic_id


def answer(topic_id: str, kb: KnowledgeBase, answers: Answers | None = None) -> TopicAnswer:
    """The topic's statement and the entries it lists, each with its own sources.  A message that needs symptoms
    answered no ("Twitching without weakness … is not a sign of nerve disease") is left out when the person said
    one, or was not sure of one."""
    topic = kb.topics[topic_id]
    answers = answers or Answers()
    points: list[Point] = []
    messages = {m.id: m for m in kb.messages}
    told = answers.symptoms
    points += [
        Point(messages[m].text, list(messages[m].sources))
        for m in topic.messages
        if not any(s in told and told[s] is not False for s in messages[m].requires_no)
    ]
    points += [Point(kb.factor_index[f].name, list(kb.factor_index[f].sources)) for f in topic.factors]
    flags = {flag.id: flag for flag in kb.red_flags}
    for flag_id in topic.red_flags:
        flag = flags[flag_id]
        points.append(Point(f"{flag.title}: {_WHEN[flag.disposition]}", list(flag.sources)))
    values = {**personal_targets(answers, kb.limits), "caffeine_limit_note": caffeine_limit_note(answers)}
    for action_id in topic.actions:
        action = kb.actions[action_id]
        target = fill(action.target, values)
        text = f"{action.text} Target: {target}." if target else action.text
        points.append(Point(text, list(action.sources)))
    return TopicAnswer(topic.id, topic.title, topic.text, list(topic.sources), points)


def cited(topic_answer: TopicAnswer) -> list[str]:
    """Every source id the answer cites, in order of first use."""
    ids = [*topic_answer.sources, *(s for point in topic_answer.points for s in point.sources)]
    return list(dict.fromkeys(ids))
