"""``twitchwise serve``: the web app on this computer, with a request log that holds no health data."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import IO

from twitchwise.errors import InputError


def serve(host: str, port: int, db: str | None, environ: Mapping[str, str], stdout: IO[str]) -> int:
    import uvicorn

    from twitchwise.diary.store import StoreError
    from twitchwise.web.app import create_app
    from twitchwise.web.settings import web_settings

    settings = web_settings(environ, host=host, port=port, db=db)
    try:
        app = create_app(settings)
    except StoreError as error:
        raise InputError("--db", str(error)) from None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    shown = f"[{settings.host}]" if ":" in settings.host else settings.host
    stdout.write(f"twitchwise is running at http://{shown}:{settings.port}/ — press Ctrl-C to stop.\n")
    stdout.flush()
    # uvicorn's access log prints each request's full path and query; ours (RequestLog) does not.
    uvicorn.run(app, host=settings.host, port=settings.port, access_log=False, log_level="warning",
                server_header=False)  # fmt: skip
    return 0
