"""How a reading is shown: the contract's JSON gains a ``from_text`` block; people get words."""

from __future__ import annotations

from typing import IO, Any

import msgspec

from twitchwise.kb.models import KnowledgeBase
from twitchwise.triage.assessment import Assessment
from twitchwise.understand.reading import Reading
from twitchwise.understand.topics import TopicAnswer, answer, cited, fitting


def question_answer(reading: Reading, kb: KnowledgeBase, assessment: Assessment | None) -> TopicAnswer | None:
    """The answer to a question in the words; "is this normal?" reassures only when the advice does."""
    if reading.question is None:
        return None
    return answer(fitting(reading.question, assessment), kb, reading.answers)


def contract_json(assessment: Assessment, reading: Reading, kb: KnowledgeBase) -> dict[str, Any]:
    """The check contract's object, plus ``from_text``: how the words were read, and any answer."""
    data: dict[str, Any] = msgspec.to_builtins(assessment)
    topic = question_answer(reading, kb, assessment)
    data["from_text"] = {
        "about": reading.about,
        "assumptions": reading.assumptions,
        "contexts": reading.contexts,
        "not_sure": reading.uncertain,
        "told": reading.told,
        "truncated": reading.truncated,
        "answer": None if topic is None else msgspec.to_builtins(topic),
    }
    if topic is not None:
        for source_id in cited(topic):
            source = kb.sources[source_id]
            data["sources"].setdefault(
                source_id,
                {
                    "title": source.title,
                    "publisher": source.publisher,
                    "url": source.url,
                    "tier": source.tier,
                    "audience": source.audience,
                },
            )
    return data


def render_reading(reading: Reading, kb: KnowledgeBase, stream: IO[str], assessment: Assessment | None) -> None:
    """What was understood, and the answer to a question, before the advice."""
    from rich.markup import escape

    from twitchwise.cli.render import console_for
    from twitchwise.understand.words import understood_lines

    console = console_for(stream)
    topic = question_answer(reading, kb, assessment)
    if topic is not None:
        console.print(f"[bold underline]{escape(topic.title)}[/bold underline]")
        console.print(f"{escape(topic.text)} [dim]({', '.join(topic.sources)})[/dim]")
        for point in topic.points:
            console.print(f"• {escape(point.text)} [dim]({', '.join(point.sources)})[/dim]")
        console.print()
    lines = understood_lines(reading, kb)
    if lines:
        title = "What I understood" + (
            " (about someone else: the advice is for them)" if reading.about != "self" else ""
        )
        console.print(f"[bold underline]{title}[/bold underline]")
        for line in lines:
            console.print(f"• {escape(line)}")
        for assumption in reading.assumptions:
            console.print(f"  [dim]Assumed: {escape(assumption)}[/dim]")
        console.print()
    if reading.truncated:
        console.print("[dim]Only the first million characters of the description were read.[/dim]")
