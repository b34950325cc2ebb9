"""The ``twitchwise`` console script: the command line, started and stopped quickly.

A one-shot ``twitchwise check --answers x.json --json`` spends more of its time importing
modules and shutting the interpreter down than assessing.  Three standard-library switches take
about a quarter off its wall time (``bench/check_speed.py``, figures in ``bench/README.md``):

- While ``check`` runs, the cyclic garbage collector is paused.  Importing creates many objects
  and no cyclic garbage worth finding, and one check's work is small and bounded.
- When ``check`` has finished — its answer written, a diary it saved to committed and closed —
  the process flushes its output and leaves with ``os._exit``, skipping the interpreter's
  teardown of every module.  Nothing of the check registers exit handlers, so nothing is lost.
- Every other command (the server, insights, reports, the diary) runs and exits as usual, with
  the collector on; when it has finished, the objects still alive are moved out of the
  collector's reach (``gc.freeze``), so shutdown does not trace them all once more.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys


def run() -> None:
    """Console-script entry point."""
    one_shot = sys.argv[1:2] == ["check"]
    if one_shot:
        gc.disable()
    from twitchwise.cli.main import main

    code = main(sys.argv[1:], os.environ, sys.stdin, sys.stdout, sys.stderr)
    if one_shot:
        _leave(code)
    gc.freeze()
    sys.exit(code)


def _leave(code: int) -> None:
    """Flush what was written and end the process without tearing the interpreter down."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe or stream: nothing more to write
            stream.flush()
    os._exit(code)
