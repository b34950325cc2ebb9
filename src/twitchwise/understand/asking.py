"""What the description asks, if anything: a question (or a named fear) answered from the knowledge base."""

from __future__ import annotations

from twitchwise.understand.text import Text

_QUESTION_OPENERS = frozenset(
    {("why",), ("what", "causes"), ("what", "cause"), ("what", "is"), ("what", "are"), ("what", "does"),
     ("when", "should"), ("when", "to"), ("when", "do"), ("how", "do"), ("how", "can"), ("how", "to"),
     ("how", "long"), ("how", "worried"), ("should", "i"), ("is", "it"), ("is", "this"), ("is", "that"),
     ("are", "these"), ("are", "twitches"), ("can", "stress"), ("can", "caffeine"), ("could", "it"),
     ("could", "this"), ("do", "i"), ("does", "this"), ("does", "twitching")}
)  # fmt: skip


def question(text: Text) -> str | None:
    doc = text.doc
    topics = text.lexicon.topics
    for sentence in doc.sents:
        words = [t.norm_ for t in sentence if not t.is_space]
        if not words:
            continue
        asks = words[-1] == "?" and words[0] in text.lexicon.question_starts
        if not asks and tuple(words[:1]) not in _QUESTION_OPENERS and tuple(words[:2]) not in _QUESTION_OPENERS:
            continue
        if not asks and words[0] == "why" and "?" not in words and len(words) > 12:
            continue
        asked = " " + " ".join(words) + " "
        for topic in ("is_it_als", "when_to_see_a_doctor", "self_care", "how_common", "causes"):
            if any(f" {phrase} " in asked for phrase in topics[topic]):
                return topic
        return "causes" if words[0] == "why" else "when_to_see_a_doctor"
    # Not asked, but feared: a description that names ALS or MND ("terrified it's MND") gets that answer too.
    everything = " " + " ".join(t.norm_ for t in doc if not t.is_space) + " "
    if any(f" {phrase} " in everything for phrase in topics["is_it_als"]):
        return "is_it_als"
    return None
