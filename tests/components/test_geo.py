"""Which country a point lies in, from the shipped outlines."""

from components import geo


def test_a_city_is_in_its_country_and_the_open_sea_in_none(data):
    countries = geo.outlines(data.world)
    assert geo.country_at(countries, 135.5, 34.7) == "JPN"  # Osaka
    assert geo.country_at(countries, 127.5, 36.6) == "KOR"  # Chungbuk
    assert geo.country_at(countries, 102.6, 18.0) == "LAO"  # Vientiane
    assert geo.country_at(countries, 130.0, 28.0) == ""  # the East China Sea
    assert geo.country_at(countries, -122.4 + 360, 37.8) == "USA"  # San Francisco, unwrapped east
