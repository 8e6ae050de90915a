"""Assertions about secrets that never print them (this module is not assertion-rewritten by pytest)."""

from __future__ import annotations


def assert_absent(text: str, *secrets: str) -> None:
    for index, secret in enumerate(secrets):
        if secret and secret in text:
            raise AssertionError(f"secret #{index} found in the text")


def assert_present(text: str, secret: str) -> None:
    if secret not in text:
        raise AssertionError("expected value not found in the text")
