"""From a parsed description to the structured answers of the check contract.

Reading runs in small named stages over one indexed :class:`~twitchwise.understand.text.Text`:

1. ``people``    — who it is about (the writer or someone they name), their age and sex;
2. ``places``    — where the twitching is (regions and sides);
3. ``symptoms``  — named symptoms, present, absent or not sure, and yes/no facts;
4. ``timing``    — how long it has gone on, relative to today;
5. ``habits``    — caffeine, water, alcohol, nicotine, sleep, stress and medicines;
6. ``symptoms.cue_symptoms`` — red flags told in everyday words (``cues.yaml``), judged by who
   they are about, what the sentence does (reports, worries, asks) and when;
7. ``asking``    — the question the text asks, if any.

Every value read comes with the words it came from, and every assumption (a coffee is 95 mg,
"legs" are the calves, "very stressed" is 8 out of 10) is kept so the person sees it. A red-flag
symptom mentioned with doubt ("maybe a bit weak?") is read as "not sure", which the check asks
about or lists as unanswered — never as "no".
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from twitchwise.answers import Answers, answers_from_builtins
from twitchwise.errors import InputError
from twitchwise.understand import asking, habits, people, places, symptoms, timing
from twitchwise.understand.lexicon import load_lexicon
from twitchwise.understand.text import About, Text

if TYPE_CHECKING:
    from twitchwise.kb.models import KnowledgeBase

MAX_TEXT = 1_000_000
"""Characters read; the rest of a longer text is ignored (and the reading says so)."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_LONG_RUN = re.compile(r"\S{40}(?=\S)")
"""A run of 40 characters without a space: spaCy strips punctuation from a long token one
character at a time, which grows with the square of its length ("((((…" 6,000 times took seconds)."""
_SPACES = re.compile(r"[ \t\r\f\v]+")
_TIGHT_COMMA = re.compile(r"(?<=[^\W\d_]),(?=\w)|(?<=\d),(?=[^\W\d_])")


_SHOUTED = re.compile(r"[^.!?,;\n]{8,}")
"""A stretch between sentence ends, a candidate for being read in lower case when it is typed in capitals."""


def _quietly(match: re.Match[str]) -> str:
    """ "SINCE ABOUT 20 MIN AGO I CAN'T GET MY WORDS OUT": capitals read as lower case (the tokenizer's contractions
    and the phrase lists are in lower case), when at least four in five of the letters are capitals."""
    stretch = match[0]
    letters = [c for c in stretch if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return stretch.lower() if len(letters) >= 8 and capitals >= 0.8 * len(letters) else stretch


@dataclass
class Reading:
    """What a description says, as answers, with how it was read."""

    answers: Answers
    assumptions: list[str] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)
    about: About = "self"
    question: str | None = None
    uncertain: list[str] = field(default_factory=list)
    truncated: bool = False
    said: dict[str, str] = field(default_factory=dict)
    """For each red-flag symptom the words touched but did not settle: the person's own words."""
    told: dict[str, str] = field(default_factory=dict)
    """For each symptom read as present: the person's own words it was read from (what they said, told apart
    from what it was read as)."""

    @property
    def only_asks(self) -> bool:
        """A question that says no more than where ("why is my calf twitching?"): answer it, offer a check."""
        from twitchwise.answers import to_builtins

        return self.question is not None and not set(to_builtins(self.answers)) - {"sites"}


def read(text: str, kb: KnowledgeBase, *, today: dt.date) -> Reading:
    """Read a description; never raises on any text (values it cannot use are left out)."""
    from twitchwise.understand.pipeline import read_doc

    cleaned, truncated = clean(text)
    parsed = Text(read_doc(cleaned, kb), kb, load_lexicon(), today)
    reading = _stages(parsed)
    reading.truncated = truncated
    return reading


def clean(text: str) -> tuple[str, bool]:
    """NFKC, control characters as spaces, at most ``MAX_TEXT`` characters."""
    truncated = len(text) > MAX_TEXT
    text = unicodedata.normalize("NFKC", text[:MAX_TEXT])
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = _CONTROL.sub(" ", text.encode("utf-8", "replace").decode("utf-8"))
    text = _SPACES.sub(" ", _TIGHT_COMMA.sub(", ", text))
    text = _SHOUTED.sub(_quietly, text)
    text = _LONG_RUN.sub(r"\g<0> ", text)  # no word is this long; split it so the tokenizer stays linear
    return text[:MAX_TEXT], truncated


def _stages(text: Text) -> Reading:
    about, person = people.about(text)
    text.about_them = about == "someone_else"
    places.sites(text)
    found = symptoms.symptoms(text)
    timing.duration(text)
    symptoms.flags(text)
    people.age_and_sex(text, about, person)
    people.infant(text, about, found)
    people.young_child(text, about, person)
    habits.caffeine(text)
    habits.water(text)
    habits.alcohol(text)
    habits.nicotine(text)
    habits.sleep(text)
    habits.stress(text)
    habits.medicines(text, found)
    said = symptoms.cue_symptoms(text, found, about) | text.unsized
    symptoms.functions_fine(text, found)
    sites = text.data.get("sites")
    if isinstance(sites, list) and any(s["region"] == "tongue" for s in sites) and not found.get("tongue_twitching"):
        found["tongue_twitching"] = True  # the tongue is a twitching place (not "no tongue twitching": no place)
    if found.get("eyes_forced_shut") and not (isinstance(sites, list) and any(s["region"] == "eyelid" for s in sites)):
        # "both eyes keep clamping shut on their own": both eyelids spasm (the knowledge base's "both eyes closing")
        text.data["sites"] = [*(sites if isinstance(sites, list) else []), {"region": "eyelid", "side": "both"}]
    if found:
        text.data["symptoms"] = found
    contexts = list(dict.fromkeys(e.ent_id_ for e in text.by_label("CONTEXT") if not e._.negated))
    return Reading(
        answers=_validated(text),
        assumptions=text.assumptions,
        contexts=contexts,
        about=about,
        question=asking.question(text),
        uncertain=[s for s, v in found.items() if v is None],
        said=said,
        told=_widest({s: w for s, w in text.told.items() if found.get(s) is True}),
    )


def _widest(told: dict[str, str]) -> dict[str, str]:
    """Words inside other words told ("face dropped" in "one side of my face dropped"): the wider, so the same
    words are quoted once, with all they were read as."""
    return {s: max((o for o in told.values() if w in o), key=len) for s, w in told.items()}


def _validated(text: Text) -> Answers:
    """The answers, dropping any value the contract's limits refuse (and saying so)."""
    data = dict(text.data)
    for _ in range(len(data) + 1):
        try:
            return answers_from_builtins(data, today=text.today, symptom_ids=text.kb.symptom_ids)
        except InputError as error:
            name = error.field.split(".")[0].split("[")[0]
            if name not in data:
                break
            data.pop(name)
            text.assume(f"{name.replace('_', ' ')}: the value read is outside what a check accepts, so it is left out")
    return Answers()
