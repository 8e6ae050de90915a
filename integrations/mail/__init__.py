"""Outgoing e-mail: a durable outbox, the SMTP relay client, and the messages the bot sends."""
