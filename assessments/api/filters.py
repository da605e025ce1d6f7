import django_filters as filters

from assessments.models import Flag
from coaching.api.filters import IdFilter, TimestampFilter


class FlagFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=Flag.Status.choices)
    kind = filters.ChoiceFilter(choices=Flag.Kind.choices)
    athlete = IdFilter(field_name="athlete_id", label="Flags of this athlete id.")
    updated_since = TimestampFilter(field_name="updated_at", lookup_expr="gte")
    to = filters.DateFilter(
        field_name="opened_at", lookup_expr="date__lte", label="Opened on or before."
    )
    locals()["from"] = filters.DateFilter(
        field_name="opened_at", lookup_expr="date__gte", label="Opened on or after."
    )

    class Meta:
        model = Flag
        fields = []
