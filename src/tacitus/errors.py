"""The base class of the errors tacitus raises on purpose.

Every error the package raises to say that an input, a file, a setting or a store is not usable derives from
:class:`TacitusError`, so a caller can tell them from bugs with one ``except TacitusError``. Each subclass also
derives from the built-in error it used to be (``ValueError``, ``RuntimeError`` ...), so older ``except`` clauses
keep working.
"""

from __future__ import annotations


class TacitusError(Exception):
    """An error tacitus raises on purpose, with a message meant for the user."""
