"""An export's file goes with its row, however the row goes: the retention
purge, or a cascade when its requester or municipality is deleted."""

import html
import io
import zipfile

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from learners.signals import personal_data_erased
from reporting.models import ExportJob, TrainingContact
from reporting.selectors.access import participation_target_forget


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


@receiver(post_save, sender=TrainingContact)
@receiver(post_delete, sender=TrainingContact)
def menu_forget_contact(sender, instance, **kwargs):
    """The menu's "Participation" link follows a contact named or removed."""
    participation_target_forget(user_id=instance.user_id)


@receiver(m2m_changed, sender=get_user_model().groups.through)
def menu_forget_groups(sender, instance, action, pk_set=None, **kwargs):
    """... and a person added to or removed from the coordinators."""
    if not action.startswith("post_"):
        return
    if isinstance(instance, get_user_model()):
        participation_target_forget(user_id=instance.pk)
    else:  # a group's members changed
        for user_id in pk_set or ():
            participation_target_forget(user_id=user_id)
