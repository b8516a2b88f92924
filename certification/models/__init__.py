from certification.models.certificates import (
    BatchStatus,
    Certificate,
    CertificateAction,
    CertificateBatch,
    CertificateEvent,
)
from certification.models.templates import (
    CertificateTemplate,
    Signatory,
    colour_validator,
)

__all__ = [
    "BatchStatus",
    "Certificate",
    "CertificateAction",
    "CertificateBatch",
    "CertificateEvent",
    "CertificateTemplate",
    "Signatory",
    "colour_validator",
]
