from core.errors import ApplicationError


class ScormPackageError(ApplicationError):
    """Why a SCORM package is refused: ``message`` is translated and names the
    offending file, ``path`` is that file inside the archive when there is
    one, ``code`` a stable key for callers and tests."""

    def __init__(self, message, *, path: str | None = None, code: str = "invalid"):
        super().__init__(message, code=code)
        self.path = path

    def __str__(self) -> str:
        return self.message
