"""The ``twitchwise`` console script: the command line, started and stopped quickly.

A one-shot ``twitchwise check --answers x.json --json`` spends more of its time importing
modules and shutting the interpreter down than assessing.  Two standard-library switches take
about a sixth off its wall time (``bench/check_speed.py``, figures in ``bench/README.md``):

- While ``check`` runs, the cyclic garbage collector is paused.  Importing creates many objects
  and no cyclic garbage worth finding, and one check's work is small and bounded.  Every other
  command (the server, insights, reports) runs with the collector as usual.
- When any command has finished, the objects still alive are moved out of the collector's reach
  (``gc.freeze``), so interpreter shutdown does not trace them all once more.  They are still
  released as usual; only that last full collection skips them.
"""

from __future__ import annotations

import gc
import os
import sys


def run() -> None:
    """Console-script entry point."""
    one_shot = sys.argv[1:2] == ["check"]
    if one_shot:
        gc.disable()
    from twitchwise.cli.main import main

    try:
        code = main(sys.argv[1:], os.environ, sys.stdin, sys.stdout, sys.stderr)
    finally:
        gc.freeze()
        if one_shot:
            gc.enable()
    sys.exit(code)
