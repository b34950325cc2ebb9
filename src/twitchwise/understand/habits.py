"""Daily factors and medicines: caffeine, water, alcohol, nicotine, sleep, stress and what is taken."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from twitchwise.understand.lexicon import load_lexicon
from twitchwise.understand.text import (
    FILLERS,
    PER_WEEK,
    Text,
    commas,
    names_twitching,
    norm_at,
    number_of,
    whole_number,
)

if TYPE_CHECKING:
    from spacy.tokens import Span

_NUMBER_UNIT = re.compile(r"^(\d+(?:[.,]\d+)?)([a-z/]+)$")
_HOUR_WORDS = frozenset({"hours", "hour", "h", "hrs", "hr"})
_LITRE_WORDS = {"liter": 1.0, "liters": 1.0, "l": 1.0, "ml": 0.001, "milliliters": 0.001, "millilitres": 0.001}


def caffeine(text: Text) -> None:
    servings = {s.id: s for s in text.kb.servings.values() if s.quantity == "caffeine"}
    total = 0.0
    counted = False
    # "I don't have any caffeine", "I've switched to decaf" (not "Should I cut out coffee?", "no caffeine may help")
    nones = [e for e in text.by_label("CAFFEINE_NONE") if not e._.negated and not _advice_or_asked(text, e)]
    zero = bool(nones) or any(e._.negated and not e._.uncertain for e in text.by_label("CAFFEINE_WORD"))
    counted_with: set[int] = set()  # "tea (6 cups)": the cups are the tea's, not coffee
    uncounted: list[Span] = []  # "a whole pot of coffee", "loads of coffee": named, not sized
    named_at: set[int] = set()
    drinks = 0.0  # how many drinks were counted ("12 cans … each 160mg" is 12 of 160 mg)
    for ent in text.by_label("CAFFEINE"):
        named_at.add(ent.end)
        if _held_not_drunk(text, ent):
            continue  # "I struggle holding a cup", "can't lift a cup": a cup held, not a coffee drunk
        if ent._.negated:
            zero = True
            continue
        if ent.start in counted_with or ent.start in named_at:
            continue  # "tea (6 cups)"; "3 monster energy drinks": one drink named twice
        volume = _volume_before(text, ent.start)  # "3 x 500ml monster", "1.5 litres of energy drink"
        start = ent.start if volume is None else volume.start
        amount = (volume.times, volume.times) if volume and volume.times else None
        amount = amount or text.range_before(start) or _in_containers(text, start)
        if amount is None and volume is not None:
            amount = (1.0, 1.0)  # "1.5 litres of energy drink a day": one lot of that volume
        if amount is None and (after := _count_after(text, ent.end)) is not None:
            amount, containers = after
            counted_with.update(containers)
        if amount is None:
            uncounted.append(ent)
            continue
        count = amount[1]
        if amount[0] != amount[1]:
            text.assume(f"'{text.doc[ent.start - 3 : ent.end].text.strip()}' counted at the top of the range")
        if text.per_week(ent.end):
            count /= 7
        phrase = " ".join(t.norm_ for t in ent)
        serving = servings[ent.ent_id_]
        millilitres = volume.millilitres if volume else text.lexicon.drink_volumes_ml.get(phrase)
        size = millilitres / serving.volume_ml if millilitres and serving.volume_ml else 1.0
        total += count * serving.amount * size
        drinks += count
        counted = True
        if volume is not None and serving.volume_ml:
            each = serving.amount * size
            text.assume(f"'{text.doc[volume.start : ent.end].text}' counted as {each:.0f} mg "
                        f"({serving.amount:g} mg in {serving.volume_ml:g} mL)")  # fmt: skip
        elif phrase in text.lexicon.serving_assumptions:
            text.assume(text.lexicon.serving_assumptions[phrase])
    explicit, one_drink = _explicit_caffeine(text)
    if one_drink is not None and drinks:
        # "12 cans of energy drink a day, each 160mg": the amount said is one drink's
        text.assume(f"{one_drink:g} mg read as each drink's caffeine, counted {drinks:g} times")
        explicit = max(explicit or 0.0, round(one_drink * drinks, 1))
    if explicit is not None:
        text.data["caffeine_mg_per_day"] = explicit
        return
    if counted:
        text.data["caffeine_mg_per_day"] = round(total, 1)
    elif zero and not (nones and uncounted and uncounted[-1].start > nones[-1].start):
        # not "went to decaf … since then I've gone back to regular coffee": a drink told after the none
        text.data["caffeine_mg_per_day"] = 0
        return
    if uncounted:
        # the amount is at least what was counted, and may be more: a racing heart with it is asked, not passed
        words = "; ".join(dict.fromkeys(_named(text, ent) for ent in uncounted))
        text.unsized["caffeine_mg_per_day"] = words
        if counted:
            text.assume(f"'{words}' could not be counted: caffeine is at least {round(total):g} mg a day")


class _Volume(NamedTuple):
    start: int  # where the volume (or a count fused to it) begins
    millilitres: float
    times: float | None  # "3x500ml": a count fused to it


_VOLUME_UNITS = {"ml": 1.0, "millilitres": 1.0, "milliliters": 1.0, "cl": 10.0, "l": 1000.0, "litre": 1000.0,
                 "litres": 1000.0, "liter": 1000.0, "liters": 1000.0, "oz": 29.57, "ounce": 29.57,
                 "ounces": 29.57}  # fmt: skip
_FUSED_VOLUME = re.compile(r"^(?:(\d+)x)?(\d+(?:[.,]\d+)?)(ml|cl|l|oz)$")
_MOST_MILLILITRES = 5000  # more in one container or one day is no drink's volume: left unread


def _volume_before(text: Text, start: int) -> _Volume | None:
    """ "3 x 500ml monster", "a 500 ml can of monster", "2 x 16 oz rockstars", "1.5 litres of energy drink": the
    volume said just before a drink, with the containers and "of" between them."""
    doc = text.doc
    index = start
    while index > 0 and start - index < 3 and (doc[index - 1].norm_ in _CONTAINERS or doc[index - 1].norm_ == "of"):
        index -= 1
    if index == 0:
        return None
    fused = _FUSED_VOLUME.match(doc[index - 1].text.lower())
    if fused:
        count = float(fused.group(1)) if fused.group(1) else None
        volume = _Volume(index - 1, float(commas(fused.group(2))) * _VOLUME_UNITS[fused.group(3)], count)
    else:
        unit = _VOLUME_UNITS.get(doc[index - 1].norm_)
        before = index - 2 - (norm_at(doc, index - 2) == "fl")  # "16 fl oz"
        value = number_of(doc[before], text.lexicon.numbers, articles=False) if unit and before >= 0 else None
        if unit is None or value is None:
            return None
        volume = _Volume(before, value * unit, None)
    return volume if 0 < volume.millilitres <= _MOST_MILLILITRES else None


def _named(text: Text, ent: Span) -> str:
    """The drink with the words just before it ("a whole pot of coffee"), within its clause."""
    doc = text.doc
    start = ent.start
    while (
        start > max(text.sentence(ent.start)[0], ent.start - 4)
        and doc[start - 1].is_alpha
        and not doc[start - 1].ent_type_
        and doc[start - 1].norm_ not in {"and", "or", "plus", "with", "but"}
    ):
        start -= 1
    return doc[start : ent.end].text


_CONTAINERS = frozenset({"cans", "can", "cups", "cup", "mugs", "mug", "bottles", "bottle", "glasses", "glass",
                         "shots", "shot", "servings", "serving", "large", "big", "small", "tall", "pack", "packs",
                         "venti", "grande", "medium", "huge", "massive", "strong", "scoop", "scoops"})  # fmt: skip


# a pot holds several cups: counted as a 1-litre pot, about four 8-oz cups, and said so (a bigger pot holds more)
_POTS = frozenset({"pot", "pots", "cafetiere", "cafetieres", "carafe", "carafes", "jug", "jugs", "flask", "thermos"})
_POT_CUPS = 4


def _in_containers(text: Text, start: int) -> tuple[float, float] | None:
    """ "10 cans of diet coke", "2 big mugs of tea", "a whole pot of coffee": a count of containers of the drink."""
    doc = text.doc
    index = start
    if norm_at(doc, index - 1) == "of":
        index -= 1
    skipped = 0
    pot = index > 0 and doc[index - 1].norm_ in _POTS
    if pot:
        index -= 1
        skipped += 1
        if norm_at(doc, index - 1) in {"whole", "full", "entire", "big", "large"}:
            index -= 1
    while index > 0 and doc[index - 1].norm_ in _CONTAINERS and skipped < 2:
        index -= 1
        skipped += 1
    amount = text.range_before(index) if skipped else None
    if amount is None or not pot:
        return amount
    said = doc[max(0, index - 1) : start + 1].text
    text.assume(f"'{said}' counted as {_POT_CUPS} cups a pot (a 1-litre pot; a bigger one holds more)")
    return amount[0] * _POT_CUPS, amount[1] * _POT_CUPS


def _count_after(text: Text, end: int) -> tuple[tuple[float, float], range] | None:
    """ "coffee, about 6 a day", "monster energy, 2 cans a day", "tea (6 cups)": a bare count after the drink,
    said per day or per week; with the containers counted, which are the drink's and no other."""
    doc = text.doc
    numbers = text.lexicon.numbers
    for i in range(end, min(len(doc), end + 6)):
        value = number_of(doc[i], numbers, articles=False)
        if value is not None:
            after = i + 1
            while norm_at(doc, after) in _CONTAINERS and after < i + 3:
                after += 1
            rest = [norm_at(doc, after), norm_at(doc, after + 1)]
            said_per = rest in (["a", "day"], ["per", "day"], ["a", "week"], ["per", "week"])
            closed = rest[0] in {"daily", ".", ""} or (rest[0] == ")" and after > i + 1)
            return ((value, value), range(i + 1, after)) if said_per or closed else None
        if doc[i].norm_ not in FILLERS and doc[i].norm_ not in {",", "-", "–", "(", "energy", "drink", "drinks"}:
            return None
    return None


_CAFFEINE_OR_MEDICINE = frozenset({"CAFFEINE_WORD", "CAFFEINE", "MEDICINE"})


_HELPS = frozenset({"may", "might", "can", "could", "will", "would", "should"})


def _advice_or_asked(text: Text, ent: Span) -> bool:
    """ "Should I cut out coffee?", "the internet says no caffeine may help", "in 2004 I went to decaf": no caffeine
    asked about, advised or long past, not drunk now."""
    after = [t.norm_ for t in text.doc[ent.end : ent.end + 2]]
    return text.framed(ent) or (len(after) == 2 and after[0] in _HELPS and after[1] == "help")


_BARE_CONTAINERS = frozenset({"cup", "cups", "mug", "mugs"})
_HANDLED = frozenset({
    "hold", "holds", "holding", "held", "lift", "lifts", "lifting", "lifted", "carry", "carries", "carrying", "carried",
    "grip", "grips", "gripping", "gripped", "grasp", "grasping", "grasped", "drop", "drops", "dropping", "dropped",
    "spill", "spills", "spilling", "spilled", "spilt", "knock", "knocking", "knocked", "raise", "raising", "raised",
})  # fmt: skip
_DETERMINERS = frozenset({"a", "an", "the", "my", "his", "her", "their", "some", "any"})


_SERVED_IN = frozenset({"cup", "cups", "mug", "mugs", "glass", "glasses", "can", "cans", "bottle", "bottles", "of"})


def _held_not_drunk(text: Text, ent: Span) -> bool:
    """A cup or mug that is held, lifted or dropped is a task for the hand, not a drink ("can't lift a cup", "dropped
    two cups of coffee")."""
    bare = " ".join(t.norm_ for t in ent) in _BARE_CONTAINERS
    index = ent.start - 1
    while index >= max(0, ent.start - 5) and (
        text.doc[index].norm_ in _DETERMINERS
        or (not bare and (text.doc[index].norm_ in _SERVED_IN or text.doc[index].like_num))
    ):
        index -= 1
    return index >= 0 and text.doc[index].norm_ in _HANDLED


_EACH_BEFORE = frozenset({"each", "apiece"})
_EACH_AFTER = frozenset({"each", "apiece", "per", "a", "an", "in"})
_ONE_DRINK = frozenset(
    {"can", "cup", "mug", "shot", "serving", "bottle", "tin", "glass", "pill", "tablet", "scoop", "one"}
)


def _for_each(text: Text, index: int, unit: int) -> bool:
    """ "each 160mg", "160mg each", "160 mg per can", "200mg in a cup": the amount of one drink, not of the day."""
    doc = text.doc
    if norm_at(doc, index - 1) in _EACH_BEFORE or (norm_at(doc, index - 2) in _EACH_BEFORE and doc[index - 1].like_num):
        return True
    after = [norm_at(doc, unit + k) for k in (1, 2, 3)]
    if after[0] in {"each", "apiece"}:
        return True
    return after[0] in _EACH_AFTER and (after[1] in _ONE_DRINK or after[2] in _ONE_DRINK)


def _explicit_caffeine(text: Text) -> tuple[float | None, float | None]:
    """The day's caffeine said in milligrams, and one drink's ("each 160mg")."""
    doc = text.doc
    found: list[float] = []
    each: list[float] = []
    for token in doc:
        value: float | None = None
        if token.norm_ in {"mg", "milligrams"}:
            value = text.amount_before(token.i, reach=2)
        elif m := _NUMBER_UNIT.fullmatch(token.lower_):
            value = float(commas(m[1])) if m[2] in {"mg", "mg/d", "mg/day"} else None  # "400mg/d"
        if value is None:
            continue
        # the amount's drink: a caffeine word within a few words ("two caffeine pills every day, around 1300mg"),
        # nearer than any medicine named ("sertraline 100mg and 3 coffees" is the sertraline's)
        near = [e for e in text.ents_in(token.i - 9, token.i + 7) if e.label_ in _CAFFEINE_OR_MEDICINE]
        nearest = min(near, key=lambda e: min(abs(e.start - token.i), abs(e.end - 1 - token.i)), default=None)
        if nearest is not None and (nearest.label_ != "MEDICINE" or "caffeine" in nearest.text.lower()):
            number = token.i if token.norm_ not in {"mg", "milligrams"} else token.i - 1
            if _for_each(text, number, token.i):
                each.append(value)
                continue
            found.append(round(value / 7, 1) if text.per_week(token.i + 1) else value)
    # "3 x 200mg caffeine tablets …, around 1,300 mg in total": the day's amount is the largest said
    return max(found, default=None), max(each, default=None)


@cache
def _drinks_not_water() -> frozenset[str]:
    return frozenset(load_lexicon().drinks_not_water)


def water(text: Text) -> None:
    doc = text.doc
    not_water = _drinks_not_water()
    litres: float | None = None
    for ent in text.by_label("WATER"):
        if norm_at(doc, ent.end) == "of" and norm_at(doc, ent.end + 1) in not_water:
            continue  # "2 glasses of wine most nights": alcohol, not water
        count = text.amount_before(ent.start, articles=True)
        if count is not None and not ent._.negated:
            litres = (litres or 0) + count * 0.25
    if litres is None:
        for token in doc:
            value: float | None = None
            unit = token.norm_
            if unit in _LITRE_WORDS:
                value = text.amount_before(token.i, articles=True, reach=2)
            elif m := _NUMBER_UNIT.fullmatch(token.lower_):
                value, unit = float(commas(m[1])), m[2]
                if unit not in _LITRE_WORDS:
                    value = None
            if value is None:
                continue
            if "WATER_WORD" in text.labels_in(token.i - 5, token.i + 6) or norm_at(doc, token.i + 1) in {"a", "per"}:
                half = [norm_at(doc, token.i + k) for k in (1, 2, 3)] == ["and", "a", "half"]
                litres = (value + 0.5 * half) * _LITRE_WORDS[unit]  # "a litre and a half"
                break
    if litres is not None:
        text.data["water_litres_per_day"] = round(litres, 2)


def alcohol(text: Text) -> None:
    doc = text.doc
    for token in doc:
        if token.norm_ in {"units", "unit"}:
            amount = text.amount_before(token.i, reach=3)
            if amount is None:
                continue
            after = [t.norm_ for t in doc[token.i + 1 : token.i + 5]]
            each = {"daily", "nightly"} & set(after) or any(
                a in {"a", "per", "every", "each"} and b in {"day", "night"} for a, b in pairwise(after)
            )
            if each:  # "4 units a day" (not "12 units last night": one night, this week's)
                amount *= 7
            elif not PER_WEEK & set(after):
                text.assume("alcohol units read as units a week")
            text.data["alcohol_units_per_week"] = amount
            return
    if any(not e._.negated for e in text.by_label("ALCOHOL_NONE")) or any(
        e._.negated and not e._.uncertain for e in text.by_label("ALCOHOL")
    ):
        text.data["alcohol_units_per_week"] = 0


def nicotine(text: Text) -> None:
    uses = text.by_label("NICOTINE")
    if any(not e._.negated and not e._.uncertain for e in uses):
        text.data["nicotine"] = True
    elif text.by_label("NICOTINE_QUIT") or any(e._.negated for e in uses):
        text.data["nicotine"] = False


def sleep(text: Text) -> None:
    doc = text.doc
    for token in doc:
        hours: float | None = None
        if token.norm_ in _HOUR_WORDS:
            found = text.range_before(token.i)
            hours = None if found is None else found[0]
        elif (m := _NUMBER_UNIT.fullmatch(token.lower_)) and m[2] in _HOUR_WORDS:
            hours = float(commas(m[1]))
        if hours is None:
            continue
        if "SLEEP" in text.labels_in(token.i - 6, token.i + 5) and 0 <= hours <= 24:
            text.data["sleep_hours"] = hours
            return


def stress(text: Text) -> None:
    doc = text.doc
    for token in doc:
        value: int | None = None
        if token.text.isdigit() and norm_at(doc, token.i + 1) == "/" and norm_at(doc, token.i + 2) == "10":
            value = whole_number(token.text)  # "8 / 10"
        elif m := re.fullmatch(r"(\d{1,2})/10", token.lower_):
            value = int(m[1])  # "8/10"
        if value is not None and value <= 10 and _scores_stress(text, token.i):
            text.data["stress_0_10"] = value
            return
    mentions = text.by_label("STRESS")
    affirmed = [e for e in mentions if not e._.negated]  # "I think I'm just stressed" is stress
    if affirmed:
        strong = set(text.lexicon.stress_strong)
        intense = any(
            any(t.norm_ in strong for t in doc[max(0, e.start - 3) : e.end])  # "really stressed", "a lot of pressure"
            or _RAISED_HIGH.search(" ".join(t.norm_ for t in doc[e.end : e.end + 6]))
            for e in affirmed
        )
        level = 8 if intense else 7
        text.assume(f"'{affirmed[0].text}' read as stress {level} out of 10")
        text.data["stress_0_10"] = level
    elif any(e._.negated for e in mentions):
        text.assume("'not stressed' read as stress 2 out of 10")
        text.data["stress_0_10"] = 2


_RAISED_HIGH = re.compile(r"\b(?:through the roof|off the charts?|sky high|as hell)\b")  # "stress … through the roof"


def _scores_stress(text: Text, index: int) -> bool:
    """Whether a score out of ten at ``index`` is the stress said just before it ("stress at work is through the
    roof (9/10)"), and not a pain or another thing named between."""
    start = text.sentence(index)[0]
    before = text.ents_in(max(start, index - 10), index)
    if before:
        return before[-1].label_ == "STRESS"
    return "STRESS" in text.labels_in(index, index + 5)  # "8/10 stress"


# "on prednisolone for my asthma since last week", "on amoxicillin for 5 days": a course begun days or weeks ago
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_RECENT_COURSE = re.compile(
    r"^(?:\S+ ){0,5}?(?:since (?:last (?:week|weekend|" + _DAYS + r")|yesterday|" + _DAYS + r"|the weekend|"
    r"(?:a|one|two|three|\d) (?:days?|weeks?) ago)|"
    r"for (?:the (?:last|past) )?(?:a|one|two|three|four|five|six|\d+|a few|a couple of|few) (?:days?|weeks?)\b"
    r"(?! (?:a|each|every) )|for (?:a|the (?:last|past)) fortnight|"
    # "prednisolone for a flare which I started a month ago"
    r"(?:started|began|starting) (?:\S+ ){0,2}?(?:(?:a|one|two|three|four|five|six|\d+|a few|a couple of) "
    r"(?:days?|weeks?)|a month|one month) ago)"
)
# "last week my GP added tramadol", "yesterday the doctor put me on": a medicine begun lately, said before its name
_RECENT_START = re.compile(
    r"\b(?:last (?:week|weekend|month)|this week|yesterday|(?:a|one|two|three|\d) (?:days?|weeks?) ago|recently)\b"
    r"(?: \S+){0,4} (?:added|prescribed|started|gave|given|put|switched|began)\b"
)
# "prednisolone for my asthma … since I started it last week": the medicine named before, begun lately
_STARTED_IT = re.compile(
    r"\b(?:started|began|starting) (?:it|them|taking (?:it|them)|on (?:it|them))\b(?: \S+){0,2}? "
    r"(?:last (?:week|weekend|month)|this week|yesterday|recently|"
    r"(?:a|one|two|three|four|\d+|a few|a couple of) (?:days?|weeks?) ago)\b"
)
_RAISED_DOSE = re.compile(r"\b(?:up|increased|raised|doubled|upped|bumped up|went up) to \d")


# "have done for years", "been on it 3 years", "for a long time": a medicine taken long before now
_LONG_TAKEN = re.compile(
    r"\b(?:for (?:many |several |a few |a couple of |\d+ |two |three |four |five |ten )?years|"
    r"(?:\d+|two|three|four|five|ten|many|several) years|for (?:a )?long time|for ages|for decades)\b"
)


def _long_taken(text: Text, ent: Span, end: int) -> bool:
    """Whether the words after a medicine, before anything else is named, say it has been taken for years."""
    words: list[str] = []
    for token in text.doc[ent.end : min(end, ent.end + 10)]:
        if names_twitching(token) or token.ent_type_ in {"SITE", "SYMPTOM"} or token.norm_ == "ago":
            break  # "on sertraline, twitching for 3 years": the twitching's time; "started 2 years ago" is a start
        words.append(token.norm_)
    return _LONG_TAKEN.search(" ".join(words)) is not None


# "on sertraline for years but my dose went up last week": a change of dose is asked about, never answered no
_DOSE_CHANGED = re.compile(
    r"\b(?:dose|dosage|doses|mg)\b.{0,40}?\b(?:up|increased|raised|doubled|changed|went up|higher|lowered|reduced)\b|"
    r"\b(?:increased|upped|raised|doubled|changed|switched|new)\b.{0,20}?\b(?:dose|dosage|medicine|medication|tablets?|pills?)\b"
)


_YEARS = frozenset({"year", "years", "decade", "decades"})
# a medicine's generic name by the WHO's international stems (pregabalin, ramipril, bisoprolol, omeprazole,
# amitriptyline is listed already), just after a word of starting it; unlisted in the knowledge base, it is still a
# new medicine (clinical.md §9: a symptom started after a new medicine)
_INN_STEMS = (
    r"abalin|apentin|pril|sartan|olol|statin|oxetine|azepam|azolam|prazole|oxacin|mycin|cillin|cycline|"
    r"triptan|setron|dipine|afil|gliptin|formin|lukast|terol|olone|asone|coxib|parin|xaban|gatran|tiapine|"
    r"peridone|zapine|tidine|semide|thiazide|conazole|dronate|glutide|gliflozin|triptyline|ipramine"
)
_UNLISTED_START = re.compile(
    rf"\b(?:started|starting|began|begun|begin|put (?:me |him |her )?on|switched (?:me )?to|changed (?:me )?to)"
    rf"(?: (?:on|taking|me on|a course of|some))? [a-z]{{2,}}(?:{_INN_STEMS})\b"
)


def _named_over_everyday(text: Text, names: list[str]) -> list[str]:
    """ "my asthma inhaler (salbutamol)": one medicine, by its name, not also by its everyday one."""
    classes = {m.name: m.class_ for m in text.kb.medicines}
    everyday = {n for n in names if n.split()[0] in {"a", "an"} or n == "ADHD medicine"}
    named_classes = {classes.get(n) for n in names if n not in everyday}
    return [n for n in names if n not in everyday or classes.get(n) not in named_classes]


def medicines(text: Text, symptoms: dict[str, bool | None]) -> None:
    doc = text.doc
    names: list[str] = []
    long_taken: list[bool] = []
    for ent in text.by_label("MEDICINE"):
        if ent._.negated:
            continue
        names.append(ent.ent_id_)
        before = {t.norm_ for t in doc[max(0, ent.start - 4) : ent.start]}
        dose = " ".join(t.norm_ for t in doc[max(0, ent.start - 7) : ent.start])
        after = [t.norm_ for t in doc[ent.end : ent.end + 4]]
        start, end = text.sentence(ent.start)
        if (
            (
                before & {"started", "starting", "began", "new", "switched", "increased", "upped", "raised", "doubled"}
                or _RAISED_DOSE.search(dose) is not None  # "I'm up to 100mg of Zoloft", "went up to 20 mg of"
                or ("ago" in after and not _YEARS & set(after))  # "started 3 weeks ago", not "statins 5 years ago"
                or after[:2] in (["last", "week"], ["last", "month"])
                or _RECENT_COURSE.search(" ".join(t.norm_ for t in doc[ent.end : min(end, ent.end + 9)]))
                or _RECENT_START.search(" ".join(t.norm_ for t in doc[max(start, ent.start - 9) : ent.start]))
                or _STARTED_IT.search(" ".join(t.norm_ for t in doc[ent.end : end]))
            )
            and symptoms.get("new_medication") is not True
        ):
            symptoms["new_medication"] = True
        long_taken.append(_long_taken(text, ent, end))
    if symptoms.get("new_medication") is not True and _UNLISTED_START.search(" ".join(t.norm_ for t in doc)):
        symptoms["new_medication"] = True  # "Just started pregabalin this week": a medicine the knowledge base
        # does not list, named by its international stem, newly started
    if (
        long_taken
        and all(long_taken)
        and "new_medication" not in symptoms
        and _DOSE_CHANGED.search(" ".join(t.norm_ for t in doc)) is None  # read only when it would decide
    ):
        symptoms["new_medication"] = False  # "a water tablet, have done for years": not a new medicine
    if names:
        text.data["medications"] = _named_over_everyday(text, list(dict.fromkeys(names)))
    elif any(not e._.negated for e in text.by_label("MEDS_NONE")):
        text.data["medications"] = []
