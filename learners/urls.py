from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy
from django.views.generic import TemplateView

from learners.views import accounts as views
from learners.views import progress, two_factor

app_name = "learners"

urlpatterns = [
    path("inscription/", views.sign_up, name="sign_up"),
    path(
        "inscription/envoyee/",
        TemplateView.as_view(template_name="learners/sign_up_sent.html"),
        name="sign_up_sent",
    ),
    path(
        "inscription/confirmer/<str:token>/",
        views.sign_up_confirm,
        name="sign_up_confirm",
    ),
    path("double-authentification/", two_factor.two_factor, name="two_factor"),
    path(
        "double-authentification/configuration/",
        two_factor.two_factor_setup,
        name="two_factor_setup",
    ),
    path(
        "connexion/",
        auth_views.LoginView.as_view(
            template_name="learners/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("profil/", views.profile, name="profile"),
    path("mon-parcours/", progress.dashboard, name="dashboard"),
    path("seances/", include("learners.urls_sessions")),
    path("parcours/<int:path_id>/inscription/", progress.enrol, name="enrol"),
    path("lecons/<int:lesson_id>/terminee/", progress.lesson_done, name="lesson_done"),
    path(
        "municipalites/recherche/",
        views.municipality_search,
        name="municipality_search",
    ),
    path(
        "mot-de-passe/reinitialiser/",
        views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "mot-de-passe/reinitialiser/envoye/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="learners/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="learners/password_reset_confirm.html",
            success_url=reverse_lazy("learners:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/nouveau/termine/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="learners/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
