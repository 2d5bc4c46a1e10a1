"""The questions' report: one self-contained page a minister's staff can read.

Key messages first (one line per question with its number), then a section per question
(the question, the scenarios and exactly which inputs differ, the answer with its range,
one figure, the mechanism, the caveats), then a provenance appendix (every data source the
answers depend on, the scenario and data hashes). Same style as a run's report.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Mapping, Sequence
from pathlib import Path

from elektra.outputs.report import STYLE

EXTRA_STYLE = """
table.key-messages td:first-child { white-space: nowrap; color: #555; }
table.key-messages { width: 100%; background: #f7fbff; }
table.key-messages td.answer { font-weight: bold; }
section.question { margin-top: 2.5rem; }
p.question-text { font-size: 1.08rem; font-style: italic; }
ul.inputs li, ul.mechanism li { font-size: 0.9rem; }
"""


def _e(value: object) -> str:
    return html.escape(str(value))


def _image(path: Path) -> str:
    data = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    return f"data:image/png;base64,{data}"


def _key_messages(answered) -> str:
    rows = "".join(
        f'<tr><td><a href="#q{item.spec.id}">Q{item.spec.id}</a> {_e(item.spec.title)}</td>'
        f'<td class="answer">{_e(item.message())}</td>'
        f"<td>{_e(_range(item.answers[0]))}</td></tr>"
        for item in answered
    )
    return (
        '<table class="key-messages" id="key-messages"><thead><tr><th>question</th>'
        "<th>key message (central values)</th><th>range of the first number over the "
        f"Monte Carlo (5th-95th percentile)</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _range(answer) -> str:
    if not answer.samples:
        return "(no Monte Carlo for this number)"
    text = answer.text()
    return text[len(answer.central()) :].strip(" ()")


def _section(item, figure: Path) -> str:
    spec = item.spec
    scenarios = [f"reference: <code>{_e(spec.reference)}</code>"] + [
        f"{_e(label)}: <code>{_e(name)}</code>" for label, name in spec.variants.items()
    ]
    inputs = "".join(f"<li>{_e(line)}</li>" for line in item.inputs) or "<li>none</li>"
    answers = "".join(
        f'<tr><td>{_e(a.label)}</td><td class="number">{_e(a.text())}</td></tr>'
        for a in item.answers
    )
    varied = ""
    if spec.uncertainty is not None:
        varied = "<p>Monte Carlo (Latin hypercube, seed {seed}) over: {items}.</p>".format(
            seed=spec.uncertainty.seed,
            items="; ".join(
                f"{_e(v.parameter)} x {v.low:g}-{v.high:g} ({_e(v.reason)})"
                for v in spec.uncertainty.vary
            ),
        )
    moved = "".join(f"<li>{_e(line)}</li>" for line in item.mechanism) or "<li>no dual moved</li>"
    caveats = "".join(f"<li>{_e(c)}</li>" for c in spec.caveats)
    caption = (
        f"Q{spec.id}: {_e(spec.title)}. Scenarios: {_e(', '.join(item.runs))}. "
        f"{_e(item.figure_caption)}"
    )
    return f"""
<section class="question" id="q{spec.id}">
<h2>Q{spec.id}. {_e(spec.title)}</h2>
<p class="question-text">{_e(spec.question)}</p>
<h3>Answer</h3>
<table>{answers}</table>
{varied}
<h3>Scenarios compared</h3>
<p>{"; ".join(scenarios)}</p>
<p>Inputs that differ from the reference:</p>
<ul class="inputs">{inputs}</ul>
<figure><img src="{_image(figure)}" alt="{caption}"><figcaption>{caption}</figcaption></figure>
<h3>Mechanism</h3>
<p>{_e(spec.mechanism)}</p>
<p>Constraints that bind and duals that moved most (from the runs):</p>
<ul class="mechanism">{moved}</ul>
<h3>Caveats</h3>
<ul>{caveats}</ul>
</section>"""


def _provenance(answered, sources: Mapping[str, list[str]]) -> str:
    runs = {}
    for item in answered:
        for label, ds in item.runs.items():
            runs[ds.attrs.get("scenario_name", label)] = ds
    rows = "".join(
        f"<tr><td>{_e(name)}</td><td><code>{_e(ds.attrs.get('scenario_hash', '')[:16])}</code>"
        f"</td><td><code>{_e(ds.attrs.get('dataset_hash', '')[:16])}</code></td></tr>"
        for name, ds in sorted(runs.items())
    )
    listed = "".join(
        f"<li><b>{_e(parameter)}</b>: {'; '.join(_e(s) for s in found)}</li>"
        for parameter, found in sorted(sources.items())
    )
    return f"""
<footer><h2>Provenance</h2>
<p>Scenario and data hashes (sha256, first 16 characters) of every run behind the answers:</p>
<table><thead><tr><th>scenario</th><th>scenario hash</th><th>data hash</th></tr></thead>
<tbody>{rows}</tbody></table>
<p>The data sources of every input the answers depend on (the inputs that differ between
the scenarios compared and those varied in the Monte Carlo):</p>
<ul>{listed}</ul>
</footer>"""


def page(answered: Sequence, figures: Mapping[int, Path], sources: Mapping[str, list[str]]) -> str:
    """The report page of the answered questions."""
    sections = "".join(_section(item, figures[item.spec.id]) for item in answered)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>elektra: the questions of the policy letter</title>
<style>{STYLE}{EXTRA_STYLE}</style></head>
<body>
<h1>The letter's questions, answered with elektra</h1>
<p class="description">Each answer compares scenarios of elektra, a linear optimisation model
of the Dutch energy-intensive industry (least cost to industry under the scenario's prices
and policies). The numbers are what the assumptions imply, not forecasts; the range is the
5th to 95th percentile over a Monte Carlo of the inputs that drive each answer.</p>
<h2>Key messages</h2>
{_key_messages(answered)}
{sections}
{_provenance(answered, sources)}
</body></html>
"""
