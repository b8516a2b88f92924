"""The URLs answered on the H5P player's host, and nothing else: no page,
account or API of the site exists there (``cms.middleware``)."""

from django.urls import path, re_path

from courses import views, views_offline
from courses.scorm import views as scorm_views

urlpatterns = [
    path("sw.js", views_offline.player_worker, name="h5p_offline_worker"),
    path("h5p/hors-ligne/", views_offline.player_store_page, name="h5p_offline_store"),
    path("h5p/lecteur/<int:pk>/<str:key>/", views.player_page, name="h5p_player"),
    path("h5p/lecteur/<int:pk>/<str:key>/h5p.json", views.h5p_json, name="h5p_json"),
    path(
        "h5p/lecteur/<int:pk>/<str:key>/etat/<str:data_type>/<str:sub_content_id>",
        views.user_data_sink,
        name="h5p_user_data_sink",
    ),
    path(
        "h5p/lecteur/<int:pk>/<str:key>/<str:language>/content/content.json",
        views.content_json,
        name="h5p_content_json",
    ),
    path(
        "h5p/lecteur/<int:pk>/<str:key>/<str:language>/content/<path:path>",
        views.content_file,
        name="h5p_content_file",
    ),
    re_path(
        r"^h5p/bibliotheques/v/(?P<token>[0-9a-f]{16})/(?P<folder>[^/]+)/(?P<path>.+)$",
        views.library_file_versioned,
        name="h5p_library_file_versioned",
    ),
    path("h5p/bibliotheques/", views.library_root, name="h5p_libraries_root"),
    path(
        "h5p/bibliotheques/<str:folder>/<path:path>",
        views.library_file,
        name="h5p_library_file",
    ),
    path(
        "scorm/lecteur/<int:pk>/<str:key>/<int:sco_pk>/",
        scorm_views.wrapper_page,
        name="scorm_wrapper",
    ),
    path(
        "scorm/lecteur/<int:pk>/<str:key>/f/<path:path>",
        scorm_views.package_file,
        name="scorm_file",
    ),
]
