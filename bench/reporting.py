#!/usr/bin/env python
"""Runs the participation reporting benchmark (the ``bench/reporting/``
package; its docstring says what it measures) the way ``make bench`` runs
every ``bench/*.py``: `.venv/bin/python bench/reporting.py [--learners N]`."""

import sys
from pathlib import Path

# The project root, not bench/, first: ``reporting`` is the Django app, and the
# benchmark is ``bench.reporting``.
sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench.reporting.main import main  # noqa: E402

if __name__ == "__main__":
    main()
