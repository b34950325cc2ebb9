"""Drink brands that are also everyday words: "a monster headache", "38 celsius", "a relentless drumbeat",
"she's a rockstar at work".  Such a name is read as a drink only where the words around it make it one: a
drink word after it ("monster energy", "celsius drink"), a container before it ("a can of relentless"), or a
count or a drinking verb just before it with nothing but a pause or a time after it ("2 monsters a day", "downing
monster").  A temperature's "celsius" is never counted: only a drink word or a container makes it a drink."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from twitchwise.understand.lexicon import load_lexicon
from twitchwise.understand.text import norm_at, number_of

_DRINK_AFTER = frozenset({"energy", "energies", "drink", "drinks", "can", "cans", "ultra", "zero", "sugar", "zeros"})
_CONTAINED = frozenset({"can", "cans", "bottle", "bottles", "tin", "tins"})
_DRINKING = frozenset({"drink", "drinks", "drank", "drinking", "downing", "downed", "downs", "down", "chug", "chugs",
                       "chugging", "chugged", "sip", "sips", "sipping", "love", "loves", "on", "had", "have", "has",
                       "having", "+", "plus", "and", "or"})  # fmt: skip
# what may follow a drink's name: a pause, a time, a joining word ("2 monsters a day", "a rockstar and 3 coffees")
_PAUSE_AFTER = frozenset({"", ".", ",", "!", "?", ";", ":", ")", "-", "–", "a", "an", "per", "every", "each", "daily",
                          "and", "or", "plus", "&", "+", "with", "in", "at", "before", "after", "most", "today",
                          "yesterday", "this", "last", "for", "when", "while", "to", "then", "but", "so", "now",
                          "since", "during", "on", "too", "as", "which", "that", "is", "was", "i", "my", "because",
                          "cos", "lol", "x", "tonight", "nightly", "weekly", "week", "day", "night", "morning",
                          "mornings", "evening", "evenings", "afternoon", "afternoons"})  # fmt: skip
_VOLUME = re.compile(r"^(?:\d+x)?\d+(?:[.,]\d+)?(?:ml|cl|l|oz)$")


@Language.factory("twitchwise_brands")
def make_brands(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    lexicon = load_lexicon()
    names = frozenset(lexicon.caffeine_brands)

    def brands(doc: Doc) -> Doc:
        doc.ents = [
            e for e in doc.ents if e.label_ != "CAFFEINE" or _norm(e) not in names or _a_drink(e, lexicon.numbers)
        ]
        return doc

    return brands


def _norm(ent: Span) -> str:
    return " ".join(t.norm_ for t in ent)


def _a_drink(ent: Span, numbers: dict[str, float]) -> bool:
    doc = ent.doc
    after = norm_at(doc, ent.end)
    if after in _DRINK_AFTER:
        return True
    if norm_at(doc, ent.start - 1) == "of" and norm_at(doc, ent.start - 2) in _CONTAINED:
        return True
    if _norm(ent) == "celsius" or after not in _PAUSE_AFTER:
        return False
    previous = ent.start - 1
    if norm_at(doc, previous) in {"a", "an", "some", "the", "my", "x"}:
        previous -= 1  # "had a monster this morning", "3 x monster"
    if previous < 0:
        return False
    word = doc[previous]
    return (
        word.norm_ in _DRINKING
        or bool(_VOLUME.match(word.norm_))
        or number_of(word, numbers, articles=False) is not None
    )
