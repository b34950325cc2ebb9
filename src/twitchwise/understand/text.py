"""One parsed description, indexed once, and what the reading stages share.

The stages (``people``, ``places``, ``timing``, ``symptoms``, ``habits``, ``asking``) each read one kind of
fact from a :class:`Text` and write it into ``Text.data`` in the check contract's shape, with every
assumption they make kept in ``Text.assumptions`` so the person sees it.  ``Text`` holds the indexes that
keep every look-up a bisection or a short window, so reading stays linear in the length of the text.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from twitchwise.kb.models import KnowledgeBase
    from twitchwise.understand.cues import Frame
    from twitchwise.understand.lexicon import Lexicon

About = Literal["self", "someone_else"]

FILLERS = frozenset(
    {"of", "about", "around", "roughly", "approx", "approximately", "like", "~", "maybe", "prob", "probably",
     "at", "least", "over", "than", "more", "up", "to", "nearly", "almost", "only", "just", "drink", "have",
     "x", "or", "so", "ish", "usually", "normally", "typically"}
)  # fmt: skip
"""Words skipped between a number and what it counts ("about 5", "at least 3", "5 or so")."""
RANGE = frozenset({"-", "–", "to", "or", "/"})
PER_WEEK = frozenset({"week", "weekly", "wk"})


VAGUE_TWITCH = frozenset({"it", "this", "started", "began", "happening", "going on", "been going on"})


def names_twitching(token: Token) -> bool:
    """Whether the token is a word of twitching itself ("twitching", "jumps"), not one that can stand for it ("it")."""
    return token.ent_type_ == "TWITCH" and token.lower_ not in VAGUE_TWITCH


def a_named_twitch(ent: Span) -> bool:
    """The same for a phrase: twitching named in so many words ("twitch", "flutters"), not only pointed at ("it",
    "been going on")."""
    return ent.label_ == "TWITCH" and ent.text.lower() not in VAGUE_TWITCH


class Text:
    """A parsed description with its indexes, the values read so far and the assumptions made."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, lexicon: Lexicon, today: dt.date) -> None:
        self.doc = doc
        self.kb = kb
        self.lexicon = lexicon
        self.today = today
        self.ents = [ent for ent in doc.ents if ent.label_ != "IGNORE"]
        # Indexes built once, so every later look-up is a bisection or a short window: the
        # reader stays linear in the length of the text, however long its sentences are.
        self.sentence_of: list[int] = []
        self.sentence_starts: list[int] = []
        for token in doc:
            if token.i == 0 or token.is_sent_start:
                self.sentence_starts.append(token.i)
            self.sentence_of.append(len(self.sentence_starts) - 1)
        self.sentence_ends = [*self.sentence_starts[1:], len(doc)]
        self.starts = [ent.start for ent in self.ents]
        self.ends = [ent.end for ent in self.ents]
        self.person_starts = [e.start for e in self.ents if e.label_ == "PERSON"]
        self.site_starts = [e.start for e in self.ents if e.label_ == "SITE"]
        self.assumptions: list[str] = []
        # the words are about someone else ("my brother had a seizure; he's 30"): what is told of them is read
        self.about_them = False
        self.young_ages: list[tuple[int, int]] | None = None  # where a baby's age is told ("my boy is 2 months")
        self.data: dict[str, object] = {}
        self.unsized: dict[str, str] = {}  # an amount named without a size ("a whole pot of coffee"): its words
        self.told: dict[str, str] = {}  # each symptom read as present: the person's words it was read from
        self._frames: dict[int, Frame] = {}  # each sentence read once for ``framed``
        self.episodes: dict[tuple[int, int], bool] = {}  # each sentence judged once by ``timing.earlier_episode``
        self.twitch_words = sum(ent.label_ == "TWITCH" for ent in self.ents)
        # twitching named in so many words ("twitch", "flutters"), not only pointed at ("it", "this", "began")
        self.named_twitching = sum(a_named_twitch(ent) for ent in self.ents)
        self.raw = doc.text  # built once: spaCy joins the tokens again on each ``doc.text``

    def labels_in(self, start: int, end: int) -> set[str]:
        """The phrase labels on the tokens in [start, end) (a window: constant work)."""
        doc = self.doc
        return {doc[i].ent_type_ for i in range(max(0, start), min(end, len(doc)))} - {"", "IGNORE"}

    def ents_in(self, start: int, end: int) -> list[Span]:
        """The phrases starting in [start, end), by bisection."""
        return self.ents[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def sentence(self, index: int) -> tuple[int, int]:
        number = self.sentence_of[index]
        return self.sentence_starts[number], self.sentence_ends[number]

    def by_label(self, *labels: str, others: bool = False) -> list[Span]:
        others = others or self.about_them
        return [e for e in self.ents if e.label_ in labels and (others or not e._.other_person)]

    def assume(self, text: str) -> None:
        if text not in self.assumptions:
            self.assumptions.append(text)

    def state(self, ent: Span) -> bool | None:
        """Present, absent, or not sure; "Weakness? No." answers its own question."""
        doc = self.doc
        after = [t.norm_ for t in doc[ent.end : ent.end + 3]]
        if after[:1] and after[0] in _LABEL_ENDS and len(after) > 1 and (after[0] == "?" or self._labels(ent)):
            if after[1] in {"no", "nope", "none", "never", "nil", "negative"} and (
                after[2:] == [] or not after[2].strip() or after[2] in _NO_ENDS
            ):
                return False  # "Weakness? No.", "Numbness - no" (not "Swallowing? No idea", "Weakness - no warning")
            if after[1] in {"yes", "yep", "yeah"}:
                return True  # "Weakness - yes (left hand)"
            graded = after[1] in _GRADED_YES or after[1:3] in (["a", "little"], ["a", "bit"], ["on", "and"])
            if graded and self._labels(ent):
                return True  # "Weakness? A little, in my left hand" (not "Could it be numbness? Some people get it")
        if ent._.uncertain and not (self._may_presuppose(ent) and self._frame(ent).presupposed(ent.start)):
            return None  # not "Is it weird that I keep tripping?": the question takes the tripping as given
        if ent._.negated:
            return False
        return None if self.framed(ent) else True

    def _may_presuppose(self, ent: Span) -> bool:
        """A cheap look at the raw words before the phrase for what a question that takes it as given needs."""
        from twitchwise.understand.cues import PRESUPPOSING_WORDS

        start = self.doc[self.sentence(ent.start)[0]].idx
        return PRESUPPOSING_WORDS.search(self.raw, start, ent.start_char) is not None

    def _labels(self, ent: Span) -> bool:
        """Whether the phrase opens its sentence or line as a label ("Weakness? …", "Numbness - …", "Speech: …")."""
        doc = self.doc
        start = ent.start
        if start > 0 and doc[start - 1].text in BULLETS:
            start -= 1  # "- Weakness: no"
        elif start > 1 and doc[start - 1].text in {".", ")"} and doc[start - 2].like_num:
            start -= 2  # "2) Numbness - no"
        return start == 0 or bool(doc[start].is_sent_start) or doc[start - 1].is_space

    def generic_or_denied(self, ent: Span) -> bool:
        """Advice read somewhere ("if your face droops, call 999") or said and denied at once ("… but mine
        doesn't"): about no one, so neither present nor a question."""
        from twitchwise.understand.cues import ADVICE_IF, denied_after, generic

        start, end = self.sentence(ent.start)
        before = " ".join(t.norm_ for t in self.doc[max(start, ent.start - 8) : ent.start])
        after = " ".join(t.norm_ for t in self.doc[ent.end : min(end, ent.end + 16)])
        # "GP said to come back if it lasts more than 2 weeks or I get weakness": a condition of the advice
        advised = ADVICE_IF.search(" ".join(t.norm_ for t in self.doc[max(start, ent.start - 20) : ent.start]))
        return generic(before) or advised is not None or denied_after(" " + after)

    def framed(self, ent: Span) -> bool:
        """A worry, a question or something long past ("could this be atrophy?"), not a report."""
        return self._frame(ent).framed(ent.start)

    def _frame(self, ent: Span) -> Frame:
        from twitchwise.understand.cues import frame_of

        number = self.sentence_of[ent.start]
        if number not in self._frames:
            start, end = self.sentence(ent.start)
            self._frames[number] = frame_of(self.doc[start:end])
        return self._frames[number]

    def amount_before(self, index: int, *, articles: bool = False, reach: int = 4) -> float | None:
        """The number just before ``index`` ("5", "five", "a couple of"), skipping filler words."""
        doc = self.doc
        numbers = self.lexicon.numbers
        for i in range(index - 1, max(-1, index - 1 - reach), -1):
            token = doc[i]
            value = number_of(token, numbers, articles=articles)
            if value is not None:
                if token.norm_ == "dozen" and [norm_at(doc, i - 2), norm_at(doc, i - 1)] == ["half", "a"]:
                    return 6.0  # "half a dozen coffees"
                return value + _tens_before(doc, i, numbers) if 1 <= value <= 9 else value
            norm = token.norm_
            if token.text == "+":
                continue  # "10+ coffees": at least ten
            if norm not in FILLERS and norm not in RANGE and not (articles and norm in {"the", "past"}):
                return None
        return None

    def range_before(self, index: int) -> tuple[float, float] | None:
        doc = self.doc
        numbers = self.lexicon.numbers
        top = self.amount_before(index, articles=True)
        if top is None:
            return None
        for i in range(index - 1, max(-1, index - 6), -1):
            if doc[i].norm_ in RANGE and i >= 1 and all(t.norm_ in FILLERS for t in doc[i + 2 : index]):
                # the range ends at the amount ("3-4 shots"), not somewhere before it ("5-6 hrs, 2 coffees")
                low = number_of(doc[i - 1], numbers, articles=False)
                high = number_of(doc[i + 1], numbers, articles=False) if i + 1 < len(doc) else None
                if low is not None and high is not None:
                    return (min(low, high), max(low, high))
        return (top, top)

    def per_week(self, end: int) -> bool:
        """Whether an amount ending at ``end`` is given per week ("14 coffees a week")."""
        for token in self.doc[end : end + 5]:
            if token.norm_ in {"day", "daily", "night"}:
                return False
            if token.norm_ in PER_WEEK:
                return True
        return False


def _tens_before(doc: Doc, index: int, numbers: dict[str, float]) -> float:
    """ "twenty one", "twenty-one": the tens said before a unit in words."""
    if not doc[index].is_alpha:
        return 0
    before = index - 1 - (norm_at(doc, index - 1) in {"-", "–"})
    tens = numbers.get(norm_at(doc, before), 0) if before >= 0 else 0
    return tens if tens in {20, 30, 40, 50, 60, 70, 80, 90} else 0


_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")


def commas(digits: str) -> str:
    """ "1,300" is 1300 (a comma before three digits groups thousands); "1,5" is 1.5 (a decimal comma)."""
    return digits.replace(",", "") if _THOUSANDS.fullmatch(digits) else digits.replace(",", ".")


def number_of(token: Token, numbers: dict[str, float], *, articles: bool) -> float | None:
    norm = token.norm_
    if norm in {"a", "an"}:
        return 1.0 if articles else None
    if norm in numbers:
        return numbers[norm]
    text = commas(token.text)
    if len(text) <= 12 and re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", text):
        return float(text)
    if ordinal := re.fullmatch(r"([0-9]{1,2})(?:st|nd|rd|th)", norm):
        return float(ordinal[1])  # "on my 6th espresso": six so far
    if rough := re.fullmatch(r"x?([0-9]{1,3})(?:ish|x)?", norm):
        return float(rough[1])  # "10ish days", a note's "x10 days", "6x coffee"
    return None


BULLETS = frozenset({"-", "*", "•", "–", "·", ">"})  # a line that opens with one is a list item
# a label and its answer: "Weakness? No.", "Numbness - no", "Speech: a bit slurred" (a spaced dash reads ";")
_LABEL_ENDS = frozenset({"?", ":", ";", "-", "–", "—", "="})
# what may follow a label's "no" when it is the whole answer ("Weakness: no.", "Numbness - no, none at all")
_NO_ENDS = frozenset({".", ",", ";", ":", "!", "?", ")", "-", "–", "—", "and", "but", "though", "thankfully",
                      "whatsoever", "at", "none", "never", "not", "nope"})  # fmt: skip
_GRADED_YES = frozenset({"sometimes", "occasionally", "slightly", "slight", "mild", "mildly",
                         "some", "often", "definitely", "somewhat"})  # fmt: skip


def distance(a: Span, b: Span) -> int:
    return b.start - a.end if b.start >= a.end else a.start - b.end


def whole_number(text: str) -> int | None:
    """A short whole number in ASCII digits ("³" and a thousand zeros are not ages or days)."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 4 else None


def norm_at(doc: Doc, index: int) -> str:
    return doc[index].norm_ if 0 <= index < len(doc) else ""


def previous_norm(ent: Span, back: int = 1, *, skip_sides: bool = False) -> str:
    doc = ent.doc
    index = ent.start - back
    while skip_sides and index >= 0 and doc[index].norm_ in {"left", "right", "both", "upper", "lower", "own"}:
        index -= 1
    return doc[index].norm_ if index >= 0 else ""


_A_SPAN_GOES_ON = frozenset({"on", "ago", "later", "after", "before", "since", "into", "in", "back", "now", "with"})


def followed_by_unit(doc: Doc, index: int) -> bool:
    norm = norm_at(doc, index)
    if norm in {"years", "year", "yrs", "yr"} and norm_at(doc, index + 1) in _A_SPAN_GOES_ON:
        return True  # "after 4 years on Lipitor", "2 years ago", "5 years into it": a time, not an age
    return norm in {
        "mg", "kg", "lbs", "lb", "%", "times", "days", "day", "weeks", "week", "months", "month", "hours", "hour",
        "minutes", "seconds", "coffees", "cups", "units", "liters", "liter", "ml", "glasses", "cigarettes", "am",
        "pm", "x", "/", "mins", "secs", "twitches", "hrs", "h", "pounds", "stone", "cans", "of", "nights", "mmol",
        "beers", "pints", "per", "a", "or", "-", "to", ":", "k", "ish", "th", "st", "nd", "rd",
    }  # fmt: skip


def years_old(doc: Doc, index: int) -> bool:
    """Whether the number at ``index`` is an age: "58 year old", "63-year-old"."""
    return [norm_at(doc, index + 1), norm_at(doc, index + 2)] in (["year", "old"], ["-", "year"])
