"""Exact amounts of money. Never float."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from domain.shared.errors import InvalidValue

PAISE = Decimal("0.01")
# Far above any real booking, far below Decimal's 28-digit precision, and what DECIMAL(12,2) holds.
MAX_AMOUNT = Decimal("10000000000")


class InvalidMoney(InvalidValue):
    """Money needs a finite amount with at most two decimals and a 3-letter currency."""

    code = "invalid_money"

    def __init__(self, message: str) -> None:
        super().__init__("amount", message)


class CurrencyMismatch(InvalidValue):
    """Amounts in different currencies cannot be combined."""

    code = "currency_mismatch"

    def __init__(self, left: str, right: str) -> None:
        super().__init__("currency", f"cannot combine {left} with {right}")


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in a currency (INR by default), held exactly to the paisa.

    Construction refuses floats and more than two decimals; arithmetic that can produce fractions of a
    paisa (multiplying by a rate) rounds half up to the paisa, the rule Indian invoices follow.
    """

    amount: Decimal
    currency: str = "INR"

    def __post_init__(self) -> None:
        kind: type = type(self.amount)
        if kind is bool or not issubclass(kind, Decimal | int):
            raise InvalidMoney(f"amount must be a Decimal or int, not {type(self.amount).__name__}")
        amount = Decimal(self.amount)
        if not amount.is_finite():
            raise InvalidMoney("amount must be finite")
        if abs(amount) >= MAX_AMOUNT:
            raise InvalidMoney(f"{amount} is out of range (at most {MAX_AMOUNT - PAISE})")
        if amount != amount.quantize(PAISE, rounding=ROUND_HALF_UP):
            raise InvalidMoney(f"{amount} has more than two decimals")
        currency = self.currency
        if not (isinstance(currency, str) and len(currency) == 3 and currency.isascii()):
            raise InvalidMoney(f"'{currency}' is not an ISO 4217 currency code")
        if not (currency.isalpha() and currency.isupper()):
            raise InvalidMoney(f"'{currency}' is not an ISO 4217 currency code")
        object.__setattr__(self, "amount", amount.quantize(PAISE))

    @classmethod
    def of(cls, amount: str | int | Decimal, currency: str = "INR") -> "Money":
        """Parse an amount such as "3499.00"; raises InvalidMoney on anything else."""
        if not isinstance(amount, str | int | Decimal):
            raise InvalidMoney(f"amount must be text, an int or a Decimal, not {type(amount).__name__}")
        try:
            return cls(Decimal(amount), currency)
        except (InvalidOperation, ValueError) as exc:
            raise InvalidMoney(f"'{amount}' is not an amount of money") from exc

    @classmethod
    def zero(cls, currency: str = "INR") -> "Money":
        return cls(Decimal(0), currency)

    @property
    def paise(self) -> int:
        """The amount in the smallest unit (paise for INR)."""
        return int(self.amount * 100)

    def _same(self, other: "Money") -> None:
        if self.currency != other.currency:
            raise CurrencyMismatch(self.currency, other.currency)

    def __add__(self, other: "Money") -> "Money":
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: "Money") -> "Money":
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __lt__(self, other: "Money") -> bool:
        self._same(other)
        return self.amount < other.amount

    def __le__(self, other: "Money") -> bool:
        self._same(other)
        return self.amount <= other.amount

    def times(self, factor: int | Decimal) -> "Money":
        """Multiply by a quantity or a rate, rounding half up to the paisa."""
        if isinstance(factor, float | bool) or not isinstance(factor, int | Decimal):
            raise InvalidMoney(f"factor must be an int or Decimal, not {type(factor).__name__}")
        product = self.amount * factor
        if not product.is_finite() or abs(product) >= MAX_AMOUNT:
            raise InvalidMoney(f"{self} x {factor} is out of range")
        return Money(product.quantize(PAISE, rounding=ROUND_HALF_UP), self.currency)

    @property
    def is_negative(self) -> bool:
        return self.amount < 0

    def __str__(self) -> str:
        return f"{self.currency} {self.amount:.2f}"
