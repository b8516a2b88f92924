from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from learners import selectors, services
from learners.forms import ProfileForm, SignUpForm


def sign_up(request):
    if request.user.is_authenticated:
        return redirect("learners:profile")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = services.learner_sign_up(
            email=data["email"],
            password=data["password1"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            municipality=data["municipality"],
            role=data["role"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Bienvenue dans Virage ! Votre compte est créé."))
        return redirect(settings.LOGIN_REDIRECT_URL)
    return render(request, "learners/sign_up.html", {"form": form})


@login_required
def profile(request):
    user = request.user
    initial = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "municipality": user.municipality.code if user.municipality_id else None,
        "role": user.role,
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.learner_profile_update(user=user, **form.cleaned_data)
        messages.success(request, _("Votre profil est enregistré."))
        return redirect("learners:profile")
    return render(request, "learners/profile.html", {"form": form})


@require_GET
def municipality_search(request):
    results = selectors.municipality_search(query=request.GET.get("q", ""))
    return JsonResponse(
        {
            "results": [
                {"code": m.code, "name": m.name, "label": m.label} for m in results
            ]
        }
    )
