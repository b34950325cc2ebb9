"""``twitchwise kb``: list the knowledge base, or show one entry, so anyone can audit it."""

from __future__ import annotations

from typing import IO, Any

import msgspec

from twitchwise.errors import InputError
from twitchwise.kb import KnowledgeBase, load_knowledge_base


def kb_section(kb: KnowledgeBase, section: str) -> dict[str, dict[str, Any]]:
    """Every entry of one section as plain data, keyed by id."""
    if section == "sources":
        return {k: _plain(v) for k, v in kb.sources.items()}
    if section == "red-flags":
        return {
            f.id: {"disposition": f.disposition.value, "title": f.title, "when": f.condition.describe(),
                   "why": f.why, "sources": list(f.sources)}
            for f in kb.red_flags
        }  # fmt: skip
    if section == "factors":
        return {
            f.id: {"name": f.name, "sources": list(f.sources), "actions": list(f.actions),
                   "implicated_by": [{"when": i.condition.describe(), "strength": i.strength, "why": i.why}
                                     for i in f.implicators]}
            for f in kb.factors
        }  # fmt: skip
    if section == "actions":
        return {k: _plain(v) for k, v in kb.actions.items()}
    if section == "medicines":
        return {
            m.name: {"brands": m.brands, "class": m.class_, "class_name": kb.medicine_classes[m.class_].name,
                     "link": kb.medicine_classes[m.class_].link, "note": kb.medicine_classes[m.class_].note,
                     "verified": kb.verified_class(m.class_), "sources": m.sources}
            for m in kb.medicines
        }  # fmt: skip
    if section == "symptoms":
        return {k: _plain(v) for k, v in kb.symptoms.items()}
    return {k: _plain(v) for k, v in kb.limits.items()}


def show_kb(section: str, entry: str | None, *, as_json: bool, stdout: IO[str]) -> int:
    kb = load_knowledge_base()
    entries = kb_section(kb, section)
    if entry is not None:
        key = _find(kb, section, entries, entry)
        entries = {key: entries[key]}
    if as_json:
        stdout.write(msgspec.json.encode(entries).decode() + "\n")
        return 0
    from rich.console import Console

    console = Console(file=stdout, highlight=False, width=None if stdout.isatty() else 100)
    for key, value in entries.items():
        if entry is None:
            console.print(f"[bold]{key}[/bold]  {_summary(value)}")
            continue
        console.print(f"[bold]{key}[/bold]")
        for field, shown in value.items():
            console.print(f"  [bold]{field}[/bold]: {shown}", markup=True)
    return 0


def _find(kb: KnowledgeBase, section: str, entries: dict[str, dict[str, Any]], wanted: str) -> str:
    if wanted in entries:
        return wanted
    if section == "medicines" and (medicine := kb.find_medicine(wanted)) is not None:
        return medicine.name
    raise InputError("entry", f"no entry with that id in {section}; run `twitchwise kb {section}` to list them")


def _summary(value: dict[str, Any]) -> str:
    for field in ("title", "name", "label", "text", "class_name", "value"):
        if field in value:
            text = str(value[field])
            return text if len(text) <= 90 else text[:87] + "..."
    return ""


def _plain(value: object) -> dict[str, Any]:
    data = msgspec.to_builtins(value)
    assert isinstance(data, dict)
    return data
