from django.urls import path

from courses import views

urlpatterns = [
    path("contenus/<int:pk>/", views.h5p_json, name="h5p_content_root"),
    path("contenus/<int:pk>/h5p.json", views.h5p_json, name="h5p_json"),
    path(
        "contenus/<int:pk>/content/content.json",
        views.content_json,
        name="h5p_content_json",
    ),
    path(
        "contenus/<int:pk>/content/<path:path>",
        views.content_file,
        name="h5p_content_file",
    ),
    path("bibliotheques/", views.library_root, name="h5p_libraries_root"),
    path(
        "bibliotheques/<str:folder>/<path:path>",
        views.library_file,
        name="h5p_library_file",
    ),
]
