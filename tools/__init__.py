"""Tools beside the package: the dataset compiler and the IAMC codelist vendoring."""
