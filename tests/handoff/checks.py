"""Assertions about secrets that never print them (this module is not assertion-rewritten by pytest,
and its frames are hidden from tracebacks, whose long style would print the arguments)."""

from __future__ import annotations


def assert_absent(text: str, *secrets: str) -> None:
    # Hidden from pytest's traceback: its long style prints a frame's arguments (the secrets).
    __tracebackhide__ = True
    for index, secret in enumerate(secrets):
        if secret and secret in text:
            raise AssertionError(f"secret #{index} found in the text")


def assert_present(text: str, secret: str) -> None:
    __tracebackhide__ = True
    if secret not in text:
        raise AssertionError("expected value not found in the text")
