"""An export's file goes with its row, however the row goes: the retention
purge, or a cascade when its requester or municipality is deleted."""

import html
import io
import zipfile

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from learners.signals import personal_data_erased
from reporting.models import ExportJob


@receiver(post_delete, sender=ExportJob)
def export_file_delete(sender, instance, **kwargs):
    if instance.file:
        name, storage = instance.file.name, instance.file.storage
        transaction.on_commit(lambda: storage.delete(name))


@receiver(personal_data_erased)
def exports_naming_delete(sender, user, needles, **kwargs):
    """Law 25 erasure: an export whose file names the person goes now, not at
    the end of its retention."""
    for job in ExportJob.objects.exclude(file=""):
        if _file_mentions(job.file, needles):
            job.delete()


def _file_mentions(field, needles) -> bool:
    try:
        with field.open("rb") as handle:
            data = handle.read()
    except OSError:
        return False
    if data.startswith(b"PK"):  # XLSX: the sheets' XML
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            data = b"".join(book.read(name) for name in book.namelist())
    text = html.unescape(data.decode("utf-8", errors="ignore")).casefold()
    return any(needle.casefold() in text for needle in needles)
