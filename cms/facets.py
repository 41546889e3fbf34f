"""Faceted listings: facets declared once per listing, one parser, honest counts, one form.

A listing is a django-filter `FilterSet` (the library Wagtail's own admin listings use)
whose filters are `Facet`s. django-filter builds the form from the declarations, validates
the GET values and applies the valid ones; this module adds what a public faceted listing
needs beside that:

- one parser with one cap: at most `MAX_VALUES` values per facet, empty values dropped, a
  value not among the options is a form error that names no value (it may be 100 000
  characters of anything) and its facet is ignored, never a 5xx;
- several values of one facet widen the list (OR), facets narrow it (AND); a facet over a
  multi-valued relation filters through a sub-query, so the results never repeat a row;
- an option's count is the number of results choosing it would give, with every *other*
  facet applied: one grouped count per facet, all of a listing's counts read in one query
  (their UNION ALL); options that would give nothing are not offered unless chosen (on
  every listing alike);
- pagination, and `includes/facets.html`, the one template for the form (checkboxes in a
  fieldset, or one select, with the counts and any error) in a disclosure that says how
  many options are chosen. Listings that count their own options (the event index, search
  results) hand it a `Filters`.

django-filter alone has no counts and no per-request choices, and its filters over a
relation join (and so need `distinct()`); `Facet` overrides those parts of `Filter`.
"""

import hashlib
from dataclasses import dataclass, field, replace

import django_filters
from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.db.models import CharField, Count, Q, Value
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .visibility import kept_for_the_public

MAX_VALUES = 20  # per facet; more is not a person choosing


@dataclass
class Option:
    """One choice of a facet; `lang`/`dir`/`endonym` for a language shown in its own script."""

    value: object
    label: str
    count: int = 0
    selected: bool = False
    lang: str = ""
    dir: str = ""
    endonym: str = ""


@dataclass
class FacetState:
    """A facet as the template shows it for one request."""

    name: str
    label: str
    options: list
    multiple: bool
    errors: list = field(default_factory=list)
    id_prefix: str = "filter"

    @property
    def id(self):
        return f"{self.id_prefix}-{self.name}"

    @property
    def active(self):
        return any(option.selected for option in self.options)


class ChoicesField(forms.MultipleChoiceField):
    """The values of one checkbox facet: empty values dropped, at most `MAX_VALUES` of them."""

    default_error_messages = {
        "invalid_choice": _("Choose from the options listed."),
        "too_many": _("Choose at most %(max)d options."),
    }

    def to_python(self, value):
        return [item for item in dict.fromkeys(super().to_python(value)) if item]

    def validate(self, value):
        if len(value) > MAX_VALUES:
            raise ValidationError(self.error_messages["too_many"], code="too_many", params={"max": MAX_VALUES})
        super().validate(value)


class ChoiceField(forms.ChoiceField):
    """The value of one select facet."""

    default_error_messages = {"invalid_choice": ChoicesField.default_error_messages["invalid_choice"]}


def crosses_many(model, path):
    """Whether the lookup `path` from `model` passes a relation with several rows per object."""
    opts = model._meta
    for part in path.split("__"):
        try:
            model_field = opts.get_field(part)
        except FieldDoesNotExist:
            return False
        if model_field.many_to_many or model_field.one_to_many:
            return True
        if not model_field.is_relation:
            return False
        opts = model_field.related_model._meta
    return False


class Facet(django_filters.Filter):
    """One GET parameter of a listing: its options, how it filters and how it counts.

    `field_name` is the lookup path of the value (`region`, `themes__slug`,
    `versions__language`); `choices` are (value, label) pairs or `Option`s, or a
    callable(listing) returning them for this request (terms in the active language, the
    tags in use); `multiple`: checkboxes (OR between values) or one select.
    """

    def __init__(self, field_name=None, *, label, choices, multiple=True, **kwargs):
        super().__init__(field_name, label=label, **kwargs)
        self.choices = choices
        self.multiple = multiple
        self.field_class = ChoicesField if multiple else ChoiceField

    @cached_property
    def options(self):
        choices = self.choices(self.parent) if callable(self.choices) else self.choices
        return [choice if isinstance(choice, Option) else Option(*choice) for choice in choices]

    @property
    def field(self):
        self.extra["choices"] = [(str(option.value), option.label) for option in self.options]
        return super().field

    def values(self, value):
        """The cleaned value as a list (empty: the facet is not used)."""
        if value in django_filters.constants.EMPTY_VALUES:
            return []
        return list(value) if self.multiple else [value]

    def condition_for(self, model, values):
        """The facet with any of `values` as a condition on `model` (the open data API uses it too)."""
        lookup = {f"{self.field_name}__in": values}
        if crosses_many(model, self.field_name):
            return Q(pk__in=model._default_manager.filter(**lookup).values("pk"))
        return Q(**lookup)

    def filter(self, qs, value):
        values = self.values(value)
        return qs.filter(self.condition_for(qs.model, values)) if values else qs

    def count_query(self, qs, name):
        """`qs` grouped by this facet's value: rows of (`name`, value as text, label, count).

        Every facet's rows have these four columns, so that a listing reads the counts of
        all its facets in one query (`FacetedListing.counts`).
        """
        return self.count_rows(qs.order_by(), name, Cast(self.field_name, CharField()), Value(""))

    @staticmethod
    def count_rows(qs, name, value, label):
        return (
            qs.annotate(facet_name=Cast(Value(name), CharField()), facet_value=value, facet_label=label)
            .values_list("facet_name", "facet_value", "facet_label")
            .annotate(facet_count=Count("pk", distinct=True))
        )

    def read_counts(self, rows):
        """{str(value): number of results with it} from this facet's (value, label, count) rows."""
        return {value: count for value, _label, count in rows if value is not None}


class OpenFacet(Facet):
    """A one-value facet whose options are the values in use (tags, authors), named by `label_field`.

    Its value is checked for shape by `form_field` (a slug, a number), not looked up: the
    options and their labels come with the counts, so the facet costs one query. A
    well-formed value nothing uses gives no results.
    """

    def __init__(self, field_name, *, label, label_field, form_field):
        super().__init__(field_name, label=label, choices=(), multiple=False)
        self.label_field = label_field
        self.form_field = form_field

    @property
    def field(self):
        if not hasattr(self, "_field"):
            self._field = self.form_field
            self._field.label = self.label
        return self._field

    def count_query(self, qs, name):
        return self.count_rows(
            qs.order_by(), name, Cast(self.field_name, CharField()), Cast(self.label_field, CharField())
        )

    def read_counts(self, rows):
        """The counts, and the options: the values in use, named by their labels (rows come by label)."""
        self.options = [Option(value, label) for value, label, _count in rows if value is not None]
        return super().read_counts(rows)


class FlagFacet(Facet):
    """One checkbox (`?name=1`) keeping the results that meet `condition` (a Q object)."""

    def __init__(self, *, label, option_label, condition):
        super().__init__(label=label, choices=[("1", option_label)])
        self.condition = condition

    def condition_for(self, model, values):
        return self.condition

    def count_query(self, qs, name):
        # Grouped by constants only: one row, the number of results meeting the condition.
        return self.count_rows(qs.order_by().filter(self.condition), name, Cast(Value("1"), CharField()), Value(""))


def terms(model):
    """Choices of a `cms.vocabulary.TranslatableTerm` model: its slugs, named in the active language."""
    return lambda listing: [(slug, term.name) for slug, term in listing.terms(model).items()]


class FilterSummary:
    """What the filter drawer's summary says of a listing's `facets`: how many options are chosen."""

    hidden = ()  # (name, value) pairs the form keeps (the tab, the query)
    id_prefix = "filter"

    @property
    def active_count(self):
        return sum(option.selected for facet in self.facets for option in facet.options)

    @property
    def has_errors(self):
        return any(facet.errors for facet in self.facets)

    @property
    def clear_query(self):
        """The query string of the listing with no option chosen ("" or "?when=past")."""
        return f"?{urlencode(self.hidden)}" if self.hidden else ""


@dataclass
class Filters(FilterSummary):
    """Facets a listing counts itself (the event index, search results), for `includes/facets.html`."""

    facets: list
    hidden: list = field(default_factory=list)

    @property
    def is_filtered(self):
        return bool(self.active_count)


class FacetedListing(FilterSummary, django_filters.FilterSet):
    """The facets' form, the filtered results, the facets with their counts and one page.

    Subclasses declare `Facet`s as class attributes (the attribute name is the GET
    parameter) and may override `results()` for ordering and prefetching.
    """

    per_page = 12

    def __init__(self, params, queryset, page_number=None, *, source=None):
        """`source`: with the listing's class, what says which results it starts from (its page's
        id), where that alone says it; the counts are kept under it, else under the results' SQL."""
        super().__init__(data=params, queryset=queryset)
        self.page_number = page_number
        self.source = source
        self._terms = {}
        self.form.is_valid()  # invalid facets drop out of cleaned_data (ignored); their errors are shown

    def terms(self, model):
        """{slug: term in the active language} of a term model, read once per listing and kept
        until what the public sees changes (saving a term changes it)."""
        if model not in self._terms:
            key = f"{model._meta.label_lower}:{get_language()}"
            self._terms[model] = kept_for_the_public("facet-terms", key, model.by_slug, copies=True)
        return self._terms[model]

    def chosen(self, name):
        return self.filters[name].values(self.form.cleaned_data.get(name))

    @property
    def is_filtered(self):
        return any(self.chosen(name) for name in self.filters)

    def filtered(self, skip=None):
        queryset = self.queryset
        for name, value in self.form.cleaned_data.items():
            if name != skip:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def results(self):
        """The rows of `filtered()`, which a listing may order and prefetch for its cards but not
        narrow: their number is kept under the counts' key (`page_obj`)."""
        return self.filtered()

    def counts(self):
        """{facet name: {str(value): count}}: each facet's counts under the other facets, in one query."""
        if not self.filters:
            return {}

        def read():
            queries = [facet.count_query(self.filtered(skip=name), name) for name, facet in self.filters.items()]
            return list(queries[0].union(*queries[1:], all=True).order_by("facet_label"))

        rows = {name: [] for name in self.filters}
        for name, value, label, count in kept_for_the_public("facet-counts", self.counts_key, read):
            rows[name].append((value, label, count))
        return {name: self.filters[name].read_counts(facet_rows) for name, facet_rows in rows.items()}

    @cached_property
    def counts_key(self):
        """What the counts (and the number of results) are kept under until what the public sees
        changes. The counting query follows from the listing's class (its facets are class
        attributes), the results it starts from and the values chosen, so those are its key:
        compiling the union, or even the results' query, for a key cost more than the rest of
        the counting on a hit."""
        source = self.source if self.source is not None else self.queryset.query.sql_with_params()
        chosen = sorted((name, repr(value)) for name, value in self.form.cleaned_data.items())
        listing = (type(self).__module__, type(self).__qualname__, self.queryset.db)
        return hashlib.sha256(repr((listing, source, chosen)).encode()).hexdigest()

    @cached_property
    def facets(self):
        states = []
        all_counts = self.counts()
        for name, facet in self.filters.items():
            counts = all_counts[name]
            chosen = {str(value) for value in self.chosen(name)}
            options = [
                replace(option, count=counts.get(str(option.value), 0), selected=str(option.value) in chosen)
                for option in facet.options
                if counts.get(str(option.value)) or str(option.value) in chosen
            ]
            states.append(
                FacetState(name, facet.label, options, facet.multiple, self.form.errors.get(name, []), self.id_prefix)
            )
        return states

    @cached_property
    def page_obj(self):
        """The page of results asked for (the last for a number past it, the first for no number),
        its number of results and its items (with what `results()` prefetches for their cards)
        kept under the counts' key until what the public sees changes."""
        paginator = Paginator(self.results(), self.per_page)
        paginator.count = kept_for_the_public("result-count", self.counts_key, self.filtered().count)  # a cached property
        page = paginator.get_page(self.page_number)
        page.object_list = kept_for_the_public(
            "result-page", f"{self.counts_key}:{page.number}", lambda: list(page.object_list), copies=True
        )
        return page

    @property
    def result_count(self):
        return self.page_obj.paginator.count
