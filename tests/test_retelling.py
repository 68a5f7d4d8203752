"""One act told again in a story is one event (events/retelling.py): short stories written by the team, counted
as the store counts them (mentions of one type, dyad, date and place are one event)."""

from __future__ import annotations

import pytest

from tacitus.evaluate.realnews import merged
from tacitus.events.anchor_words import AnchorWords
from tacitus.events.retelling import Retelling
from tacitus.pipeline import Coder
from tacitus.records import Actor, Event, Location
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def acts(coder: Coder, text: str, kind: str) -> list[list[int]]:
    """The events of ``kind`` the store would hold for ``text``, each as the sentences of its mentions."""
    return sorted([m.sentence_index for m in g.mentions] for g in merged(coder.code_text(text))
                  if g.first.plover_type == kind)


@pytest.mark.parametrize("text, kind, expected", [
    # the act named again by its noun ("the ambush") with its toll
    ("Rebels ambushed an army convoy near Goma on Sunday. The ambush killed six soldiers, the army said.",
     "ASSAULT", [[0, 1]]),
    # the same predicate told again of the same people
    ("Police detained 40 protesters in Minsk on Saturday. Those detained included two journalists.",
     "COERCE", [[0, 1]]),
    # a country only guessed from the place does not tell the two apart from one the words give
    ("A suicide bomber attacked a convoy near Kabul on Monday. The attack killed six American soldiers.",
     "ASSAULT", [[0, 1]]),
    # the ones acted on named again by a determiner ("their camp") point back
    ("Militants killed six Kenyan police officers in Garissa on Monday. The officers were killed when gunmen "
     "stormed their camp.", "ASSAULT", [[0, 1]]),
    # a place only guessed from the dateline does not tell the act apart from its place told later, nor does the
    # day a count of such acts began ("the third incident of this sort since March")
    ("NAIROBI, May 4 (AFP) - Gunmen kidnapped a Kenyan policeman from a quarry near Kilima late Friday. The "
     "kidnapping of the policeman was the third incident of this sort in Mandera county since March.",
     "ASSAULT", [[0, 1]]),
    # a later act of the kind, somewhere else, stays apart
    ("Police detained 40 protesters in Minsk on Saturday. Those detained included two journalists. Police also "
     "detained a former minister in Grodno.", "COERCE", [[0, 1], [2]]),
])
def test_an_act_told_again_is_one_event(coder, text, kind, expected):
    assert acts(coder, text, kind) == expected


@pytest.mark.parametrize("text, kind", [
    ("Police in Lima detained 30 students on Monday. In a separate incident, police detained 12 miners.", "COERCE"),
    ("Police in Lima detained 30 students on Monday. Separately, police detained 12 miners.", "COERCE"),
    ("Police in Lima detained 30 students on Monday. Another 12 miners were detained by police.", "COERCE"),
    # told apart by who was acted on or who acted, with no mark of another act
    ("Bolivian police arrested 40 miners on Monday. Police arrested the opposition leader at his home.", "COERCE"),
    ("Police arrested 40 miners in La Paz on Monday. Soldiers arrested 12 journalists.", "COERCE"),
    ("Rebels killed ten farmers in Ituri on Monday. The killings were condemned. Rebels killed four soldiers.",
     "ASSAULT"),
    # an abduction is an act of its own kind, not the attack told before it by the same doers
    ("Al-Shabaab fighters attacked a border village in Mandera in March, killing nine. Al-Shabaab was blamed for "
     "the kidnapping of two Cuban doctors in the town.", "ASSAULT"),
])
def test_another_act_stays_apart(coder, text, kind):
    assert len(acts(coder, text, kind)) == 2


RULE = Retelling(2, 50.0, AnchorWords.load(), frozenset({"UAF"}))


def mention(index: int, sentence: str, word: str, **fields) -> Event:
    start = sentence.index(word)
    base = dict(event_id=f"e{index}", doc_id="d", sentence_index=index, sentence=sentence, evidence_start=start,
                evidence_end=start + len(word), plover_type="ASSAULT", plover_mode=None, plover_contexts=[],
                cameo_code="190", goldstein=-10.0, quad_class=4, predicate=word,
                source=Actor(text="rebels", country="COD", sector="REB", country_basis="mention"),
                target=Actor(text="soldiers", country="COD", sector="MIL", country_basis="mention"))
    return Event(**{**base, **fields})


GOMA = Location(name="Goma", country="COD", lat=-1.68, lon=29.23, basis="clause")
BUKAVU = Location(name="Bukavu", country="COD", lat=-2.51, lon=28.86, basis="clause")


def test_the_mentions_take_what_the_act_is_known_by():
    first = mention(0, "Rebels attacked soldiers near Goma on Sunday.", "attacked", location=GOMA,
                    date="2024-03-03", date_precision="day")
    again = mention(1, "The attack killed six.", "attack", target=Actor(text="six"))
    out = RULE([first, again])
    assert out[1].target == first.target and out[1].location == GOMA and out[1].date == "2024-03-03"
    assert len(merged(out)) == 1


@pytest.mark.parametrize("change", [
    dict(location=BUKAVU),  # a place of its own clause 100 km away
    dict(date="2024-03-05", date_precision="day"),  # a day of its own
    dict(historical=True),  # history, not the news
    dict(source=Actor(text="troops", country="RWA", sector="MIL", country_basis="mention")),  # another doer
    dict(sentence_index=4),  # too far from the first telling
])
def test_what_tells_two_acts_apart(change):
    first = mention(0, "Rebels attacked soldiers near Goma on Sunday.", "attacked", location=GOMA)
    again = mention(1, "The attack killed six.", "attack", **change)
    assert RULE([first, again])[1] == again


def test_the_act_takes_its_best_known_parties():
    first = mention(0, "Rebels attacked soldiers near Goma on Sunday.", "attacked", location=GOMA,
                    target=Actor(text="soldiers", sector="MIL"))
    again = mention(1, "The attack on Congolese troops killed six.", "attack",
                    target=Actor(text="Congolese troops", country="COD", sector="MIL", country_basis="mention"))
    out = RULE([first, again])
    assert out[0].target == again.target == out[1].target  # the country the second telling gives


def test_each_side_acting_on_the_other_is_two_acts():
    first = mention(0, "Rebels freed 30 soldiers on Sunday.", "freed", plover_type="RETREAT")
    back = mention(1, "The army freed 12 rebels.", "freed", plover_type="RETREAT", source=first.target,
                   target=first.source)
    assert RULE([first, back])[1] == back


def test_a_mention_pointing_back_to_nothing_stays_apart():
    first = mention(0, "Rebels attacked soldiers near Goma on Sunday.", "attacked", location=GOMA)
    other = mention(1, "Rebels shelled an army base.", "shelled")  # no word points back to the first act
    assert RULE([first, other])[1] == other


def test_a_country_from_the_setting_still_tells_acts_apart(coder):
    # the condemnation at home is not the accusation of the neighbour told two sentences before
    text = ("Eritrean troops fired on Ethiopian posts on Sunday. Ethiopia accused Eritrea of violating the truce. "
            "Ethiopian police arrested 40 protesters in Gondar. The Ethiopian government condemned the violence.")
    condemned = [e for e in coder.code_text(text) if e.sentence_index == 3 and e.plover_type == "ACCUSE"]
    assert condemned and condemned[0].target is not None and condemned[0].target.country == "ETH"
