"""Names the system knows: Vietnam's province-level units before and after the
1 July 2025 merger, facility type nouns, currencies, units, months.

Used by the model's input features, the normalizer and the rule-based extractor.
"""

from __future__ import annotations

import re
import unicodedata

# canonical pre-merger name (63) -> (name with diacritics, post-merger unit)
PROVINCES_2024: dict[str, tuple[str, str]] = {
    "Ha Noi": ("Hà Nội", "Ha Noi"),
    "Ho Chi Minh City": ("Thành phố Hồ Chí Minh", "Ho Chi Minh City"),
    "Hai Phong": ("Hải Phòng", "Hai Phong"),
    "Da Nang": ("Đà Nẵng", "Da Nang"),
    "Can Tho": ("Cần Thơ", "Can Tho"),
    "Ha Giang": ("Hà Giang", "Tuyen Quang"),
    "Cao Bang": ("Cao Bằng", "Cao Bang"),
    "Bac Kan": ("Bắc Kạn", "Thai Nguyen"),
    "Tuyen Quang": ("Tuyên Quang", "Tuyen Quang"),
    "Lao Cai": ("Lào Cai", "Lao Cai"),
    "Dien Bien": ("Điện Biên", "Dien Bien"),
    "Lai Chau": ("Lai Châu", "Lai Chau"),
    "Son La": ("Sơn La", "Son La"),
    "Yen Bai": ("Yên Bái", "Lao Cai"),
    "Hoa Binh": ("Hòa Bình", "Phu Tho"),
    "Thai Nguyen": ("Thái Nguyên", "Thai Nguyen"),
    "Lang Son": ("Lạng Sơn", "Lang Son"),
    "Quang Ninh": ("Quảng Ninh", "Quang Ninh"),
    "Bac Giang": ("Bắc Giang", "Bac Ninh"),
    "Phu Tho": ("Phú Thọ", "Phu Tho"),
    "Vinh Phuc": ("Vĩnh Phúc", "Phu Tho"),
    "Bac Ninh": ("Bắc Ninh", "Bac Ninh"),
    "Hai Duong": ("Hải Dương", "Hai Phong"),
    "Hung Yen": ("Hưng Yên", "Hung Yen"),
    "Thai Binh": ("Thái Bình", "Hung Yen"),
    "Ha Nam": ("Hà Nam", "Ninh Binh"),
    "Nam Dinh": ("Nam Định", "Ninh Binh"),
    "Ninh Binh": ("Ninh Bình", "Ninh Binh"),
    "Thanh Hoa": ("Thanh Hóa", "Thanh Hoa"),
    "Nghe An": ("Nghệ An", "Nghe An"),
    "Ha Tinh": ("Hà Tĩnh", "Ha Tinh"),
    "Quang Binh": ("Quảng Bình", "Quang Tri"),
    "Quang Tri": ("Quảng Trị", "Quang Tri"),
    "Thua Thien Hue": ("Thừa Thiên Huế", "Hue"),
    "Quang Nam": ("Quảng Nam", "Da Nang"),
    "Quang Ngai": ("Quảng Ngãi", "Quang Ngai"),
    "Binh Dinh": ("Bình Định", "Gia Lai"),
    "Phu Yen": ("Phú Yên", "Dak Lak"),
    "Khanh Hoa": ("Khánh Hòa", "Khanh Hoa"),
    "Ninh Thuan": ("Ninh Thuận", "Khanh Hoa"),
    "Binh Thuan": ("Bình Thuận", "Lam Dong"),
    "Kon Tum": ("Kon Tum", "Quang Ngai"),
    "Gia Lai": ("Gia Lai", "Gia Lai"),
    "Dak Lak": ("Đắk Lắk", "Dak Lak"),
    "Dak Nong": ("Đắk Nông", "Lam Dong"),
    "Lam Dong": ("Lâm Đồng", "Lam Dong"),
    "Binh Phuoc": ("Bình Phước", "Dong Nai"),
    "Tay Ninh": ("Tây Ninh", "Tay Ninh"),
    "Binh Duong": ("Bình Dương", "Ho Chi Minh City"),
    "Dong Nai": ("Đồng Nai", "Dong Nai"),
    "Ba Ria-Vung Tau": ("Bà Rịa - Vũng Tàu", "Ho Chi Minh City"),
    "Long An": ("Long An", "Tay Ninh"),
    "Tien Giang": ("Tiền Giang", "Dong Thap"),
    "Ben Tre": ("Bến Tre", "Vinh Long"),
    "Tra Vinh": ("Trà Vinh", "Vinh Long"),
    "Vinh Long": ("Vĩnh Long", "Vinh Long"),
    "Dong Thap": ("Đồng Tháp", "Dong Thap"),
    "An Giang": ("An Giang", "An Giang"),
    "Kien Giang": ("Kiên Giang", "An Giang"),
    "Hau Giang": ("Hậu Giang", "Can Tho"),
    "Soc Trang": ("Sóc Trăng", "Can Tho"),
    "Bac Lieu": ("Bạc Liêu", "Ca Mau"),
    "Ca Mau": ("Cà Mau", "Ca Mau"),
}

# The 34 units after 1 July 2025 (28 provinces and 6 centrally-run cities).
PROVINCES_2025: tuple[str, ...] = tuple(sorted({post for _, post in PROVINCES_2024.values()} | {"Hue"}))

# Extra surface forms -> canonical name (pre-merger canonical, or "Hue" for the 2025 city)
VARIANTS: dict[str, str] = {
    "Hanoi": "Ha Noi",
    "HN": "Ha Noi",
    "HCM City": "Ho Chi Minh City",
    "HCMC": "Ho Chi Minh City",
    "TP.HCM": "Ho Chi Minh City",
    "Saigon": "Ho Chi Minh City",
    "Sai Gon": "Ho Chi Minh City",
    "Ho Chi Minh city": "Ho Chi Minh City",
    "Haiphong": "Hai Phong",
    "Danang": "Da Nang",
    "Cantho": "Can Tho",
    "Hue": "Thua Thien Hue",
    "Thua Thien-Hue": "Thua Thien Hue",
    "Thua Thien - Hue": "Thua Thien Hue",
    "Ba Ria - Vung Tau": "Ba Ria-Vung Tau",
    "Ba Ria – Vung Tau": "Ba Ria-Vung Tau",
    "Ba Ria Vung Tau": "Ba Ria-Vung Tau",
    "BR-VT": "Ba Ria-Vung Tau",
    "Daklak": "Dak Lak",
    "Dak Lak": "Dak Lak",
    "Daknong": "Dak Nong",
    "Đắc Lắc": "Dak Lak",
    "Kontum": "Kon Tum",
    "Bac Can": "Bac Kan",
    "Khanh Hoa": "Khanh Hoa",
}

FACILITY_NOUNS = {
    "park", "parks", "ip", "ips", "iz", "izs", "zone", "zones", "cluster", "clusters", "ic", "ics",
    "port", "ports", "seaport", "seaports", "airport", "airports", "expressway", "expressways",
    "highway", "highways", "road", "roads", "railway", "railways", "bridge", "bridges", "ez", "ezs",
    "epz", "epzs", "terminal", "terminals", "centre", "centres", "center", "centers", "area", "areas",
    "route", "line", "belt", "corridor", "complex", "hub", "hubs", "ftz", "ftzs", "estate", "estates",
}
CURRENCY_WORDS = {"vnd", "vnđ", "usd", "us$", "$", "dong", "đồng", "dollars", "dollar", "euro", "euros", "eur", "yen", "won", "€"}
MAGNITUDE_WORDS = {"thousand", "million", "billion", "trillion", "quadrillion", "bn", "mln", "tril"}
AREA_UNITS = {"ha", "hectare", "hectares", "km2", "km²", "m2", "m²", "sq", "square"}
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "dozen",
}
APPROXIMATORS = ("more than", "less than", "at least", "up to", "nearly", "about", "over", "some", "around",
                 "approximately", "almost", "roughly", "by", "under", "above", "below", "exceeding", "just over",
                 "nearly", "close to")
ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)(?:-[A-Z])?$")
BELOW_PROVINCE = {"district", "districts", "town", "towns", "commune", "communes", "ward", "wards", "city"}


def strip_diacritics(s: str) -> str:
    s = s.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def _key(s: str) -> str:
    s = strip_diacritics(s).lower()
    s = re.sub(r"[\s\-–—]+", " ", s).strip()
    return s


def _build_index() -> dict[str, str]:
    idx: dict[str, str] = {}
    for canon, (dia, _post) in PROVINCES_2024.items():
        for form in (canon, dia):
            idx[_key(form)] = canon
    for form, canon in VARIANTS.items():
        idx[_key(form)] = canon
    idx[_key("Thành phố Hồ Chí Minh")] = "Ho Chi Minh City"
    idx[_key("Hồ Chí Minh City")] = "Ho Chi Minh City"
    idx[_key("Ho Chi Minh")] = "Ho Chi Minh City"
    idx[_key("Huế")] = "Thua Thien Hue"
    return idx


PROVINCE_INDEX: dict[str, str] = _build_index()
# word sequences (lower-cased, without diacritics) that name a province, for token features
PROVINCE_TOKEN_SEQS: set[tuple[str, ...]] = {tuple(k.split()) for k in PROVINCE_INDEX}
MAX_PROVINCE_WORDS = max(len(s) for s in PROVINCE_TOKEN_SEQS)


def lookup_province(surface: str) -> dict | None:
    """Canonical name of a province surface form, and its unit after the 2025 merger."""
    key = _key(surface)
    key = re.sub(r"^(the )?(province of|city of) ", "", key)
    key = re.sub(r"'s$", "", key)
    canon = PROVINCE_INDEX.get(key)
    if canon is None and key.endswith(" city") and key != "ho chi minh city":
        canon = PROVINCE_INDEX.get(key[: -len(" city")])
    if canon is None:
        return None
    dia, post = PROVINCES_2024[canon]
    if canon == "Thua Thien Hue":
        post = "Hue"
    return {"name": canon, "name_vi": dia, "province_2025": post}
