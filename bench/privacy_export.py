"""A learner's "Mes données" archive and erasure, at scale, on PostgreSQL.

Run from the project root:  .venv/bin/python bench/privacy_export.py [--statements 10000]

Makes a fresh database ``virage_bench_privacy``, one learner with STATEMENTS
xAPI statements (raw JSON as H5P sends it, with the actor's name and e-mail),
then times ``learner_data_zip`` (the archive a learner downloads, written to a
temporary file as the view does) and ``learner_erase`` (the actor replaced in
every statement). Prints both times, the archive's size, and ends with one
line of JSON. Target: the archive in seconds (under 5 s) for 10,000.
"""

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._pg import database_recreate, django_env  # noqa: E402

DATABASE = "virage_bench_privacy"


def setup_django():
    env = django_env(DATABASE, MEDIA_ROOT=tempfile.mkdtemp(prefix="virage-bench-"))
    database_recreate(DATABASE, env)
    os.environ.update(env)
    import django

    django.setup()


def learner_with_statements(count):
    from django.utils import timezone

    from learners.models import User, XapiStatement

    user = User.objects.create_user(
        email="banc.essai@exemple.qc.ca",
        password="banc-essai-2026",
        first_name="Bérénice",
        last_name="Banc-Essai",
    )
    now = timezone.now()
    XapiStatement.objects.bulk_create(
        (
            XapiStatement(
                statement_id=uuid.uuid4(),
                user=user,
                verb="http://adlnet.gov/expapi/verbs/answered",
                object_id=f"http://virage/xapi/activites/1/2/bloc-{n % 40}",
                timestamp=now,
                score_scaled=0.5,
                raw={
                    "actor": {
                        "name": "Bérénice Banc-Essai",
                        "mbox": "mailto:banc.essai@exemple.qc.ca",
                        "objectType": "Agent",
                    },
                    "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
                    "object": {"id": f"http://virage/xapi/activites/1/2/bloc-{n}"},
                    "result": {"score": {"scaled": 0.5}, "response": "vrai"},
                },
                content_hash="x" * 64,
            )
            for n in range(count)
        ),
        batch_size=2000,
    )
    return user


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, default=10_000)
    count = parser.parse_args().statements
    setup_django()
    from privacy.services.erasure import learner_erase
    from privacy.services.export import learner_data_zip

    user = learner_with_statements(count)
    with tempfile.TemporaryFile() as handle:
        started = time.perf_counter()
        learner_data_zip(user=user, out=handle)
        export_s = time.perf_counter() - started
        size = handle.tell()
    started = time.perf_counter()
    learner_erase(user=user, requested_by="command")
    erase_s = time.perf_counter() - started
    print(f"archive of {count} statements: {export_s:.2f} s, {size / 1e6:.1f} MB")
    print(f"erasure of the same account: {erase_s:.2f} s")
    print(
        json.dumps(
            {
                "bench": "privacy_export",
                "statements": count,
                "export_seconds": round(export_s, 3),
                "zip_bytes": size,
                "erase_seconds": round(erase_s, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
