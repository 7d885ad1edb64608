"""Regions named by their name alone, capitals named as capitals, and names that say themselves again in a second
language after a slash; a mark of a land against the same mark of its west."""

from __future__ import annotations

import pytest

from kg.resolve.link import Record, compare


@pytest.mark.parametrize(("a", "b", "country"), [
    # a region's authority is known by its region's name, which is no town's
    ("Land Kärnten", "Carinthia", "AT"),
    ("Amt der Kärntner Landesregierung", "Government of Carinthia", "AT"),
    ("Generalitat de Catalunya", "Government of Catalonia", "ES"),
    # the capital's municipality named as the capital's
    ("Столична община", "Sofia Municipality", "BG"),
    ("Fővárosi Önkormányzat", "Budapest Főváros Önkormányzata", "HU"),
    # "of the Slovak Republic" names the country, not the land around a town
    ("Hlavné mesto Slovenskej republiky Bratislava", "Bratislava City", "SK"),
    # a name, a slash, and the same name in German
    ("Hlavné mesto SR Bratislava / Hauptstadt der Slowakischen Republik Bratislava", "Hlavné mesto SR Bratislava",
     "SK"),
])
def test_one_body(a: str, b: str, country: str) -> None:
    assert compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    # a town's name is its municipality's too, not only its region's
    ("Region Stockholm", "Stockholm", "SE"),
    ("Grad Zagreb", "Zagrebačka županija", "HR"),
    # the capital's municipality is not its university, nor the capital its region
    ("Столична община", "Sofia University", "BG"),
    ("Hlavné mesto Slovenskej republiky Bratislava", "Bratislavský samosprávny kraj", "SK"),
    # what follows a slash is a faculty of the body, not its name again
    ("Sveučilište u Zagrebu / Medicinski fakultet", "Sveučilište u Zagrebu", "HR"),
    # one mark, and a land against its west: two local action groups
    ("MAS Krušné hory, o.p.s.", "MAS Krušné hory - západ, z.s.", "CZ"),
    # a country's adjective in a town's name still keeps two towns apart
    ("Město Česká Kamenice", "Městys Kamenice", "CZ"),
])
def test_two_bodies(a: str, b: str, country: str) -> None:
    assert not compare(Record(a, country), Record(b, country)).same
