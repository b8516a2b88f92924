"""The one error a rule raises when it refuses a request.

Services and parsers raise ``ApplicationError`` with a translated message the
edge shows as is; an HTTP edge answers with ``status``; ``code`` is a stable
key for callers that branch on the kind of refusal (tests, commands). One
class instead of one per app: the edges catch it once, and a new service does
not invent a sixth identical class.
"""


class ApplicationError(Exception):
    def __init__(self, message, status: int = 400, *, code: str = "invalid"):
        super().__init__(message)
        self.message = str(message)
        self.status = status
        self.code = code
