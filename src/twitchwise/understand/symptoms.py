"""Symptoms: named ones (present, absent or not sure), yes/no facts, and red flags told in everyday words."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from twitchwise.understand.cues import GONE, RIGHT_NOW, WHOLE_ANSWER
from twitchwise.understand.text import About, Text, norm_at

if TYPE_CHECKING:
    from spacy.tokens import Span


def symptoms(text: Text) -> dict[str, bool | None]:
    """Each named symptom: present, absent, or not sure (None)."""
    states: dict[str, list[bool | None]] = {}
    figurative = _figurative_tokens(text)
    for ent in text.by_label("SYMPTOM"):
        if text.generic_or_denied(ent) or _a_small_spasm(text, ent) or _a_feeling_of(text, ent) or _idiom(text, ent):
            continue
        if ent.ent_id_ in {"getting_worse", "muscle_wasting"} and _worse_of_something_else(text, ent):
            continue  # "the traffic is getting worse", "my team's morale is wasting away"
        if ent.start in figurative or (ent.ent_id_ in _SKILLS and _as_always(text, ent)):
            continue  # "can't catch my breath at work, figuratively"; "I slur my words when excited but always have"
        if ent.ent_id_ == "loss_of_dexterity" and _composing(text, ent):
            continue  # "I have trouble writing my thesis"
        if ent.ent_id_ in _RECENT_EVENTS and (_long_past(text, ent) or _ill_for_long(text, ent)):
            continue  # "I had the stomach flu a year ago, nothing since": not a recent loss of fluid
        drink = _after_drink(text, ent) if ent.ent_id_ == "slurred_speech" else False
        if drink is True:
            continue  # "I was slurring after too many wines at the wedding"
        if ent.ent_id_ in _ACCIDENTS and _one_accident(text, ent):
            continue  # "tripped over the cat yesterday", "dropped my phone in the bath": one accident, not a sign
        state = False if _no_problems_with(text, ent) else text.state(ent)
        if drink is None and state is True:
            state = None  # "suddenly slurring, after a few beers": drink or not, asked
        if ent.ent_id_ == "spreading" and state is not False and _within_one_muscle(text, ent, doubted=state is None):
            continue  # "the twitches spread out across the calf": no word on spreading to new places (left unanswered)
        if ent.ent_id_ == "confusion_or_agitation" and state is True and _puzzled(text, ent):
            state = None  # "so I was really confused": puzzled, most likely (asked, as the cue does)
        if ent.ent_id_ in RIGHT_NOW and state is True and _since_gone(text, ent):
            state = None  # "I was short of breath yesterday but it went away": is it there now? asked
        states.setdefault(ent.ent_id_, []).append(state)
        if state is True:
            text.told.setdefault(ent.ent_id_, ent.text)
    result: dict[str, bool | None] = {}
    for symptom, seen in states.items():
        # present anywhere wins; otherwise the last word on it ("worried about weakness, but not weak")
        result[symptom] = True if True in seen else seen[-1]
    return result


# things in the world that get worse, named in the clause before "getting worse" ("the traffic is getting worse",
# "my hours at work have been increasing"); anything else may be the person's and stays a sign
_WORLDLY = frozenset({
    "traffic", "weather", "commute", "queue", "queues", "economy", "prices", "news", "workload", "deadlines", "noise",
    "rent", "bills", "politics", "wifi", "hours", "work", "job", "boss", "situation", "marriage", "relationship",
    "exams", "grades", "finances", "debt", "weeds", "morale", "team", "savings", "budget", "business", "company",
    "garden", "plants", "battery", "motivation", "patience", "account", "career", "friendship",
})  # fmt: skip
# what a person does that may always have been so ("I slur my words when I'm excited, but I always have")
_SKILLS = frozenset({"slurred_speech", "tripping_or_foot_drop", "loss_of_dexterity"})


def _figurative_tokens(text: Text) -> set[int]:
    """The tokens said to be a figure of speech (``cues.figurative_tokens``), each sentence read once."""
    from twitchwise.understand.cues import figurative_tokens

    spans = zip(text.sentence_starts, text.sentence_ends, strict=False)  # an empty text has no start
    return {i for start, end in spans for i in figurative_tokens(text.doc[start:end])}


_ALWAYS_REACH = 25  # words either side of a sign in which "but I always have" and "now" are read


def _as_always(text: Text, ent: Span) -> bool:
    """ "… slurring my words when I'm excited, but I always have": told after the sign as lifelong, with no word of
    anything new near it (not "I've always been fine, but now I slur")."""
    start = max(text.sentence(ent.start)[0], ent.start - _ALWAYS_REACH)
    return _told_in(text, "lifelong", ent, ent.end, ent.end + _ALWAYS_REACH) and not _told_in(
        text, "changed", ent, start, ent.end + _ALWAYS_REACH
    )


_WORSE_BOUNDS = frozenset({",", ";", ":", "and", "but", "so", "because", "-", "(", ")", "."})


def _worse_of_something_else(text: Text, ent: Span) -> bool:
    """ "getting worse" said of a thing in the world, named before it in its own clause, not of the person."""
    doc = text.doc
    start = text.sentence(ent.start)[0]
    words = []
    index = ent.start - 1
    while index >= start and doc[index].norm_ not in _WORSE_BOUNDS:
        words.append(doc[index])
        index -= 1
    if any(t.ent_type_ in {"TWITCH", "SITE", "SYMPTOM", "PERSON"} for t in words):
        return False
    return any(t.norm_ in _WORLDLY for t in words)


_ACCIDENTS = {"tripping_or_foot_drop": "one_trip", "loss_of_dexterity": "one_drop", "swallowing_difficulty": "laughing"}
_WRITINGS = frozenset({
    "thesis", "essay", "essays", "report", "reports", "email", "emails", "letter", "letters", "book", "paper", "papers",
    "code", "assignment", "assignments", "dissertation", "blog", "post", "speech", "novel", "song", "songs", "article",
    "cv", "resume", "application", "proposal", "review",
})  # fmt: skip


def _composing(text: Text, ent: Span) -> bool:
    """ "I have trouble writing my thesis": composing a text, not the hand that writes."""
    if not any(t.norm_.startswith("writ") for t in ent):
        return False
    index = ent.end
    while norm_at(text.doc, index) in {"my", "the", "a", "an", "this", "that", "his", "her", "our", "these", "up"}:
        index += 1
    return norm_at(text.doc, index) in _WRITINGS


_RECENT_EVENTS = frozenset({"recent_fluid_loss"})
_NEAR_WORDS = 40


def _told_in(text: Text, group: str, ent: Span, start: int, end: int) -> bool:
    """Whether a group of ``cues.yaml`` is found in the words from ``start`` to ``end``, within the sentence of
    ``ent``."""
    from twitchwise.understand.cues import load_cues

    end = min(end, text.sentence(ent.start)[1])
    return load_cues().groups[group].search(" ".join(t.norm_ for t in text.doc[start:end])) is not None


def _long_past(text: Text, ent: Span) -> bool:
    """An event told with a time a year or more gone, in the words just after it (months ago is asked)."""
    return _told_in(text, "long_past", ent, ent.end, ent.end + 8)


_ILL_FOR_LONG = re.compile(
    r"for (?:(?:more than|over|about|nearly|almost|around) )?(?:(?:a|one|\d+|two|three|four|five|six|several|a few|many"
    r"|some) )?(?:months?|years?|ages|a long time)\b"
)


def _ill_for_long(text: Text, ent: Span) -> bool:
    """ "My father has been sick for more than 1 month": ill a long while (the American "sick"), not vomiting."""
    if ent.text.lower() not in {"been sick", "being sick"}:
        return False
    after = " ".join(t.norm_ for t in text.doc[ent.end : ent.end + 7])
    return _ILL_FOR_LONG.match(after) is not None


def _after_drink(text: Text, ent: Span) -> bool | None:
    """ "slurring after too many wines" (not "… and it's still slurred today"), in the sentence's words near it (a
    window: a run-on sentence with the word a thousand times stays linear): whether drink explains it, as the cues
    judge it (``Cues.drink_explains``: not when told as lasting, not sure when told as just now)."""
    from twitchwise.understand.cues import load_cues

    start, end = text.sentence(ent.start)
    cues = load_cues()
    near = " ".join(t.norm_ for t in text.doc[max(start, ent.start - _NEAR_WORDS) : min(end, ent.end + _NEAR_WORDS)])
    return cues.drink_explains(near) if cues.groups["drinking"].search(near) else False


def _one_accident(text: Text, ent: Span) -> bool:
    """ "tripped over the cat yesterday", "dropped my phone in the bath", "nearly choked on my tea laughing at his
    joke": one accident (cues one_trip, one_drop, laughing)."""
    return _told_in(text, _ACCIDENTS[ent.ent_id_], ent, ent.start, ent.end + 12)


_DENYING_WORDS = frozenset({"no", "zero", "not", "never"})
_PROBLEM_WORDS = frozenset({"issue", "issues", "problem", "problems", "concern", "concerns", "worries", "complaints",
                            "change", "changes", "difference", "loss", "trouble", "troubles"})  # fmt: skip


def _no_problems_with(text: Text, ent: Span) -> bool:
    """ "no strength issues", "no grip problems": a sign's phrase ("no strength") denied by the word after it."""
    return ent[0].norm_ in _DENYING_WORDS and norm_at(text.doc, ent.end) in _PROBLEM_WORDS


def _a_feeling_of(text: Text, ent: Span) -> bool:
    """ "No feeling of weakness": "no feeling" (numbness) opening a denial of something else (read on its own)."""
    return ent.ent_id_ == "numbness" and ent[0].norm_ in _DENYING_WORDS and norm_at(text.doc, ent.end) == "of"


def _since_gone(text: Text, ent: Span) -> bool:
    end = text.sentence(ent.start)[1]
    return GONE.search(" ".join(t.norm_ for t in text.doc[ent.end : min(end, ent.end + 12)])) is not None


_SMALL_WORDS = frozenset({"tiny", "little", "small", "slight", "mini", "minor", "light", "brief", "quick", "wee"})


def _a_small_spasm(text: Text, ent: Span) -> bool:
    """ "its more of a tiny muscle spasm": a twitch told as a small spasm, not a cramp."""
    if ent.ent_id_ != "cramps" or "spasm" not in ent.text.lower():
        return False
    before = {t.norm_ for t in text.doc[max(0, ent.start - 2) : ent.start]}
    return bool(before & _SMALL_WORDS)


_ONE_MUSCLE = re.compile(
    r"^(?:out |a bit |a little |slightly )?(?:across|through|within|over|around|along|up and down|inside|in) "
    r"(?:the |my |this |that |its )?(?:whole |entire |same )?(?:muscle|calf|thigh|lid|eyelid|area|spot|bit|it)\b"
)


def _within_one_muscle(text: Text, ent: Span, *, doubted: bool) -> bool:
    """Whether "spread" is said of a twitch moving within the one muscle ("spreads across the calf")."""
    end = text.sentence(ent.start)[1]
    following = " ".join(t.norm_ for t in text.doc[ent.end : min(end, ent.end + 8)])
    if _ONE_MUSCLE.match(following) is not None:
        return True
    if not doubted:
        return False  # "the twitch has moved closer to my cheek": told as a move, it is spreading
    # "thumb twitching …; the twitch seems to spread into the palm": in doubt, to a part of the same place
    ahead = [e for e in text.ents_in(ent.end, min(end, ent.end + 5)) if e.label_ == "SITE"]
    before = {e.ent_id_ for e in text.by_label("SITE") if e.end <= ent.start}
    words = {t.norm_ for t in text.doc[ent.end : min(end, ent.end + 6)]}
    sided = words & {"other", "opposite", "both", "left", "right"}
    return bool(ahead) and not sided and all(e.ent_id_ in before for e in ahead)


_GYM = frozenset({"day", "session", "sessions", "workout", "workouts", "training", "press", "curls", "extensions",
                  "tris", "triceps", "biceps", "shoulders"})  # fmt: skip


def _gym_words(ent: Span) -> bool:
    """ "leg day", "a heavy chest and tris session" (not "every day": a gym word needs a body part beside it)."""
    words = {t.norm_ for t in ent}
    return bool(words & _GYM) and bool(words - {"day"} & _GYM or words & _GYM_PARTS)


_GYM_PARTS = frozenset({"leg", "legs", "arm", "arms", "chest", "back", "shoulder", "shoulders", "glutes", "core"})


def _not_exercise(text: Text, ent: Span) -> bool:
    """ "running on 4 hours sleep", "running on empty", "lifting my arm": the word, not a workout."""
    following = [norm_at(text.doc, ent.end + k) for k in (0, 1, 2)]
    before = [norm_at(text.doc, ent.start - k) for k in (2, 1)]
    if before in (["can", "not"], ["could", "not"], ["unable", "to"], ["able", "to"]):
        return True  # "he couldn't lift his left arm", "I can't run any more": a task that fails, not a workout
    word = ent.text.lower()
    if word == "runs" and before[1] in {"the", "fast", "those", "these", "quick"}:
        return True  # "the fast runs on the piano", "the runs": a thing named, not a run done
    if word in {"running", "run"} and following[0] in {"shoes", "trainers", "kit", "gear", "socks", "tights", "watch"}:
        return True  # "new running shoes": a thing bought, not a run
    if word in {"running", "run", "ran", "runs"} and following[0] == "on":
        return following[1] not in {"the", "a", "my", "treadmill", "track", "trails", "road", "roads", "grass", "sand"}
    return word in {"lifting", "lift", "lifts"} and (
        following[0] in {"arm", "arms", "leg", "legs", "hand", "foot"}
        or (following[0] in {"my", "his", "her", "the", "an", "a"} and following[1] in _LIFTED_THINGS)
        or (
            following[0] in {"my", "his", "her", "the"}
            and following[1] in {"left", "right"}
            and following[2] in _LIFTED_THINGS
        )
    )


# what is lifted in a day's ordinary life, not a workout ("lift my mug", "lifting the shopping")
_LIFTED_THINGS = frozenset({
    "arm", "arms", "leg", "legs", "hand", "foot", "cup", "kettle", "mug", "glass", "bag", "bags", "shopping", "pan",
    "pans", "plate", "baby", "child", "son", "daughter", "toddler", "phone", "head", "fork", "spoon", "bottle",
})  # fmt: skip


def flags(text: Text) -> None:
    """Yes/no answers read from single mentions: exercise, illness, pregnancy, back pain."""
    for label, name in (
        ("EXERCISE", "recent_intense_exercise"),
        ("ILLNESS", "recent_viral_illness"),
        ("PREGNANT", "pregnant"),
        ("BACK_PAIN", "back_or_neck_pain"),
    ):
        mentions = text.by_label(label)
        if label == "EXERCISE":
            mentions += [e for e in text.by_label("CONTEXT") if e.ent_id_ == "after_exercise"]
            # "leg day", "a heavy chest and tris session": gym words kept from being read as places
            mentions += [e for e in text.doc.ents if e.label_ == "IGNORE" and _gym_words(e)]
            mentions = [e for e in mentions if not _not_exercise(text, e)]
        if label == "BACK_PAIN":
            mentions += _sore_backs(text)
        doubt_matters = label in {"PREGNANT", "ILLNESS"}  # "after the gym?" is still the gym
        if any(not e._.negated and not (doubt_matters and e._.uncertain) for e in mentions):
            text.data[name] = True
        elif any(e._.negated and not e._.uncertain for e in mentions):
            text.data[name] = False


_IDIOM_BEFORE = frozenset({"a", "real", "right", "proper", "such", "total", "royal", "bit", "major", "absolute"})


_BODILY_TASKS = frozenset({
    "walking", "climbing", "gripping", "holding", "standing", "lifting", "carrying", "running", "writing", "typing",
    "opening", "swallowing", "talking", "speaking", "breathing", "pushing", "pulling", "getting", "moving", "using",
    "chewing", "squeezing", "turning", "picking", "raising", "bending", "kneeling", "jumping", "balancing",
})  # fmt: skip


def _all_told_in(text: Text, symptom: str, words: str) -> bool:
    """Whether every phrase that tells ``symptom`` lies inside ``words`` (a cue's match): "Out of breath after
    football. I am having difficulty breathing" tells it twice, the second time of no effort."""
    told = Counter(e.text.lower() for e in text.by_label("SYMPTOM") if e.ent_id_ == symptom and not e._.negated)
    words = words.lower()
    return all(words.count(phrase) >= times for phrase, times in told.items())  # "gasping. … I was gasping": twice


def _puzzled(text: Text, ent: Span) -> bool:
    """ "I was really confused": the writer's own confusion in so many words (puzzled, most likely), the ``puzzled``
    group of cues.yaml."""
    return _told_in(text, "puzzled", ent, max(0, ent.start - 5), ent.end + 6)


def _cue_group(name: str) -> re.Pattern[str]:
    """A group of cues.yaml, for the lexicon's words that the same exception applies to."""
    from twitchwise.understand.cues import load_cues

    return load_cues().groups[name]


# after "can't breathe": a blocked nose, not a struggle for air
_BLOCKED_NOSE = re.compile(
    r"(?:properly |well |easily |at all )?(?:through|out of|from) (?:my |his |her |the |one |either )?nos"
)


def _idiom(text: Text, ent: Span) -> bool:
    """ "my job is a real pain in the neck": a nuisance, not a pain; "paralysed by the workload", "numb to the pain of
    losing", "gasping at the price of petrol": a feeling, not a sign."""
    doc = text.doc
    next_words = [norm_at(doc, ent.end + k) for k in range(5)]
    following, next_four, next_five = next_words[:3], " ".join(next_words[:4]), " ".join(next_words)
    word = ent.text.lower()
    if ent.ent_id_ == "paralysis" and word.startswith("paraly"):
        # "we got paralysed 4-0", "paralysed by the workload": the paralysed_idiom group of cues.yaml
        return _cue_group("paralysed_idiom").match(next_four) is not None
    if ent.ent_id_ == "numbness" and word == "numb" and following[0] == "to":
        # "numb to the touch", "feels numb to him" are numb
        return following[1] not in {"touch", "me", "him", "her", "them", "us", "you"} and following[1:3] != [
            "the",
            "touch",
        ]
    if ent.ent_id_ == "weakness" and word == "weak" and following[0] in {"at", "in"} and following[1].endswith("ing"):
        return following[1] not in _BODILY_TASKS  # "weak at saying no", not "weak at walking"
    if ent.ent_id_ == "slurred_speech" and word.endswith(("speaking", "talking")):
        # "difficulty speaking in public", "trouble talking about my feelings": shyness or nerves, not speech
        return _cue_group("speaking_situation").match(next_four) is not None
    if ent.ent_id_ == "swallowing_difficulty" and word.endswith("to swallow"):
        # "the diagnosis was hard to swallow": news, not food (not "it is hard to swallow my food")
        window = " ".join(norm_at(doc, k) for k in range(max(0, ent.start - 6), ent.end + 6))
        return _cue_group("swallow_idiom").search(window) is not None
    if ent.ent_id_ == "breathing_difficulty" and _BLOCKED_NOSE.match(next_five):
        return True  # "I can't breathe through my nose with this cold"
    if ent.ent_id_ == "breathing_difficulty" and word.startswith("gasp"):
        return _cue_group("gasped_at").match(next_four) is not None
    return (
        ent.ent_id_ == "pain"
        and norm_at(doc, ent.start - 1) in _IDIOM_BEFORE
        and following[:2] == ["in", "the"]
        and following[2] in {"neck", "arse", "ass", "backside", "butt", "bum"}
    )


def _sore_backs(text: Text) -> list[Span]:
    """ "my neck is stiff and sore", "sore lower back": pain or stiffness said of the neck or back, words apart."""
    found: list[Span] = []
    for ent in text.by_label("SYMPTOM"):
        if ent.ent_id_ not in {"pain", "stiffness"} or _idiom(text, ent):
            continue
        start, end = text.sentence(ent.start)
        near = text.doc[max(start, ent.start - 4) : min(end, ent.end + 3)]
        if any(t.ent_id_ in {"back", "neck"} and t.ent_type_ == "SITE" for t in near):
            found.append(ent)
    return found


# What a person can do, by the red flag whose absence "it is fine" tells
_FUNCTIONS = {
    "speech": "slurred_speech", "speaking": "slurred_speech", "talking": "slurred_speech",
    "voice": "slurred_speech", "words": "slurred_speech",
    "swallowing": "swallowing_difficulty", "swallow": "swallowing_difficulty", "eating": "swallowing_difficulty",
    "chewing": "swallowing_difficulty",
    "breathing": "breathing_difficulty", "breath": "breathing_difficulty",
    "strength": "weakness", "grip": "weakness", "power": "weakness",
    "vision": "sudden_vision_problem", "eyesight": "sudden_vision_problem", "sight": "sudden_vision_problem",
    "smile": "face_droop",
}  # fmt: skip
_FUNCTION = "(?:" + "|".join(sorted(_FUNCTIONS, key=len, reverse=True)) + ")"
_OWNER = r"(?:(?:my|his|her|their|the) )?"
_FUNCTION_LIST = rf"{_OWNER}{_FUNCTION}(?:(?: ,| and| or| nor| &| , and| , or) {_OWNER}{_FUNCTION})*"
_FINE = re.compile(
    # "swallowing and speech fine", "my speech is normal", "speech, swallowing and breathing all ok"
    rf"(?<![\w-])({_FUNCTION_LIST}) (?:[:;=-] )?"
    r"(?:(?:is|are|was|were|seems|seem|feels|feel|has been|have been|all|both|still|totally|completely|perfectly|"
    r"absolutely|100 %) )*"
    r"(?:fine|normal|ok|okay|good|unaffected|not affected|intact|unchanged|great|perfect)\b"
    r"(?! (?:until|till|before|except|at first|earlier|then|yesterday|last))"
    # "no trouble talking, breathing or swallowing", "no problems with speech or swallowing", "normal speech"
    rf"|\bno (?:trouble|difficulty|difficulties|problems?|issues?|changes?) (?:with |in )?({_FUNCTION_LIST})"
    rf"|\bnormal ({_FUNCTION_LIST})"
    # a label and its answer opening a sentence or a line ("- Speech: no.", "Swallowing - none")
    rf"|^(?:[-*•·>] |\d+ ?[.)] )?({_FUNCTION_LIST}) [:;=-] (?:no|none|nope|nil|negative){WHOLE_ANSWER}"
)
_DOUBT_BEFORE = re.compile(
    r"\b(?:not sure|unsure|wonder\w*|worr\w*|if|whether|hope|hoping|think|seems?|doubt|not|never|no longer|unable)\b"
)  # "not sure my swallowing is normal", "I can't have normal speech"
_CLAUSE_END = re.compile(r"(?:,| and| but| ;) ")  # "it doesn't hurt and my strength is normal": a clause of its own
_BULBAR = re.compile(r"\bno (?:\w+ )?bulbar (?:symptoms?|signs?|features?|involvement|issues?|problems?)")
# "the lack of weakness or atrophy": absent (not "a lack of sleep and weakness", where the weakness is there)
_ABSENT_WORDS = {"weakness": "weakness", "atrophy": "muscle_wasting", "wasting": "muscle_wasting",
                 "numbness": "numbness", "tingling": "tingling", "fever": "fever"}  # fmt: skip
_LACK = re.compile(
    r"\b(?:lack|absence) of (?:any )?((?:weakness|atrophy|wasting|numbness|tingling|fever)"
    r"(?: (?:or|and|,) (?:weakness|atrophy|wasting|numbness|tingling|fever))*)\b"
)
_TONGUE_STILL = re.compile(
    r"\btongue (?:is |was |has |does )?(?:not|never|n't) (?:been )?(?:twitch\w*|rippl\w*|quiver\w*|flicker\w*|moving)\b"
)
_FACE_EVEN = re.compile(
    r"\b(?:mouth|face|smile) (?:is |was |has )?(?:not|never|n't|n't been|not been) "
    r"(?:at all )?(?:distorted|crooked|lopsided|twisted|drooping|droopy|dropped|uneven)\b"
)
_NO_HEADACHE = re.compile(r"\b(?:no|without|nor|not any) (?:\w+ , )*(?:\w+ (?:or|and|,) )*headaches?\b")
_BULBAR_FLAGS = ("slurred_speech", "swallowing_difficulty")


def _doubted(sentence: str, start: int) -> bool:
    """ "not sure my swallowing is normal": a doubt in the clause before ``start`` (not "it doesn't hurt and my
    strength is normal", whose "not" is another clause's)."""
    return _DOUBT_BEFORE.search(_CLAUSE_END.split(sentence[max(0, start - 40) : start])[-1]) is not None


def functions_fine(text: Text, symptoms: dict[str, bool | None]) -> None:
    """ "Swallowing and speech fine", "no trouble talking, breathing or swallowing", "no bulbar symptoms": each red
    flag whose function is said to be normal is absent, unless the text has read it otherwise."""
    from twitchwise.understand.cues import load_cues

    strength_kept = load_cues().groups["strength_kept"]
    doc = text.doc
    for number, start in enumerate(text.sentence_starts):
        sentence = " ".join(t.norm_ for t in doc[start : text.sentence_ends[number]])
        denied: list[str] = []
        for match in _FINE.finditer(sentence):
            if _doubted(sentence, match.start()):
                continue  # "not sure my swallowing is normal": asked, not taken as a no
            listed = next(group for group in match.groups() if group)
            denied += [_FUNCTIONS[w] for w in re.findall(r"[a-z]+", listed) if w in _FUNCTIONS]
        if _BULBAR.search(sentence):
            denied += _BULBAR_FLAGS
        for match in _LACK.finditer(sentence):
            for word in re.findall(r"[a-z]+", match[1]):
                if word in _ABSENT_WORDS and symptoms.get(_ABSENT_WORDS[word]) is not True:
                    # "does the lack of weakness mean …?": the question presupposes none, so a doubt gives way
                    symptoms[_ABSENT_WORDS[word]] = False
        strong = strength_kept.search(sentence)
        if strong and not _doubted(sentence, strong.start()):
            denied.append("weakness")  # "legs feel fine otherwise, strong, no pain", "I still feel strong"
        if _TONGUE_STILL.search(sentence):
            denied.append("tongue_twitching")  # "my tongue isn't twitching"
        if _FACE_EVEN.search(sentence):
            denied.append("face_droop")  # "my mouth is not distorted", "my smile isn't lopsided"
        if _NO_HEADACHE.search(sentence):
            denied.append("severe_headache")  # no headache at all is no sudden severe one
        for symptom in denied:
            if symptom in text.kb.symptom_ids:
                symptoms.setdefault(symptom, False)


_AS_ALWAYS = re.compile(r"\b(?:like|as) always\b")  # "out of breath after the stairs like always": as it has been
# a short burst of hard effort: out of breath after one is no sign ("after sprinting for the bus")
_HARD_BURST = re.compile(
    r"\b(?:sprint\w*|hiit|burpees|spin class|crossfit|(?:a|the) race|marathon|parkrun|football|rugby|squash|match|"
    r"\d+ ?k(?: run| race)?|(?:a|my|the) (?:long |hard |fast |hill )?run|intervals|circuits|triathlon|boot ?camp|"
    r"(?:ran|run|running|rush\w*|dash\w*|chas\w*|legg\w* it) (?:for|after|to catch) (?:the|a|my) "
    r"(?:bus|train|tram|ferry))\b"
)
# ... or after any effort, told as over in moments ("out of breath up three flights, fine after a rest")
_RECOVERED = re.compile(
    r"\b(?:(?:fine|normal|ok|okay|better|recovered|settled)(?: again)? (?:after|within|in) (?:a |the |about a )?"
    r"(?:rest|minute|few minutes|couple of minutes|moment|sit down|breather)|back to normal (?:in|after|within)|"
    r"(?:that|which|it) is (?:totally |perfectly |completely |pretty )?normal)\b"
)
# "fine now", "better now": told as over, not as new
_FINE_NOW = re.compile(r"\b(?:fine|ok|okay|better|gone|settled|normal|all good) now\b")
# ... unless told as new (the ``changed`` group of cues.yaml: "now", "lately", "became") or as more than it was
_MORE_THAN_IT_WAS = re.compile(r"\b(?:used to|more than|than before|than usual|never)\b")
# words of rest, for the two below
_REST = "sitting|sat(?: down)?|at rest|resting|doing nothing|not moving|standing still|on the (?:sofa|couch)"
_AT_REST = re.compile(rf"\b(?:{_REST}|lying|right now|just now)\b")
_BREATHLESS = re.compile(r"\b(?:out of breath|breathless\w*|short of breath|shortness of breath|puffed)")
_STRUGGLING = re.compile(
    r"\b(?:can not|could not|unable to|struggl\w* to|hard to|difficult\w* to|fighting to|trouble) (?:breathe|breath)|"
    r"gasping|can not (?:get|catch) (?:my |a )?breath|"
    rf"\b(?:{_REST}|talking|all the time|constantly)\b"
)


def _breath_beyond(text: Text, words: str, breath: re.Pattern[str]) -> bool:
    """Whether breathing is told as hard in the words outside ``words`` (the person's words of an effort)."""
    at = text.raw.find(words)
    if at < 0:
        return False
    rest = " ".join(t.norm_ for t in text.doc if not at <= t.idx < at + len(words))
    return breath.search(rest) is not None


def cue_symptoms(text: Text, symptoms: dict[str, bool | None], about: About) -> dict[str, str]:
    """Red flags told in everyday words (``cues.yaml``): a present one wins; a possible one is "not sure"."""
    from twitchwise.understand.cues import load_cues

    duration = text.data.get("duration_days")
    recent = isinstance(duration, int) and duration <= 1  # "These symptoms have lasted 15 hours"
    cues = load_cues()
    found = cues.find(text.doc, about_self=about == "self", recent=recent)
    known = text.kb.symptom_ids
    exertion = found.present.get("breathless_on_exertion")
    struggling = found.present.get("breathing_difficulty")
    # the whole text's words, read by the breathing checks below (only when one of them can apply)
    whole = " ".join(t.norm_ for t in text.doc) if exertion or "breathless_lying_flat" in found.present else ""
    # "I can't breathe in the cold air when I run": the same words told of effort, and no word of rest
    of_effort = (
        struggling is not None
        and exertion is not None
        and struggling in exertion
        # not "I'm gasping for air. After my spin class I was gasping": the same words told twice, once of no effort
        and text.raw.lower().count(struggling.lower()) <= exertion.lower().count(struggling.lower())
        and _AT_REST.search(whole) is None
        # not "breathless after my 10k run but that's normal, and I'm gasping for air": struggling told apart too
        and not _breath_beyond(text, exertion, cues.groups["breath"])
    )
    if of_effort:
        found.present.pop("breathing_difficulty")
        # told only in the cue's words ("gasping for air after my walk"): judged below as the lexicon's words are
        symptoms.setdefault("breathing_difficulty", True)
    if (
        exertion
        and symptoms.get("breathing_difficulty")
        and "breathing_difficulty" not in found.present
        # not "Out of breath after football. I am having difficulty breathing": told apart from the effort too
        and _all_told_in(text, "breathing_difficulty", exertion)
    ):
        # "breathless on the stairs" is not "struggling to breathe now" (clinical.md §11d): ask, don't assume --
        # unless it has always been so ("out of breath running for the bus, but always have"), which is no sign
        if cues.groups["lifelong"].search(whole) or _AS_ALWAYS.search(whole):
            del symptoms["breathing_difficulty"]
        elif (
            (_HARD_BURST.search(exertion) or _RECOVERED.search(whole))
            and not cues.groups["changed"].search(_FINE_NOW.sub("", whole))
            and not _MORE_THAN_IT_WAS.search(whole)
            and not _AT_REST.search(whole)
        ):
            # out of breath after a sprint, a race or a match, or over in moments, is what anyone is: neither sign,
            # unless told as new
            del symptoms["breathing_difficulty"]
            found.present.pop("breathless_on_exertion")
        else:
            symptoms["breathing_difficulty"] = None
            found.possible.setdefault("breathing_difficulty", exertion)
    lying = found.present.get("breathless_lying_flat")
    told = found.present.get("breathing_difficulty")
    if (
        lying is not None
        and (_BREATHLESS.search(lying.lower()) or _BREATHLESS.search(whole)) is not None
        and symptoms.get("breathing_difficulty")
        and (told is None or told in lying)
        and _STRUGGLING.search(whole) is None
    ):
        # "out of breath lying flat in bed" is breathlessness lying flat (urgent alone, clinical.md §11d), not
        # difficulty breathing now: asked, not assumed ("I can't breathe and it's worse lying flat" is both)
        found.present.pop("breathing_difficulty", None)
        symptoms["breathing_difficulty"] = None
        found.possible.setdefault("breathing_difficulty", lying)
    breath = found.unconfirmed.get("breathing_difficulty")
    if (
        breath is not None
        and lying is None
        and "breathing_difficulty" not in found.present
        and symptoms.get("breathing_difficulty") is not True
        and "breathless_on_exertion" not in symptoms
    ):
        # breathing told plainly with no word of when ("a weakness in my breathing, shallow breaths"): at rest is
        # asked; breathless at all is breathless on exertion at least (clinical.md §11d), and so read
        symptoms["breathless_on_exertion"] = True
        text.assume(f"'{breath}' read as breathless on exertion at least (whether at rest is asked)")
    if "chest_pain_severe" in found.present:  # "chest feels like it's being crushed": a chest pain, told as severe
        found.present.setdefault("chest_pain", found.present["chest_pain_severe"])
    for symptom, words in found.present.items():
        if symptom in known:
            symptoms[symptom] = True
            text.told.setdefault(symptom, words)
    said: dict[str, str] = {}
    for symptom, words in found.possible.items():
        if symptom not in known or symptoms.get(symptom) is True:
            continue
        # words that touch it win over a "no" said in other words ("I think I can't finish a sentence without getting
        # out of breath": the "without" had answered no): asked, never passed
        symptoms[symptom] = None
        said[symptom] = words
    return said
