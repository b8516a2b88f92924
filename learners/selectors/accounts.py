from django_otp.plugins.otp_totp.models import TOTPDevice


def staff_member(*, user) -> bool:
    """Trainers, coordinators and administrators: whoever may reach the Wagtail
    admin (every staff group holds ``access_admin``), and superusers."""
    return bool(
        user.is_authenticated
        and (
            user.is_superuser
            or user.is_staff
            or user.has_perm("wagtailadmin.access_admin")
        )
    )


def totp_device_confirmed(*, user):
    """The user's confirmed authenticator app, if any."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
