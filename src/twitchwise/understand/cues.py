"""Red-flag symptoms told in everyday words, read sentence by sentence (``cues.yaml``).

This stage complements the phrase reader: where that one knows names ("slurred speech"), this
one knows what people say instead ("my wife says I sound drunk", "I can't hold a cup", "my arm
and leg went heavy out of nowhere").  Each sentence is matched on its normalised words; each
match is then judged by who it is about (the writer, or someone they mention), what the
sentence does (reports, voices a worry, asks) and when (now, or long ago):

- reported, about the person, not negated: *present* (or *possible* when the cue needs a
  second concept the sentence lacks — "went numb on one side" without "suddenly");
- worried about, asked about, or long ago: *possible*;
- negated: nothing (the phrase reader keeps any "no").

A possible symptom is "not sure": the check asks it first, and the advice warns before it
reassures.  Matching is linear: each pattern's gaps are bounded.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

import msgspec
import yaml

from twitchwise.understand.lexicon import load_lexicon

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc, Span

MAX_WORDS = 12  # words of the person's own text quoted back
NEAR = 60  # characters either side of a match in which an ``unless`` group (such as "for years") counts
_GROUP = re.compile(r"\{(\w+)\}")
_NEGATION = re.compile(r"\b(?:no|not|never|without|none|nor|neither|denies|deny|nothing|zero|free of)\b")
_PSEUDO_NEGATION = re.compile(
    r"\b(?:not sure|not certain|no idea|not only|not just|nothing but|without (?:any |a )?warning"
    r"|never (?:had|felt|experienced|seen|happened|noticed)\b.{0,30}?\bbefore"
    # noticed only now, there all the same: "I hadn't noticed the hollow at the base of my thumb"
    r"|(?:had not|have not|has not|never) (?:noticed|realised|realized|seen|spotted) (?:the|that|how)\b"
    # a double negative affirms: "I can't say I'm not short of breath"
    r"|(?:can not|could not|would not|will not) (?:honestly |really )?say (?:that )?(?:i am|it is|i was|it was) not)\b"
    # a denial of what was just said, ending its clause: "like I've got a cold, but I haven't, and drinks come back
    # out of my nose"
    r"|\b(?:i|it|he|she|they|we) (?:have|has|had|do|does|did|am|is|are|was|were) not(?= ?[,.;:!-])"
)
_CLAUSE_BREAK = re.compile(
    r"[,;:.!?]|\b(?:but|though|although|however|whereas|except|yet|because|cos|coz|so)\b"
    # "'cause I'm stressed", not "can stress cause seizures?" (a verb)
    r"|\bcause\b(?= (?:i|it|he|she|they|we|you|there)\b)"
    r"|\band (?=(?:i|my|his|her|their|he|she|they|the)\b)"
)
# "maybe six weeks", "probably 3 a day": an amount given roughly, not a symptom in doubt
_ABOUT = (
    r" (?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|a few|a couple|half|once|twice|"
    r"an? (?:hour|day|week|fortnight|month|year|dozen))"
)
_DOUBT = re.compile(
    r"\b(?:i think(?! (?:it was|that was|i had|i have had|i just had|i (?:blacked|passed|fainted|collapsed|lost)\b))|"
    r"i thought|(?:maybe|perhaps|probably)(?!" + _ABOUT + r")|"
    # "he seems to stutter" is what she sees; "I seem to be dragging my foot", "it seems I can't get my words out" are
    # told, not doubted
    r"might|possibly|(?<!\bhe )(?<!\bshe )(?<!\bthey )(?<!\bi )(?:seems?|seemed)(?! (?:that )?(?:i|my)\b)|"
    r"not sure|i guess|kind of|sort of|a bit like|i feel like (?:it|this|that)\b|almost like|i believe|"
    r"believe to be|what i think is)\b"
)
_FAINTED = re.compile(r"(?:blacked out|passed out|fainted|collapsed)\b")
_THINK_I = re.compile(r"(?:^|\bi )think i (?:just |actually |literally )?$")  # "(I) think I just passed out": told
_ASKING = re.compile(r"^\s*(?:is|are|could|can|should|do|does|did|would|might|what|why|how|when|will)\b")
_WORRY = re.compile(
    r"\b(?:worr\w*|scared|afraid|fear\w*|terrified|anxious|panic\w*|paranoid|convinced|obsess\w*|what if|imagin\w*|"
    r"(?:could|might|can|would) (?:it|this|that|these|they) be|is (?:it|this|that)|are (?:these|they|those)|"
    r"signs? of|symptoms? of|read (?:about|that|online|up)|googl\w*|in case|look(?:ing)? (?:out )?for|"
    r"test(?:ing|ed)? (?:myself )?for|check(?:ing|ed)? (?:myself )?for|rule out|should i|do i have|"
    r"if i (?:get|have|had|develop|start)|would (?:i|it)|keep checking|wonder\w*|suspect\w*|thinking it is)\b"
)
# a question about a fact it tells: "is it normal that ...", "would it matter that ...", "should I worry that ..."
_PRESUPPOSED = re.compile(
    r"\b(?:(?:is|was)(?: not)? (?:it|this|that) (?:\w+ )?(?:normal|bad|ok|okay|serious|worrying|concerning|common|"
    r"dangerous|weird|odd|strange|unusual|funny|"
    r"a (?:bad |good )?sign|something to worry about|anything to worry about|a problem|an issue|fine) "
    r"(?:that|to|if|when|for)|(?:would|does|should|will) (?:it|that|this) matter (?:that|if)|"
    r"should(?: not)? i (?:worry|be (?:worried|concerned)) (?:that|about the fact that)|"
    # "Is it related to my left arm going numb an hour ago?": whether one thing goes with another that happened
    r"(?:is|are|could|can|might) (?:it|this|that|these|they|the twitch\w*) (?:be )?(?:related|linked|connected) to|"
    # "Why would half my face suddenly go numb?", "How worried should I be that I fainted?", "Could caffeine explain
    # why my hand is weaker?", "What's causing my arm to go numb?": each asks about a fact it tells
    r"why(?! (?:\w+ )?(?:anyone|anybody|someone|somebody|people|you|one|they)\b)|"
    # "How can I relieve the pain?", "how do I stop the cramps waking me": asking how to ease a thing takes it as given
    r"how (?:can|do|should|could|would|might) (?:i|we|you) (?:best )?"
    r"(?:relieve|ease|soothe|stop|treat|get rid of|deal with|cope with|manage|reduce) "
    r"(?:the |my |this |these |that |his |her |our )?|"
    r"how (?:worried|concerned|scared|bad|serious) (?:should|do|would|must) (?:i|we) be (?:that|about|if|when)|"
    r"how (?:bad|serious|worrying|concerning) is (?:it|this|that) (?:that|if|when)|"
    r"(?:explains?|explaining) (?:why|how|the fact that)|(?:causes?|causing|caused) (?:my|me)|"
    # "What does it mean if I can't catch my breath sitting still?", "Do I need A&E if my words came out jumbled
    # just now?", "Is it a stroke if my arm and leg suddenly feel heavy?": a question about what is happening (one
    # about what might, "if I get weakness", is still a worry: see framed)
    r"what (?:does|do) (?:it|this|that) (?:mean|indicate) (?:if|when|that)|"
    r"(?:do|should|must) i (?:need to |have to )?(?:go|call|ring|phone|see|get|need|worry|be (?:worried|concerned))"
    r"(?: [\w&]+){0,5} (?:if|when|that|because)|"
    r"(?:is|was) (?:it|this|that) (?:a |an )?[\w&]+ (?:if|when)|"
    # "the thing that's bothering me now is that my hand has got weaker": a worry about a fact it tells
    r"(?:bother\w*|worr\w*|concern\w*|scar\w*|frighten\w*|upset\w*) (?:me|us) (?:now |most |the most |more )?"
    r"(?:is|was) (?:that|how|the fact that))\b"
)
# after a question's "if": what might happen ("if I get weakness", "if my speech becomes slurred"), not what did
_MIGHT_HAPPEN = re.compile(
    r" *(?:i|my(?: \w+){1,3}|it|this|the \w+) (?:ever |suddenly |then |also )?"
    r"(?:get|gets|become|becomes|develop|develops|start|starts|turn|turns|have|had|were|was to|should|would|will)\b"
)
# the words _PRESUPPOSED is made of, kept beside it: a cheap look at raw text before a sentence is normalised
PRESUPPOSING_WORDS = re.compile(
    r"(?i)\b(?:normal|bad|ok|okay|serious|worrying|concerning|common|dangerous|weird|odd|strange|unusual|funny|sign|"
    r"worry|problem|issue|fine|matter|worried|concerned|related|linked|connected|why|explains?|explaining|causes?|"
    r"causing|caused|mean|indicate|if|when|bother\w*|scar\w*|frighten\w*|concern\w*|upset\w*|relieve|ease|soothe|"
    r"treat|rid|stop|manage|cope|deal)\b"
)
# symptoms the knowledge base asks about as they are now ("Are you struggling to breathe right now?"), so one said to
# have gone is asked again, never taken as present.  Not chest pain: one that came and went should see a GP
# (clinical.md 11a), a rule the knowledge base does not have yet, so it stays "chest pain" (urgent) rather than
# fall to self-care; and a stroke sign that came and went still counts (its rule says so).
# signs that matter as they are now: one told as gone ("short of breath yesterday, it went away", "my chest felt tight
# with anxiety, not now") is asked about, not taken. Chest pain itself that went away still counts (urgent): clinical.md
# 11a sends it to a GP, a rule the knowledge base does not have yet, and self-care would be below it
RIGHT_NOW = frozenset({"breathing_difficulty", "chest_pain_severe"})
GONE = re.compile(
    r"\b(?:went away|gone away|has gone|had gone|is gone|was gone|passed|has passed|stopped|settled|eased off|"
    r"disappeared|cleared up|went off|wore off|is fine now|fine now|better now|not now|not at the moment|"
    r"lasted (?:a|one|two|few) "
    r"(?:seconds?|minutes?))\b"
)
_PAST = re.compile(
    # not a time compared with ("harder than a few months ago", "weaker than last year") or counted from ("since 2
    # months back")
    r"\b(?<!than )(?<!than a )(?<!than it was )(?<!than they were )(?<!since )(?<!from )(?<!compared to )"
    r"(?<!compared with )(?:(?:\d+|a few|few|several|many|two|three|four|five|ten|some) (?:years|yrs|months) "
    r"(?:ago|back|before)|(?<!few )(?<!several )(?<!many )(?<!some )(?<!\d )(?:years ago|months ago)|"
    r"as a (?:child|kid|teen\w*|baby)|when i was (?:young|little|small|a (?:child|kid|teen\w*))|"
    r"last year|in (?:19|20)\d\d|a while (?:ago|back)|long time ago|once before|years back|back in|"
    # "She once had facial paralysis (suspected Bell's palsy)", "a history of seizures": a past event, asked about
    r"(?:i|he|she|they|we) once (?:had|got|suffered)|once had|had once|previously (?:had|suffered|got)|"
    r"(?:a |with a )history of|(?<!no )(?<!without )(?<!any )history of|used to (?:have|get))\b"
)
_NOW = re.compile(
    r"\b(?:now|these days|lately|recently|currently|at the moment|since then|today|this week|this morning|"
    r"this afternoon|this evening|tonight|last night|yesterday|just now|(?:minutes|an hour|hours) ago)\b"
)
# "right thumb since this morning, no numbness": a deficit denied inside a match that spans a clause
_NEGATED_DEFICIT = re.compile(
    r"(?:\b(?:no|not|without|nor|never)|n't)\s+(?:any\s+|much\s+|real\s+|at all\s+)?"
    r"(?:numb\w*|weak\w*|tingl\w*|heav\w*|paralys\w*|pins and needles|loss of (?:feeling|strength)|"
    r"droop\w*|lopsided|crooked|distorted|uneven|sagg\w*|twisted)"
)
"""A deficit denied inside the words a cue matched ("my face is not drooping", "my arm isn't weak")."""
_NEGATED_SIGN = re.compile(
    r"(?:\b(?:not|never)|n't)\s+(?:been\s+|feel\s+|feels\s+|look\s+|looks\s+|seem\s+|seems\s+|getting\s+|going\s+|"
    r"really\s+|at all\s+)?(?:dropped|fallen|droop\w*|shrink\w*|shrunk|wast\w*|twitch\w*|slurr\w*|heavy|numb|weak\w*|"
    r"crooked|lopsided|distorted|tingl\w*|dragg\w*|stumbl\w*|tripp\w*|clumsy|dropp\w*)$"
)
"""The sign itself denied at the end of a cue's words ("my tongue isn't twitching", "my muscles aren't shrinking",
"my face hasn't dropped", "my legs don't feel heavy"), not an inability ("I can't lift my arm")."""
_NOT_WRONG = re.compile(r" (?:wrong|funny|weird|strange|jumbled|muddled|garbled|slurred)\b")
"""After "my words aren't coming out": the wrongness denied, not the words."""
# advice read somewhere ("if your face droops"), or a plan for a day that has not come ("if I ever got slurred
# speech I'd go straight to A&E"): about no one now, so not a report and not a question either
# a doctor's advice of when to come back ("GP said to come back if it lasts more than 2 weeks or I get weakness"):
# what follows "if" is a condition, not a report
ADVICE_IF = re.compile(
    r"\b(?:said|says|told (?:me|us|him|her)|advised(?: me| us)?|asked (?:me|us)|tells (?:me|us)) (?:to |that i should |"
    r"i should )?(?:come back|go back|return|call|ring|phone|see (?:a|the|my|your|him|her|them)|seek help|get help|"
    r"go to (?:a ?& ?e|the er|hospital)|get (?:it )?checked)\b(?: \w+){0,4}? (?:if|should)\b"
)
_GENERIC = re.compile(
    r"\b(?:(?:if|when|whenever|once) (?:you|your)|if (?:i|he|she|they) (?:ever|were to|was to|should ever)|"
    r"should (?:i|he|she|they) ever|"
    # what was read of a disease ("I read that ALS starts with weakness and slurred speech")
    r"(?:read|reading|heard|hearing|learned|learnt|seen|saw) (?:online |somewhere )?that (?:als|mnd|ms|it|"
    r"motor neuron\w* disease|"
    r"a stroke|strokes) (?:often |usually |can |may )?(?:starts?|begins?|causes?|means?|includes?|comes? with))\b|"
    + ADVICE_IF.pattern
)
_WRITER_AFTER = re.compile(r"(?:(?!\b(?:which|who|that|it|and|but|because|so)\b)[^,.;:!?])*?\b(?:i|my|me)\b")
_DENIED_AFTER = re.compile(  # "if your face droops, call 999, but mine doesn't": said and denied at once
    r"[^.;]{0,60}?\bbut (?:"
    r"(?:mine|it|his|hers|theirs|my \w+|he|she|i) "
    r"(?:does not|do not|did not|has not|have not|is not|am not)"
    r"(?:\s*(?:[.,;!]|$)| (?:at all|really|either)\b)"
    # "… swallowing problems with twitching but I swallow fine": the function named, and said to be fine
    r"|(?:i|he|she|they) (?:can )?(?:still )?(?:swallow|speak|talk|walk|breathe|see|eat|drink|move)\w* "
    r"(?:fine|normally|ok|okay|well|without (?:any )?(?:problems?|trouble|difficulty))\b"
    # "I googled 'can't swallow' and 'weakness' and scared myself, but I have neither"
    r"|(?:i|he|she|they) (?:have|has|had|get|got) "
    r"(?:neither|none of (?:them|those|these|it)|nothing like (?:that|it))\b"
    # "I thought I was dropping things more but I counted and it's the same as always"
    r"|(?:\w+ ){0,4}(?:it is|it 's|its|it was) (?:just )?"
    r"(?:the same as (?:always|usual|ever|before)|no (?:more|worse) than (?:usual|before|ever))\b"
    r")"
)


def _people_words() -> str:
    """The writer's people as the lexicon names them ("my flatmate", "my hubby"), those named by a role ("the
    patient"), and those who tell them things."""
    lexicon = load_lexicon()
    words = set(lexicon.people) | set(lexicon.roles) | {"mom", "mother", "father", "doctor", "gp"}
    return "(?:" + "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) + r"|grand\w+|aunt\w*)"


_PEOPLE = _people_words()
FIGURATIVE = re.compile(r"\b(?:figuratively|metaphorically|not literally|in a manner of speaking|so to speak)\b")
"""Words that say what they follow is a figure of speech."""
_CLAUSE_EDGE = re.compile(r"[,;:]| - |\b(?:but|however|though|although|yet)\b")
_TAKEN_BACK = re.compile(r"\W*(?:speaking\W*)?(?:-\W*)?(?:no\b|actually|literally|really)")


def figurative_spans(text: str) -> list[tuple[int, int]]:
    """Where a sentence's words are said to be a figure of speech: the marker's own clause, and the clause before it
    when the marker opens its clause ("I can't catch my breath at work, figuratively") -- not what follows a turn
    ("figuratively speaking, but my face drooped"), not "not figuratively", not "figuratively - no, literally"."""
    spans: list[tuple[int, int]] = []
    markers = list(FIGURATIVE.finditer(text))
    if not markers:
        return spans
    edges = [(m.start(), m.end()) for m in _CLAUSE_EDGE.finditer(text)]  # read once: bisected for every marker
    for marker in markers:
        if text[max(0, marker.start() - 4) : marker.start()] == "not " and marker[0] != "not literally":
            continue
        if _TAKEN_BACK.match(text, marker.end()):
            continue
        before = bisect_right(edges, (marker.start(), -1))  # the edges that start before the marker
        start = edges[before - 1][1] if before else 0
        if before and not text[start : marker.start()].strip():  # ", figuratively": the clause before it
            start = edges[before - 2][1] if before > 1 else 0
        after = bisect_right(edges, (marker.end(), -1))
        spans.append((start, edges[after][0] if after < len(edges) else len(text)))
    return spans


_SOMEONE = (  # someone named by a role or a word for a person, with "the" or "a" ("a lady at the bus stop")
    r"(?:the|a|an|this|that|one of (?:my|the|our)) (?:\w+ ){0,2}?"
    rf"(?:{_PEOPLE}|man|woman|guy|lady|bloke|chap|person|people|boy|girl|men|women|guys|ladies)"
)


def figurative_tokens(sentence: Span) -> list[int]:
    """The tokens of a sentence its words say are a figure of speech (``figurative_spans`` over its normalised words,
    as the cues read them)."""
    text, starts = _norm_text(sentence)
    if FIGURATIVE.search(text) is None:
        return []
    tokens = [t.i for t in sentence if not t.is_space]
    return [
        i
        for first, last in figurative_spans(text)
        for i in tokens[bisect_left(starts, first) : bisect_left(starts, last)]
    ]


_OTHER_PERSON = re.compile(rf"\b(?:my|our|his|her) {_PEOPLE}\b|\b(?:he|she|they|him|her)\b|\b{_SOMEONE}\b")
_PERSON = re.compile(rf"\b(?:my|our|his|her) {_PEOPLE}\b|\b(?:he|she|him|her)\b")  # someone named, not "they"
# someone seen or read about, not the writer ("a video of someone with MND dropping things")
_SEEN_OTHER = re.compile(r"\b(?:someone|somebody|people|patients|a (?:man|woman|person)) (?:with|who)\b|\bvideos? of\b")
# "my husband says shallow breaths even when I sit still": one who tells what they see of the writer
_TELLS = re.compile(
    rf"\b(?:(?:my|our) {_PEOPLE}|{_SOMEONE})(?: \w+){{0,6}}? (?:says|said|thinks|thought|reckons|noticed|has noticed|"
    r"tells me|told me|asked|asks|asking|wondered|wonders|mentioned|pointed out|commented|remarked|observed|"
    r"suggested|warned|joked|laughed|reckoned|notices|spotted)\b"
)
_FIRST_PERSON = re.compile(rf"\b(?:i|me|myself|i am)\b|\bmy (?!{_PEOPLE}\b)")


class Cue(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    symptom: str
    patterns: list[str]
    confirm: bool = False
    confirm_with: str | None = None
    unless: list[str] = msgspec.field(default_factory=list)
    doubt_when: list[str] = msgspec.field(default_factory=list)
    except_when: list[str] = msgspec.field(default_factory=list)
    # a measurement that fell: the pattern's groups ``before`` and ``after`` are numbers, and the cue holds only when
    # the second is less than nine tenths of the first ("grip went from 40 kg to 25 kg"; not "from 45 to 44")
    falls: bool = False


class CueFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    groups: dict[str, str]
    cues: list[Cue]


@dataclass(frozen=True)
class Compiled:
    cue: Cue
    patterns: tuple[re.Pattern[str], ...]


@dataclass
class Found:
    """What the cues found: symptoms present, and symptoms possible, each with the person's words."""

    present: dict[str, str] = field(default_factory=dict)
    possible: dict[str, str] = field(default_factory=dict)
    # told plainly but without what would confirm it ("shallow breaths", with no "at rest"): possible, not doubted
    unconfirmed: dict[str, str] = field(default_factory=dict)


class Cues:
    def __init__(self, data: CueFile) -> None:
        groups: dict[str, str] = {}
        for name, text in data.groups.items():
            groups[name] = _expand("".join(line.strip() for line in text.splitlines()), groups, name)
        self.groups = {name: re.compile(rf"\b(?:{text})") for name, text in groups.items()}
        self.cues = tuple(
            Compiled(cue, tuple(re.compile(rf"\b(?:{_expand(p, groups, cue.symptom)})") for p in cue.patterns))
            for cue in data.cues
        )
        if "event" not in groups:
            raise ValueError("cues.yaml: the group 'event' is missing")
        for cue in data.cues:
            named = [*([cue.confirm_with] if cue.confirm_with else []), *cue.unless, *cue.doubt_when, *cue.except_when]
            for group_name in named:
                if group_name not in groups:
                    raise ValueError(f"cues.yaml: {cue.symptom}: unknown group {group_name!r}")

    def find(self, doc: Doc, *, about_self: bool, recent: bool = False) -> Found:
        """``recent``: the text says its complaint began within a day, which is the onset a cue may need
        ("numbness in my right arm. These symptoms have lasted 15 hours.")."""
        found = Found()
        sentences = [(sentence, *_norm_text(sentence)) for sentence in doc.sents]
        # a change someone saw happen ("Dad was not acting right", "we called an ambulance") dates every sign the
        # text then tells, whichever sentence it is in
        recent = recent or any(self.groups["event"].search(text) for _, text, _ in sentences)
        for number, (sentence, text, starts) in enumerate(sentences):
            asks = text.rstrip().endswith("?")
            if asks and _answered_no(sentences, number):
                continue  # "trouble swallowing? no." -- a question the person answered no to
            # "Is double vision a sign? I have it since an hour ago": a question the person answered yes to
            asks = asks and not _answered_yes(sentences, number)
            self._sentence(sentence, text, starts, found, about_self=about_self, recent=recent, asks=asks)
        for symptom in found.present:
            found.possible.pop(symptom, None)
        return found

    def _sentence(
        self, sentence: Span, text: str, starts: list[int], found: Found, *, about_self: bool, recent: bool, asks: bool
    ) -> None:
        """``text`` and ``starts``: the sentence's normalised words and where each token starts (``_norm_text``);
        ``asks``: the sentence is a question the person has not answered."""
        if not text:
            return
        figures = figurative_spans(text)  # "I can't catch my breath at work, figuratively": a figure of speech
        # where someone else's words reach ("the patient I'm caring for can't swallow"), as the context stage found
        theirs: frozenset[int] = frozenset()
        if told_of_others := sentence.doc._.told_of_others:
            tokens = [t.i for t in sentence if not t.is_space]
            theirs = frozenset(at for at, i in zip(starts, tokens, strict=True) if i in told_of_others)
        remote = _PAST.search(text) is not None
        for compiled in self.cues:
            cue = compiled.cue
            if cue.symptom in found.present:
                continue
            # the first match the sentence tells as the person's, not explained away: "I always slur my words when
            # I'm drunk, but since 20 minutes ago I can't get my words out" is read past its habit
            for match, unclear in self._reported(compiled, text, about_self=about_self, theirs=theirs):
                judged = self._judge(
                    cue, text, match, unclear, figures=figures, asks=asks, remote=remote, recent=recent
                )
                if judged is None:
                    continue
                words = _words(sentence, starts, match)
                if judged == "present":
                    found.present.setdefault(cue.symptom, words)
                else:
                    found.possible.setdefault(cue.symptom, words)
                    if judged == "unconfirmed":
                        found.unconfirmed.setdefault(cue.symptom, words)
                break

    def _judge(
        self,
        cue: Cue,
        text: str,
        match: re.Match[str],
        unclear: bool,
        *,
        figures: list[tuple[int, int]],
        asks: bool,
        remote: bool,
        recent: bool,
    ) -> Literal["present", "possible", "unconfirmed"] | None:
        """What one match of a cue tells: present, possible (asked), possible for want of its confirming words
        (``unconfirmed``), or nothing (None: a figure of speech, or explained away where it was said)."""
        if cue.falls and not _fell(match):
            return None
        if any(start <= match.start() < end for start, end in figures):
            return None
        if unclear:
            return "possible"  # "no pain and tingling around my lips": asked
        near_start = max(0, match.start() - NEAR)
        near = text[near_start : match.end() + NEAR]
        sign = (match.start() - near_start, match.end() - near_start)
        explained = [name for name in cue.except_when if _explains(self.groups[name], near, sign)]
        drink = self.drink_explains(near) if explained == ["drinking"] else True
        if explained and drink is True:
            return None  # "my hand went numb when I hit my funny bone": explained where it was said
        if explained and drink is None:
            return "possible"  # "suddenly slurring, after a few beers": asked
        if cue.symptom in _TASK_SIGNS and _reason_outside(text, match.end()):
            return None  # "I can't open the jar because the lid is stuck": the task fails for a reason outside them
        onset = cue.confirm_with is not None and (
            (recent and cue.confirm_with in _ONSETS) or self.groups[cue.confirm_with].search(text) is not None
        )
        if not onset and any(
            self.groups[name].search(near) and not (name == "lifelong" and self.groups["changed"].search(text))
            for name in cue.unless
        ):
            return None  # "numb down my left side for years": not this cue's (a long-standing symptom)
        if framed(text, match.start(), asks=asks, remote=remote):
            return "possible"
        if cue.symptom in RIGHT_NOW and GONE.search(text, match.end(), match.end() + 80):
            return "possible"  # "short of breath yesterday, it went away": asked
        if any(self.groups[name].search(near) for name in cue.doubt_when):
            return "possible"  # "woke with my arm numb, I'd slept on it": asked
        return "present" if cue.confirm or onset else "unconfirmed"

    def drink_explains(self, near: str) -> bool | None:
        """Whether drink told near a speech sign explains it: "slurring after too many wines at the wedding" yes;
        told as lasting or changed ("slurred over the last few weeks, after a few beers") no; told as just now
        ("suddenly my words won't come out right, after a few beers") not sure -- asked, never taken as drink; a habit
        of drink ("I always slur my words when I'm drunk") yes, unless told as changed."""
        drink = self.groups["drinking"].search(near)
        if drink and drink[0].startswith(("when", "every")) and not self.groups["changed"].search(near):
            return True
        if any(self.groups[name].search(near) for name in ("chronic", "gradual", "changed")):
            return False
        return None if self.groups["onset"].search(near) else True

    def _reported(
        self, compiled: Compiled, text: str, *, about_self: bool, theirs: frozenset[int] = frozenset()
    ) -> Iterator[tuple[re.Match[str], bool]]:
        """Each match told of the person, in order, and whether a denial before it may or may not reach it;
        ``theirs``: where the words of someone else start (as the context stage reads them)."""
        for pattern in compiled.patterns:
            for found in _overlapping(pattern, text):
                match = _past_a_denied_deficit(pattern, text, found)
                clause = _clause_before(text, match.start())
                denied = _negated(clause) or _in_denied_list(text, match)
                # "no pain and tingling around my lips": a denial that may or may not reach the words is asked about
                unclear = denied and _unclear_denial(
                    text[max(0, match.start() - 80) : match.start()], text[match.end() : match.end() + 120]
                )
                if (
                    (denied and not unclear) or generic(clause) or _DENIED_AFTER.match(text, match.end())
                    or _denied_inside(match[0])
                    or _label_answered_no(text, match) or _wrongness_denied(text, match)
                ):  # fmt: skip
                    continue  # "no slurring"; "if your face droops, call 999"; "... droops, but mine doesn't"
                if about_self and match.start() in theirs and not _the_writers("", text, match):
                    continue  # "the patient I'm caring for can't swallow", "our neighbour, who is 90, fainted"
                told = _TELLS.sub("", clause)
                seen = max(_SEEN_OTHER.finditer(told), key=lambda m: m.start(), default=None)
                if about_self and seen and not _FIRST_PERSON.search(told[seen.start() :] + match[0]):
                    continue  # "I watched a video of someone with MND dropping things": the one in the video
                if (
                    about_self and _OTHER_PERSON.search(told)
                    and not _the_writers(told, text, match)
                    and not _they_are_body_parts(text, told, match.start())
                ):  # fmt: skip
                    continue  # "my dad couldn't swallow": about him, not the writer
                yield match, unclear


def _the_writers(before: str, text: str, match: re.Match[str]) -> bool:
    """Whether the writer is named in ``before`` and the sign's words, or in the sign's own clause after it ("… and
    shallow breaths even when I'm sitting still" is the writer's; "… had a seizure, which stressed me out" is not)."""
    return _FIRST_PERSON.search(before + match[0]) is not None or _WRITER_AFTER.match(text, match.end()) is not None


_PLURAL_PARTS = re.compile(
    r"\b(?:my|both|the) (?:\w+ )?(?:legs|arms|hands|feet|calves|thighs|muscles|twitches|fingers|toes|eyes|eyelids|"
    r"shoulders|knees|forearms)\b"
)


def _they_are_body_parts(text: str, told: str, offset: int) -> bool:
    """ "No strength left in my legs - they've got weaker every week": "they" are the writer's legs, not people."""
    if {m[0] for m in _OTHER_PERSON.finditer(told)} - {"they", "them"}:
        return False
    before = text[max(0, offset - 80) : offset]
    parts = max((m.end() for m in _PLURAL_PARTS.finditer(before)), default=None)
    return parts is not None and _PERSON.search(before) is None


WHOLE_ANSWER = r"(?= *(?:[.,;:!?)\n-]|$)| +(?:and|but|though|thankfully|whatsoever|at all|none|never|not)\b)"
"""After a label's "no": the "no" is the whole answer ("Speech: no.", "Numbness - no, none at all"), not the start of
one ("- no warning, it just happened", "no idea")."""
_LABEL_NO = re.compile(r"(?: [a-z]+){0,2} ?[?:;=-] (?:no|none|nope|never|nil|negative)" + WHOLE_ANSWER)
"""The answer "no" after a label, which may go on a word or two past the words matched ("Slurred speech: no"); the
"no" ends the answer ("Can't lift my right arm - no warning, it just happened" is no label answered no)."""
_LABEL_OPENING = re.compile(r"^(?:[-*•·>] |\d+ ?[.)] )?$")


def _wrongness_denied(text: str, match: re.Match[str]) -> bool:
    """ "My words aren't coming out wrong": the negation is of what follows, so nothing is told."""
    return ("n't" in match[0] or " not " in match[0]) and _NOT_WRONG.match(text, match.end()) is not None


def _label_answered_no(text: str, match: re.Match[str]) -> bool:
    """ "Slurring - no.", "Speech: none": a label opening its sentence or line, answered no."""
    opening = _LABEL_OPENING.match(text, 0, match.start())  # anchored at both ends: no copy of a long prefix
    return opening is not None and _LABEL_NO.match(text, match.end()) is not None


def _fell(match: re.Match[str]) -> bool:
    before, after = float(match["before"]), float(match["after"])
    return after < 0.9 * before


def _denied_inside(words: str) -> re.Match[str] | None:
    """A deficit or the sign itself denied inside a cue's words ("my face is not drooping", "my tongue isn't
    twitching"): the denial, if any."""
    return _NEGATED_DEFICIT.search(words) or _NEGATED_SIGN.search(words)


_RETRY_WITHIN = 2_000  # characters: far longer than any sentence a person writes
_LISTED_ON = re.compile(r"\s*(?:,\s*)?(?:or|nor|and|,)\s+(?:any\s+|even\s+|really\s+)?\S+")


def _past_a_denied_deficit(pattern: re.Pattern[str], text: str, match: re.Match[str]) -> re.Match[str]:
    """ "my arm is not numb but it went weak an hour ago": a match that ends on a deficit denied ("arm is not numb") is
    tried again from the same start with the denied words blanked out (the same length, so every position holds),
    so a deficit told after it is found ("arm … went weak"); the match as it was when there is none."""
    if len(match.string) > _RETRY_WITHIN:
        return match  # a blanked copy of a sentence this long for each match would grow with its square
    for _ in range(3):
        denied = _denied_inside(match[0])
        if denied is None or denied.end() != len(match[0]):
            return match
        start, end = match.start() + denied.start(), match.start() + denied.end()
        masked = match.string[:start] + " " * (end - start) + match.string[end:]
        again = pattern.match(masked, match.start())
        if again is None or _LISTED_ON.fullmatch(masked, end, again.end()):
            return match  # not "my muscles aren't shrinking or wasting": the denial goes on down the list
        match = again
    return match


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Each match, then the next one starting after its start (not its end): a match passed over ("no weakness ;
    suddenly not able to lift my right hand", from "weakness") must not hide the one inside it ("not able to lift
    my right hand")."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        yield match
        position = match.start() + 1


_ONSETS = frozenset({"onset", "onset_or_fall"})  # the groups that tell a sign began suddenly


def framed(text: str, offset: int, *, asks: bool, remote: bool) -> bool:
    """Whether words at ``offset`` are a worry, a question or long past rather than a report.

    "could this be atrophy?", "scared of losing my speech", "is it normal that I drop things?",
    "I think my calf is smaller", "I had a seizure as a child".  A worry that explains a report
    ("I'm scared because I keep dropping things") is a report: "because" starts a new clause.
    """
    if remote and not _past_left_behind(text, offset):
        return True
    clause = _clause_before(text, offset)
    presupposed = max(_PRESUPPOSED.finditer(clause), key=lambda m: m.start(), default=None)
    if presupposed is not None:
        # "is it normal to not be able to lift my arm?", "would it matter that my grip is weaker?": the question is
        # whether it matters; that it happens is told
        rest = clause[presupposed.end() :]
        # (read on past the offset: the sign's own words may hold the verb, "if my speech becomes slurred")
        if presupposed[0].endswith((" if", " when")) and _MIGHT_HAPPEN.match(rest + text[offset : offset + 60]):
            return True  # "should I go to A&E if I get weakness?", "… if my speech becomes slurred?": what might happen
        return bool(_WORRY.search(rest) or _DOUBT.search(rest))
    if (think := _THINK_I.search(clause)) and _FAINTED.match(text, offset):
        clause = clause[: think.start()]  # "I think I blacked out just now": a faint told, not a doubt
    if _WORRY.search(clause) or _DOUBT.search(clause):
        return True
    return asks and _ASKING.search(clause) is not None


@dataclass(frozen=True)
class Frame:
    """One sentence, read once: its normalised text, where each token starts in it, whether it
    asks and whether it speaks of long ago (so judging many phrases in it stays linear)."""

    text: str
    offsets: dict[int, int]  # token index -> character offset in ``text``
    asks: bool
    remote: bool

    def framed(self, token_index: int) -> bool:
        """Whether the phrase starting at ``token_index`` is a worry, doubt, question or old event."""
        return framed(self.text, self.offsets.get(token_index, 0), asks=self.asks, remote=self.remote)

    def presupposed(self, token_index: int) -> bool:
        """Whether the phrase is what a question takes as given ("Is it weird that I keep tripping?")."""
        return _PRESUPPOSED.search(_clause_before(self.text, self.offsets.get(token_index, 0))) is not None


def frame_of(sentence: Span) -> Frame:
    text, starts = _norm_text(sentence)
    tokens = [t.i for t in sentence if not t.is_space]
    return Frame(
        text, dict(zip(tokens, starts, strict=True)), text.rstrip().endswith("?"), _PAST.search(text) is not None
    )


def _expand(pattern: str, groups: dict[str, str], owner: str) -> str:
    def group(match: re.Match[str]) -> str:
        name = match[1]
        if name not in groups:
            raise ValueError(f"cues.yaml: {owner}: unknown group {name!r}")
        return f"(?:{groups[name]})"

    return _GROUP.sub(group, pattern)


# an explanation told as a picture or denied explains nothing: "half my face feels like it's been to the dentist",
# "you know when your leg goes dead after sitting on it? That's my whole left side",
# "numb as if I'd sat on it", "… the dentist, but I haven't been", "I haven't been to the dentist"
_PICTURED = re.compile(
    r"\b(?:(?:like|as if|as though) (?:it|i|you|someone|somebody|when)|you know (?:when|how))\b[^,.;]{0,30}$"
)
_NOT_HAD = re.compile(r"\b(?:not|never|no)(?: (?:been|had|gone|seen))?(?: to| at| near| any| a)?(?: the| my)? $")
_DENIED_SINCE = re.compile(
    r"\W*(?:but|though|although|and) (?:i|it|he|she|they) (?:have|has|had|did|was|is|were) not\b"
)


def _explains(group: re.Pattern[str], near: str, sign: tuple[int, int]) -> bool:
    """Whether an explanation (a group of ``except_when``) is told in ``near`` as what happened to the sign at
    ``sign`` (``_explains_sign``: a claim joined to the sentence before it by the claims stage, "You know when your
    leg goes dead after sitting on it? That's my whole left side", is parted from it)."""
    return any(
        not _PICTURED.search(near, max(0, found.start() - 40), found.start())
        and not _NOT_HAD.search(near, max(0, found.start() - 25), found.start())
        and not _DENIED_SINCE.match(near, found.end())
        and _explains_sign(found, near, sign)
        for found in group.finditer(near)
    )


def _explains_sign(found: re.Match[str], near: str, sign: tuple[int, int]) -> bool:
    """Whether an explanation reaches the sign: not past a full stop, "but" ("I always slur my words when I'm drunk,
    but since 20 minutes ago I can't get my words out") or a new clause (", and"), and a habit's "when I'm drunk"
    only the words before it."""
    between = near[min(found.end(), sign[0]) : max(found.start(), sign[1])]
    if " . " in between or " but " in between or " , and " in between:
        return False
    return not (found[0].startswith(("when", "every")) and found.start() < sign[0])


def _norm_text(sentence: Span) -> tuple[str, list[int]]:
    """The sentence's normalised words joined by spaces, and where each token starts in it."""
    parts: list[str] = []
    starts: list[int] = []
    position = 0
    for token in sentence:
        if token.is_space:
            continue
        starts.append(position)
        parts.append(token.norm_)
        position += len(token.norm_) + 1
    return " ".join(parts), starts


def _words(sentence: Span, starts: list[int], match: re.Match[str]) -> str:
    """The person's own words behind a match (at most ``MAX_WORDS`` tokens)."""
    tokens = [t for t in sentence if not t.is_space]
    first = bisect_right(starts, match.start()) - 1
    last = min(bisect_right(starts, max(match.end() - 1, match.start())) - 1, first + MAX_WORDS - 1)
    if first < 0 or last < first:
        return match[0]
    return sentence.doc[tokens[first].i : tokens[last].i + 1].text


def generic(clause: str) -> bool:
    """Whether words are advice to anyone ("if your face droops …"), not about the person."""
    return _GENERIC.search(clause) is not None


def denied_after(rest: str) -> bool:
    """Whether what follows a mention denies it at once (", but mine doesn't")."""
    return _DENIED_AFTER.match(rest) is not None


_CLAUSE_REACH = 400


def _clause_before(text: str, end: int) -> str:
    from twitchwise.understand.context import denied_list_openings

    # with no clause break in the 80 characters before, the clause runs from the sentence's start -- read at most
    # _CLAUSE_REACH characters back, so a run-on sentence of thousands of words costs each match constant work
    start = 0 if end <= _CLAUSE_REACH else text.find(" ", end - _CLAUSE_REACH, end) + 1
    for boundary in _CLAUSE_BREAK.finditer(text, max(0, end - 80), end):
        start = boundary.end()
    words = text[start:end].split()
    closings: set[int] = set()
    # "no headache or fever and …", "no pain and one side of my face fell": the denial ends at the "and" (the words
    # just after it say whether a statement starts there)
    denied_list_openings([*words, *text[end : end + 120].split()[:12]], closings=closings)
    closings = {at for at in closings if at < len(words)}
    return " ".join(words[max(closings) + 1 :]) if closings else text[start:end]


# the person's own answer to the question before: "Is double vision a sign? I have it since an hour ago" (yes), "Would
# double vision be a sign? I don't have it" (no)
_MINE = re.compile(
    r"(?:and |well |yes ,? |yes |yeah ,? |yeah )?i (?:have|had|do|did|get|got) (?:it|that|this|them)\b"
    r"(?! (?:checked|looked at|seen|tested|done))"
)
_NOT_MINE = re.compile(
    r"(?:but )?i (?:do not|have not|did not) (?:have|got|get|had)? ?(?:any|it|that|them|those|either|any of (?:those|"
    r"these|them|that))\b|(?:but )?i have (?:neither|none|not got (?:any|it|them|either))\b"
)


def _answered_yes(sentences: list[tuple[Span, str, list[int]]], number: int) -> bool:
    return number + 1 < len(sentences) and _MINE.match(sentences[number + 1][1]) is not None


def _answered_no(sentences: list[tuple[Span, str, list[int]]], number: int) -> bool:
    following = sentences[number + 1][1].split()[:2] if number + 1 < len(sentences) else []
    if following[1:] and following[1] in {"idea", "clue", "sure", "doubt", "way", "matter"}:
        return False  # "No idea", "no clue": not an answer
    if following[:1] in (["no"], ["none"], ["nope"], ["never"], ["nah"], ["negative"]):
        return True
    # "Would double vision be a sign? I don't have it": the person's own answer, no
    return number + 1 < len(sentences) and _NOT_MINE.match(sentences[number + 1][1]) is not None


def _past_left_behind(text: str, offset: int) -> bool:
    """Whether the words at ``offset`` are told after every time long past is left behind -- by a "now" ("My dad had a
    stroke 5 years ago; now he has twitching and his speech is slurred") or a "but" ("Went to the ER last year for a
    panic attack, but my left arm just went numb") -- with none in their own clause: a report, not the past."""
    last_past = max((m.end() for m in _PAST.finditer(text, 0, offset)), default=-1)
    turned = _NOW.search(text, max(0, last_past), offset) is not None or (
        last_past >= 0 and " but " in text[last_past:offset]
    )
    if not turned:
        return False
    after = _CLAUSE_BREAK.search(text, offset)
    return _PAST.search(text, offset, after.start() if after else len(text)) is None


_WORD_REST = re.compile(r"\w*")


def _in_denied_list(text: str, match: re.Match[str]) -> bool:
    """ "no fever, rash, vomiting or headache": the match is a bare item of a list a denial opens, each item a few
    words joined by commas, "or" or "and", none of them starting a statement (not "vomiting since yesterday")."""
    from twitchwise.understand.context import denied_list_openings, ends_an_item

    rest = _WORD_REST.match(text, match.end())
    end = rest.end() if rest else match.end()  # "one-sided weak|ness": to the end of the word
    if not ends_an_item(text[end : end + 60].split()[:3]):  # a window: not the sentence's rest
        return False
    before = text[max(0, match.start() - 1200) : match.start()].split()  # a note's long "denies" list
    after = text[match.start() : match.start() + 80].split()  # what follows a comma decides whether it closes a list
    return denied_list_openings([*before, *after])[len(before)]


def _unclear_denial(before: str, rest: str) -> bool:
    """ "no pain and …", "never smoked, …": whether the last denial before words may or may not reach them."""
    from twitchwise.understand.context import unclear_reach

    words = before.split()
    start = max((i for i, w in enumerate(words) if _NEGATION.fullmatch(w)), default=None)
    if start is None or len(words) - start < 3:
        return False  # the denial is just before the words ("no slurring")
    if _PSEUDO_NEGATION.search(" ".join(words[max(0, start - 2) : start + 2])):
        return False  # "but I haven't, and …": a denial of what came before
    return unclear_reach(words[start:], rest.split()[:12])


# signs told as a task that fails, which a reason outside the body explains
_TASK_SIGNS = frozenset({"loss_of_dexterity", "weakness", "tripping_or_foot_drop"})
_BECAUSE = re.compile(
    r"[^.;!?,]{0,25}?\b(?:because|cos|coz|cause|cuz) (?:of )?(?:the|my|our|his|her|their|it|it is|there|a|an|"
    r"someone|somebody|i|we|they|he|she|mine)\b(?:(?! and | but | so | also )[^.;!?,]){0,60}"
)
# ... unless the reason is the body ("because my hand is weak", "because of the twitching", "cos it keeps slipping")
_BODILY = re.compile(
    r"\b(?:hands?|fingers?|thumbs?|arms?|legs?|foot|feet|toes?|grip|wrists?|elbows?|knees?|shoulders?|ankles?|hips?|"
    r"muscles?|body|side|strength|weak\w*|twitch\w*|numb\w*|tingl\w*|shak\w*|trembl\w*|tremors?|pain\w*|hurts?|"
    r"hurting|sore|stiff\w*|cramp\w*|spasm\w*|heavy|dead|clumsy|co-?ordination|balance|dizzy|nerves?|brain|"
    r"symptoms?|condition|illness|tired|fatigue\w*|exhausted|injur\w*|can not|could not|will not|would not|"
    r"does not|do not|not work\w*|keeps?|kept)\b"
)


def _reason_outside(text: str, end: int) -> bool:
    """Whether the words right after a failed task give it a reason outside the body ("because the lid is stuck",
    "because my teacher is ill" -- not "because my hand is weak")."""
    reason = _BECAUSE.match(text, end)
    return reason is not None and _BODILY.search(reason[0]) is None


def _negated(clause: str) -> bool:
    tail = " ".join(clause.split()[-6:])
    return _NEGATION.search(tail) is not None and _PSEUDO_NEGATION.search(tail) is None


@cache
def cue_file() -> CueFile:
    """``cues.yaml`` as written (the speller takes its words from it too), read once."""
    text = resources.files("twitchwise.understand").joinpath("cues.yaml").read_text(encoding="utf-8")
    return msgspec.convert(yaml.safe_load(text), type=CueFile, strict=True)


@cache
def load_cues() -> Cues:
    return Cues(cue_file())
