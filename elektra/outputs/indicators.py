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


def reading(attrs) -> str:
    """Which reading a run's numbers are, in words: the cost-optimal plan (perfect foresight)
    or the projection (myopic foresight), with the realism the scenario switches on.

    ``attrs``: a results Dataset's attributes (``reading``, ``foresight_window`` and the
    scenario text, whose ``foresight`` block says whether lead times and hurdle rates are on).
    """
    import yaml

    scenario = yaml.safe_load(attrs.get("scenario") or "") or {}
    foresight = scenario.get("foresight") or {}
    if isinstance(foresight, str):
        foresight = {"mode": foresight}
    extras = [
        text
        for key, text in (
            ("lead_times", "decision lead times with the committed projects"),
            ("hurdle_rates", "sector hurdle rates"),
        )
        if foresight.get(key)
    ]
    if attrs.get("reading") == "projection":
        window = attrs.get("foresight_window", foresight.get("window", ""))
        return (
            f"reading: projection - myopic foresight (each year decides on its own prices and "
            f"costs, seeing {window} years ahead){''.join(', ' + e for e in extras)}: what firms "
            "would do, not a cost-optimal plan"
        )
    return (
        "reading: plan - the cost-optimal path with perfect foresight"
        f"{''.join(', ' + e for e in extras)}: what the cheapest system would do knowing every "
        "future price, not a forecast"
    )
