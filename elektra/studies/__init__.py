"""Studies built on runs: compare, sweep (grids, Monte Carlo, Sobol), MCA, the letter's
questions. A study differs from a run only in which numbers it changes."""
