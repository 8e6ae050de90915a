"""Several workers, one contact centre: what the workers share through Redis (docs/scaling.md).

``keys`` names every Redis key and channel the workers share; ``redis_client`` opens connections;
``workers`` is a worker's heartbeat, its open call records, and the closing of a lost worker's
records; ``chat_directory`` says which worker holds a chat and relays requests to it.
"""
