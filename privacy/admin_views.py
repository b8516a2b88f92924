"""The privacy officer's erasure, in the Wagtail admin (administrators only:
the ``privacy.add_erasure`` permission)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.errors import ApplicationError
from privacy.forms import EraseAccountForm
from privacy.services.erasure import (
    ErasureRequester,
    account_for_erasure,
    learner_erase,
)

ERASE = "privacy.add_erasure"


class EraseAccountView(WagtailAdminTemplateMixin, FormView):
    form_class = EraseAccountForm
    template_name = "wagtailadmin/generic/form.html"
    header_icon = "bin"
    page_title = gettext_lazy("Effacer un compte (Loi 25)")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ERASE):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=self.request.path,
            submit_button_label=_("Effacer définitivement"),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            user = account_for_erasure(email=data["email"], force=data["force"])
        except ApplicationError as error:
            form.add_error("email", error.message)
            return self.form_invalid(form)
        erasure = learner_erase(user=user, requested_by=ErasureRequester.ADMIN)
        messages.success(
            self.request,
            _("Compte effacé : il porte maintenant l'identifiant %(id)s.")
            % {"id": erasure.opaque_id},
        )
        return redirect(self.request.path)
