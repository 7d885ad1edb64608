"""Cell values as publishers write them: amounts with locale and currency, dates, several values in one cell."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

__all__ = ["AmountError", "amount", "parse_date", "split_values"]

#: Currency signs and words as lists of operations write them → ISO 4217 code.
CURRENCIES = {"€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "kn": "HRK", "hrk": "HRK", "zł": "PLN",
              "zl": "PLN", "pln": "PLN", "lei": "RON", "ron": "RON", "kč": "CZK", "czk": "CZK", "ft": "HUF",
              "huf": "HUF", "лв": "BGN", "лв.": "BGN", "bgn": "BGN", "sek": "SEK", "dkk": "DKK", "£": "GBP",
              "gbp": "GBP", "chf": "CHF", "nok": "NOK", "isk": "ISK", "rsd": "RSD", "din": "RSD"}
_AMOUNT = re.compile(r"^(?P<before>[^\d+\-.,]*?)\s*(?P<number>[+-]?[\d][\d\s.,'’\u00a0\u202f]*(?:[eE][+-]?\d+)?)"
                     r"\s*(?P<after>[^\d]*?)$")
_GROUPING = str.maketrans("", "", " '’\u00a0\u202f")


class AmountError(ValueError):
    """A cell that is no amount in euro; the message says why."""


def _number(text: str, decimal_separator: str | None) -> Decimal:
    """Read ``text`` (digits with grouping and a decimal separator, perhaps an exponent) as a Decimal."""
    text = text.translate(_GROUPING)
    if "e" in text.lower():
        return Decimal(text)
    if decimal_separator is not None:
        grouping = "." if decimal_separator == "," else ","
        return Decimal(text.replace(grouping, "").replace(decimal_separator, "."))
    if "," in text and "." in text:  # the last one is the decimal separator
        return Decimal(text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".")
                       else text.replace(",", ""))
    for separator in (",", "."):
        if separator in text:
            head, _, tail = text.rpartition(separator)
            # 1,250,000 or 1.250.000 (grouping, repeated), 1 250,50 or 0.5 (decimal); one separator before
            # exactly three digits is grouping for a comma (1,250) and decimal for a point (1.250).
            if text.count(separator) > 1 or (separator == "," and len(tail) == 3):
                return Decimal(text.replace(separator, ""))
            return Decimal(f"{head}.{tail}")
    return Decimal(text)


def amount(value: Any, rates: dict[str, Decimal] | None = None, decimal_separator: str | None = None,
           currency: str = "EUR") -> Decimal:
    """Return the amount in euro that ``value`` states.

    ``5.172.338,50 kn`` is 5,172,338.50 Croatian kuna: converted with ``rates`` (units per euro, e.g.
    ``{"HRK": Decimal("7.53450")}``) and rounded to the cent, refused without a rate. A number written
    without a currency (or a numeric cell) is in ``currency``; with ``currency="REQUIRED"`` (a file that
    mixes currencies) it is refused.

    Raises
    ------
    AmountError
        Not a number, negative, or in a currency without a rate.

    Examples
    --------
    >>> amount("€ 1 234,50"), amount("1.250.000"), amount("4.729375062E7")
    (Decimal('1234.50'), Decimal('1250000'), Decimal('47293750.62'))
    >>> amount("5.172.338,50 kn", {"HRK": Decimal("7.53450")})
    Decimal('686487.29')
    >>> amount("15.414.794", {"DKK": Decimal("7.4")}, currency="DKK")
    Decimal('2083080.27')
    >>> amount(5172338.5, currency="REQUIRED")
    Traceback (most recent call last):
    ...
    kg.ingest.cells.AmountError: 5172338.5 does not say its currency (the mapping's currency is 'required')
    """
    if isinstance(value, bool):
        raise AmountError(f"{value!r} is not an amount")
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
    else:
        match = _AMOUNT.match(str(value).strip())
        if match is None:
            raise AmountError(f"{value!r} is not an amount in euro")
        words = f"{match['before']} {match['after']}".strip().lower()
        written = CURRENCIES.get(words, currency if not words else None)
        if written is None:
            raise AmountError(f"{value!r} is not an amount in euro (unknown currency {words!r})")
        try:
            number = _number(match["number"], decimal_separator)
        except InvalidOperation:
            raise AmountError(f"{value!r} is not an amount in euro") from None
        currency = written
    if currency == "REQUIRED":  # a file that mixes currencies: an amount must say which
        raise AmountError(f"{value!r} does not say its currency (the mapping's currency is 'required')")
    if not number.is_finite() or number < 0:
        raise AmountError(f"{value!r} is not a non-negative amount")
    if currency != "EUR":
        rate = (rates or {}).get(currency)
        if rate is None:
            raise AmountError(f"{value!r} is in {currency}, not euro: give the mapping's exchange_rates a rate "
                              f"for {currency} (units per euro)")
        return (number / rate).quantize(Decimal("0.01"))
    return Decimal(format(number, "f"))  # 4.729375062E7 → 47293750.62


def parse_date(value: Any, formats: list[str]) -> date:
    """Return the date ``value`` states in one of ``formats`` (a spreadsheet date cell needs none).

    Raises
    ------
    ValueError
        No format reads it (or it is an impossible date such as 31.02.2020).
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def split_values(value: Any, separators: tuple[str, ...]) -> list[str]:
    """Return the values of a cell that may hold several, separated by any of ``separators``.

    Examples
    --------
    >>> split_values("Grad Zagreb\\nHrvatske šume d.o.o.; Općina Lekenik", ("\\n", ";"))
    ['Grad Zagreb', 'Hrvatske šume d.o.o.', 'Općina Lekenik']
    """
    if value is None:
        return []
    parts = [str(value)]
    for separator in separators:
        parts = [piece for part in parts for piece in part.split(separator)]
    return [" ".join(part.split()) for part in parts if part.strip()]
