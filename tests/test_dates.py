"""EDTF bounds, including the edges where the edtf package needs guarding."""

from datetime import date

import pytest

from quotes.dates import Bounds, DateError, bounds


@pytest.mark.parametrize(
    ("text", "lower", "upper"),
    [
        ("2019-05-27", date(2019, 5, 27), date(2019, 5, 27)),
        ("2016-12", date(2016, 12, 1), date(2016, 12, 31)),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29)),
        ("2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("2019-04-21/2019-04-30", date(2019, 4, 21), date(2019, 4, 30)),
        # edtf's parser fails on this valid string: bounded by us.
        ("2019-04-2X", date(2019, 4, 20), date(2019, 4, 29)),
        ("2019-02-2X", date(2019, 2, 20), date(2019, 2, 28)),
        ("201X", date(2010, 1, 1), date(2019, 12, 31)),
        # edtf's fuzzy bounds widen this by more than a year; we keep the strict month.
        ("2019-04~", date(2019, 4, 1), date(2019, 4, 30)),
        ("2019?", date(2019, 1, 1), date(2019, 12, 31)),
        # edtf raises TypeError on open intervals.
        ("../2019-02", None, date(2019, 2, 28)),
        ("2019-05-27/..", date(2019, 5, 27), None),
        ("2016-12-26/2017-02", date(2016, 12, 26), date(2017, 2, 28)),
    ],
)
def test_bounds(text, lower, upper):
    assert bounds(text) == Bounds(lower, upper)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2019-02-30", "'2019-02-30' is not a valid EDTF date"),
        ("2019-13", "'2019-13' is not a valid EDTF date"),
        ("May 2019", "'May 2019' is not a valid EDTF date"),
        ("2019-02-3X", "'2019-02-3X' is not a possible date"),
        ("../..", "'../..' is open at both ends"),
        ("2019-06/2019-05", "'2019-06/2019-05' ends before it starts"),
        # Valid EDTF, but beyond what a Python date holds: refused, not a ValueError.
        ("Y-20000", "'Y-20000' is outside the years 1 to 9999 that dates can hold"),
        ("Y20000", "'Y20000' is outside the years 1 to 9999 that dates can hold"),
        ("-0500", "'-0500' is outside the years 1 to 9999 that dates can hold"),
        ("2019-" * 20, "'2019-2019-2019-2019-'... is too long to be a date"),
    ],
)
def test_bad_dates_raise_one_clear_error(text, message):
    with pytest.raises(DateError) as raised:
        bounds(text)
    assert str(raised.value).startswith(message)
