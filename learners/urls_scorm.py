from django.urls import path

from learners.views import scorm

urlpatterns = [
    path("lancements", scorm.launch_open, name="scorm_launch"),
    path("validations", scorm.commit, name="scorm_commit"),
]
