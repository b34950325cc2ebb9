"""Spelling: each token's ``norm`` is its lower-case form with typos and variants fixed.

Listed misspellings and British/American variants come from the lexicon.  Other typos of
the words that matter most ("twiching", "caffiene", "weekness") are corrected to the closest
key word within one edit (two for long words) that starts with the same letter.
Known words, listed real words, the knowledge base's medicine names ("medikinet" is not a typo
of "medicine") and common English words (pyspellchecker's frequency list: "washing" is not a typo
of "wasting") are never changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from twitchwise.understand.lexicon import Lexicon, load_lexicon


class Speller:
    def __init__(self, lexicon: Lexicon, names: Iterable[str] = ()) -> None:
        self.fixed = dict(lexicon.spelling)
        self.targets = tuple(lexicon.fuzzy.targets)
        self.min_length = lexicon.fuzzy.min_length
        self.long_from = lexicon.fuzzy.long_from
        self.known = (
            frozenset(
                word for phrases in _all_phrases(lexicon) for phrase in phrases for word in phrase.lower().split()
            )
            | frozenset(lexicon.fuzzy.protected)
            | frozenset(word for name in names for word in name.lower().split())
        )
        self.correct = cache(self._correct)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            norm = token.norm_
            fixed = self.fixed.get(norm)
            if fixed is None and len(norm) >= self.min_length and norm.isalpha() and norm not in self.known:
                fixed = _dropped_g(norm) or self.correct(norm)
            if fixed is not None:
                token.norm_ = fixed
        return doc

    def _correct(self, word: str) -> str | None:
        from rapidfuzz.distance import OSA

        limit = 2 if len(word) >= self.long_from else 1
        best: tuple[int, str] | None = None
        for target in self.targets:
            if target[0] == word[0] and abs(len(target) - len(word)) <= limit:
                distance = OSA.distance(word, target, score_cutoff=limit)
                if distance <= limit and (best is None or distance < best[0]):
                    best = (distance, target)
        if best is None or _common_english(word):
            return None
        return best[1]


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
