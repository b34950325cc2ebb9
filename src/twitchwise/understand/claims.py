"""Claims: words told of "you" that the writer then claims as their own are the writer's.

"You know when your leg goes dead after sitting on it? That's my whole left side since 20 minutes ago",
"You try to talk and the words come out as mush - that's been me since lunch", "Ever had your calf jump
like popcorn? Mine does that every evening".  Told of "you", such words read as anyone's (advice, a
picture); claimed, they are a report.  The claimed words' norms are put in the first person (and a
rhetorical question mark read as a full stop), so every later stage reads them as it reads "my leg
went dead".  Only words the claim points back to are changed: the sentence before a claim that opens
its sentence, or the words before a claim inside the sentence ("…, that's me").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from twitchwise.understand.lines import set_sentence_starts

# A claim: "that's (been) me", "that's exactly me", "that's where I'm at", "that's what's happening to me",
# "that's my whole left side", "mine does that", "mine did the same", "same here", "same with me".
# Not "that's me being paranoid" (the writer's worry, not a claim of the words before).
_CLAIM = re.compile(
    r"^(?:and |but |well |yeah |yes |so |honestly |basically )?(?:"
    r"(?:that|this) (?:is|was|has been|'s|’s) (?:been )?(?:exactly |pretty much |basically |literally |just |also )?"
    r"(?:me\b(?! (?:being|worrying|panicking|overthinking|again worrying|just worrying))|"
    r"where (?:i am|i 'm|i’m) at|what (?:is|'s|’s|has been) happening to me|what (?:i have|i 've|i’ve) got|"
    r"what i have|my (?:(?:whole|entire|left|right|own) ){0,2}(?:side|body|arm|arms|leg|legs|face|hand|hands|"
    r"foot|feet|eye|eyes|mouth|speech|voice|tongue))|"
    r"mine (?:does|did|is doing|has been doing|has done|do|goes|went|is) (?:exactly |just |literally )?"
    r"(?:that|this|the same|it)|"
    # "Does your face ever droop? Mine did 15 minutes ago", "Mine has, about 20 minutes ago" (not "mine didn't")
    r"mine (?:did|has|have|does|went|started)(?: too| as well)?(?! not\b| n't\b| n’t\b)"
    r"(?= *(?:[,.;!]|$|\d|a |an |about |around |since |for |just |this |last |earlier |today|yesterday|too\b))|"
    # "What would you do if …? Asking because it just happened to me"
    r"(?:(?:i am |i 'm |i’m )?asking )?(?:because|as|since|cos|coz) (?:it|this|that) "
    r"(?:just |has just |literally just )?(?:happened|is happening|has happened|happens) to me|"
    r"same (?:here|with me|for me)|me (?:right now|too|rn|at the moment|all day|since)\b|"
    # "What does it mean when your vision suddenly goes double? It's happening to me now"
    r"(?:it|this|that) (?:is |'s |’s |just |has just )?(?:happening|happened) to me\b"
    r"(?! (?:in (?:my|a) dream|once|years ago|as a (?:kid|child)|sometimes|in the future))"
    r"(?! \w+ (?:years|months) ago))"
)
_PUNCTUATION_BEFORE = frozenset({"-", "–", "—", ",", ";", ":", "..."})
_CONDITIONS = frozenset({"if", "when", "whenever"})
_FIRST_PERSON = {"you": "i", "your": "my", "yours": "mine", "yourself": "myself", "u": "i", "ur": "my", "ya": "i"}


_YOU = re.compile(rf"\b(?:{'|'.join(_FIRST_PERSON)})\b", re.IGNORECASE)  # the words a claim turns round
# the words a claim can open with (a cheap test before its words are joined)
_OPENERS = frozenset({"that", "this", "mine", "same", "me", "asking", "because", "as", "since", "cos", "coz", "and",
                      "but", "well", "yeah", "yes", "so", "honestly", "basically", "i", "i'm", "i’m",
                      "it"})  # fmt: skip


@Language.component("twitchwise_claims")
def claims(doc: Doc) -> Doc:
    if _YOU.search(doc.text) is None:
        return doc  # nothing told of "you" to claim
    sentences = list(doc.sents)
    merged: dict[int, bool] = {}
    for number, sentence in enumerate(sentences):
        for start in _clause_starts(sentence):
            if doc[start].lower_ not in _OPENERS or not _CLAIM.match(_words(doc[start : sentence.end], 8)):
                continue
            if start == sentence.start:
                joined = number > 0 and sentences[number - 1].start in merged  # never a chain of sentences
                if number > 0 and _make_first_person(sentences[number - 1]) and not joined:
                    merged[start] = False  # one sentence: the claim's "since 20 minutes ago" dates the words
            else:
                _make_first_person(doc[sentence.start : start])
    set_sentence_starts(doc, merged)
    return doc


def _clause_starts(sentence: Span) -> list[int]:
    """Where a claim may open: the sentence's start, or after a dash, comma, semicolon or colon in it."""
    starts = [sentence.start]
    starts += [t.i + 1 for t in sentence[:-1] if t.text in _PUNCTUATION_BEFORE]
    return starts


def _words(span: Span, count: int) -> str:
    return " ".join(t.norm_ for t in span[:count] if not t.is_space)


def _make_first_person(span: Span) -> bool:
    """Whether there was anything told of "you" in ``span`` (now put in the first person)."""
    if not any(t.norm_ in _FIRST_PERSON for t in span):
        return False  # nothing told of "you": the claim points at words that are already the writer's
    opener = next((t.i for t in span[:7] if t.norm_ in _CONDITIONS), None)
    for token in span:
        if token.i == opener:
            token.norm_ = ":"  # "What would you do if your face went numb?": claimed, the "if" frames nothing
        elif token.norm_ in _FIRST_PERSON:
            token.norm_ = _FIRST_PERSON[token.norm_]
        elif token.norm_ in {"'re", "’re", "are"} and token.i > 0 and token.doc[token.i - 1].norm_ == "i":
            token.norm_ = "am"  # "you're" -> "I am"
        elif token.text == "?":
            token.norm_ = "."  # "You know when your leg goes dead?": rhetorical, told as a report by the claim
    return True
