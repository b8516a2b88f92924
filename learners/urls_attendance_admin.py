"""Admin URLs of attendance sheets (namespace ``session_attendance``),
registered by a ``register_admin_urls`` hook."""

from django.urls import path

from learners.views import attendance as views

urlpatterns = [
    path(
        "<int:session_id>/presences/",
        views.AttendanceSheetView.as_view(),
        name="sheet",
    ),
    path("<int:session_id>/presences.csv", views.attendance_csv, name="csv"),
]
