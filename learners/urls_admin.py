"""The bulk-enrolment pages, mounted in the Wagtail admin by ``wagtail_hooks``."""

from django.urls import path

from learners.views import imports as views

app_name = "learner_admin"

urlpatterns = [
    path("", views.index, name="index"),
    path("exemple.csv", views.example, name="example"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/statut/", views.status, name="status"),
    path("<int:pk>/refus.csv", views.report, name="report"),
]
