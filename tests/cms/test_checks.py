"""The system checks that keep H5P code off the site's origin."""

from cms.checks import h5p_player_origin_check, h5p_player_origin_https_check


def ids(messages):
    return [message.id for message in messages]


def test_the_player_origin_must_be_another_origin_than_the_site(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://virage.example"

    settings.H5P_PLAYER_ORIGIN = "https://virage.example"
    assert ids(h5p_player_origin_check(None)) == ["virage.E002"]
    settings.H5P_PLAYER_ORIGIN = "https://h5p.virage-contenu.example/chemin"
    assert ids(h5p_player_origin_check(None)) == ["virage.E001"]
    settings.H5P_PLAYER_ORIGIN = "https://h5p.virage-contenu.example"
    assert h5p_player_origin_check(None) == []


def test_deployment_wants_the_player_over_https(settings):
    settings.H5P_PLAYER_ORIGIN = "http://h5p.virage-contenu.example"
    assert ids(h5p_player_origin_https_check(None)) == ["virage.W001"]
    settings.H5P_PLAYER_ORIGIN = "https://h5p.virage-contenu.example"
    assert h5p_player_origin_https_check(None) == []
