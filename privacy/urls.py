from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.notice, name="notice"),
    path("accepter/", views.accept, name="accept"),
    path("mes-donnees/", views.my_data, name="my_data"),
    path("mes-donnees/<int:pk>/", views.my_data_job, name="my_data_job"),
    path(
        "mes-donnees/<int:pk>/fichier/",
        views.my_data_download,
        name="my_data_download",
    ),
    path("fermer-mon-compte/", views.close_account, name="close_account"),
]
