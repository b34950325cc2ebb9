"""Where the twitching is: body regions and sides, as the person placed them."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING

from twitchwise.understand.text import Text, a_named_twitch, distance, names_twitching, norm_at, previous_norm
from twitchwise.understand.timing import earlier_episode

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Symptoms whose place is not the twitching's ("cramp in both calves", "one side of my face won't move")
_SENSORY = frozenset(
    {"numbness", "tingling", "pain", "lip_or_fingertip_tingling", "weakness", "cramps", "paralysis", "stiffness",
     "face_droop", "sudden_one_sided_weakness", "muscle_wasting"}
)  # fmt: skip
_MOVED_TO = frozenset(
    {"now", "spread", "spreading", "spreads", "moved", "moving", "moves", "jumped", "also", "too", "goes"}
)  # "and there goes my shoulder too"
# "They occur all over my body", "the places vary, mainly my shoulders"
_TWITCH_PRONOUNS = frozenset({"it", "they", "these", "them", "those", "areas", "places", "spots"})
_ONE_IN = re.compile(r"\b(?:have|has|had|got|get|getting)\b (?:\w+ ){0,2}?(?:one|another)\b (?:\S+ ){0,6}?(?:in|on)\b")
_FEELS = frozenset(
    {"tight", "tired", "heavy", "sore", "achy", "aching", "strong", "fine", "ok", "okay", "good", "normal",
     "fatigued", "stiff", "weird", "funny", "cold", "hot", "warm", "numb", "jelly", "dead", "wobbly", "lead",
     "distorted", "crooked", "lopsided", "twisted", "drooping", "droopy", "stuffed", "knackered", "shattered",
     "wrecked", "cooked", "rooted", "fried", "done", "spent", "beat", "zonked", "pooped", "burnt"}
)  # fmt: skip
_COLOURS = frozenset({"red", "pale", "flushed", "white", "purple", "blotchy", "pink", "grey", "gray", "blue"})
_ALIKE = frozenset({"same", "equal", "symmetrical", "identical"})  # "arms look the same size"
_LOOKS = frozenset({"look", "looks", "are", "is", "seem", "seems", "feel", "feels", "appear", "appears"})
_TIRED_LIMBS = frozenset({"jelly", "lead", "heavy", "tired", "dead", "wobbly"})
_SHORT_SIDES = {
    "l": "left", "r": "right", "lt": "left", "rt": "right", "b/l": "both", "bilateral": "both", "bilat": "both"
}  # fmt: skip
_HAS_BEEN = frozenset({"has", "have", "had", "'s", "keeps", "kept", "was", "were", "just", "suddenly"})
_TERSE = 40  # tokens: "left calf, 3 days, no weakness, 2 coffees" names the place of a twitch without saying so
_DIGITS = frozenset({"finger", "fingers", "toe", "toes"})
_IF = frozenset({"if", "unless", "should", "in case", "might", "may", "could", "would"})
_SIDE_GAP = frozenset(
    {"my", "the", "his", "her", "of", "and", "&", "upper", "lower", "inner", "outer", "front", "back", "side", "in",
     "on", "a", "whole", "entire", "both", "-", "pinky", "index", "little", "ring", "middle", "big", "small", "top",
     "bottom", "muscle", "muscles", "part", "area", "outside", "inside", "your", "corner", "edge", "tip", "base"}
)  # fmt: skip


def sites(text: Text) -> None:
    """The places said to twitch, each with its side: named, "both" for plurals, or carried along a list."""
    lexicon = text.lexicon
    plural = set(lexicon.plural_sites)
    found: list[tuple[str, str | None, bool]] = []  # region, side, side was named
    starts: list[int | None] = []  # where each was named (None: not by a place word)
    earlier: list[tuple[str, str | None, bool]] = []  # an earlier episode's ("I've had them before on an eyelid")
    previous: tuple[Span, str | None, bool] | None = None
    # "shin muscle on my right leg", "the thigh on my left leg": the leg only says where the shin is, and its side
    limbs = {ent.start: limb for ent in text.by_label("SITE") if (limb := _limb_of(text, ent)) is not None}
    holders = {limb.start for limb in limbs.values()}
    for ent in text.by_label("SITE"):
        if ent.start in holders or _a_posture(text, ent) or _site_negated(text, ent):
            continue
        if not _twitches_there(text, ent, previous):
            continue
        if _of_earlier_episode(text, ent):
            earlier.append((ent.ent_id_, None, False))
            continue
        region = ent.ent_id_
        phrase = " ".join(t.norm_ for t in ent)
        if phrase == "all over" and _a_place_follows(text, ent.end):
            continue  # "all over my back and shoulders": all over those places, not the whole body
        side, named = _side(text, limbs.get(ent.start, ent))
        if previous is not None and previous[2] and _joined(text, previous[0], ent):
            if found and found[-1][0] == region and side is None:
                continue  # "right foot and toes": the same place
            if side is None and phrase not in plural and previous_norm(ent) not in {"my", "his", "her", "the"}:
                side, named = previous[1], True
        if side is None and phrase in plural:
            # "my left arm, particularly the medial head of my triceps": a word that is its own plural takes the side
            # named for its place in the same sentence; other plurals are both sides
            side = _side_named_beside(text, ent) if phrase in _OWN_PLURALS else None
            side = side or "both"
        if phrase in lexicon.site_assumptions:
            text.assume(lexicon.site_assumptions[phrase])
        if region == "widespread":
            side, named = None, False
        found.append((region, side, named))
        starts.append(ent.start)
        previous = (ent, side, named)
    symptoms = text.by_label("SYMPTOM")
    if any(e.ent_id_ == "tongue_twitching" and text.state(e) for e in symptoms):
        found.append(("tongue", None, False))
        starts.append(None)
    if not found:
        found = earlier  # only an earlier episode's places are named: they are all the text gives
        starts = [None] * len(found)
    if not any(region == "eyelid" for region, _, _ in found) and _blinks(text):
        found.append(("eyelid", "both", False))  # "my son seems to be blinking a whole lot": both eyes blink
        starts.append(None)
    for region, side, at in _the_other_one(text, found, starts):
        found.append((region, side, True))  # "my left calf and the right one too"
        starts.append(at)
    for at in _listed_backs(text):
        found.append(("back", None, False))
        starts.append(at)
    both = [t.i for t in text.doc if t.norm_ == "both" and norm_at(text.doc, t.i + 1) in {"sides", "side"}]
    if found and both:
        # "upper arm twitching on both sides", "both sides of my neck": the places near it (not "… and now my chest")
        # (only the "both sides" said near a place are tried: a long text may say it many times)
        near = [at is None or any(_both_reaches(text.doc, i, at) for i in _near(both, at)) for at in starts]
        found = [(region, "both" if side is None and region not in {"widespread"} and close else side, named)
                 for (region, side, named), close in zip(found, near, strict=True)]  # fmt: skip
    if found:
        text.data["sites"] = _merge_sites(found)


_STILL_FINE = frozenset({"fine", "ok", "okay", "normal", "not", "never", "good", "alright", "unaffected", "calm"})


def _the_other_one(
    text: Text, found: list[tuple[str, str | None, bool]], starts: list[int | None]
) -> list[tuple[str, str, int]]:
    """ "my left calf and the right one too", "right thigh, now the other one": the same place on the side named by
    "the left/right/other one", a few words after a place read with its side."""
    doc = text.doc
    more: list[tuple[str, str, int]] = []
    for (region, side, named), at in zip(found, starts, strict=True):
        if at is None or side not in {"left", "right"} or not named:
            continue
        end = text.sentence(at)[1]
        for i in range(at + 1, min(end - 2, at + 9)):
            if doc[i].norm_ == "the" and doc[i + 2].norm_ == "one" and doc[i + 1].norm_ in {"left", "right", "other"}:
                if {norm_at(doc, i + k) for k in (3, 4, 5)} & _STILL_FINE:
                    break  # "the right one is fine"
                other = {"left": "right", "right": "left"}[side] if doc[i + 1].norm_ == "other" else doc[i + 1].norm_
                more.append((region, other, i + 1))
                break
    return more


_LIMB_PARTS = {"leg": {"shin", "calf", "thigh", "knee", "foot"}, "arm": {"upper_arm", "forearm", "hand", "shoulder"}}
_LIMB_WORDS = {"leg": "leg", "legs": "leg", "arm": "arm", "arms": "arm"}


_NEW_PLACES = frozenset({"now", "then", "moved", "spread", "spreading", "also", "later", "since"})


def _near(positions: list[int], at: int) -> list[int]:
    return positions[bisect_left(positions, at - 12) : bisect_right(positions, at + 10)]


def _both_reaches(doc: Doc, both: int, at: int) -> bool:
    """Whether "both sides" at ``both`` is said of the place at ``at``: one just before it, or one after it in the
    same telling ("both sides of my body, mostly in the calf"), not a place the twitching moved to ("… on both
    sides, now moved into my chest")."""
    if at < both:
        return both - at <= 10
    return at - both <= 12 and not any(doc[k].norm_ in _NEW_PLACES for k in range(both, at))


_PLACE_OF = frozenset({"of", "in", "on", "around", "round"})


def _its_place(between: list[str]) -> bool:
    """Whether the words between a symptom and a place make the place the symptom's ("numbness in my hand",
    "tingling around my lips", "weakness started in my hands"), not the next thing said ("…, calf twitching")."""
    return bool(_PLACE_OF & set(between)) and not {",", ".", ";"} & set(between)


def _limb_of(text: Text, ent: Span) -> Span | None:
    """The limb a place is said to be on ("shin muscle on my right leg", "my right leg's shin"), or None."""
    doc = text.doc
    index = ent.end
    while index < len(doc) and doc[index].norm_ in {"muscle", "muscles"}:
        index += 1
    if norm_at(doc, index) in {"on", "of", "in"}:
        index += 1
        while index < len(doc) and doc[index].norm_ in {"my", "the", "his", "her", "left", "right"}:
            index += 1
        limb = next((e for e in text.ents_in(index, index + 1) if e.label_ == "SITE"), None)
    else:  # "my right leg's shin"
        index = ent.start - 1
        limb = None
        if norm_at(doc, index) in {"'s", "’s"}:
            limb = next((e for e in text.ents_in(index - 1, index) if e.label_ == "SITE" and e.end == index), None)
    if limb is None or limb.start == ent.start:
        return None
    kind = _LIMB_WORDS.get(limb.text.lower())
    return limb if kind is not None and ent.ent_id_ in _LIMB_PARTS[kind] else None


def _a_place_follows(text: Text, end: int) -> bool:
    doc = text.doc
    index = end + (norm_at(doc, end) in {"my", "the", "his", "her", "their", "your"})
    return index < len(doc) and doc[index].ent_type_ == "SITE" and doc[index].ent_id_ != "widespread"


def _listed_backs(text: Text) -> list[int]:
    """Where a bare "back" is named in a list of places ("calves, arms, back")."""
    doc = text.doc
    sites = {e.end: e for e in text.by_label("SITE")}
    found: list[int] = []
    for token in doc:
        listed = token.i - 1 in sites and norm_at(doc, token.i - 1) in {",", "and"}
        if token.norm_ == "back" and token.ent_type_ == "" and listed:
            found.append(token.i)
    return found


_EXAMINED = frozenset({"strength", "power", "reflexes", "sensation", "tone", "normal", "fine", "intact"})
_SHAKES = frozenset({"shake", "shakes", "shaking", "shook", "shaky", "tremble", "trembles", "trembling", "tremor",
                     "tremors"})  # fmt: skip
_GONE_TO_SLEEP = frozenset({
    "fall", "falls", "fell", "falling", "fallen", "go", "goes", "went", "going", "gone", "have", "has", "had", "are",
    "is", "was", "were", "keep", "keeps", "kept", "'s", "'re", "all", "just", "always", "often", "sometimes",
})  # fmt: skip
_IS = frozenset({"is", "are", "was", "were", "keep", "keeps", "'s", "get", "gets", "been", "feel", "feels"})
_CARRIES_ON = frozenset({"mostly", "mainly", "especially", "usually", "often", "sometimes", "particularly", "largely"})
_FELT_BEFORE = frozenset({"heavy", "tired", "achy", "aching", "weary", "jelly", "wobbly"})
_SAID_FINE = re.compile(
    r"\b(?:it (?:is|'s|looks|seems|feels)|looks|seems|is) (?:totally |completely |perfectly |all |absolutely )?"
    r"(?:fine|normal|ok|okay)\b|\b(?:it (?:is|'s)|is|stays) (?:totally |completely |perfectly )?still\b(?! \w)"
)  # "... checked in the mirror 50 times and it's still": still as a noun is not (still twitching)


def _twitches_there(text: Text, ent: Span, previous: tuple[Span, str | None, bool] | None) -> bool:
    """Whether a place named is where the twitching is ("her hand feels numb" is not)."""
    doc = text.doc
    if text.named_twitching == 0 and len(doc) > _TERSE and ent.ent_id_ != "tongue":
        return False  # a story that never names twitching ("I have foot drop ... my left knee") has no twitching place
    if ent.ent_id_ == "tongue" and text.framed(ent):
        return False  # "panicking that my tongue might be twitching": a worry, asked about (cues.yaml), not a place
    after = [t.norm_ for t in doc[ent.end : ent.end + 3]]
    twitch_after = any(t.ent_type_ == "TWITCH" for t in doc[ent.end : ent.end + 4])  # "calf sore and twitching"
    if "asleep" in after and (after[0] == "asleep" or after[0] in _GONE_TO_SLEEP):
        # "like when your legs fall asleep": numbness, said by a picture (not "his legs before falling asleep")
        return False
    if {"test", "tests", "exam", "examination"} & set(after) and not twitch_after:
        return False  # "the finger to nose test", "the heel walking test": a test's name, not a place
    if ent.ent_id_ == "widespread" and norm_at(doc, ent.start - 1) in _EXAMINED:
        return False  # "full strength everywhere, reflexes normal": what an examination found, not twitching
    shakes = after[:1] and (after[0] in _SHAKES or (after[0] in _IS and after[1:2] and after[1] in _SHAKES))
    if shakes and not twitch_after and ent.ent_id_ != "tongue":
        return False  # "the anxiety makes my hands shake a bit": a tremor, not a twitch
    if (
        ent.text.lower() == "mouth"
        and norm_at(doc, ent.start - 2) in {"in", "inside"}
        and any(
            e.ent_id_ == "tongue" for e in text.ents_in(text.sentence(ent.start)[0], ent.start) if e.label_ == "SITE"
        )
    ):
        return False  # "my tongue quivers when I rest it in my mouth": where the tongue is, not a place of its own
    if after[:1] and after[0] in _FEELS - {"fine", "ok", "okay", "good", "normal"} and not twitch_after:
        return False  # "legs tired but strong": how the place feels (not "calf sore and twitching")
    if after[:1] in (["are"], ["is"], ["keep"], ["keeps"], ["feel"], ["feels"]) and any(
        t.ent_type_ == "TWITCH" and (norm_at(doc, t.i - 1) in {"and", "&", "+"} or t.i == ent.end + 1)
        for t in doc[ent.end : ent.end + 5]
    ):
        return True  # "my calves are cramping and twitching", "my legs are twitching and cramping": the place of both
    if after[:1] in (["was"], ["were"]) and set(after) & _TIRED_LIMBS and not twitch_after:
        return False  # "my legs were jelly after the spin class": how they felt then (not "my arm was numb and now …")
    if (
        after[:2]
        and after[0] in {"went", "turned", "goes", "go", "look", "looks", "looked", "are", "is", "turning", "going"}
        and after[1] in _COLOURS
        and not twitch_after
    ):
        return False  # "my face went red with embarrassment": how it looked
    if after[:1] in (["feels"], ["feel"], ["felt"], ["looks"], ["look"], ["is"], ["are"]):
        described = [doc[i] for i in range(ent.end, min(ent.end + 4, len(doc)))]
        if any(t.ent_type_ == "SYMPTOM" and t.ent_id_ in _SENSORY for t in described) or set(after) & _FEELS:
            return False  # "her hand feels numb", "legs feel tired but strong": how the place feels, not a twitch
    if after[:1] and after[0] in _HAS_BEEN and not any(t.ent_type_ == "TWITCH" for t in doc[ent.end : ent.end + 7]):
        told = {t.norm_ for t in doc[ent.end : ent.end + 4]}
        if told & _FEELS and told & {"felt", "been", "gone", "got", "went", "feeling", "become", "became"}:
            return False  # "my chest has felt tight", "my face has gone numb": how it has felt, not a twitch
    if (
        after[:1]
        and after[0] in _LOOKS
        and set(after) & _ALIKE
        and not any(t.ent_type_ == "TWITCH" for t in doc[ent.end : min(text.sentence(ent.start)[1], ent.end + 30)])
    ):
        return False  # "arms look the same size": how they look (not "my arms look the same but they twitch")
    if norm_at(doc, ent.start - 1) in _FELT_BEFORE and not twitch_after:
        return False  # "heavy legs after a 12 hour shift, calf twitching in bed": how the legs feel
    following = " ".join(t.norm_ for t in doc[ent.end : min(text.sentence(ent.start)[1], ent.end + 10)])
    fine = _SAID_FINE.search(following)
    if fine and not any(names_twitching(t) for t in doc[ent.end : ent.end + following[: fine.start()].count(" ")]):
        return False  # "checked my tongue in the mirror a hundred times, it's fine": a place looked at, not twitching
    if previous is not None and _joined(text, previous[0], ent):
        return True
    if len(after) > 2 and after[1] == "and" and names_twitching(doc[ent.end + 2]):
        return True  # "left calf sore and twitching": the place of both
    if _twitching_in(text, ent):
        return True  # "I get twitching in my calves and cramps": the place the twitching is said to be in
    if _instrument(doc, ent):
        return False  # "I covered my eye with my hand": what the person did it with
    words_before = [norm_at(doc, ent.start - k) for k in (4, 3, 2, 1)]
    if "over" in words_before[1:] and any(w.startswith(("trip", "stumbl", "caught", "drag")) for w in words_before):
        return False  # "I keep tripping over my left foot": what the person trips on, not where it twitches
    if norm_at(doc, ent.start - 1) in {"a", "an"} and norm_at(doc, ent.start - 2) in {"like", "than"}:
        return False  # "it feels less like an eye twitch": a comparison
    if norm_at(doc, ent.start - 1) in {"their", "someone's"} and "like" in {
        t.norm_ for t in doc[ent.start - 6 : ent.start]
    }:
        return False  # "like someone tapping their fingers on your muscles": a picture
    if _ONE_IN.search(" ".join(t.norm_ for t in doc[max(0, ent.start - 10) : ent.start])):
        return True  # "Now I have one in what I guess is my vastus medialis"
    lead = {t.norm_ for t in doc[max(0, ent.start - 4) : ent.start]}
    if lead & _MOVED_TO and lead & {"in", "into", "to"}:
        # "now in both thighs", "spread to my arms", "moved into my calf" -- not "unless it spreads to my face"
        return not lead & _IF and not text.framed(ent)
    start, end = text.sentence(ent.start)
    near = text.ents_in(max(start, ent.start - 12), min(end, ent.end + 12))
    near_twitch = min((distance(ent, e) for e in near if e.label_ == "TWITCH"), default=None)
    near_symptom = min(
        (distance(ent, e) for e in near
         if e.label_ == "SYMPTOM" and e.ent_id_ in _SENSORY and text.state(e)),
        default=None,
    )  # fmt: skip
    if any(e.label_ == "SYMPTOM" and e.ent_id_ in _SENSORY and e.end <= ent.start and ent.start - e.end <= 4
           and _its_place([t.norm_ for t in doc[e.end : ent.start]]) for e in near):  # fmt: skip
        return False  # "no drooping of my eye or mouth", "tingling around my lips": that symptom's place
    if (
        near_symptom is not None
        and (near_symptom <= 5 or text.twitch_words == 0)
        and (near_twitch is None or near_symptom < near_twitch)
    ):
        # "tingling in my right cheek"; with no twitching anywhere, "this tingling, always on the right side of my face"
        return False
    opening = {t.norm_ for t in doc[start : min(end, start + 6)]}
    if near_twitch is not None:
        # "It only lasts two seconds and the places vary, mainly my shoulders": the sentence is the twitching's
        return (
            near_twitch <= 10
            or (bool(opening & _TWITCH_PRONOUNS) and near_symptom is None)
            or _told_as_moving(text, start, end)
        )
    if near_symptom is not None:
        return False
    in_sentence = text.ents_in(start, end)
    if opening & _TWITCH_PRONOUNS and not any(
        e.label_ == "SYMPTOM" and e.ent_id_ in _SENSORY and text.state(e) for e in in_sentence[:50]
    ):
        return True  # "It only lasts two seconds and the places vary, mainly my shoulders, buttocks and thighs"
    if any(e.label_ == "TWITCH" for e in in_sentence[:50]) or any(
        e.label_ == "SYMPTOM" and e.ent_id_ in _SENSORY and text.state(e) for e in in_sentence[:50]
    ):
        return False
    # A sentence that names a place but no twitching: the place is the twitching's in a terse text ("left
    # calf, 3 days") or when the sentence carries the twitching on ("the right one too", "they occur all over
    # my body"); in a text that speaks of twitching elsewhere it is something else ("my quads are tired").
    # A long story with no word of twitching at all is about something else ("Half of my face is paralysed …").
    terse = text.twitch_words == 0 and len(doc) <= _TERSE
    return (
        terse
        or bool(lead & _MOVED_TO)
        or bool(opening & _TWITCH_PRONOUNS)
        or (norm_at(doc, start) in _CARRIES_ON and text.named_twitching > 0)  # "… twitching. Mostly in the calf."
        or _named_again_by(text, ent, end)
        or _places_listed_after_twitching(text, start, end)
    )


_MOVES = frozenset(
    {
        "moves",
        "moving",
        "moved",
        "jumps",
        "jumping",
        "travels",
        "travelling",
        "traveling",
        "wanders",
        "wandering",
        "shifts",
        "shifting",
        "hops",
        "hopping",
        "switches",
        "roams",
        "roaming",
    }
)


def _told_as_moving(text: Text, start: int, end: int) -> bool:
    """ "The twitching moves around - one day my thigh, the next my shoulder": every place the sentence names is one
    it moves to."""
    doc = text.doc
    twitches = [e for e in text.ents_in(start, end) if e.label_ == "TWITCH"]
    return any(norm_at(doc, e.end + k) in _MOVES for e in twitches for k in (0, 1, 2))


_LIST_WORDS = frozenset({",", "and", "&", "+", "/", ".", "!", "my", "both", "left", "right", "the", "also", "too",
                         "even", "back", "sometimes", "mostly", "mainly", "e.g.", "like", "-"})  # fmt: skip


def _places_listed_after_twitching(text: Text, start: int, end: int) -> bool:
    """A sentence that is only a list of places, after one that names twitching, lists where it is: "my whole body
    is twitching. Arms, legs, back." """
    if start == 0 or end - start > 30 or not text.labels_in(*text.sentence(start - 1)) & {"TWITCH"}:
        return False
    return all(t.ent_type_ == "SITE" or t.norm_ in _LIST_WORDS for t in text.doc[start:end])


_IN_GAP = frozenset({"in", "on", "my", "his", "her", "their", "the", "both", "left", "right", "of", "upper", "lower"})


def _twitching_in(text: Text, ent: Span) -> bool:
    """ "twitching in my calves", "twitches on the left side of my face": nothing but "in my" between."""
    index = ent.start - 1
    while index >= max(0, ent.start - 5) and text.doc[index].norm_ in _IN_GAP:
        index -= 1
    token = text.doc[index] if index >= 0 else None
    if (
        token is not None
        and token.ent_type_ == "SYMPTOM"
        and norm_at(text.doc, index - 1) in {"and", "or", "&", "/"}
        and index >= 2
        and names_twitching(text.doc[index - 2])
    ):
        token = text.doc[index - 2]  # "twitches and spasms in my hip": the twitching is there too
    return (
        token is not None
        and index < ent.start - 1
        and names_twitching(token)
        and {t.norm_ for t in text.doc[index + 1 : ent.start]} & {"in", "on"} != set()
    )


def _named_again_by(text: Text, ent: Span, end: int) -> bool:
    """The last place of a sentence taken up by "they" or "it" in the next one, which twitches and names no
    place: "all because of my legs. However much I use them, they want to twitch as I fall asleep"."""
    later = bisect_right(text.site_starts, ent.start)
    if (later < len(text.site_starts) and text.site_starts[later] < end) or end >= len(text.doc):
        return False  # not the sentence's last place
    following = text.ents_in(end, min(text.sentence(end)[1], end + 40))
    twitch = next((e for e in following if a_named_twitch(e)), None)
    if twitch is None or any(e.label_ == "SITE" and e.start < twitch.end + 4 for e in following):
        return False  # the next sentence places its twitching itself
    return any(t.norm_ in {"they", "it"} for t in text.doc[max(end, twitch.start - 3) : twitch.start])


def _of_earlier_episode(text: Text, ent: Span) -> bool:
    """A place in a sentence about an earlier episode, or in a list that carries one on: "I thought about all the
    times in recent years I got random twitches. Sometimes an eye, sometimes my fingers, sometimes a quad."
    """
    start, end = text.sentence(ent.start)
    if earlier_episode(text, start, end):
        return True
    return start > 0 and norm_at(text.doc, start) == "sometimes" and earlier_episode(text, *text.sentence(start - 1))


def _instrument(doc: Doc, ent: Span) -> bool:
    """ "with my hand", "using my fingers", "use two hands to lift my mug", "with both hands": a body part the person
    does something with -- or that something comes out of, or that struck them ("out of my nose", "from a knee")."""
    before = [norm_at(doc, ent.start - k) for k in (3, 2, 1)]
    if before[0] == "out" and before[1] == "of" and before[2] in _OWNERS | {"the"}:
        return True  # "tea comes out of my nose when I laugh": what something comes out of
    if before[2] in {"a", "an", "someone 's", "somebody 's"} and before[1] in {"from", "by", "with"}:
        return True  # "a dead leg from a knee in football", "hit by an elbow": what struck the person
    if before[2] in {"both", "two", "2"} and before[1] in {"with", "use", "using", "need", "needs", "needed"}:
        return ent.text.lower() in {"hands", "arms"} and before[0] not in _TWITCH_WORDS
    if before[2] not in {"my", "his", "her", "your"} or before[1] not in {"with", "using"}:
        return False
    return before[0] not in {"along", "together", "and", "as"} | _TWITCH_WORDS


_TWITCH_WORDS = frozenset({"twitch", "twitches", "twitching", "twitched"})


_OWNERS = frozenset({"my", "his", "her", "their", "your"})


def _a_posture(text: Text, ent: Span) -> bool:
    """ "lying on my back", "flat on her side" (a position, lexicon postures), "drove her back home" (no back)."""
    postures = text.lexicon.postures
    words = [t.norm_ for t in ent]
    owned = words[0] in _OWNERS
    part = " ".join(words[1:] if owned else words)
    before = [norm_at(text.doc, ent.start - k) for k in (3, 2, 1)]
    if not owned:  # "lying on my stomach": the owner is before the place word
        if before[2] not in _OWNERS:
            return False
        before = [norm_at(text.doc, ent.start - 4), *before[:2]]
    if part == "back" and owned and words[0] != "my" and before[2] in postures.object_then_back:
        return True  # "drove her back"
    return part in postures.parts and (" ".join(before[1:]) in postures.positions or before[2] in postures.positions)


def _blinks(text: Text) -> bool:
    """Blinking told as more than it should be ("blinking a lot", "hard blinking"), not denied."""
    return any(
        "blink" in ent.text.lower() and not ent._.negated and (text.about_them or not ent._.other_person)
        for ent in text.by_label("TWITCH")
    )


_OWN_PLURALS = frozenset({"biceps", "triceps", "quadriceps"})


def _side_named_beside(text: Text, ent: Span) -> str | None:
    """The one side named for the same place elsewhere in the sentence ("my left arm … my triceps"), if any."""
    start, end = text.sentence(ent.start)
    sides = set()
    for other in text.ents_in(start, end):
        if other.label_ == "SITE" and other.ent_id_ == ent.ent_id_ and other.start != ent.start:
            side, named = _side(text, other)
            if named and side is not None:
                sides.add(side)
    return sides.pop() if len(sides) == 1 else None


def _site_negated(text: Text, ent: Span) -> bool:
    doc = text.doc
    start = text.sentence(ent.start)[0]
    window = doc[max(start, ent.start - 5) : ent.start]
    clause = [t for t in window if t.norm_ in {",", ";", ":", "-"}]
    for token in window[clause[-1].i + 1 - window.start :] if clause else window:  # "no meds, thigh ..."
        if norm_at(doc, token.i + 1) in {"just", "only", "merely", "simply"}:
            continue  # "not just my calf any more": the calf and more
        if token.norm_ == "than" and (doc[token.i + 1].like_num or norm_at(doc, token.i + 1) in {"a", "an"}):
            continue  # "for more than 2 days my calf twitches": a time, not "rather than my hands"
        if token.norm_ in {"not", "no", "never", "nothing", "than", "except", "instead"}:  # "rather than my hands"
            between = text.ents_in(token.i + 1, ent.start)  # bisection: Span.ents scans every phrase
            if not any(e.label_ in {"SYMPTOM", "SITE"} or a_named_twitch(e) for e in between):
                return True
    return _denied_after(text, ent)


_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "'s", "'re"})


def _denied_after(text: Text, ent: Span) -> bool:
    """ "my tongue isn't twitching", "my legs don't feel heavy": the place's own twitching or state denied right after
    it (an auxiliary and "not"), so it is no place of the twitching."""
    doc = text.doc
    after = [norm_at(doc, ent.end + k) for k in (0, 1, 2)]
    return after[0] in _AUXILIARIES and after[1] in {"not", "never"} and after[2] not in _NOT_STOPPING


# "my calf hasn't stopped twitching", "my eyelid won't settle": a twitch that goes on, not one denied
_NOT_STOPPING = frozenset({
    "stop", "stopped", "stopping", "stops", "let", "letting", "go", "going", "gone", "ease", "eased", "easing",
    "settle", "settled", "settling", "calm", "calmed", "calming", "relax", "relaxed", "rest", "resting", "only", "just",
    "quit", "quitting", "been",
})  # fmt: skip


def _side(text: Text, ent: Span) -> tuple[str | None, bool]:
    doc = text.doc
    sides = text.lexicon.sides
    named: set[str] = set()
    index = ent.start - 1
    steps = 0
    while index >= 0 and steps < 5:
        norm = doc[index].norm_
        if norm in sides and not (sides[norm] == "midline" and ent[0].norm_ in _DIGITS):
            named.add(sides[norm])  # ("the middle finger" is not the midline)
        elif index == ent.start - 1 and norm in _SHORT_SIDES:
            named.add(_SHORT_SIDES[norm])  # a note's "L calf", "R quad", "rt hand"
        elif norm not in _SIDE_GAP:
            break
        index -= 1
        steps += 1
    following = list(doc[ent.end : ent.end + 12])
    after = [t.norm_ for t in following]
    listed = 0  # places joined to this one ("calf and foot on the right side")
    while listed + 1 < len(after) and after[listed] in {"and", ",", "&"} and following[listed + 1].ent_type_ == "SITE":
        listed += 1
        while listed < len(after) and following[listed].ent_type_ == "SITE":
            listed += 1
    for i, word in enumerate(after[:8]):
        if i < listed:
            continue
        following_word = after[i + 1] if i + 1 < len(after) else ""
        if following[i].ent_type_ == "SITE" or (i + 1 < len(after) and following[i + 1].ent_type_ == "SITE"):
            break  # "calf twitching, the right hand is fine": that side is the hand's
        if word in {"left", "right"} and (
            i == 0 or after[i - 1] in {"on", "the", "my", "(", "-", ","} or following_word in {"side", "one"}
        ):
            named.add(word)  # "calf, right side", "on the left", "in one thigh ..., the left one"
        if word == "both" and following_word in {"sides", "side", "legs", "of"}:
            named.add("both")
        if word in {".", ";", "and", "but", "?", "!", "than", "like", "as", "compared", "versus", "vs"} or (
            word == "," and following_word not in {"left", "right", "the", "on", "both", "lower", "upper"}
        ):
            break
    if not named:
        return None, False
    if "both" in named or {"left", "right"} <= named:
        return "both", True
    return sorted(named)[0], True


_JOINS = frozenset({"and", ",", "&", "or", "/", "+"})
# what a list of places may carry between two of them ("arms, legs, back, even my face")
_IN_A_LIST = _JOINS | {"even", "also", "plus", "back", "my", "the", "then", "now", "too"}


def _joined(text: Text, first: Span, second: Span) -> bool:
    between = [t.norm_ for t in text.doc[first.end : second.start]]
    if 0 < len(between) <= 2 and between[0] in _JOINS:
        return True
    if len(between) == 3 and between[0] in _JOINS and between[1] in _OWNERS and between[2] in {"left", "right"}:
        return True  # "both calves and my left thigh"
    return (
        2 < len(between) <= 6
        and between[0] in _JOINS
        and set(between) <= _IN_A_LIST
        and ("," in between or between[1] in _LIST_GOES_ON)  # "tongue and even my butt", "and then my back"
    )


_LIST_GOES_ON = frozenset({"even", "also", "then", "now", "plus"})


def _merge_sites(found: Iterable[tuple[str, str | None, bool]]) -> list[dict[str, str]]:
    sides: dict[str, set[str | None]] = {}
    for region, side, _named in found:
        sides.setdefault(region, set()).add(side)
    sites: list[dict[str, str]] = []
    for region, named in sides.items():
        known = {s for s in named if s is not None}
        if "both" in known or {"left", "right"} <= known:
            known = {"both"}
        if not known:
            sites.append({"region": region})
        for side in sorted(known):
            sites.append({"region": region, "side": side})
    return sites
