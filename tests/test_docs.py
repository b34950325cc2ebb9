"""Docs that are tested: the triage page is current, and every command and option is documented."""

from __future__ import annotations

import argparse
from pathlib import Path

from twitchwise.cli.main import build_parser
from twitchwise.docs import render
from twitchwise.kb import KnowledgeBase

ROOT = Path(__file__).parent.parent


def test_triage_page_is_current(kb: KnowledgeBase) -> None:
    committed = (ROOT / "docs" / "triage.md").read_text(encoding="utf-8")
    assert committed == render(kb), "docs/triage.md is stale: run `make docs`"


def test_triage_page_names_every_red_flag(kb: KnowledgeBase) -> None:
    page = render(kb)
    assert all(f"`{flag.id}`" in page for flag in kb.red_flags)


def test_every_command_and_option_has_help_and_a_readme_entry() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in subparsers.choices.items():
        assert f"twitchwise {name}" in readme, name
        for action in command._actions:
            if action.option_strings and action.dest != "help":
                assert action.help, (name, action.dest)
                assert action.option_strings[-1] in readme, (name, action.option_strings)


def test_every_api_route_is_in_the_readme() -> None:
    from twitchwise.web.api import router

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for route in router.routes:
        for method in getattr(route, "methods", ()):
            assert f"`{method} {route.path}`" in readme, (method, route.path)  # type: ignore[attr-defined]
