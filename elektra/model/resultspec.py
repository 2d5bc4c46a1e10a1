"""Result variables declared once: name, dimensions, units and meaning.

The core results (:mod:`elektra.model.results`) and every policy module declare the variables
they add to the results Dataset as :class:`ResultSpec` entries; ``docs/results.md`` is
generated from them, and :func:`to_array` makes each variable with its ``units`` and
``description`` attributes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import xarray as xr


class Symbol(NamedTuple):
    """What a symbol of the math docs is in the code and what it means."""

    #: a parameter of the registry, ``Scenario.<key>``/``Policies.<switch>``, a variable of
    #: the LP, or a dotted path under ``elektra``
    code: str
    meaning: str
    #: the unit, for symbols that are not registry parameters (those carry theirs)
    unit: str = ""


@dataclass(frozen=True)
class CostComponent:
    """A component of the cost to industry: a real use of resources, or a transfer (taxes,
    allowances, subsidies) that the social cost leaves out. ``iamc`` is its name under
    ``Cost|Industry|`` in the IAMC file."""

    name: str
    transfer: bool
    description: str
    iamc: str


@dataclass(frozen=True)
class ResultSpec:
    """One variable of the results Dataset."""

    name: str
    dims: tuple[str, ...]
    units: str
    description: str


def to_array(
    spec: ResultSpec,
    values: Mapping[tuple, float],
    labels: Mapping[str, Sequence],
    fill: float = 0.0,
) -> xr.DataArray:
    """A labelled array over ``spec.dims`` from a mapping of index keys to values.

    ``labels[dim]`` gives the coordinate of each dimension; keys are tuples in the order
    of ``spec.dims``. Cells without a value get ``fill``.
    """
    coords = {dim: list(labels[dim]) for dim in spec.dims}
    shape = [len(coords[d]) for d in spec.dims]
    positions = [{label: i for i, label in enumerate(coords[d])} for d in spec.dims]
    data = np.full(shape, fill, dtype=float)
    for key, value in values.items():
        key = key if isinstance(key, tuple) else (key,)
        data[tuple(p[k] for p, k in zip(positions, key))] = value
    return xr.DataArray(
        data,
        dims=list(spec.dims),
        coords=coords,
        name=spec.name,
        attrs={"units": spec.units, "description": spec.description},
    )
