"""Errors meant for the user: one clear line, no traceback."""


class UserError(Exception):
    """A problem with the user's input or parameters, reported as one line."""


class DocumentError(Exception):
    """A file or document that cannot be read fully; becomes a row of the problems table."""

    def __init__(self, stage: str, reason: str):
        super().__init__(reason)
        self.stage = stage
        self.reason = reason
