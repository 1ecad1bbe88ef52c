"""The link rule: only web and mail addresses stay live links."""

import pytest

from kkr_desk.domain.links import is_safe_link_target, safe_link_target


@pytest.mark.parametrize(
    "address",
    [
        "https://www.kl.dk/kkr",
        "http://example.org/a?b=c#d",
        "HTTPS://KL.DK",
        "mailto:sekretariat@kl.dk",
    ],
)
def test_web_and_mail_addresses_are_kept(address):
    assert safe_link_target(address) == address
    assert is_safe_link_target(address)


def test_a_bare_www_address_becomes_https():
    assert safe_link_target("www.kl.dk/kkr") == "https://www.kl.dk/kkr"
    assert not is_safe_link_target("www.kl.dk/kkr")


@pytest.mark.parametrize(
    "address",
    [
        "file:///etc/passwd",
        "smb://server/share",
        "ms-msdt:/id PCWDiagnostic",
        "search-ms:query=x",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<b>x</b>",
        "vbscript:msgbox",
        "\\\\server\\share",
        "https://",
        "https:evil",
        "mailto:",
        "https://kl.dk/\x00x",
        "https://kl.dk/ x",
        "",
        "   ",
        "relative/path",
        "javascript",
    ],
)
def test_every_other_address_is_refused(address):
    assert safe_link_target(address) is None
    assert not is_safe_link_target(address)
