"""The four daily check-ins. The date comes from the URL; bounds come from the model."""

from coaching.api.fields import BoundedModelSerializer, choice_list
from coaching.models import (
    MICRONUTRIENTS,
    NutritionCheckIn,
    SleepCheckIn,
    StressCheckIn,
    WellnessCheckIn,
)

_META_FIELDS = ["id", "athlete", "date", "created_at", "updated_at"]


class CheckInSerializer(BoundedModelSerializer):
    """One day's check-in; the day is in the URL. PUT sends it whole, PATCH some fields."""

    class Meta:
        read_only_fields = _META_FIELDS


class SleepCheckInSerializer(CheckInSerializer):
    class Meta(CheckInSerializer.Meta):
        model = SleepCheckIn
        fields = [*_META_FIELDS, "hours", "quality"]


class NutritionCheckInSerializer(CheckInSerializer):
    micronutrient_concerns = choice_list(
        MICRONUTRIENTS, max_length=len(MICRONUTRIENTS), required=False
    )

    class Meta(CheckInSerializer.Meta):
        model = NutritionCheckIn
        fields = [
            *_META_FIELDS,
            "calories_kcal",
            "protein_g",
            "carbohydrate_g",
            "fat_g",
            "water_l",
            "micronutrient_concerns",
        ]


class StressCheckInSerializer(CheckInSerializer):
    class Meta(CheckInSerializer.Meta):
        model = StressCheckIn
        fields = [*_META_FIELDS, "stress", "mood"]


class WellnessCheckInSerializer(CheckInSerializer):
    class Meta(CheckInSerializer.Meta):
        model = WellnessCheckIn
        fields = [
            *_META_FIELDS,
            "fatigue",
            "soreness",
            "perceived_leg_weakness",
            "motivation",
            "urine_colour",
            "body_mass_kg",
        ]


CHECK_IN_KINDS = {
    "sleep": SleepCheckInSerializer,
    "nutrition": NutritionCheckInSerializer,
    "stress": StressCheckInSerializer,
    "wellness": WellnessCheckInSerializer,
}
