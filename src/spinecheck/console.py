"""Rich consoles for the command-line adapters. On a terminal rich uses the terminal's width;
into a file or a pipe it would wrap every table at 80 columns, so there a wider page is used
(``COLUMNS`` still overrides both)."""

from __future__ import annotations

import os
import sys

from rich.console import Console

PIPE_WIDTH = 140


def make_console(*, stderr: bool = False, soft_wrap: bool = False) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    width = None if "COLUMNS" in os.environ or stream.isatty() else PIPE_WIDTH
    return Console(stderr=stderr, highlight=False, soft_wrap=soft_wrap, width=width)
