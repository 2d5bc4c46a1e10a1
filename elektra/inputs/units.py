"""The one pint unit registry of elektra, and conversion to canonical units."""

from __future__ import annotations

from functools import lru_cache

import pint

# Redefinitions below are deliberate (``kt`` is a knot in pint's own list), so quietly.
ureg = pint.UnitRegistry(on_redefinition="ignore")
# Money: pint knows no currency. One euro of the data's price year; no inflation here.
ureg.define("EUR = [currency] = euro")
ureg.define("eurocent = 0.01 EUR = EURct")
ureg.define("kEUR = 1e3 EUR")
ureg.define("MEUR = 1e6 EUR")
ureg.define("bnEUR = 1e9 EUR")
# Mass as energy modellers write it. pint reads ``kt`` as a knot and builds ``Mt`` from a
# prefix; defining each tonne multiple makes ``150000 EUR/kt`` mean what it says.
ureg.define("tonne = 1e3 kg = t")
ureg.define("kilotonne = 1e3 t = kt")
ureg.define("megatonne = 1e6 t = Mt")
ureg.define("gigatonne = 1e9 t = Gt")
ureg.define("yr = year")
# What a unit counts, as the IAMC and MCA units name it (Mt CO2/yr, kg CO2e/kg H2, g NOx/kg
# H2): markers for pint, without dimension, so that every written unit parses. They never
# change a magnitude: t CO2 converts to t.
for _marker in ("CO2", "CO2e", "H2", "NOx", "NH3"):
    ureg.define(f"{_marker} = []")
ureg.define("TRL = []")  # technology readiness level, 1 to 9
ureg.define("m2 = m ** 2")


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


def split_quantity(text: str) -> tuple[float, str]:
    """Split ``'150 EUR/t'`` into its magnitude and its unit (checked, as pint reads it)."""
    try:
        quantity = ureg.Quantity(text.strip())
    except Exception as error:  # pint raises several unrelated types here
        raise UnitError(f"cannot read {text!r} as a number with a unit: {error}") from None
    if not isinstance(quantity, pint.Quantity):  # a plain number
        return float(quantity), ""
    return float(quantity.magnitude), f"{quantity.units:~}"
