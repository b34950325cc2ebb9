"""Who the description is about (the writer or someone they name), and their age and sex."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise
from typing import TYPE_CHECKING

from twitchwise.understand.context import FUNCTIONS
from twitchwise.understand.text import (
    About,
    Text,
    followed_by_unit,
    names_twitching,
    norm_at,
    previous_norm,
    whole_number,
    years_old,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}  # fmt: skip
_TEENS = {"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
          "nineteen": 19}  # fmt: skip
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12}  # fmt: skip
_UNITS = {word: value for word, value in _SMALL.items() if value < 10}  # "forty-two"
_AGE_WORDS = frozenset(_SMALL) | frozenset(_TEENS) | frozenset(_TENS)
_SAYS_AN_AGE = frozenset({"is", "'s", "am", "'m", "i'm", "turned", "aged", "age", "turns"})
_DECADES = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8}
_PERSON_GAP = frozenset(
    {
        "year",
        "years",
        "yr",
        "old",
        "-",
        "little",
        "big",
        "older",
        "younger",
        "elderly",
        "teenage",
        "baby",
        "eldest",
        "youngest",
        "twitching",
        "twitchy",
        "sick",
        "poorly",
        "ill",
        "young",
        "small",
        "tiny",
        "wee",
        "new",
        "dear",
        "close",
        "best",
        "good",
        "oldest",
        "year-old",  # "my 8 yo son"
    }
)


_OWN_YOUNG = re.compile(  # "my 4 month old", "our 2-year-old" (a child named by age alone), not "my 2 year old car"
    r"\b(?:my|our) (?:\w+[ -])?(?:day|week|month|year)s?[ -]old\b(?! (?:injury|scar|tattoo|habit|car))"
    r"|\b(?:my|our) \d{1,2} ?(?:y\.o\b|y/o|yo\b)"  # "my 14 y.o. has a twitchy thigh"
)
# a school year said for an age: the UK's "Year 8" (age 12 to 13) and the US's "7th grade" (age 12 to 13), read
# as the younger age, on the side of the children's advice
_SCHOOL_YEAR = re.compile(
    r"\bin (?:year|yr) ?(\d{1,2})\b|\b(\d{1,2})(?:st|nd|rd|th) grade|\bin grade (\d{1,2})\b"
    r"|\b(?:year|yr) ?(\d{1,2}) (?:student|pupil|schoolboy|schoolgirl)\b"  # "Year 9 student"
)


# "my son hit his head last month, fine now; it's me that's twitching": the writer claims the twitching
_MINE_IT_IS = re.compile(
    r"\b(?:it's|it is|its|it was) (?:me|myself|actually me|me not (?:him|her|them)) (?:that|who|with)\b"
    r"(?:'s| is| has| have)? (?:\w+ ){0,3}?(?:twitch\w*|jump\w*|flicker\w*|spasm\w*|fascic\w*)"
    r"|\bi'?m (?:actually )?the one (?:who|that|with)\b(?:'s| is| has| have)? (?:\w+ ){0,3}?"
    r"(?:twitch\w*|jump\w*|spasm\w*)"
)


def about(text: Text) -> tuple[About, Span | None]:
    if _MINE_IT_IS.search(text.raw.lower()):
        return "self", None
    people = [
        e
        for e in text.by_label("PERSON", others=True)
        if (e.start == 0 or _owned(text, e)) and norm_at(text.doc, e.end) != "here"  # "Wife here.": the writer
    ]
    norms = [t.norm_ for t in text.doc]
    # the writer's own places ("my calf"), and twitching told in the first person ("me, I've only got a twitchy thumb")
    mine = sum(1 for e in text.by_label("SITE", others=True) if previous_norm(e, skip_sides=True) == "my")
    mine += _writer_twitches(text)
    # "my husband noticed my speech was slurred": the writer's own functions, a word of the writer
    own_functions = any(n == "my" and following in FUNCTIONS for n, following in pairwise(norms))
    first = sum(n in {"i", "i'm", "me"} for n in norms)
    roles = [e for e in text.by_label("ROLE", others=True) if _owned(text, e)]
    named = {e.start - 1 for e in people + roles}  # the "my" of "my students"
    # "one of my students asked why …": someone named by a role, in a text with no word of the writer
    if roles and not first and not any(n in _WRITERS and i not in named for i, n in enumerate(norms)):
        people = sorted(people + roles, key=lambda e: e.start)
    # "my eye twitches … my sister's losing weight for her wedding": beside the writer's own body, "her wedding" is no
    # word of whose body the text tells; nor is a he or she who acts on or speaks to the writer ("I called my wife, and
    # she wanted me to call an ambulance", "'You want a coke,' he said")
    third = sum(
        n in _HE_OR_SHE and not (mine and _their_thing(text, i)) and not _acts_on_writer(norms, i)
        for i, n in enumerate(norms)
    )
    lowered = text.doc.text.lower()
    # "my 4 month old has a fever", "my boy is 2 months", a text that opens "2mo old bby, temp 38.3"
    opens_young = _INFANT.match(lowered.lstrip()) is not None
    if not people and mine == 0 and (_OWN_YOUNG.search(lowered) or _BABY_AGED.search(lowered) or opens_young):
        return "someone_else", None  # "my 4 month old has a fever" (but "my calf twitches; my 4 month old …" is mine)
    if not people:
        # "he keeled over and was out cold; his arms had been twitching": no one named, but no word
        # of the writer either, so the words are about him (and his signs are read, not dropped).  "We" and
        # "us" are those watching ("he won't respond to us"), not the one the words are about.
        writer = first or any(n in {"my", "myself", "mine", "i've", "i'd", "i'll"} for n in norms)
        # "Chris's swallow is weaker … his speech is worse today … I was nagging him": the words are mostly his
        mostly_theirs = mine == 0 and third > 2 * (first + 1)
        return ("someone_else" if third and (not writer or mostly_theirs) else "self"), None
    if all(_comments(text, e) for e in people) and third == 0:
        return "self", None  # "Thumb twitching for days. My partner reckons it's all the gaming.": the writer's own
    # "My husband thinks it's nothing … My son is 5": the one the words are about, not one who comments on them
    # or one whose own past is told ("My friend had an eye twitch last year")
    person = next((e for e in people if not _comments_or_recalls(text, e) and not _a_witness(text, e)), None)
    person = person or next((e for e in people if not _comments_or_recalls(text, e)), people[0])
    owner = person.end < len(text.doc) and text.doc[person.end].norm_ in {"'s", "’s"}
    opens = mine == 0 and _opens_as_subject(text, person)
    if third > mine or (owner and mine == 0) or (mine == 0 and first == 0 and not own_functions) or opens:
        # a witness beside the writer ("my husband and I saw her shaking") is not whose age and sex are told
        return "someone_else", None if _a_witness(text, person) else person
    return "self", None


# words after "his"/"her" that still tell of a body or its care ("her speech", "his balance", "her left …")
_THEIR_BODY = frozenset({
    "speech", "voice", "words", "balance", "walking", "walk", "swallow", "swallowing", "breathing", "breath", "grip",
    "strength", "muscles", "muscle", "body", "movements", "movement", "face", "eyes", "eye", "mouth", "tongue", "legs",
    "arms", "hands", "feet", "left", "right", "whole", "other", "own", "symptoms", "twitching", "twitches", "twitch",
    "condition", "doctor", "gp", "neurologist", "pain", "weakness", "health", "temperature", "temp", "fever", "skin",
    "lips", "sleep", "head", "nappy", "nappies", "diaper", "medication", "medicine", "meds", "tablets", "pills", "dose",
})  # fmt: skip


def _their_thing(text: Text, index: int) -> bool:
    """ "her wedding", "his new job": a thing of theirs the text names, which says nothing of whose body it tells."""
    token = text.doc[index]
    if token.norm_ not in {"his", "her"} or index + 1 >= len(text.doc):
        return False
    nxt = text.doc[index + 1]
    return nxt.is_alpha and not nxt.is_stop and nxt.ent_type_ == "" and nxt.norm_ not in _THEIR_BODY


_SPEAKS = frozenset({"said", "says", "asked", "asks", "replied", "replies", "joked", "jokes", "laughed", "laughs"})
_ON_THE_WRITER = frozenset({
    "wanted", "wants", "told", "tells", "made", "makes", "took", "takes", "drove", "drives", "asked", "asks", "begged",
    "urged", "convinced", "persuaded", "nagged", "forced", "rushed", "sent", "dragged", "brought", "helped", "helps",
    "insisted", "insists", "got", "gets", "advised", "encouraged", "pushed",
})  # fmt: skip


def _acts_on_writer(norms: list[str], index: int) -> bool:
    """ "she wanted me to call an ambulance", "he drove me to A&E", "she insisted I go": a he or she whose act is on
    the writer, which tells of the writer's body, not theirs; "'You want a coke,' he said": one who speaks, likewise."""
    if norms[index] not in {"he", "she"}:
        return False
    following = norms[index + 1 : index + 4]
    if following[:1] and following[0] in _SPEAKS:
        return True  # "'You want a coke,' he said": one who speaks to the writer, no word of whose body
    verb = next((k for k, n in enumerate(following[:2]) if n in _ON_THE_WRITER), None)  # "she (really) wanted"
    return verb is not None and verb + 1 < len(following) and following[verb + 1] in {"me", "i"}


_SAYS = frozenset({"says", "said", "say", "thinks", "think", "thought", "reckons", "reckoned", "told", "tells",
                   "insists", "insisted", "believes", "keeps", "kept", "laughs", "laughed"})  # fmt: skip
_SAID_OF_OTHERS = frozenset({"i", "i'm", "it", "it's", "nothing", "that", "that's", "to", "we", "you", "me", "there"})


def _comments(text: Text, person: Span) -> bool | None:
    """ "My husband thinks it's nothing and says I fuss", "my wife says I seem weak": one who comments on the one the
    words are about (None: no word of saying after them)."""
    following = [norm_at(text.doc, person.end + k) for k in range(4)]
    for k in (0, 1):  # "my husband says", "my husband always says"
        if following[k] in _SAYS:
            said = following[k + 2] if following[k + 1] == "that" else following[k + 1]
            return said in _SAID_OF_OTHERS  # not "my dad says his arm twitches"
    return None


def _comments_or_recalls(text: Text, person: Span) -> bool:
    """One who comments on the one the words are about (``_comments``); "My friend had an eye twitch last year": one
    whose own past is told."""
    comments = _comments(text, person)
    if comments is not None:
        return comments
    doc = text.doc
    following = [norm_at(doc, person.end + k) for k in range(4)]
    start, end = text.sentence(person.start)
    return following[0] in {"had", "has"} and any(e._.other_person for e in text.ents_in(start, end))


_WITNESSED = frozenset({"turned", "saw", "noticed", "found", "heard", "called", "rang", "phoned", "looked", "spotted",
                        "watched", "pulled", "drove", "grabbed", "picked", "carried", "ran"})  # fmt: skip


def _a_witness(text: Text, person: Span) -> bool:
    """ "my husband and I", "my husband turned around and saw that the baby …": one who watched or helped, beside the
    writer, not the one the words are about."""
    following = [norm_at(text.doc, person.end + k) for k in range(2)]
    return following == ["and", "i"] or following[0] in _WITNESSED


_WRITERS = frozenset({"my", "myself", "mine", "i've", "i'd", "i'll"})
_FORUM_FAMILY = frozenset({"ds", "dd", "dh", "dw"})
_SUBJECT_VERBS = frozenset(
    {"has", "is", "was", "had", "keeps", "kept", "gets", "got", "started", "seems", "seemed", "looks", "can",
     "could", "will", "would", "twitches", "twitched", "woke", "suddenly", "just", "developed", "complains"}
)  # fmt: skip


_CLAUSE_STARTS = frozenset({",", ";", ".", "!", "?", "but", "and", "-", ":"})


def _writer_twitches(text: Text) -> int:
    """ "my flatmate's been choking on his food; me, I've only got a twitchy thumb": how many times the writer tells
    their own twitching, named, within a few words of "I" in a clause with no one else in it."""
    doc = text.doc
    twitches = text.by_label("TWITCH", others=True)
    if any(e._.other_person for e in twitches):
        return 0  # "my dad has had twitching for months, I've had it too": both tell twitching (left to the rest)
    told = 0
    for ent in twitches:
        if not names_twitching(doc[ent.start]):
            continue  # "he was having them": not a word of twitching itself
        start = ent.start
        while start > 0 and doc[start - 1].norm_ not in _CLAUSE_STARTS and ent.start - start < 6:
            start -= 1
        words = " ".join(t.norm_ for t in doc[start : ent.start])
        if any(e.label_ in _NAMED_PEOPLE for e in text.ents_in(start, ent.start)):
            continue  # "I've got a son who twitches in his sleep": the twitching is the son's
        if _I_HAVE.search(words) and not set(words.split()) & _THIRD:
            told += 1  # "I've got a twitchy thumb", not "when I press down I still feel the jerking"
        elif norm_at(doc, start - 1) in {",", "?", "-", ":"} and norm_at(doc, start - 2) == "me":
            told += 1  # "Me, just a calf twitch", "As for me - a twitchy eye", "Me? Just a calf twitch"
    return told


_NAMED_PEOPLE = frozenset({"PERSON", "ROLE"})
_I_HAVE = re.compile(r"\bi (?:have |'ve |am |'m )?(?:only |just |also |still )?(?:got|have|had|get|getting|been) ")


_HE_OR_SHE = frozenset({"he", "him", "his", "she", "her", "he's", "she's"})
_THIRD = _HE_OR_SHE | {"they", "them", "their"}


def _opens_as_subject(text: Text, person: Span) -> bool:
    """ "My twitching toddler has a fever …, when I press a glass": the text opens with the person doing or having
    something, so it is about them even though the writer says "I" later."""
    following = norm_at(text.doc, person.end)
    return person.start <= 4 and text.sentence(person.start)[0] == 0 and following in _SUBJECT_VERBS


def _owned(text: Text, person: Span) -> bool:
    """ "my dad", "our son", "my 17 year old son", "my little sister"; also "Husband is 41" opening a text;
    a forum's "ds" or "dh" (dear son, dear husband) is always the writer's own."""
    if person.text.lower() in _FORUM_FAMILY:
        return True
    for back in range(1, 8):  # "my 5 - year - old son"
        word = previous_norm(person, back)
        if word in {"my", "our"}:
            return True
        if word in {"a", "an"}:  # "I have a 53-year-old daughter", "I've got a son who …"
            had = [previous_norm(person, back + k) for k in (1, 2, 3)]
            return (
                had[:2] in (["have", "i"], ["'ve", "i"], ["with", "live"], ["for", "care"], ["after", "look"])
                or (had[0] == "got" and had[1:] in (["have", "i"], ["'ve", "i"]))
                or had == ["of", "care", "take"]
            )  # also "I live with an older uncle", "I care for a neighbour", "I look after a …"
        if not (word.isdigit() or word in _PERSON_GAP or word in _AGE_WORDS):
            return False  # "my 17 year old son", "my five-year-old son", "my twenty-two year old daughter"
    return False


def age_and_sex(text: Text, about: About, person: Span | None) -> None:
    doc = text.doc
    sex: str | None = None
    age: int | None = None
    if about == "someone_else":
        if person is not None and person.ent_id_ in {"male", "female"}:
            sex = person.ent_id_
        age = (
            _school_age(text)
            or (_age_near(text, person) if person is not None else None)
            or _pronoun_age(text)
            or _described_age(text)
            or _named_by_age(text)
            or _decade(text)  # "my elderly mum (in her 80s)"
        )
        if sex is None:
            norms = {t.norm_ for t in doc}
            if norms & {"he", "him", "his"} and not norms & {"she", "her"}:
                sex = "male"
            elif norms & {"she", "her"} and not norms & {"he", "him", "his"}:
                sex = "female"
    else:
        age, sex = _own_age_and_sex(text)
        age = age or _school_age(text)
    if text.by_label("PREGNANT") and text.data.get("pregnant"):
        sex = sex or "female"
    if sex is not None:
        text.data["sex"] = sex
    if age is not None and 0 < age <= 120:
        text.data["age"] = age


def _own_age_and_sex(text: Text) -> tuple[int | None, str | None]:
    doc = text.doc
    age: int | None = None
    sex: str | None = None
    for token in doc:
        if age is not None and sex is not None:
            break
        lowered = token.lower_
        if match := re.fullmatch(r"(\d{1,3})\s*/?\s*(m|f|male|female|yo|y/o|yr|yrs|y)\.?", lowered):  # "30F.", "55/F"
            value = int(match[1])
            if 0 < value <= 120 and not followed_by_unit(doc, token.i + 1):
                age = age or value
                sex = sex or {"m": "male", "f": "female", "male": "male", "female": "female"}.get(match[2])
            continue
        if match := re.fullmatch(r"(m|f)/?(\d{1,3})", lowered):
            age, sex = age or int(match[2]), sex or ("male" if match[1] == "m" else "female")
            continue
        whole = whole_number(token.text)
        if whole is None:
            worded = _worded_age(doc, token.i)
            mine = [norm_at(doc, token.i - 2), norm_at(doc, token.i - 1)] in (["i", "am"], ["i", "'m"])
            described = norm_at(doc, token.i - 1) in {"a", "an"} and any(
                doc[k].ent_type_ == "SEX" for k in range(token.i + 1, min(len(doc), token.i + 7))
            )
            opening = token.i == 0 and "here" in {t.norm_ for t in doc[token.i + 1 : token.i + 7]}
            if worded and (mine or norm_at(doc, token.i - 1) == "i'm" or described or opening):
                age = age or worded  # "I'm forty-two", "a fifty year old woman here" (not "I have five year old twins")
            continue
        value = whole
        slash_sex = norm_at(doc, token.i + 1) == "/" and norm_at(doc, token.i + 2) in {"m", "f", "male", "female"}
        if not 0 < value <= 120 or (
            followed_by_unit(doc, token.i + 1) and not years_old(doc, token.i) and not slash_sex  # "55/F"
        ):
            continue
        before = [t.norm_ for t in doc[max(0, token.i - 3) : token.i]]
        after = [t.norm_ for t in doc[token.i + 1 : token.i + 4]]
        aged = (
            after[:1] in (["year-old"], ["yo"], ["y/o"], ["y.o"])
            or after[:3] == ["y", "/", "o"]  # "24 y/o guy" (the tokenizer splits it)
            or years_old(doc, token.i)
            or after[:2] in (["years", "old"], ["yr", "old"], ["yrs", "old"], ["year", "-"])
            or (before[-1:] in (["aged"], ["age"], ["age:"], ["turned"]))
            or before[-2:] in (["age", ":"], ["age", "is"], ["i", "am"], ["i", "'m"], ["i", "m"], ["me", ","])
            or (before[-1:] == ["("] and after[:1] == [")"])
        )
        if before[-1:] == ["turning"] and not aged and value > 1:
            aged, value = True, value - 1  # "turning 51 next month": 50 now
        # "im 19 f": the "m" of a spelt-out "i m" is "I'm", not male
        lone_sex = _sex_letter(before[-2:] if before[-2:] != ["i", "m"] else []) or _sex_letter(after[:2])
        if aged and after[:3] != ["year", "old", "son"] and not _names_person(text, token.i):
            age = age or value
            sex = sex or lone_sex
        elif lone_sex and (token.i <= 4 or (before[-1:] == [","] and value >= 13)):
            age, sex = age or value, sex or lone_sex  # "M 58", "Hi, I'm Sam, 30 M"
    for ent in text.by_label("SEX"):
        following: list[Token] = list(doc[ent.end : ent.end + 2])
        listed = len(following) == 2 and following[0].norm_ == "," and following[1].text.isdigit()  # "female, 30"
        # "woman 38, twitches in my stomach": an opening's age straight after the sex
        direct = not listed and ent.start <= 3 and bool(following) and following[0].text.isdigit()
        listed_age = whole_number(following[1].text) if listed else whole_number(following[0].text) if direct else None
        number_end = ent.end + (2 if listed else 1)
        dash = norm_at(doc, number_end) in {"-", "–"} and norm_at(doc, number_end + 1) not in {"year", "years"}
        labelled = norm_at(doc, number_end) == ":" and not norm_at(doc, number_end + 1)[:1].isdigit()  # "Woman, 52:"
        unit = followed_by_unit(doc, number_end) and not dash and not labelled  # "Female, 45 - twitching in ..."
        if age is None and listed_age and listed_age <= 120 and not unit:
            age = listed_age
        preceding = (previous_norm(ent), previous_norm(ent, 2))
        said_of_me = preceding[0] in {"a", "an"} and bool(
            {t.norm_ for t in doc[max(text.sentence(ent.start)[0], ent.start - 5) : ent.start]} & {"i'm", "am"}
        )  # "I'm 44, a man"
        if (
            preceding[0] not in {"my", "the", "this", "that", "other", "a", "an"}
            or preceding[1] in {"i'm", "am"}
            or said_of_me
        ):
            sex = sex or ent.ent_id_
    if age is None:
        age = _decade(text)
    return age, sex


def _decade(text: Text) -> int | None:
    doc = text.doc
    for token in doc:
        match = re.fullmatch(r"(\d)0'?s", token.lower_)
        decade = int(match[1]) if match else _DECADES.get(token.lower_)
        if decade is None and (whole_number(token.text) or 0) in {20, 30, 40, 50, 60, 70, 80}:
            nxt = [norm_at(doc, token.i + 1), norm_at(doc, token.i + 2)]
            said = nxt[0] in {"s", "'s", "something"} or nxt == ["-", "something"]  # "50s", "50-something"
            decade = int(token.text[0]) if said else None
        if decade is None:
            continue
        before = [t.lower_ for t in doc[max(0, token.i - 3) : token.i]]
        following = doc[token.i + 1 : token.i + 4]
        something = "something" in {t.lower_ for t in following[:2]}  # "I'm 50-something"
        described = any(t.ent_type_ in {"SEX", "PERSON"} for t in following)  # "late fifties male", "a 50s woman"
        if not ({"my", "his", "her"} & set(before) or something or described):
            continue
        offset = {"early": 2, "mid": 5, "late": 8}.get(before[-1] if before else "", 5)
        age = decade * 10 + offset
        text.assume(f"'{doc[token.i - (1 if offset != 5 else 0)].text} {token.text}' read as age {age}")
        return age
    return None


def _school_age(text: Text) -> int | None:
    match = _SCHOOL_YEAR.search(text.doc.text.lower())
    if match is None:
        return None
    uk, grade = match[1] or match[4], match[2] or match[3]
    year = int(uk or grade)
    if not 1 <= year <= (13 if uk else 12):
        return None
    age = year + (4 if uk else 5)
    text.assume(f"'{match[0].strip()}' read as age {age}")
    return age


def _age_near(text: Text, person: Span) -> int | None:
    doc = text.doc
    lo, hi = max(0, person.start - 6), min(len(doc), person.end + 6)  # "my 5-year-old son"
    for token in doc[lo:hi]:
        near_age = whole_number(token.text) or _worded_age(doc, token.i)
        if near_age and _a_reading(doc, token.i):
            continue  # "a toddler with a temp of 39": a temperature, not an age
        if near_age and near_age <= 120 and (years_old(doc, token.i) or not followed_by_unit(doc, token.i + 1)):
            return near_age  # "my dad (67)", "my mum is 72", "my 75 year old dad"
    return None


def _a_reading(doc: Doc, index: int) -> bool:
    """A number that is a measurement said near a person: "temp of 39", "39.2 degrees", "hot 38.4"."""
    before = {norm_at(doc, index - k) for k in (1, 2, 3)}
    measured = bool(before & {"temp", "temperature", "fever", "thermometer"}) or norm_at(doc, index - 1) == "hot"
    return measured or norm_at(doc, index + 1) in {"degrees", "deg", "°", "°c", "°f", "c", "f"}


def _worded_age(doc: Doc, index: int) -> int | None:
    """An age in words where the words around it say it is one: "my boyfriend is thirty",
    "I'm forty-two", "she turned fifty", "a sixty year old"."""
    norm = norm_at(doc, index)
    value = _TENS.get(norm) or _TEENS.get(norm) or _SMALL.get(norm)
    if value is None:
        return None
    end = index + 1
    if norm in _TENS:
        unit_at = end + 1 if norm_at(doc, end) in {"-", "–"} else end
        if norm_at(doc, unit_at) in _UNITS:
            value, end = value + _UNITS[norm_at(doc, unit_at)], unit_at + 1
    if [norm_at(doc, end), norm_at(doc, end + 1)] in (["years", "old"], ["year", "old"], ["-", "year"]) or (
        norm_at(doc, end) == "year-old"
    ):
        return value
    if norm in _SMALL:
        return None  # "she is five" could be a count; "a five-year-old" is not
    return value if norm_at(doc, index - 1) in _SAYS_AN_AGE and not followed_by_unit(doc, end) else None


_NAMED_BY_AGE = re.compile(
    r"\b(?:my|our) (\d{1,2}|[a-z]+)[ -](day|week|month|year)s?[ -]old\b"
    # "child of 2 years", "my son age 13", "daughter aged 9"
    r"|\b(?:child|son|daughter|boy|girl|kid|baby) (?:of|age|aged) (\d{1,2}) ?(year|yr|month|week|day)?"
    r"|\b(?:my|our) (\d{1,2}) ?(?:y\.o\b|y/o|yo\b)"  # "my 14 y.o. has a twitchy thigh"
)


def _named_by_age(text: Text) -> int | None:
    """ "My 8 year old says his arm jumps": a child named by age alone (months, weeks or days are under a year)."""
    match = _NAMED_BY_AGE.search(text.doc.text.lower())
    if match is None:
        return None
    if match[1]:
        said, unit = match[1], match[2]
    else:
        said, unit = (match[3], match[4] or "year") if match[3] else (match[5], "year")
    number = int(said) if said.isdigit() else _SMALL.get(said) or _TEENS.get(said)
    if number is None:
        return None
    if unit in {"year", "yr"}:
        return number
    return number // 12 if unit == "month" else number // 52 if unit == "week" else 0  # "our 18 month old": 1


def _described_age(text: Text) -> int | None:
    """ "A five-year-old girl has had twitching …", "a 67 year old man": the one described, by age and sex."""
    doc = text.doc
    for ent in text.by_label("SEX", others=True):
        for index in range(max(0, ent.start - 6), ent.start):
            if norm_at(doc, index - 1) in {"a", "an"}:
                value = (whole_number(doc[index].text) if years_old(doc, index) else None) or _worded_age(doc, index)
                if value:
                    return value
    return None


_AN_AGE = re.compile(r"\d{1,3}(?:\.\d)?")
_HEDGED = frozenset({"about", "around", "roughly", "nearly", "almost", "approximately", "approx", "over", "just"})


def _pronoun_age(text: Text) -> int | None:
    """ "he is 52", "she's 66", "He's 35 and runs marathons"."""
    doc = text.doc
    for token in doc:
        if token.norm_ in {"he", "she"}:
            rest = list(doc[token.i + 1 : token.i + 3])
            if rest and len(rest) > 1 and (worded := _worded_age(doc, rest[1].i)):
                return worded  # "he is thirty"
            at = token.i + 2 + (norm_at(doc, token.i + 2) in _HEDGED)  # "she is about 55 years old"
            verb = rest[0].norm_ if rest else ""
            if verb == "just" and norm_at(doc, token.i + 2) == "turned":
                verb, at = "turned", token.i + 3  # "he just turned 5"
            said = doc[at].text if at < len(doc) else ""
            if verb in {"is", "'s", "am", "turned"} and _AN_AGE.fullmatch(said):
                value = int(float(said))  # "he's 5.5": five
                if 0 < value <= 120 and (years_old(doc, at) or not followed_by_unit(doc, at + 1)):
                    return value
    return None


def _names_person(text: Text, index: int) -> bool:
    """Whether an age at ``index`` belongs to someone named just after it ("my 5 year old son")."""
    after = bisect_right(text.person_starts, index)
    return after < len(text.person_starts) and text.person_starts[after] - index <= 4


def _sex_letter(words: list[str]) -> str | None:
    for word in (w.removesuffix(".") for w in words):  # "30 M." ends a sentence
        if word in {"m", "male"}:
            return "male"
        if word in {"f", "female"}:
            return "female"
    return None


# "baby 7wks hot", "my baby is 5 weeks", "my boy is 2 months": a baby's age without "old"
_BABY_AGED = re.compile(
    r"\b(?:baby|infant|newborn|little one|wee one|bairn"
    r"|(?:my|our) (?:little |wee |baby )?(?:boy|girl|son|daughter|lad|lass))"
    r"(?: is| aged| of|,)? (\d{1,2}) ?(wk|wks|week|weeks|mo|mos|mth|mths|month|months|days?)\b()"
    r"(?! (?:into|ago|away|late|early|in|of|from|before|after|since|now)\b)"
)
_BORN_AGO = re.compile(  # "baby born 7 weeks ago": an age told by the birth
    r"\b(?:born|arrived|delivered) (\d{1,2}) ?(wk|wks|week|weeks|mo|mos|month|months|days?) ago\b()"
)
_INFANT = re.compile(
    r"\b(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:[ -]|(?=mo|mth|wk))"
    r"(day|days|week|weeks|month|months|mo|mos|mth|mths|wk|wks)[ -]old\b(?! (?:bruise|scar|cut|injury|bread|milk))"
    r"|\b(newborn|new-born|new born)\b"
)


def young_age_at(text: Text, char: int) -> bool:
    """ "my boy is 2 months", "baby 7wks": whether the words at ``char`` are a baby's age, not a time since then."""
    if text.young_ages is None:  # found once per text, however many times are asked about
        text.young_ages = [(m.start(), m.end()) for m in _BABY_AGED.finditer(text.doc.text.lower())]
    return any(start <= char < end for start, end in text.young_ages)


def infant(text: Text, about: About, symptoms: dict[str, bool | None]) -> None:
    """A baby's age in days, weeks or months ("my baby is 2 months old", "a 6-week-old"): age 0 in the answers'
    whole years, and, under 3 months, the fact the NHS's fever advice for babies turns on (clinical.md §11b).
    Only when the words are about someone else: "I sleep 5 hours with a newborn" is the writer's."""
    lowered = text.doc.text.lower()
    match = _INFANT.search(lowered) or _BABY_AGED.search(lowered) or _BORN_AGO.search(lowered)
    if about != "someone_else" or match is None or text.data.get("age") not in (None, 0):
        return
    if match[3]:
        weeks = 0.0
    else:
        number = int(match[1]) if match[1].isdigit() else 1 if match[1] in {"a", "an"} else _SMALL[match[1]]
        weeks = {"d": number / 7, "w": number, "m": number * 4.35}[match[2][0]]
    if weeks >= 52:
        if text.data.get("age") is None and weeks < 16 * 52:  # "my son is 18 months": a toddler, aged 1
            years = int(weeks // 52.18)
            text.data["age"] = years
            text.assume(f"'{match[0]}' read as age {years}")
        return
    text.data["age"] = 0
    text.assume(f"'{match[0]}' read as age 0 (under a year)")
    if weeks < 13:
        symptoms["under_3_months"] = True


# A word that alone says a young child, read as an age the children's rules can use (and said as assumed)
_YOUNG = {"toddler": 2, "toddlers": 2, "baby": 0, "infant": 0, "newborn": 0}


def young_child(text: Text, about: About, person: Span | None) -> None:
    """ "My toddler has a fever": no age given, but one under 16 without doubt; a baby is under a year."""
    if about != "someone_else" or person is None or text.data.get("age") is not None:
        return
    said = person.text
    if said.lower() not in _YOUNG:
        # "Twitching toddler? Yesterday ds started …": a title names the child the text goes on to describe
        title_end = text.sentence(0)[1]
        titled = [e.text for e in text.by_label("PERSON", others=True) if e.end <= title_end]
        said = next((word for word in titled if word.lower() in _YOUNG), said)
    if said.lower() in _YOUNG:
        text.data["age"] = _YOUNG[said.lower()]
        text.assume(f"'{said}' read as a child of about {_YOUNG[said.lower()]} (under 16)")
