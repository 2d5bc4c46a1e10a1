"""Indicators: pure functions of a results Dataset, shared by the CLI, figures and report."""

from __future__ import annotations

import pandas as pd
import xarray as xr

from elektra.inputs.data import ROUTE_CLASSES

#: Route classes in the order tables and figures show them.
ROUTE_CLASS_ORDER = ROUTE_CLASSES


def route_mix_shares(ds: xr.Dataset, year: int) -> pd.DataFrame:
    """Share of each route class in the output of each (sector, service), in one year.

    Rows are labelled ``sector`` or ``sector: service`` where a sector has several
    services (their outputs are in different units and are not added up).
    """
    activity = ds["activity"].sel(year=year).sum("cluster")
    route = ds.route
    output = {}
    for sector in ds.sector.values:
        services = [
            str(v)
            for v in dict.fromkeys(
                route.route_service.values[(route.route_sector == sector).values]
            )
        ]
        for service in services:
            own = (route.route_sector == sector) & (route.route_service == service)
            flows = activity.sel(sector=sector).where(own, 0.0)
            by_class = flows.groupby(route.route_class).sum().to_pandas()
            if by_class.sum() <= 0:
                continue
            label = (
                str(sector)
                if len(services) == 1 and service == sector
                else (f"{sector}: {service}")
            )
            output[label] = by_class / by_class.sum()
    shares = pd.DataFrame(output).T.fillna(0.0)
    order = [c for c in ROUTE_CLASS_ORDER if c in shares.columns]
    return shares[order + [c for c in shares.columns if c not in order]]
