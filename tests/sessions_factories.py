from datetime import timedelta

import factory
from django.utils import timezone

from courses.models import SessionFormat, TrainingSession
from learners.models import RegistrationStatus, SessionRegistration
from territory.models import Municipality
from tests.factories import UserFactory


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    """An in-person session a week from now; pass ``module``."""

    class Meta:
        model = TrainingSession

    session_format = SessionFormat.IN_PERSON
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    registration_deadline = factory.LazyAttribute(
        lambda o: o.starts_at - timedelta(days=1)
    )
    capacity = 10
    trainer = factory.SubFactory(UserFactory, role="", group="Formateurs")
    address = "150, rue Principale"
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(code="26022"))


def virtual_session(**fields):
    return TrainingSessionFactory(
        session_format=SessionFormat.VIRTUAL,
        address="",
        municipality=None,
        virtual_url="https://visio.exemple.qc.ca/salle-42",
        **fields,
    )


def session_now(**fields):
    """A session that started ten minutes ago and ends in two hours."""
    start = timezone.now() - timedelta(minutes=10)
    return TrainingSessionFactory(
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        registration_deadline=start - timedelta(days=1),
        **fields,
    )


def registered(user, session, status=RegistrationStatus.REGISTERED, **fields):
    """A registration row written directly (e.g. to a session already begun)."""
    return SessionRegistration.objects.create(
        user=user, session=session, status=status, **fields
    )


def learners(count):
    return [UserFactory() for _ in range(count)]
