"""Two workers issuing the same certificate at once: the database decides."""

import threading

import pytest
from django.core import mail
from django.db import connection

from certification import services
from certification.models import Certificate, CertificateEvent
from certification.services import issuance
from tests.factories import PathCompletionFactory

WORKERS = 4


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_issuance_creates_exactly_one_certificate(
    site, learner, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; run this test on PostgreSQL.")
    # Recorded directly: completing it for real would issue it at commit.
    PathCompletionFactory(user=learner, path=site["path"])
    # Every worker reads "no certificate yet" before any of them inserts.
    all_looked = threading.Barrier(WORKERS, timeout=30)
    build_content = issuance.certificate_content

    def content_after_everyone_looked(**kwargs):
        all_looked.wait()
        return build_content(**kwargs)

    monkeypatch.setattr(issuance, "certificate_content", content_after_everyone_looked)
    results, errors = [], []

    def worker():
        try:
            results.append(services.certificate_issue(user=learner, path=site["path"]))
        except Exception as error:  # noqa: BLE001 - reported by the assertion
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert Certificate.objects.count() == 1
    assert sorted(created for _, created in results) == [False] * (WORKERS - 1) + [True]
    assert {certificate.pk for certificate, _ in results} == {
        Certificate.objects.get().pk
    }
    assert CertificateEvent.objects.count() == 1
    assert len(mail.outbox) == 1
