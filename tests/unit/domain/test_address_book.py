"""The customer's address book: at most ten live addresses, exactly one default while any is live, soft
removal, and the contact details a customer may drop."""

from datetime import UTC, datetime, timedelta
from itertools import count

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from domain.customer.addresses import (
    MAX_ADDRESSES,
    DefaultAddressRequired,
    InvalidAddressText,
    Location,
    TooManyAddresses,
    UnknownAddress,
)
from domain.customer.entities import Address, AddressId, ContactRequired, Customer, CustomerId
from domain.shared.email import Email
from domain.shared.phone import PhoneNumber
from domain.shared.pincode import Pincode

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
KORAMANGALA = Location(Pincode("560034"), "Koramangala", "Bengaluru", "Karnataka")
BANDRA = Location(Pincode("400050"), "Bandra West", "Mumbai", "Maharashtra")
_ids = count(1)


def customer(*, email: str | None = "anita@example.in", phone: str | None = None) -> Customer:
    return Customer(
        id=CustomerId(1),
        name="Anita Rao",
        email=Email(email) if email else None,
        phone=PhoneNumber(phone) if phone else None,
        password_hash="$argon2id$placeholder",
    )


def add(book: Customer, label: str = "Home", *, make_default: bool = False) -> Address:
    """Add an address and give it an id, as the repository's flush would."""
    address = book.add_address(
        label=label, line1="4B Prestige Acropolis", location=KORAMANGALA, make_default=make_default
    )
    address.id = AddressId(next(_ids))
    return address


def defaults(book: Customer) -> list[str]:
    return [a.label for a in book.live_addresses if a.is_default]


def test_first_address_is_the_default_when_the_book_was_empty() -> None:
    book = customer()
    home = add(book, "Home")
    assert home.is_default
    assert (home.city, home.state, home.locality, home.pincode) == (
        "Bengaluru",
        "Karnataka",
        "Koramangala",
        Pincode("560034"),
    )


def test_later_address_is_not_the_default_when_not_asked_for() -> None:
    book = customer()
    add(book, "Home")
    office = add(book, "Office")
    assert not office.is_default
    assert defaults(book) == ["Home"]


def test_making_an_address_the_default_undefaults_the_others_when_added_or_changed() -> None:
    book = customer()
    add(book, "Home")
    office = add(book, "Office", make_default=True)
    assert defaults(book) == ["Office"]
    parents = add(book, "Parents")
    assert office.id is not None
    assert parents.id is not None
    book.change_address(parents.id, default=True)
    assert defaults(book) == ["Parents"]


def test_eleventh_address_is_refused_when_ten_are_live() -> None:
    book = customer()
    for n in range(MAX_ADDRESSES):
        add(book, f"Place {n}")
    with pytest.raises(TooManyAddresses) as refused:
        add(book, "One too many")
    assert refused.value.limit == MAX_ADDRESSES
    assert len(book.live_addresses) == MAX_ADDRESSES


def test_removed_addresses_do_not_count_towards_the_limit_when_adding_again() -> None:
    book = customer()
    first = [add(book, f"Place {n}") for n in range(MAX_ADDRESSES)]
    assert first[3].id is not None
    book.remove_address(first[3].id, now=NOW)
    add(book, "Replacement")
    assert len(book.live_addresses) == MAX_ADDRESSES
    assert len(book.addresses) == MAX_ADDRESSES + 1


def test_removing_the_default_makes_the_oldest_remaining_the_default_when_others_remain() -> None:
    book = customer()
    home, office, parents = add(book, "Home"), add(book, "Office"), add(book, "Parents")
    assert home.id is not None
    assert parents.id is not None
    book.change_address(parents.id, default=True)
    book.remove_address(parents.id, now=NOW)
    assert defaults(book) == ["Home"]
    book.remove_address(home.id, now=NOW + timedelta(minutes=1))
    assert defaults(book) == ["Office"]
    assert office.is_default


def test_removing_another_address_keeps_the_default_when_it_was_not_the_default() -> None:
    book = customer()
    add(book, "Home")
    office = add(book, "Office")
    assert office.id is not None
    book.remove_address(office.id, now=NOW)
    assert defaults(book) == ["Home"]


def test_removed_address_is_kept_but_never_shown_when_soft_deleted() -> None:
    book = customer()
    home = add(book, "Home")
    assert home.id is not None
    book.remove_address(home.id, now=NOW)
    assert book.live_addresses == []
    assert book.address(home.id) is None
    assert home in book.addresses
    assert (home.deleted_at, home.is_default, home.line1) == (NOW, False, "4B Prestige Acropolis")
    with pytest.raises(UnknownAddress):
        book.remove_address(home.id, now=NOW)
    with pytest.raises(UnknownAddress):
        book.change_address(home.id, label="Back again")


def test_unknown_address_id_is_refused_when_changing_or_removing() -> None:
    book = customer()
    add(book, "Home")
    with pytest.raises(UnknownAddress):
        book.change_address(AddressId(987654), label="Not mine")
    with pytest.raises(UnknownAddress):
        book.remove_address(AddressId(987654), now=NOW)


def test_clearing_the_default_flag_is_refused_when_it_is_the_default() -> None:
    book = customer()
    home = add(book, "Home")
    office = add(book, "Office")
    assert home.id is not None
    assert office.id is not None
    with pytest.raises(DefaultAddressRequired):
        book.change_address(home.id, label="Changed", default=False)
    assert home.label == "Home"
    book.change_address(office.id, default=False)
    assert defaults(book) == ["Home"]


def test_changes_apply_only_to_given_fields_and_the_location_moves_together_when_changed() -> None:
    book = customer()
    home = add(book, "Home")
    assert home.id is not None
    book.change_address(home.id, line2="  20th   Main ", location=BANDRA)
    assert (home.label, home.line1, home.line2) == ("Home", "4B Prestige Acropolis", "20th Main")
    assert (home.pincode, home.locality, home.city, home.state) == (
        Pincode("400050"),
        "Bandra West",
        "Mumbai",
        "Maharashtra",
    )
    book.change_address(home.id, line2="")
    assert home.line2 == ""


@pytest.mark.parametrize(
    ("field", "value"),
    [("label", "   "), ("label", "x" * 41), ("line1", ""), ("line1", "y" * 201), ("landmark", "z" * 121)],
)
def test_address_text_is_refused_and_nothing_changes_when_blank_or_too_long(field: str, value: str) -> None:
    book = customer()
    home = add(book, "Home")
    assert home.id is not None
    with pytest.raises(InvalidAddressText) as refused:
        book.change_address(home.id, **{"line2": "Near the park", field: value})  # type: ignore[arg-type]
    assert refused.value.field == field
    assert (home.label, home.line1, home.line2) == ("Home", "4B Prestige Acropolis", "")
    with pytest.raises(InvalidAddressText):
        book.add_address(
            **{"label": "Office", "line1": "12 MG Road", "location": KORAMANGALA, field: value}  # type: ignore[arg-type]
        )
    assert len(book.live_addresses) == 1


def test_deleting_the_account_scrubs_every_address_when_the_customer_leaves() -> None:
    book = customer()
    add(book, "Home")
    add(book, "Office")
    book.delete(now=NOW)
    assert book.live_addresses == []
    assert all(a.line1 == "Removed" and not a.is_default for a in book.addresses)


def test_email_can_be_dropped_when_a_mobile_remains() -> None:
    both = customer(phone="+919812345678")
    both.email_verified = True
    both.remove_contact(email=True)
    assert (both.email, both.email_verified, both.phone) == (None, False, PhoneNumber("+919812345678"))


@pytest.mark.parametrize(
    ("email", "phone", "drop_email", "drop_phone"),
    [
        ("anita@example.in", None, True, False),
        (None, "+919812345678", False, True),
        ("anita@example.in", "+919812345678", True, True),
    ],
)
def test_dropping_contact_details_is_refused_when_none_would_remain(
    email: str | None, phone: str | None, drop_email: bool, drop_phone: bool
) -> None:
    someone = customer(email=email, phone=phone)
    with pytest.raises(ContactRequired):
        someone.remove_contact(email=drop_email, phone=drop_phone)
    assert (someone.email is not None, someone.phone is not None) == (email is not None, phone is not None)


class AddressBookMachine(RuleBasedStateMachine):
    """Any sequence of adds, removals and default changes keeps the book's rules."""

    def __init__(self) -> None:
        super().__init__()
        self.book = customer()
        self.clock = NOW
        self.removed: set[int] = set()

    def _live_ids(self) -> list[AddressId]:
        return [a.id for a in self.book.live_addresses if a.id is not None]

    @rule(make_default=st.booleans())
    def add_one(self, make_default: bool) -> None:
        live_before = len(self.book.live_addresses)
        if live_before >= MAX_ADDRESSES:
            with pytest.raises(TooManyAddresses):
                add(self.book, make_default=make_default)
            return
        address = add(self.book, make_default=make_default)
        assert address.is_default == (make_default or live_before == 0)

    @precondition(lambda self: bool(self.book.live_addresses))
    @rule(data=st.data())
    def remove_one(self, data: st.DataObject) -> None:
        target = data.draw(st.sampled_from(self._live_ids()))
        was_default = self.book.address(target).is_default  # type: ignore[union-attr]
        oldest_other = next((i for i in self._live_ids() if i != target), None)
        self.clock += timedelta(minutes=1)
        self.book.remove_address(target, now=self.clock)
        self.removed.add(target)
        if was_default and oldest_other is not None:
            assert self.book.address(oldest_other).is_default  # type: ignore[union-attr]

    @precondition(lambda self: bool(self.book.live_addresses))
    @rule(data=st.data())
    def make_default(self, data: st.DataObject) -> None:
        target = data.draw(st.sampled_from(self._live_ids()))
        self.book.change_address(target, default=True)
        assert [a.id for a in self.book.live_addresses if a.is_default] == [target]

    @precondition(lambda self: bool(self.book.live_addresses))
    @rule()
    def try_to_clear_the_default(self) -> None:
        default = next(a for a in self.book.live_addresses if a.is_default)
        assert default.id is not None
        with pytest.raises(DefaultAddressRequired):
            self.book.change_address(default.id, default=False)

    @invariant()
    def at_most_ten_live(self) -> None:
        assert len(self.book.live_addresses) <= MAX_ADDRESSES

    @invariant()
    def exactly_one_default_while_any_is_live(self) -> None:
        expected = 1 if self.book.live_addresses else 0
        assert sum(a.is_default for a in self.book.addresses) == expected

    @invariant()
    def removed_never_shown(self) -> None:
        assert not self.removed & set(self._live_ids())
        assert all(self.book.address(AddressId(i)) is None for i in self.removed)


TestAddressBookRules = AddressBookMachine.TestCase
