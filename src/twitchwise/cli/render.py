"""Human output of a check, with Rich: the disposition first, then why, then what to do."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from twitchwise.kb.models import KnowledgeBase
from twitchwise.triage.assessment import Assessment, DiaryAdvice
from twitchwise.triage.wording import question_label, said, told_apart

STYLES = {"emergency": "bold white on red", "urgent": "bold black on yellow", "routine": "bold white on blue",
          "self_care": "bold black on green"}  # fmt: skip
DISCLAIMER = (
    "twitchwise gives information and triage, not a diagnosis. If you are worried, or anything "
    "changes, contact a doctor. In an emergency, call {number}."
)


_UNSAID = object()


def console_for(stream: IO[str]) -> Console:
    return Console(file=stream, highlight=False, soft_wrap=False, width=_width(stream))


def _width(stream: IO[str]) -> int | None:
    return None if getattr(stream, "isatty", lambda: False)() else 100


def render_warning(assessment: Assessment, stream: IO[str]) -> None:
    """The conditional instruction that comes before everything while an urgent possibility is open."""
    warning = assessment.warning
    if warning is None:
        return
    console = console_for(stream)
    lines = [Text(warning.text, style="bold")]
    for possible in assessment.possible:
        if possible.disposition == warning.disposition:
            said = f"You wrote “{possible.words}”" if possible.words else "You were not sure"
            lines.append(Text(f"{said} — {possible.title.lower()}. ({_cite(possible.sources)})"))
    console.print(Panel(Group(*lines), title="Before anything else", style=STYLES[warning.disposition], expand=True))


def render_diary_advice(advice: DiaryAdvice, stream: IO[str]) -> None:
    """What the diary alone now says, labelled as coming from the diary; nothing when it is self-care."""
    if advice.disposition == "self_care":
        return
    console = console_for(stream)
    headline = Text(f" {advice.label.upper()} ", style=STYLES[advice.disposition])
    headline.append(f"  {advice.time_frame}", style="bold")
    lines = [headline, Text(advice.do_now)]
    for flag in advice.red_flags:
        lines.append(Text(f"• {flag.title} ({_cite(flag.sources)})"))
    lines += [Text(f"  {finding.summary}", style="dim") for finding in advice.findings]
    console.print(Panel(Group(*lines), title="From your diary", expand=True))


def render_assessment(
    assessment: Assessment,
    kb: KnowledgeBase,
    stream: IO[str],
    *,
    warned: bool = False,
    given: Mapping[str, object] | None = None,
    quotes: Mapping[str, str] | None = None,
) -> None:
    """The advice; ``warned``: the warning was already printed above (before what was understood).

    ``given``: what the person answered (``said_by_person``); evidence that differs came from the diary.
    ``quotes``: for a description, the words each symptom was read from (``Reading.told``).
    """
    if not warned:
        render_warning(assessment, stream)
    console = console_for(stream)
    detail = assessment.detail
    headline = Text(f" {detail.label.upper()} ", style=STYLES[assessment.disposition])
    headline.append(f"  {detail.time_frame}", style="bold")
    console.print(Panel(Group(headline, Text(""), Text(detail.do_now)), title="twitchwise check", expand=True))
    _why(console, assessment, kb, given, quotes)
    _factors(console, assessment)
    _plan(console, assessment)
    _sources(console, assessment)
    console.print(Text(DISCLAIMER.format(number=detail.emergency_number), style="dim"))


def _why(
    console: Console,
    assessment: Assessment,
    kb: KnowledgeBase,
    given: Mapping[str, object] | None,
    quotes: Mapping[str, str] | None,
) -> None:
    if assessment.red_flags:
        console.print(Text("Why", style="bold underline"))
        for flag in assessment.red_flags:
            console.print(f"• [bold]{flag.title}[/bold] — {flag.why} [dim]({_cite(flag.sources)})[/dim]")
            own = [e for e in flag.evidence if given is None or given.get(e.question, _UNSAID) == e.answer]
            logged = [e for e in flag.evidence if e not in own]
            if own:
                text = ("; " if quotes else ", ").join(told_apart(((e.question, e.answer) for e in own), quotes, kb))
                console.print(f"  [dim]You said: {escape(text)}[/dim]")
            if logged:
                text = ", ".join(said(e.question, e.answer, kb) for e in logged)
                console.print(f"  [dim]From your diary: {escape(text)}[/dim]")
    for message in assessment.messages:
        console.print(f"• {message.text} [dim]({_cite(message.sources)})[/dim]")
    if assessment.reassuring:
        console.print("[bold]Reassuring:[/bold] " + "; ".join(r.label for r in assessment.reassuring) + ".")
    if assessment.unanswered:
        labels = [question_label(q, kb) for q in assessment.unanswered[:12]]
        more = len(assessment.unanswered) - len(labels)
        tail = f", and {more} more" if more > 0 else ""
        console.print(
            f"[bold]Not asked, so not ruled out:[/bold] {', '.join(labels)}{tail}. "
            "If any of these apply, the advice may be more urgent — `twitchwise check --again` asks just these."
        )
    console.print()


def _factors(console: Console, assessment: Assessment) -> None:
    if not assessment.factors:
        return
    console.print(Text("What may be feeding the twitching", style="bold underline"))
    for factor in assessment.factors:
        console.print(
            f"• [bold]{factor.name}[/bold] ({factor.strength}) — {factor.why} [dim]({_cite(factor.sources)})[/dim]"
        )
    console.print()


def _plan(console: Console, assessment: Assessment) -> None:
    console.print(Text("Your plan", style="bold underline"))
    for number, step in enumerate(assessment.plan, start=1):
        target = f" [bold]Target:[/bold] {step.shown_target}." if step.shown_target else ""
        console.print(f"{number}. {step.text}{target} [dim]({_cite(step.sources)})[/dim]")
    console.print()


def _sources(console: Console, assessment: Assessment) -> None:
    console.print(Text("Sources", style="bold underline"))
    for source_id, source in assessment.sources.items():
        where = f" — {source.url}" if source.url else ""
        console.print(f"[dim]{source_id} (tier {source.tier}) {source.publisher}: {source.title}{where}[/dim]")
    console.print()


def _cite(sources: list[str]) -> str:
    return ", ".join(sources)
