"""An export's file goes with its row, however the row goes: the retention
purge, or a cascade when its requester or municipality is deleted."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from reporting.models import ExportJob


@receiver(post_delete, sender=ExportJob)
def export_file_delete(sender, instance, **kwargs):
    if instance.file:
        name, storage = instance.file.name, instance.file.storage
        transaction.on_commit(lambda: storage.delete(name))
