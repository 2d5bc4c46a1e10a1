"""The compiler of the default Dutch dataset ``data/nl``.

Run from the repository root::

    .venv/bin/python -m tools.dataset_nl            # writes data/nl/
    .venv/bin/python -m tools.dataset_nl --out DIR  # writes the same files into DIR
    .venv/bin/python -m tools.dataset_nl.check      # checks data/nl/

One module per output file (or family of files) holds that file's figures next to their
sources; ``sources.py`` holds every citation once; ``reference/`` holds the extracts the
compiler reads, with their origin and licence. See ``build.py`` for the order of the steps.
"""
