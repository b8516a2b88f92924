from reporting.exports.formats import CONTENT_TYPES, WRITERS, to_csv, to_xlsx
from reporting.exports.registry import MUNICIPALITY, PROVINCE, Export, Request, filename
from reporting.exports.service import (
    export_access,
    export_build,
    export_is_large,
    export_job_create,
    export_job_run,
    export_jobs_purge,
    export_request,
    export_spec,
)

__all__ = [
    "CONTENT_TYPES",
    "MUNICIPALITY",
    "PROVINCE",
    "WRITERS",
    "Export",
    "Request",
    "export_access",
    "export_build",
    "export_is_large",
    "export_job_create",
    "export_job_run",
    "export_jobs_purge",
    "export_request",
    "export_spec",
    "filename",
    "to_csv",
    "to_xlsx",
]
