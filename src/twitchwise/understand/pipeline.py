"""The spaCy pipeline that reads a description: tokenizer, sentences, spelling, phrases, context.

Nothing is downloaded: the tokenizer and sentencizer ship with spaCy, and every phrase the
entity ruler knows comes from ``lexicon.yaml`` and the knowledge base's medicine lexicon.
Each stage is linear in the length of the text (the context stage looks at most a fixed
window around each phrase), so a long or hostile text costs time in proportion, no more.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from twitchwise.understand.lexicon import Lexicon, load_lexicon

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from twitchwise.kb.models import KnowledgeBase

_JOINED_UNIT = (
    r"(?<=[0-9])(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|dys?|wks?|weeks?"
    r"|mths?|mnths?|months?|mos?|yrs?|years?|d|w)"
)
MAX_CHARACTERS = 2_000_000
"""spaCy refuses longer texts by default; callers cut descriptions far shorter than this."""


def pipeline(kb: KnowledgeBase) -> Language:
    """The pipeline for this knowledge base's medicine names, built once."""
    names = tuple((name, medicine.name) for medicine in kb.medicines for name in (medicine.name, *medicine.brands))
    return _pipeline(names)


@cache
def _pipeline(medicine_names: tuple[tuple[str, str], ...]) -> Language:
    import spacy

    from twitchwise.understand import brands, claims, context, lines, spelling  # noqa: F401  (registers the components)

    lexicon = load_lexicon()
    nlp = spacy.blank("en")
    nlp.max_length = MAX_CHARACTERS
    # "~2 wks", "≈3 months": an approximate number is still a number
    tokenizer: Any = nlp.tokenizer  # a Cython class without type stubs
    tokenizer.prefix_search = spacy.util.compile_prefix_regex([*(nlp.Defaults.prefixes or ()), "~", "≈"]).search
    # "2wks", "4yrs", "20min", "1hr": a count and its unit written together are two words ("4yrs" is no age of 4)
    tokenizer.suffix_search = spacy.util.compile_suffix_regex([*(nlp.Defaults.suffixes or ()), _JOINED_UNIT]).search
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("twitchwise_lines")
    nlp.add_pipe("twitchwise_spelling", config={"names": sorted({n for pair in medicine_names for n in pair})})
    nlp.add_pipe("twitchwise_claims")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "NORM", "validate": False})
    ruler.add_patterns(_patterns(lexicon, medicine_names))  # type: ignore[attr-defined]
    nlp.add_pipe("twitchwise_brands")
    nlp.add_pipe("twitchwise_context")
    return nlp


def read_doc(text: str, kb: KnowledgeBase) -> Doc:
    return pipeline(kb)(text)


def _patterns(lexicon: Lexicon, medicine_names: tuple[tuple[str, str], ...]) -> list[dict[str, Any]]:
    phrases: list[tuple[str, str, str]] = []  # (label, id, phrase)
    phrases += [("IGNORE", "ignore", p) for p in lexicon.ignore]
    phrases += [("SITE", region, p) for p, region in lexicon.sites.items()]
    phrases += [("SYMPTOM", symptom, p) for symptom, words in lexicon.symptoms.items() for p in words]
    phrases += [("CAFFEINE", serving, p) for serving, words in lexicon.caffeine_servings.items() for p in words]
    phrases += [("CAFFEINE_NONE", "none", p) for p in lexicon.caffeine_none]
    phrases += [("CAFFEINE_WORD", "caffeine", p) for p in lexicon.caffeine_words]
    phrases += [("WATER", serving, p) for serving, words in lexicon.water_servings.items() for p in words]
    phrases += [("WATER_WORD", "water", p) for p in lexicon.water_words]
    phrases += [("TWITCH", "twitch", p) for p in lexicon.twitch_words]
    phrases += [("NICOTINE", "nicotine", p) for p in lexicon.nicotine_words]
    phrases += [("NICOTINE_QUIT", "quit", p) for p in lexicon.nicotine_quit]
    phrases += [("ALCOHOL", "alcohol", p) for p in lexicon.alcohol_words]
    phrases += [("ALCOHOL_NONE", "none", p) for p in lexicon.alcohol_none]
    phrases += [("STRESS", "stress", p) for p in lexicon.stress_words]
    phrases += [("SLEEP", "sleep", p) for p in lexicon.sleep_words]
    phrases += [("EXERCISE", "exercise", p) for p in lexicon.exercise_words]
    phrases += [("ILLNESS", "illness", p) for p in lexicon.illness_words]
    phrases += [("PREGNANT", "pregnant", p) for p in lexicon.pregnancy_words]
    phrases += [("MEDS_NONE", "none", p) for p in lexicon.medication_none]
    phrases += [("BACK_PAIN", "back_pain", p) for p in lexicon.back_pain_words]
    phrases += [("CONTEXT", context, p) for context, words in lexicon.contexts.items() for p in words]
    phrases += [("PERSON", sex or "unknown", p) for p, sex in lexicon.people.items()]
    phrases += [("ROLE", "role", p) for p in lexicon.roles if p not in lexicon.people]
    phrases += [("SEX", sex, p) for p, sex in lexicon.sex_words.items() if len(p) > 1]
    phrases += [("MEDICINE", generic, name) for name, generic in medicine_names]
    # Phrase patterns go to spaCy's PhraseMatcher (on NORM), which is many times faster than
    # token patterns on long texts.
    return [{"label": label, "id": entry_id, "pattern": phrase.lower()} for label, entry_id, phrase in phrases]
