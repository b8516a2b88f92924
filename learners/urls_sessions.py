"""Learner-facing session URLs, included by ``learners/urls.py`` (namespace
``learners``) under ``seances/``."""

from django.urls import path

from learners.views import sessions as views

urlpatterns = [
    path("<int:session_id>/", views.session_detail, name="session_detail"),
    path(
        "<int:session_id>/inscription/",
        views.session_register,
        name="session_register",
    ),
    path("<int:session_id>/annulation/", views.session_cancel, name="session_cancel"),
    path("<int:session_id>/presence/", views.session_check_in, name="session_check_in"),
    path(
        "<int:session_id>/seance.ics", views.session_calendar, name="session_calendar"
    ),
]
