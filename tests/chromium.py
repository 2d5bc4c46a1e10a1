"""Pages elektra writes, rendered in headless Chromium (Debian's ``chromium``).

:func:`render` takes a screenshot of a page and measures its layout: a copy of the page
gets a small script that writes the width of the page, of its text column and of every
table into the DOM, which ``--dump-dom`` prints. The page itself has no script.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

#: Flags Chromium needs here headless, as root, on a closed network
#: (/work/.library/env/machines/python.md).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

MEASURE = """<script>
(function () {
  var body = document.body.getBoundingClientRect();
  var out = {page: document.documentElement.clientWidth,
             scroll: document.documentElement.scrollWidth,
             column: Math.round(body.right), tables: []};
  document.querySelectorAll('table').forEach(function (t) {
    var r = t.getBoundingClientRect();
    var th = t.querySelector('th');
    out.tables.push({right: Math.round(r.right), width: Math.round(r.width),
                     head: th ? th.textContent : ''});
  });
  var pre = document.createElement('pre');
  pre.id = 'elektra-layout';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class Rendered:
    screenshot: Path
    #: the viewport's width, the page's scroll width and the right edge of its text column
    page: int
    scroll: int
    column: int
    #: every table: right edge, width and first header cell
    tables: list[dict]
    console: list[str]

    def too_wide(self) -> list[dict]:
        """Tables whose right edge passes the text column (or the page)."""
        edge = min(self.page, self.column)
        return [t for t in self.tables if t["right"] > edge + 1]


def _run(arguments: list[str], tmp: Path) -> subprocess.CompletedProcess:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    return subprocess.run(
        [chromium(), *FLAGS, f"--user-data-dir={profile}", *arguments],
        capture_output=True,
        text=True,
        timeout=180,
    )


def render(page: Path, tmp: Path, width: int = 1280, height: int = 1400) -> Rendered:
    """Screenshot ``page`` at ``width`` x ``height`` and measure its tables."""
    tmp.mkdir(parents=True, exist_ok=True)
    shot = tmp / f"{page.stem}-{width}.png"
    size = f"--window-size={width},{height}"
    shown = _run(
        ["--enable-logging=stderr", "--v=0", size, f"--screenshot={shot}", page.as_uri()], tmp
    )
    assert shot.is_file(), shown.stderr[-2000:]
    copy = tmp / f"{page.stem}-measured.html"
    text = page.read_text(encoding="utf-8")
    copy.write_text(text.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    dumped = _run([size, "--dump-dom", copy.as_uri()], tmp)
    found = re.search(r'<pre id="elektra-layout">(.*?)</pre>', dumped.stdout, re.S)
    assert found, dumped.stderr[-2000:]
    layout = json.loads(html.unescape(found.group(1)))
    console = [line for line in shown.stderr.splitlines() if "CONSOLE" in line]
    return Rendered(
        shot, layout["page"], layout["scroll"], layout["column"], layout["tables"], console
    )
