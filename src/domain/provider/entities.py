"""Service providers: who can do which services, where, and when."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import NewType

from domain.shared.errors import InvalidValue
from domain.shared.phone import PhoneNumber

ProviderId = NewType("ProviderId", int)

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class InvalidWorkingHours(InvalidValue):
    code = "invalid_working_hours"

    def __init__(self, message: str) -> None:
        super().__init__("working_hours", message)


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """Daily hours in Asia/Kolkata as minutes after midnight, and the weekdays worked ("1111110": Mon-Sat)."""

    start_minute: int
    end_minute: int
    days: str = "1111110"

    def __post_init__(self) -> None:
        if not (0 <= self.start_minute < self.end_minute <= 24 * 60):
            raise InvalidWorkingHours("start must be before end, both within the day")
        if len(self.days) != 7 or set(self.days) - {"0", "1"} or "1" not in self.days:
            raise InvalidWorkingHours("days must be 7 flags (Mon..Sun) of 0/1 with at least one 1")

    def works_on(self, weekday: int) -> bool:
        """Monday is 0, as in `date.weekday()`."""
        return self.days[weekday] == "1"


@dataclass(eq=False, kw_only=True)
class Provider:
    """A professional or small business. Skills (subcategories) and served pincodes live in junction tables
    and are read through query ports; the rating aggregates are kept on the row for fast listing."""

    id: ProviderId
    name: str
    phone: PhoneNumber
    business_name: str = ""
    bio: str = ""
    experience_years: int = 0
    hours: WorkingHours
    rating_average: Decimal = Decimal("0.00")
    rating_count: int = 0
    rating_total: int = 0
    jobs_completed: int = 0
    is_verified: bool = False
    is_active: bool = True

    def record_rating(self, stars: int) -> None:
        """Fold one 1-5 star rating in. The exact star total is kept, so the shown average (half up, two
        decimals) never drifts however many ratings arrive."""
        if not 1 <= stars <= 5:
            raise InvalidValue("stars", "a rating is 1 to 5 stars")
        self.rating_total += stars
        self.rating_count += 1
        self.rating_average = (Decimal(self.rating_total) / self.rating_count).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
