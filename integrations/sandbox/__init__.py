"""A faithful stand-in for the KAS systems the bot does not own (see docs/integrations.md)."""
