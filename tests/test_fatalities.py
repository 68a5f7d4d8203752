"""tacitus.events.fatalities: reported death counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.events.fatalities import FatalityMention, find_fatalities

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.parametrize("sentence, expected", [
    ("The ambush ended by killing four officers near the depot.", [(4, False)]),
    ("At least 12 people were killed when shells hit the market.", [(12, False)]),
    ("More than 50 people, including civilians, have been killed since the offensive began.", [(50, True)]),
    ("Raiders killed 3 soldiers at a checkpoint.", [(3, False)]),
    ("Troops stormed the camp, killing 11 of them.", [(11, False)]),
    ("A dozen killed in overnight clashes, residents said.", [(12, False)]),
    ("Twenty-three miners died after the collapse.", [(23, False)]),
    ("Floods claimed 1,200 lives across the valley.", [(1200, False)]),
    ("The death toll rose to 30 on Sunday.", [(30, False)]),
    ("Officials reported a death toll of at least 44.", [(44, False)]),
    ("Medics counted 30 dead after the storm.", [(30, False)]),
    ("Divers recovered the bodies of 5 fishermen.", [(5, True)]),  # fishermen are civilians
    ("The blast tore through the bus station, killing two and injuring 15.", [(2, False)]),
    ("Three civilians were reportedly killed in the strike.", [(3, True)]),
    ("A car bomb killed 40 people, among them several women and children.", [(40, True)]),
    ("The raid left 7 people dead, most of them children.", [(7, True)]),
    ("A 12-year-old boy was killed by a stray bullet.", [(1, True)]),
    ("Militants killed a policeman and wounded two others.", [(1, False)]),
    ("The attackers, killing at least one hundred and five people, fled north.", [(105, False)]),
    ("The army said it killed 20 militants, while five soldiers died.", [(20, False), (5, False)]),
    ("Nine bodies were found in the river.", [(9, False)]),
    # counted among their kin, and killed by a named means
    ("Five members of a household were shot dead by raiders.", [(5, False)]),
    ("A police commander was stabbed to death near parliament.", [(1, False)]),
    ("Two farmers were hacked to death in their fields.", [(2, True)]),
    # counts of one act coordinated: all the dead, not the last count alone
    ("At least nine police officers and three attackers were killed in the raid on the checkpoint.", [(12, False)]),
    ("Three policemen, two soldiers and a child were killed in the blast.", [(6, True)]),
    ("Gunmen killed three soldiers and two civilians on Sunday.", [(5, True)]),
    # ... but not the wounded of a clause of its own
    ("Gunmen killed three soldiers and two civilians were wounded.", [(3, False)]),
])
def test_counts(sentence, expected):
    got = find_fatalities(sentence)
    assert [(m.count, m.civilians) for m in got] == expected
    for m in got:
        assert isinstance(m, FatalityMention)
        assert sentence[m.start:m.end] == m.text


@pytest.mark.parametrize("sentence", [
    "Dozens were killed in the raid.",  # vague: no exact count
    "Hundreds of people died in the famine.",
    "Fifteen people were injured in the blast.",  # wounded are not dead
    "Six people were killed or wounded in the attack.",  # casualties, not deaths
    "He was killed two years ago.",  # a time, not a count
    "No one was killed.",
    "Police said 2,000 protesters were detained.",
    "In 2015 killed was a word in the headline.",
])
def test_no_count(sentence):
    assert find_fatalities(sentence) == []


def test_number_before_active_verb_is_the_killers():
    got = find_fatalities("12 gunmen killed 3 soldiers.")
    assert [(m.count, m.text) for m in got] == [(3, "killed 3 soldiers")]


def test_bad_input():
    with pytest.raises(TypeError, match="text=None"):
        find_fatalities(None)  # type: ignore[arg-type]


@pytest.mark.skipif(not (SHARED / "examples" / "seed_article.txt").exists(), reason="shared/ not present")
def test_seed_article_toll():
    text = (SHARED / "examples" / "seed_article.txt").read_text(encoding="utf-8")
    got = find_fatalities(text)
    assert [(m.count, m.civilians) for m in got] == [(50, True)]
