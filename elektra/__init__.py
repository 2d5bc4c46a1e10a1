"""elektra: scenario simulator for the decarbonisation of the Dutch energy-intensive industry.

From Python: ``elektra.run``, ``elektra.compare``, ``elektra.sweep`` and
``elektra.open_results`` (:mod:`elektra.api`) return the xarray Datasets the command line
writes. They are imported on first use, so ``import elektra`` stays cheap.
"""

__version__ = "0.1.0"

#: The Python API, in :mod:`elektra.api`.
API = ("run", "compare", "sweep", "open_results")
__all__ = ["__version__", *API]


def __getattr__(name: str):
    if name in API:
        from elektra import api

        return getattr(api, name)
    raise AttributeError(f"module 'elektra' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *API])
