class H5PPackageError(Exception):
    """Why a package is refused.

    ``message`` is translated and names the offending file; ``path`` is that
    file inside the archive when there is one; ``code`` is a stable key for
    callers that branch on the kind of refusal.
    """

    def __init__(self, message, *, path: str | None = None, code: str = "invalid"):
        super().__init__(message)
        self.message = str(message)
        self.path = path
        self.code = code

    def __str__(self) -> str:
        return self.message
