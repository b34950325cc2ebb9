"""Spelling: each token's ``norm`` is its lower-case form with typos and variants fixed.

Listed misspellings and British/American variants come from the lexicon.  Other typos of
the words that matter most ("twiching", "caffiene", "weekness") are corrected to the closest
key word within one edit (two for long words) that starts with the same letter.
Known words, listed real words, the knowledge base's medicine names ("medikinet" is not a typo
of "medicine") and common English words (pyspellchecker's frequency list: "washing" is not a typo
of "wasting") are never changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from twitchwise.understand.context import FUNCTIONS
from twitchwise.understand.lexicon import Lexicon, load_lexicon

_ESCAPES = re.compile(r"\\[bBsSdD]")  # \b, \s, \d: boundaries and classes, not letters of a word
_STEMS = re.compile(r"\\w")  # "struggl\w*": what comes before it is a stem, not a word


def cue_words(lexicon: Lexicon) -> frozenset[str]:
    """The whole words (five letters or more) the red-flag cues and symptom phrases are told in ("mouth", "words",
    "breath", "voice", "chest"), so a slip of the keys in any of them still reads: a stem ("struggl…") is left out,
    as is an optional ending ("seizures?")."""
    from twitchwise.understand.cues import cue_file

    cues = cue_file()
    patterns = [*cues.groups.values(), *(p for cue in cues.cues for p in cue.patterns)]
    text = _STEMS.sub("#", _ESCAPES.sub(" ", " ".join(patterns).lower()))
    words = set(re.findall(r"(?<![a-z#])[a-z]{5,}(?![a-z#?(\[{])", text))
    words |= {w for phrases in lexicon.symptoms.values() for p in phrases for w in p.lower().split() if len(w) >= 5}
    return frozenset(w for w in words if w.isalpha())


# shorthand typed in capitals, whose lower-case form is another word: "SOB at rest" (not "I sob"), "L arm", "R side",
# "LOC for a minute" (a clinician's loss of consciousness)
_CAPITALS = {
    "SOB": "short of breath",
    "L": "left",
    "R": "right",
    "LHS": "left side",
    "RHS": "right side",
    "LOC": "loss of consciousness",
}


# what a body does, and the body's words that are no twitching place, that "me" before them owns ("me breath")
_OWNED = FUNCTIONS | {"sight", "strength", "muscles", "muscle", "body", "side", "limbs", "mouth", "lips", "head"}
# what a figure "1" before it means "one" of ("face gone funny 1 side", "blurry in 1 eye")
_ONE_OF = frozenset({"side", "sided", "eye", "arm", "leg"})
_PART_OF_DAY = {"am": "morning", "a.m.": "morning", "pm": "afternoon", "p.m.": "afternoon"}


class Speller:
    def __init__(self, lexicon: Lexicon, names: Iterable[str] = ()) -> None:
        self.fixed = dict(lexicon.spelling)
        self.listed = frozenset(lexicon.fuzzy.targets)
        self.targets = tuple(dict.fromkeys([*lexicon.fuzzy.targets, *sorted(cue_words(lexicon))]))
        self.min_length = lexicon.fuzzy.min_length
        self.long_from = lexicon.fuzzy.long_from
        self.known = (
            frozenset(
                word for phrases in _all_phrases(lexicon) for phrase in phrases for word in phrase.lower().split()
            )
            | frozenset(lexicon.fuzzy.protected)
            | frozenset(word for name in names for word in name.lower().split())
        )
        # what "me" before it owns ("me arm", "me breath", "me words"): a body's places and what it does
        self.own = frozenset(w for w in [*lexicon.sites, *lexicon.plural_sites] if " " not in w) | _OWNED
        self.correct = cache(self._correct)
        # the targets by first letter and length: a word is compared with the few it could be, not all thousand
        self.buckets: dict[tuple[str, int], list[str]] = {}
        for target in self.targets:
            self.buckets.setdefault((target[0], len(target)), []).append(target)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            norm = token.norm_
            if norm == "me" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in self.own:
                token.norm_ = "my"  # "me arm's gone floppy", "couldn't get me breath": the dialect's "my"
                continue
            if norm in _PART_OF_DAY and token.i > 0 and doc[token.i - 1].lower_ == "this":
                token.norm_ = _PART_OF_DAY[norm]  # "since this am": this morning
                continue
            if norm == "1" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _ONE_OF:
                token.norm_ = "one"  # "face gone funny 1 side", "blurry in 1 eye": the figure for the word
                continue
            fixed = _CAPITALS.get(token.text) or self.fixed.get(norm)
            if fixed is None and len(norm) >= self.min_length - 1 and norm.isalpha() and norm not in self.known:
                fixed = _dropped_g(norm) or self.correct(norm)
            if fixed is not None:
                token.norm_ = fixed
        return doc

    def _correct(self, word: str) -> str | None:
        from rapidfuzz.distance import OSA

        limit = 2 if len(word) >= self.long_from else 1
        short = len(word) < self.min_length  # "chst", "wods": a letter left out of a five-letter word, nothing else
        tied: list[str] = []
        best: tuple[int, int, int] | None = None
        lengths = [len(word) + 1] if short else range(len(word) - limit, len(word) + limit + 1)
        for target in (t for length in lengths for t in self.buckets.get((word[0], length), ())):
            distance = OSA.distance(word, target, score_cutoff=limit)
            if distance > limit:
                continue
            # a tie goes to a doubled letter typed once ("croked" is "crooked", not "choked"), then to two letters
            # swapped ("thorugh" is "through", not "though"), then to a red-flag word the lexicon lists ("waisting"
            # is "wasting", not "waiting"), then to the commoner word ("droped" is "dropped", not "drooped")
            kind = 0 if _undoubled(word, target) else 1 if sorted(word) == sorted(target) else 2
            rank = (distance, kind, 0 if target in self.listed else 1)
            if best is None or rank < best:
                best, tied = rank, [target]
            elif rank == best:
                tied.append(target)
        if best is None or _common_english(word):
            return None
        return max(tied, key=lambda t: _english().get(t, 0))


def _undoubled(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with one of its doubled letters typed once."""
    return any(target[i] == target[i + 1] and target[:i] + target[i + 1 :] == word for i in range(len(target) - 1))


COMMON = 100
"""Occurrences in pyspellchecker's English frequency list (about 160,000 words from subtitles) from which
a word is a real word, never a typo; rarer entries include real typos ("calfs")."""


@cache
def _english() -> Mapping[str, int]:
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1).word_frequency.dictionary


def _dropped_g(word: str) -> str | None:
    """ "trippin", "lookin", "nothin": a final g left off, when the word without it is not itself a word ("cabin",
    "protein", "begin" are)."""
    if not word.endswith("in") or len(word) < 5 or _common_english(word):
        return None
    return word + "g" if _common_english(word + "g") else None


def _common_english(word: str) -> bool:
    """Loaded only when a word is one edit from a key word, so most texts never pay for it."""
    return _english().get(word, 0) >= COMMON


def _all_phrases(lexicon: Lexicon) -> list[list[str]]:
    lists: list[list[str]] = [
        list(lexicon.sites), lexicon.ignore, lexicon.plural_sites, list(lexicon.sides), lexicon.caffeine_none,
        lexicon.caffeine_words, lexicon.water_words, lexicon.twitch_words, lexicon.nicotine_words,
        lexicon.nicotine_quit, lexicon.alcohol_words, lexicon.alcohol_none, lexicon.stress_words,
        lexicon.stress_strong, lexicon.sleep_words, lexicon.exercise_words, lexicon.illness_words,
        lexicon.pregnancy_words, lexicon.medication_none, lexicon.back_pain_words, list(lexicon.people),
        lexicon.roles,
        list(lexicon.sex_words), list(lexicon.numbers), list(lexicon.duration_units), lexicon.question_starts,
        list(lexicon.spelling.values()),
    ]  # fmt: skip
    lists += list(lexicon.symptoms.values()) + list(lexicon.caffeine_servings.values())
    lists += list(lexicon.water_servings.values()) + list(lexicon.contexts.values()) + list(lexicon.topics.values())
    return lists


@Language.factory("twitchwise_spelling", default_config={"names": []})
def spelling(nlp: Language, name: str, names: list[str]) -> Speller:
    """The spelling stage; ``names`` (the medicine names) are words it never changes."""
    return Speller(load_lexicon(), names)
