"""After login (and a language change) Sil follows next= only to a path of its own site."""
from urllib.parse import urlsplit

import pytest
from conftest import PASSWORD

from screens.safe_paths import same_site_path

CRAFTED = ["/%09/evil.com", "/\t/evil.com", "/\n/evil.com", "/\r/evil.com", "//evil.com", "///evil.com",
           "/\\evil.com", "\\\\evil.com", "/%5Cevil.com", "/%5C%5Cevil.com", "/%2F/evil.com", "/%2f%2fevil.com",
           "%2F%2Fevil.com", "http://evil.com", "https://evil.com/", "HTTP://evil.com", "javascript:alert(1)",
           " //evil.com", "\x00//evil.com", "/%00/evil.com", "/%0d%0a/evil.com", "/%252F%252Fevil.com",
           "evil.com", "@evil.com", "/\x7f/evil.com", "//evil.com/%2F..", "/%09%09/evil.com"]
KEPT = ["/", "/projects/3", "/projects/3/records?q=nurses+breaks&page=2", "/projects/3/records?q=a%20b", "/a//b"]


@pytest.mark.parametrize("target", CRAFTED)
def test_a_crafted_next_is_never_followed_off_the_site(app, make_user, target):
    make_user("anne")
    page = app.get("/login", {"next": target})
    form = page.forms["login"]
    assert form["next"].value == "/"
    form["next"] = target  # sent as it is, past the form's own clean-up
    form["name"], form["password"] = "anne", PASSWORD
    response = form.submit()
    assert response.status_int == 303
    location = urlsplit(response.location)
    assert location.netloc in ("", "localhost", "localhost:80") and location.path == "/", response.location


@pytest.mark.parametrize("target", KEPT)
def test_a_path_of_the_site_is_followed_after_login(target):
    assert same_site_path(target) == target


def test_the_language_switch_follows_no_crafted_next(app):
    page = app.get("/login")
    token = page.forms["login"]["csrf_token"].value
    for target in CRAFTED:
        response = app.post("/language", {"csrf_token": token, "language": "nb", "next": target})
        assert urlsplit(response.location).path == "/" and "evil" not in response.location
