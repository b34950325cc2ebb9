"""Lines: a form or a list pasted into a description is read line by line, and a dash between words ends a clause."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from twitchwise.understand.text import BULLETS

_DASHES = frozenset({"-", "–", "—", "--"})


@Language.component("twitchwise_lines")
def lines(doc: Doc) -> Doc:
    """A form or a list pasted in ("Age: 62", "- speech slurred", "1. twitching"), or a new paragraph: each line is a
    sentence of its own.  A line merely wrapped inside a sentence is not split (a new line alone says nothing)."""
    starts: dict[int, bool] = {}
    last = len(doc) - 1
    for token in doc[1:]:
        if token.i < last and token.text in _DASHES and _between_clauses(doc, token.i):
            token.norm_ = ";"  # "it's the breathing that scares me, not the twitches - I'm gasping": a new clause
        previous = doc[token.i - 1]
        if "\n" not in previous.text or not previous.is_space:
            continue
        labelled = token.i + 1 < len(doc) and doc[token.i + 1].text == ":"
        numbered = token.like_num and token.i + 1 < len(doc) and doc[token.i + 1].text in {".", ")"}
        if previous.text.count("\n") > 1 or token.text in BULLETS or labelled or numbered:
            starts[token.i] = True
    set_sentence_starts(doc, starts)
    return doc


def set_sentence_starts(doc: Doc, starts: dict[int, bool]) -> None:
    """Set many tokens' sentence starts at once: each ``token.is_sent_start = …`` checks the whole doc, so one at a
    time is quadratic (2,000 lines of a pasted list took 15 s)."""
    if not starts:
        return
    array = doc.to_array(["SENT_START"]).astype("int64").reshape(len(doc), 1)  # -1: not a start
    for index, start in starts.items():
        array[index, 0] = 1 if start else -1
    values: Any = array.astype("uint64")  # numpy, where spaCy's stubs name thinc's array type
    doc.from_array(["SENT_START"], values)


def _between_clauses(doc: Doc, index: int) -> bool:
    """A dash set apart by spaces ("twitches - I'm"), or a long dash ("twitches—I'm"), between words; not a hyphen
    ("one-sided"), a dash by a figure ("2 - 3 weeks", "Female, 45 - twitching") or a bullet opening a line."""
    dash, before, after = doc[index], doc[index - 1], doc[index + 1]
    if before.is_space or "\n" in before.whitespace_ or before.text[:1].isdigit() or after.text[:1].isdigit():
        return False
    if after.lower_ in {"old", "year", "years"}:
        return False  # "45 - year - old"
    return dash.text in {"—", "--"} or (before.whitespace_ != "" and dash.whitespace_ != "")
