"""How long the twitching has gone on: durations, dates and weekdays, relative to today."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from itertools import pairwise
from typing import TYPE_CHECKING

from dateutil.easter import easter

from twitchwise.kb.conditions import at_least
from twitchwise.understand.people import young_age_at
from twitchwise.understand.text import Text, a_named_twitch, names_twitching, norm_at, whole_number

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_MEALTIMES = frozenset({"lunchtime", "lunch", "breakfast", "teatime", "dinnertime", "brunch", "midday", "noon"})
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
_MONTH_ABBREVIATIONS = {m[:3]: i for i, m in enumerate(_MONTHS, 1)} | {"sept": 9}
# days people date things by ("since Halloween"), and seasons by their meteorological start in the northern
# hemisphere ("since the summer holidays"); Easter and Thanksgiving move, so they are worked out for the year
_FEASTS = {"christmas": (12, 25), "xmas": (12, 25), "halloween": (10, 31), "valentine": (2, 14), "valentines": (2, 14),
           "bonfire": (11, 5), "hogmanay": (12, 31)}  # fmt: skip
_SEASONS = {"spring": (3, 1), "summer": (6, 1), "autumn": (9, 1), "winter": (12, 1)}
_MOVABLE = frozenset({"easter", "thanksgiving", "clocks"})  # "since the clocks went back": the last Sunday of October
_NAMED_DAYS = frozenset(_FEASTS) | frozenset(_SEASONS) | _MOVABLE
# what "<a time> of ..." can be a span of, other than the twitching
_OTHER_SPANS = frozenset(
    {"rest", "antibiotics", "treatment", "physio", "physiotherapy", "therapy", "holiday", "holidays", "vacation",
     "leave", "rain", "work", "exams", "training", "school", "medication", "meds", "tablets", "pills", "steroids",
     "prednisone", "prednisolone", "travel", "camp", "night", "nights", "shifts", "revision", "study", "fasting"}
)  # fmt: skip
_CLINICAL_SPAN = re.compile(r"(\d{1,2})/(7|52|12)")
_STILL = frozenset({"still", "ever", "since", "ongoing", "continues", "continuing", "constant", "daily", "non"})
_ONSET_VERBS = frozenset({"started", "began", "begun", "start", "starting", "noticed", "developed", "appeared"})
_EVENT_SYMPTOMS = frozenset({"recent_fluid_loss", "new_medication", "fever", "weight_loss", "insecticide_exposure"})
_DURATION_LEAD = frozenset(
    {"for", "about", "around", "over", "under", "than", "almost", "nearly", "just", "only", "maybe", "roughly",
     "within", "since", "been", "past", "last", "like", "least", "after", "in", "ago", "already", ",", "(", "half",
     "of", "started", "began"}
)  # fmt: skip
_ENDED = frozenset({"settled", "resolved", "stopped", "cleared", "eased", "ended", "improved", "subsided"})
_SINCE = frozenset({"since", "started", "start", "began", "begun", "from", "starting", "beginning", "ago"})
_TOPICAL = frozenset(
    {"MEDICINE", "NICOTINE", "NICOTINE_QUIT", "CAFFEINE", "CAFFEINE_NONE", "ALCOHOL", "ALCOHOL_NONE", "EXERCISE",
     "ILLNESS", "PREGNANT", "SLEEP", "STRESS", "PERSON"}
)  # fmt: skip
_ABOUT_TWITCH = frozenset({"TWITCH", "SITE", "SYMPTOM", "CONTEXT"})
_FINE = frozenset({"fine", "ok", "okay", "better", "good", "gone", "normal", "settled", "over", "recovered"})
_DIMENSIONAL = frozenset({"printer", "printers", "printing", "print", "prints", "model", "models", "modelling",
                          "modeling", "scan", "scans", "ultrasound", "glasses", "movie", "movies", "film", "films",
                          "game", "games", "animation", "art", "design", "puzzle"})  # fmt: skip
_NAMED = "named twitching"
_NAMED_TWITCHING = frozenset({_NAMED})
_CARRIES_TWITCHING = frozenset({"mine", "it", "they", "this", "these"})
_BE_AN_AGE = frozenset({"i'm", "im", "'m", "am", "is", "'s", "he's", "she's", "turned", "aged", "age"})


def duration(text: Text) -> None:
    doc = text.doc
    candidates: list[tuple[int, int, bool]] = []  # days, token, a point in time ("ago", "last week")
    units = text.lexicon.duration_units
    for token in doc:
        norm = token.norm_
        found: tuple[int, bool] | None = None
        if norm == "month" and norm_at(doc, token.i - 1) == "this":
            days = _day_of_this_month(text, token)
            found = None if days is None else (days, True)
        elif _new_year(doc, token):
            days = _since_date(text, token)
            found = None if days is None else (days, True)
        elif (span := _CLINICAL_SPAN.fullmatch(norm)) and (
            norm_at(doc, token.i - 1) in {"for", "x", "over", "past"} or span[2] == "52"  # no date has a 52nd month
        ):
            found = int(span[1]) * {"7": 1, "52": 7, "12": 30}[span[2]], False  # a note's "x 3/52": three weeks
        elif norm in units and (count := _day_count(doc, token, units[norm])) is not None:
            found = count, False  # "Day 20 today", "week 3 of this twitching"
        elif norm in units and not (norm == "d" and norm_at(doc, token.i + 1) in _DIMENSIONAL):
            found = _units_before(text, token, units[norm])  # not "my 3d printer"
        elif norm in _WEEKDAYS:
            found = _since_weekday(text, token)
        elif norm == "weekend" and _since_before(text, token.i, 3):
            found = (text.today.weekday() - 5) % 7, True  # "since the weekend": since its Saturday
        elif norm in {"yesterday", "today", "tonight", "morning", "afternoon", "evening", "night"}:
            found = _since_day(text, token)
        elif norm in _MEALTIMES and norm_at(doc, token.i - 1) == "since":
            found = 0, True  # "her speech is slurred since lunchtime": today
        elif norm == "term" and "half" in {norm_at(doc, token.i - 1), norm_at(doc, token.i - 2)}:
            found = _since_half_term(text, token)
        elif norm in _MONTHS or norm in _MONTH_ABBREVIATIONS or norm in _NAMED_DAYS:
            days = _since_date(text, token)
            found = None if days is None else (days, True)
        elif _YEAR.fullmatch(norm) and (days := _since_year(text, token)) is not None:
            found = days, True
        if found is None or not _about_twitching(text, token.i, point=found[1]) or _advised_if(text, token.i):
            continue
        candidates.append((found[0], token.i, found[1]))
    # a time told in a sentence with no word of the twitching ("my doctor checked me last month, all clear") gives
    # way to one told with it ("now just a twitchy eyelid since Tuesday"); one told with the word twitching itself
    # wins over one told only with a place ("Broke my leg 5 years ago. Now calf twitches for 4 days")
    labels: dict[int, set[str]] = {}  # each sentence's labels read once
    for _, index, _ in candidates:
        number = text.sentence_of[index]
        if number not in labels:
            start, end = text.sentence(index)
            labels[number] = text.labels_in(start, end)
            if norm_at(doc, start) in _CARRIES_TWITCHING or any(map(a_named_twitch, text.ents_in(start, end))):
                # twitching named in so many words ("twitch", not "it" or "started"), or carried on at the sentence's
                # start ("Mine's been 17 days in my thigh")
                labels[number].add(_NAMED)
    for told in (_NAMED_TWITCHING, _ABOUT_TWITCH | _NAMED_TWITCHING):
        told_with = [c for c in candidates if labels[text.sentence_of[c[1]]] & told]
        if told_with:
            candidates = told_with
            break
    if candidates:
        text.data["duration_days"] = min(max(days for days, _, _ in candidates), 36500)


_SIZED = frozenset({"good", "solid", "whole", "full", "straight"})  # "a good month", "a solid week"
_LONG = _SIZED | {"long", "miserable", "agonising", "agonizing", "awful", "horrible", "stressful", "terrifying"}
_MORE_THAN = frozenset({("more", "than"), ("longer", "than"), ("greater", "than")})


def _day_count(doc: Doc, token: Token, unit_days: int) -> int | None:
    """ "Day 20 today", "week 3 of this twitching": the count of days or weeks so far, said as which one it is."""
    count = whole_number(norm_at(doc, token.i + 1))
    if token.norm_ not in {"day", "week", "wk"} or count is None or not 1 <= count <= 400:
        return None
    after = norm_at(doc, token.i + 2)
    if after not in {"today", "now", "of", ".", "!", ",", ""}:  # "" is the end of the text
        return None
    if norm_at(doc, token.i - 1) not in {"", ".", "on", "it's", "its", "'s", "is", "now", "about", "like"}:
        return None  # "every day 3 times", "the day 2 of us went"
    return count if unit_days == 1 else (count - 1) * unit_days + 1


def _more_than(doc: Doc, number: int, unit: int) -> bool:
    """ "more than 2 weeks", "over two weeks", "2+ weeks", ">2 weeks", "2 weeks plus": past that time, not at it."""
    after_number = doc[number + 1].text if number + 1 < len(doc) else ""
    after_unit = doc[unit + 1].text.lower() if unit + 1 < len(doc) else ""
    if after_number == "+" or after_unit in {"+", "plus"}:
        return True
    if after_unit == "more" and "already" in {t.norm_ for t in doc[max(0, number - 12) : number]}:
        return True  # "jumping in my thigh already two weeks more": more than two weeks by now
    return (
        norm_at(doc, number - 1) in {"over", ">"} or (norm_at(doc, number - 2), norm_at(doc, number - 1)) in _MORE_THAN
    )


def _units_before(text: Text, token: Token, unit_days: int) -> tuple[int, bool] | None:
    doc = text.doc
    before = norm_at(doc, token.i - 1)
    after = norm_at(doc, token.i + 1)
    amount = text.amount_before(token.i, articles=True)
    if amount is None and before in _LONG and (whole := text.amount_before(token.i - 1)) is not None:
        amount, before = whole, norm_at(doc, token.i - 2)  # "over 19 long months ago", "3 whole weeks"
    if amount is None and before in _SIZED and norm_at(doc, token.i - 2) in {"a", "an"}:
        amount, before = 1.0, norm_at(doc, token.i - 2)  # "it's been going a good month now"
    if amount is None and token.i >= 2 and doc[token.i - 1].text == "+":
        amount = text.amount_before(token.i - 1)  # "2+ weeks"
    if before == "half" and [norm_at(doc, token.i - 3), norm_at(doc, token.i - 2)] == ["and", "a"]:
        whole = text.amount_before(token.i - 3)
        amount = None if whole is None else whole + 0.5  # "2 and a half weeks" (it had been half a week)
    if amount is None and before in {"for", "many"} and token.norm_ in {"weeks", "months", "years"}:
        earlier = [norm_at(doc, token.i - k) for k in range(2, 10)]
        perfect = any(a in {"'ve", "have", "has", "had"} and b == "had" for a, b in pairwise(earlier[::-1]))
        # "I've been twitching for months", "calf twitching for weeks": at least two, and said so (not "it can go
        # on for weeks")
        told = (
            "been" in earlier
            or perfect
            or (token.norm_ == "weeks" and names_twitching(doc[token.i - 2]) and doc[token.i - 2].norm_.endswith("ing"))
        )  # "calf twitching for weeks" (not a friend's "eye twitch for weeks")
        if told and not set(earlier) & {"can", "could", "may", "might", "will", "would", "sometimes"}:
            amount = 2.0
            text.assume(f"'for {token.text}' read as at least 2 {token.text}")
            if token.norm_ == "weeks":
                # two weeks is not past the NHS's two weeks: how much longer is asked, and warned about meanwhile
                text.unsized.setdefault("duration_days", f"for {token.text}")
    if amount is not None and before in {"a", "an"} and norm_at(doc, token.i - 2) == "half":
        amount = 0.5
    if amount is not None and before in {"a", "an", "per"}:
        lead = norm_at(doc, token.i - 2)
        at_start = token.i - 1 == text.sentence(token.i - 1)[0]
        # "been twitching a fortnight" (a week or more: "20 twitches a day" is how often)
        twitched = lead in {"twitching", "twitched", "twitchy"} and unit_days >= 7
        if lead == "to" and norm_at(doc, token.i - 3) in {"close", "near"}:
            lead = "nearly"  # "for close to a month"
        # "started in my right calf a month ago": a time told right after the twitching's place, never how often
        ago = after == "ago" and doc[token.i - 2].ent_type_ in {"SITE", "TWITCH"} and unit_days >= 7
        if not ago and (
            before == "per" or not (at_start or twitched or lead in _DURATION_LEAD or lead in text.lexicon.numbers)
        ):
            return None  # "3 coffees a day", "10 units a week": how often, not how long
    point = after == "ago"
    if amount is None:
        if before in {"past", "last"} or before == "fortnight":
            amount = 1.0
            point = before == "last" and norm_at(doc, token.i - 2) not in {"the", "for", "over", "in", "past"}
        else:
            return None
    if unit_days == 0:
        lead_words = {t.norm_ for t in doc[max(0, token.i - 4) : token.i]}
        lasted = "lasted" in lead_words and not lead_words & {"have", "has", "had", "'ve", "'s"}
        if lasted or lead_words & {"lasts", "lasting", "each"} or after in {"each", "every"}:
            return None  # "it only lasts two to three seconds": how long one twitch is, not since when
        if after in {"a", "per"} and norm_at(doc, token.i + 2) in {"day", "night", "week", "shift"}:
            return None  # "gaming 10hrs a day": how much of each day, not since when
        been = norm_at(doc, token.i - 2) == "been" or (
            norm_at(doc, token.i - 3) == "been"
            and norm_at(doc, token.i - 2) in {"a", "about", "around", "nearly", "almost", "over", "just", "only"}
        )  # "it has been several hours", "it's been a few hours"
        if (
            point
            or been
            or _since_before(text, token.i, 5)
            or (
                (lead_words & {"for", "past", "last"} or "lasted" in lead_words)
                and not {after, norm_at(doc, token.i + 2)} & {"at", "each", "every", "time"}  # "at a time"
            )
        ):
            return 0, point
        return None
    aged = after == "old" or (after in {"-", "–"} and norm_at(doc, token.i + 2) == "old")
    if aged and not _twitching_is_old(text, token.i):
        return None  # "a 3 week old baby": an age
    if before == "every":
        return None
    if unit_days < 365 and norm_at(doc, token.i - 2) in {"is", "aged", "of"} and young_age_at(text, token.idx):
        return None  # "my boy is 2 months": a baby's age
    if unit_days < 365 and token.i >= 2 and doc[token.i - 2].ent_type_ == "PERSON" and young_age_at(text, token.idx):
        return None  # "baby 7wks hot 38.6": the baby's age, said right after the baby
    if unit_days == 365 and after != "ago" and norm_at(doc, token.i - 2) in _BE_AN_AGE:
        return None  # "I'm 35 year.. while speaking": an age said without "old", not a time
    if norm_at(doc, token.i + 1) in {"pregnant", "postpartum", "pp", "postnatal"} or (
        norm_at(doc, token.i + 1) == "post" and norm_at(doc, token.i + 2) in {"partum", "birth", "natal"}
    ):
        return None  # "3 months postpartum": how long since a birth, not the twitching's time
    if (
        after == "on"
        and _a_medicine_at(doc, token.i + 2)
        and not any(t.ent_type_ in {"TWITCH", "SITE"} for t in doc[max(0, token.i - 6) : token.i])
    ):
        return None  # "after 4 years on Lipitor", "2 weeks on the pill": a time on a medicine, not the twitching's
    if after == "away" or (after == "from" and norm_at(doc, token.i + 2) == "now"):
        return None  # "an appointment two weeks away", "three weeks from now": a time to come
    if after == "later" and not {norm_at(doc, token.i + k) for k in range(2, 10)} & {"still", "now", "too"}:
        return None  # "one day later my right hand felt weak": a step in the story, not a time since then (but
        # "three weeks later it's still there", "… it's in my other calf too": the twitching's time so far)
    settled = {norm_at(doc, token.i - k) for k in range(1, 6)} & _ENDED
    if settled and "after" in {norm_at(doc, token.i - k) for k in range(1, 4)}:
        return None  # "insomnia, which settled after about a week": how long something else lasted
    if norm_at(doc, text.sentence(token.i)[0]) == "before":
        return None  # "Before the twitching began she had insomnia for two weeks": a time before it
    if after in {"early", "premature", "prem", "overdue", "late"}:
        return None  # "she was 2 weeks early": when a baby came, not a time since then
    if after == "of" and norm_at(doc, token.i + 2) in _OTHER_SPANS:
        return None  # "a few days of rest", "two weeks of antibiotics": a span of something else
    before_time = [norm_at(doc, token.i - k) for k in (4, 3, 2)]
    gestation = unit_days == 7 and before_time[2] in _BE_AN_AGE | {"now"} and after != "into"
    if gestation and not {"for", "past", "last"} & set(before_time):
        return None  # "I'm 15 weeks and 3 days", "now 29 weeks + 4": how far on a pregnancy is
    if "diagnosed" in before_time or "diagnosis" in before_time:
        return None  # "diagnosed last month with PD": when a diagnosis was made, not when the twitching began
    if "after" in before_time[1:] and {norm_at(doc, token.i + k) for k in (1, 2, 3, 4)} & {"started", "began", "start"}:
        return None  # "after a year I have started to get cramp": what began after that time, not how long
    if [norm_at(doc, token.i + k) for k in (1, 2, 3)] == ["and", "a", "half"]:
        amount += 0.5  # "a week and a half"
    days = round(amount * unit_days)
    if [norm_at(doc, token.i + k) for k in (1, 2, 3)] in (["and", "a", "bit"], ["and", "a", "little"]):
        days += 1  # "a fortnight and a bit": past it
    number = next(
        (i for i in range(token.i - 1, max(-1, token.i - 5), -1) if doc[i].like_num or doc[i].norm_ in {"a", "an"}),
        None,
    )
    if number is not None and _more_than(doc, number, token.i) and (unit_days >= 7 or days in _limits(text)):
        days += 1  # "for more than 2 weeks" is past the NHS's two weeks, not at them ("over two days" stays two)
    return days, point


_TAKEN = frozenset({"pill", "meds", "medication", "medications", "medicine", "medicines", "tablets", "pills",
                    "antidepressants", "statins", "steroids", "insulin", "inhalers", "inhaler"})  # fmt: skip


def _a_medicine_at(doc: Doc, index: int) -> bool:
    """ "Lipitor", "the pill", "my meds", "these tablets": a medicine named at ``index`` (not "my left side")."""
    if index >= len(doc):
        return False
    if norm_at(doc, index) in {"the", "my", "these", "those", "this", "his", "her"}:
        index += 1
    return index < len(doc) and (doc[index].ent_type_ == "MEDICINE" or doc[index].norm_ in _TAKEN)


def _limits(text: Text) -> set[float]:
    """The days the knowledge base's "more than" rules turn on (two weeks; an eyelid's three months)."""
    return {
        c.threshold
        for flag in text.kb.red_flags
        for c in at_least(flag.condition, "duration_days")
        if not isinstance(c.threshold, str)
    }


def _twitching_is_old(text: Text, index: int) -> bool:
    """ "The twitching in my leg is nearly 3 weeks old now": the twitching's age, not a baby's."""
    start = text.sentence(index)[0]
    before = text.ents_in(start, index)
    copula = {norm_at(text.doc, index - k) for k in (1, 2, 3, 4)} & {"is", "'s", "was", "are"}
    return bool(copula) and any(e.label_ == "TWITCH" for e in before) and not any(e.label_ == "PERSON" for e in before)


def _since_before(text: Text, index: int, reach: int) -> bool:
    return any(t.norm_ in _SINCE | {"only", "just", "after"} for t in text.doc[max(0, index - reach) : index]) or (
        norm_at(text.doc, index + 1) == "ago"
    )


def _since_day(text: Text, token: Token) -> tuple[int, bool] | None:
    doc = text.doc
    norm = token.norm_
    previous = norm_at(doc, token.i - 1)
    if norm in {"morning", "afternoon", "evening"} and previous not in {"this", "last"}:
        return None
    if norm == "evening" and previous == "last":
        norm = "night"  # "last evening": yesterday
    if norm == "night" and previous != "last":
        return None
    if norm == "tonight" and not _since_before(text, token.i, 3):
        return None
    days = 1 if norm in {"yesterday", "night"} else 0
    if _since_before(text, token.i - (1 if previous in {"this", "last"} else 0), 4):
        return days, True
    if norm == "yesterday" and text.labels_in(token.i - 8, token.i) & _ABOUT_TWITCH:
        return days, True
    start, end = text.sentence(token.i)
    later = text.labels_in(token.i + 1, min(end, token.i + 20))
    if (
        (norm in {"yesterday", "today"} or previous == "last")
        and token.i - start <= 3
        and later & {"TWITCH", "SYMPTOM"}
    ):
        return days, True  # "Yesterday morning after I woke up my little finger was twitching"
    if previous == "this" and _twitching_just_before(text, token.i - 1):
        return days, True  # "twitching all over this morning" (not "a seizure this morning")
    if norm == "today" and text.labels_in(max(start, token.i - 8), token.i) & {"TWITCH"}:
        return days, True  # "my right eyelid seems to have developed a twitch today"
    return None


def _last_ending_by(text: Text, index: int) -> Span | None:
    """The last phrase that ends by ``index`` (an index, not a copied prefix: that was O(n))."""
    position = bisect_right(text.ends, index)
    return text.ents[position - 1] if position else None


def _twitching_just_before(text: Text, index: int) -> bool:
    last = _last_ending_by(text, index)
    return last is not None and last.start >= text.sentence(index)[0] and last.label_ in {"TWITCH", "SITE"}


def _since_weekday(text: Text, token: Token) -> tuple[int, bool] | None:
    doc = text.doc
    last = norm_at(doc, token.i - 1) == "last"
    on = norm_at(doc, token.i - 1) == "on" and norm_at(doc, token.i + 1) not in {"s", "'s", "and", "or"}
    if not on and not last and not _since_before(text, token.i, 3):
        return None  # "on Monday" and "last Saturday" are points; _about_twitching decides whose
    back = (text.today.weekday() - _WEEKDAYS.index(token.norm_)) % 7 or 7
    if last and back == 1:
        back += 7  # nobody calls yesterday "last Friday"
    return back, True


def _day_of_this_month(text: Text, token: Token) -> int | None:
    """ "since the 3rd of this month": days back to that day of the current month."""
    doc = text.doc
    if norm_at(doc, token.i - 2) != "of" or not _since_before(text, token.i - 3, 4):
        return None
    m = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)", norm_at(doc, token.i - 3))
    if m is None or not 1 <= int(m[1]) <= text.today.day:
        return None
    return text.today.day - int(m[1])


def _new_year(doc: Doc, token: Token) -> bool:
    return token.norm_ == "year" and norm_at(doc, token.i - 1) == "new" and norm_at(doc, token.i + 1) != "old"


_HALF_TERMS = ((2, 16), (5, 25), (10, 26))
"""Where English schools' half-term weeks fall, near enough: mid-February, late May and late October."""


def _since_half_term(text: Text, token: Token) -> tuple[int, bool] | None:
    """ "since half term": since the last half-term week before today (not "they go back after half term")."""
    if not {t.norm_ for t in text.doc[max(0, token.i - 4) : token.i]} & {"since", "started", "began", "from"}:
        return None
    year = text.today.year
    starts = [dt.date(y, m, d) for y in (year - 1, year) for m, d in _HALF_TERMS]
    return (text.today - max(s for s in starts if s <= text.today)).days, True


def _named_day(token: Token, year: int) -> tuple[int, int]:
    if token.norm_ == "easter":
        sunday = easter(year)
        return sunday.month, sunday.day
    if token.norm_ == "thanksgiving":  # the fourth Thursday of November
        first = dt.date(year, 11, 1)
        return 11, 1 + (3 - first.weekday()) % 7 + 21
    if token.norm_ == "year":
        return 1, 1
    if token.norm_ == "clocks":  # the clocks go forward on the last Sunday of March and back on October's
        month = 3 if "forward" in {t.norm_ for t in token.doc[token.i + 1 : token.i + 4]} else 10
        last = dt.date(year, month, 31)
        return month, 31 - (last.weekday() + 1) % 7
    return _FEASTS.get(token.norm_) or _SEASONS[token.norm_]


def _onset_verb_before(text: Text, token: Token, start_of: int) -> bool:
    """ "Started twitching in my left bicep around my birthday in September", "it began at Halloween": a date
    told after the twitching's own onset verb, with nothing else named between them."""
    doc = text.doc
    end_of = text.sentence(token.i)[1]
    if not {t.norm_ for t in doc[token.i + 1 : end_of]} & _STILL:
        return False  # "it started in March, went away and came back last week": that start is not this episode's
    for verb in doc[max(start_of, token.i - 12) : token.i]:
        if verb.norm_ not in _ONSET_VERBS:
            continue
        subject = norm_at(doc, verb.i - 1)
        between = text.labels_in(verb.i + 1, token.i)
        twitch_named = bool(between & {"TWITCH", "SITE"}) or subject in {"twitching", "twitches", "twitch"}
        if twitch_named and not between & _TOPICAL:
            return True
    return False


def _since_date(text: Text, token: Token) -> int | None:
    doc = text.doc
    start_of, end_of = text.sentence(token.i)
    later_words = [t.norm_ for t in doc[token.i + 1 : min(end_of, token.i + 8)]]
    # "Last March I had ..." is not an onset; nor is "in September and the twitching began last week"
    clause = later_words[: later_words.index("and")] if "and" in later_words else later_words
    onset = bool(set(clause) & {"noticed", "developed", "started", "began", "woke", "appeared"})
    named = text.labels_in(token.i + 1, min(end_of, token.i + 15)) & {"TWITCH", "SYMPTOM"}
    opens = onset and token.i - start_of <= 6 and bool(named)
    since = _since_before(text, token.i, 4) or _since_event_in(text, token, start_of) or _all_season(doc, token)
    if not (since or opens or _onset_verb_before(text, token, start_of)):
        return None  # "since 25 November"; "Early on 25 November I noticed my muscles twitching"
    if token.norm_ in _NAMED_DAYS or _new_year(doc, token):
        month, day = _named_day(token, text.today.year)
        start = dt.date(text.today.year, month, day)
        # "since last winter" on 1 December: the winter that has ended, not the one starting today
        last = norm_at(doc, token.i - 1) == "last" and token.norm_ in _SEASONS
        if start > text.today or (last and start + dt.timedelta(91) > text.today):
            month, day = _named_day(token, text.today.year - 1)
            return (text.today - dt.date(text.today.year - 1, month, day)).days
    else:
        month = _MONTHS.index(token.norm_) + 1 if token.norm_ in _MONTHS else _MONTH_ABBREVIATIONS[token.norm_]
        day = 1
        for near in (norm_at(doc, token.i + 1), norm_at(doc, token.i - 1), norm_at(doc, token.i - 2)):
            if m := re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", near):
                day = int(m[1])
                break
        if token.norm_ == "may" and norm_at(doc, token.i - 1) not in _SINCE | {"in", "early", "mid", "late", "of"}:
            return None
        part = norm_at(doc, token.i - 2) if norm_at(doc, token.i - 1) == "-" else norm_at(doc, token.i - 1)
        day = {"mid": 15, "late": 24}.get(part, day)  # "since mid-April"
        if part == "of" and norm_at(doc, token.i - 2) == "middle":
            day = 15  # "in the middle of July"
    last_year = [norm_at(doc, token.i + k) for k in (1, 2, 3)] == ["of", "last", "year"]
    try:
        start = dt.date(text.today.year, month, day)
        if start > text.today:
            start = dt.date(text.today.year - 1, month, day)
        if last_year and start.year == text.today.year:
            start = dt.date(text.today.year - 1, month, day)  # "since June of last year"
        if (year := _year_after(text, token)) is not None:
            start = dt.date(year, month, day)  # "on 23rd December 2008", "since April 2019"
    except ValueError:
        return None
    return (text.today - start).days if start <= text.today else None


_YEAR = re.compile(r"(?:19|20)\d\d")


def _year_after(text: Text, token: Token) -> int | None:
    """ "December 2008", "23rd December, 2008", "April 9th 2019": the year told after a month, if it is a year
    that has begun."""
    for k in (1, 2, 3):
        word = norm_at(text.doc, token.i + k)
        if _YEAR.fullmatch(word):
            year = int(word)
            return year if year <= text.today.year else None
        if word != "," and not _DAY_OF_MONTH.fullmatch(word):
            return None
    return None


def _since_year(text: Text, token: Token) -> int | None:
    """ "since 2019", "ever since 2015", "twitching since early 2020": from the year's start (mid, late: its middle
    and last quarter; a year not yet begun is none).  A year told after a month is that month's; a year alone is a
    start only after "since"."""
    doc = text.doc
    year = int(token.norm_)
    previous = norm_at(doc, token.i - 1)
    if previous in _MONTHS or previous in _MONTH_ABBREVIATIONS or _DAY_OF_MONTH.fullmatch(previous):
        return None  # a month's year, read with the month
    part = previous if previous in {"early", "mid", "late"} else ""
    if norm_at(doc, token.i - (2 if part else 1)) != "since":
        return None
    start = dt.date(year, {"": 1, "early": 1, "mid": 7, "late": 10}[part], 1)
    return (text.today - start).days if start <= text.today else None


_CLAUSE_BREAKS = frozenset({"and", "but", "so", "because", "though", "although", "while", ";", ".", "?", "!", "-"})


_DAY_OF_MONTH = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")


def _all_season(doc: Doc, token: Token) -> bool:
    """ "most of this autumn", "all summer", "throughout this winter": since the season began."""
    if token.norm_ not in _SEASONS:
        return False
    for k in (1, 2, 3):
        word = norm_at(doc, token.i - k)
        if word in {"most", "all", "throughout"}:
            return True
        if word not in {"of", "this", "the"}:
            return False
    return False


def _since_event_in(text: Text, token: Token, start_of: int) -> bool:
    """ "ever since my covid jab in the summer", "since I started the new job, which was in August": the date of
    the event the twitching is dated by, told after it."""
    doc = text.doc
    at = token.i - 1
    # "in the summer", "on the 3rd of November", "around mid October"
    while (
        at > start_of
        and at >= token.i - 4
        and (norm_at(doc, at) in {"the", "early", "mid", "late", "of"} or _DAY_OF_MONTH.fullmatch(norm_at(doc, at)))
    ):
        at -= 1
    if norm_at(doc, at) not in {"in", "at", "around", "during", "on"}:
        return False
    words = [t.norm_ for t in doc[max(start_of, at - 10) : at]]
    if "since" not in words:
        return False
    between = words[len(words) - words[::-1].index("since") :]
    if [w for w in between[-3:] if w in {"which", "that"}] and between[-1] in {"was", "were"}:
        between = between[: len(between) - between[::-1].index(",") - 1] if "," in between[-4:] else between[:-2]
    return not set(between) & (_CLAUSE_BREAKS | {","})


def _another_things_time(text: Text, index: int, start: int) -> bool:
    """ "off <anything> for <time>", "on <anything> for <time>" (a habit or a medicine, even an unknown one),
    "been in <a state> for <time>": the time of something the text names, not the twitching's."""
    tokens = list(text.doc[max(start, index - 9) : index])
    words = [t.norm_ for t in tokens]
    if "for" not in words:
        # "I take sertraline, been on it 2 years": a medicine's or a habit's time, told without "for"
        lead = words[-4:]
        taken = any(a in {"been", "was", "were"} and b == "on" for a, b in pairwise(lead))  # "been on it"
        return taken and not any(
            names_twitching(t) or t.ent_type_ in _ABOUT_TWITCH - {"TWITCH"} for t in tokens[-4:]
        )  # "it" stands for the medicine here, not the twitching
    before_for = tokens[: len(words) - 1 - words[::-1].index("for")]
    if any(names_twitching(t) or t.ent_type_ == "SITE" for t in tokens[len(before_for) + 1 :]):
        return False  # "on sertraline for years, calf twitch 3 weeks": the "for" is another time's, the twitching named
    habit = [t for t in before_for[-4:] if t.norm_ in _HABIT_WORDS and t.ent_type_ != "TWITCH"]
    # "been going on for 5 months" is the twitching's own time: a TWITCH phrase is never the something (a bare "it"
    # before a habit is not: "I decided it was from not eating any meat for a week")
    if any(
        t.ent_type_ == "TWITCH"
        and not (t.norm_ in {"it", "this"} and habit and habit[-1].norm_ not in {"on", "off"} and t.i < habit[-1].i)
        for t in before_for
    ):
        return False
    if [t.norm_ for t in before_for[-3:]] in (["on", "and", "off"], ["off", "and", "on"]):
        return False  # "twitching on and off for 5 weeks": how often, not a habit's time
    if habit and not _a_side_follows(text, habit[-1].i):  # not "twitching in my calf on the left for 5 days"
        return True
    # "been on my blood pressure tablets for years": a longer name between "on" and "for" (and no place in it)
    on_word = [t for t in before_for[-6:-4] if t.norm_ in {"on", "taking", "using"}]
    if on_word and norm_at(text.doc, on_word[-1].i + 1) in {"my", "his", "her", "the", "these", "those", "this"}:
        named = text.doc[on_word[-1].i + 1 : before_for[-1].i + 1]
        if not any(t.ent_type_ in _ABOUT_TWITCH for t in named) and not _a_side_follows(text, on_word[-1].i):
            return not _then_the_twitching(text, index, text.sentence(index)[1])
    # "been in perimenopause for 2 years", "been in this job for years": a state the text names, not
    # a symptom ("been in pain for 3 weeks" stays a time the check may use)
    lead = [t.norm_ for t in before_for[-4:]]
    return "in" in lead and "been" in lead and not any(t.ent_type_ in _ABOUT_TWITCH for t in before_for)


# tests and visits whose date is told beside the twitching's ("EMG was clean last month, CK normal")
_TESTS = frozenset({"emg", "emgs", "ck", "bloods", "mri", "mris", "scan", "scans", "ncs", "x-ray", "xray",
                    "ultrasound", "ecg", "ekg", "neurologist", "neuro", "checkup", "check-up", "physical",
                    "appointment"})  # fmt: skip


def _a_tests_time(text: Text, index: int, start: int) -> bool:
    """Whether the time at ``index`` is told in a clause about a test or a visit, with no word of twitching in it."""
    doc = text.doc
    clause = start
    for i in range(index - 1, max(start, index - 12) - 1, -1):
        if doc[i].norm_ in {",", ";", ".", "but", "and", "so"}:
            clause = i + 1
            break
    words = {t.norm_ for t in doc[clause:index]}
    if not words & _TESTS or words & {"twitch", "twitches", "twitching", "twitched"}:
        return False
    return not any(e.label_ in {"TWITCH", "SITE"} for e in text.ents_in(clause, index + 1))


_HABIT_WORDS = frozenset(
    {
        "off",
        "on",
        "taking",
        "quit",
        "stopped",
        "using",
        "used",
        "wearing",
        "worn",
        "wore",
        "eating",
        "eaten",
        "ate",
        "drinking",
        "drank",
        "sleeping",
        "slept",
    }
)  # "not eating any meat for a week"
_SIDE_WORDS = frozenset({"left", "right", "side", "sides", "both", "one", "other", "same", "lft", "rt"})


def _a_side_follows(text: Text, index: int) -> bool:
    """ "on the left", "on my right side", "on both sides": a side, not something one is on."""
    following = [norm_at(text.doc, index + k) for k in (1, 2)]
    return following[0] in _SIDE_WORDS or (following[0] in {"the", "my", "his", "her"} and following[1] in _SIDE_WORDS)


def _twitching_next(text: Text, index: int, end: int) -> bool:
    """Whether the twitching is what the words after a time tell, with nothing else named first."""
    for i in range(index + 1, min(end, index + 12)):
        label = text.doc[i].ent_type_
        if label == "TWITCH":
            return True
        if label in _TOPICAL or text.doc[i].norm_ in {"and", "but", ",", ";", "then", "while"}:
            return False  # "my son for 2 years has been doing karate and ... twitches": the karate's time
    return False


_EARLIER_FRAMES = ("in recent years", "over the years", "all the times")


def earlier_episode(text: Text, start: int, end: int) -> bool:
    """Whether the words from ``start`` to ``end`` tell of an earlier episode ("it happened once before",
    "I've had them before on an eyelid").  Each sentence is judged once (a long one has many places to ask about)."""
    known = text.episodes.get((start, end))
    if known is None:
        known = text.episodes[start, end] = _tells_earlier_episode(text, start, end)
    return known


def _tells_earlier_episode(text: Text, start: int, end: int) -> bool:
    words = [t.norm_ for t in text.doc[start:end]]
    pairs = set(pairwise(words))
    joined = " ".join(words)
    return bool(
        "previously" in words
        or any(frame in joined for frame in _EARLIER_FRAMES)
        or pairs & {("once", "before"), ("happened", "before"), ("twice", "before"), ("last", "time"),
                    ("previous", "episode"), ("them", "before"), ("one", "before"), ("these", "before")}
    )  # fmt: skip


def _advised_if(text: Text, index: int) -> bool:
    """ "GP said to come back if it lasts more than 2 weeks": a time in a doctor's condition, not the twitching's."""
    from twitchwise.understand.cues import ADVICE_IF

    start = max(text.sentence(index)[0], index - 20)
    return ADVICE_IF.search(" ".join(t.norm_ for t in text.doc[start:index])) is not None


_RELATIVES = frozenset({"that", "which", "who"})
_SUBJECTS = frozenset({"i", "we", "he", "she", "they", "you", "my", "our", "his", "her", "their"})


_THEM = frozenset({"he", "she", "he's", "she's", "his", "him"})
_NOTICED = frozenset({"said", "says", "noticed", "notices", "told", "tells", "saw", "spotted", "pointed", "thinks"})
_ME = frozenset({"i", "i'm", "me", "i've", "myself", "mine"})


def _someone_elses_time(text: Text, index: int, start: int) -> bool:
    """A time in a text about the writer, told where only someone else is spoken of ("My son is 6 and hit his head
    on the swing last month"): a person of the writer's or "he"/"she", and no word of the writer or the twitching
    from the sentence's start to the time."""
    if text.about_them:
        return False
    doc = text.doc
    window = range(max(start, index - 25), index)
    told = text.ents_in(window.start, index)
    people = {e.start for e in told if e.label_ == "PERSON"}  # "my son": not the writer
    others = any(doc[i].norm_ in _THEM or i in people for i in window)
    # "a man I work with collapsed last week", "the new manager is a mess after the Christmas party": from their verb
    verbs = [i for i in window if i in doc._.their_verbs]
    if verbs:
        window, others = range(max(verbs), index), True
    mine = any(doc[i].norm_ in _ME or (doc[i].norm_ == "my" and i + 1 not in people) for i in window)
    if not others or mine or any(e.label_ in _ABOUT_TWITCH and not e._.other_person for e in told):
        return False  # ("hit his head": his head is no word of the writer's twitching)
    end = text.sentence(index)[1]
    # not "My wife had covid 3 weeks ago, my calf twitches since", nor "my husband noticed 3 weeks ago that my calf …"
    if any(doc[i].norm_ in _NOTICED for i in range(window.start, min(end, index + 20))):
        return False
    return not _then_the_twitching(text, index, end)


def _then_the_twitching(text: Text, index: int, end: int) -> bool:
    """ "… for a week, and since then his arms twitch": the twitching is told as beginning at that time."""
    doc = text.doc
    links = [i for i in range(index + 1, min(end, index + 20)) if doc[i].norm_ in {"since", "then", "after", "now"}]
    return any(
        i == end - 1 or any(a_named_twitch(e) or e.label_ == "SITE" for e in text.ents_in(i + 1, i + 5)) for i in links
    )


def _a_relative_clauses_time(text: Text, index: int, start: int) -> bool:
    """A time told inside "that I …" or "which we …" after a thing that is not the twitching ("a book review that I
    had promised the editor 41 days ago", "the house which we bought two years ago"): that thing's time."""
    doc = text.doc
    for i in range(index - 1, max(start, index - 12), -1):
        norm = doc[i].norm_
        if norm in {",", ";", ".", "but", "and", "so", "since", "ago"}:
            return False
        if norm in _RELATIVES and norm_at(doc, i + 1) in _SUBJECTS:
            # a thing named with an article before it: "a book review that", not "is it bad that my smile …"
            named = bool({norm_at(doc, i - k) for k in (2, 3)} & _ARTICLES) and norm_at(doc, i - 1) not in _THOUGHTS
            told = text.ents_in(max(0, i - 1), index)
            return named and not any(e.label_ in _ABOUT_TWITCH for e in told)
    return False


_ARTICLES = frozenset({"a", "an", "the", "this", "that", "my", "our", "his", "her", "their"})
_THOUGHTS = frozenset({"fact", "idea", "thought", "feeling", "worry", "fear", "chance", "possibility", "sense", "hope"})


def _about_twitching(text: Text, index: int, *, point: bool) -> bool:
    """A time is the twitching's unless the nearest thing named before it is something else.

    "since I had covid last month" and "after my flu two weeks ago, my thighs started
    twitching" tie the other thing's time to the twitching; "had diarrhoea for 3 days" does not.
    """
    doc = text.doc
    start, end = text.sentence(index)
    twitches = [e for e in text.ents_in(start, end) if e.label_ == "TWITCH"]
    if twitches and not text.about_them and all(e._.other_person for e in twitches):
        return False  # "My friend had an eye twitch last year that went away": the friend's time
    if _another_things_time(text, index, start):
        return False  # "off Klonopin for 3 months", "been on the pill for years": that thing's time
    if _a_tests_time(text, index, start):
        return False  # "EMG was clean last month, … it's been 12 days": the test's time
    if index in doc._.their_clauses:
        return False  # "the trainer I had last year had MND": the time of the words that say which person
    if _a_relative_clauses_time(text, index, start):
        return False  # "a book review that I had promised the editor 41 days ago": the review's time
    if _someone_elses_time(text, index, start):
        return False  # "My son is 6 and hit his head on the swing last month; it's me that's twitching": his time
    if point and earlier_episode(text, start, end):
        return False  # "It happened once before about six years ago": that episode's time, not this one's
    last = _last_ending_by(text, index)
    nearest = last if last is not None and last.start >= start and index - last.end <= 6 else None
    if nearest is None or not (nearest.label_ in _TOPICAL or nearest.ent_id_ in _EVENT_SYMPTOMS):
        return True
    if nearest.label_ == "PERSON":
        # "my mother is 51 and for the past year or two has had twitching": the person's twitching; "My friend had
        # a stroke last year": the friend's
        return _twitching_next(text, index, end)
    clause = {t.norm_ for t in doc[nearest.end : index]} & {"and", "but", ";", "."}
    if clause and _twitching_next(text, index, end):
        return True  # "I have health anxiety and for 2 weeks my whole body is twitching": a new clause's time
    if not point:
        return False
    window_start = max(start, index - 40)
    links = [t for t in doc[window_start : nearest.start] if t.norm_ in {"since", "after"}]
    if links:
        first = links[0]
        twitch_before = bool(text.labels_in(max(start, first.i - 20), first.i) & _ABOUT_TWITCH)
        twitch_after = bool(text.labels_in(index + 1, min(end, index + 20)) & _ABOUT_TWITCH)
        if twitch_before or (first.i == start and twitch_after):
            return True
    later = doc[index + 1 : min(end, index + 20)]
    linked_after = any(
        t.norm_ in {"since", "then"} or (t.norm_ == "now" and norm_at(doc, t.i - 1) not in _FINE) for t in later
    )  # not "had a tummy bug 2 months ago, all fine now, eyelid twitching": told as over
    # "after covid last month, now my calves twitch", "vomiting since yesterday and now my hands are spasming" (not
    # "she had a cold last week, no fever now": a sign said absent is not what began then)
    told = text.ents_in(index + 1, min(end, index + 20))
    return linked_after and any(
        e.label_ in {"TWITCH", "SITE"} or (e.label_ == "SYMPTOM" and not e._.negated) for e in told
    )
