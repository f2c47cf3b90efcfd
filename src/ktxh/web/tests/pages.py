"""Helpers for the pages' tests: a signed-in client and figures taken through the workflow."""

from django.test import Client

from ktxh.web.data.tracking import workflow


def signed_in(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def approved(w, text, *, indicator=None, period=None, officer=None):
    """A figure entered, sent and approved the way people do it."""
    a = workflow.enter(officer or w.officer, unit=w.a, indicator=indicator or w.grain, period=period or w.year, text=text)
    a = workflow.submit(officer or w.officer, a, version=a.version)
    return workflow.approve(w.leader, a, version=a.version)


def can_log_in(username: str, password: str) -> bool:
    """Signs in through the login page as a person does (so throttling sees it); True if let in."""
    from django.urls import reverse

    return Client().post(reverse("ui:login"), {"username": username, "password": password}).status_code == 302
