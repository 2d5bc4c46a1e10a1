"""Every route of the dataset, in the order the files list them."""

from __future__ import annotations

from .route import Route
from .routes_ammonia import ROUTES as AMMONIA
from .routes_heat import ROUTES as HEAT
from .routes_hydrogen import ROUTES as HYDROGEN
from .routes_petrochemicals import ROUTES as PETROCHEMICALS
from .routes_steel import ROUTES as STEEL

ROUTES: list[Route] = [*HEAT, *STEEL, *AMMONIA, *PETROCHEMICALS, *HYDROGEN]
ROUTE_BY = {r.label: r for r in ROUTES}


def ref_route(sector, service):
    for r in ROUTES:
        if r.sector == sector and r.service == service and r.rclass == "reference":
            return r
    raise KeyError((sector, service))
