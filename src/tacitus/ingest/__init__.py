"""Ingest: turn files, folders and stdin into cleaned ``Document`` records, accounting for every input.

``iter_inputs`` yields one ``InputStatus`` per article or rejected input; ``clean_text`` is the
scraped-page cleaner it uses.
"""

from tacitus.ingest.batch import iter_inputs
from tacitus.ingest.clean import CleanResult, clean_text
from tacitus.ingest.dates import normalise_date
from tacitus.ingest.readers import MAX_ARTICLE_CHARS

__all__ = ["iter_inputs", "clean_text", "CleanResult", "normalise_date", "MAX_ARTICLE_CHARS"]
