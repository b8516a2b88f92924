from learners.models import EnrolmentImport


def enrolment_import_allowed(*, user) -> bool:
    """Who may enrol people in bulk: the staff groups granted the permission
    in ``cms/permissions.py`` (trainers, coordinators, administrators)."""
    return user.is_authenticated and user.has_perm("learners.add_enrolmentimport")


def enrolment_imports_visible(*, user):
    """Administrators see every import; other staff only their own."""
    imports = EnrolmentImport.objects.select_related("uploaded_by").defer("data")
    if user.has_perm("learners.change_enrolmentimport"):
        return imports
    return imports.filter(uploaded_by=user)
