"""Shared fixtures live in tests/fixtures/, one module per real server the tests start."""

pytest_plugins = [
    "tests.fixtures.redis_server",
    "tests.fixtures.sandbox",
    "tests.fixtures.bot_server",
    "tests.fixtures.postgres_server",
    # Last: when the session ends, no secret may be anywhere the tests left something.
    "tests.secrecy.plugin",
]
