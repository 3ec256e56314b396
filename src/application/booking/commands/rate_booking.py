"""A customer rates the professional who completed one of their bookings."""

import msgspec

from application.booking.errors import BookingNotFound
from application.booking.lifecycle_ports import CustomerBookings, ProviderRatings
from application.booking.lifecycle_views import RatingView
from application.common.ports import Clock, UnitOfWork
from application.identity.actors import CustomerActor
from domain.booking.entities import BookingId
from domain.customer.entities import CustomerId


class RateBooking(msgspec.Struct, frozen=True):
    booking_id: int
    stars: int
    comment: str = ""


class RateBookingHandler:
    """A signed-in customer rates their own completed booking once, 1 to 5 stars (BookingNotFound for
    anyone else's; NotCompleted before completion; AlreadyRated the second time). The provider's rating
    total, count and average change in the same transaction as the booking."""

    def __init__(
        self, bookings: CustomerBookings, providers: ProviderRatings, uow: UnitOfWork, clock: Clock
    ) -> None:
        self._bookings, self._providers, self._uow, self._clock = bookings, providers, uow, clock

    async def execute(self, cmd: RateBooking, *, actor: CustomerActor) -> RatingView:
        booking = await self._bookings.get_for_update(
            CustomerId(actor.customer_id), BookingId(cmd.booking_id)
        )
        if booking is None or booking.id is None:
            raise BookingNotFound(cmd.booking_id)
        booking.rate(now=self._clock.now(), stars=cmd.stars, comment=cmd.comment.strip())
        provider = await self._providers.get_for_update(booking.provider_id) if booking.provider_id else None
        if provider is None:
            raise BookingNotFound(cmd.booking_id)
        provider.record_rating(cmd.stars)
        await self._uow.commit()
        return RatingView(
            booking_id=booking.id,
            stars=cmd.stars,
            comment=booking.rating_comment or "",
            provider_id=provider.id,
            provider_rating_average=provider.rating_average,
            provider_rating_count=provider.rating_count,
        )
