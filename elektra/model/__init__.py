"""The model: structure (index sets and coefficients), the LP assembly (lp, core), the
solve with the policies' fixed point (solve, pipeline), results and their diagnosis.

The policies that add to the LP live beside it in :mod:`elektra.policies`.
"""
