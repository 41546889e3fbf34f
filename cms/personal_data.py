"""Personal data kept only as long as needed: each app registers how its old data is purged.

An app's `personal_data` module decorates a function with `@purger`; the function takes
the current time, removes what its retention setting no longer allows and returns a
sentence saying what it removed. `purge_personal_data` (run daily from cron) runs them all;
running it again removes nothing more.
"""

from django.utils.module_loading import autodiscover_modules

PURGERS = []


def purger(function):
    PURGERS.append(function)
    return function


def purge_all(now):
    autodiscover_modules("personal_data")
    return [purge(now) for purge in PURGERS]
