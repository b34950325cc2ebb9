"""schemathesis against /openapi.json: generated requests never cause a 5xx, and every response
matches the status codes, content types and schemas the API documents, within 5 seconds."""

from __future__ import annotations

import atexit
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.web.conftest import make_app

CHECKS = [
    not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
    response_headers_conformance,
]  # fmt: skip


def _app() -> Any:
    """One app on a fresh diary for this module (schemathesis loads the schema at collection;
    its fixture-based loader does not run on this pytest)."""
    folder = Path(tempfile.mkdtemp(prefix="twitchwise-fuzz-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return make_app(folder, TWITCHWISE_ALLOWED_HOSTS="testserver")  # the in-process client's host name


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_documented_promises(case: Any) -> None:
    started = time.monotonic()
    case.call_and_validate(checks=CHECKS)
    assert time.monotonic() - started < 20, "no request may hang the app"  # a hang, not a speed figure
