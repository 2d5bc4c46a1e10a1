"""Outputs: pure functions of results Datasets: the run folder, IAMC, figures, HTML
reports, indicators and the generated docs."""
