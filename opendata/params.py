"""Strict reading of the API's query parameters: anything the API does not understand is a 400.

A web page may ignore a parameter it cannot use (the public listings do); a data API that
did so would hand a client the whole collection when it asked for a filtered part, so
here an unknown parameter, a repeated single-valued one, a value outside its vocabulary
or a number that is not plain ASCII digits is refused with a message naming it.
"""

import re

from wagtail.api.v2.utils import BadRequestError

# Plain ASCII digits: `int()` would also take "+1", " 1", "1_000" and Arabic-Indic digits.
DIGITS = re.compile(r"[0-9]{1,9}\Z")
MAX_VALUES = 30  # values of one filter; more is not a person or program choosing
MAX_VALUE_LENGTH = 120


def check_known(params, allowed):
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        shown = ", ".join(repr(name[:40]) for name in unknown[:10])
        raise BadRequestError(f"unknown query parameter: {shown}; allowed: {', '.join(sorted(allowed))}")


def single(params, name):
    """The one value of a parameter that may be given once, or None."""
    values = params.getlist(name)
    if len(values) > 1:
        raise BadRequestError(f"{name} may be given only once")
    return values[0] if values else None


def number(params, name, default, maximum):
    value = single(params, name)
    if value is None:
        return default
    if not DIGITS.match(value):
        raise BadRequestError(f"{name} must be a whole number from 0 to {maximum}")
    value = int(value)
    if value > maximum:
        raise BadRequestError(f"{name} cannot be higher than {maximum}")
    return value


def choice_values(params, name, allowed):
    """The distinct values of a repeatable parameter, each one of `allowed` (an empty value is no choice)."""
    values = [value for value in params.getlist(name) if value != ""]
    if len(values) > MAX_VALUES:
        raise BadRequestError(f"{name} takes at most {MAX_VALUES} values")
    unknown = [value for value in values if len(value) > MAX_VALUE_LENGTH or value not in allowed]
    if unknown:
        raise BadRequestError(f"{name}: unknown value {unknown[0][:40]!r}")
    return list(dict.fromkeys(values))
