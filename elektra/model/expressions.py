"""Derived quantities of the LP: emissions, captured CO2, carrier use, route activity.

Each is a function from the variables and the core structure to a list of
(coefficient, column) pairs, defined once and used by the core, the policies and their
docs alike.
"""

from __future__ import annotations

from elektra.model.lp import Variables
from elektra.model.structure import Core


def emission_pairs(x: Variables, core: Core, sector: str, cluster: str, year: int) -> list:
    r"""Direct CO2 emissions of a sector in a cluster, after capture.

    .. math:: E_{s,c,y} = \sum_r a_{s,c,r,y}\, e_{r,y}, \qquad e_{r,y} = \Big((1-\gamma_r)\sum_k \phi_{r,y,k}\,f_k + p_r\Big)(1-\kappa_r)

    with :math:`\phi` carrier input, :math:`f` emission factor, :math:`\gamma` the share of
    the carbon that leaves as solid carbon (methane pyrolysis), :math:`p` process
    emissions and :math:`\kappa` capture rate; :math:`e` is the net emission factor.
    Units: Mt/yr.
    """
    factor = core.net_emission_factor
    return [
        (factor[(r, year)], x.activity[(sector, cluster, r, year)])
        for r in core.cell_routes[(sector, cluster)]
        if factor[(r, year)] != 0
    ]


def national_emission_pairs(x: Variables, core: Core, year: int) -> list:
    r"""Direct CO2 emissions of the modelled industry in a year, after capture.

    .. math:: E_y = \sum_{s,c} E_{s,c,y}

    Units: Mt/yr.
    """
    return [
        pair
        for sector, cluster in core.emission_cells
        for pair in emission_pairs(x, core, sector, cluster, year)
    ]


def captured_pairs(x: Variables, core: Core, year: int) -> list:
    r"""CO2 captured for storage in a year, all sectors and clusters.

    .. math:: Q_y = \sum_{s,c,r} a_{s,c,r,y}\, q_{r,y}, \qquad q_{r,y} = \Big((1-\gamma_r)\sum_k \phi_{r,y,k} f_k + p_r\Big)\,\kappa_r

    Units: Mt/yr.
    """
    factor = core.captured_factor
    return [
        (factor[(cell.route, year)], x.activity[(*cell, year)])
        for cell in core.cells
        if factor[(cell.route, year)] != 0
    ]


def carrier_use_pairs(x: Variables, core: Core, carrier: str, year: int) -> list:
    r"""National use of a carrier in a year.

    .. math:: U_{k,y} = \sum_{s,c,r} \phi_{r,y,k}\,a_{s,c,r,y}

    Units: PJ/yr.
    """
    return [
        (core.inputs[(cell.route, year)][carrier], x.activity[(*cell, year)])
        for cell in core.cells
        if carrier in core.inputs[(cell.route, year)]
    ]


def route_activity_pairs(x: Variables, core: Core, route: str, year: int) -> list:
    r"""National activity of a route in a year.

    .. math:: A_{r,y} = \sum_{s,c} a_{s,c,r,y}

    Units: the route's output unit per year.
    """
    return [(1.0, x.activity[(s, c, route, year)]) for s, c in core.route_cells.get(route, ())]


DERIVED = (
    emission_pairs,
    national_emission_pairs,
    captured_pairs,
    carrier_use_pairs,
    route_activity_pairs,
)
