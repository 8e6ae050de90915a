"""What can go wrong with a model; every message is one line a user can act on."""

from __future__ import annotations


class ModelError(Exception):
    """A model cannot be used; the message says which and what to do."""


class ModelMissing(ModelError, LookupError):
    """Not installed, or not a registry name. Also a LookupError: "no such model"."""


class ChecksumMismatch(ModelError):
    pass
