"""From a parsed description to the structured answers of the check contract.

Every value read comes with the words it came from, and every assumption (a coffee is
95 mg, "legs" are the calves, "very stressed" is 8 out of 10) is kept so the person sees it.
A red-flag symptom mentioned with doubt ("maybe a bit weak?") is read as "not sure", which
the check asks about or lists as unanswered — never as "no".
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from twitchwise.answers import Answers, answers_from_builtins
from twitchwise.errors import InputError
from twitchwise.understand.lexicon import Lexicon, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from twitchwise.kb.models import KnowledgeBase
    from twitchwise.understand.cues import Frame

About = Literal["self", "someone_else"]

MAX_TEXT = 1_000_000
"""Characters read; the rest of a longer text is ignored (and the reading says so)."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_DECADES = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8}
_LONG_RUN = re.compile(r"\S{40}(?=\S)")
"""A run of 40 characters without a space: spaCy strips punctuation from a long token one
character at a time, which grows with the square of its length ("((((…" 6,000 times took seconds)."""
_SPACES = re.compile(r"[ \t\r\f\v]+")
_TIGHT_COMMA = re.compile(r"(?<=[^\W\d_]),(?=\w)|(?<=\d),(?=[^\W\d_])")
_NUMBER_UNIT = re.compile(r"^(\d+(?:[.,]\d+)?)([a-z/]+)$")
_FILLERS = frozenset(
    {"of", "about", "around", "roughly", "approx", "approximately", "like", "~", "maybe", "prob", "probably",
     "at", "least", "over", "than", "more", "up", "to", "nearly", "almost", "only", "just", "drink", "have",
     "x", "or", "so", "ish", "usually", "normally", "typically"}
)  # fmt: skip
_RANGE = frozenset({"-", "–", "to", "or", "/"})
_PER_WEEK = frozenset({"week", "weekly", "wk"})
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
_MONTH_ABBREVIATIONS = {m[:3]: i for i, m in enumerate(_MONTHS, 1)} | {"sept": 9}
_EVENT_SYMPTOMS = frozenset({"recent_fluid_loss", "new_medication", "fever", "weight_loss", "insecticide_exposure"})
_DURATION_LEAD = frozenset(
    {"for", "about", "around", "over", "under", "than", "almost", "nearly", "just", "only", "maybe", "roughly",
     "within", "since", "been", "past", "last", "like", "least", "after", "in", "ago", "already", ",", "(", "half",
     "of", "started", "began"}
)  # fmt: skip
_SINCE = frozenset({"since", "started", "start", "began", "begun", "from", "starting", "beginning", "ago"})
_TOPICAL = frozenset(
    {"MEDICINE", "NICOTINE", "NICOTINE_QUIT", "CAFFEINE", "CAFFEINE_NONE", "ALCOHOL", "ALCOHOL_NONE", "EXERCISE",
     "ILLNESS", "PREGNANT", "SLEEP", "STRESS", "PERSON"}
)  # fmt: skip
_ABOUT_TWITCH = frozenset({"TWITCH", "SITE", "SYMPTOM", "CONTEXT"})
_SENSORY = frozenset({"numbness", "tingling", "pain", "lip_or_fingertip_tingling", "weakness"})
_PERSON_GAP = frozenset(
    {
        "year",
        "years",
        "yr",
        "old",
        "-",
        "little",
        "big",
        "older",
        "younger",
        "elderly",
        "teenage",
        "baby",
        "eldest",
        "youngest",
    }
)
_MOVED_TO = frozenset({"now", "spread", "spreading", "spreads", "moved", "moving", "moves", "jumped", "also", "too"})
# "They occur all over my body", "the places vary, mainly my shoulders"
_TWITCH_PRONOUNS = frozenset({"it", "they", "these", "them", "those", "areas", "places", "spots"})
_IF = frozenset({"if", "unless", "should", "in case", "might", "may", "could", "would"})
_VAGUE = frozenset({"it", "this", "started", "began", "happening", "going on", "been going on"})
_SIDE_GAP = frozenset(
    {"my", "the", "his", "her", "of", "and", "&", "upper", "lower", "inner", "outer", "front", "back", "side", "in",
     "on", "a", "whole", "entire", "both", "-", "pinky", "index", "little", "ring", "middle", "big", "small", "top",
     "bottom", "muscle", "muscles", "part", "area", "outside", "inside", "your"}
)  # fmt: skip
_HOUR_WORDS = frozenset({"hours", "hour", "h", "hrs", "hr"})
_LITRE_WORDS = {"liter": 1.0, "liters": 1.0, "l": 1.0, "ml": 0.001, "milliliters": 0.001, "millilitres": 0.001}
_QUESTION_OPENERS = frozenset(
    {("why",), ("what", "causes"), ("what", "cause"), ("what", "is"), ("what", "are"), ("what", "does"),
     ("when", "should"), ("when", "to"), ("when", "do"), ("how", "do"), ("how", "can"), ("how", "to"),
     ("how", "long"), ("how", "worried"), ("should", "i"), ("is", "it"), ("is", "this"), ("is", "that"),
     ("are", "these"), ("are", "twitches"), ("can", "stress"), ("can", "caffeine"), ("could", "it"),
     ("could", "this"), ("do", "i"), ("does", "this"), ("does", "twitching")}
)  # fmt: skip


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

    @property
    def only_asks(self) -> bool:
        """A question that says no more than where ("why is my calf twitching?"): answer it, offer a check."""
        from twitchwise.answers import to_builtins

        return self.question is not None and not set(to_builtins(self.answers)) - {"sites"}


def read(text: str, kb: KnowledgeBase, *, today: dt.date) -> Reading:
    """Read a description; never raises on any text (values it cannot use are left out)."""
    from twitchwise.understand.pipeline import read_doc

    cleaned, truncated = clean(text)
    doc = read_doc(cleaned, kb)
    reader = _Reader(doc, kb, load_lexicon(), today)
    reading = reader.reading()
    reading.truncated = truncated
    return reading


def clean(text: str) -> tuple[str, bool]:
    """NFKC, control characters as spaces, at most ``MAX_TEXT`` characters."""
    truncated = len(text) > MAX_TEXT
    text = unicodedata.normalize("NFKC", text[:MAX_TEXT])
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = _CONTROL.sub(" ", text.encode("utf-8", "replace").decode("utf-8"))
    text = _SPACES.sub(" ", _TIGHT_COMMA.sub(", ", text))
    text = _LONG_RUN.sub(r"\g<0> ", text)  # no word is this long; split it so the tokenizer stays linear
    return text[:MAX_TEXT], truncated


class _Reader:
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
        self.assumptions: list[str] = []
        self.data: dict[str, object] = {}
        self._frames: dict[int, Frame] = {}  # each sentence read once for ``_framed``
        self.twitch_words = sum(ent.label_ == "TWITCH" for ent in self.ents)

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
        return [e for e in self.ents if e.label_ in labels and (others or not e._.other_person)]

    def assume(self, text: str) -> None:
        if text not in self.assumptions:
            self.assumptions.append(text)

    # --- the whole reading -------------------------------------------------------------

    def reading(self) -> Reading:
        about, person = self.about()
        self.sites()
        symptoms, uncertain = self.symptoms()
        self.duration()
        self.flags()
        self.age_and_sex(about, person)
        self.caffeine()
        self.water()
        self.alcohol()
        self.nicotine()
        self.sleep()
        self.stress()
        self.medicines(symptoms)
        said = self.cues(symptoms, about)
        if self.data.get("sites") and any(s["region"] == "tongue" for s in self.data["sites"]):  # type: ignore[attr-defined]
            symptoms.setdefault("tongue_twitching", True)
        if symptoms:
            self.data["symptoms"] = symptoms
        uncertain = [s for s, v in symptoms.items() if v is None]
        answers = self.validated()
        contexts = list(dict.fromkeys(e.ent_id_ for e in self.by_label("CONTEXT") if not e._.negated))
        return Reading(
            answers=answers,
            assumptions=self.assumptions,
            contexts=contexts,
            about=about,
            question=self.question(),
            uncertain=uncertain,
            said=said,
        )

    def cues(self, symptoms: dict[str, bool | None], about: About) -> dict[str, str]:
        """Red flags told in everyday words (``cues.yaml``): a present one wins; a possible one is "not sure"."""
        from twitchwise.understand.cues import load_cues

        duration = self.data.get("duration_days")
        recent = isinstance(duration, int) and duration <= 1  # "These symptoms have lasted 15 hours"
        found = load_cues().find(self.doc, about_self=about == "self", recent=recent)
        known = self.kb.symptom_ids
        exertion = found.present.get("breathless_on_exertion")
        if exertion and symptoms.get("breathing_difficulty") and "breathing_difficulty" not in found.present:
            # "breathless on the stairs" is not "struggling to breathe now" (clinical.md §11d): ask, don't assume
            symptoms["breathing_difficulty"] = None
            found.possible.setdefault("breathing_difficulty", exertion)
        for symptom in found.present:
            if symptom in known:
                symptoms[symptom] = True
        said: dict[str, str] = {}
        for symptom, words in found.possible.items():
            if symptom in known and symptoms.setdefault(symptom, None) is None:
                said[symptom] = words
        return said

    def validated(self) -> Answers:
        """The answers, dropping any value the contract's limits refuse (and saying so)."""
        data = dict(self.data)
        for _ in range(len(data) + 1):
            try:
                return answers_from_builtins(data, today=self.today, symptom_ids=self.kb.symptom_ids)
            except InputError as error:
                name = error.field.split(".")[0].split("[")[0]
                if name not in data:
                    break
                data.pop(name)
                self.assume(
                    f"{name.replace('_', ' ')}: the value read is outside what a check accepts, so it is left out"
                )
        return Answers()

    # --- who ---------------------------------------------------------------------------

    def about(self) -> tuple[About, Span | None]:
        people = [e for e in self.by_label("PERSON", others=True) if e.start == 0 or self._owned(e)]
        if not people:
            return "self", None
        person = people[0]
        norms = [t.norm_ for t in self.doc]
        third = sum(n in {"he", "him", "his", "she", "her", "he's", "she's"} for n in norms)
        mine = sum(1 for e in self.by_label("SITE", others=True) if _previous_norm(e, skip_sides=True) == "my")
        first = sum(n in {"i", "i'm", "me"} for n in norms)
        owner = person.end < len(self.doc) and self.doc[person.end].norm_ in {"'s", "’s"}
        if third > mine or (owner and mine == 0) or (mine == 0 and first == 0):
            return "someone_else", person
        return "self", None

    def _owned(self, person: Span) -> bool:
        """ "my dad", "our son", "my 17 year old son", "my little sister"; also "Husband is 41" opening a text."""
        for back in range(1, 6):
            word = _previous_norm(person, back)
            if word in {"my", "our"}:
                return True
            if not (word.isdigit() or word in _PERSON_GAP):
                return False
        return False

    def age_and_sex(self, about: About, person: Span | None) -> None:
        doc = self.doc
        sex: str | None = None
        age: int | None = None
        if about == "someone_else" and person is not None:
            if person.ent_id_ in {"male", "female"}:
                sex = person.ent_id_
            age = self._age_near(person) or self._pronoun_age()
            if sex is None:
                norms = {t.norm_ for t in doc}
                if norms & {"he", "him", "his"} and not norms & {"she", "her"}:
                    sex = "male"
                elif norms & {"she", "her"} and not norms & {"he", "him", "his"}:
                    sex = "female"
        else:
            age, sex = self._own_age_and_sex()
        if self.by_label("PREGNANT") and self.data.get("pregnant"):
            sex = sex or "female"
        if sex is not None:
            self.data["sex"] = sex
        if age is not None and 0 < age <= 120:
            self.data["age"] = age

    def _own_age_and_sex(self) -> tuple[int | None, str | None]:
        doc = self.doc
        age: int | None = None
        sex: str | None = None
        for token in doc:
            if age is not None and sex is not None:
                break
            text = token.lower_
            if match := re.fullmatch(r"(\d{1,3})\s*(m|f|male|female|yo|y/o|yr|yrs|y)", text):
                value = int(match[1])
                if 0 < value <= 120 and not _followed_by_unit(doc, token.i + 1):
                    age = age or value
                    sex = sex or {"m": "male", "f": "female", "male": "male", "female": "female"}.get(match[2])
                continue
            if match := re.fullmatch(r"(m|f)(\d{1,3})", text):
                age, sex = age or int(match[2]), sex or ("male" if match[1] == "m" else "female")
                continue
            whole = _whole(token.text)
            if whole is None:
                continue
            value = whole
            if not 0 < value <= 120 or (_followed_by_unit(doc, token.i + 1) and not _years_old(doc, token.i)):
                continue
            before = [t.norm_ for t in doc[max(0, token.i - 3) : token.i]]
            after = [t.norm_ for t in doc[token.i + 1 : token.i + 4]]
            aged = (
                after[:1] in (["year-old"], ["yo"], ["y/o"])
                or _years_old(doc, token.i)
                or after[:2] in (["years", "old"], ["yr", "old"], ["yrs", "old"], ["year", "-"])
                or (before[-1:] in (["aged"], ["age"], ["age:"]))
                or before[-2:] in (["age", ":"], ["age", "is"], ["i", "am"], ["i", "'m"], ["i", "m"], ["me", ","])
                or (before[-1:] == ["("] and after[:1] == [")"])
            )
            lone_sex = _sex_letter(before[-2:]) or _sex_letter(after[:2])
            if aged and after[:3] != ["year", "old", "son"] and not self._names_person(token.i):
                age = age or value
                sex = sex or lone_sex
            elif lone_sex and (token.i <= 4 or (before[-1:] == [","] and value >= 13)):
                age, sex = age or value, sex or lone_sex  # "M 58", "Hi, I'm Sam, 30 M"
        for ent in self.by_label("SEX"):
            following: list[Token] = list(doc[ent.end : ent.end + 2])
            listed = len(following) == 2 and following[0].norm_ == "," and following[1].text.isdigit()  # "female, 30"
            listed_age = _whole(following[1].text) if listed else None
            dash = _norm(doc, ent.end + 2) in {"-", "–"} and _norm(doc, ent.end + 3) not in {"year", "years"}
            unit = _followed_by_unit(doc, ent.end + 2) and not dash  # "Female, 45 - twitching in ..."
            if age is None and listed_age and listed_age <= 120 and not unit:
                age = listed_age
            preceding = (_previous_norm(ent), _previous_norm(ent, 2))
            said_of_me = preceding[0] in {"a", "an"} and bool(
                {t.norm_ for t in doc[max(self.sentence(ent.start)[0], ent.start - 5) : ent.start]} & {"i'm", "am"}
            )  # "I'm 44, a man"
            if (
                preceding[0] not in {"my", "the", "this", "that", "other", "a", "an"}
                or preceding[1] in {"i'm", "am"}
                or said_of_me
            ):
                sex = sex or ent.ent_id_
        if age is None:
            age = self._decade()
        return age, sex

    def _decade(self) -> int | None:
        doc = self.doc
        for token in doc:
            match = re.fullmatch(r"(\d)0'?s", token.lower_)
            decade = int(match[1]) if match else _DECADES.get(token.lower_)
            if decade is None and (_whole(token.text) or 0) in {20, 30, 40, 50, 60, 70, 80}:
                nxt = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
                decade = int(token.text[0]) if nxt in {"s", "'s"} else None
            if decade is None:
                continue
            before = [t.lower_ for t in doc[max(0, token.i - 3) : token.i]]
            if "my" not in before and "his" not in before and "her" not in before:
                continue
            offset = {"early": 2, "mid": 5, "late": 8}.get(before[-1] if before else "", 5)
            age = decade * 10 + offset
            self.assume(f"'{doc[token.i - (1 if offset != 5 else 0)].text} {token.text}' read as age {age}")
            return age
        return None

    def _age_near(self, person: Span) -> int | None:
        doc = self.doc
        lo, hi = max(0, person.start - 4), min(len(doc), person.end + 6)
        for token in doc[lo:hi]:
            near_age = _whole(token.text)
            if near_age and near_age <= 120 and (_years_old(doc, token.i) or not _followed_by_unit(doc, token.i + 1)):
                return near_age  # "my dad (67)", "my mum is 72", "my 75 year old dad"
        return None

    def _pronoun_age(self) -> int | None:
        """ "he is 52", "she's 66", "He's 35 and runs marathons"."""
        doc = self.doc
        for token in doc:
            if token.norm_ in {"he", "she"}:
                rest = list(doc[token.i + 1 : token.i + 3])
                if rest and rest[0].norm_ in {"is", "'s", "am"} and len(rest) > 1 and rest[1].text.isdigit():
                    value = _whole(rest[1].text) or 0
                    if 0 < value <= 120 and not _followed_by_unit(doc, rest[1].i + 1):
                        return value
        return None

    def _names_person(self, index: int) -> bool:
        """Whether an age at ``index`` belongs to someone named just after it ("my 5 year old son")."""
        after = bisect_right(self.person_starts, index)
        return after < len(self.person_starts) and self.person_starts[after] - index <= 4

    # --- where, how long ---------------------------------------------------------------

    def sites(self) -> None:
        lexicon = self.lexicon
        plural = set(lexicon.plural_sites)
        found: list[tuple[str, str | None, bool]] = []  # region, side, side was named
        previous: tuple[Span, str | None, bool] | None = None
        for ent in self.by_label("SITE"):
            if self._site_negated(ent) or not self._twitches_there(ent, previous):
                continue
            region = ent.ent_id_
            phrase = " ".join(t.norm_ for t in ent)
            side, named = self._side(ent)
            if previous is not None and previous[2] and self._joined(previous[0], ent):
                if found and found[-1][0] == region and side is None:
                    continue  # "right foot and toes": the same place
                if side is None and phrase not in plural and _previous_norm(ent) not in {"my", "his", "her", "the"}:
                    side, named = previous[1], True
            if side is None and phrase in plural:
                side = "both"
            if phrase in lexicon.site_assumptions:
                self.assume(lexicon.site_assumptions[phrase])
            if region == "widespread":
                side, named = None, False
            found.append((region, side, named))
            previous = (ent, side, named)
        symptoms = self.by_label("SYMPTOM")
        if any(e.ent_id_ == "tongue_twitching" and self._state(e) for e in symptoms):
            found.append(("tongue", None, False))
        found += self._listed_backs()
        if found and any(t.norm_ == "both" and _norm(self.doc, t.i + 1) in {"sides", "side"} for t in self.doc):
            found = [(region, "both" if side is None and region not in {"widespread"} else side, named)
                     for region, side, named in found]  # fmt: skip
        if found:
            self.data["sites"] = _merge_sites(found)

    def _listed_backs(self) -> list[tuple[str, str | None, bool]]:
        """A bare "back" in a list of places ("calves, arms, back")."""
        doc = self.doc
        sites = {e.end: e for e in self.by_label("SITE")}
        found: list[tuple[str, str | None, bool]] = []
        for token in doc:
            listed = token.i - 1 in sites and _norm(doc, token.i - 1) in {",", "and"}
            if token.norm_ == "back" and token.ent_type_ == "" and listed:
                found.append(("back", None, False))
        return found

    def _twitches_there(self, ent: Span, previous: tuple[Span, str | None, bool] | None) -> bool:
        """Whether a place named is where the twitching is ("her hand feels numb" is not)."""
        doc = self.doc
        after = [t.norm_ for t in doc[ent.end : ent.end + 3]]
        if after[:1] in (["feels"], ["feel"], ["felt"], ["looks"], ["look"], ["is"], ["are"]):
            described = [doc[i] for i in range(ent.end, min(ent.end + 4, len(doc)))]
            if any(t.ent_type_ == "SYMPTOM" and t.ent_id_ in _SENSORY for t in described) or "tight" in after:
                return False
        if previous is not None and self._joined(previous[0], ent):
            return True
        lead = {t.norm_ for t in doc[max(0, ent.start - 4) : ent.start]}
        if lead & _MOVED_TO and lead & {"in", "into", "to"}:
            # "now in both thighs", "spread to my arms", "moved into my calf" -- not "unless it spreads to my face"
            return not lead & _IF and not self._framed(ent)
        start, end = self.sentence(ent.start)
        near = self.ents_in(max(start, ent.start - 12), min(end, ent.end + 12))
        near_twitch = min((_distance(ent, e) for e in near if e.label_ == "TWITCH"), default=None)
        near_symptom = min(
            (_distance(ent, e) for e in near
             if e.label_ == "SYMPTOM" and e.ent_id_ in _SENSORY and self._state(e)),
            default=None,
        )  # fmt: skip
        if near_symptom is not None and near_symptom <= 5 and (near_twitch is None or near_symptom < near_twitch):
            return False
        opening = {t.norm_ for t in doc[start : min(end, start + 6)]}
        if near_twitch is not None:
            # "It only lasts two seconds and the places vary, mainly my shoulders": the sentence is the twitching's
            return near_twitch <= 10 or (bool(opening & _TWITCH_PRONOUNS) and near_symptom is None)
        if near_symptom is not None:
            return False
        in_sentence = self.ents_in(start, end)
        if opening & _TWITCH_PRONOUNS and not any(
            e.label_ == "SYMPTOM" and e.ent_id_ in _SENSORY and self._state(e) for e in in_sentence[:50]
        ):
            return True  # "It only lasts two seconds and the places vary, mainly my shoulders, buttocks and thighs"
        if any(e.label_ == "TWITCH" for e in in_sentence[:50]) or any(
            e.label_ == "SYMPTOM" and e.ent_id_ in _SENSORY and self._state(e) for e in in_sentence[:50]
        ):
            return False
        # A sentence that names a place but no twitching: the place is the twitching's in a terse text ("left
        # calf, 3 days") or when the sentence carries the twitching on ("the right one too", "they occur all over
        # my body"); in a text that speaks of twitching elsewhere it is something else ("my quads are tired").
        return self.twitch_words == 0 or bool(lead & _MOVED_TO) or bool(opening & _TWITCH_PRONOUNS)

    def _site_negated(self, ent: Span) -> bool:
        doc = self.doc
        start = self.sentence(ent.start)[0]
        window = doc[max(start, ent.start - 5) : ent.start]
        clause = [t for t in window if t.norm_ in {",", ";", ":", "-"}]
        for token in window[clause[-1].i + 1 - window.start :] if clause else window:  # "no meds, thigh ..."
            if token.norm_ in {"not", "no", "never", "nothing", "than", "except", "instead"}:  # "rather than my hands"
                between = self.ents_in(token.i + 1, ent.start)  # bisection: Span.ents scans every phrase
                if not any(e.label_ in {"SYMPTOM", "SITE"} or (e.label_ == "TWITCH" and e.text.lower() not in _VAGUE)
                           for e in between):  # fmt: skip
                    return True
        return False

    def _side(self, ent: Span) -> tuple[str | None, bool]:
        doc = self.doc
        sides = self.lexicon.sides
        named: set[str] = set()
        index = ent.start - 1
        steps = 0
        while index >= 0 and steps < 5:
            norm = doc[index].norm_
            if norm in sides:
                named.add(sides[norm])
            elif norm not in _SIDE_GAP:
                break
            index -= 1
            steps += 1
        following = list(doc[ent.end : ent.end + 12])
        after = [t.norm_ for t in following]
        listed = 0  # places joined to this one ("calf and foot on the right side")
        while (
            listed + 1 < len(after) and after[listed] in {"and", ",", "&"} and following[listed + 1].ent_type_ == "SITE"
        ):
            listed += 1
            while listed < len(after) and following[listed].ent_type_ == "SITE":
                listed += 1
        for i, word in enumerate(after[:8]):
            if i < listed:
                continue
            following_word = after[i + 1] if i + 1 < len(after) else ""
            if following[i].ent_type_ == "SITE" or (i + 1 < len(after) and following[i + 1].ent_type_ == "SITE"):
                break  # "calf twitching, the right hand is fine": that side is the hand's
            if word in {"left", "right"} and (
                i == 0 or after[i - 1] in {"on", "the", "my", "(", "-", ","} or following_word in {"side", "one"}
            ):
                named.add(word)  # "calf, right side", "on the left", "in one thigh ..., the left one"
            if word == "both" and following_word in {"sides", "side", "legs", "of"}:
                named.add("both")
            if word in {".", ";", "and", "but", "?", "!", "than", "like", "as"} or (
                word == "," and following_word not in {"left", "right", "the", "on", "both", "lower", "upper"}
            ):
                break
        if not named:
            return None, False
        if "both" in named or {"left", "right"} <= named:
            return "both", True
        return sorted(named)[0], True

    def _joined(self, first: Span, second: Span) -> bool:
        between = [t.norm_ for t in self.doc[first.end : second.start]]
        return 0 < len(between) <= 2 and between[0] in {"and", ",", "&", "or", "/", "+"}

    def duration(self) -> None:
        doc = self.doc
        candidates: list[tuple[int, int, bool]] = []  # days, token, a point in time ("ago", "last week")
        units = self.lexicon.duration_units
        for token in doc:
            norm = token.norm_
            found: tuple[int, bool] | None = None
            if norm == "month" and _norm(doc, token.i - 1) == "this":
                days = self._day_of_this_month(token)
                found = None if days is None else (days, True)
            elif norm in units:
                found = self._units_before(token, units[norm])
            elif norm in _WEEKDAYS:
                found = self._since_weekday(token)
            elif norm in {"yesterday", "today", "tonight", "morning", "afternoon", "evening", "night"}:
                found = self._since_day(token)
            elif norm in _MONTHS or norm in _MONTH_ABBREVIATIONS or norm in {"christmas", "xmas"}:
                days = self._since_date(token)
                found = None if days is None else (days, True)
            if found is None or not self._about_twitching(token.i, point=found[1]):
                continue
            candidates.append((found[0], token.i, found[1]))
        if candidates:
            self.data["duration_days"] = min(max(days for days, _, _ in candidates), 36500)

    def _units_before(self, token: Token, unit_days: int) -> tuple[int, bool] | None:
        doc = self.doc
        before = _norm(doc, token.i - 1)
        after = _norm(doc, token.i + 1)
        amount = self._amount_before(token.i, articles=True)
        if amount is not None and before in {"a", "an"} and _norm(doc, token.i - 2) == "half":
            amount = 0.5
        if amount is not None and before in {"a", "an", "per"}:
            lead = _norm(doc, token.i - 2)
            at_start = token.i - 1 == self.sentence(token.i - 1)[0]
            if before == "per" or not (at_start or lead in _DURATION_LEAD or lead in self.lexicon.numbers):
                return None  # "3 coffees a day", "10 units a week": how often, not how long
        point = after == "ago"
        if amount is None:
            if before in {"past", "last"} or before == "fortnight":
                amount = 1.0
                point = before == "last" and _norm(doc, token.i - 2) not in {"the", "for", "over", "in", "past"}
            else:
                return None
        if unit_days == 0:
            lead_words = {t.norm_ for t in doc[max(0, token.i - 4) : token.i]}
            lasted = "lasted" in lead_words and not lead_words & {"have", "has", "had", "'ve", "'s"}
            if lasted or lead_words & {"lasts", "lasting", "each"} or after in {"each", "every"}:
                return None  # "it only lasts two to three seconds": how long one twitch is, not since when
            if (
                point
                or self._since_before(token.i, 5)
                or (
                    (lead_words & {"for", "past", "last"} or "lasted" in lead_words)
                    and not {after, _norm(doc, token.i + 2)} & {"at", "each", "every", "time"}  # "at a time"
                )
            ):
                return 0, point
            return None
        if after == "old" or (after in {"-", "–"} and _norm(doc, token.i + 2) == "old") or before == "every":
            return None
        if _norm(doc, token.i + 1) == "pregnant":
            return None
        return round(amount * unit_days), point

    def _since_before(self, index: int, reach: int) -> bool:
        return any(t.norm_ in _SINCE | {"only", "just", "after"} for t in self.doc[max(0, index - reach) : index]) or (
            _norm(self.doc, index + 1) == "ago"
        )

    def _since_day(self, token: Token) -> tuple[int, bool] | None:
        doc = self.doc
        norm = token.norm_
        previous = _norm(doc, token.i - 1)
        if norm in {"morning", "afternoon", "evening"} and previous not in {"this", "last"}:
            return None
        if norm == "evening" and previous == "last":
            norm = "night"  # "last evening": yesterday
        if norm == "night" and previous != "last":
            return None
        if norm == "tonight" and not self._since_before(token.i, 3):
            return None
        days = 1 if norm in {"yesterday", "night"} else 0
        if self._since_before(token.i - (1 if previous in {"this", "last"} else 0), 4):
            return days, True
        if norm == "yesterday" and self.labels_in(token.i - 8, token.i) & _ABOUT_TWITCH:
            return days, True
        start, end = self.sentence(token.i)
        later = self.labels_in(token.i + 1, min(end, token.i + 20))
        if norm == "yesterday" and token.i - start <= 3 and "TWITCH" in later:
            return days, True  # "Yesterday morning after I woke up my little finger was twitching"
        if previous == "this" and self._twitching_just_before(token.i - 1):
            return days, True  # "twitching all over this morning" (not "a seizure this morning")
        return None

    def _last_ending_by(self, index: int) -> Span | None:
        """The last phrase that ends by ``index`` (an index, not a copied prefix: that was O(n))."""
        position = bisect_right(self.ends, index)
        return self.ents[position - 1] if position else None

    def _twitching_just_before(self, index: int) -> bool:
        last = self._last_ending_by(index)
        return last is not None and last.start >= self.sentence(index)[0] and last.label_ in {"TWITCH", "SITE"}

    def _since_weekday(self, token: Token) -> tuple[int, bool] | None:
        doc = self.doc
        last = _norm(doc, token.i - 1) == "last"
        on = _norm(doc, token.i - 1) == "on" and _norm(doc, token.i + 1) not in {"s", "'s", "and", "or"}
        if not on and not self._since_before(token.i - (1 if last else 0), 3):
            return None  # "on Monday" is a point; _about_twitching decides whose
        back = (self.today.weekday() - _WEEKDAYS.index(token.norm_)) % 7 or 7
        if last and back == 1:
            back += 7  # nobody calls yesterday "last Friday"
        return back, True

    def _day_of_this_month(self, token: Token) -> int | None:
        """ "since the 3rd of this month": days back to that day of the current month."""
        doc = self.doc
        if _norm(doc, token.i - 2) != "of" or not self._since_before(token.i - 3, 4):
            return None
        m = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)", _norm(doc, token.i - 3))
        if m is None or not 1 <= int(m[1]) <= self.today.day:
            return None
        return self.today.day - int(m[1])

    def _since_date(self, token: Token) -> int | None:
        doc = self.doc
        if not self._since_before(token.i, 4):
            return None
        if token.norm_ in {"christmas", "xmas"}:
            month, day = 12, 25
        else:
            month = _MONTHS.index(token.norm_) + 1 if token.norm_ in _MONTHS else _MONTH_ABBREVIATIONS[token.norm_]
            day = 1
            for near in (_norm(doc, token.i + 1), _norm(doc, token.i - 1), _norm(doc, token.i - 2)):
                if m := re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", near):
                    day = int(m[1])
                    break
            if token.norm_ == "may" and _norm(doc, token.i - 1) not in _SINCE | {"in", "early", "mid", "late", "of"}:
                return None
            part = _norm(doc, token.i - 2) if _norm(doc, token.i - 1) == "-" else _norm(doc, token.i - 1)
            day = {"mid": 15, "late": 24}.get(part, day)  # "since mid-April"
        last_year = [_norm(doc, token.i + k) for k in (1, 2, 3)] == ["of", "last", "year"]
        try:
            start = dt.date(self.today.year, month, day)
            if start > self.today:
                start = dt.date(self.today.year - 1, month, day)
            if last_year and start.year == self.today.year:
                start = dt.date(self.today.year - 1, month, day)  # "since June of last year"
        except ValueError:
            return None
        return (self.today - start).days

    def _on_or_off_something(self, index: int, start: int) -> bool:
        """ "off <anything> for <time>", "on <anything> for <time>": a habit or a medicine, even an unknown one."""
        tokens = list(self.doc[max(start, index - 7) : index])
        words = [t.norm_ for t in tokens]
        if "for" not in words:
            return False
        before_for = tokens[: len(words) - 1 - words[::-1].index("for")]
        # "been going on for 5 months" is the twitching's own time: a TWITCH phrase is never the something
        return any(t.norm_ in {"off", "on", "taking", "quit", "stopped", "using"} for t in before_for[-4:]) and not (
            any(t.ent_type_ == "TWITCH" for t in before_for)
        )

    def _earlier_episode(self, start: int, end: int) -> bool:
        words = [t.norm_ for t in self.doc[start:end]]
        pairs = set(pairwise(words))
        return bool(
            "previously" in words
            or pairs & {("once", "before"), ("happened", "before"), ("twice", "before"), ("last", "time"),
                        ("previous", "episode")}
        )  # fmt: skip

    def _about_twitching(self, index: int, *, point: bool) -> bool:
        """A time is the twitching's unless the nearest thing named before it is something else.

        "since I had covid last month" and "after my flu two weeks ago, my thighs started
        twitching" tie the other thing's time to the twitching; "had diarrhoea for 3 days" does not.
        """
        doc = self.doc
        start, end = self.sentence(index)
        if self._on_or_off_something(index, start):
            return False  # "off Klonopin for 3 months", "been on the pill for years": that thing's time
        if point and self._earlier_episode(start, end):
            return False  # "It happened once before about six years ago": that episode's time, not this one's
        last = self._last_ending_by(index)
        nearest = last if last is not None and last.start >= start and index - last.end <= 6 else None
        if nearest is None or not (nearest.label_ in _TOPICAL or nearest.ent_id_ in _EVENT_SYMPTOMS):
            return True
        if not point:
            return False
        window_start = max(start, index - 40)
        links = [t for t in doc[window_start : nearest.start] if t.norm_ in {"since", "after"}]
        if links:
            first = links[0]
            twitch_before = bool(self.labels_in(max(start, first.i - 20), first.i) & _ABOUT_TWITCH)
            twitch_after = bool(self.labels_in(index + 1, min(end, index + 20)) & _ABOUT_TWITCH)
            if twitch_before or (first.i == start and twitch_after):
                return True
        later = doc[index + 1 : min(end, index + 20)]
        linked_after = any(t.norm_ in {"since", "then", "now"} for t in later)
        return linked_after and bool(self.labels_in(index + 1, min(end, index + 20)) & _ABOUT_TWITCH)

    # --- symptoms ----------------------------------------------------------------------

    def symptoms(self) -> tuple[dict[str, bool | None], list[str]]:
        states: dict[str, list[bool | None]] = {}
        for ent in self.by_label("SYMPTOM"):
            states.setdefault(ent.ent_id_, []).append(self._state(ent))
        result: dict[str, bool | None] = {}
        for symptom, seen in states.items():
            # present anywhere wins; otherwise the last word on it ("worried about weakness, but not weak")
            result[symptom] = True if True in seen else seen[-1]
        uncertain = [s for s, v in result.items() if v is None]
        return result, uncertain

    def _state(self, ent: Span) -> bool | None:
        """Present, absent, or not sure; "Weakness? No." answers its own question."""
        doc = self.doc
        after = [t.norm_ for t in doc[ent.end : ent.end + 3]]
        if after[:1] == ["?"] and len(after) > 1:
            if after[1] in {"no", "nope", "none", "never"}:
                return False
            if after[1] in {"yes", "yep", "yeah"}:
                return True
        if ent._.uncertain:
            return None
        if ent._.negated:
            return False
        return None if self._framed(ent) else True

    def _framed(self, ent: Span) -> bool:
        """A worry, a question or something long past ("could this be atrophy?"), not a report."""
        from twitchwise.understand.cues import frame_of

        number = self.sentence_of[ent.start]
        if number not in self._frames:
            start, end = self.sentence(ent.start)
            self._frames[number] = frame_of(self.doc[start:end])
        return self._frames[number].framed(ent.start)

    # --- amounts -----------------------------------------------------------------------

    def _amount_before(self, index: int, *, articles: bool = False, reach: int = 4) -> float | None:
        """The number just before ``index`` ("5", "five", "a couple of"), skipping filler words."""
        doc = self.doc
        numbers = self.lexicon.numbers
        for i in range(index - 1, max(-1, index - 1 - reach), -1):
            token = doc[i]
            value = _number(token, numbers, articles=articles)
            if value is not None:
                return value
            norm = token.norm_
            if norm not in _FILLERS and norm not in _RANGE and not (articles and norm in {"the", "past"}):
                return None
        return None

    def _range_before(self, index: int) -> tuple[float, float] | None:
        doc = self.doc
        numbers = self.lexicon.numbers
        top = self._amount_before(index, articles=True)
        if top is None:
            return None
        for i in range(index - 1, max(-1, index - 6), -1):
            if doc[i].norm_ in _RANGE and i >= 1:
                low = _number(doc[i - 1], numbers, articles=False)
                high = _number(doc[i + 1], numbers, articles=False) if i + 1 < len(doc) else None
                if low is not None and high is not None:
                    return (min(low, high), max(low, high))
        return (top, top)

    def _per_week(self, end: int) -> bool:
        """Whether an amount ending at ``end`` is given per week ("14 coffees a week")."""
        for token in self.doc[end : end + 5]:
            if token.norm_ in {"day", "daily", "night"}:
                return False
            if token.norm_ in _PER_WEEK:
                return True
        return False

    def caffeine(self) -> None:
        servings = {s.id: s.amount for s in self.kb.servings.values() if s.quantity == "caffeine"}
        total = 0.0
        counted = False
        zero = any(not e._.negated for e in self.by_label("CAFFEINE_NONE")) or any(
            e._.negated and not e._.uncertain for e in self.by_label("CAFFEINE_WORD")
        )  # "I don't have any caffeine"
        for ent in self.by_label("CAFFEINE"):
            if ent._.negated:
                zero = True
                continue
            amount = self._range_before(ent.start) or self._count_after(ent.end)
            if amount is None:
                continue
            count = amount[1]
            if amount[0] != amount[1]:
                self.assume(f"'{self.doc[ent.start - 3 : ent.end].text.strip()}' counted at the top of the range")
            if self._per_week(ent.end):
                count /= 7
            total += count * servings[ent.ent_id_]
            counted = True
            phrase = " ".join(t.norm_ for t in ent)
            if phrase in self.lexicon.serving_assumptions:
                self.assume(self.lexicon.serving_assumptions[phrase])
        explicit = self._explicit_caffeine()
        if explicit is not None:
            self.data["caffeine_mg_per_day"] = explicit
        elif counted:
            self.data["caffeine_mg_per_day"] = round(total, 1)
        elif zero:
            self.data["caffeine_mg_per_day"] = 0

    def _count_after(self, end: int) -> tuple[float, float] | None:
        """ "coffee, about 6 a day": a bare count after the drink, said per day or per week."""
        doc = self.doc
        numbers = self.lexicon.numbers
        for i in range(end, min(len(doc), end + 5)):
            value = _number(doc[i], numbers, articles=False)
            if value is not None:
                rest = [_norm(doc, i + 1), _norm(doc, i + 2)]
                said_per = rest in (["a", "day"], ["per", "day"], ["a", "week"], ["per", "week"])
                return (value, value) if said_per or rest[0] in {"daily", ".", ""} else None
            if doc[i].norm_ not in _FILLERS and doc[i].norm_ not in {",", "-", "–"}:
                return None
        return None

    def _explicit_caffeine(self) -> float | None:
        doc = self.doc
        for token in doc:
            value: float | None = None
            if token.norm_ in {"mg", "milligrams"}:
                value = self._amount_before(token.i, reach=2)
            elif m := _NUMBER_UNIT.fullmatch(token.lower_):
                value = float(m[1].replace(",", ".")) if m[2] == "mg" else None
            if value is None:
                continue
            if self.labels_in(token.i - 6, token.i + 6) & {"CAFFEINE_WORD", "CAFFEINE"}:
                return round(value / 7, 1) if self._per_week(token.i + 1) else value
        return None

    def water(self) -> None:
        doc = self.doc
        litres: float | None = None
        for ent in self.by_label("WATER"):
            count = self._amount_before(ent.start, articles=True)
            if count is not None and not ent._.negated:
                litres = (litres or 0) + count * 0.25
        if litres is None:
            for token in doc:
                value: float | None = None
                unit = token.norm_
                if unit in _LITRE_WORDS:
                    value = self._amount_before(token.i, articles=True, reach=2)
                elif m := _NUMBER_UNIT.fullmatch(token.lower_):
                    value, unit = float(m[1].replace(",", ".")), m[2]
                    if unit not in _LITRE_WORDS:
                        value = None
                if value is None:
                    continue
                if "WATER_WORD" in self.labels_in(token.i - 5, token.i + 6) or _norm(doc, token.i + 1) in {"a", "per"}:
                    litres = value * _LITRE_WORDS[unit]
                    break
        if litres is not None:
            self.data["water_litres_per_day"] = round(litres, 2)

    def alcohol(self) -> None:
        doc = self.doc
        for token in doc:
            if token.norm_ in {"units", "unit"}:
                amount = self._amount_before(token.i, reach=3)
                if amount is None:
                    continue
                after = [t.norm_ for t in doc[token.i + 1 : token.i + 5]]
                if {"day", "daily", "night", "nightly"} & set(after):
                    amount *= 7
                elif not _PER_WEEK & set(after):
                    self.assume("alcohol units read as units a week")
                self.data["alcohol_units_per_week"] = amount
                return
        if any(not e._.negated for e in self.by_label("ALCOHOL_NONE")) or any(
            e._.negated and not e._.uncertain for e in self.by_label("ALCOHOL")
        ):
            self.data["alcohol_units_per_week"] = 0

    def nicotine(self) -> None:
        uses = self.by_label("NICOTINE")
        if any(not e._.negated and not e._.uncertain for e in uses):
            self.data["nicotine"] = True
        elif self.by_label("NICOTINE_QUIT") or any(e._.negated for e in uses):
            self.data["nicotine"] = False

    def sleep(self) -> None:
        doc = self.doc
        for token in doc:
            hours: float | None = None
            if token.norm_ in _HOUR_WORDS:
                found = self._range_before(token.i)
                hours = None if found is None else found[0]
            elif (m := _NUMBER_UNIT.fullmatch(token.lower_)) and m[2] in _HOUR_WORDS:
                hours = float(m[1].replace(",", "."))
            if hours is None:
                continue
            if "SLEEP" in self.labels_in(token.i - 6, token.i + 5) and 0 <= hours <= 24:
                self.data["sleep_hours"] = hours
                return

    def stress(self) -> None:
        doc = self.doc
        for token in doc:
            value: int | None = None
            if token.text.isdigit() and _norm(doc, token.i + 1) == "/" and _norm(doc, token.i + 2) == "10":
                value = _whole(token.text)  # "8 / 10"
            elif m := re.fullmatch(r"(\d{1,2})/10", token.lower_):
                value = int(m[1])  # "8/10"
            if value is not None and value <= 10 and "STRESS" in self.labels_in(token.i - 4, token.i + 5):
                self.data["stress_0_10"] = value
                return
        mentions = self.by_label("STRESS")
        affirmed = [e for e in mentions if not e._.negated]  # "I think I'm just stressed" is stress
        if affirmed:
            strong = set(self.lexicon.stress_strong)
            intense = any(any(t.norm_ in strong for t in doc[max(0, e.start - 3) : e.start]) for e in affirmed)
            level = 8 if intense else 7
            self.assume(f"'{affirmed[0].text}' read as stress {level} out of 10")
            self.data["stress_0_10"] = level
        elif any(e._.negated for e in mentions):
            self.assume("'not stressed' read as stress 2 out of 10")
            self.data["stress_0_10"] = 2

    def flags(self) -> None:
        """Yes/no answers read from single mentions: exercise, illness, pregnancy, back pain."""
        for label, name in (
            ("EXERCISE", "recent_intense_exercise"),
            ("ILLNESS", "recent_viral_illness"),
            ("PREGNANT", "pregnant"),
            ("BACK_PAIN", "back_or_neck_pain"),
        ):
            mentions = self.by_label(label)
            if label == "EXERCISE":
                mentions += [e for e in self.by_label("CONTEXT") if e.ent_id_ == "after_exercise"]
            doubt_matters = label in {"PREGNANT", "ILLNESS"}  # "after the gym?" is still the gym
            if any(not e._.negated and not (doubt_matters and e._.uncertain) for e in mentions):
                self.data[name] = True
            elif any(e._.negated and not e._.uncertain for e in mentions):
                self.data[name] = False

    def medicines(self, symptoms: dict[str, bool | None]) -> None:
        doc = self.doc
        names: list[str] = []
        for ent in self.by_label("MEDICINE"):
            if ent._.negated:
                continue
            names.append(ent.ent_id_)
            before = {t.norm_ for t in doc[max(0, ent.start - 4) : ent.start]}
            after = [t.norm_ for t in doc[ent.end : ent.end + 4]]
            if (
                before & {"started", "starting", "began", "new", "switched", "increased", "upped"}
                or ("ago" in after or after[:2] in (["last", "week"], ["last", "month"]))
            ) and symptoms.get("new_medication") is not True:
                symptoms["new_medication"] = True
        if names:
            self.data["medications"] = list(dict.fromkeys(names))
        elif any(not e._.negated for e in self.by_label("MEDS_NONE")):
            self.data["medications"] = []

    # --- a question --------------------------------------------------------------------

    def question(self) -> str | None:
        doc = self.doc
        topics = self.lexicon.topics
        for sentence in doc.sents:
            words = [t.norm_ for t in sentence if not t.is_space]
            if not words:
                continue
            asks = words[-1] == "?" and words[0] in self.lexicon.question_starts
            if not asks and tuple(words[:1]) not in _QUESTION_OPENERS and tuple(words[:2]) not in _QUESTION_OPENERS:
                continue
            if not asks and words[0] == "why" and "?" not in words and len(words) > 12:
                continue
            text = " " + " ".join(words) + " "
            for topic in ("is_it_als", "when_to_see_a_doctor", "self_care", "how_common", "causes"):
                if any(f" {phrase} " in text for phrase in topics[topic]):
                    return topic
            return "causes" if words[0] == "why" else "when_to_see_a_doctor"
        # Not asked, but feared: a description that names ALS or MND ("terrified it's MND") gets that answer too.
        everything = " " + " ".join(t.norm_ for t in doc if not t.is_space) + " "
        if any(f" {phrase} " in everything for phrase in topics["is_it_als"]):
            return "is_it_als"
        return None


def _number(token: Token, numbers: dict[str, float], *, articles: bool) -> float | None:
    norm = token.norm_
    if norm in {"a", "an"}:
        return 1.0 if articles else None
    if norm in numbers:
        return numbers[norm]
    text = token.text.replace(",", ".")
    if len(text) <= 12 and re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", text):
        return float(text)
    return None


def _distance(a: Span, b: Span) -> int:
    return b.start - a.end if b.start >= a.end else a.start - b.end


def _whole(text: str) -> int | None:
    """A short whole number in ASCII digits ("³" and a thousand zeros are not ages or days)."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 4 else None


def _norm(doc: Doc, index: int) -> str:
    return doc[index].norm_ if 0 <= index < len(doc) else ""


def _previous_norm(ent: Span, back: int = 1, *, skip_sides: bool = False) -> str:
    doc = ent.doc
    index = ent.start - back
    while skip_sides and index >= 0 and doc[index].norm_ in {"left", "right", "both", "upper", "lower"}:
        index -= 1
    return doc[index].norm_ if index >= 0 else ""


def _followed_by_unit(doc: Doc, index: int) -> bool:
    norm = _norm(doc, index)
    return norm in {
        "mg", "kg", "lbs", "lb", "%", "times", "days", "day", "weeks", "week", "months", "month", "hours", "hour",
        "minutes", "seconds", "coffees", "cups", "units", "liters", "liter", "ml", "glasses", "cigarettes", "am",
        "pm", "x", "/", "mins", "secs", "twitches", "hrs", "h", "pounds", "stone", "cans", "of", "nights", "mmol",
        "beers", "pints", "per", "a", "or", "-", "to", ":", "k", "ish", "th", "st", "nd", "rd",
    }  # fmt: skip


def _years_old(doc: Doc, index: int) -> bool:
    """Whether the number at ``index`` is an age: "58 year old", "63-year-old"."""
    return [_norm(doc, index + 1), _norm(doc, index + 2)] in (["year", "old"], ["-", "year"])


def _sex_letter(words: list[str]) -> str | None:
    for word in (w.removesuffix(".") for w in words):  # "30 M." ends a sentence
        if word in {"m", "male"}:
            return "male"
        if word in {"f", "female"}:
            return "female"
    return None


def _merge_sites(found: Iterable[tuple[str, str | None, bool]]) -> list[dict[str, str]]:
    sides: dict[str, set[str | None]] = {}
    for region, side, _named in found:
        sides.setdefault(region, set()).add(side)
    sites: list[dict[str, str]] = []
    for region, named in sides.items():
        known = {s for s in named if s is not None}
        if "both" in known or {"left", "right"} <= known:
            known = {"both"}
        if not known:
            sites.append({"region": region})
        for side in sorted(known):
            sites.append({"region": region, "side": side})
    return sites
