"""What other apps may read of certificates in plain SQL: reporting's rollups
date each learner's certificate of a path. Table and column names come from
the model's ``_meta``; renaming a field listed here changes this contract,
and ``tests/test_reporting_contracts.py`` checks every name a reader uses."""

from certification.models import Certificate
from core.columns import Columns

CERTIFICATE = Columns(Certificate, "user", "path", "issued_at", "revoked_at")

CONTRACTS = (CERTIFICATE,)
