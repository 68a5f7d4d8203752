"""When: find date expressions in news text and resolve them against the publication date.

>>> from tacitus.time import resolve
>>> resolve("on Tuesday", "2020-02-05")
('2020-02-04', 'day')

The vocabulary (weekday, month, number and unit words, relative phrases) lives in
``data/expressions.yaml``; conventions are documented in :mod:`tacitus.time.dates`.
"""

from tacitus.time.dates import PRECISIONS, DateMention, find_dates, parse_published, resolve

__all__ = ["PRECISIONS", "DateMention", "find_dates", "parse_published", "resolve"]
