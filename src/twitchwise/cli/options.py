"""Command-line pieces shared by the check and the diary commands, kept free of heavy imports:
`twitchwise check --answers` builds its parser from here without loading the diary modules."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TypeVar

Parser = TypeVar("Parser", bound=argparse.ArgumentParser)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, sized like ``shutil.get_terminal_size`` without importing shutil.

    argparse builds a formatter for every ``add_argument`` (to check the metavar), and its
    default width comes from shutil, whose import (with zlib, bz2 and lzma) was a tenth of
    the start-up of a one-shot check.
    """

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24) -> None:
        super().__init__(prog, indent_increment, max_help_position, width=_columns() - 2)


def _columns() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def store_options(parser_class: type[Parser]) -> Parser:
    """``--db`` and ``--profile``, shared by every command that touches the diary."""
    parent = parser_class(add_help=False, formatter_class=HelpFormatter)
    parent.add_argument(
        "--db", metavar="URL_OR_PATH",
        help="the diary database: a path to an SQLite file or a postgresql:// URL "
        "(default: TWITCHWISE_DATABASE_URL, else diary.sqlite3 in your data folder)",
    )  # fmt: skip
    parent.add_argument("--profile", metavar="NAME", default="me", help="whose diary (default: me)")
    return parent
