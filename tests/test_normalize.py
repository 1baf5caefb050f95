import pytest

from ie.normalize import NormError, normalize, parse_number


@pytest.mark.parametrize(
    "surface,left,amount,currency,extra",
    [
        ("VND4,128 billion", "", 4_128_000_000_000, "VND", {}),
        ("2.2 quadrillion VND", "hit ", 2_200_000_000_000_000, "VND", {}),
        ("US$17.5 million", "", 17_500_000, "USD", {}),
        ("22.92 billion USD", "", 22_920_000_000, "USD", {}),
        ("six billion USD", "and nearly ", 6_000_000_000, "USD", {"approximator": "nearly"}),
        ("$60.2 billion", "", 60_200_000_000, "USD", {}),
        ("VND1,100-1,200 billion", "", 1_100_000_000_000, "VND", {"min": 1_100_000_000_000, "max": 1_200_000_000_000}),
        ("7.5 million VND", "", 7_500_000, "VND", {}),
        ("652.15 trillion VND", "exceed ", 652_150_000_000_000, "VND", {}),
        ("15,000 billion dong", "more than ", 15_000_000_000_000, "VND", {"approximator": "more than"}),
        ("VND 1.2 trillion", "over ", 1_200_000_000_000, "VND", {"approximator": "over"}),
        ("USD 250 million", "about ", 250_000_000, "USD", {"approximator": "about"}),
        ("VNĐ 900 billion", "", 900_000_000_000, "VND", {}),
        ("2-3 billion USD", "", 2_000_000_000, "USD", {"min": 2_000_000_000, "max": 3_000_000_000}),
        ("US$110", "", 110, "USD", {}),
        ("1,570.97 million USD", "", 1_570_970_000, "USD", {}),
        ("one trillion dong", "", 1_000_000_000_000, "VND", {}),
        ("500 million euros", "", 500_000_000, "EUR", {}),
    ],
)
def test_money(surface, left, amount, currency, extra):
    n = normalize("MONEY", surface, left)
    assert n["amount"] == amount and n["currency"] == currency
    for k, v in extra.items():
        assert n[k] == v
    if "approximator" not in extra:
        assert "approximator" not in n


@pytest.mark.parametrize(
    "surface,ha",
    [("6,518-ha", 6518), ("500ha", 500), ("12 km2", 1200), ("50,000 square metres", 5), ("6,397.68 ha", 6397.68),
     ("375,171 hectares", 375171), ("2.5 sq km", 250), ("1,000 m2", 0.1), ("300-400 ha", 300), ("12 km²", 1200)],
)
def test_area(surface, ha):
    assert normalize("AREA", surface)["hectares"] == pytest.approx(ha)


def test_area_range_bounds():
    assert normalize("AREA", "300-400 ha") == {"hectares": 300, "min": 300, "max": 400}


@pytest.mark.parametrize(
    "surface,expected",
    [
        ("2030", {"start": 2030, "end": 2030}),
        ("2021-2030", {"start": 2021, "end": 2030}),
        ("2021-25", {"start": 2021, "end": 2025}),
        ("2021 - 2030", {"start": 2021, "end": 2030}),
        ("2021–2030", {"start": 2021, "end": 2030}),
        ("2021 to 2030", {"start": 2021, "end": 2030}),
        ("29 September 2022", {"date": "2022-09-29", "start": 2022, "end": 2022}),
        ("November 3, 2023", {"date": "2023-11-03", "start": 2023, "end": 2023}),
        ("23/8/2024", {"date": "2024-08-23", "start": 2024, "end": 2024}),
        ("August 2024", {"start": 2024, "end": 2024, "month": "2024-08"}),
        ("first nine months of 2022", {"start": 2022, "end": 2022, "part": "first nine months"}),
        ("beginning of 2021", {"start": 2021, "end": 2021, "part": "beginning"}),
        ("remaining months of 2024", {"start": 2024, "end": 2024, "part": "remaining months"}),
        ("Q3 2024", {"start": 2024, "end": 2024, "part": "q3"}),
    ],
)
def test_date(surface, expected):
    assert normalize("DATE", surface) == expected


def test_date_month_without_year_keeps_the_month():
    n = normalize("DATE", "late July")
    assert n["month"] == 7 and n["part"] == "late" and n["start"] is None


@pytest.mark.parametrize(
    "surface,name,post",
    [("Bac Giang", "Bac Giang", "Bac Ninh"), ("VĨNH LONG", "Vinh Long", "Vinh Long"), ("HCMC", "Ho Chi Minh City", "Ho Chi Minh City"),
     ("Ha Noi", "Ha Noi", "Ha Noi"), ("Hanoi", "Ha Noi", "Ha Noi"), ("Hue", "Thua Thien Hue", "Hue"),
     ("Ba Ria-Vung Tau", "Ba Ria-Vung Tau", "Ho Chi Minh City"), ("Bình Dương", "Binh Duong", "Ho Chi Minh City"),
     ("Quảng Nam", "Quang Nam", "Da Nang"), ("Kon Tum", "Kon Tum", "Quang Ngai"), ("HCM City", "Ho Chi Minh City", "Ho Chi Minh City")],
)
def test_province(surface, name, post):
    n = normalize("PROVINCE", surface)
    assert n["name"] == name and n["province_2025"] == post


@pytest.mark.parametrize("label,surface", [("MONEY", "409 projects"), ("AREA", "120 km"), ("DATE", "this year"),
                                           ("PROVINCE", "Kunming"), ("MONEY", "12.5 percent")])
def test_unnormalizable_spans_raise_with_a_reason(label, surface):
    with pytest.raises(NormError):
        normalize(label, surface)


def test_number_formats():
    assert parse_number("4,128") == 4128
    assert float(parse_number("17.5")) == 17.5
    assert float(parse_number("6.397,68")) == 6397.68
    assert parse_number("1.234.567") == 1234567
