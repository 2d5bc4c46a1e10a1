"""The one progress display of every long command: sweep, mca, questions.

A study reports its steps to a :class:`Progress` (``start`` a stage with its number of
steps, ``advance`` as each finishes); the study knows nothing about terminals. On a
terminal, :func:`progress_display` draws a rich progress bar on stderr with the stage, the
steps done, the rate, the time spent and the time left; anywhere else (a pipe, a log file,
CI) it shows nothing, so that logs hold only the results. Rich follows ``NO_COLOR`` and
``TERM=dumb`` itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class Progress:
    """The steps of a command, drawn on ``bar`` (a rich Progress) or not at all."""

    def __init__(self, bar: Any = None) -> None:
        self.bar = bar
        self.task: Any = None
        #: the stage and the steps reported so far (what a test or a log may read)
        self.stage = ""
        self.done = 0
        self.total = 0

    def start(self, stage: str, total: int, unit: str = "steps") -> None:
        """Begin a stage of ``total`` steps (the previous stage ends)."""
        self.stage, self.done, self.total = stage, 0, total
        if self.bar is None:
            return
        if self.task is not None:
            self.bar.update(self.task, visible=False)
        self.task = self.bar.add_task(stage, total=total, unit=unit)

    def advance(self, steps: int = 1) -> None:
        """``steps`` more steps of the current stage are done."""
        self.done += steps
        if self.bar is not None and self.task is not None:
            self.bar.advance(self.task, steps)


#: A Progress that shows nothing (the default of every study).
SILENT = Progress()


@contextmanager
def progress_display() -> Iterator[Progress]:
    """A Progress drawn on stderr while the block runs, if stderr is a terminal."""
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        yield Progress()
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as Bar

    class Rate(TextColumn):
        def render(self, task):
            speed = task.finished_speed or task.speed
            unit = task.fields.get("unit", "steps")
            return f"{speed:.1f} {unit}/s" if speed else f"- {unit}/s"

    with Bar(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(""),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        yield Progress(bar)
