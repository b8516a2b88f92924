"""Participation reporting benchmark: a province-wide dataset in PostgreSQL
(1,122 municipalities, learners spread by population, 60 paths, about 100
progress and xAPI records per learner over two years), then the time of each
dashboard query, of the whole dashboard and of a municipality page.

Run from the project root: `.venv/bin/python bench/reporting.py` or
`.venv/bin/python -m bench.reporting` (5,000,000 records, a few minutes), with
`--learners 2000` for a quick run or `--reuse` to keep the previous run's data.
Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth); it drops and
creates its own database. Ends with one line of JSON: dashboard_ms,
municipality_ms, rows, generate_s and more.

- ``database``: the benchmark's database, bulk loading (COPY), reuse;
- ``catalogue``: the learning paths, modules and lessons;
- ``generate``: learners, progress, sessions and xAPI statements;
- ``measure``: the rollup, exactness against the source tables, timings;
- ``main``: the command line.
"""
