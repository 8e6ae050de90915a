"""Personal services: what each one asks the back end and how its answer is said (see dialogue/intents.py)."""
