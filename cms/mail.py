"""The development e-mail backend."""

from django.core.mail.backends import console


class ConsoleBackend(console.EmailBackend):
    """Django's console backend, with each attachment named instead of
    printed: a certificate PDF is hundreds of lines of base64 that drown the
    server's log (``make run`` sends one for the demo)."""

    def write_message(self, message):
        attachments = getattr(message, "attachments", None) or []
        if not attachments:
            return super().write_message(message)
        listed = [_describe(attachment) for attachment in attachments]
        message.attachments = []
        try:
            super().write_message(message)
        finally:
            message.attachments = attachments
        for line in listed:
            self.stream.write(f"[pièce jointe non affichée : {line}]\n")
        return None


def _describe(attachment):
    if isinstance(attachment, tuple) or hasattr(attachment, "filename"):
        filename, content, mimetype = attachment[:3]
        return f"{filename} ({mimetype}, {len(content or b'')} octets)"
    return attachment.get_filename() or attachment.get_content_type()
