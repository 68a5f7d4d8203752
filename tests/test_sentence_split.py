"""The prefilter's cheap sentence split (prefilter.split_sentences), on the team's own sentences: abbreviations and
middle initials end no sentence."""

import pytest

from tacitus.prefilter import split_sentences


@pytest.mark.parametrize("text, pieces", [
    # a middle initial ends no sentence ...
    ("Obama talked with Robert M. Gates on Monday. Then he left.", 2),
    # ... but a Roman numeral or a letter after a thing's name does
    ("The museum is devoted to World War I. Police arrested 20 protesters.", 2),
    ("She wrote about Elizabeth I. Police later detained her.", 2),
    ("The vaccine contains Vitamin D. Critics accused the company.", 2),
    ("The clinic treats Hepatitis B. Police arrested its doctor.", 2),
    ("On Aug. 7 Gov. Lee spoke. Then he left.", 2),
])
def test_the_cheap_sentence_split_reads_a_middle_initial(text, pieces):
    assert len(split_sentences(text)) == pieces
