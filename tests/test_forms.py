"""Form fields tell screen readers about their help text and errors."""

from bs4 import BeautifulSoup
from django import forms
from django.template.loader import render_to_string


class ExampleForm(forms.Form):
    email = forms.EmailField(label="E-mail", help_text="We never show it.")


def render_field(form):
    return BeautifulSoup(render_to_string("includes/form_field.html", {"field": form["email"]}), "html.parser")


def test_help_text_is_tied_to_the_input():
    html = render_field(ExampleForm())
    field = html.find("input")
    assert field["aria-describedby"] == "id_email_helptext"
    assert html.find(id="id_email_helptext").get_text() == "We never show it."
    assert html.find("label")["for"] == "id_email"
    assert "aria-invalid" not in field.attrs


def test_errors_are_tied_to_the_input_and_marked_invalid():
    form = ExampleForm(data={"email": "not an address"})
    assert not form.is_valid()
    html = render_field(form)
    field = html.find("input")
    assert field["aria-describedby"].split() == ["id_email_helptext", "id_email_errors"]
    assert field["aria-invalid"] == "true"
    assert field["value"] == "not an address"  # what was typed is kept
    assert html.find(id="id_email_errors").get_text().strip()  # the message, in the active language
