from certification.services.batches import (
    certificate_batch_create,
    certificates_issue_for_path,
)
from certification.services.issuance import (
    certificate_event_log,
    certificate_issue,
    certificate_issue_enqueue,
    certificate_pdf,
    certificate_reissue,
    certificate_revoke,
    certificate_verify,
)
from certification.services.templates import certificate_template_default_ensure

__all__ = [
    "certificate_batch_create",
    "certificate_event_log",
    "certificate_issue",
    "certificate_issue_enqueue",
    "certificate_pdf",
    "certificate_reissue",
    "certificate_revoke",
    "certificate_template_default_ensure",
    "certificate_verify",
    "certificates_issue_for_path",
]
