"""The guided check in the terminal: one question at a time, each answer validated in place.

Works on a terminal and when piped: it reads lines, and if input ends early it shows the
result so far with the questions still open listed as unanswered (never taken as "no").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import IO

from twitchwise.answers import Answers
from twitchwise.cli.render import console_for
from twitchwise.errors import InputError
from twitchwise.interview import NO, UNSURE, YES, Step, apply_reply, left_open, next_step
from twitchwise.kb.models import KnowledgeBase, Question
from twitchwise.triage.engine import facts_for, screen
from twitchwise.triage.wording import addressed
from twitchwise.vocabulary import Disposition

MAX_TRIES = 5
INTRO = (
    "This check asks about warning signs first, then about things in your day that can "
    "feed twitching. Answer y / n, or ? if you are not sure. Press Ctrl-D to stop at any time."
)
DESCRIBE = (
    "Describe it in your own words — where, for how long, anything else you notice "
    "(or press Enter to answer one question at a time):"
)


class _InputEndedError(Exception):
    pass


@dataclass(frozen=True)
class Guided:
    """What a guided check found: the answers, the description's words behind what is still open
    (``Reading.said``, for ``assess``), and who the description was about."""

    answers: Answers
    said: dict[str, str]
    about: str


def run_guided_check(
    kb: KnowledgeBase,
    *,
    today: dt.date,
    stdin: IO[str],
    stdout: IO[str],
    start: Answers | None = None,
    describe: bool = True,
) -> Guided | None:
    """Ask until the advice is settled; return the answers (``start``: what the diary already shows).

    A description comes first, if the person gives one: what it says is not asked again, and
    a question ("why does my calf twitch?") gets its answer.  None: they asked a question
    and did not want a check.
    """
    session = _Session(kb, _Prompter(stdin, stdout), today, start or Answers())
    session.prompts.say(INTRO)
    try:
        if describe and not session.describe():
            return None
        session.run()
    except _InputEndedError:
        session.prompts.say("\n(input ended: showing the result so far)")
    session.prompts.say("")
    said = left_open(session.said, session.described, session.answers, kb)
    return Guided(session.answers, said, session.about)


class _Session:
    """The answers so far; every reply is kept at once, so input ending early loses nothing."""

    def __init__(self, kb: KnowledgeBase, prompts: _Prompter, today: dt.date, start: Answers) -> None:
        self.kb = kb
        self.prompts = prompts
        self.today = today
        self.answers = start
        self.asked: set[str] = set()
        self.about = "self"  # "someone_else" when the description was about them: questions say "they"
        self.said: dict[str, str] = {}  # a description's words behind what it left open (asked first)
        self.described = start  # the answers once the description was read

    def describe(self) -> bool:
        """Read a free description first; False when it was only a question and no check is wanted."""
        from twitchwise.answers import MAX_DESCRIPTION, overlay
        from twitchwise.understand import read
        from twitchwise.understand.output import render_reading

        text = self.prompts.ask(DESCRIBE + "\n> ")[:MAX_DESCRIPTION]
        if not text.strip():
            return True
        reading = read(text, self.kb, today=self.today)
        from twitchwise.triage.engine import assess

        first = assess(reading.answers, self.kb, today=self.today, said=reading.said, about=reading.about)
        render_reading(reading, self.kb, self.prompts.stream, first)
        if reading.only_asks:
            reply = self.prompts.choice("Would you like to check your own twitching now? [y/n] ", YES | NO)
            if reply not in YES:
                return False
        self.answers = overlay(self.answers, reading.answers, today=self.today, symptom_ids=self.kb.symptom_ids)
        self.about = reading.about
        self.said = reading.said
        self.described = self.answers
        return True

    def run(self) -> None:
        while (step := next_step(self.answers, self.kb, self.asked, self.said)) is not None:
            self.asked.update(q.id for q in step.questions)
            if step.is_checklist:
                self.checklist(step)
            else:
                self.ask_one(step.questions[0])

    def checklist(self, step: Step) -> None:
        self.prompts.say("\n" + addressed("Right now, do you have any of these?", self.about))
        for question in step.questions:
            self.prompts.say(f"  • {question.label}")
        reply = self.prompts.choice("Any of these? [y/n/?] ", YES | NO | UNSURE)
        if reply in NO:
            for question in step.questions:
                self.answers = self.answers.with_symptom(question.id, False)
            return
        for question in step.questions:
            self.ask_one(question)
            if screen(facts_for(self.answers, self.kb), self.kb).disposition is Disposition.EMERGENCY:
                return  # call now: nothing more is asked (the rest of a lower list is, to give every reason)

    def ask_one(self, question: Question) -> None:
        if question.kind == "yes_no_unsure":
            reply = self.prompts.choice(f"{addressed(question.text, self.about)} [y/n/?] ", YES | NO | UNSURE)
            present: bool | None = True if reply in YES else False if reply in NO else None
            self.answers = self.answers.with_symptom(question.id, present)
            return
        for _ in range(MAX_TRIES):
            reply = self.prompts.ask(f"{addressed(question.text, self.about)} ")
            if reply.lower() in UNSURE:
                return
            try:
                self.answers = apply_reply(self.answers, question, reply, today=self.today, kb=self.kb)
                return
            except InputError as error:
                self.prompts.say(f"  Sorry — {error.problem}. Please try again (or ? to skip).")


class _Prompter:
    def __init__(self, stdin: IO[str], stdout: IO[str]) -> None:
        self.stdin = stdin
        self.stream = stdout
        self.console = console_for(stdout)

    def say(self, text: str) -> None:
        self.console.print(text, markup=False)

    def ask(self, prompt: str) -> str:
        self.console.print(prompt, end="", markup=False)
        line = self.stdin.readline()
        if not line:
            raise _InputEndedError
        if not self.stdin.isatty():
            self.console.print(line.rstrip("\n"), markup=False)
        return line.strip()

    def choice(self, prompt: str, allowed: set[str]) -> str:
        for _ in range(MAX_TRIES):
            reply = self.ask(prompt).lower()
            if reply in allowed:
                return reply
            self.say("  Please answer y (yes), n (no) or ? (not sure).")
        return "?"
