"""Negation, uncertainty and other people, ConText-style (Harkema et al., 2009).

A trigger ("no", "don't", "maybe", "my dad had") modifies the phrases it reaches: forward
triggers reach phrases after them, backward ones ("weakness: none", "weak?") phrases before.
A reach is at most ``window`` tokens and stops at a terminator ("but", "though", ";"), at
the end of a sentence, and — for other people — at a comma or the writer's own "I" or "my".
Someone named (one of the writer's people, or someone named by a role: "the patient I'm caring for") reaches from
their own verb, found past a relative clause about them; the cues and the times read the same reach.
Pseudo-triggers ("not sure", "won't stop") look like negations and are not.

This takes the place of negspacy, whose reach is the whole sentence and whose boundary loop
grows with the square of the text, and of medspaCy, which pins an older spaCy; the corpus
and the fuzzing tests hold it to the same standard.

Each phrase gets ``span._.negated``, ``span._.uncertain`` and ``span._.other_person``.  Work
is linear in the length of the text: trigger matching is one pass, and each phrase looks
only at triggers within its window (found by bisection).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from twitchwise.understand.lexicon import Lexicon, load_lexicon
from twitchwise.understand.text import norm_at

CATEGORIES = ("negated", "uncertain", "other_person")
MODIFIED = frozenset(
    {"SYMPTOM", "SITE", "CAFFEINE", "CAFFEINE_WORD", "WATER", "NICOTINE", "ALCOHOL", "STRESS", "EXERCISE",
     "ILLNESS", "PREGNANT", "BACK_PAIN", "MEDICINE", "TWITCH", "CONTEXT", "SLEEP"}
)  # fmt: skip
for _name in CATEGORIES:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=False)
if not Doc.has_extension("told_of_others"):
    # the tokens someone else's words reach ("the patient I'm caring for can't swallow"): the cues read them too
    Doc.set_extension("told_of_others", default=frozenset())
if not Doc.has_extension("their_verbs"):
    # where someone named is the subject ("collapsed" in "a man I work with collapsed last week"), and the words that
    # say which person between them and it ("I had last year" in "the trainer I had last year had MND"): times read them
    Doc.set_extension("their_verbs", default=frozenset())
    Doc.set_extension("their_clauses", default=frozenset())
_NAMED = frozenset({"PERSON", "SEX", "ROLE"})


@dataclass(frozen=True)
class _Found:
    forward_ends: list[int]  # sorted token index just after each forward trigger
    backward_starts: list[int]  # sorted token index of each backward trigger


class ConText:
    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        context = lexicon.context
        self.window = context.window
        self.backward_window = {
            "negated": context.negated.backward_window,
            "uncertain": context.uncertain.backward_window,
            "other_person": 0,
        }
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")

        def add(key: str, phrases: list[str]) -> None:
            if phrases:
                self.matcher.add(key, [nlp.make_doc(p.lower()) for p in phrases])

        for category in CATEGORIES:
            triggers = getattr(context, category)
            add(f"{category}:forward", triggers.forward)
            add(f"{category}:backward", triggers.backward)
            add(f"{category}:pseudo", triggers.pseudo)
            add(f"{category}:terminator", triggers.terminators)
        add("terminator", context.terminators)
        add("first_person", context.first_person)

    def __call__(self, doc: Doc) -> Doc:
        ents = [ent for ent in doc.ents if ent.label_ in MODIFIED]
        if not ents and not any(ent.label_ in _NAMED for ent in doc.ents):
            return doc
        strings = doc.vocab.strings
        matches = [(strings[key], start, end) for key, start, end in self.matcher(doc)]
        pseudo: dict[str, set[int]] = {c: set() for c in CATEGORIES}
        for key, start, end in matches:
            if key.endswith(":pseudo"):
                pseudo[key.split(":")[0]].update(range(start, end))
        norms = [token.norm_ for token in doc]
        # "people ask if I've been drinking. I haven't, my speech …": a denial of what came before denies nothing
        pseudo["negated"].update(i for i in range(len(norms)) if elliptic_denial(norms, i))
        # "my finger can't straighten and feels weak", "I hadn't noticed the hollow", "I can't go two days without
        # throwing up": negation words that deny nothing after them
        pseudo["negated"].update(i for i in range(len(norms)) if _told_not_denied(norms, i))
        boundary = [0] * (len(doc) + 1)  # running count of sentence starts and terminators
        person_boundary = [0] * (len(doc) + 1)
        breaks = {token.i for token in doc if token.i > 0 and (token.is_sent_start or _a_count(doc, token))}
        # a comma ends someone else's reach too ("The patient in the next bed is asleep, L facial droop since an
        # hour ago": the words after it may be the writer's, and are read as theirs)
        person_breaks = {token.i for token in doc if (token.is_sent_start and token.i > 0) or token.norm_ == ","}
        found: dict[str, _Found] = {c: _Found([], []) for c in CATEGORIES}
        negation_breaks: set[int] = set()
        for key, start, end in matches:
            if key == "negated:terminator":
                negation_breaks.add(start)
            elif key == "terminator":
                breaks.add(start)
                person_breaks.add(start)
            elif key == "first_person":
                person_breaks.add(start)
            else:
                category, direction = key.split(":")
                if direction in {"pseudo", "terminator"} or start in pseudo[category]:
                    continue
                if direction == "forward":
                    found[category].forward_ends.append(end)
                else:
                    found[category].backward_starts.append(start)
        starts = frozenset(t.i for t in doc if t.is_sent_start and t.i > 0)
        closings: set[int] = set()
        in_denied_list = denied_list_openings(norms, starts, closings)
        negation_breaks |= closings  # "no fever, no rash, can't breathe properly": the reach ends at the comma
        negation_boundary = [0] * (len(doc) + 1)
        comma_boundary = [0] * (len(doc) + 1)
        for i in range(len(doc)):
            comma_boundary[i + 1] = comma_boundary[i] + (i in breaks or doc[i].norm_ in {",", "-", "–", "and"})
            boundary[i + 1] = boundary[i] + (i in breaks)
            negation_boundary[i + 1] = negation_boundary[i] + (i in breaks or i in negation_breaks)
            person_boundary[i + 1] = person_boundary[i] + (i in person_breaks)
        # "my brother had a seizure", "my cousin fainted", "my wife's speech was slurred": one of the writer's people
        # doing or having something reaches forward as "dad had" does (but not "my wife's noticed I slur")
        subjects = [(e, _subject(doc, e)) for e in doc.ents if e.label_ in _NAMED]
        their_verbs = [reach for _, reaches in subjects for reach in reaches]
        doc._.their_verbs = frozenset(their_verbs)
        doc._.their_clauses = frozenset(i for e, reaches in subjects if reaches for i in range(e.end, max(reaches)))
        found["other_person"].forward_ends.extend(their_verbs)
        # "his speech is slurred", "her swallowing": what is his or hers, in a text about the writer (not his places:
        # a text about a brother's twitching may still read as the writer's, and its places must stay)
        found["other_person"].forward_ends.extend(
            t.i + 1 for t in doc[:-1] if t.norm_ in _THEIR and doc[t.i + 1].norm_ in FUNCTIONS
        )
        for category in CATEGORIES:
            found[category].forward_ends.sort()
            found[category].backward_starts.sort()
        counts = {"negated": negation_boundary, "uncertain": boundary, "other_person": person_boundary}
        doc._.told_of_others = frozenset(
            start
            for end in found["other_person"].forward_ends
            for start in range(end, min(len(doc), end + self.window + 1))
            if person_boundary[start + 1] == person_boundary[end]
        )
        for ent in ents:
            for category in CATEGORIES:
                if self._reaches(
                    ent, found[category], counts[category], comma_boundary, self.backward_window[category]
                ):
                    ent._.set(category, True)
        for ent in ents:  # "her face droops", "his arm is weak": a sign told as theirs
            if ent.label_ == "SYMPTOM" and ent.start > 0 and norms[ent.start - 1] in _THEIR:
                ent._.set("other_person", True)
        _carry_negation_along_lists(ents, norms, in_denied_list)
        _doubt_a_denial_s_unclear_reach(ents, norms, found["negated"].forward_ends)
        _a_denial_of_its_own_past_a_worry(ents, norms, found["uncertain"], comma_boundary)
        return doc

    def _reaches(
        self, ent: Span, found: _Found, counts: list[int], clause_counts: list[int], backward_window: int
    ) -> bool:
        # forward: a trigger ending at most `window` tokens before the phrase, nothing in between
        ends = found.forward_ends
        for index in range(bisect_left(ends, ent.start - self.window), bisect_right(ends, ent.start)):
            end = ends[index]
            if counts[ent.start + 1] == counts[end]:  # no sentence start or terminator in [end, start]
                return True
        starts = found.backward_starts
        for index in range(bisect_left(starts, ent.end), bisect_right(starts, ent.end + backward_window)):
            start = starts[index]
            if clause_counts[start + 1] == clause_counts[ent.end]:  # backward reach stays in the clause
                return True
        return False


_OWNERS = frozenset({"my", "our", "his", "her", "their"})
_HAS = frozenset(
    {"had", "has", "have", "was", "is", "'s", "were", "got", "gets", "suffered", "suffers", "choked", "chokes",
     "fainted", "faints", "collapsed", "collapses", "passed", "died", "developed", "started", "went", "keeps", "kept",
     "used", "can", "could", "cannot", "would", "will", "did", "does", "struggles", "struggled", "also"}
)  # fmt: skip
_NOTICES = frozenset({"noticed", "says", "said", "thinks", "thought", "worried", "convinced", "sure", "told",
                      "noticing", "reckons", "seen", "spotted", "heard", "asked", "asks", "asking", "wondered",
                      "wonders", "mentioned", "pointed", "commented", "remarked", "observed", "suggested", "warned",
                      "joked", "laughed", "reckoned", "tells", "notices"})  # fmt: skip


_THEIR = frozenset({"his", "her", "their"})
FUNCTIONS = frozenset({"speech", "voice", "words", "breathing", "breath", "swallowing", "swallow", "walking",
                        "balance", "vision", "eyesight", "grip", "memory"})  # fmt: skip


def _subject(doc: Doc, person: Span) -> list[int]:
    """One of the writer's people as the subject of what follows ("my brother had", "my wife's speech"), not one
    who notices something of the writer ("my wife's noticed", "my husband is worried"); or someone named by a role
    ("the guy next to me on the train was choking", "a lady at the bus stop fainted", "a client of mine can't lift"),
    not the writer ("I'm a man who has …"). Where their reaches start: the relative clause told of them ("my grandad
    who can't swallow") and their own verb after it ("the guy at the gym who spots me has a weak arm", "the patient
    I'm caring for can't swallow", "our neighbour, who is 90, fainted")."""
    start = person.start
    while person.start - start < 2 and start > 0 and _describes(doc[start - 1]):
        start -= 1  # "the new manager", "my older brother"
    before = norm_at(doc, start - 1)
    if before in _OWNERS or before in _POSSESSIVE:  # "my dad", "my best friend's husband"
        verb = norm_at(doc, person.end)
        if verb in _POSSESSIVE and person.end + 1 < len(doc) and doc[person.end + 1].ent_type_ in _NAMED:
            return []  # "my friend's husband": his words, not hers (read from "husband")
        if verb in _HAS:
            return [person.end] if norm_at(doc, person.end + 1) not in _NOTICES else []
        if verb in _RELATIVE or verb == "," or verb in {"i", "we"}:
            return _verb_after(doc, person.end)
        return []  # "my wife and I", "my dad says"
    if person.text.lower() not in _BARE and (
        before not in _DETERMINERS or {t.norm_ for t in doc[max(0, start - 4) : start]} & _I_AM
    ):
        return []
    return _verb_after(doc, person.end, wander=8)


def _verb_after(doc: Doc, start: int, wander: int = 0) -> list[int]:
    """Where the reaches of someone named just before ``start`` begin: past a relative clause about them, and at
    their own verb (the first one within ``wander`` words, or the one after a relative clause). A relative clause
    with the writer in it ("whose mum I know", "who spots me", "I'm caring for") is passed over only when it ends
    as one does, before their verb ("know had", "me has", "for can't"); "my husband who I told I can't swallow"
    gives no verb of his."""
    reaches: list[int] = []
    # in a relative clause about them; one closed by its comma (", who is 90,"); one with no "who" ("I work with")
    relative = closed = reduced = False
    writer_at: int | None = None
    for i in range(start, min(len(doc), start + 14)):
        word = doc[i].norm_
        if word in _NOTICES:
            return []  # one who tells of the writer ("said I fainted", "a client of mine who is a physio said …")
        if not relative:
            if word == "," and i == start and norm_at(doc, i + 1) in _RELATIVE:
                continue
            if word in _RELATIVE and i - start <= 4:  # "who", or "at the gym who"
                relative = True
                reaches.append(i + 1)
                # the writer as the relative clause's subject: "who I know", "whose dad I coach"
                writer_at = next((k for k in (i + 1, i + 2) if norm_at(doc, k) in {"i", "we"}), None)
            elif word in {"i", "we"} and i == start and _reduced_relative(doc, i):
                relative = reduced = True  # "the patient I'm caring for", "a man I work with"
            elif word in _NEW_SUBJECT or i - start >= wander or word in _SUBORDINATORS:
                return reaches  # a new clause, the writer as its subject
            elif word in {"me", "us"} and norm_at(doc, i + 1) in _TOLD_TO:
                return reaches  # "somebody tell me why …", "a man asked me if …": what follows is the writer's
            elif word in _HAS | _EVENTS:
                return _with_verb(doc, reaches, i)
            continue
        if word in _SENTENCE_ENDS or (closed and word in _NEW_SUBJECT):
            return reaches
        if word in _SUBORDINATORS and norm_at(doc, i + 1) in _CLAUSE_SUBJECTS:
            return reaches  # "… called an ambulance because I started slurring": a clause of its own
        if word == ",":
            closed = True
        elif word in _HAS | _EVENTS and (
            closed
            or norm_at(doc, i - 1) in _RELATIVE_ENDS
            or (writer_at is not None and i - 2 == writer_at)
            or (reduced and _their_verb_next(doc, i))
        ):  # ", who is 90, fainted", "I work with collapsed", "whose dad I coach had", "I had last year had"
            return _with_verb(doc, reaches, i)
    return reaches


def _with_verb(doc: Doc, reaches: list[int], verb: int) -> list[int]:
    """Their verb joins the reaches, unless it tells of someone noticing ("is worried", "has noticed")."""
    return [*reaches, verb] if norm_at(doc, verb + 1) not in _NOTICES else reaches


def _reduced_relative(doc: Doc, start: int) -> bool:
    """ "the patient I'm caring for can't swallow", "a man I work with collapsed", "the trainer I had last year had
    MND": the writer's words that say which person, then that person's verb after a word that is not one (not "the
    nurse I can't swallow", "the nurse I told I can't swallow")."""
    return any(_their_verb_next(doc, i) for i in range(start + 2, min(len(doc), start + 6)))


def _their_verb_next(doc: Doc, i: int) -> bool:
    """A verb of theirs after the last word of a relative clause ("for can't", "year had"), not one of the writer's
    ("I can't", "I told I can't", "have had")."""
    before = doc[i - 1]
    return doc[i].norm_ in _HAS | _EVENTS and before.is_alpha and before.norm_ not in _HAS | _WRITER | {"not", "to"}


def _describes(token: Token) -> bool:
    """A word that may describe a person between "the" or "my" and the person ("new", "best", "older")."""
    return token.is_alpha and not token.is_stop and not token.ent_type_ and token.norm_ not in _HAS | _NOTICES


_POSSESSIVE = frozenset({"'s", "’s"})
_RELATIVE = frozenset({"who", "whose", "whom", "that"})
_BARE = frozenset({"someone", "somebody"})  # named with no "the" or "my" ("someone on my team keeps choking")
# the last word of a relative clause with the writer in it, before the other person's own verb ("I'm caring for
# can't", "I work with collapsed", "whose mum I know had", "who spots me has")
_RELATIVE_ENDS = frozenset(
    {"for", "with", "to", "after", "about", "at", "on", "know", "knew", "met", "meet", "see", "saw", "visit",
     "visited", "nurse", "teach", "taught", "support", "like", "love", "mentioned", "me", "us"}
)  # fmt: skip
_WRITER = frozenset({"i", "i'm", "me", "my", "we", "us", "our", "i've", "myself"})
_SENTENCE_ENDS = frozenset({".", "!", "?", ";", "but", "and"})
_TOLD_TO = frozenset({"why", "what", "how", "if", "whether", "that", "to", "because"})
# where a relative clause's sentence turns to a clause of its own ("who lives next door called an ambulance because I
# …"), not a preposition the relative clause ends with ("the resident I look after can't swallow")
_SUBORDINATORS = frozenset({"because", "cause", "cos", "as", "since", "so", "when", "while", "after", "before", "if",
                            "until", "although", "though"})  # fmt: skip
_CLAUSE_SUBJECTS = frozenset({"i", "he", "she", "we", "they", "you", "it", "my", "his", "her", "their", "the", "this"})


_DETERMINERS = frozenset({"the", "a", "an", "this", "that"})
_NEW_SUBJECT = frozenset({",", ";", ".", "!", "?", "and", "but", "who", "that", "i", "i'm", "we", "you"})
_I_AM = frozenset({"i", "i'm", "am", "me"})
_EVENTS = frozenset({"choking", "fainting", "slurring", "collapsing", "shaking", "jerking", "seizing", "falling"})


def _a_count(doc: Doc, token: Token) -> bool:
    """A number breaks a reach ("no coffee, 3 cups"), but not one that is part of a word ("one-sided")."""
    if not token.like_num:
        return False
    following = doc[token.i + 1].norm_ if token.i + 1 < len(doc) else ""
    return following not in {"-", "sided", "side"}


# words that may stand between two items of one denied list ("no fever, rash, vomiting or headache")
LIST_JOINS = frozenset({",", "or", "and", "nor", "/", "any", "no", "&"})
# words that end a list and start a statement ("no fever, I have been vomiting")
LIST_ENDS = frozenset(
    {"i", "my", "me", "he", "she", "they", "his", "her", "we", "have", "has", "had", "am", "is", "are", "was", "were",
     "been", "but", "though", "yet", "just", "did", "do", "does", "get", "got", "feel", "felt", "now", "still",
     "also", "except", "apart", "since", "then", "because", "so", "only", "really", "definitely", "feels", "hurts",
     "gets", "looks", "seems", "keeps"}
)  # fmt: skip


# words that, once a list is under way, start a statement of more or less ("not feeding, way fewer wet nappies")
_AMOUNT_STARTS = frozenset({"fewer", "less", "more", "way", "lots", "loads", "too", "very", "much", "far"})
# "not able to climb stairs like before, legs getting weak": an inability told, not a denied list
_NOT_PREDICATES = frozenset(
    {"able", "working", "moving", "responding", "eating", "feeding", "drinking", "sleeping", "walking", "talking",
     "acting", "behaving", "holding", "gripping", "lifting", "coping"}
)  # fmt: skip
_DENIALS = frozenset({"no", "not", "without", "never", "nor", "neither", "denies", "nothing", "negative", "zero"})
_LIST_STOPS = frozenset({".", "!", "?", ";", ":"})
# the rest of a list item after its symptom word ("slurred speech", "swallowing problems", "vision changes")
_ITEM_ENDS = frozenset(
    {"much", "speech", "problems", "problem", "issues", "issue", "difficulty", "difficulties", "changes", "loss",
     "pain"}
)  # fmt: skip
# verbs a denial governs: "I don't have any ...", "I haven't noticed any ...", "I do not get ..."
_DENIED_VERBS = frozenset(
    {"have", "has", "had", "get", "got", "notice", "noticed", "experience", "experienced", "feel", "felt", "see",
     "seen", "any", "like", "for", "of", "signs", "sign"}
)  # fmt: skip


def denied_list_openings(
    words: list[str], sentence_starts: frozenset[int] = frozenset(), closings: set[int] | None = None
) -> list[bool]:
    """For each position 0..len(words), whether the words before it (from its sentence's start) open a denied list
    and join it, in one pass: a clinical note's "Denies a, b, c, … z" is as long as it is.

    A list closes where a statement starts, and also (each such position is added to ``closings``, where a
    denial's reach ends too):
    - after items each denied by its own "no" ("No fever, no rash, can't breathe properly"): at the next comma not
      followed by another denial;
    - at an "and" after an "or" ("no headache or fever and my face drooped at dinner");
    - at an "and" or a comma that a statement follows ("no pain and one side of my face fell", "never smoked, a
      sudden splitting headache"), not one more thing denied ("no pain and numbness", "no weakness, numbness or
      tingling").
    "Without any warning" and "never had this before" deny nothing."""
    result = [False] * (len(words) + 1)
    open_list = False  # a denial is open, with no word between that starts a statement
    joins = 0
    repeated = said_or = False  # "no X, no Y": each item its own denial; "no X or Y": an "or" seen

    def close(at: int) -> None:
        nonlocal open_list
        open_list = False
        if closings is not None:
            closings.add(at)

    for i, word in enumerate(words):
        if i in sentence_starts:
            open_list, joins = False, 0
        result[i] = open_list and joins > 0
        if word in _DENIALS and _denies_nothing(words, i):
            if open_list:
                close(i)
        elif (
            word in _DENIALS
            and not (word == "not" and i + 1 < len(words) and words[i + 1] in _NOT_PREDICATES)
            and not _told_not_denied(words, i)
        ):
            repeated = open_list and i > 0 and words[i - 1] in LIST_JOINS
            open_list, joins, said_or = True, 0, False
        elif not open_list:
            continue
        elif word in _DENIED_VERBS and _DENIALS & set(words[max(0, i - 3) : i]):
            continue  # "do not have any": the denial is just before
        elif word in LIST_ENDS or word in _LIST_STOPS or (joins and word in _AMOUNT_STARTS):
            open_list = False
        elif (
            (word == "," and (_a_statement_follows(words, i) if repeated else _a_statement_at(words, i + 1, *_COMMA)))
            or (word == "and" and (said_or or _a_statement_at(words, i + 1, *_AND)))
        ):  # fmt: skip
            close(i)
        else:
            joins += word in LIST_JOINS
            said_or = said_or or word == "or"
    result[len(words)] = open_list and joins > 0
    return result


# "I can't feel any weakness": a denial by a verb of noticing; "my finger can't straighten and feels weak": an
# inability, told, which denies nothing after it
_NOTICING = frozenset({"feel", "see", "notice", "find", "detect", "say", "tell", "remember", "think", "recall", "spot"})
_NOTICED = frozenset({"noticed", "realised", "realized", "seen", "spotted"})


def _an_inability(words: list[str], i: int) -> bool:
    """ "my finger can't straighten", "I couldn't lift it": "can" or "could" and "not" before a verb of doing."""
    return (
        words[i] == "not"
        and i > 0
        and words[i - 1] in {"can", "could"}
        and i + 1 < len(words)
        and words[i + 1].isalpha()
        and words[i + 1] not in _NOTICING | _DENIALS | {"be", "have", "get", "really", "say", "any"}
    )


def _noticed_only_now(words: list[str], i: int) -> bool:
    """ "I hadn't noticed the hollow at the base of my thumb": noticed only now, there all the same."""
    return (
        words[i] in {"not", "never"}
        and i + 2 < len(words)
        and words[i + 1] in _NOTICED
        and words[i + 2] in {"the", "that", "how"}
    )


def _cannot_go_without(words: list[str], i: int) -> bool:
    """ "I can't go more than a couple of days without throwing up": a double negative, which affirms."""
    if words[i] != "without":
        return False
    before = words[max(0, i - 9) : i]
    if any(a in {"not", "never"} and b in {"go", "last"} for a, b in pairwise(before)):
        return True  # "can't go more than two days without", "never lasts a week without"
    near = words[max(0, i - 5) : i]
    can_not = [k for k, (a, b) in enumerate(pairwise(near)) if a in {"can", "could"} and b == "not"]
    if can_not and not {",", ";", ".", "and", "but"} & set(near[can_not[-1] :]):
        return True  # "I can't lie down without feeling breathless", "can't walk without pain": it comes each time
    return bool({"never", "no", "not"} & set(before)) and before[-2:] in (["goes", "by"], ["go", "by"], ["went", "by"])


def _told_not_denied(words: list[str], i: int) -> bool:
    """A negation word that denies nothing after it: an inability told, a thing noticed only now, a double negative."""
    return _an_inability(words, i) or _noticed_only_now(words, i) or _cannot_go_without(words, i)


# after "no pain and", a word that starts a statement rather than naming another thing denied: "no pain and my arm
# just flopped", "no pain and suddenly not able to lift my hand", "no pain and one side of my face fell at dinner"
_STATEMENT_STARTS = frozenset(
    {"i", "my", "his", "her", "their", "he", "she", "they", "we", "it", "suddenly", "just", "now", "then", "today",
     "yesterday", "tonight", "this", "last", "since", "woke", "can", "could", "am", "is", "are", "was", "were",
     "started", "began", "keep", "kept", "when", "after", "while", "lately", "recently", "had", "have", "has", "got",
     "there"}
)  # fmt: skip
# ... and after an "and" only, words that also begin an item of a list ("denies …, sudden one-sided weakness"):
# "no pain and one side of my face fell", "no pain and a thunderclap headache an hour ago"
_STARTS_AFTER_AND = _STATEMENT_STARTS | {"sudden", "one", "half", "the", "everything", "all", "l", "r", "left",
                                         "right", "out", "over", "a", "an", "at"}  # fmt: skip


# words that make the rest of an item after "and" a statement, not a thing denied: "no pain and acute onset dysarthria
# this morning", "no pain and breathing is really hard even lying still"
_STATEMENT_SIGNS = frozenset(
    {"ago", "today", "yesterday", "morning", "tonight", "afternoon", "evening", "since", "suddenly", "now", "just",
     "is", "are", "was", "were", "went", "came", "started", "began", "even", "when", "whenever", "keeps", "keep",
     "going", "spreading", "radiating", "like", "worst", "for", "down", "into", "last", "week", "weeks", "days",
     "hours", "minutes"}
)  # fmt: skip


def _a_statement_at(words: list[str], at: int, starts: frozenset[str], signs: frozenset[str]) -> bool:
    """Whether the words from ``at`` (just after an "and" or a comma in a denial) start a statement ("my arm just
    flopped", "a thunderclap headache an hour ago", "had a fit at work", "not able to swallow") rather than name one
    more thing denied ("numbness", "numbness or tingling"): by their first word, or a sign before the next pause."""
    if at >= len(words):
        return False
    if words[at] in starts:
        return True
    if words[at] == "not" and at + 1 < len(words) and words[at + 1] in _NOT_PREDICATES:
        return True  # "… and not able to swallow rice properly"
    for word in words[at : at + 12]:
        if word in {",", ";", ".", "!", "?", "and", "or"}:
            return False
        if word in signs:
            return True
    return False


# after one denial and a comma, stricter: a clinical note's "Denies fever, chills, weight loss for a month" is one list,
# "never smoked, a sudden splitting headache" and "never smoked, chest pain spreading to my jaw" are statements
_SIGNS_AFTER_COMMA = frozenset(
    {"ago", "today", "yesterday", "tonight", "morning", "now", "suddenly", "just", "is", "are", "was", "were", "went",
     "came", "spreading", "going", "radiating", "worst", "started", "began"}
)  # fmt: skip
_AND = (_STARTS_AFTER_AND, _STATEMENT_SIGNS)
_COMMA = (_STATEMENT_STARTS | {"a", "an"}, _SIGNS_AFTER_COMMA)


def _a_statement_follows(words: list[str], comma: int) -> bool:
    """After "no X, no Y,": what follows is not denied too ("can't breathe properly"), unless it has its own "no" or
    is a list of its own ("no sudden, heavy or spreading chest pain")."""
    following: list[str] = []
    for word in words[comma + 1 : comma + 12]:
        if word in {",", ";", ".", "!", "?"}:
            break
        following.append(word)
    return bool(following) and following[0] not in _DENIALS and "or" not in following


_WARNING = (
    ["without", "warning"], ["without", "any", "warning"], ["without", "a", "warning"],
    # "I'm anxious, no idea why, I need three pillows now": a denial of knowing, not of a symptom
    ["no", "idea"], ["no", "clue"], ["no", "doubt"], ["not", "sure"], ["no", "reason"],
)  # fmt: skip
_AUXILIARIES = frozenset({"have", "has", "had", "do", "does", "did", "am", "is", "are", "was", "were"})
_PRONOUNS = frozenset({"i", "it", "he", "she", "they", "we"})
_NEVER_BEFORE = frozenset({"had", "felt", "experienced", "seen", "happened", "noticed", "known"})


_MINIMISED = frozenset({"is", "'s", "its", "probably", "likely", "be", "was", "just", "prob", "hopefully"})


def _denies_nothing(words: list[str], i: int) -> bool:
    """ "without any warning", "never had this before", "no idea why": a denial of no symptom."""
    if any(words[i : i + len(phrase)] == phrase for phrase in _WARNING):
        return True
    if elliptic_denial(words, i):
        return True  # "… but I haven't, and …": what came before
    if words[i] == "nothing" and i >= 1 and words[i - 1] in _MINIMISED:
        return True  # "I'm sure it's nothing, tiny bit of numbness down my left side": a hope, no denial
    following = words[i + 1 : i + 6]
    return words[i] == "never" and bool(following) and following[0] in _NEVER_BEFORE and "before" in following


_CLAUSE_ENDS = frozenset({",", ".", ";", ":", "!", "-"})


def elliptic_denial(words: list[str], i: int) -> bool:
    """ "I haven't,", "it isn't.": a denial of what was said before, ending its clause ("like I've got a cold, but I
    haven't, and drinks come back out of my nose"); the cues' ``_PSEUDO_NEGATION`` reads the same words."""
    return (
        words[i] == "not"
        and i >= 2
        and words[i - 1] in _AUXILIARIES
        and words[i - 2] in _PRONOUNS
        and i + 1 < len(words)
        and words[i + 1] in _CLAUSE_ENDS
    )


def _carry_negation_along_lists(ents: list[Span], norms: list[str], in_denied_list: list[bool]) -> None:
    """ "No weakness, numbness, tingling or pain", "no fever, rash, vomiting or headache": a denial reaches every
    bare item of the list it opens, however long, until a word starts a statement or the sentence ends (so not
    "no fever or rash, vomiting since yesterday")."""
    symptoms = [ent for ent in ents if ent.label_ == "SYMPTOM" and not ent._.negated]
    for ent in symptoms:
        if norms[ent.start] in LIST_ENDS:
            continue  # "has spread": a statement, not a bare item
        if in_denied_list[ent.start] and ends_an_item(norms[ent.end : ent.end + 3]):
            ent._.set("negated", True)


# a note's denied list: "negative for", "no signs of", "ruled out", "denies"
_LIST_OPENERS = frozenset({"for", "denies", "deny", "denied", "of", "out"})


def unclear_reach(between: list[str], after: list[str]) -> bool:
    """Whether a denial's words (``between``: from the denial to a phrase) may or may not reach the phrase: "no pain
    and …" or "never smoked, …" with one item before it; a list closed by "or" or "nor", or one of three items or
    more, is a denied list."""
    if _LIST_STOPS & set(between):
        return False
    closing = max((i for i, w in enumerate(between) if w in {"or", "nor"}), default=None)
    if closing is not None:
        return "," in between[closing:]  # "no fever, rash or cough, tingling round my lips": past the list's end
    if {"or", "nor"} & set(after) or between.count(",") >= 2:
        return False  # "no pain, numbness or tingling", "negative for weakness, atrophy, cramps and sensory changes"
    return "and" in between or "," in between


def _a_denial_of_its_own_past_a_worry(ents: list[Span], norms: list[str], doubts: _Found, clauses: list[int]) -> None:
    """ "Not worried about a stroke, no face drooping": a phrase denied by its own "no", in a clause after the worry's,
    is denied -- the worry reaches no further than its own clause when a denial opens the next.  A doubt after the
    phrase in its clause ("no face drooping I think") still reaches it."""
    for ent in ents:
        if not (ent._.negated and ent._.uncertain) or ent.start == 0 or norms[ent.start - 1] not in {"no", "without"}:
            continue
        before = bisect_right(doubts.forward_ends, ent.start) - 1
        if before < 0 or "," not in norms[doubts.forward_ends[before] : ent.start - 1]:
            continue
        after = doubts.backward_starts[bisect_left(doubts.backward_starts, ent.end) :]
        if after and clauses[after[0] + 1] == clauses[ent.end]:
            continue
        ent._.set("uncertain", False)


def _doubt_a_denial_s_unclear_reach(ents: list[Span], norms: list[str], denials: list[int]) -> None:
    """ "No pain and tingling around my lips", "Never smoked, tingling around my lips": a denial followed by "and" or
    a comma and a bare phrase may or may not reach it (a list reads alike), so a symptom there is asked about, never
    taken as a no.  A list the words close with "or" or "nor" ("no pain, numbness or tingling") is a denied list, and
    a symptom with a denial of its own ("no pain and no numbness") is denied."""
    for number, ent in enumerate(ents):
        if ent.label_ != "SYMPTOM" or not ent._.negated:
            continue
        before = bisect_right(denials, ent.start) - 1
        if before < 0 or denials[before] == ent.start:
            continue  # the denial is just before it ("no numbness")
        if norms[denials[before] - 1] in _LIST_OPENERS:
            continue  # "negative for weakness, atrophy, cramps and sensory changes": a note's denied list
        between = norms[denials[before] : ent.start]
        if not ({"and", ","} & set(between)) or not _an_item_of_its_own(ents, number, between, denials[before]):
            continue  # "no real pain": the denial's own item
        if not unclear_reach(between, norms[ent.end : ent.end + 12]):
            continue  # "no pain, numbness or tingling", "no weakness, atrophy, cramps and sensory changes": a list
        ent._.set("negated", False)
        ent._.set("uncertain", True)


def _an_item_of_its_own(ents: list[Span], number: int, between: list[str], denial: int) -> bool:
    # ``between``: the words from the end of the denial (its last word's next) to the phrase
    """Whether the denial has an item of its own before the phrase: a phrase ("no pain and …"; the phrases are in
    order), or words the lexicon does not know before a comma ("I don't have diabetes, …", "Not dizzy, …")."""
    item = ents[number - 1] if number else None
    if item is not None and item.start >= denial:
        return True
    joined = next(i for i, word in enumerate(between) if word in {"and", ","})
    return joined > 0 and between[joined] == ","  # not "they don't seize and cramp": one denial of two verbs


def ends_an_item(following: list[str]) -> bool:
    """Whether a list item ends before ``following`` (the next few words): they join another item or end the list,
    after the rest of the item if any ("a lot", "at all", "speech" of "slurred speech")."""
    if following[:2] in (["a", "lot"], ["at", "all"], ["lying", "flat"], ["at", "rest"], ["on", "exertion"]):
        following = following[2:]
    elif following[:1] and following[0] in _ITEM_ENDS:
        following = following[1:]
    return not following or following[0] in LIST_JOINS or following[0] in _LIST_STOPS | {")"}


@Language.factory("twitchwise_context")
def make_context(nlp: Language, name: str) -> ConText:
    return ConText(nlp, load_lexicon())
