"""The command line: generate (or reuse) the data, measure, print the JSON."""

import argparse
import json
import sys

import bench.reporting
from bench.reporting.database import prepare_database, reuse_database
from bench.reporting.generate import generate
from bench.reporting.measure import (
    build_rollup,
    dashboard_queries,
    exactness,
    query_report,
    tally_exactness,
    time_pages,
    time_selectors,
)


def main():
    parser = argparse.ArgumentParser(
        description=bench.reporting.__doc__.splitlines()[0]
    )
    parser.add_argument("--learners", type=int, default=50_000)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the data of the previous run"
    )
    args = parser.parse_args()

    if args.reuse:
        figures = reuse_database()
    else:
        prepare_database()
        figures = generate(args.learners)
    print(f"generated: {figures}", file=sys.stderr)
    figures.update(build_rollup())
    figures.update(exactness())
    figures.update(tally_exactness())
    report, seq_scans = query_report(dashboard_queries())
    for line in report:
        print(
            f"{line['ms']:8.1f} ms  seq scan: {line['seq_scan']}  {line['sql']}",
            file=sys.stderr,
        )
    figures.update(time_selectors())
    figures.update(time_pages())
    figures["seq_scans_large_tables"] = seq_scans
    figures["queries"] = len(report)
    print(json.dumps(figures))
