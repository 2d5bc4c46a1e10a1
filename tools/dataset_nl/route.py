"""A route of the dataset and the capture arithmetic the routes share."""

from __future__ import annotations

from .common import EF
from .labels import SERVICES

GAS_BOILER = 0.0341 / 0.0315  # PJ gas per PJ steam (MIDDEN TC0446) = 1.0825
FURNACE_ETA = 0.80  # estimate: useful heat per fuel of a fired furnace


class Route:
    def __init__(
        self,
        label,
        sector,
        service,
        rclass,
        name,
        source,
        inputs,
        *,
        capex=None,
        fixed_om=None,
        variable_cost=None,
        lifetime=25,
        first_year=2025,
        availability=0.9,
        flh=8000,
        capture=0.0,
        process=0.0,
        embedded=None,
        potential=None,
        inputs_src=None,
        inputs_est=True,
        inputs_method="",
        note="",
    ):
        self.note = note
        self.label, self.sector, self.service, self.rclass, self.name = (
            label,
            sector,
            service,
            rclass,
            name,
        )
        self.source = source
        self.inputs = inputs  # carrier -> (value per output unit in GJ/t or PJ/PJ)
        self.capex = capex  # (value, unit, source, est, method, low, high)
        self.fixed_om = fixed_om
        self.variable_cost = variable_cost
        self.lifetime = lifetime  # (value, source, est) or int
        self.first_year = first_year
        self.availability = availability
        self.flh = flh
        self.capture = capture
        self.process = process
        self.embedded = embedded
        self.potential = potential or {}  # cluster or "" -> value
        self.inputs_src = inputs_src or source
        self.inputs_est = inputs_est
        self.inputs_method = inputs_method

    @property
    def unit(self):
        return SERVICES[(self.sector, self.service)][0]

    def gross_emissions(self):
        """Mt CO2 per output unit (Mt/Mt or Mt/PJ) before capture."""
        return sum(v * EF[c] / 1000.0 for c, v in self.inputs.items()) + self.process

    def net_emissions(self):
        return self.gross_emissions() * (1 - self.capture)


# capture (MIDDEN TC0478, post-combustion, gaseous transport)
CCS_CAPEX = 257.0  # EUR per t CO2/yr capacity
CCS_CAPEX_YEAR = 2021  # the price year of MIDDEN's capture capex
CCS_EL = 175 * 3.6 / 1000  # GJ electricity per t CO2 captured (0.63)
CCS_HEAT = 1028 * 3.6 / 1000  # GJ heat per t CO2 captured (3.70)
CCS_RATE = 0.9


def with_post_combustion(inputs, process=0.0):
    """Inputs of a route with post-combustion capture: capture heat from a gas boiler."""
    e0 = sum(v * EF[c] / 1000.0 for c, v in inputs.items()) + process  # t/GJ-out or t/t
    gas_per_t = CCS_HEAT * GAS_BOILER  # GJ gas per t captured
    k = gas_per_t * EF["natural_gas"] / 1000.0  # t CO2 per t captured
    gross = e0 / (1 - CCS_RATE * k)
    captured = CCS_RATE * gross
    new = dict(inputs)
    new["natural_gas"] = new.get("natural_gas", 0.0) + gas_per_t * captured
    new["electricity"] = new.get("electricity", 0.0) + CCS_EL * captured
    return new, captured
