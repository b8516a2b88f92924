"""The moderation step of the default workflow: a group approval that will
not approve an empty learning path or module (approving publishes)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page


class PublishableApprovalTask(AbstractGroupApprovalTask):
    """Members of the chosen groups approve, as in Wagtail's group approval,
    unless the page may not be published yet (its ``publish_refusal``): then
    "Approuver", from the dashboard's pop-up or anywhere else, is refused with
    the reason and the page stays in moderation, unchanged."""

    def _refusal(self, obj) -> str:
        if not isinstance(obj, Page):
            return ""
        refusal = getattr(obj.specific, "publish_refusal", None)
        return refusal() if refusal is not None else ""

    def get_actions(self, obj, user):
        # The pop-up asks for the actions before it validates the form: the
        # page under moderation is known only here. A refused "approve" opens
        # the pop-up, which then shows why.
        self._moderated = obj
        actions = super().get_actions(obj, user)
        if not self._refusal(obj):
            return actions
        return [
            (name, label, modal or name == "approve") for name, label, modal in actions
        ]

    def get_form_for_action(self, action):
        form_class = super().get_form_for_action(action)
        if action != "approve":
            return form_class
        task = self

        class ApprovalForm(form_class):
            def clean(self):
                cleaned_data = super().clean()
                if refusal := task._refusal(getattr(task, "_moderated", None)):
                    raise forms.ValidationError(refusal)
                return cleaned_data

        return ApprovalForm

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and self._refusal(
            task_state.workflow_state.content_object
        ):
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Les membres des groupes choisis approuvent ; un parcours ou un module "
            "sans contenu publié ne peut pas être approuvé."
        )

    class Meta:
        verbose_name = _("approbation (contenu publié exigé)")
        verbose_name_plural = _("approbations (contenu publié exigé)")
