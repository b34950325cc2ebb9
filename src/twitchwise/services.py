"""Emergency and urgent services for the person's country, from the locale."""

from __future__ import annotations

import re
from collections.abc import Mapping

from twitchwise.errors import InputError
from twitchwise.kb.models import KnowledgeBase
from twitchwise.triage.engine import Services

_LOCALE = re.compile(r"^[a-zA-Z]{2,3}[_-](?P<country>[a-zA-Z]{2})\b")


def country_from_locale(environ: Mapping[str, str], override: str | None = None) -> str | None:
    """ISO country code from --locale, or LC_ALL / LC_MESSAGES / LANG (en_GB.UTF-8 -> GB)."""
    candidates = [override] if override else [environ.get(k, "") for k in ("LC_ALL", "LC_MESSAGES", "LANG")]
    for value in candidates:
        if value and (match := _LOCALE.match(value)):
            return match.group("country").upper()
    return None


def services_for(
    kb: KnowledgeBase, environ: Mapping[str, str], *, locale: str | None = None, emergency_number: str | None = None
) -> Services:
    country = country_from_locale(environ, locale)
    entry = kb.locales.countries.get(country or "", kb.locales.default)
    number = emergency_number or environ.get("TWITCHWISE_EMERGENCY_NUMBER") or entry.emergency_number
    if not re.fullmatch(r"[0-9]{2,4}", number):
        raise InputError("emergency number", "must be 2 to 4 digits")
    return Services(emergency_number=number, urgent_service=entry.urgent_service)
