"""Requests that reach no view, or whose view fails: JSON for API clients, a page for people."""

import pytest
from django.test import RequestFactory
from django.urls import get_resolver

from config import views

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/v1/no-such-resource/", "/api/v2/", "/api/"])
def test_an_unknown_api_address_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}


def test_an_unknown_page_is_a_page_that_leads_back_to_the_dashboard(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert b"Page not found" in response.content and b'href="/admin/"' in response.content


def test_a_failed_api_request_is_a_json_500():
    response = views.server_error(RequestFactory().get("/api/v1/athletes/"))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert b'"detail"' in response.content


def test_a_failed_page_is_a_page():
    response = views.server_error(RequestFactory().get("/admin/"))
    assert response.status_code == 500
    assert b"Something went wrong" in response.content


def test_the_urlconf_uses_these_handlers():
    resolver = get_resolver()
    assert resolver.resolve_error_handler(404) is views.not_found
    assert resolver.resolve_error_handler(500) is views.server_error
