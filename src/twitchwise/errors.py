"""User-facing input errors: one line naming the field, never the value.

Health data must not reach logs or error messages, so a message says *which* field is
wrong and *why*, and never echoes what the person typed.
"""

from __future__ import annotations

import re


class InputError(ValueError):
    """Bad input from a person or a calling program (exit code 2, HTTP 4xx)."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}" if field else problem)


_PATH = re.compile(r"^(?P<problem>.*?)(?: - at `(?P<path>[^`]*)`)?$", re.DOTALL)
_UNKNOWN_FIELD = re.compile(r"Object contains unknown field `(?P<name>[^`]*)`")
_MISSING_FIELD = re.compile(r"Object missing required field `(?P<name>[^`]*)`")
_TYPE_WORDS = {
    "int": "a whole number",
    "float": "a number",
    "str": "text",
    "bool": "true or false",
    "array": "a list",
    "object": "an object",
    "null": "null",
}


def from_validation_message(message: str, root: str = "", whole: str = "answers") -> InputError:
    """Turn a msgspec validation message into an ``InputError`` with a plain field path.

    ``whole`` names the document when the problem is with all of it (not one field).
    """
    match = _PATH.match(message.strip())
    problem = match.group("problem") if match else message
    path = _clean_path(match.group("path") if match else None)
    if unknown := _UNKNOWN_FIELD.search(problem):
        return InputError(_join(root, path, unknown.group("name")), "unknown field")
    if missing := _MISSING_FIELD.search(problem):
        return InputError(_join(root, path, missing.group("name")), "required field is missing")
    return InputError(_join(root, path) or whole, _plain(problem))


def _clean_path(path: str | None) -> str:
    if not path or path == "$":
        return ""
    return path.removeprefix("$").removeprefix(".")


def _join(*parts: str) -> str:
    text = ".".join(p for p in parts if p)
    return text.replace(".[", "[")


def _plain(problem: str) -> str:
    problem = problem.replace("Invalid enum value", "not one of the allowed values")
    problem = re.sub(r"Expected `str` matching regex.*", "contains characters that are not allowed here", problem)
    problem = re.sub(r"Expected `([^`]*)`, got `([^`]*)`", _type_words, problem)
    problem = re.sub(r"Expected (.*?) ([<>]=?) (\S+)", _bound_words, problem)
    # Drop any quoted value msgspec echoed back: never repeat what the person typed.
    problem = re.sub(r"\s*'[^']*'", "", problem)
    return problem.replace("`", "").strip()


def _type_words(match: re.Match[str]) -> str:
    expected = [t for t in match.group(1).split(" | ") if t != "null"]
    wanted = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
    return f"expected {wanted}, got {_TYPE_WORDS.get(match.group(2), match.group(2))}"


def _bound_words(match: re.Match[str]) -> str:
    words = {">=": "at least", "<=": "at most", ">": "more than", "<": "less than"}
    return f"must be {words[match.group(2)]} {match.group(3)}"
