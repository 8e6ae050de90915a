"""Polish text shared by the dialogue and the adapters: one owner for number words and for redaction.

``text`` folds diacritics, ``spoken`` spells numbers out, ``numerals`` reads them back from a
recogniser's words, ``taxes`` names taxes, ``redaction`` hides the secret numbers in a transcript.
Pure Python, no I/O; it imports only ``contracts`` (the secret types).
"""
