from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import health, views
from courses import views_offline
from learners import api as learner_api
from learners.views import launches
from learners.views import offline as learner_offline

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # A hosted video and its captions with byte ranges; Wagtail's view else.
    re_path(r"^documents/(\d+)/(.*)$", views.document_serve),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("health/", health.health, name="health"),
    path("h5p/lancements", launches.launch_open, name="h5p_launch"),
    path("sw.js", views_offline.site_worker, name="offline_worker"),
    path(
        "hors-ligne/modules/<int:module_id>",
        learner_offline.module_manifest,
        name="offline_manifest",
    ),
    path(
        "h5p/etat/<int:content_id>/<int:lesson_id>/<str:block_id>/<str:data_type>/"
        "<str:sub_content_id>",
        learner_api.h5p_user_data,
        name="h5p_user_data",
    ),
    path("scorm/", include("learners.urls_scorm")),
    path("xapi/statements", learner_api.statements, name="xapi_statements"),
    path(
        "xapi/activites/<int:content_id>/<int:lesson_id>/<str:block_id>",
        learner_api.activity,
        name="xapi_activity",
    ),
]

urlpatterns += i18n_patterns(
    path("recherche/", views.search, name="search"),
    path("bienvenue/", views.landing, name="landing"),
    path("compte/", include("learners.urls")),
    path("attestations/", include("certification.urls")),
    path("participation/", include("reporting.urls")),
    path("confidentialite/", include("privacy.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns = (
        static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
    )
