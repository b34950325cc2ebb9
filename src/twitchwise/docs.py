"""Generate docs/triage.md, "How triage decides", from the knowledge base.

Run ``make docs`` (``python -m twitchwise.docs > docs/triage.md``); a test fails when the
committed page differs from what the knowledge base generates.
"""

from __future__ import annotations

import sys

from twitchwise.kb import KnowledgeBase, load_knowledge_base
from twitchwise.vocabulary import Disposition

HEADER = """# How triage decides

*Generated from the knowledge base (`src/twitchwise/kb/data`) by `make docs`. Do not edit by hand.*

twitchwise gives information and triage, never a diagnosis. A check evaluates every red flag
below against the person's answers. The result is the **most urgent disposition among the red
flags that fire**, and `self_care` when none does.

- Each condition answers *yes*, *no* or *unknown*. A red flag fires only on *yes*. When an answer
  it needs is missing it is *unknown*: the guided check asks the question, and a one-shot check
  lists it under `unanswered` — a missing answer is never taken as "no".
- Conditions have no "not": adding a symptom, a site or more time can only make more red flags
  fire, so urgency never goes down as answers get worse (tested with hypothesis).
- A red flag or factor must cite at least one tier-A or tier-B source; tier-C material only
  corroborates, and nothing marked unverified becomes a rule. The loader refuses any file that
  breaks these rules.
- Names in *italics* are the person's own targets (for example *caffeine_limit_mg* is 400 mg, or
  200 mg in pregnancy).
"""


def render(kb: KnowledgeBase) -> str:
    lines = [HEADER]
    for disposition in sorted(Disposition, reverse=True):
        entry = kb.dispositions[disposition]
        lines.append(f"## `{disposition.value}` — {entry.label} ({entry.time_frame})\n")
        lines.append(f"{_plain(entry.do_now)}\n")
        flags = [flag for flag in kb.red_flags if flag.disposition is disposition]
        if not flags:
            lines.append("When no red flag fires.\n")
            continue
        lines.append("| red flag | fires when | why (shown to the person) | sources |")
        lines.append("|---|---|---|---|")
        for flag in flags:
            lines.append(f"| `{flag.id}` | {flag.condition.describe()} | {flag.why} | {', '.join(flag.sources)} |")
        lines.append("")
    lines.append("## Contributing factors\n")
    lines.append("The first line of a factor that holds sets its strength; *likely* factors come first in the plan.\n")
    lines.append("| factor | when | strength | sources |")
    lines.append("|---|---|---|---|")
    for factor in kb.factors:
        for implicator in factor.implicators:
            cited = ", ".join(factor.sources)
            lines.append(f"| {factor.name} | {implicator.condition.describe()} | {implicator.strength} | {cited} |")
    lines.append("")
    lines.append("## Red flags that only time reveals (the diary)\n")
    lines.append(
        "When a diary is kept, a check adds what it shows to the answers — never taking anything away — and the "
        "red flags above judge the result (`twitchwise/diary/evidence.py`):\n"
    )
    lines.append("| diary rule | sets | when |")
    lines.append("|---|---|---|")
    for rule, sets, when in _diary_rules():
        lines.append(f"| {rule} | `{sets}` | {when} |")
    lines.append("")
    lines.append("## Servings\n")
    lines.append("How everyday amounts are counted when the diary reads `3 cups` or `6 glasses`.\n")
    lines.append("| serving | words | counts as | basis | sources |")
    lines.append("|---|---|---|---|---|")
    for serving in kb.servings.values():
        words = ", ".join(serving.words)
        amount = f"{serving.amount:g} {serving.unit} {'caffeine' if serving.quantity == 'caffeine' else 'of fluid'}"
        lines.append(f"| {serving.id} | {words} | {amount} | {serving.basis} | {', '.join(serving.sources)} |")
    lines.append("")
    lines.append("## Sources\n")
    lines.append("| id | tier | publisher | title |")
    lines.append("|---|---|---|---|")
    for source in kb.sources.values():
        lines.append(f"| {source.id} | {source.tier} | {source.publisher} | {source.title} |")
    return "\n".join(lines) + "\n"


def _diary_rules() -> list[tuple[str, str, str]]:
    from twitchwise.diary import evidence as e

    return [
        ("persisting", "duration_days", f"the current run (twitch days less than {e.RUN_BREAK_DAYS} days apart, the "
         f"last within {e.RUN_BREAK_DAYS} days) spans its first to last twitch day"),
        ("more than one place", "sites", "the places of the current run"),
        ("spread", "symptoms.spreading", f"a new place appears {e.SPREAD_AFTER_DAYS} or more days into the run"),
        ("reported", "symptoms.<id>", f"a symptom logged present in the last {e.SYMPTOM_WINDOW_DAYS} days (absent, "
         "and never present, answers it no)"),
        ("worsening", "symptoms.getting_worse", f"episodes per recorded day over the last {e.TREND_DAYS} days at "
         f"least {e.TREND_RATIO:g}x the {e.TREND_DAYS} before, at least {e.TREND_MIN_DAYS} recorded days in each, "
         f"one-sided exact p < {e.TREND_ALPHA:g}"),
    ]  # fmt: skip


def _plain(text: str) -> str:
    return text.replace("{emergency_number}", "the emergency number (999 / 112 / 911)").replace(
        "{urgent_service}", "NHS 111 or equivalent"
    )


if __name__ == "__main__":
    sys.stdout.write(render(load_knowledge_base()))
