"""The triage engine: answers in, assessment out.  Pure: no I/O, no clock, no globals.

The disposition is the most urgent of the red flags that fire, and ``self_care`` when none
does.  Because conditions cannot read an absence, more symptoms, more sites or more time
can only fire more flags, so urgency never goes down as answers get worse.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

import msgspec

from twitchwise.answers import Answers, to_builtins
from twitchwise.kb.conditions import Condition, Facts, at_least
from twitchwise.kb.models import KnowledgeBase, RedFlag
from twitchwise.triage.assessment import (
    Assessment,
    DispositionDetail,
    EvidenceOut,
    FactorOut,
    MedicineOut,
    Message,
    PlanStep,
    PossibleOut,
    Reassuring,
    RedFlagOut,
    SourceOut,
    WarningOut,
)
from twitchwise.triage.plan import build_plan
from twitchwise.triage.possible import possible_flags, possible_out, unsized_amounts, warning_for
from twitchwise.triage.targets import caffeine_limit_note, personal_targets
from twitchwise.triage.text import fill
from twitchwise.vocabulary import Disposition

PERSISTING_DAYS = 14


class Services(msgspec.Struct, frozen=True):
    """Where to get help in the person's country."""

    emergency_number: str = "112"
    urgent_service: str = "an urgent care service or an out-of-hours doctor"


class Screening(msgspec.Struct, frozen=True):
    """Which red flags fired, which are still open, and the disposition that follows."""

    disposition: Disposition
    fired: tuple[RedFlag, ...]
    unknown: tuple[RedFlag, ...]


def medicine_classes(answers: Answers, kb: KnowledgeBase) -> dict[str, tuple[str, ...]] | None:
    """The person's medicines grouped by class; None when medicines were not asked."""
    if answers.medications is None:
        return None
    grouped: dict[str, list[str]] = {}
    for name in answers.medications:
        medicine = kb.find_medicine(name)
        if medicine is not None:
            grouped.setdefault(medicine.class_, []).append(medicine.name)
    return {cls: tuple(names) for cls, names in grouped.items()}


def facts_for(answers: Answers, kb: KnowledgeBase) -> Facts:
    return Facts(answers, personal_targets(answers, kb.limits), medicine_classes(answers, kb))


def screen(facts: Facts, kb: KnowledgeBase) -> Screening:
    """Evaluate every red flag; the disposition is the most urgent that fired."""
    fired: list[RedFlag] = []
    unknown: list[RedFlag] = []
    for flag in kb.red_flags:
        result = flag.condition.evaluate(facts)
        if result:
            fired.append(flag)
        elif result is None:
            unknown.append(flag)
    disposition = max((flag.disposition for flag in fired), key=lambda d: d.rank, default=Disposition.SELF_CARE)
    return Screening(disposition, tuple(fired), tuple(unknown))


def is_answered(answers: Answers, question: str) -> bool:
    if question in answers.__struct_fields__:
        return getattr(answers, question) is not None
    return answers.symptom(question) is not None


def unanswered_questions(answers: Answers, flags: Iterable[RedFlag]) -> list[str]:
    """Questions of still-open red flags that have no answer, most urgent flag first."""
    seen: dict[str, None] = {}
    for flag in flags:
        for question in flag.condition.questions():
            if not is_answered(answers, question):
                seen.setdefault(question, None)
    return list(seen)


def assess(
    answers: Answers,
    kb: KnowledgeBase,
    *,
    today: dt.date,
    services: Services | None = None,
    said: Mapping[str, str] | None = None,
    about: str | None = None,
) -> Assessment:
    """Triage one set of answers.  Deterministic: the same input gives the same output.

    ``said``: for symptoms answered "not sure" because of a description, the words that raised
    them; they are shown with the red flags those symptoms could fire (``possible``).  For an amount
    (``caffeine_mg_per_day``), the words that named it without a size ("a whole pot of coffee").
    ``about``: who a description was about ("someone_else" puts the warning's question to "they").
    """
    services = services or Services()
    facts = facts_for(answers, kb)
    screening = screen(facts, kb)
    understood = to_builtins(answers)
    values = _text_values(facts, understood, today, services)
    unsized = unsized_amounts(said, kb)
    factors = _factors(facts, kb, values, unsized)
    disposition = screening.disposition
    found = possible_flags(facts, disposition, screening.fired, kb, unsized)
    possible, ask_first = possible_out(found, said or {})
    warning = warning_for(found, kb, values, facts, about=about)
    reassure = warning is None
    plan = build_plan(disposition, factors, facts, kb, values, reassure=reassure)
    red_flags = [_red_flag_out(flag, facts) for flag in screening.fired]
    detail = _detail(disposition, kb, values, services)
    messages = _messages(disposition, facts, kb, reassure=reassure)
    cited = _cited(detail, red_flags, factors, plan, messages, possible, [warning] if warning else [])
    unanswered, not_needed = _open_questions(answers, screening, kb)
    return Assessment(
        disposition=disposition.value,
        red_flags=red_flags,
        factors=factors,
        plan=plan,
        unanswered=unanswered,
        understood=understood,
        sources={sid: source_out(kb, sid) for sid in cited},
        detail=detail,
        # "Reassuring: present for 2 weeks or less" beside "call 112" reassures past the advice: only when it is calm
        reassuring=_reassuring(answers, kb) if reassure and disposition <= Disposition.ROUTINE else [],
        messages=messages,
        medicines=_medicines(answers, kb),
        possible=possible,
        ask_first=ask_first,
        warning=warning,
        not_needed=not_needed,
    )


def _open_questions(answers: Answers, screening: Screening, kb: KnowledgeBase) -> tuple[list[str], list[str]]:
    """Open red-flag questions: those that could still raise the advice, and those that could not."""
    raising = [flag for flag in screening.unknown if flag.disposition.rank > screening.disposition.rank]
    unanswered = [q for q in unanswered_questions(answers, raising) if kb.asks(q)]
    rest = [q for q in unanswered_questions(answers, screening.unknown) if kb.asks(q) and q not in unanswered]
    return unanswered, rest


def _red_flag_out(flag: RedFlag, facts: Facts) -> RedFlagOut:
    evidence = [EvidenceOut(e.question, msgspec.to_builtins(_plain(e.value))) for e in flag.condition.evidence(facts)]
    return RedFlagOut(flag.id, flag.title, flag.disposition.value, flag.why, list(flag.sources), _dedupe(evidence))


def _factors(
    facts: Facts, kb: KnowledgeBase, values: Mapping[str, object], unsized: Sequence[str] = ()
) -> list[FactorOut]:
    """The contributing factors, each by its first implicator that holds.  An amount named but not all counted
    (``unsized``) that could pass an implicator's threshold takes its ``why_uncounted``, as possible: "what could
    be counted is 380 mg" is not "within the safe limit"."""
    found: list[tuple[int, int, FactorOut]] = []
    for position, factor in enumerate(kb.factors):
        for implicator in factor.implicators:
            strength, why = implicator.strength, implicator.why
            if implicator.why_uncounted and _could_pass(implicator.condition, facts, unsized):
                strength, why = "possible", implicator.why_uncounted
            elif not implicator.condition.evaluate(facts):
                continue
            out = FactorOut(factor.id, factor.name, strength, fill(why, values), list(factor.sources))
            found.append((0 if strength == "likely" else 1, position, out))
            break
    return [out for _, _, out in sorted(found, key=lambda item: item[:2])]


def _could_pass(condition: Condition, facts: Facts, unsized: Sequence[str]) -> bool:
    """Whether ``condition`` fails on what was counted but would hold past the threshold of an uncounted amount."""
    for field in unsized:
        compares = at_least(condition, field)
        if not compares or condition.evaluate(facts):
            continue
        past = max(c.least_passing(facts) for c in compares)
        counted = getattr(facts.answers, field, None) or 0
        if condition.evaluate(facts.supposing(facts.answers.with_updates(**{field: max(past, counted)}))):
            return True
    return False


def _detail(
    disposition: Disposition, kb: KnowledgeBase, values: Mapping[str, object], services: Services
) -> DispositionDetail:
    entry = kb.dispositions[disposition]
    return DispositionDetail(
        label=entry.label,
        time_frame=entry.time_frame,
        do_now=fill(entry.do_now, values),
        emergency_number=services.emergency_number,
        sources=list(entry.sources),
    )


def _messages(disposition: Disposition, facts: Facts, kb: KnowledgeBase, *, reassure: bool) -> list[Message]:
    shown = []
    for message in kb.messages:
        if disposition not in message.dispositions or (message.reassures and not reassure):
            continue
        if message.condition is not None and not message.condition.evaluate(facts):
            continue
        if not all(facts.answers.symptom(symptom_id) is False for symptom_id in message.requires_no):
            continue
        shown.append(Message(message.id, message.text, list(message.sources)))
    return shown


def _reassuring(answers: Answers, kb: KnowledgeBase) -> list[Reassuring]:
    """Pertinent negatives: red-flag symptoms answered "no", and a short, single-site twitch."""
    found = [
        Reassuring(symptom_id, False, f"no {kb.symptoms[symptom_id].label}")
        for symptom_id in kb.symptoms
        if symptom_id in kb.red_flag_questions and answers.symptom(symptom_id) is False
    ]
    if answers.duration_days is not None and answers.duration_days <= PERSISTING_DAYS:
        found.append(Reassuring("duration_days", answers.duration_days, "present for 2 weeks or less"))
    return found


def _medicines(answers: Answers, kb: KnowledgeBase) -> list[MedicineOut]:
    result = []
    for name in answers.medications or ():
        medicine = kb.find_medicine(name)
        if medicine is None:
            result.append(MedicineOut(name, recognised=False))
        else:
            cls = kb.medicine_classes[medicine.class_]
            result.append(MedicineOut(name, True, cls.id, cls.name))
    return result


def _text_values(
    facts: Facts, understood: Mapping[str, object], today: dt.date, services: Services
) -> dict[str, object]:
    answers = facts.answers
    values: dict[str, object] = {k: _plain(v) for k, v in understood.items()}
    values.update({k: _plain(v) for k, v in facts.targets.items()})
    classes = facts.medicine_classes or {}
    values["stimulant_medicines"] = _names(classes, ("stimulant",))
    values["linked_medicines"] = _names(classes, ("diuretic", "corticosteroid", "estrogen", "anticholinesterase"))
    values["cramp_medicines"] = _names(classes, ("beta2_agonist", "statin", "blood_pressure_arb"))
    values["caffeine_limit_note"] = caffeine_limit_note(answers)
    values["recheck_on"] = (today + dt.timedelta(days=int(facts.targets["recheck_days"]))).isoformat()
    values["emergency_number"] = services.emergency_number
    values["urgent_service"] = services.urgent_service
    return values


def _names(classes: Mapping[str, tuple[str, ...]], wanted: tuple[str, ...]) -> str:
    names = sorted({name for cls in wanted for name in classes.get(cls, ())})
    return " and ".join(names)


def _plain(value: object) -> object:
    """Whole floats print as integers: "500 mg", not "500.0 mg"."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _dedupe(evidence: list[EvidenceOut]) -> list[EvidenceOut]:
    seen: set[str] = set()
    unique = []
    for item in evidence:
        if item.question not in seen:
            seen.add(item.question)
            unique.append(item)
    return unique


def _cited(
    detail: DispositionDetail,
    *groups: list[RedFlagOut] | list[FactorOut] | list[PlanStep] | list[Message] | list[PossibleOut] | list[WarningOut],
) -> list[str]:
    cited = set(detail.sources)
    for group in groups:
        for item in group:
            cited.update(item.sources)
    return sorted(cited, key=_source_order)


def _source_order(source_id: str) -> tuple[int, int]:
    digits = "".join(ch for ch in source_id if ch.isdigit())
    return (1 if source_id.startswith("SEED") else 0, int(digits or 0))


def source_out(kb: KnowledgeBase, source_id: str) -> SourceOut:
    source = kb.sources[source_id]
    return SourceOut(source.title, source.publisher, source.url, source.tier, source.audience)
