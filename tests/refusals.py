"""How a refusal looks, exactly, so that a test cannot pass on the wrong one."""

from django.urls import reverse


def admin_refused(response) -> None:
    """Wagtail's answer to signed-in staff who lack a permission: back to the
    admin's home page, with a message (not a 403, not the login page)."""
    assert response.status_code == 302, response.status_code
    assert response["Location"] == reverse("wagtailadmin_home"), response["Location"]


def admin_login_asked(response) -> None:
    """Wagtail's answer to a signed-in learner (no admin access): its login
    page, which comes back to the refused address."""
    assert response.status_code == 302, response.status_code
    assert response["Location"].startswith(reverse("wagtailadmin_login") + "?next="), (
        response["Location"]
    )


def staff_refused(response, user) -> None:
    """The refusal that fits ``user``: the login page for a learner, the
    admin's home page for staff without the permission."""
    if user.has_perm("wagtailadmin.access_admin"):
        admin_refused(response)
    else:
        admin_login_asked(response)
