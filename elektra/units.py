"""The one pint unit registry of elektra, and conversion to canonical units."""

from __future__ import annotations

from functools import lru_cache

import pint

ureg = pint.UnitRegistry()
ureg.define("EUR = [currency] = euro")
ureg.define("kEUR = 1e3 EUR")
ureg.define("MEUR = 1e6 EUR")
ureg.define("bnEUR = 1e9 EUR")
ureg.define("yr = year")


class UnitError(ValueError):
    """A unit that pint does not know or that does not convert to the expected one."""


@lru_cache(maxsize=4096)
def conversion_factor(from_unit: str, to_unit: str) -> float:
    """Return the factor that converts a value in ``from_unit`` to ``to_unit``.

    Empty strings and ``1`` mean dimensionless; ``%`` is a percent.
    """
    source = _parse(from_unit)
    target = _parse(to_unit)
    try:
        return float(source.to(target).magnitude)
    except pint.DimensionalityError as error:
        raise UnitError(
            f"unit {from_unit!r} does not convert to {to_unit or 'a dimensionless share'!r} "
            f"({error.dim1} vs {error.dim2})"
        ) from None


def _parse(unit: str) -> pint.Quantity:
    text = (unit or "").strip()
    # A calendar year (first year a route is available) is a label, not a quantity.
    if text in ("", "1", "-", "share", "fraction", "calendar year"):
        return ureg.Quantity(1.0, "")
    try:
        return ureg.Quantity(1.0, text)
    except Exception as error:  # pint raises several unrelated types for bad text
        raise UnitError(f"unknown unit {unit!r}: {error}") from None


def parse_quantity(text: str, to_unit: str) -> float:
    """Parse ``'150 EUR/t'`` and return its magnitude in ``to_unit``."""
    try:
        quantity = ureg.Quantity(text)
    except Exception as error:  # pint raises several unrelated types here
        raise UnitError(f"cannot read {text!r} as a quantity: {error}") from None
    try:
        return float(quantity.to(_parse(to_unit)).magnitude)
    except pint.DimensionalityError:
        raise UnitError(f"{text!r} does not convert to {to_unit!r}") from None
