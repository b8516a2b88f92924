from django.urls import path

from certification import views

app_name = "certification"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("<int:pk>/", views.detail, name="detail"),
    path("pdf/<int:pk>/", views.pdf_download, name="pdf"),
    path("verifier/", views.verify, name="verify"),
    path("verifier/<str:code>/", views.verify_code, name="verify_code"),
]
