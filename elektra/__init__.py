"""elektra: scenario simulator for the decarbonisation of the Dutch energy-intensive industry."""

__version__ = "0.1.0"
