"""Lines: a form or a list pasted into a description is read line by line."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_BULLETS = frozenset({"-", "*", "•", "–", "·", ">"})


@Language.component("twitchwise_lines")
def lines(doc: Doc) -> Doc:
    """A form or a list pasted in ("Age: 62", "- speech slurred", "1. twitching"), or a new paragraph: each line is a
    sentence of its own.  A line merely wrapped inside a sentence is not split (a new line alone says nothing)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" not in previous.text or not previous.is_space:
            continue
        labelled = token.i + 1 < len(doc) and doc[token.i + 1].text == ":"
        numbered = token.like_num and token.i + 1 < len(doc) and doc[token.i + 1].text in {".", ")"}
        if previous.text.count("\n") > 1 or token.text in _BULLETS or labelled or numbered:
            token.is_sent_start = True
    return doc
