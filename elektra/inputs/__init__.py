"""Inputs: scenario files (config), the dataset (data), the parameter registry and units.

The only layer that reads input files. Everything after it is a function of its values.
"""
