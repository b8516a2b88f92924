from celery import shared_task
from django.db import connection


@shared_task
def healthcheck():
    """Prove a worker runs Django code against the database (used by CI)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        (value,) = cursor.fetchone()
    return {"database": connection.vendor, "ok": value == 1}
