"""Programmatic training-data augmenter: synthetic annotated planning-news documents.

Sentences are built from templates filled with gazetteer entries (provinces from
``ie.gazetteer``, facility names, money, areas and dates written below). Every
template writes its text piece by piece and records each entity span at the moment
its text is appended, so offsets are exact by construction; nothing is searched for
afterwards. Relations are added by the template itself, following
``../shared/ANNOTATION.md`` and ``corpus/GUIDELINES.md`` (most specific owner,
pronoun/generic/company/project-owned figures get no HAS_*, equivalents both, DATE_OF
for the figure's date or the facility's stated status or target).

The templates follow the guideline decisions D16-D18, D27-D29, D34, D55 and R1a-R4:
border-gate checkpoints and railway stations are never FACILITY (dry ports, ICDs and
logistics centres are); a province gets HAS_AREA only for its natural area (land quotas
and land for a use get DATE_OF only); joint figures ("together", "combined") get no
HAS_*, figures stated for "each" go to each; a pronoun whose antecedent is named earlier
in the same sentence passes the figure to it; construction and upgrade costs are
HAS_INVESTMENT, rents, fees and prices HAS_VALUE; photo and proposal dates and vision
years date nothing. Sentences may end in "Son La.", "Sa Pa.", "Zone C." or "National
Highway 8A." and contain "Road No. 5": every sentence is checked against the project
tokenizer as it is generated and drawn again if it would not split as one sentence.

Output is deterministic: the same ``--sentences`` and ``--seed`` give byte-identical
JSONL. Usage::

    python -m training.augment --out corpus/src/synthetic/synthetic.jsonl --sentences 2500 --seed 13

``generate(n_sentences, seed)`` returns the documents in memory. ``--check`` also
verifies that every generated sentence is exactly one sentence for the project
tokenizer (``ie.text``) and prints a few random sentences with their spans.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from ie.docs import Document, Entity, Relation, write_jsonl  # noqa: E402  (after the sys.path fix)
from ie.gazetteer import PROVINCES_2024, VARIANTS, lookup_province  # noqa: E402

GENERATOR = "training/augment.py"

# ---------------------------------------------------------------------------
# Gazetteers
# ---------------------------------------------------------------------------

# Pre-merger centrally-run cities: "X city" keeps only the name (except Ho Chi Minh City).
CENTRAL = ("Ha Noi", "Ho Chi Minh City", "Hai Phong", "Da Nang", "Can Tho")
# Variant surface forms not used here (ambiguous abbreviations, odd tokenization).
_SKIP_VARIANTS = ("HN", "TP.HCM")


def _province_forms() -> dict[str, dict[str, list[str]]]:
    forms: dict[str, dict[str, list[str]]] = {}
    for canon, (dia, _post) in PROVINCES_2024.items():
        # the Vietnamese long form "Thành phố Hồ Chí Minh" is one PROVINCE span (D17); it is rare in
        # English text, so it is a low-weight "rare" form rather than a regular diacritic form
        long_vi = dia.startswith("Thành phố")
        keep_dia = dia != canon and not long_vi
        forms[canon] = {"plain": [canon], "dia": [dia] if keep_dia else [], "var": [],
                        "rare": [dia] if long_vi else []}
    for var, canon in VARIANTS.items():
        if var in _SKIP_VARIANTS or var == canon:
            continue
        forms[canon]["var"].append(var)
    forms["Thua Thien Hue"]["var"].append("Huế")  # "Hue" / "Huế" name the province-level unit (D17)
    return forms


# Surface forms of the province-level Hue: never followed by "city" (before 2025 "Hue city" was a
# city below province level, D12), never by "province".
HUE_FORMS = ("Hue", "Huế")


PROV_FORMS = _province_forms()
PROVINCES = tuple(PROVINCES_2024)
# new unit (after 1 July 2025) -> old units merged into it other than itself
MERGED_OLD = {}
for _c, (_d, _post) in PROVINCES_2024.items():
    if _post != _c and _c != "Thua Thien Hue":
        MERGED_OLD.setdefault(_post, []).append(_c)

# Facility kinds: singular type nouns (with weights), plural nouns for coordinated names,
# nouns for counted groups, default probability of a leading "the".
KINDS: dict[str, dict] = {
    "IP": {"sg": [("Industrial Park", 5), ("industrial park", 2), ("IP", 2), ("Industrial Zone", 1), ("IZ", 1)],
           "pl": ["industrial parks", "IPs", "industrial zones", "IZs"],
           "grp": ["industrial parks", "IPs", "industrial zones", "IZs"], "art": 0.5, "phase": True},
    "IC": {"sg": [("Industrial Cluster", 4), ("industrial cluster", 2)],
           "pl": ["industrial clusters"], "grp": ["industrial clusters", "clusters", "ICs"], "art": 0.5, "phase": True},
    "CEZ": {"sg": [("Economic Zone", 4), ("economic zone", 2), ("EZ", 1), ("Coastal Economic Zone", 1),
                   ("coastal economic zone", 1)],
            "pl": ["economic zones", "EZs", "coastal economic zones"],
            "grp": ["coastal economic zones", "economic zones", "EZs"], "art": 0.8},
    "BGEZ": {"sg": [("Border Gate Economic Zone", 3), ("border-gate economic zone", 2),
                    ("Border-Gate Economic Zone", 1), ("border gate economic zone", 1)],
             "pl": ["border-gate economic zones", "border gate economic zones"],
             "grp": ["border-gate economic zones", "border gate economic zones"], "art": 0.8},
    "CBZ": {"sg": [("cross-border economic cooperation zone", 2), ("Cross-border Economic Cooperation Zone", 1)],
            "pl": [], "grp": ["cross-border economic cooperation zones"], "art": 0.9},
    "EPZ": {"sg": [("Export Processing Zone", 3), ("EPZ", 1), ("export processing zone", 1)],
            "pl": ["export processing zones", "EPZs"], "grp": ["export processing zones"], "art": 0.5},
    "FTZ": {"sg": [("Free Trade Zone", 2), ("free trade zone", 2)], "pl": [],
            "grp": ["free trade zones"], "art": 0.7},
    "HTP": {"sg": [("Hi-tech Park", 3), ("High-Tech Park", 1), ("hi-tech park", 1)], "pl": ["hi-tech parks"],
            "grp": ["hi-tech parks"], "art": 0.5},
    "HTAP": {"sg": [("Hi-tech Agricultural Park", 2), ("hi-tech agricultural park", 1)], "pl": [],
             "grp": ["hi-tech agricultural parks"], "art": 0.7},
    "PORT": {"sg": [("port", 4), ("Port", 2), ("seaport", 1)], "pl": ["ports", "seaports"],
             "grp": ["seaports", "ports", "deep-water ports"], "art": 0.8},
    "AIRPORT": {"sg": [], "pl": ["airports"], "grp": ["airports"], "art": 0.2},
    "LOG": {"sg": [("logistics centre", 3), ("Logistics Centre", 2), ("logistics center", 1)], "pl": [],
            "grp": ["logistics centres"], "art": 0.8},
    "ICD": {"sg": [("ICD", 2), ("Inland Container Depot", 1), ("dry port", 1)], "pl": [],
            "grp": ["dry ports"], "art": 0.5},
    "UA": {"sg": [("urban area", 3), ("Urban Area", 1), ("new urban area", 1)], "pl": ["urban areas"],
           "grp": ["urban areas", "new urban areas"], "art": 0.7, "phase": True},
    "EXPRESSWAY": {"sg": [("Expressway", 3), ("expressway", 2)], "pl": ["expressways"],
                   "grp": ["expressways"], "art": 0.9},
    "HIGHWAY": {"sg": [], "pl": [], "grp": ["national highways"], "art": 0.0},
    "RINGROAD": {"sg": [], "pl": [], "grp": ["ring roads"], "art": 0.2},
    "RAILWAY": {"sg": [("railway", 3), ("Railway", 1), ("railway line", 1)], "pl": ["railways"],
                "grp": ["railway lines"], "art": 0.9},
    "BRIDGE": {"sg": [("Bridge", 3), ("bridge", 1)], "pl": ["bridges"], "grp": ["bridges"], "art": 0.7},
}
INFRA = ("EXPRESSWAY", "HIGHWAY", "RINGROAD", "RAILWAY", "BRIDGE", "AIRPORT", "PORT")
ZONES = ("IP", "IC", "CEZ", "BGEZ", "EPZ", "FTZ", "HTP", "HTAP", "UA", "CBZ")

# "Province: core; core; ..." -- "core|SUFFIX" puts the suffix after the type noun
# ("Yen Phong|II-A" -> "Yen Phong Industrial Park II-A").
IP_DATA = """
Ha Noi: Thang Long; Noi Bai; Quang Minh; Bac Thang Long; Phu Nghia; Thach That - Quoc Oai; Nam Thang Long; Dai Xuyen; Soc Son
Ho Chi Minh City: Tan Tao; Hiep Phuoc; Vinh Loc; Tan Binh; Le Minh Xuan; Cat Lai; Tan Phu Trung; Tay Bac Cu Chi; Dong Nam; Binh Chieu; Tan Thoi Hiep
Hai Phong: Dinh Vu; Nam Dinh Vu; VSIP Hai Phong; Trang Due; Nomura - Hai Phong; An Duong; Nam Cau Kien; Tan Trao; Tien Thanh; Trang Cat; Giang Bien II; An Hung - Dai Ban; Do Son
Da Nang: Hoa Khanh; Lien Chieu; Hoa Cam; Hoa Khanh Expanded; Hoa Ninh; Hoa Nhon; Da Nang Seafood Service
Can Tho: Tra Noc I; Tra Noc II; Hung Phu I; Hung Phu II; Thot Not; Bac O Mon
Ha Giang: Binh Vang
Cao Bang: Chu Trinh
Bac Kan: Thanh Binh
Tuyen Quang: Long Binh An
Lao Cai: Tang Loong; Dong Pho Moi; Bac Duyen Hai
Son La: Mai Son
Yen Bai: Phia Nam; Minh Quan; Au Lau
Hoa Binh: Luong Son; Nhuan Trach; Yen Quang; Lac Thinh; Mong Hoa
Thai Nguyen: Yen Binh; Song Cong I; Song Cong II; Diem Thuy; Nam Pho Yen; Quyet Thang
Lang Son: Dong Banh; Huu Lung
Quang Ninh: Dong Mai; Song Khoai; Cai Lan; Viet Hung; Bac Tien Phong; Hai Ha; Dam Nha Mac; Hai Yen; Nam Tien Phong
Bac Giang: Quang Chau; Van Trung; Dinh Tram; Song Khe - Noi Hoang; Viet Han; Hoa Phu; Tan Hung; Yen Lu; Hoa Yen
Phu Tho: Thuy Van; Phu Ha; Trung Ha; Tam Nong; Cam Khe
Vinh Phuc: Ba Thien; Ba Thien II; Binh Xuyen; Binh Xuyen II; Khai Quang; Thang Long Vinh Phuc; Chan Hung; Tam Duong II|– Zone A; Tam Duong II|– Zone B; Son Loi
Bac Ninh: Que Vo; Que Vo II; Que Vo III; Yen Phong; Yen Phong|II-A; Yen Phong|II-C; VSIP Bac Ninh; Tien Son; Thuan Thanh I; Thuan Thanh III; Dai Dong - Hoan Son; Nam Son - Hap Linh; Gia Binh
Hai Duong: Dai An; Phuc Dien; Nam Sach; Tan Truong; Viet Hoa - Kenmark; Lai Vu; Cong Hoa; Cam Dien - Luong Dien; Phu Thai; An Phat; Lai Cach; Gia Loc
Hung Yen: Thang Long II; Pho Noi A; Minh Duc; Yen My II; Tan Dan; Minh Quang; Ly Thuong Kiet; Kim Dong; Yen My
Thai Binh: Tien Hai; Lien Ha Thai; Gia Le; Song Tra; Cau Nghin; Phuc Khanh; Nguyen Duc Canh
Ha Nam: Dong Van I; Dong Van II; Dong Van III; Dong Van IV; Chau Son; Hoa Mac; Thanh Liem; Thai Ha
Nam Dinh: Hoa Xa; My Trung; Bao Minh; Rang Dong
Ninh Binh: Gian Khau; Khanh Phu; Phuc Son; Tam Diep; Khanh Cu
Thanh Hoa: Le Mon; Dinh Huong - Tay Bac Ga; Bim Son; Lam Son - Sao Vang; Hoang Long; Ngoc Lac
Nghe An: VSIP Nghe An; Hoang Mai I; Hoang Mai II; Nam Cam; Dong Hoi; Tho Loc; Bac Vinh
Ha Tinh: Gia Lach; Dai Kim; Vung Ang I; Phu Vinh; Ha Vang
Quang Binh: Tay Bac Dong Hoi; Bac Dong Hoi; Hon La
Quang Tri: Nam Dong Ha; Quan Ngang; Tay Bac Ho Xa
Thua Thien Hue: Phong Dien; Phu Bai; La Son
Quang Nam: Dien Nam - Dien Ngoc; Tam Thang; Dong Que Son; Tam Hiep; Bac Chu Lai; Tam Anh
Quang Ngai: VSIP Quang Ngai; Tinh Phong; Pho Phong
Binh Dinh: Phu Tai; Long My; Nhon Hoa; Nhon Hoi|– Zone A; Nhon Hoi|– Zone B; Nhon Hoi|– Zone C
Phu Yen: Hoa Hiep; An Phu; Dong Bac Song Cau
Khanh Hoa: Suoi Dau; Ninh Thuy; Nam Cam Ranh; Doc Let
Ninh Thuan: Phuoc Nam; Thanh Hai; Du Long
Binh Thuan: Phan Thiet; Ham Kiem I; Ham Kiem II; Son My I
Kon Tum: Sao Mai
Gia Lai: Tra Da; Nam Pleiku
Dak Nong: Nhan Co
Lam Dong: Loc Son; Phu Hoi
Binh Phuoc: Minh Hung - Han Quoc; Minh Hung III; Dong Xoai I; Chon Thanh I; Bac Dong Phu; Nam Dong Phu; Minh Hung - Sikico
Tay Ninh: Phuoc Dong; Trang Bang; Thanh Dien; Chau Thanh; Hiep Thanh
Binh Duong: My Phuoc; My Phuoc II; My Phuoc III; Bau Bang; Song Than I; Song Than II; Song Than III; Dong An; Nam Tan Uyen; Tan Dong Hiep A; Tan Dong Hiep B; Viet Huong; Rach Bap; Dai Dang; Kim Huy; Cay Truong; Lai Hung; VSIP II; VSIP III; Bau Bang Expanded
Dong Nai: Amata; Long Thanh; Nhon Trach I; Nhon Trach II; Nhon Trach III; Nhon Trach V; Nhon Trach VI; Bien Hoa I; Bien Hoa II; Ho Nai; Song May; Tam Phuoc; Long Duc; Giang Dien; Loc An - Binh Son; Bau Xeo; Dau Giay; An Phuoc
Ba Ria-Vung Tau: Phu My I; Phu My II; Phu My III; Cai Mep; My Xuan A; My Xuan A2; My Xuan B1 - Conac; Dong Xuyen; Chau Duc; Dat Do I
Long An: Long Hau; Phuc Long; Tan Duc; Xuyen A; Duc Hoa I; Vinh Loc 2; Thinh Phat; Nam Tan Lap; Tan Kim; Phu An Thanh
Tien Giang: Long Giang; Tan Huong; My Tho; Soai Rap
Ben Tre: Giao Long; An Hiep; Phu Thuan
Tra Vinh: Cau Quan
Vinh Long: Binh Minh; Dong Binh; An Dinh
Dong Thap: Tran Quoc Toan; Sa Dec
An Giang: Binh Hoa; Binh Long; Vam Cong
Kien Giang: Thanh Loc; Thuan Yen
Hau Giang: Tan Phu Thanh; Song Hau
Soc Trang: An Nghiep; Tran De
Bac Lieu: Tra Kha; Lang Tram
Ca Mau: Khanh An; Hoa Trung
"""

IC_DATA = """
Bac Ninh: Phong Khe I; Phong Khe II; Van Mon; Dong Tho
Ha Noi: Phu Minh; Ngoc Hoi; Lien Phuong
Hai Duong: Ngoc Son; Cam Thuong
Vinh Phuc: Lai Son; Hop Thinh
Hung Yen: Tan Quang
Ha Nam: Hoang Dong
Ninh Binh: Gia Vy; Khanh Nhac
Phu Tho: Bach Hac; Dong Lang
Thanh Hoa: Thieu Do
Nghe An: Nghi Phu
Quang Nam: Dien Phong
Dong Nai: Thien Tan; Long Phuoc 1
Bac Giang: Dong Vang
"""

CEZ_DATA = """
Quang Ninh: Van Don; Quang Yen
Thanh Hoa: Nghi Son
Nghe An: Dong Nam Nghe An
Ha Tinh: Vung Ang
Quang Binh: Hon La
Quang Tri: Southeast Quang Tri
Thua Thien Hue: Chan May - Lang Co
Quang Ngai: Dung Quat
Binh Dinh: Nhon Hoi
Phu Yen: Nam Phu Yen
Khanh Hoa: Van Phong
Hai Phong: Dinh Vu - Cat Hai; Southern Hai Phong
Thai Binh: Thai Binh
Nam Dinh: Ninh Co
Tra Vinh: Dinh An
Ca Mau: Nam Can
Kien Giang: Phu Quoc
"""

BGEZ_DATA = """
Quang Ninh: Mong Cai
Lao Cai: Lao Cai
Lang Son: Dong Dang - Lang Son
Cao Bang: Cao Bang
Ha Giang: Thanh Thuy
Dien Bien: Tay Trang
Ha Tinh: Cau Treo
Quang Tri: Lao Bao
Kon Tum: Bo Y
Tay Ninh: Moc Bai; Xa Mat
Binh Phuoc: Hoa Lu
An Giang: An Giang
Kien Giang: Ha Tien
Dong Thap: Dong Thap
Long An: Binh Hiep
Quang Binh: Cha Lo
Gia Lai: Le Thanh
Thanh Hoa: Na Meo
Quang Nam: Nam Giang
"""

CBZ_DATA = """
Quang Ninh: Mong Cai - Dongxing
Lao Cai: Lao Cai - Hekou
Lang Son: Dong Dang - Pingxiang
Cao Bang: Tra Linh - Long Bang
"""

EPZ_DATA = """
Ho Chi Minh City: Tan Thuan; Linh Trung I; Linh Trung II
Tay Ninh: Linh Trung III
Dong Nai: Loteco
"""

FTZ_DATA = """
Ba Ria-Vung Tau: Cai Mep Ha
Da Nang: Da Nang
Hai Phong: Hai Phong
"""

HTP_DATA = """
Ha Noi: Hoa Lac
Ho Chi Minh City: Saigon
Da Nang: Da Nang
"""

HTAP_DATA = """
Hau Giang: Hau Giang
Bac Lieu: Bac Lieu
"""

PORT_DATA = """
Hai Phong: Lach Huyen; Dinh Vu; Nam Dinh Vu
Quang Ninh: Cai Lan; Cam Pha; Hai Ha
Thanh Hoa: Nghi Son
Nghe An: Cua Lo
Ha Tinh: Son Duong; Vung Ang
Quang Binh: Hon La
Quang Tri: My Thuy
Thua Thien Hue: Chan May
Da Nang: Lien Chieu; Tien Sa
Quang Nam: Ky Ha
Quang Ngai: Dung Quat
Binh Dinh: Quy Nhon; Thi Nai
Phu Yen: Vung Ro; Bai Goc
Khanh Hoa: Cam Ranh
Ninh Thuan: Ca Na
Binh Thuan: Vinh Tan
Ba Ria-Vung Tau: Cai Mep - Thi Vai; Phu My
Ho Chi Minh City: Cat Lai; Hiep Phuoc
Dong Nai: Phuoc An; Go Dau
Can Tho: Cai Cui
Soc Trang: Tran De
Ca Mau: Hon Khoai
Kien Giang: An Thoi
"""

UA_DATA = """
Ha Noi: Ciputra; Tay Ho Tay; Vinhomes Ocean Park; Thanh Ha
Hung Yen: Ecopark
Ho Chi Minh City: Phu My Hung; An Phu - An Khanh
Da Nang: Hoa Xuan
Hai Phong: Vu Yen
"""

LOG_DATA = """
Ba Ria-Vung Tau: Cai Mep Ha
Ha Tinh: Vung Ang
Lao Cai: Kim Thanh
Hai Phong: Dinh Vu
"""

ICD_DATA = """
Binh Duong: Song Than
Bac Ninh: Tien Son
Dong Nai: Tan Cang Long Binh
Ninh Binh: Phuc Loc
"""

# name core -> provinces it lies in
EXPRESSWAY_DATA = """
Noi Bai - Lao Cai = Ha Noi, Vinh Phuc, Phu Tho, Yen Bai, Lao Cai
Ha Noi - Hai Phong = Ha Noi, Hung Yen, Hai Duong, Hai Phong
Ha Noi - Bac Giang = Ha Noi, Bac Ninh, Bac Giang
Bac Giang - Lang Son = Bac Giang, Lang Son
Phap Van - Cau Gie = Ha Noi
Cau Gie - Ninh Binh = Ha Noi, Ha Nam, Nam Dinh, Ninh Binh
Ninh Binh - Hai Phong = Ninh Binh, Nam Dinh, Thai Binh, Hai Phong
Ha Long - Hai Phong = Quang Ninh, Hai Phong
Ha Long - Van Don = Quang Ninh
Van Don - Mong Cai = Quang Ninh
Ha Noi - Thai Nguyen = Ha Noi, Thai Nguyen
Thai Nguyen - Cho Moi = Thai Nguyen, Bac Kan
Huu Nghi - Chi Lang = Lang Son
Dong Dang - Tra Linh = Lang Son, Cao Bang
Tuyen Quang - Phu Tho = Tuyen Quang, Phu Tho
Tuyen Quang - Ha Giang = Tuyen Quang, Ha Giang
Hoa Binh - Moc Chau = Hoa Binh, Son La
Ha Noi - Hoa Binh = Ha Noi, Hoa Binh
Nghi Son - Dien Chau = Thanh Hoa, Nghe An
Dien Chau - Bai Vot = Nghe An, Ha Tinh
Cam Lo - La Son = Quang Tri, Thua Thien Hue
La Son - Tuy Loan = Thua Thien Hue, Da Nang
Da Nang - Quang Ngai = Da Nang, Quang Nam, Quang Ngai
Quang Ngai - Hoai Nhon = Quang Ngai, Binh Dinh
Quy Nhon - Pleiku = Binh Dinh, Gia Lai
Khanh Hoa - Buon Ma Thuot = Khanh Hoa, Dak Lak
Nha Trang - Cam Lam = Khanh Hoa
Cam Lam - Vinh Hao = Khanh Hoa, Ninh Thuan, Binh Thuan
Vinh Hao - Phan Thiet = Binh Thuan
Phan Thiet - Dau Giay = Binh Thuan, Dong Nai
Dau Giay - Tan Phu = Dong Nai
Tan Phu - Bao Loc = Dong Nai, Lam Dong
Bao Loc - Lien Khuong = Lam Dong
Ho Chi Minh City - Long Thanh - Dau Giay = Ho Chi Minh City, Dong Nai
Bien Hoa - Vung Tau = Dong Nai, Ba Ria-Vung Tau
Ben Luc - Long Thanh = Long An, Ho Chi Minh City, Dong Nai
Ho Chi Minh City - Trung Luong = Ho Chi Minh City, Long An, Tien Giang
Trung Luong - My Thuan = Tien Giang
My Thuan - Can Tho = Vinh Long, Dong Thap, Can Tho
Can Tho - Ca Mau = Can Tho, Hau Giang, Soc Trang, Bac Lieu, Ca Mau
Chau Doc - Can Tho - Soc Trang = An Giang, Can Tho, Hau Giang, Soc Trang
Cao Lanh - Lo Te = Dong Thap, Can Tho
Lo Te - Rach Soi = Can Tho, An Giang, Kien Giang
Ho Chi Minh City - Moc Bai = Ho Chi Minh City, Tay Ninh
Ho Chi Minh City - Thu Dau Mot - Chon Thanh = Ho Chi Minh City, Binh Duong, Binh Phuoc
Gia Nghia - Chon Thanh = Dak Nong, Binh Phuoc
North-South = Lang Son, Bac Giang, Ha Noi, Ha Nam, Ninh Binh, Thanh Hoa, Nghe An, Ha Tinh, Quang Binh, Quang Tri, Thua Thien Hue, Da Nang, Quang Nam, Quang Ngai, Binh Dinh, Phu Yen, Khanh Hoa, Ninh Thuan, Binh Thuan, Dong Nai, Ho Chi Minh City, Long An, Tien Giang, Vinh Long, Can Tho, Hau Giang, Soc Trang, Bac Lieu, Ca Mau
"""

HIGHWAY_DATA = """
1A = Lang Son, Bac Giang, Bac Ninh, Ha Noi, Ha Nam, Ninh Binh, Thanh Hoa, Nghe An, Ha Tinh, Quang Binh, Quang Tri, Thua Thien Hue, Da Nang, Quang Nam, Quang Ngai, Binh Dinh, Phu Yen, Khanh Hoa, Ninh Thuan, Binh Thuan, Dong Nai, Ho Chi Minh City, Long An, Tien Giang, Vinh Long, Can Tho, Hau Giang, Soc Trang, Bac Lieu, Ca Mau
5 = Ha Noi, Hung Yen, Hai Duong, Hai Phong
18 = Ha Noi, Bac Ninh, Hai Duong, Quang Ninh
4B = Lang Son, Quang Ninh
2 = Ha Noi, Vinh Phuc, Phu Tho, Tuyen Quang, Ha Giang
3 = Ha Noi, Thai Nguyen, Bac Kan, Cao Bang
6 = Ha Noi, Hoa Binh, Son La, Dien Bien
10 = Quang Ninh, Hai Phong, Thai Binh, Nam Dinh, Ninh Binh, Thanh Hoa
13 = Ho Chi Minh City, Binh Duong, Binh Phuoc
14 = Quang Tri, Thua Thien Hue, Quang Nam, Kon Tum, Gia Lai, Dak Lak, Dak Nong, Binh Phuoc
19 = Binh Dinh, Gia Lai
20 = Dong Nai, Lam Dong
22 = Ho Chi Minh City, Tay Ninh
26 = Khanh Hoa, Dak Lak
27 = Dak Lak, Lam Dong, Ninh Thuan
28 = Binh Thuan, Lam Dong, Dak Nong
37 = Hai Duong, Bac Giang, Thai Nguyen, Tuyen Quang, Yen Bai, Son La
38 = Bac Ninh, Hai Duong, Hung Yen, Ha Nam
39 = Hung Yen, Thai Binh
45 = Ninh Binh, Thanh Hoa
51 = Dong Nai, Ba Ria-Vung Tau
279 = Quang Ninh, Lang Son, Bac Giang, Bac Kan, Tuyen Quang, Ha Giang, Lao Cai, Lai Chau, Dien Bien
32 = Ha Noi, Phu Tho, Yen Bai, Lai Chau
8A = Ha Tinh
9 = Quang Tri
12C = Ha Tinh, Quang Binh
24 = Quang Ngai, Kon Tum
25 = Phu Yen, Gia Lai
40 = Kon Tum
47 = Thanh Hoa
53 = Vinh Long, Tra Vinh
57 = Vinh Long, Ben Tre
60 = Tien Giang, Ben Tre, Tra Vinh, Soc Trang
61 = Hau Giang, Kien Giang
80 = Vinh Long, Dong Thap, Can Tho, An Giang, Kien Giang
91 = Can Tho, An Giang
30 = Tien Giang, Dong Thap
50 = Ho Chi Minh City, Long An, Tien Giang
1K = Dong Nai, Binh Duong, Ho Chi Minh City
14C = Kon Tum, Gia Lai, Dak Lak, Dak Nong
4A = Lang Son, Cao Bang
21 = Ha Noi, Ha Nam, Nam Dinh
15 = Hoa Binh, Thanh Hoa, Nghe An
7 = Nghe An
217 = Thanh Hoa
"""

# ring roads: number (or "HCMC n" for Ho Chi Minh City's) -> provinces
RINGROAD_DATA = """
2 = Ha Noi
3 = Ha Noi
3.5 = Ha Noi
4 = Ha Noi, Hung Yen, Bac Ninh
5 = Ha Noi, Vinh Phuc, Thai Nguyen, Bac Giang, Hai Duong, Hai Phong, Thai Binh, Ha Nam, Hoa Binh
HCMC 3 = Ho Chi Minh City, Dong Nai, Binh Duong, Long An
HCMC 4 = Ho Chi Minh City, Dong Nai, Binh Duong, Long An, Ba Ria-Vung Tau
HCMC 2 = Ho Chi Minh City
"""

RAILWAY_DATA = """
Lao Cai - Ha Noi - Hai Phong = Lao Cai, Yen Bai, Phu Tho, Vinh Phuc, Ha Noi, Bac Ninh, Hung Yen, Hai Duong, Hai Phong
Ha Noi - Dong Dang = Ha Noi, Bac Ninh, Bac Giang, Lang Son
Bien Hoa - Vung Tau = Dong Nai, Ba Ria-Vung Tau
Thu Thiem - Long Thanh = Ho Chi Minh City, Dong Nai
Di An - Loc Ninh = Binh Duong, Binh Phuoc
Yen Vien - Pha Lai - Ha Long - Cai Lan = Ha Noi, Bac Ninh, Hai Duong, Quang Ninh
Ho Chi Minh City - Can Tho = Ho Chi Minh City, Long An, Tien Giang, Vinh Long, Can Tho
Vung Ang - Tan Ap - Mu Gia = Ha Tinh, Quang Binh
"""

BRIDGE_DATA = """
Bach Dang = Quang Ninh, Hai Phong
Nhat Tan = Ha Noi
Vinh Tuy = Ha Noi
Tu Lien = Ha Noi
Tran Hung Dao = Ha Noi
Rach Mieu 2 = Tien Giang, Ben Tre
My Thuan 2 = Tien Giang, Vinh Long
Cao Lanh = Dong Thap
Vam Cong = Dong Thap, Can Tho
Can Tho = Can Tho, Vinh Long
Dai Ngai = Tra Vinh, Soc Trang
Phuoc Khanh = Dong Nai, Ho Chi Minh City
Nhon Trach = Dong Nai, Ho Chi Minh City
Cat Lai = Ho Chi Minh City, Dong Nai
Thu Thiem 4 = Ho Chi Minh City
Tan Vu - Lach Huyen = Hai Phong
Hoang Van Thu = Hai Phong
Tran Thi Ly = Da Nang
Thuan Phuoc = Da Nang
Cua Dai = Quang Nam
Thi Nai = Binh Dinh
Bac Luan = Quang Ninh
"""

# airports: core, international?, province
AIRPORT_DATA = """
Noi Bai = 1 Ha Noi
Tan Son Nhat = 1 Ho Chi Minh City
Long Thanh = 1 Dong Nai
Da Nang = 1 Da Nang
Cam Ranh = 1 Khanh Hoa
Phu Quoc = 1 Kien Giang
Rach Gia = 0 Kien Giang
Cat Bi = 1 Hai Phong
Van Don = 1 Quang Ninh
Phu Bai = 1 Thua Thien Hue
Chu Lai = 0 Quang Nam
Lien Khuong = 1 Lam Dong
Buon Ma Thuot = 0 Dak Lak
Pleiku = 0 Gia Lai
Phu Cat = 0 Binh Dinh
Dong Hoi = 0 Quang Binh
Vinh = 1 Nghe An
Tho Xuan = 0 Thanh Hoa
Dien Bien = 0 Dien Bien
Sa Pa = 0 Lao Cai
Quang Tri = 0 Quang Tri
Phan Thiet = 0 Binh Thuan
Ca Mau = 0 Ca Mau
Con Dao = 0 Ba Ria-Vung Tau
Can Tho = 1 Can Tho
Tuy Hoa = 0 Phu Yen
Na San = 0 Son La
Gia Binh = 0 Bac Ninh
Lai Chau = 0 Lai Chau
"""

# Names with a fixed shape: (kind, [surface forms], provinces)
FIXED_FACILITIES = [
    ("IP", ["WHA Industrial Zone 1 - Nghe An"], ["Nghe An"]),
    ("IP", ["Vietnam - Singapore Industrial Park III"], ["Binh Duong"]),
    ("IP", ["Long Thanh Hi-tech Industrial Park"], ["Dong Nai"]),
    ("CEZ", ["Chu Lai Open Economic Zone", "Chu Lai open economic zone"], ["Quang Nam"]),
    ("UA", ["Thu Thiem New Urban Area", "Thu Thiem new urban area"], ["Ho Chi Minh City"]),
    ("PORT", ["Can Gio International Transshipment Port", "Can Gio international transit port"], ["Ho Chi Minh City"]),
    ("PORT", ["Long An International Port"], ["Long An"]),
    ("PORT", ["Ao Tien High-class Port"], ["Quang Ninh"]),
    ("RAILWAY", ["North-South high-speed railway", "North-South High-Speed Railway"],
     ["Ha Noi", "Ninh Binh", "Thanh Hoa", "Nghe An", "Ha Tinh", "Quang Tri", "Da Nang", "Quang Ngai",
      "Khanh Hoa", "Dong Nai", "Ho Chi Minh City"]),
    ("RAILWAY", ["Ben Thanh - Suoi Tien metro line"], ["Ho Chi Minh City"]),
    ("RAILWAY", ["Cat Linh - Ha Dong metro line"], ["Ha Noi"]),
    ("RAILWAY", ["Nhon - Ha Noi Station metro line"], ["Ha Noi"]),
]

# Full name + parenthesised abbreviation (the abbreviation is not tagged again, D21).
ABBREVIATED = [
    ("Vietnam - Singapore Industrial Park Bac Ninh", "VSIP Bac Ninh", "Bac Ninh"),
    ("Vietnam - Singapore Industrial Park Hai Phong", "VSIP Hai Phong", "Hai Phong"),
    ("Vietnam - Singapore Industrial Park Nghe An", "VSIP Nghe An", "Nghe An"),
    ("Vietnam - Singapore Industrial Park Quang Ngai", "VSIP Quang Ngai", "Quang Ngai"),
    ("Saigon Hi-tech Park", "SHTP", "Ho Chi Minh City"),
    ("Hoa Lac Hi-tech Park", "HHTP", "Ha Noi"),
    ("Tan Thuan Export Processing Zone", "Tan Thuan EPZ", "Ho Chi Minh City"),
]

# Hard negatives ------------------------------------------------------------
# districts, towns and cities below province level (never PROVINCE, D12)
DISTRICTS = {
    "Bac Ninh": ["Que Vo district", "Yen Phong district", "Tu Son city", "Thuan Thanh town", "Gia Binh district",
                 "Bac Ninh City"],
    "Bac Giang": ["Viet Yen town", "Yen Dung district", "Lang Giang district", "Bac Giang City"],
    "Ha Noi": ["Dong Anh district", "Soc Son district", "Gia Lam district", "Me Linh district", "Thach That district"],
    "Ho Chi Minh City": ["Thu Duc city", "Cu Chi district", "Nha Be district", "Can Gio district",
                         "Binh Chanh district"],
    "Hai Phong": ["Thuy Nguyen district", "An Duong district", "Cat Hai district", "Kien Thuy district"],
    "Da Nang": ["Lien Chieu district", "Hoa Vang district", "Son Tra district"],
    "Can Tho": ["O Mon district", "Thot Not district", "Cai Rang district"],
    "Quang Ninh": ["Ha Long city", "Cam Pha city", "Mong Cai city", "Uong Bi city", "Van Don district",
                   "Quang Yen town"],
    "Hai Duong": ["Chi Linh city", "Kinh Mon town", "Cam Giang district", "Hai Duong City"],
    "Hung Yen": ["My Hao town", "Van Lam district", "Yen My district", "Hung Yen City"],
    "Vinh Phuc": ["Vinh Yen city", "Phuc Yen city", "Binh Xuyen district"],
    "Thai Nguyen": ["Pho Yen city", "Song Cong city", "Thai Nguyen City"],
    "Phu Tho": ["Viet Tri city", "Lam Thao district"],
    "Ha Nam": ["Phu Ly city", "Duy Tien town"],
    "Nam Dinh": ["Nam Dinh City", "Giao Thuy district"],
    "Thai Binh": ["Thai Binh City", "Tien Hai district"],
    "Ninh Binh": ["Tam Diep city", "Gia Vien district", "Ninh Binh City"],
    "Thanh Hoa": ["Nghi Son town", "Bim Son town", "Thanh Hoa City"],
    "Nghe An": ["Vinh city", "Hoang Mai town", "Nghi Loc district"],
    "Ha Tinh": ["Ky Anh town", "Can Loc district", "Ha Tinh City"],
    "Quang Binh": ["Dong Hoi city", "Quang Trach district"],
    "Quang Tri": ["Dong Ha city", "Gio Linh district"],
    "Thua Thien Hue": ["Phu Loc district", "Huong Thuy town"],
    "Quang Nam": ["Tam Ky city", "Hoi An city", "Dien Ban town", "Nui Thanh district"],
    "Quang Ngai": ["Binh Son district", "Quang Ngai City"],
    "Binh Dinh": ["Quy Nhon city", "Phu Cat district", "Hoai Nhon town"],
    "Phu Yen": ["Tuy Hoa city", "Dong Hoa town"],
    "Khanh Hoa": ["Nha Trang city", "Cam Ranh city", "Van Ninh district"],
    "Ninh Thuan": ["Phan Rang - Thap Cham city", "Thuan Nam district"],
    "Binh Thuan": ["Phan Thiet city", "Ham Tan district"],
    "Gia Lai": ["Pleiku city"],
    "Dak Lak": ["Buon Ma Thuot city"],
    "Lam Dong": ["Da Lat city", "Bao Loc city"],
    "Binh Phuoc": ["Dong Xoai city", "Chon Thanh town"],
    "Tay Ninh": ["Trang Bang town", "Go Dau district", "Tay Ninh City"],
    "Binh Duong": ["Thu Dau Mot city", "Ben Cat city", "Tan Uyen city", "Thuan An city", "Di An city",
                   "Bau Bang district"],
    "Dong Nai": ["Bien Hoa city", "Long Thanh district", "Nhon Trach district", "Trang Bom district"],
    "Ba Ria-Vung Tau": ["Phu My town", "Vung Tau city", "Chau Duc district"],
    "Long An": ["Ben Luc district", "Duc Hoa district", "Can Giuoc district", "Tan An city"],
    "Tien Giang": ["My Tho city", "Go Cong Dong district"],
    "Ben Tre": ["Ben Tre City", "Giong Trom district"],
    "Tra Vinh": ["Tra Vinh City", "Duyen Hai town"],
    "Vinh Long": ["Binh Minh town", "Vinh Long City"],
    "Dong Thap": ["Cao Lanh city", "Sa Dec city"],
    "An Giang": ["Long Xuyen city", "Chau Doc city"],
    "Kien Giang": ["Rach Gia city", "Phu Quoc city", "Ha Tien city"],
    "Hau Giang": ["Vi Thanh city", "Nga Bay city"],
    "Soc Trang": ["Tran De district", "Soc Trang City"],
    "Bac Lieu": ["Bac Lieu City", "Dong Hai district"],
    "Ca Mau": ["Ca Mau City", "Nam Can district"],
    "Lao Cai": ["Lao Cai City", "Sa Pa town", "Bao Thang district"],
    "Yen Bai": ["Yen Bai City", "Van Yen district"],
    "Lang Son": ["Lang Son City", "Huu Lung district"],
    "Cao Bang": ["Cao Bang City", "Quang Hoa district"],
    "Ha Giang": ["Ha Giang City", "Vi Xuyen district"],
    "Tuyen Quang": ["Tuyen Quang City", "Yen Son district"],
    "Bac Kan": ["Bac Kan City", "Cho Moi district"],
    "Hoa Binh": ["Hoa Binh City", "Luong Son district"],
    "Son La": ["Son La City", "Mai Son district", "Moc Chau town"],
    "Dien Bien": ["Dien Bien Phu city"],
    "Lai Chau": ["Lai Chau City"],
    "Kon Tum": ["Kon Tum City", "Ngoc Hoi district"],
    "Dak Nong": ["Gia Nghia city"],
}
REGIONS = ["the Red River Delta", "the Mekong Delta", "the Southeast region", "the Central Highlands",
           "the North Central Coast", "the South Central Coast", "the Northern Midland and Mountainous Area",
           "the Capital Region", "the southern key economic region", "the northern key economic region",
           "the Northwest", "the Hanoi Capital Region"]  # a province name inside a regional name is not tagged
REGION_OF = {}
for _region, _provs in (
    ("the Red River Delta", ("Ha Noi, Hai Phong, Quang Ninh, Bac Ninh, Hai Duong, Hung Yen, Thai Binh, Ha Nam, "
                             "Nam Dinh, Ninh Binh, Vinh Phuc")),
    ("the Northern Midland and Mountainous Area", ("Ha Giang, Cao Bang, Bac Kan, Tuyen Quang, Lao Cai, Dien Bien, "
                                                   "Lai Chau, Son La, Yen Bai, Hoa Binh, Thai Nguyen, Lang Son, "
                                                   "Bac Giang, Phu Tho")),
    ("the North Central Coast", "Thanh Hoa, Nghe An, Ha Tinh, Quang Binh, Quang Tri, Thua Thien Hue"),
    ("the South Central Coast", ("Da Nang, Quang Nam, Quang Ngai, Binh Dinh, Phu Yen, Khanh Hoa, Ninh Thuan, "
                                 "Binh Thuan")),
    ("the Central Highlands", "Kon Tum, Gia Lai, Dak Lak, Dak Nong, Lam Dong"),
    ("the Southeast region", "Ho Chi Minh City, Binh Phuoc, Tay Ninh, Binh Duong, Dong Nai, Ba Ria-Vung Tau"),
    ("the Mekong Delta", ("Long An, Tien Giang, Ben Tre, Tra Vinh, Vinh Long, Dong Thap, An Giang, Kien Giang, "
                          "Can Tho, Hau Giang, Soc Trang, Bac Lieu, Ca Mau")),
):
    for _p in _provs.split(", "):
        REGION_OF[_p] = _region
assert set(REGION_OF) == set(PROVINCES_2024)
COUNTRIES = ["South Korea", "Japan", "Singapore", "China", "Taiwan (China)", "Hong Kong (China)", "the United States",
             "Germany", "Thailand", "the Netherlands", "Laos", "Cambodia"]
COMPANIES = ["Samsung Electronics", "Samsung Display", "LG Display", "Foxconn", "Luxshare", "Amkor", "Hyosung",
             "Pegatron", "Canon", "Intel Products Vietnam", "Becamex IDC", "Viglacera", "Kinh Bac City", "Sonadezi",
             "IDICO", "Tin Nghia Corporation", "Vingroup", "THACO", "Hoa Phat Group", "Goertek", "Sembcorp",
             "WHA Corporation", "Amata Corporation", "Long Hau Corporation", "Deo Ca Group", "Lego",
             "Nam Dinh Vu Industrial Park JSC", "Tan Tao Industrial Park Corporation", "Dinh Vu Industrial Zone JSC"]
UA_DEVELOPERS = ["Vinhomes", "Ecopark Group", "Nam Long Group", "Sun Group", "Novaland", "CapitaLand", "Phu My Hung Corporation"]
DEVELOPERS = ["Becamex IDC", "Viglacera", "Kinh Bac City", "Sonadezi", "IDICO", "Tin Nghia Corporation",
              "WHA Corporation", "Amata Corporation", "Sembcorp", "Long Hau Corporation", "Xuan Cau Holdings"]
PEOPLE = ["Nguyen Van Hung", "Tran Thi Mai", "Le Quang Minh", "Pham Duc Tuan", "Vu Thi Lan", "Do Manh Cuong",
          "Hoang Anh Tuan", "Bui Van Thanh", "Dang Minh Khoa", "Ngo Thi Huong", "Trinh Xuan Duc", "Phan Thi Hoa"]
INDUSTRIES = ["electronics", "semiconductors", "textiles and garments", "auto parts", "renewable energy equipment",
              "logistics", "food processing", "high-tech manufacturing", "footwear", "precision engineering"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
# abbreviated month names that stay one token with their full stop ("Sept. 9", D55)
MONTH_ABBR = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUM_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
             "twelve"]
APPROX = ["about", "over", "nearly", "more than", "up to", "some", "around", "approximately", "almost",
          "at least", "roughly", "just over", "close to"]


@dataclass(frozen=True)
class Facility:
    core: str  # name without type noun ("Que Vo II")
    kind: str
    provs: tuple[str, ...]
    suffix: str = ""  # after the type noun ("II-A")
    fixed: tuple[str, ...] = ()  # fixed full surface forms
    intl: bool = False  # airports

    @property
    def bare_ok(self) -> bool:
        """May appear as a bare name in a typed list or before a shared plural noun."""
        if self.fixed or self.kind in ("HIGHWAY", "RINGROAD", "CBZ", "LOG", "ICD", "HTAP", "FTZ", "HTP", "UA"):
            return False
        if self.suffix.startswith("–"):  # "Nhon Hoi Industrial Park – Zone C" has no bare form
            return False
        # "Cao Bang" alone would read as the province; typed lists that name facilities after
        # provinces (D18) are written by their own template (t_province_named_list)
        return lookup_province(self.core) is None

    @property
    def canonical(self) -> str:
        if self.fixed:
            return self.fixed[0]
        if self.kind == "HIGHWAY":
            return f"National Highway {self.core}"
        if self.kind == "RINGROAD":
            return f"Ring Road {self.core}"
        if self.kind == "AIRPORT":
            return f"{self.core} {'International Airport' if self.intl else 'Airport'}"
        noun = KINDS[self.kind]["sg"][0][0]
        return f"{self.core} {noun}" + (f" {self.suffix}" if self.suffix else "")


def _parse_simple(data: str, kind: str) -> list[Facility]:
    out = []
    for line in data.strip().splitlines():
        prov, names = line.split(":", 1)
        prov = prov.strip()
        assert prov in PROVINCES_2024, prov
        for n in names.split(";"):
            n = n.strip()
            core, _, suffix = n.partition("|")
            out.append(Facility(core.strip(), kind, (prov,), suffix.strip()))
    return out


def _parse_linear(data: str, kind: str) -> list[Facility]:
    out = []
    for line in data.strip().splitlines():
        core, provs = (x.strip() for x in line.split("="))
        ps = tuple(p.strip() for p in provs.split(","))
        assert all(p in PROVINCES_2024 for p in ps), line
        out.append(Facility(core, kind, ps))
    return out


def _build_facilities() -> list[Facility]:
    facs: list[Facility] = []
    for data, kind in ((IP_DATA, "IP"), (IC_DATA, "IC"), (CEZ_DATA, "CEZ"), (BGEZ_DATA, "BGEZ"), (CBZ_DATA, "CBZ"),
                       (EPZ_DATA, "EPZ"), (FTZ_DATA, "FTZ"), (HTP_DATA, "HTP"), (HTAP_DATA, "HTAP"),
                       (PORT_DATA, "PORT"), (UA_DATA, "UA"), (LOG_DATA, "LOG"), (ICD_DATA, "ICD")):
        facs += _parse_simple(data, kind)
    for data, kind in ((EXPRESSWAY_DATA, "EXPRESSWAY"), (HIGHWAY_DATA, "HIGHWAY"), (RINGROAD_DATA, "RINGROAD"),
                       (RAILWAY_DATA, "RAILWAY"), (BRIDGE_DATA, "BRIDGE")):
        facs += _parse_linear(data, kind)
    for line in AIRPORT_DATA.strip().splitlines():
        core, rest = (x.strip() for x in line.split("="))
        intl, prov = rest.split(" ", 1)
        assert prov in PROVINCES_2024, line
        facs.append(Facility(core, "AIRPORT", (prov,), intl=intl == "1"))
    for kind, forms, provs in FIXED_FACILITIES:
        assert all(p in PROVINCES_2024 for p in provs)
        facs.append(Facility(forms[0], kind, tuple(provs), fixed=tuple(forms)))
    names = [f.canonical for f in facs]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    return facs


FACILITIES = _build_facilities()
FAC_BY_KIND: dict[str, list[Facility]] = {}
FAC_BY_KIND_PROV: dict[tuple[str, str], list[Facility]] = {}
for _f in FACILITIES:
    FAC_BY_KIND.setdefault(_f.kind, []).append(_f)
    for _p in _f.provs:
        FAC_BY_KIND_PROV.setdefault((_f.kind, _p), []).append(_f)


# ---------------------------------------------------------------------------
# Sentence builder: text and spans appended together
# ---------------------------------------------------------------------------


class Sent:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.n = 0
        self.ents: list[tuple[int, int, str]] = []
        self.rels: list[tuple[int, str, int]] = []
        self._pairs: set[tuple[int, int]] = set()
        self.start = 0  # where the sentence body begins (after a dateline)
        self.provs: list[str] = []  # provinces named or implied, for a matching dateline

    def prefixed(self, body: Sent) -> Sent:
        """This sentence (a dateline) followed by ``body``, offsets shifted."""
        off, base = self.n, len(self.ents)
        self.parts += body.parts
        self.n += body.n
        self.ents += [(a + off, b + off, lab) for a, b, lab in body.ents]
        self.rels += [(h + base, lab, t + base) for h, lab, t in body.rels]
        return self

    def t(self, text: str) -> Sent:
        if self.n == self.start and text:
            text = _cap(text)  # same length, offsets unchanged
        self.parts.append(text)
        self.n += len(text)
        return self

    def e(self, text: str, label: str) -> int:
        assert text == text.strip() and text, repr(text)
        k = len(self.ents)
        self.ents.append((self.n, self.n + len(text), label))
        self.t(text)
        return k

    def r(self, head, label: str, tail) -> None:
        heads = head if isinstance(head, (list, tuple)) else [head]
        tails = tail if isinstance(tail, (list, tuple)) else [tail]
        for h in heads:
            for t in tails:
                if h is None or t is None or h == t or (h, t) in self._pairs:
                    continue
                self._pairs.add((h, t))
                self.rels.append((h, label, t))

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# ---------------------------------------------------------------------------
# Generator: phrase helpers shared by all templates
# ---------------------------------------------------------------------------


class Gen:
    def __init__(self, rng: random.Random):
        self.r = rng
        self.main = "Bac Ninh"

    # random helpers -------------------------------------------------------
    def c(self, p: float) -> bool:
        return self.r.random() < p

    def o(self, seq):
        return seq[self.r.randrange(len(seq))]

    def w(self, pairs):
        total = sum(wt for _, wt in pairs)
        x = self.r.random() * total
        for item, wt in pairs:
            x -= wt
            if x < 0:
                return item
        return pairs[-1][0]

    def prov(self, local: float = 0.65) -> str:
        return self.main if self.c(local) else self.o(PROVINCES)

    # negatives --------------------------------------------------------------
    def pct(self) -> str:
        x = self.r.choice([self.r.randint(3, 95), round(self.r.uniform(1, 40), 1)])
        return f"{x}%" if self.c(0.6) else f"{x} percent"

    def nproj(self) -> str:
        n = self.r.choice([self.r.randint(12, 99), self.r.randint(100, 1500)])
        return f"{n:,} {self.o(['projects', 'FDI projects', 'new projects', 'investment projects', 'secondary projects'])}"

    def district(self, prov: str) -> str | None:
        ds = DISTRICTS.get(prov)
        return self.o(ds) if ds else None

    def person(self) -> str:
        return self.o(PEOPLE)

    def decision(self, pm: bool = False, approve: bool = False) -> str:
        n = self.r.randint(100, 1999)
        if pm:
            return f"Decision {n}/QD-TTg"
        if approve:
            return self.o([f"Decision {n}/QD-TTg", f"Decision {n}/QD-UBND"])
        return self.o([f"Decision {n}/QD-TTg", f"Resolution {n}/NQ-CP", f"Decision {n}/QD-UBND",
                       f"Document {n}/UBND-KTTH"])

    # provinces --------------------------------------------------------------
    def psurf(self, canon: str) -> str:
        f = PROV_FORMS[canon]
        pool = [(x, 6) for x in f["plain"]] + [(x, 2) for x in f["dia"]] + [(x, 2) for x in f["var"]] + \
            [(x, 1.5) for x in f["rare"]]
        return self.w(pool)

    def P(self, s: Sent, canon: str | None = None, st: str = "name", cap: bool = False) -> int:
        """A province mention. st: name | np (with 'province'/'city') | poss | agency | plan | adj."""
        canon = canon or self.prov()
        s.provs.append(canon)
        surf = self.psurf(canon)
        hue = surf in HUE_FORMS
        central = canon in CENTRAL or hue
        hcm = canon == "Ho Chi Minh City"
        the = "The " if cap else "the "
        if st == "name":
            return s.e(surf, "PROVINCE")
        if st == "np":
            if not central and self.c(0.08):
                s.t(f"{the}province of ")
                return s.e(surf, "PROVINCE")
            if central and not hcm and not hue and self.c(0.4):
                if canon == "Ha Noi" and self.c(0.4):
                    if self.c(0.5):
                        s.t(f"{the}capital city of ")
                        return s.e(surf, "PROVINCE")
                    k = s.e(surf, "PROVINCE")
                    s.t(" capital")
                    return k
                k = s.e(surf, "PROVINCE")
                s.t(" city")
                return k
            k = s.e(surf, "PROVINCE")
            if not central and self.c(0.45):
                s.t(" province")
            return k
        if st == "poss":
            k = s.e(surf, "PROVINCE")
            s.t(" province's" if (not central and self.c(0.15)) else "'s")
            return k
        if st == "agency":
            s.t(the)
            k = s.e(surf, "PROVINCE")
            if central:
                opts = [" People's Committee", " Department of Planning and Investment", " Department of Finance",
                        " Export Processing and Industrial Zones Authority"]
                if not hcm and not hue:
                    opts.append(" City People's Committee")
            else:
                opts = [" Provincial People's Committee", " Department of Planning and Investment",
                        " Industrial Parks Management Board", " Economic Zone Management Board",
                        " Department of Finance", " provincial People's Council"]
            s.t(self.o(opts))
            return k
        if st == "plan":
            s.t(the)
            k = s.e(surf, "PROVINCE")
            if central:
                s.t(self.o([" master plan", " City Planning" if not (hcm or hue) else " master plan"]))
            else:
                s.t(self.o([" Provincial Planning", " provincial master plan", " Provincial Planning"]))
            return k
        if st == "adj":
            k = s.e(surf, "PROVINCE")
            s.t(self.o(["-based", "-registered"]))
            return k
        raise ValueError(st)

    def dateline(self, s: Sent, canon: str) -> None:
        f = PROV_FORMS[canon]
        surf = self.o(f["plain"] + f["dia"] + f["var"][:2] + (f["rare"] if self.c(0.3) else []))
        s.e(surf.upper(), "PROVINCE")
        if self.c(0.3):
            s.t(", ")
            mi = self.r.randint(1, 12)
            day = self.r.randint(1, 28)
            s.e(f"{MONTH_ABBR[mi]} {day}" if mi in MONTH_ABBR and self.c(0.3) else f"{MONTHS[mi - 1]} {day}", "DATE")
            s.t(" (VNA) – ")
            s.start = s.n
            return
        else:
            s.t(self.o([" – ", " — ", " (VNA) – ", " - "]))
        s.start = s.n

    # facilities -------------------------------------------------------------
    def fac(self, kinds, prov: str | None = None, local: float = 0.7, bare: bool = False,
            multi: bool = False, exclude=()) -> Facility:
        kinds = [kinds] if isinstance(kinds, str) else list(kinds)
        pool = [f for k in kinds for f in FAC_BY_KIND.get(k, []) if f not in exclude]
        if bare:
            pool = [f for f in pool if f.bare_ok]
        if multi:
            pool = [f for f in pool if len(f.provs) >= 2]
        want = prov or (self.main if self.c(local) else None)
        if want:
            loc = [f for f in pool if want in f.provs]
            if loc:
                return self.o(loc)
        return self.o(pool)

    def fprov(self, f: Facility) -> str:
        return self.main if self.main in f.provs else self.o(f.provs)

    def fac_group(self, kind: str, k: int, prov: str | None = None) -> tuple[str, list[Facility]] | None:
        """k distinct bare-nameable facilities of one kind in one province."""
        want = prov or self.main
        for p in [want] + [self.o(PROVINCES) for _ in range(30)]:
            cands = [f for f in FAC_BY_KIND_PROV.get((kind, p), []) if f.bare_ok]
            if len(cands) >= k:
                picked = self.r.sample(cands, k)
                return p, picked
        return None

    def fsurf(self, f: Facility, phase: bool = True) -> str:
        if f.fixed:
            return self.o(f.fixed)
        if f.kind == "HIGHWAY":
            # "No. 5" with a space stays inside one sentence for the project tokenizer
            return self.w([(f"National Highway {f.core}", 8), (f"Highway No.{f.core}", 2),
                           (f"National Road {f.core}", 1), (f"National Road No. {f.core}", 1),
                           (f"Highway No. {f.core}", 0.5)])
        if f.kind == "RINGROAD":
            if f.core.startswith("HCMC "):
                n = f.core.split()[1]
                return self.o([f"Ho Chi Minh City Ring Road {n}", f"HCM City Ring Road {n}",
                               f"Ho Chi Minh City Ring road No.{n}"])
            return self.w([(f"Ring Road {f.core}", 5), (f"Ring road No.{f.core}", 2), (f"Ring Road No.{f.core}", 1),
                           (f"Ring Road No. {f.core}", 0.5)])
        if f.kind == "AIRPORT":
            noun = self.w([("International Airport", 4), ("Airport", 1), ("airport", 1)]) if f.intl else \
                self.w([("Airport", 3), ("airport", 1)])
            return f"{f.core} {noun}"
        noun = self.w(KINDS[f.kind]["sg"])
        out = f"{f.core} {noun}"
        if f.suffix:
            out += f" {f.suffix}"
        elif phase and KINDS[f.kind].get("phase") and self.c(0.07):
            out += self.o([" – Phase 2", " - Phase II", " – Phase 3", " Phase 2", " – phase 2"])
        return out

    def F(self, s: Sent, f: Facility, art: bool | None = None, cap: bool = False, phase: bool = True) -> int:
        s.provs.append(self.fprov(f))
        if art is None:
            art = self.c(KINDS[f.kind]["art"])
        if art:
            s.t("The " if cap else "the ")
            return s.e(self.fsurf(f, phase), "FACILITY")
        return s.e(_cap(self.fsurf(f, phase)) if cap else self.fsurf(f, phase), "FACILITY")

    def bare(self, f: Facility) -> str:
        return f.core + (f" {f.suffix}" if f.suffix else "")

    def gkind(self, pc: str, kinds) -> tuple[str, int | None]:
        """A group kind fitting the province; zones it has few of are counted exactly."""
        kind = self.o(list(kinds))
        if kind in ("IP", "IC", "UA"):
            return kind, None
        have = len(FAC_BY_KIND_PROV.get((kind, pc), []))
        if have >= 2:
            return kind, have
        return self.o(["IP", "IC"]), None

    def names_list(self, s: Sent, facs: list[Facility]) -> list[int]:
        """'A, B and C' with each bare name tagged."""
        keys = []
        for i, f in enumerate(facs):
            if i:
                s.t(" and " if i == len(facs) - 1 else ", ")
            keys.append(s.e(self.bare(f), "FACILITY"))
        return keys

    def count_word(self, n: int, cap: bool = False) -> str:
        if n < len(NUM_WORDS) and self.c(0.6):
            return _cap(NUM_WORDS[n]) if cap else NUM_WORDS[n]
        return str(n)

    def G(self, s: Sent, kind: str, n: int | None = None, cap: bool = False, mod: str | None = None,
          abbr: bool = True) -> int:
        """Counted group: number + modifiers + facility noun (D23)."""
        if n is None:
            lo_hi = {"IP": [((2, 12), 5), ((13, 60), 4)], "IC": [((2, 12), 3), ((13, 80), 5), ((81, 150), 1)],
                     "UA": [((2, 12), 3), ((13, 40), 2)]}.get(kind, [((2, 4), 1)])
            a, b = self.w(lo_hi)
            n = self.r.randint(a, b)
        if mod is None:
            mods = [("", 6), ("new ", 3), ("more ", 1), ("planned ", 1), ("additional ", 1)]
            if kind in ("IP", "IC"):
                mods += [("concentrated ", 1), ("operational ", 1)]
            mod = self.w(mods)
        noun = self.o(KINDS[kind]["grp"])
        if kind == "IP" and self.c(0.08):  # two coordinated facility nouns: one span (D29)
            noun = self.o(["industrial parks and export processing zones", "industrial parks and economic zones",
                           "industrial zones and export processing zones", "IPs and EPZs"])
        if noun.startswith("new ") and mod:
            noun = noun[4:]
        k = s.e(f"{self.count_word(n, cap)} {mod}{noun}", "FACILITY")
        if abbr and noun == "industrial parks" and self.c(0.15):
            s.t(" (IPs)")
        return k

    # money ------------------------------------------------------------------
    PROFILES: ClassVar[dict[str, list[tuple[str, float, float, float]]]] = {
        "fdi": [("USD", 0.2e9, 8e9, 7), ("VND", 5e12, 150e12, 3)],
        "grdp": [("VND", 40e12, 1600e12, 7), ("USD", 2e9, 65e9, 3)],
        "export": [("USD", 0.5e9, 45e9, 8), ("VND", 10e12, 900e12, 2)],
        "budget": [("VND", 3e12, 90e12, 10)],
        "fac": [("VND", 300e9, 30e12, 6), ("USD", 30e6, 3e9, 4)],
        "infra": [("VND", 1e12, 150e12, 8), ("USD", 200e6, 15e9, 2)],
        "total": [("VND", 100e12, 3e15, 8), ("USD", 5e9, 120e9, 2)],
        "company": [("USD", 0.1e9, 60e9, 8), ("VND", 2e12, 300e12, 2)],
        "small": [("VND", 20e9, 900e9, 6), ("USD", 1e6, 90e6, 4)],
    }

    def _num(self, x: float) -> str:
        if x >= 1000:
            return f"{round(x):,}"
        if x >= 100:
            return str(round(x)) if self.c(0.8) else f"{x:.1f}"
        if x >= 10:
            return str(round(x)) if self.c(0.5) else f"{x:.1f}".rstrip("0").rstrip(".")
        s = f"{x:.2f}" if self.c(0.3) else f"{x:.1f}"
        s = s.rstrip("0").rstrip(".")
        return s if s != "0" else "0.1"

    def _mag(self, cur: str, value: float) -> tuple[str, float]:
        if cur == "VND":
            b = value / 1e9
            if b >= 1e6:
                return "quadrillion", b / 1e6
            if b >= 10000 and self.c(0.7):
                return "trillion", b / 1000
            if b >= 1000 and self.c(0.35):
                return "trillion", b / 1000
            return "billion", b
        m = value / 1e6
        if m >= 1000:
            return "billion", m / 1000
        return "million", m

    def _cur_fmt(self, cur: str, num: str, mag: str, spelled: bool = False) -> str:
        if cur == "VND":
            styles = [("{n} {m} VND", 3), ("{n} {m} dong", 2), ("{n} {m} đồng", 0.3)]
            if not spelled:
                styles += [("VND{n} {m}", 3), ("VND {n} {m}", 4), ("VNĐ {n} {m}", 0.5)]
        elif cur == "USD":
            styles = [("{n} {m} USD", 3), ("{n} {m} US dollars", 0.7)]
            if not spelled:
                styles += [("US${n} {m}", 5), ("${n} {m}", 2), ("USD {n} {m}", 1.5)]
        elif cur == "EUR":
            styles = [("{n} {m} euros", 1)] + ([] if spelled else [("EUR {n} {m}", 1), ("€{n} {m}", 0.3)])
        else:  # JPY
            styles = [("{n} {m} yen", 1)]
        return self.w(styles).format(n=num, m=mag)

    def money_text(self, cur: str, value: float) -> str:
        mag, x = self._mag(cur, value)
        if 1 <= x < 12.5 and self.c(0.2):  # a round amount, sometimes spelled out ("six billion USD")
            xi = round(x)
            if self.c(0.5):
                return self._cur_fmt(cur, NUM_WORDS[xi], mag, spelled=True)
            return self._cur_fmt(cur, str(xi), mag)
        return self._cur_fmt(cur, self._num(x), mag)

    def _draw(self, prof: str, other: bool = True) -> tuple[str, float]:
        opts = self.PROFILES[prof]
        cur, lo, hi, _ = self.w([(o, o[3]) for o in opts])
        v = lo * (hi / lo) ** self.r.random()  # log-uniform
        if other and prof in ("fac", "small") and self.c(0.04):
            usd = v / 25400 if cur == "VND" else v
            return ("EUR", usd * 0.92) if self.c(0.6) else ("JPY", usd * 150)
        return cur, v

    def approx(self, s: Sent, p: float, cap: bool = False) -> None:
        if self.c(p):
            a = self.o(APPROX)
            s.t((_cap(a) if cap else a) + " ")

    def M(self, s: Sent, prof: str = "fac", ap: float = 0.3, cap: bool = False, rng: float = 0.08) -> int:
        cur, v = self._draw(prof)
        if self.c(rng) and cur in ("VND", "USD"):
            return s.e(self.range_text(cur, v), "MONEY")
        self.approx(s, ap, cap)
        return s.e(self.money_text(cur, v), "MONEY")

    def money_series(self, prof: str, k: int) -> list[str]:
        """k rising amounts in one currency (targets for successive years)."""
        cur, v = self._draw(prof, other=False)
        out = []
        for _ in range(k):
            out.append(self.money_text(cur, v))
            v *= self.r.uniform(1.3, 2.2)
        return out

    def range_text(self, cur: str, v: float) -> str:
        mag, x = self._mag(cur, v)
        if x >= 10:
            lo = round(x)
            hi = lo + max(1, round(lo * self.r.uniform(0.05, 0.4)))
            a, b = f"{lo:,}", f"{hi:,}"
        else:
            lo = max(1, round(x))
            hi = lo + self.r.choice([1, 1, 2])
            a, b = str(lo), str(hi)
            if self.c(0.3):
                a = f"{lo + 0.5:.1f}"
        num = f"{a}-{b}"
        if cur == "VND":
            style = self.w([("VND{n} {m}", 3), ("VND {n} {m}", 3), ("{n} {m} VND", 2), ("{n} {m} dong", 1)])
        else:
            style = self.w([("US${n} {m}", 3), ("{n} {m} USD", 3), ("${n} {m}", 1)])
        return style.format(n=num, m=mag)

    def Mx(self, s: Sent, prof: str = "fac", ap: float = 0.3, eq: float = 0.25, cap: bool = False,
           close: bool = False) -> list[int]:
        """A money amount, sometimes followed by its equivalent in the other currency (two spans)."""
        if not self.c(eq):
            return [self.M(s, prof, ap, cap)]
        self.approx(s, ap * 0.6, cap)
        cur, v = self._draw(prof, other=False)
        k1 = s.e(self.money_text(cur, v), "MONEY")
        other, v2 = ("USD", v / 25400 * self.r.uniform(0.98, 1.02)) if cur == "VND" else \
            ("VND", v * 25400 * self.r.uniform(0.98, 1.02))
        style = self.w([("paren", 6), ("equiv", 2), ("or", 1)])
        if style == "paren":
            s.t(" (")
            self.approx(s, 0.3)
            k2 = s.e(self.money_text(other, v2), "MONEY")
            s.t(")")
        elif style == "equiv":
            s.t(", equivalent to ")
            self.approx(s, 0.2)
            k2 = s.e(self.money_text(other, v2), "MONEY")
            s.t("," if close else "")
        else:
            s.t(", or ")
            self.approx(s, 0.3)
            k2 = s.e(self.money_text(other, v2), "MONEY")
            s.t("," if close else "")
        return [k1, k2]

    def rate(self, s: Sent, per: str = "lease", ap: float = 0.3) -> int:
        """Per-unit rate: only the amount is MONEY (D31)."""
        self.approx(s, ap)
        if per == "lease":
            v = self.r.randint(55, 260)
            if self.c(0.15):
                a = s.e(self.w([(f"US${v}-{v + self.r.randint(10, 40)}", 1), (f"{v}-{v + 20} USD", 1)]), "MONEY")
            else:
                a = s.e(self.w([(f"US${v}", 5), (f"${v}", 2), (f"USD {v}", 1), (f"{v} USD", 1)]), "MONEY")
            s.t(self.o([" per square metre per lease term", " per square metre", " per m2 for the whole lease term",
                        " per square metre for the remaining lease term"]))
        else:
            v = round(self.r.uniform(2.5, 7.5), 1)
            a = s.e(self.w([(f"US${v}", 4), (f"${v}", 1), (f"USD {v}", 1)]), "MONEY")
            s.t(self.o([" per square metre per month", " per m2 per month", " per square metre a month"]))
        return a

    def percap(self, s: Sent, ap: float = 0.3) -> int:
        self.approx(s, ap)
        v = self.r.randint(25, 150) * 100
        if self.c(0.2):
            return s.e(f"VND {self.r.randint(60, 380)} million", "MONEY")
        return s.e(self.w([(f"US${v:,}", 5), (f"{v:,} USD", 2), (f"${v:,}", 1)]), "MONEY")

    # areas ------------------------------------------------------------------
    AREA_SCALES: ClassVar[dict[str, tuple[int, int]]] = {
        "ip": (40, 1500), "ic": (10, 75), "ez": (2000, 120000), "prov": (80000, 1650000),
        "group": (300, 15000), "ua": (50, 1500), "sqm": (5000, 900000), "small": (5, 300), "plot": (2, 60),
    }

    def A(self, s: Sent, scale: str = "ip", adj: bool = False, ap: float = 0.2) -> int:
        """An area; adj=True gives the adjectival '6,518-ha' form (the hyphen stays inside)."""
        lo, hi = self.AREA_SCALES[scale]
        ha = lo * (hi / lo) ** self.r.random()
        if not adj:
            self.approx(s, ap)
        if scale == "sqm":
            n = f"{round(ha, -2):,.0f}"
            if adj:
                return s.e(f"{n}-square-metre", "AREA")
            return s.e(self.w([(f"{n} square metres", 4), (f"{n} m2", 3), (f"{n} sq m", 1),
                               (f"{n} square meters", 1)]), "AREA")
        use_km = scale in ("prov", "ez") and self.c(0.6 if scale == "prov" else 0.3)
        if use_km:
            km = ha / 100
            n = f"{km:,.1f}".replace(".0", "") if km < 1000 and self.c(0.5) else f"{round(km):,}"
            if adj:
                return s.e(f"{n}-sq-km" if self.c(0.3) else f"{n}-square-kilometre", "AREA")
            return s.e(self.w([(f"{n} km2", 4), (f"{n} sq km", 2), (f"{n} square kilometres", 2), (f"{n} km²", 1)]),
                       "AREA")
        if self.c(0.15):
            n = f"{ha:,.2f}"
        elif ha < 100 and self.c(0.4):
            n = f"{ha:.1f}"
        else:
            n = f"{round(ha):,}"
        if adj:
            return s.e(self.w([(f"{n}-ha", 4), (f"{n}-hectare", 2)]), "AREA")
        if self.c(0.07):
            a = round(ha)
            b = a + max(10, round(a * self.r.uniform(0.1, 0.4)))
            return s.e(f"{a:,}-{b:,} ha" if self.c(0.7) else f"{a:,}-{b:,} hectares", "AREA")
        return s.e(self.w([(f"{n} ha", 5), (f"{n}ha", 1), (f"{n} hectares", 3)]), "AREA")

    # dates ------------------------------------------------------------------
    def _day(self, y: int) -> str:
        m = self.r.randint(1, 12)
        d = self.r.randint(1, 28)
        forms = [(f"{d} {MONTHS[m - 1]} {y}", 4), (f"{MONTHS[m - 1]} {d}, {y}", 3), (f"{d}/{m}/{y}", 2),
                 (f"{MONTHS[m - 1]} {d}", 0.6)]  # a day and month without a year is DATE too (D55)
        if m in MONTH_ABBR:
            forms.append((f"{MONTH_ABBR[m]} {d}", 0.4))
        return self.w(forms)

    def _period(self, when: str = "any") -> str:
        if when == "plan":  # the planning period of the provincial plans
            return self.w([("2021-2030", 8), ("2021 - 2030", 1), ("2021–2030", 1)])
        if when == "future":
            return self.w([("2021-2030", 5), ("2026-2030", 4), ("2025-2030", 2), ("2026-30", 1), ("2021 - 2030", 1),
                           ("2021–2030", 1), ("2031-2035", 1)])
        return self.w([("2021-2030", 6), ("2021-2025", 4), ("2026-2030", 3), ("2021-25", 1), ("2021 - 2030", 1),
                       ("2021–2030", 1), ("2020-2025", 1), ("2016-2020", 1), ("2025-2030", 1), ("2026-30", 1),
                       ("2023-2025", 1), ("2031-2035", 1)])

    def D(self, s: Sent, kind: str = "past", cap: bool = False) -> int:
        """A date with its framing words outside the span. kind: past | target | period | day | status | asof."""
        C = _cap if cap else (lambda x: x)
        r = self.r
        if kind in ("past", "pastp"):
            y = r.randint(2018, 2024)
            if kind == "pastp":
                form = self.w([("year", 5), ("part", 4), ("quarter", 1)])
            else:
                form = self.w([("year", 5), ("part", 4), ("month", 2), ("day", 1), ("quarter", 1)])
            if form == "year":
                s.t(C(self.o(["in ", "in ", "during ", "for the whole of "])))
                return s.e(str(y), "DATE")
            if form == "part":
                part = self.w([("first nine months of", 3), ("first half of", 3), ("first six months of", 1),
                               ("first quarter of", 1), ("third quarter of", 1), ("first 10 months of", 1),
                               ("first eight months of", 1), ("last quarter of", 1), ("second half of", 1)])
                s.t(C(self.o(["in the ", "in the ", "during the ", "over the "])))
                return s.e(f"{part} {y}", "DATE")
            if form == "month":
                m = self.o(MONTHS)
                s.t(C("in "))
                return s.e(self.w([(f"{m} {y}", 4), (f"late {m}", 1), (f"early {m} {y}", 1),
                                   (f"mid-{m} {y}", 1), (m, 1)]), "DATE")  # a month name alone (D55)
            if form == "quarter":
                s.t(C("in "))
                return s.e(f"Q{r.randint(1, 4)} {y}", "DATE")
            s.t(C(self.o(["as of ", "by "])))
            return s.e(self._day(y), "DATE")
        if kind == "asof":
            y = r.randint(2019, 2024)
            form = self.w([("end", 3), ("day", 2), ("beg", 1)])
            if form == "end":
                s.t(C(self.o(["as of the ", "by the ", "at the "])))
                return s.e(f"end of {y}", "DATE")
            if form == "beg":
                s.t(C(self.o(["at the ", "as of the "])))
                return s.e(f"beginning of {y}", "DATE")
            s.t(C("as of "))
            return s.e(self._day(y), "DATE")
        if kind in ("target", "targety"):  # targety: a year, possibly far ahead (plans, GRDP targets)
            if kind == "targety":
                form = "year"
                y = self.w([(2025, 2), (2026, 1), (2027, 1), (2030, 6), (2035, 1), (2045, 1), (2050, 1)])
            else:
                form = self.w([("year", 6), ("end", 2), ("early", 1), ("mid", 1), ("q", 1), ("half", 1)])
                y = self.w([(2025, 2), (2026, 3), (2027, 3), (2028, 2), (2030, 4), (2035, 1)])
                if form != "year":
                    y = r.randint(2025, 2030)
            if form == "year":
                s.t(C(self.w([("by ", 5), ("in ", 2), ("before ", 1)])))
                return s.e(str(y), "DATE")
            if form == "end":
                s.t(C(self.o(["by the ", "before the ", "by the "])))
                return s.e(f"end of {y}", "DATE")
            if form == "early":
                s.t(C("in "))
                return s.e(f"early {y}", "DATE")
            if form == "mid":
                s.t(C("by "))
                return s.e(f"mid-{y}", "DATE")
            if form == "half":
                s.t(C("in the "))
                return s.e(f"{self.o(['first', 'second'])} half of {y}", "DATE")
            s.t(C(self.o(["in ", "no later than "])))
            return s.e(f"Q{r.randint(1, 4)} {y}", "DATE")
        if kind in ("period", "fperiod"):  # fperiod: a period still running or ahead
            form = self.w([("the_period", 4), ("for_the", 2), ("during", 2), ("period_of", 1), ("from", 1),
                           ("between", 1)])
            if form == "from":
                a = self.o([2016, 2020, 2021, 2021, 2026]) if kind == "period" else self.o([2021, 2021, 2026])
                b = {2016: 2020, 2020: 2025, 2026: 2030}.get(a) or self.o([2025, 2030])
                s.t(C("from "))
                return s.e(f"{a} to {b}", "DATE")
            if form == "between":
                a = self.o([2021, 2021, 2026, 2025])
                b = a + self.o([4, 5])
                s.t(C("between "))
                return s.e(f"{a} and {b}", "DATE")
            p = self._period("future" if kind == "fperiod" else "any")
            if form == "the_period":
                s.t(C("in the "))
                k = s.e(p, "DATE")
                s.t(self.o([" period", " period", " term"]))
                return k
            if form == "for_the":
                s.t(C("for the "))
                k = s.e(p, "DATE")
                s.t(" period")
                return k
            if form == "during":
                s.t(C(self.o(["during ", "over ", "for "])))
                return s.e(p, "DATE")
            s.t(C(self.o(["in the period of ", "in the period "])))
            return s.e(p, "DATE")
        if kind == "day":
            s.t(C("on "))
            return s.e(self._day(r.randint(2015, 2025)), "DATE")
        if kind == "status":  # when a facility opened/was approved
            y = r.randint(1995, 2024)
            form = self.w([("year", 4), ("day", 2), ("month", 2), ("q", 1)])
            if form == "year":
                s.t(C("in "))
                return s.e(str(y), "DATE")
            if form == "day":
                s.t(C("on "))
                return s.e(self._day(max(y, 2005)), "DATE")
            if form == "month":
                s.t(C("in "))
                return s.e(f"{self.o(MONTHS)} {y}", "DATE")
            s.t(C("in "))
            return s.e(f"Q{r.randint(1, 4)} {max(y, 2010)}", "DATE")
        raise ValueError(kind)


# ---------------------------------------------------------------------------
# Templates: each writes one sentence with its spans and relations.
# ---------------------------------------------------------------------------

TEMPLATES: list[tuple[str, object, float]] = []


def template(weight: float = 1.0):
    def deco(fn):
        TEMPLATES.append((fn.__name__, fn, weight))
        return fn

    return deco


# --- province-level figures -------------------------------------------------


@template(1.5)
def t_fdi_province(g: Gen, s: Sent):
    p = g.P(s, st=g.o(["np", "name"]))
    s.t(" " + g.o(["attracted", "drew", "lured", "secured", "pulled in"]) + " ")
    m = g.Mx(s, "fdi")
    s.t(" " + g.o(["in foreign direct investment", "in FDI", "of registered foreign capital",
                   "in new and additional FDI", "in investment capital"]) + " ")
    d = g.D(s, "past")
    s.t(".")
    s.r(p, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(1.2)
def t_fdi_date_first(g: Gen, s: Sent):
    d = g.D(s, "past", cap=True)
    s.t(", foreign investors registered ")
    m = g.Mx(s, "fdi")
    s.t(" in ")
    p = g.P(s, st="np")
    s.t(f", up {g.pct()} over the same period last year.")
    s.r(p, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(1.2)
def t_grdp_poss(g: Gen, s: Sent):
    p = g.P(s, st="poss")
    verb = g.o(["reached", "hit", "was estimated at", "stood at", "rose to"])
    s.t(" GRDP " + verb + " ")
    m = g.Mx(s, "grdp", ap=0 if verb.endswith(" at") else 0.3, eq=0.45)
    s.t(" ")
    d = g.D(s, "pastp")
    s.t(".")
    s.r(p, "HAS_VALUE", m)
    s.r(m, "DATE_OF", d)


@template(1.0)
def t_grdp_target(g: Gen, s: Sent):
    p = g.P(s, st="name")
    s.t(" " + g.o(["aims to raise its GRDP to", "targets a GRDP of", "expects its GRDP to exceed",
                   "plans to lift its economy to"]) + " ")
    m = g.Mx(s, "grdp", ap=0.2)
    s.t(" ")
    d = g.D(s, "targety")
    s.t(f", with average growth of {g.r.randint(7, 12)}-{g.r.randint(13, 15)}% a year.")
    s.r(p, "HAS_VALUE", m)
    s.r(m, "DATE_OF", d)


@template(1.0)
def t_grdp_pronoun(g: Gen, s: Sent):
    s.t(g.o(["The province's GRDP reached ", "Its economy was worth ", "The locality's GRDP hit "]))
    m = g.Mx(s, "grdp", eq=0.5)
    s.t(" ")
    d = g.D(s, "pastp")
    s.t(f", the {g.o(['second', 'third', 'fourth', 'fifth', 'highest'])} in {g.o(REGIONS)}.")
    s.r(m, "DATE_OF", d)  # pronoun-owned: no HAS_VALUE


@template(1.0)
def t_exports(g: Gen, s: Sent):
    s.t(g.o(["Export turnover of ", "Exports from ", "Export value of "]))
    p = g.P(s, st="np")
    s.t(" " + g.o(["reached", "hit", "totalled", "amounted to"]) + " ")
    m = g.Mx(s, "export")
    s.t(" ")
    d = g.D(s, "pastp")
    s.t(f", up {g.pct()} year-on-year.")
    s.r(p, "HAS_VALUE", m)
    s.r(m, "DATE_OF", d)


@template(1.0)
def t_budget(g: Gen, s: Sent):
    p = g.P(s, st="name")
    s.t(" collected ")
    m = g.M(s, "budget")
    s.t(" in state budget revenue ")
    d = g.D(s, "pastp")
    s.t(f", exceeding the annual estimate by {g.pct()}.")
    s.r(p, "HAS_VALUE", m)
    s.r(m, "DATE_OF", d)


@template(1.0)
def t_budget_two_years(g: Gen, s: Sent):
    p = g.P(s, st="name")
    what = g.o(["expects budget revenue of", "projects GRDP at", "targets export value of"])
    s.t(" " + what + " ")
    t1, t2 = g.money_series({"budget": "budget", "GRDP": "grdp", "export": "export"}[what.split()[1]], 2)
    m1 = s.e(t1, "MONEY")
    s.t(" in ")
    y1 = g.o([2025, 2026, 2027])
    d1 = s.e(str(y1), "DATE")
    s.t(" and ")
    g.approx(s, 0.15)
    m2 = s.e(t2, "MONEY")
    s.t(" in ")
    d2 = s.e(str(g.o([2030, 2030, 2035])), "DATE")
    s.t(".")
    s.r(p, "HAS_VALUE", [m1, m2])
    s.r(m1, "DATE_OF", d1)
    s.r(m2, "DATE_OF", d2)


@template(0.9)
def t_three_years(g: Gen, s: Sent):
    s.t("Under the plan, ")
    p = g.P(s, st="name")
    s.t(" targets GRDP of ")
    ms, ds = [], []
    years = [2025, 2030, g.o([2035, 2045, 2050])]
    texts = g.money_series("grdp", 3)
    for i, y in enumerate(years):
        if i:
            s.t(" and " if i == 2 else ", ")
        ms.append(s.e(texts[i], "MONEY"))
        s.t(" in ")
        ds.append(s.e(str(y), "DATE"))
    s.t(".")
    s.r(p, "HAS_VALUE", ms)
    for m, d in zip(ms, ds):
        s.r(m, "DATE_OF", d)


@template(0.9)
def t_prov_area(g: Gen, s: Sent):
    p = g.P(s, st=g.o(["np", "name"]))
    s.t(" " + g.o(["covers", "has a natural area of", "spans", "stretches over"]) + " ")
    a = g.A(s, "prov")
    s.t(f" and has a population of about {round(g.r.uniform(0.4, 9.5), 1)} million.")
    s.r(p, "HAS_AREA", a)


@template(0.8)
def t_merged_area(g: Gen, s: Sent):
    new = g.o(list(MERGED_OLD))
    old = g.o(MERGED_OLD[new])
    s.t("The enlarged ")
    pn = g.P(s, new, "name")
    s.t(", which absorbed ")
    po = g.P(s, old, "name")
    s.t(" on ")
    s.e(g.o(["1 July 2025", "July 1, 2025", "1/7/2025"]), "DATE")
    s.t(", now covers ")
    a = g.A(s, "prov")
    s.t(".")
    s.r(pn, "HAS_AREA", a)
    _ = po


@template(1.0)
def t_total_social(g: Gen, s: Sent):
    s.t(g.o(["Total social investment capital mobilised in ", "Total investment needed in ",
             "Investment capital to be mobilised in "]))
    p = g.P(s, st="name")
    s.t(" ")
    d = g.D(s, "fperiod")
    s.t(" is estimated at ")
    m = g.M(s, "total", ap=0.3, rng=0.3)
    s.t(".")
    s.r(p, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(0.8)
def t_this_year(g: Gen, s: Sent):
    s.t(g.o(["This year, ", "In the coming time, ", "Annually, "]))
    p = g.P(s, st="name")
    s.t(" aims to attract ")
    m = g.M(s, "fdi")
    s.t(f" in FDI, focusing on {g.o(INDUSTRIES)} and {g.o(INDUSTRIES)}.")
    s.r(p, "HAS_INVESTMENT", m)


@template(1.0)
def t_agency_pronoun(g: Gen, s: Sent):
    s.t("According to ")
    p = g.P(s, st="agency")
    s.t(", the province " + g.o(["drew", "attracted", "received"]) + " ")
    m = g.M(s, "fdi")
    s.t(" in new investment ")
    d = g.D(s, "past")
    s.t(".")
    # "the province" refers back to the province named earlier in the same sentence (R2)
    s.r(p, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(0.8)
def t_agency_report(g: Gen, s: Sent):
    pc = g.prov()
    s.t("A report by ")
    g.P(s, pc, "agency")
    s.t(" shows that ")
    kind, n = g.gkind(pc, ["IP", "IP", "IC"])
    k = g.G(s, kind, n=n, mod=g.o(["", "operational "]), abbr=False)
    s.t(" " + g.o(["attracted", "drew", "registered"]) + " ")
    m = g.Mx(s, "fdi")
    s.t(" ")
    d = g.D(s, "past")
    s.t(".")
    s.r(k, "HAS_INVESTMENT", m)  # the agency's province does not place the group: no LOCATED_IN
    s.r(m, "DATE_OF", d)


@template(0.8)
def t_percap(g: Gen, s: Sent):
    s.t("GRDP per capita in ")
    p = g.P(s, st="name")
    s.t(" is expected to reach ")
    m = g.percap(s)
    s.t(" ")
    d = g.D(s, "targety")
    s.t(".")
    s.r(p, "HAS_VALUE", m)
    s.r(m, "DATE_OF", d)


@template(0.9)
def t_disbursed(g: Gen, s: Sent):
    s.t("Disbursed FDI in ")
    p = g.P(s, st="np")
    s.t(" " + g.o(["reached", "totalled", "hit"]) + " ")
    m = g.M(s, "fdi", ap=0.2)
    s.t(f", or {g.pct()} of registered capital, ")
    d = g.D(s, "past")
    s.t(".")
    s.r(p, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(0.9)
def t_region_neg(g: Gen, s: Sent):
    pc = g.prov()
    p = g.P(s, pc, "name")
    s.t(f", one of the leading FDI destinations in {REGION_OF[pc]}, " + g.o(["attracted", "drew"]) + " ")
    m = g.M(s, "fdi")
    s.t(" ")
    d = g.D(s, "past")
    s.t(".")
    s.r(p, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(0.9)
def t_countries_neg(g: Gen, s: Sent):
    c1, c2 = g.r.sample(COUNTRIES, 2)
    s.t(f"Investors from {c1} and {c2} accounted for {g.pct()} of the ")
    m = g.M(s, "fdi", ap=0)
    s.t(" registered in ")
    p = g.P(s, st="np")
    s.t(" ")
    d = g.D(s, "past")
    s.t(".")
    s.r(p, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(0.9)
def t_from_to(g: Gen, s: Sent):
    s.t("From ")
    a = g.o([2016, 2021])
    d = s.e(f"{a} to {a + 4}", "DATE")
    s.t(", ")
    p = g.P(s, st="name")
    s.t(" attracted ")
    m = g.M(s, "fdi")
    s.t(f", {g.pct()} more than in the previous five years.")
    s.r(p, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(0.8)
def t_ranking(g: Gen, s: Sent):
    p1c, p2c = g.r.sample(PROVINCES, 2)
    s.t("In FDI attraction ")
    d = g.D(s, "past")
    s.t(", ")
    low, high = g.money_series("fdi", 2)
    p1 = g.P(s, p1c, "name")
    s.t(" ranked first with ")
    m1 = s.e(high, "MONEY")
    s.t(", followed by ")
    p2 = g.P(s, p2c, "name")
    s.t(" with ")
    g.approx(s, 0.2)
    m2 = s.e(low, "MONEY")
    s.t(".")
    s.r(p1, "HAS_INVESTMENT", m1)
    s.r(p2, "HAS_INVESTMENT", m2)
    s.r([m1, m2], "DATE_OF", d)


@template(0.7)
def t_late_month(g: Gen, s: Sent):
    p = g.P(s, st="name")
    s.t(" attracted ")
    m = g.M(s, "fdi")
    s.t(" of new investment in ")
    d = s.e(f"{g.o(['late', 'early'])} {g.o(MONTHS)}", "DATE")
    s.t(" alone.")
    s.r(p, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(0.8)
def t_former_invest(g: Gen, s: Sent):
    new = g.o(list(MERGED_OLD))
    old = g.o(MERGED_OLD[new])
    s.t("The former ")
    po = g.P(s, old, "name")
    s.t(" province, now part of ")
    pn = g.P(s, new, "name")
    s.t(", " + g.o(["attracted", "drew"]) + " ")
    m = g.M(s, "fdi")
    s.t(" ")
    d = g.D(s, "past")
    s.t(".")
    s.r(po, "HAS_INVESTMENT", m)  # the most specific unit the figure measures
    s.r(m, "DATE_OF", d)
    _ = pn


@template(0.7)
def t_plan_decision_neg(g: Gen, s: Sent):
    s.t(f"Under {g.decision(pm=True)}, the Prime Minister approved ")
    g.P(s, st="plan")
    s.t(" for the ")
    s.e(g._period("plan"), "DATE")
    s.t(" period, with a vision to ")
    s.e(g.o(["2050", "2045"]), "DATE")
    s.t(".")


@template(0.6)
def t_project_neg(g: Gen, s: Sent):
    s.t(f"A {g.o(['1,500', '3,000', '4,800', '600', '1,200'])}-MW {g.o(['LNG power plant', 'wind power', 'thermal power plant'])} project worth ")
    g.M(s, "infra")
    s.t(" has been proposed in ")
    g.P(s, st="np")
    s.t(".")  # project-owned figure: no relation


@template(0.7)
def t_economy_adj(g: Gen, s: Sent):
    pc = g.prov()
    s.t("The ")
    g.P(s, pc, "name")
    s.t(f" economy grew {round(g.r.uniform(3, 12.5), 1)}{g.o(['%', ' percent'])} in ")
    s.e(str(g.r.randint(2018, 2024)), "DATE")
    s.t(", driven by ")
    f1 = g.fac(("IP", "CEZ", "PORT", "IC"), prov=pc)
    g.F(s, f1)
    s.t(" and ")
    g.F(s, g.fac(("IP", "CEZ", "PORT", "AIRPORT"), prov=pc, exclude=(f1,)))
    s.t(".")  # not placed, no figure: no relation


@template(0.7)
def t_based_firms(g: Gen, s: Sent):
    g.P(s, st="adj")
    s.t(f" {g.o(['firms', 'companies', 'manufacturers'])} account for {g.pct()} of tenants in ")
    g.F(s, g.fac("IP", local=0.3))
    s.t(".")  # the sentence does not place the park in the province


# --- facility-level -------------------------------------------------------------


@template(1.5)
def t_fac_area_loc(g: Gen, s: Sent):
    f = g.fac(("IP", "IP", "IC", "CEZ", "BGEZ", "EPZ", "HTP", "UA", "HTAP"))
    pc = g.fprov(f)
    k = g.F(s, f, cap=True)
    s.t(" in ")
    p = g.P(s, pc, "np")
    s.t(" " + g.o(["covers", "spans", "has a total area of", "occupies"]) + " ")
    a = g.A(s, {"IC": "ic", "CEZ": "ez", "BGEZ": "ez", "UA": "ua"}.get(f.kind, "ip"))
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "HAS_AREA", a)


@template(1.2)
def t_fac_adj_area(g: Gen, s: Sent):
    f = g.fac(("IP", "IP", "CEZ", "UA", "IC"))
    pc = g.fprov(f)
    s.t("The ")
    a = g.A(s, {"IC": "ic", "CEZ": "ez", "UA": "ua"}.get(f.kind, "ip"), adj=True)
    s.t(" ")
    k = g.F(s, f, art=False)
    dists = [x for x in DISTRICTS.get(pc, []) if f.core.startswith(x.rsplit(" ", 1)[0])]
    dist = g.o(dists) if dists else None
    if dist and g.c(0.8):
        s.t(f", located in {dist}, ")
        p = g.P(s, pc, "name")
        s.t(",")
    else:
        s.t(" in ")
        p = g.P(s, pc, "np")
    s.t(f" is {g.pct()} occupied.")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "HAS_AREA", a)


@template(1.3)
def t_fac_invest_poss(g: Gen, s: Sent):
    f = g.fac(("IP", "IP", "CEZ", "HTP", "EPZ", "BGEZ"))
    pc = g.fprov(f)
    if pc in f.canonical:  # "VSIP Bac Ninh in Bac Ninh" rather than "Bac Ninh's VSIP Bac Ninh"
        k = g.F(s, f)
        s.t(" in ")
        p = g.P(s, pc, "np")
    else:
        p = g.P(s, pc, "poss")
        s.t(" ")
        k = g.F(s, f, art=False)
    s.t(" " + g.o(["attracted", "drew", "registered", "secured"]) + " ")
    m = g.Mx(s, "fac")
    s.t(" " + g.o(["in investment", "of new capital", "in FDI", "in registered capital"]) + " ")
    d = g.D(s, "past")
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(1.3)
def t_infra_cost_target(g: Gen, s: Sent):
    f = g.fac(("EXPRESSWAY", "EXPRESSWAY", "BRIDGE", "RINGROAD", "RAILWAY", "AIRPORT", "PORT"))
    k = g.F(s, f, cap=True)
    s.t(", with total investment of ")
    m = g.Mx(s, "infra", ap=0.3)
    verb = {"AIRPORT": "go into operation", "PORT": "receive its first ships", "RAILWAY": "begin operation"}.get(
        f.kind, "open to traffic")
    s.t(f", is scheduled to {verb} ")
    d = g.D(s, "target")
    s.t(".")
    s.r(k, "HAS_INVESTMENT", m)
    s.r(k, "DATE_OF", d)  # the facility's target date, not the figure's


@template(1.0)
def t_land_rent(g: Gen, s: Sent):
    f = g.fac(("IP", "IP", "IC", "CEZ"))
    pc = g.fprov(f)
    s.t("Land rent at ")
    k = g.F(s, f, art=False)
    s.t(" in ")
    p = g.P(s, pc, "np")
    if g.c(0.25):  # "from US$A to US$B": two spans, each with the same relations (D34)
        s.t(" ranges from ")
        v = g.r.randint(55, 200)
        cur = g.o(["US$", "$", "USD "])
        m = [s.e(f"{cur}{v}", "MONEY")]
        s.t(" to ")
        m.append(s.e(f"{cur}{v + g.r.randint(10, 60)}", "MONEY"))
        s.t(g.o([" per square metre per lease term", " per square metre", " per m2 for the whole lease term"]))
    else:
        s.t(" averages ")
        m = g.rate(s, "lease")
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "HAS_VALUE", m)  # rent charged by the park (R3)


@template(0.8)
def t_factory_rent(g: Gen, s: Sent):
    f = g.fac("IP")
    s.t("Ready-built factories in ")
    k = g.F(s, f)
    s.t(" rented for ")
    m = g.rate(s, "month", ap=0.2)
    s.t(" ")
    d = g.D(s, "past")
    s.t(".")
    s.r(k, "HAS_VALUE", m)
    s.r(m, "DATE_OF", d)


@template(1.0)
def t_production_value(g: Gen, s: Sent):
    f = g.fac(("IP", "IP", "CEZ", "EPZ", "HTP"))
    s.t(g.o(["Production value of ", "Industrial output of ", "Export value of enterprises in ", "Revenue of "]))
    k = g.F(s, f)
    s.t(" " + g.o(["reached", "hit", "totalled"]) + " ")
    m = g.Mx(s, "export")
    s.t(" ")
    d = g.D(s, "pastp")
    s.t(f", up {g.pct()}.")
    s.r(k, "HAS_VALUE", m)
    s.r(m, "DATE_OF", d)


@template(1.1)
def t_opened(g: Gen, s: Sent):
    f = g.fac(("IP", "EXPRESSWAY", "BRIDGE", "AIRPORT", "PORT", "CEZ", "IC", "UA", "LOG", "ICD"))
    k = g.F(s, f, cap=True)
    p = None
    if g.c(0.5):
        s.t(" in ")
        p = g.P(s, g.fprov(f), "np")
    verb = {"EXPRESSWAY": ["was opened to traffic", "opened"], "BRIDGE": ["was opened to traffic", "was inaugurated"],
            "AIRPORT": ["went into operation", "was inaugurated"], "PORT": ["received its first vessel", "opened"],
            "LOG": ["went into operation", "opened"], "ICD": ["went into operation", "opened"]}
    vs = verb.get(f.kind, ["was established", "was put into operation", "was inaugurated"])
    if g.c(0.2):  # a groundbreaking is a status change too (R4)
        vs = ["broke ground", "started construction"]
    s.t(" " + g.o(vs) + " ")
    d = g.D(s, "status")
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "DATE_OF", d)


@template(0.9)
def t_approved(g: Gen, s: Sent):
    f = g.fac(("IP", "IP", "IC", "UA"))
    pc = g.fprov(f)
    k = g.F(s, f, cap=True)
    s.t(" in ")
    p = g.P(s, pc, "np")
    s.t(" was approved ")
    d = g.D(s, "day")
    s.t(f" under {g.decision(approve=True)}.")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "DATE_OF", d)


@template(0.8)
def t_expansion(g: Gen, s: Sent):
    f = g.fac("IP")
    pc = g.fprov(f)
    s.t("The ")
    k = g.F(s, f, art=False, phase=False)
    s.t(" expansion in ")
    p = g.P(s, pc, "np")
    s.t(" was approved in ")
    d = s.e(f"{g.o(MONTHS)} {g.r.randint(2019, 2024)}", "DATE")
    s.t(f", adding {g.r.randint(20, 140)} plots for investors.")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "DATE_OF", d)


@template(1.5)
def t_group_area(g: Gen, s: Sent):
    pc = g.prov()
    p = g.P(s, pc, "name")
    s.t(" " + g.o(["has developed", "now operates", "has", "is home to"]) + " ")
    kind, n = g.gkind(pc, ["IP", "IP", "IC", "CEZ", "BGEZ", "UA"])
    k = g.G(s, kind, n=n)
    # no "combined" here: joint figures get no HAS_* (R2a), and a group's total area is written as such
    how = g.o(["with a total area of", "covering", "spanning", "with a total of"])
    s.t(" " + how + " ")
    a = g.A(s, "group", ap=0 if how == "with a total of" else 0.2)
    s.t(f", with an average occupancy rate of {g.pct()}." if g.c(0.5) else ".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "HAS_AREA", a)


@template(1.4)
def t_group_plan(g: Gen, s: Sent):
    pc = g.prov()
    d = g.D(s, "target", cap=True)
    s.t(", ")
    p = g.P(s, pc, "name")
    s.t(" " + g.o(["plans to set up", "will develop", "intends to add", "aims to build"]) + " ")
    k = g.G(s, g.o(["IP", "IP", "IC", "UA"]), mod=g.o(["new ", "more ", "additional ", ""]))
    s.t(" " + g.o(["covering", "with a total area of", "on"]) + " ")
    a = g.A(s, "group")
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "HAS_AREA", a)
    s.r([k, a], "DATE_OF", d)


@template(1.2)
def t_group_plan_period(g: Gen, s: Sent):
    pc = g.prov()
    d = g.D(s, "fperiod", cap=True)
    s.t(", ")
    p = g.P(s, pc, "name")
    s.t(" will develop ")
    k = g.G(s, g.o(["IP", "IC", "IC"]))
    s.t(" on ")
    a = g.A(s, "group")
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "HAS_AREA", a)
    s.r([k, a], "DATE_OF", d)


@template(1.1)
def t_planning_doc(g: Gen, s: Sent):
    pc = g.prov()
    provides = g.c(0.3)
    if not provides:
        s.t("Under ")
    p = g.P(s, pc, "plan", cap=provides)
    s.t(" for ")
    d = s.e(g._period("plan"), "DATE")
    s.t(", with a vision to ")
    s.e(g.o(["2050", "2045"]), "DATE")  # the vision year is not the date of the plan-period figures (R4)
    if provides:  # "the X Provincial Planning provides for Y" places Y in X (R1a)
        s.t(", provides for ")
    else:
        s.t(", the province will " + g.o(["develop", "have", "build"]) + " ")
    k = g.G(s, g.o(["IP", "IC"]))
    s.t(" totalling ")
    a = g.A(s, "group")
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "HAS_AREA", a)
    s.r([k, a], "DATE_OF", d)


@template(1.2)
def t_group_members(g: Gen, s: Sent):
    kind = g.o(["IP", "IP", "CEZ", "PORT", "IC"])
    n = g.o([2, 2, 3])
    got = g.fac_group(kind, n)
    if got is None:
        return t_group_area(g, s)
    pc, facs = got
    p = g.P(s, pc, "name")
    s.t(" " + g.o(["is home to", "has", "operates"]) + " ")
    noun = {"IP": "industrial parks", "CEZ": "coastal economic zones" if g.c(0.5) else "economic zones",
            "PORT": "seaports", "IC": "industrial clusters"}[kind]
    k = s.e(f"{g.count_word(n)} {noun}", "FACILITY")
    s.t(g.o([", ", ", namely "]))
    ks = g.names_list(s, facs)
    s.t(".")
    s.r([k] + ks, "LOCATED_IN", p)


@template(1.2)
def t_typed_list(g: Gen, s: Sent):
    kind = g.o(["IP", "IP", "IP", "PORT", "IC", "CEZ"])
    got = g.fac_group(kind, g.o([2, 3, 3, 4]))
    if got is None:
        return t_group_area(g, s)
    pc, facs = got
    noun = {"IP": g.o(["industrial parks", "industrial zones"]), "PORT": "ports", "IC": "industrial clusters",
            "CEZ": "economic zones"}[kind]
    s.t("In ")
    p = g.P(s, pc, "name")
    s.t(f", {noun} {g.o(['such as', 'including', 'like'])} ")
    ks = g.names_list(s, facs)
    s.t(f" are {g.o(['almost fully occupied', 'operating at full capacity', 'attracting strong interest'])}.")
    s.r(ks, "LOCATED_IN", p)


@template(1.0)
def t_typed_list_neg(g: Gen, s: Sent):
    kind = g.o(["PORT", "EXPRESSWAY", "AIRPORT", "IP"])
    region = g.o(sorted(set(REGION_OF.values())))
    pool = [f for f in FAC_BY_KIND[kind] if f.bare_ok and REGION_OF[f.provs[0]] == region]
    if len(pool) < 2:
        region = "the Red River Delta"
        pool = [f for f in FAC_BY_KIND[kind] if f.bare_ok and REGION_OF[f.provs[0]] == region]
    facs = g.r.sample(pool, min(len(pool), g.o([2, 3])))
    noun = {"PORT": "Seaports", "EXPRESSWAY": "Expressways", "AIRPORT": "Airports", "IP": "Industrial parks"}[kind]
    tail = {"PORT": ["handle most of the cargo of", "serve shippers across"],
            "EXPRESSWAY": ["have cut travel times across", "anchor growth in"],
            "AIRPORT": ["serve travellers across", "anchor tourism growth in"],
            "IP": ["attract investors from across", "anchor growth in"]}[kind]
    s.t(f"{noun} such as ")
    g.names_list(s, facs)
    s.t(f" {g.o(tail)} {region}.")


@template(1.2)
def t_coordinated(g: Gen, s: Sent):
    kind = g.o(["IP", "IP", "IC", "CEZ", "PORT"])
    got = g.fac_group(kind, g.o([2, 2, 3]))
    if got is None:
        return t_fac_area_loc(g, s)
    pc, facs = got
    s.t("The ")
    ks = g.names_list(s, facs)
    s.t(" " + g.o(KINDS[kind]["pl"]) + " in ")
    p = g.P(s, pc, "np")
    if kind == "PORT":
        s.t(f" handled {round(g.r.uniform(5, 90), 1)} million tonnes of cargo last year")
    else:
        s.t(f" have attracted {g.nproj()}")
    if len(facs) == 2 and g.c(0.35):  # "both zones" has no numeral: not FACILITY (D29)
        both = "both ports" if kind == "PORT" else g.o(["both zones", "both parks"] if kind != "IC" else ["both clusters"])
        s.t(f", and {both} {g.o(['are being expanded', 'plan to add new tenants', 'are close to full capacity'])}")
    s.t(".")
    s.r(ks, "LOCATED_IN", p)


@template(1.0)
def t_combined_capital(g: Gen, s: Sent):
    got = g.fac_group("IP", g.o([2, 3]))
    if got is None:
        return t_fac_area_loc(g, s)
    _pc, facs = got
    ks = g.names_list(s, facs)
    s.t(" " + g.o(KINDS["IP"]["pl"]) + " started site clearance in ")
    d = s.e(str(g.r.randint(2021, 2025)), "DATE")
    s.t(", with combined infrastructure capital of ")
    g.M(s, "fac", ap=0.2)
    s.t(".")
    s.r(ks, "DATE_OF", d)  # a combined figure has no single owner


@template(1.2)
def t_linear_two_provs(g: Gen, s: Sent):
    f = g.fac(("EXPRESSWAY", "EXPRESSWAY", "RAILWAY", "BRIDGE", "HIGHWAY"), multi=True)
    p1c, p2c = g.r.sample(list(f.provs), 2)
    k = g.F(s, f, cap=True)
    s.t(" " + g.o(["linking", "connecting", "running through"]) + " ")
    p1 = g.P(s, p1c, "name")
    s.t(" and ")
    p2 = g.P(s, p2c, "name")
    s.t(f" is {g.pct()} complete.")
    s.r(k, "LOCATED_IN", [p1, p2])


@template(0.8)
def t_runs_through(g: Gen, s: Sent):
    cands = [f for f in FACILITIES if f.kind in ("RINGROAD", "HIGHWAY", "EXPRESSWAY", "RAILWAY") and len(f.provs) >= 3]
    f = g.o(cands)
    pcs = g.r.sample(list(f.provs), 3)
    k = g.F(s, f, cap=True)
    if f.kind == "RINGROAD" and f.core in ("4", "5") and g.c(0.5):
        s.t(" of the Hanoi Capital Region")  # a province name inside a regional name is not tagged (D16)
    s.t(" " + g.o(["runs through", "passes through", "crosses"]) + " ")
    ps = []
    for i, pc in enumerate(pcs):
        if i:
            s.t(" and " if i == 2 else ", ")
        ps.append(g.P(s, pc, "name"))
    s.t(".")
    s.r(k, "LOCATED_IN", ps)


@template(1.0)
def t_former_loc(g: Gen, s: Sent):
    new = g.o(list(MERGED_OLD))
    old = g.o(MERGED_OLD[new])
    cands = [f for f in FACILITIES if old in f.provs and f.kind in ("IP", "CEZ", "BGEZ", "IC", "HTAP", "PORT")]
    if not cands:
        return t_former_invest(g, s)
    f = g.o(cands)
    k = g.F(s, f, cap=True)
    s.t(", in the former ")
    po = g.P(s, old, "name")
    s.t(" province, now part of ")
    pn = g.P(s, new, "name")
    s.t(", " + g.o(["covers", "spans"]) + " ")
    a = g.A(s, "ez" if f.kind in ("CEZ", "BGEZ") else "ip")
    s.t(".")
    s.r(k, "LOCATED_IN", [po, pn])
    s.r(k, "HAS_AREA", a)


@template(0.8)
def t_merger_group(g: Gen, s: Sent):
    new = g.o(list(MERGED_OLD))
    old = g.o(MERGED_OLD[new])
    s.t("Since ")
    s.e(g.o(["1 July 2025", "July 1, 2025"]), "DATE")
    s.t(", ")
    g.P(s, old, "name")
    s.t(" has been part of ")
    pn = g.P(s, new, "name")
    s.t(", which now has ")
    k = g.G(s, g.o(["IP", "IC"]), mod="")
    s.t(".")
    s.r(k, "LOCATED_IN", pn)


@template(0.9)
def t_range_money(g: Gen, s: Sent):
    f = g.fac(("IP", "EXPRESSWAY", "RINGROAD", "PORT", "AIRPORT"))
    s.t(g.o(["Site clearance for ", "Compensation for ", "The first phase of "]))
    k = g.F(s, f)
    s.t(" " + g.o(["requires", "will cost", "needs"]) + " ")
    m = g.M(s, "infra" if f.kind != "IP" else "fac", ap=0.1, rng=0.7)
    s.t(", to be disbursed ")
    d = g.D(s, "fperiod")
    s.t(".")
    s.r(k, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(0.9)
def t_quarter_investors(g: Gen, s: Sent):
    f = g.fac(("IP", "IP", "HTP", "CEZ"))
    s.t("In ")
    y = g.r.randint(2020, 2024)
    if g.c(0.5):
        d = s.e(f"Q{g.r.randint(1, 4)} {y}", "DATE")
    else:
        s.t("the ")
        d = s.e(f"{g.o(['third', 'second', 'first', 'fourth'])} quarter of {y}", "DATE")
    s.t(", ")
    k = g.F(s, f)
    s.t(f" welcomed {g.r.randint(3, 25)} new investors with total capital of ")
    m = g.M(s, "fac", ap=0.2)
    s.t(".")
    s.r(k, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(0.9)
def t_htp_projects(g: Gen, s: Sent):
    f = g.fac(("HTP", "EPZ", "IP", "CEZ"))
    k = g.F(s, f, cap=True)
    s.t(f" has attracted {g.nproj()} with total registered capital of ")
    m = g.Mx(s, "fac")
    s.t(" ")
    d = g.D(s, "asof")
    s.t(".")
    s.r(k, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(0.8)
def t_budget_contrib(g: Gen, s: Sent):
    f = g.fac(("IP", "CEZ", "EPZ", "PORT"))
    k = g.F(s, f, cap=True)
    s.t(" contributed ")
    m = g.M(s, "small" if g.c(0.5) else "budget")
    s.t(" to the state budget ")
    d = g.D(s, "past")
    s.t(".")
    s.r(k, "HAS_VALUE", m)
    s.r(m, "DATE_OF", d)


@template(1.0)
def t_group_exports(g: Gen, s: Sent):
    pc = g.prov()
    kind, n = g.gkind(pc, ["IP", "IP", "CEZ", "IC"])
    k = g.G(s, kind, n=n, cap=True, mod="", abbr=False)
    s.t(" in ")
    p = g.P(s, pc, "np")
    s.t(" " + g.o(["exported goods worth", "generated export value of", "posted revenue of"]) + " ")
    m = g.Mx(s, "export")
    s.t(" ")
    d = g.D(s, "past")
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "HAS_VALUE", m)
    s.r(m, "DATE_OF", d)


@template(1.0)
def t_group_capital(g: Gen, s: Sent):
    pc = g.prov()
    p = g.P(s, pc, "poss")
    s.t(" ")
    kind, n = g.gkind(pc, ["IP", "IP", "IC", "CEZ"])
    k = g.G(s, kind, n=n, mod=g.o(["", "", "operational "]) if kind in ("IP", "IC") else "", abbr=False)
    s.t(f" have attracted {g.nproj()} with total registered capital of ")
    m = g.Mx(s, "fdi")
    s.t(" ")
    d = g.D(s, "asof")
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(0.9)
def t_quote_target(g: Gen, s: Sent):
    f = g.fac(("IP", "CEZ", "EXPRESSWAY", "AIRPORT", "UA"))
    pc = g.fprov(f)
    s.t(f"{g.person()}, {g.o(['director', 'deputy director', 'head'])} of the ")
    g.P(s, pc, "name")
    s.t(g.o([" Department of Planning and Investment", " Department of Finance"] +
            ([" Export Processing and Industrial Zones Authority"] if pc in CENTRAL else
             [" Industrial Parks Management Board", " Economic Zone Management Board"])))
    goal = "be fully leased" if f.kind in ("IP", "CEZ", "UA") else "be completed"
    s.t(", said: “We expect ")
    k = g.F(s, f)
    s.t(f" to {goal} ")
    d = g.D(s, "target")
    s.t(".”")
    s.r(k, "DATE_OF", d)  # agency mention does not place the facility


@template(0.9)
def t_indirect_quote(g: Gen, s: Sent):
    f = g.fac(("IP", "CEZ", "PORT"))
    pc = g.fprov(f)
    # a weekday is not DATE (D55)
    s.t(f"{g.person()} told reporters{' on ' + g.o(WEEKDAYS) if g.c(0.35) else ''} that ")
    k = g.F(s, f)
    s.t(" in ")
    p = g.P(s, pc, "np")
    s.t(" would need a further ")
    m = g.M(s, "fac", ap=0.3)
    s.t(" to complete its infrastructure ")
    d = g.D(s, "target")
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "HAS_INVESTMENT", m)
    s.r([m, k], "DATE_OF", d)  # the spending and the facility's completion target


@template(0.8)
def t_ez_established(g: Gen, s: Sent):
    f = g.fac(("CEZ", "BGEZ", "CEZ"))
    s.t("Established ")
    d = g.D(s, "status")
    s.t(", ")
    k = g.F(s, f)
    s.t(" now covers ")
    a = g.A(s, "ez")
    s.t(f" of {g.o(['land and water surface', 'land', 'land and sea'])}.")
    s.r(k, "DATE_OF", d)
    s.r(k, "HAS_AREA", a)


@template(0.8)
def t_ez_km2(g: Gen, s: Sent):
    f = g.fac(("CEZ", "BGEZ", "CBZ", "FTZ"))
    k = g.F(s, f, cap=True)
    s.t(" " + g.o(["spans", "covers", "stretches over"]) + " ")
    a = g.A(s, "ez")
    s.t(f" and is planned as a {g.o(['national', 'regional', 'dynamic'])} growth pole.")
    s.r(k, "HAS_AREA", a)


@template(0.8)
def t_urban_area(g: Gen, s: Sent):
    f = g.fac("UA", local=0.3)
    pc = f.provs[0]
    s.t("The ")
    a = g.A(s, "ua", adj=True)
    s.t(" ")
    k = g.F(s, f, art=False)
    s.t(" in ")
    p = g.P(s, pc, "np")
    s.t(f" is being developed by {g.o(UA_DEVELOPERS)}.")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "HAS_AREA", a)


@template(0.9)
def t_length_neg(g: Gen, s: Sent):
    f = g.fac(("EXPRESSWAY", "RAILWAY", "RINGROAD"))
    s.t(f"The {g.r.randint(12, 380)}-km ")
    k = g.F(s, f, art=False)
    s.t(" will cost ")
    m = g.Mx(s, "infra", close=True)
    s.t(" and is due for completion ")
    d = g.D(s, "target")
    s.t(".")
    s.r(k, "HAS_INVESTMENT", m)
    s.r(k, "DATE_OF", d)


@template(0.8)
def t_unnamed_neg(g: Gen, s: Sent):
    pc = g.o([p_ for p_ in PROVINCES if p_ in DISTRICTS])
    p = g.P(s, pc, "name")
    dist = g.district(pc)
    n = g.r.randint(15, 120)
    art = "an" if str(n).startswith("8") or n in (11, 18) else "a"
    s.t(f" will build {art} {n}-km {g.o(['expressway', 'road', 'dual carriageway'])} connecting {dist} "
        f"with {g.o(['the provincial centre', 'its industrial zones', 'the national highway network'])} at a cost of ")
    g.M(s, "infra")
    s.t(".")  # an unnamed facility owns the figure: no relation
    _ = p


@template(0.8)
def t_duration_neg(g: Gen, s: Sent):
    f = g.fac(("IP", "CEZ", "HTP"))
    s.t("Investors in ")
    k = g.F(s, f)
    p = None
    if g.c(0.5):
        s.t(" in ")
        p = g.P(s, g.fprov(f), "np")
    s.t(f" are offered land leases of {g.o(['50', '70', '49'])} years and tax exemptions for "
        f"{g.o(['four', 'two', 'five'])} years.")
    s.r(k, "LOCATED_IN", p)


@template(0.9)
def t_occupancy(g: Gen, s: Sent):
    f = g.fac(("IP", "IP", "IC", "HTP"))
    pc = g.fprov(f)
    k = g.F(s, f, cap=True)
    s.t(" in ")
    p = g.P(s, pc, "np")
    s.t(f" has attracted {g.nproj()} and reached an occupancy rate of {g.pct()}")
    if g.c(0.25):  # a holiday is not DATE (D55)
        s.t(g.o([", with more tenants expected after Tet", ", and new tenants will move in after Tet"]))
    s.t(".")
    s.r(k, "LOCATED_IN", p)


@template(0.9)
def t_phase_target(g: Gen, s: Sent):
    f = g.fac(("IP", "IP", "UA"), bare=True)
    s.t("The ")
    k = s.e(f"{g.bare(f)} {g.w(KINDS[f.kind]['sg'])} {g.o(['– Phase 2', '- Phase II', '– Phase 3', 'Phase 2'])}"
            if not f.suffix else g.fsurf(f), "FACILITY")
    s.t(" " + g.o(["is expected to be completed", "will be handed over to investors", "will be operational"]) + " ")
    d = g.D(s, "target")
    s.t(".")
    s.r(k, "DATE_OF", d)


@template(0.7)
def t_equivalent_to(g: Gen, s: Sent):
    f = g.fac(("EXPRESSWAY", "AIRPORT", "PORT", "RAILWAY", "IP"))
    s.t("Total investment in ")
    k = g.F(s, f)
    s.t(" is ")
    ms = g.Mx(s, "infra", ap=0.2, eq=1.0)
    s.t(".")
    s.r(k, "HAS_INVESTMENT", ms)


@template(0.7)
def t_airport_capacity(g: Gen, s: Sent):
    f = g.fac("AIRPORT")
    k = g.F(s, f, cap=True)
    cap_ = g.r.randint(5, 50) if f.intl else g.r.randint(1, 5)
    s.t(f", designed to handle {cap_} million passengers a year, will cost ")
    m = g.M(s, "infra")
    s.t(" in its first phase.")
    s.r(k, "HAS_INVESTMENT", m)


@template(0.6)
def t_port_throughput(g: Gen, s: Sent):
    f = g.fac("PORT")
    k = g.F(s, f, cap=True)
    s.t(f" handled {round(g.r.uniform(0.5, 60), 1)} million tonnes of cargo ")
    g.D(s, "past")
    s.t(f", {g.pct()} more than a year earlier.")  # a throughput figure is not a status date
    _ = k


@template(0.9)
def t_infra_spend(g: Gen, s: Sent):
    lettered = g.c(0.3)
    if lettered:  # a highway with a letter ending the sentence ("National Highway 8A.") splits cleanly now
        f = g.w([(h, 3 if h.core == "8A" else 1) for h in FAC_BY_KIND["HIGHWAY"] if h.core[-1].isalpha()])
    else:
        f = g.fac(("EXPRESSWAY", "RINGROAD", "BRIDGE", "HIGHWAY", "PORT", "AIRPORT"))
    pc = g.fprov(f)
    p = g.P(s, pc, "name")
    s.t(" will spend ")
    m = g.Mx(s, "infra")
    verbs = ["upgrading", "expanding"] + ([] if f.kind == "HIGHWAY" else ["building", "completing"])
    if lettered:
        s.t(" ")
        d = g.D(s, "fperiod")
        s.t(" on " + g.o(verbs) + " ")
        s.provs.append(pc)
        k = s.e(f"National Highway {f.core}", "FACILITY")
    elif g.c(0.5):  # the construction spending is HAS_INVESTMENT of the facility (R3)
        s.t(" on " + g.o(verbs) + " ")
        k = g.F(s, f)
        s.t(" ")
        d = g.D(s, "fperiod")
    else:
        s.t(" ")
        d = g.D(s, "fperiod")
        s.t(" on " + g.o(verbs) + " ")
        k = g.F(s, f)
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(0.8)
def t_between(g: Gen, s: Sent):
    f = g.fac(("IP", "PORT", "AIRPORT", "CEZ"))
    s.t("Between ")
    a = g.o([2021, 2026])
    d = s.e(f"{a} and {a + 4}", "DATE")
    s.t(", ")
    k = g.F(s, f)
    s.t(" will need ")
    m = g.M(s, "fac")
    s.t(" for upgrades.")
    s.r(k, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(0.7)
def t_ic_area(g: Gen, s: Sent):
    f = g.fac("IC")
    k = g.F(s, f, cap=True)
    s.t(" covers ")
    a = g.A(s, "ic")
    s.t(f" and is reserved for {g.o(INDUSTRIES)}.")
    s.r(k, "HAS_AREA", a)


@template(0.7)
def t_fac_poss_occupancy(g: Gen, s: Sent):
    f = g.fac(("IP", "IP", "HTP", "EPZ"))
    s.t("Of ")
    k = g.F(s, f)
    s.t("'s ")
    a = g.A(s, "ip", ap=0)
    s.t(f" of industrial land, {g.pct()} has been leased.")
    s.r(k, "HAS_AREA", a)


@template(0.6)
def t_logistics_sqm(g: Gen, s: Sent):
    f = g.fac(("LOG", "ICD"), local=0.3)
    pc = f.provs[0]
    k = g.F(s, f, cap=True)
    s.t(" in ")
    p = g.P(s, pc, "np")
    s.t(" " + g.o(["covers", "occupies"]) + " ")
    a = g.A(s, "sqm")
    s.t(f" and handles cargo for {g.o(COMPANIES[:20])} and other tenants.")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "HAS_AREA", a)


@template(0.8)
def t_company_revenue_neg(g: Gen, s: Sent):
    f = g.fac("IP")
    s.t(f"{g.o(COMPANIES[:10])}, which operates factories in ")
    g.F(s, f)
    s.t(", reported revenue of ")
    m = g.M(s, "company")
    s.t(" ")
    d = g.D(s, "past")
    s.t(".")
    s.r(m, "DATE_OF", d)  # company-owned figure: no HAS_*


@template(0.7)
def t_developer_neg(g: Gen, s: Sent):
    f = g.fac(("IP", "IP", "UA"))
    s.t(f"{g.o(DEVELOPERS)}, the developer of ")
    g.F(s, f)
    s.t(", posted a profit of ")
    m = g.M(s, "small")
    s.t(" ")
    d = g.D(s, "past")
    s.t(".")
    s.r(m, "DATE_OF", d)


@template(0.5)
def t_company_with_province(g: Gen, s: Sent):
    pc = g.w([("Binh Dinh", 3), ("Binh Phuoc", 2)])
    s.t("Becamex ")
    g.P(s, pc, "name")
    s.t(" JSC is building infrastructure for ")
    zones = [(f_, 2 if f_.suffix.endswith("C") else 1) for f_ in FAC_BY_KIND_PROV.get(("IP", pc), [])
             if f_.suffix.startswith("–")]
    f = g.w(zones) if zones and g.c(0.8) else g.fac("IP", prov=pc)  # "... – Zone C." ends the sentence
    g.F(s, f)
    s.t(".")  # the province inside the company name does not place the park


@template(0.5)
def t_company_contains_fac_neg(g: Gen, s: Sent):
    co = g.o(["Nam Dinh Vu Industrial Park JSC", "Tan Tao Industrial Park Corporation", "Dinh Vu Industrial Zone JSC"])
    s.t(f"Shares of {co} rose {g.pct()} after it reported revenue of ")
    m = g.M(s, "small")
    s.t(" ")
    d = g.D(s, "past")
    s.t(".")
    s.r(m, "DATE_OF", d)


@template(0.6)
def t_abbrev(g: Gen, s: Sent):
    full, _abbr, pc = g.o(ABBREVIATED)
    k = s.e(full, "FACILITY")
    s.t(f" ({_abbr}) in ")
    p = g.P(s, pc, "np")
    s.t(" " + g.o(["was set up", "was established", "opened"]) + " ")
    d = g.D(s, "status")
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "DATE_OF", d)


@template(0.7)
def t_pronoun_money(g: Gen, s: Sent):
    s.t(g.o(["They attracted ", "The parks drew ", "These zones attracted ", "It received "]))
    m = g.Mx(s, "fac")
    s.t(" ")
    d = g.D(s, "past")
    s.t(f", most of it from {g.o(COUNTRIES)}.")
    s.r(m, "DATE_OF", d)


@template(0.7)
def t_generic_ips(g: Gen, s: Sent):
    s.t(g.o(["The industrial parks", "Industrial parks in the province", "The province's economic zones"]))
    s.t(" generated ")
    m = g.M(s, "export")
    s.t(" in export value ")
    d = g.D(s, "pastp")
    s.t(", employing about " + f"{g.r.randint(20, 400)},000 workers.")
    s.r(m, "DATE_OF", d)


@template(0.7)
def t_district_fac(g: Gen, s: Sent):
    pc = g.o([p for p in DISTRICTS if FAC_BY_KIND_PROV.get(("IP", p))])
    f = g.fac("IP", prov=pc)
    dist = g.district(pc)
    base, _, unit = dist.rpartition(" ")
    if unit in ("district", "town") and lookup_province(base) is None and g.c(0.4):
        dist = base  # a district or town name without a facility noun is not tagged ("in Yen Phong", D28)
    s.t(f"Land funds in {dist} are limited, so ")
    p = g.P(s, pc, "name")
    s.t(" is extending ")
    k = g.F(s, f)
    s.t(" by ")
    a = g.A(s, "small", ap=0)
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    _ = a  # the added land measures the extension, not the whole park


@template(0.7)
def t_hanoi_capital_highway(g: Gen, s: Sent):
    f = g.fac(("HIGHWAY", "RINGROAD"))
    pc = g.fprov(f)
    s.t("Traffic on ")
    k = g.F(s, f)
    s.t(" through ")
    p = g.P(s, pc, "np")
    s.t(f" has risen {g.pct()} since the widening was completed in ")
    d = s.e(str(g.r.randint(2015, 2024)), "DATE")
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "DATE_OF", d)


@template(0.7)
def t_cbz_target(g: Gen, s: Sent):
    f = g.fac(("CBZ", "FTZ", "BGEZ"))
    pc = g.fprov(f)
    p = g.P(s, pc, "name")
    s.t(" " + g.o(["wants to launch", "hopes to open", "plans to pilot"]) + " ")
    k = g.F(s, f)
    s.t(" ")
    d = g.D(s, "target")
    s.t(", with an initial budget of ")
    m = g.M(s, "fac")
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "DATE_OF", d)
    s.r(k, "HAS_INVESTMENT", m)


@template(0.7)
def t_wage_neg(g: Gen, s: Sent):
    f = g.fac("IP")
    s.t("Workers at ")
    g.F(s, f)
    s.t(" earn about ")
    m = s.e(g.o([f"{round(g.r.uniform(6, 12), 1)} million VND", f"VND {round(g.r.uniform(6, 12), 1)} million"]),
            "MONEY")
    s.t(f" per person per month, {g.pct()} more than ")
    d = s.e(str(g.r.randint(2019, 2023)), "DATE")
    s.t(" levels.")  # the year is a comparison base, not the figure's date: no relation
    _ = (m, d)


@template(0.7)
def t_target_years_list(g: Gen, s: Sent):
    pc = g.prov()
    p = g.P(s, pc, "name")
    s.t(" set targets for ")
    s.e("2025", "DATE")
    s.t(", ")
    s.e("2030", "DATE")
    s.t(" and ")
    s.e(g.o(["2045", "2050"]), "DATE")
    s.t(f" in {g.decision()}.")
    _ = p


@template(0.7)
def t_airport_pair(g: Gen, s: Sent):
    f = g.fac("AIRPORT")
    pc = f.provs[0]
    s.t("Passenger numbers at ")
    k = g.F(s, f)
    s.t(" in ")
    p = g.P(s, pc, "np")
    s.t(" rose " + g.pct() + " ")
    g.D(s, "past")
    s.t(".")
    s.r(k, "LOCATED_IN", p)


@template(0.6)
def t_fac_value_rate(g: Gen, s: Sent):
    f = g.fac(("IP", "IC"))
    s.t("Management fees at ")
    k = g.F(s, f)
    s.t(" are ")
    self_m = s.e(g.o([f"US${round(g.r.uniform(0.3, 1.2), 2)}", f"VND {g.r.randint(8, 30)},000"]), "MONEY")
    s.t(" per square metre per year, while water costs ")
    m2 = s.e(f"VND {g.r.randint(9, 25)},{g.o(['000', '500'])}", "MONEY")
    s.t(" per cubic metre.")
    s.r(k, "HAS_VALUE", [self_m, m2])


@template(0.6)
def t_province_grdp_eq_target(g: Gen, s: Sent):
    p = g.P(s, st="poss")
    s.t(" GRDP will exceed ")
    ms = g.Mx(s, "grdp", ap=0, eq=1.0, close=True)
    s.t(" ")
    d = g.D(s, "targety")
    s.t(".")
    s.r(p, "HAS_VALUE", ms)
    s.r(ms, "DATE_OF", d)


@template(0.6)
def t_border_gate_list(g: Gen, s: Sent):
    f = g.fac("BGEZ", bare=True)
    pc = f.provs[0]
    s.t("There are ")
    k = s.e(f"{g.count_word(g.r.randint(20, 26))} {g.o(['border-gate economic zones', 'border gate economic zones'])}",
            "FACILITY")
    s.t(" along the country's borders, among them ")
    kf = g.F(s, f, art=True)
    s.t(" in ")
    p = g.P(s, pc, "np")
    s.t(".")
    s.r(kf, "LOCATED_IN", p)
    _ = k


# --- cases settled by the updated guideline (D16-D18, D27-D29, D34, D55, R1a, R2-R4) ----------

# Border-gate checkpoints and railway stations are not FACILITY (D27); only border-gate economic
# zones are. (name, province)
BORDER_GATES = [("Huu Nghi", "Lang Son"), ("Tan Thanh", "Lang Son"), ("Chi Ma", "Lang Son"), ("Coc Nam", "Lang Son"),
                ("Ta Lung", "Cao Bang"), ("Tra Linh", "Cao Bang"), ("Thanh Thuy", "Ha Giang"), ("Mong Cai", "Quang Ninh"),
                ("Bac Luan II", "Quang Ninh"), ("Kim Thanh", "Lao Cai"), ("Tay Trang", "Dien Bien"),
                ("Na Meo", "Thanh Hoa"), ("Cau Treo", "Ha Tinh"), ("Cha Lo", "Quang Binh"), ("Lao Bao", "Quang Tri"),
                ("La Lay", "Quang Tri"), ("Bo Y", "Kon Tum"), ("Le Thanh", "Gia Lai"), ("Hoa Lu", "Binh Phuoc"),
                ("Moc Bai", "Tay Ninh"), ("Xa Mat", "Tay Ninh"), ("Tinh Bien", "An Giang"), ("Vinh Xuong", "An Giang"),
                ("Dinh Ba", "Dong Thap"), ("Ha Tien", "Kien Giang")]
RAIL_STATIONS = [("Dong Dang", "Lang Son"), ("Yen Vien", "Ha Noi"), ("Giap Bat", "Ha Noi"), ("Dong Anh", "Ha Noi"),
                 ("Kep", "Bac Giang"), ("Pho Lu", "Lao Cai"), ("Dieu Tri", "Binh Dinh"), ("Thap Cham", "Ninh Thuan"),
                 ("Song Than", "Binh Duong"), ("Di An", "Binh Duong"), ("Dong Ha", "Quang Tri"),
                 ("Nha Trang", "Khanh Hoa"), ("Vinh", "Nghe An"), ("Bien Hoa", "Dong Nai"), ("Dong Hoi", "Quang Binh")]
# ports on a bay named after a place: the province name inside a natural feature is not tagged (D16)
BAYS = {"Lien Chieu": "Da Nang Bay", "Tien Sa": "Da Nang Bay", "Cam Ranh": "Cam Ranh Bay", "Cai Lan": "Ha Long Bay",
        "Dung Quat": "Dung Quat Bay", "Quy Nhon": "Quy Nhon Bay", "Chan May": "Chan May Bay", "Vung Ro": "Vung Ro Bay"}
# facilities whose short name (without the type noun) stands for them unambiguously (D28)
SHORT_NAMES = {"AIRPORT": ("Noi Bai", "Tan Son Nhat", "Cam Ranh", "Cat Bi", "Phu Cat", "Tho Xuan", "Lien Khuong",
                           "Chu Lai"),
               "PORT": ("Lach Huyen", "Cai Mep - Thi Vai", "Lien Chieu", "Tien Sa", "Son Duong", "Hon Khoai")}
_DISTRICT_BASES = {d.rpartition(" ")[0] for ds in DISTRICTS.values() for d in ds}
PRODUCTS = ["electronics", "circuit-board", "camera module", "tyre", "textile", "solar panel", "auto parts",
            "semiconductor packaging", "footwear", "steel pipe"]
INVESTORS = ["Samsung Electronics", "Samsung Display", "LG Display", "Foxconn", "Luxshare", "Amkor", "Hyosung",
             "Pegatron", "Canon", "Goertek", "Lego", "Hoa Phat Group", "THACO"]
DECADES = ["the 1990s", "the late 1990s", "the 2000s", "the early 2000s"]


def _unit_groups(kind: str) -> dict[str, list[Facility]]:
    """Facilities of one kind by the province-level unit after the 1 July 2025 merger (units with two or more)."""
    out: dict[str, list[Facility]] = {}
    for f in FAC_BY_KIND.get(kind, []):
        if f.fixed or f.suffix:
            continue
        unit = PROVINCES_2024[f.provs[0]][1]
        if unit in PROVINCES_2024:
            out.setdefault(unit, []).append(f)
    return {u: fs for u, fs in sorted(out.items()) if len(fs) >= 2}


UNIT_GROUPS = {"AIRPORT": _unit_groups("AIRPORT"), "BGEZ": _unit_groups("BGEZ")}


def _named_after_province(f: Facility) -> bool:
    return lookup_province(f.core) is not None


@template(0.7)
def t_province_named_list(g: Gen, s: Sent):
    """A province name used as a facility's bare name in a typed list is FACILITY (D18)."""
    if g.c(0.55):
        kind = g.o(["AIRPORT", "AIRPORT", "BGEZ"])
        units = UNIT_GROUPS[kind]
        named = [u for u, fs in units.items() if any(_named_after_province(f) for f in fs)]
        unit = g.o(named) if named and g.c(0.75) else g.o(list(units))
        facs = list(units[unit])
        g.r.shuffle(facs)
        facs = facs[:3]
        if g.c(0.4):
            s.t("After the merger, ")
        p = g.P(s, unit, "name")
        s.t(" " + g.o(["now has", "has"]) + " ")
        noun = "airports" if kind == "AIRPORT" else g.o(["border-gate economic zones", "border gate economic zones"])
        k = s.e(f"{g.count_word(len(facs))} {noun}", "FACILITY")
        s.t(g.o([" – ", ", ", ": "]))
        ks = g.names_list(s, facs)
        s.t(".")
        s.r([k] + ks, "LOCATED_IN", p)  # listed members of a group the province has (R1a)
        return
    kind = g.o(["HTP", "BGEZ", "FTZ", "HTAP", "AIRPORT"])
    pool = [f for f in FAC_BY_KIND[kind] if not f.fixed and not f.suffix]
    first = g.o([f for f in pool if _named_after_province(f)])
    rest = g.r.sample([f for f in pool if f is not first], min(len(pool) - 1, g.o([1, 2])))
    facs = [first] + rest
    g.r.shuffle(facs)
    noun = {"HTP": "Hi-tech parks", "BGEZ": "Border-gate economic zones", "FTZ": "Free trade zones",
            "HTAP": "Hi-tech agricultural parks", "AIRPORT": "Airports"}[kind]
    s.t(f"{noun} {g.o(['such as', 'like', 'including'])} ")
    g.names_list(s, facs)
    s.t(" " + g.o(["are listed as national priorities", "will receive new incentives",
                   "are expected to draw more investors", "are being upgraded"]) + ".")


@template(0.7)
def t_border_gate_neg(g: Gen, s: Sent):
    """Border-gate checkpoints are not FACILITY (D27); the figures they own get no HAS_*."""
    name, pc = g.o(BORDER_GATES)
    gate = g.w([(f"{name} border gate", 4), (f"{name} International Border Gate", 1),
                (f"{name} international border gate", 2), (f"{name} border checkpoint", 1)])
    form = g.o(["trade", "spend", "ez"])
    zones = FAC_BY_KIND_PROV.get(("BGEZ", pc), [])
    if form == "ez" and zones:
        s.t(f"The {gate} is part of ")
        k = g.F(s, g.o(zones), art=True)
        s.t(" in ")
        p = g.P(s, pc, "np")
        s.t(".")
        s.r(k, "LOCATED_IN", p)
        return
    if form == "spend":
        p = g.P(s, pc, "name")
        s.t(" will spend ")
        m = g.M(s, "small")
        s.t(f" upgrading the {gate} ")
        d = g.D(s, "fperiod")
        s.t(".")
        s.r(m, "DATE_OF", d)  # spending on a checkpoint: no FACILITY owns it
        _ = p
        return
    s.t(g.o(["Trade through the ", "Import-export turnover via the "]))
    s.t(gate + " in ")
    p = g.P(s, pc, "np")
    s.t(" " + g.o(["reached", "totalled", "hit"]) + " ")
    m = g.M(s, "export")
    s.t(" ")
    d = g.D(s, "past")
    s.t(".")
    s.r(m, "DATE_OF", d)
    _ = p


@template(0.6)
def t_station_neg(g: Gen, s: Sent):
    """Railway stations are not FACILITY (D27); the railway line is."""
    name, pc = g.o(RAIL_STATIONS)
    st = g.w([(f"{name} station", 3), (f"{name} railway station", 3), (f"{name} Railway Station", 1)])
    lines = [f for f in FAC_BY_KIND["RAILWAY"] if pc in f.provs and not f.fixed]
    if lines and g.c(0.5):
        s.t("Freight trains on ")
        g.F(s, g.o(lines))
        s.t(f" will stop at {st}, where a new container yard is planned.")
        return
    p = g.P(s, pc, "name")
    s.t(" will spend ")
    m = g.M(s, "small")
    s.t(f" upgrading {st} ")
    d = g.D(s, "fperiod")
    s.t(".")
    s.r(m, "DATE_OF", d)
    _ = p


@template(0.6)
def t_event_newspaper(g: Gen, s: Sent):
    """Province names inside event and newspaper names are tagged; the event year is not DATE (D16, D54);
    a province name inside a natural-feature name is not tagged."""
    form = g.o(["event", "paper", "bay"])
    if form == "bay":
        f = g.o([f_ for f_ in FAC_BY_KIND["PORT"] if f_.core in BAYS])
        k = g.F(s, f, cap=True)
        s.t(f" on {BAYS[f.core]} will cost ")
        m = g.M(s, "infra")
        s.t(" and is due to open ")
        d = g.D(s, "target")
        s.t(".")
        s.r(k, "HAS_INVESTMENT", m)
        s.r(k, "DATE_OF", d)
        return
    pc = g.prov()
    if form == "event":
        event = g.o(["Investment Promotion Conference", "Investment Forum", "Investment and Trade Promotion Conference"])
        s.t("Speaking at the ")
        g.P(s, pc, "name")
        s.t(f" {event} {g.r.randint(2019, 2025)}, {g.o(['the provincial Party Secretary', 'the provincial chairman'])} "
            "said ")
        p = g.P(s, pc, "name")
        s.t(" " + g.o(["would develop", "would add", "plans to set up"]) + " ")
        k = g.G(s, g.o(["IP", "IC"]), mod=g.o(["new ", "more ", ""]), abbr=False)
        s.t(" ")
        d = g.D(s, "target")
        s.t(".")
        s.r(k, "LOCATED_IN", p)
        s.r(k, "DATE_OF", d)
        return
    f = g.fac(("IP", "IP", "CEZ", "HTP"))
    s.t("According to " + g.o(["", "the "]))
    g.P(s, pc, "name")
    s.t(g.o([" Newspaper", " newspaper"]) + ", ")
    k = g.F(s, f)
    s.t(" in ")
    p = g.P(s, g.fprov(f), "np")
    s.t(" " + g.o(["attracted", "drew"]) + " ")
    m = g.M(s, "fac")
    s.t(" ")
    d = g.D(s, "past")
    s.t(".")
    s.r(k, "LOCATED_IN", p)  # the newspaper's province places nothing
    s.r(k, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(0.6)
def t_short_name(g: Gen, s: Sent):
    """A short name standing for a facility named in full in the same sentence is FACILITY (D28)."""
    kind = g.o(["IP", "IP", "AIRPORT", "PORT"])
    if kind == "IP":
        pool = [f for f in FAC_BY_KIND["IP"] if f.bare_ok and not f.suffix and "VSIP" not in f.core
                and not any(f.core.startswith(b) for b in _DISTRICT_BASES)]
        f = g.fac("IP", exclude=[x for x in FAC_BY_KIND["IP"] if x not in pool]) if pool else g.o(FAC_BY_KIND["IP"])
        pc = g.fprov(f)
        if g.c(0.5):
            k = g.F(s, f, cap=True, phase=False)
            s.t(" in ")
            p = g.P(s, pc, "np")
            s.t(f" is {g.pct()} occupied, and rents at ")
            ks = s.e(f.core, "FACILITY")
            s.t(" average ")
            m = g.rate(s, "lease")
            s.t(".")
            s.r(k, "LOCATED_IN", p)
            s.r(ks, "HAS_VALUE", m)
        else:
            s.t("Rents at ")
            k = g.F(s, f, phase=False)
            s.t(" in ")
            p = g.P(s, pc, "np")
            s.t(" average ")
            m = g.rate(s, "lease")
            s.t(", and ")
            s.e(f.core, "FACILITY")
            s.t(f" is now {g.pct()} occupied.")
            s.r(k, "LOCATED_IN", p)
            s.r(k, "HAS_VALUE", m)
        return
    f = g.o([x for x in FAC_BY_KIND[kind] if x.core in SHORT_NAMES[kind]])
    pc = g.fprov(f)
    k = g.F(s, f, cap=True)
    s.t(" in ")
    p = g.P(s, pc, "np")
    if kind == "AIRPORT":
        s.t(f" handled {round(g.r.uniform(1.5, 30 if f.intl else 5), 1)} million passengers ")
    else:
        s.t(f" handled {round(g.r.uniform(5, 90), 1)} million tonnes of cargo ")
    g.D(s, "pastp")
    s.t(", and ")
    ks = s.e(f.core, "FACILITY")
    s.t(" " + (g.o(["is due to get a new terminal", "will be expanded"]) if kind == "AIRPORT" else
                 g.o(["will get two more berths", "will be dredged for larger ships"])) + " ")
    d = g.D(s, "target")
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(ks, "DATE_OF", d)  # the stated target of the facility; the traffic year dates no entity


@template(0.6)
def t_section(g: Gen, s: Sent):
    """'the Hung Yen section of Ring Road 4' places the road in Hung Yen (R1a)."""
    f = g.fac(("EXPRESSWAY", "RINGROAD", "RINGROAD", "HIGHWAY", "RAILWAY"), multi=True)
    pc = g.fprov(f)
    s.t(g.o(["The ", "Site clearance for the ", "Construction of the ", "Work on the "]))
    p = g.P(s, pc, "name")
    s.t(" section of ")
    k = g.F(s, f)
    s.t(f" is {g.pct()} complete.")
    s.r(k, "LOCATED_IN", p)


@template(0.7)
def t_link_end(g: Gen, s: Sent):
    """A road linking two provinces is LOCATED_IN both (R1a); the sentence ends in a province name,
    often "Son La." (a full stop the project tokenizer now splits off)."""
    sonla = [f for f in FACILITIES if f.kind in ("EXPRESSWAY", "HIGHWAY") and "Son La" in f.provs and len(f.provs) > 1]
    if g.c(0.4):
        f = g.o(sonla)
        p2c = "Son La"
        p1c = g.o([x for x in f.provs if x != "Son La"])
    else:
        f = g.fac(("EXPRESSWAY", "HIGHWAY", "RAILWAY", "BRIDGE"), multi=True)
        p1c, p2c = g.r.sample(list(f.provs), 2)
    k = g.F(s, f, cap=True)
    verb = g.o(["will link", "links", "connects", "will connect"])
    s.t(f" {verb} ")
    p1 = g.P(s, p1c, "name")
    s.t(" with " if "link" in verb or g.c(0.5) else " and ")
    p2 = g.P(s, p2c, "name")
    s.t(".")
    s.r(k, "LOCATED_IN", [p1, p2])


@template(0.35)
def t_sapa(g: Gen, s: Sent):
    """Sentences ending in "Sa Pa." (a town, not a province)."""
    if g.c(0.5):
        f = next(x for x in FAC_BY_KIND["EXPRESSWAY"] if x.core == "Noi Bai - Lao Cai")
        k = g.F(s, f, cap=True)
        s.t(" " + g.o(["has cut the drive", "has shortened the trip", "has halved travel time"]) + " from ")
        g.P(s, "Ha Noi", "name")
        s.t(" to Sa Pa.")  # the sentence does not say the road runs through Ha Noi
        _ = k
        return
    f = next(x for x in FAC_BY_KIND["AIRPORT"] if x.core == "Sa Pa")
    p = g.P(s, "Lao Cai", "name")
    s.t(" will build ")
    k = g.F(s, f)
    s.t(", due to open ")
    d = g.D(s, "target")
    s.t(", to bring more tourists to Sa Pa.")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "DATE_OF", d)


@template(0.8)
def t_pronoun_antecedent(g: Gen, s: Sent):
    """A pronoun whose antecedent is named earlier in the same sentence passes the figure to it (R2)."""
    if g.c(0.5):
        pc = g.prov()
        p = g.P(s, pc, "name")
        s.t(" has ")
        kind, n = g.gkind(pc, ["IP", "IP", "IC"])
        k = g.G(s, kind, n=n, mod=g.o(["", "", "operational "]), abbr=False)
        s.t(" and it " + g.o(["registered", "attracted", "drew"]) + " ")
        m = g.Mx(s, "fdi")
        s.t(" " + g.o(["in FDI", "in new investment", "of foreign capital"]) + " ")
        d = g.D(s, "past")
        s.t(".")
        s.r(k, "LOCATED_IN", p)
        s.r(p, "HAS_INVESTMENT", m)
        s.r(m, "DATE_OF", d)
        return
    f = g.fac(("IP", "IP", "IC", "UA", "CEZ"))
    pc = g.fprov(f)
    k = g.F(s, f, cap=True)
    s.t(" in ")
    p = g.P(s, pc, "np")
    s.t(" " + g.o(["was established", "opened", "was put into operation"]) + " ")
    d = g.D(s, "status")
    s.t(", and it now " + g.o(["covers", "spans"]) + " ")
    a = g.A(s, {"IC": "ic", "CEZ": "ez", "UA": "ua"}.get(f.kind, "ip"))
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "DATE_OF", d)
    s.r(k, "HAS_AREA", a)


@template(0.8)
def t_together(g: Gen, s: Sent):
    """A figure stated jointly for several named owners gets no HAS_* (R2a)."""
    kind = g.o(["IP", "IP", "IC", "CEZ"])
    got = g.fac_group(kind, g.o([2, 2, 3]))
    if got is None:
        return t_fac_area_loc(g, s)
    pc, facs = got
    scale = {"IC": "ic", "CEZ": "ez"}.get(kind, "ip")
    form = g.o(["money", "which", "combined"])
    if form == "which":
        s.t("The ")
        ks = g.names_list(s, facs)
        s.t(" " + g.o(KINDS[kind]["pl"]) + " in ")
        p = g.P(s, pc, "np")
        s.t(", which together " + g.o(["cover", "span"]) + " ")
        a = g.A(s, scale)
        s.t(f", are {g.pct()} occupied.")
        s.r(ks, "LOCATED_IN", p)
        _ = a  # a joint figure measures none of them
        return
    ks = g.names_list(s, facs)
    s.t(" " + g.o(KINDS[kind]["pl"]) + " in ")
    p = g.P(s, pc, "np")
    if form == "combined":
        s.t(" have a combined area of ")
        a = g.A(s, scale, ap=0)
        s.t(".")
        s.r(ks, "LOCATED_IN", p)
        _ = a
        return
    s.t(" together " + g.o(["attracted", "drew", "registered"]) + " ")
    m = g.Mx(s, "fac")
    s.t(" ")
    d = g.D(s, "past")
    s.t(".")
    s.r(ks, "LOCATED_IN", p)
    s.r(m, "DATE_OF", d)  # joint figure: DATE_OF only


@template(0.6)
def t_each(g: Gen, s: Sent):
    """A figure stated for each of several named owners goes to each (R2a)."""
    kind = g.o(["IP", "IP", "IC"])
    got = g.fac_group(kind, 2)
    if got is None:
        return t_fac_area_loc(g, s)
    pc, facs = got
    ks = g.names_list(s, facs)
    s.t(" " + g.o(KINDS[kind]["pl"]) + " in ")
    p = g.P(s, pc, "np")
    s.r(ks, "LOCATED_IN", p)
    if g.c(0.5):
        s.t(" each " + g.o(["cover", "span"]) + " ")
        a = g.A(s, "ic" if kind == "IC" else "ip")
        s.t(".")
        s.r(ks, "HAS_AREA", a)
        return
    s.t(" each " + g.o(["drew", "attracted"]) + " ")
    m = g.M(s, "fac")
    s.t(" ")
    d = g.D(s, "past")
    s.t(".")
    s.r(ks, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(0.8)
def t_part_area(g: Gen, s: Sent):
    """Part of a facility's area (first phase, land still available) is HAS_AREA of the facility (R2b)."""
    if g.c(0.5):
        f = g.fac(("IP", "IP", "UA", "CEZ", "IC"))
        scale = {"IC": "ic", "CEZ": "ez", "UA": "ua"}.get(f.kind, "ip")
        s.t("The first phase of ")
        k = g.F(s, f, phase=False)
        p = None
        if g.c(0.4):
            s.t(" in ")
            p = g.P(s, g.fprov(f), "np")
        s.t(" " + g.o(["covers", "spans", "takes up"]) + " ")
        a = g.A(s, scale)
        s.t(".")
        s.r(k, "LOCATED_IN", p)
        s.r(k, "HAS_AREA", a)
        return
    f = g.fac(("IP", "IP", "IC"))
    k = g.F(s, f, cap=True, phase=False)
    s.t(" still has ")
    a = g.A(s, "small")
    s.t(" of " + g.o(["industrial land", "land", "serviced land"]) + " available for lease ")
    d = g.D(s, "asof")
    s.t(".")
    s.r(k, "HAS_AREA", a)
    s.r(a, "DATE_OF", d)


@template(0.5)
def t_tenant_plot_neg(g: Gen, s: Sent):
    """A tenant's plot is not the facility's area (R2b)."""
    f = g.fac(("IP", "IP", "HTP", "IC"))
    s.t(f"{g.o(INVESTORS)} has leased ")
    if g.c(0.5):
        s.t("a plot of ")
        g.A(s, "plot", ap=0)
        s.t(" in ")
    else:
        g.A(s, "plot", ap=0)
        s.t(" in ")
    k = g.F(s, f, phase=False)
    p = None
    if g.c(0.4):
        s.t(" in ")
        p = g.P(s, g.fprov(f), "np")
    s.t(f" for a new {g.o(PRODUCTS)} plant.")
    s.r(k, "LOCATED_IN", p)


@template(0.8)
def t_land_quota(g: Gen, s: Sent):
    """Land quotas and land for a use are not the province's area: no HAS_AREA, DATE_OF kept (R2c)."""
    pc = g.prov()
    form = g.o(["allocated", "plans", "reserve"])
    if form == "reserve":
        s.t("Under the plan, ")
    p = g.P(s, pc, "name")
    if form == "allocated":
        s.t(" has been allocated ")
        a = g.A(s, "group")
        s.t(" of " + g.o(["industrial land", "land for industrial parks"]) + " ")
        d = g.D(s, "fperiod")
    elif form == "plans":
        s.t(" plans ")
        a = g.A(s, "group")
        s.t(" of " + g.o(["logistics land", "land for urban development", "industrial land"]) + " ")
        d = g.D(s, "target")
    else:
        s.t(" will reserve ")
        a = g.A(s, "group")
        s.t(" for " + g.o(["industrial parks", "logistics", "urban development", "industrial clusters"]) + " ")
        d = g.D(s, "fperiod")
    s.t(".")
    s.r(a, "DATE_OF", d)
    _ = p


@template(0.8)
def t_firm_invest_park(g: Gen, s: Sent):
    """Money a firm invests in a park is HAS_INVESTMENT of the park (R3)."""
    f = g.fac(("IP", "IP", "HTP", "EPZ"))
    verb, prep = g.o([("invested", "in"), ("poured", "into"), ("put", "into")])
    s.t(f"{g.o(INVESTORS)} {verb} ")
    m = g.Mx(s, "fac")
    s.t(f" {prep} ")
    k = g.F(s, f)
    p = None
    if g.c(0.4):
        s.t(" in ")
        p = g.P(s, g.fprov(f), "np")
    s.t(" ")
    d = g.D(s, "past")
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "HAS_INVESTMENT", m)
    s.r(m, "DATE_OF", d)


@template(0.6)
def t_firm_plant_neg(g: Gen, s: Sent):
    """The value of one firm's plant located in a park is not the park's (R3)."""
    f = g.fac(("IP", "IP", "HTP", "EPZ"))
    prod = g.o(PRODUCTS)
    art = "an" if prod[0] in "aeiou" else "a"
    if g.c(0.5):
        s.t(f"{g.o(INVESTORS)} was licensed ")
        d = g.D(s, "status")
        s.t(f" to build {art} {prod} plant worth ")
        m = g.M(s, "small")
        s.t(" in ")
        g.F(s, f)
        s.t(".")
    else:
        s.t(f"{art} {prod} plant worth ")
        m = g.M(s, "small")
        s.t(f" built by {g.o(INVESTORS)} in ")
        g.F(s, f)
        s.t(" " + g.o(["began operating", "started production"]) + " ")
        d = g.D(s, "status")
        s.t(".")
    s.r(m, "DATE_OF", d)  # the plant's figure: no HAS_* for the park


@template(0.5)
def t_photo_neg(g: Gen, s: Sent):
    """The date of a photo is not a date of the facility (R4)."""
    f = g.fac(("IP", "PORT", "EXPRESSWAY", "BRIDGE", "AIRPORT", "UA"))
    s.t(g.o(["A view of ", "A corner of ", "An aerial view of "]))
    k = g.F(s, f)
    s.t(" in ")
    p = g.P(s, g.fprov(f), "np")
    s.t(", " + g.o(["photographed", "pictured"]) + " in ")
    s.e(f"{g.o(MONTHS)} {g.r.randint(2019, 2025)}", "DATE")
    s.t(".")
    s.r(k, "LOCATED_IN", p)


@template(0.5)
def t_proposal_neg(g: Gen, s: Sent):
    """The date of a proposal about a facility is not its date (R4)."""
    f = g.fac(("AIRPORT", "PORT", "EXPRESSWAY", "IP", "BRIDGE"))
    if g.c(0.5):
        s.t("In ")
        s.e(f"{g.o(MONTHS)} {g.r.randint(2019, 2025)}", "DATE")
        s.t(", ")
        g.P(s, g.fprov(f), "agency")
        s.t(" proposed " + g.o(["upgrading", "expanding", "relocating"]) + " ")
        g.F(s, f)
        s.t(".")  # an agency mention does not place the facility; the proposal date is not its date
        return
    g.F(s, f, cap=True)
    s.t(" was first proposed in ")
    s.e(str(g.r.randint(2008, 2022)), "DATE")
    s.t(" and is still awaiting " + g.o(["approval", "an investor", "funding"]) + ".")


@template(0.7)
def t_range_two_spans(g: Gen, s: Sent):
    """Two spans for "from US$7.8 billion to US$9 billion", each with the same relations (D34)."""
    if g.c(0.5):
        f = g.fac(("EXPRESSWAY", "AIRPORT", "PORT", "RAILWAY", "BRIDGE"))
        k = g.F(s, f, cap=True)
        s.t(" is " + g.o(["expected", "estimated", "projected"]) + " to cost from ")
        lo, hi = g.money_series("infra", 2)
        m1 = s.e(lo, "MONEY")
        s.t(" to ")
        m2 = s.e(hi, "MONEY")
        s.t(g.o([".", ", according to the Ministry of Construction.", ", according to the feasibility study."]))
        s.r(k, "HAS_INVESTMENT", [m1, m2])  # construction cost (R3)
        return
    p = g.P(s, st="name")
    s.t(" expects to attract from ")
    lo, hi = g.money_series("fdi", 2)
    m1 = s.e(lo, "MONEY")
    s.t(" to ")
    m2 = s.e(hi, "MONEY")
    s.t(" in FDI ")
    d = g.D(s, "fperiod")
    s.t(".")
    s.r(p, "HAS_INVESTMENT", [m1, m2])
    s.r([m1, m2], "DATE_OF", d)


@template(0.4)
def t_decade_neg(g: Gen, s: Sent):
    """Decades are not DATE (D55)."""
    f = g.fac(("IP", "IP", "EPZ", "CEZ"))
    s.t(f"First planned in {g.o(DECADES)}, ")
    k = g.F(s, f, phase=False)
    s.t(" in ")
    p = g.P(s, g.fprov(f), "np")
    s.t(" now covers ")
    a = g.A(s, "ez" if f.kind == "CEZ" else "ip")
    s.t(".")
    s.r(k, "LOCATED_IN", p)
    s.r(k, "HAS_AREA", a)


# ---------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------


# templates whose subject refers back to an earlier sentence ("They attracted ...")
NOT_FIRST = ("t_pronoun_money", "t_generic_ips", "t_merged_area")


def _chunks(rng: random.Random, n: int, lo: int, hi: int) -> list[int]:
    """Split n into parts of size lo..hi (a remainder below lo only when n itself is below lo)."""
    out = []
    while n > 0:
        if n <= hi:
            k = n
        else:
            k = rng.randint(lo, min(hi, n - lo))
        out.append(k)
        n -= k
    return out


def _splits_cleanly(text: str) -> bool:
    """The project tokenizer reads ``text`` as exactly one sentence whose final full stop ends it.

    The tokenizer now splits the stop off Vietnamese syllables that look like US-state abbreviations
    ("Son La.", "Sa Pa.", "Bac Kan.") and off upper-case words ("Zone C.", "National Highway 8A."),
    and keeps "Road No. 5" inside one sentence; abbreviations it still keeps whole ("Co.", "Dec.")
    would swallow the stop, so such a sentence is drawn again.
    """
    from ie.text import tokenize

    return len(list(tokenize(text + " Next.").sents)) == 2


def _sentence(g: Gen, fn, dateline: bool = False) -> Sent:
    for _ in range(50):
        s = Sent()
        fn(g, s)
        if _splits_cleanly(s.text):
            break
    else:
        raise AssertionError(f"{fn.__name__}: no sentence that splits cleanly: {s.text!r}")
    if dateline:  # "BAC NINH – ...": the place the story is filed from, no relation of its own
        d = Sent()
        g.dateline(d, s.provs[0] if s.provs else g.main)
        s = d.prefixed(s)
    text = s.text
    assert text[:1].isupper() or text[:1].isdigit() or text[:1] in "“", text
    assert text.endswith((".", ".”")), text
    return s


def _generate(n_sentences: int, seed: int) -> tuple[list[Document], list[list[tuple[int, int]]]]:
    rng = random.Random(seed)
    g = Gen(rng)
    weights = [t[2] for t in TEMPLATES]
    docs: list[Document] = []
    bounds: list[list[tuple[int, int]]] = []
    for di, n_sent in enumerate(_chunks(rng, n_sentences, 8, 15)):
        g.main = rng.choice(PROVINCES)
        # templates without repetition inside a document
        chosen: list[int] = []
        avail = list(range(len(TEMPLATES)))
        for si in range(n_sent):
            cands = [i for i in avail if not (si == 0 and TEMPLATES[i][0] in NOT_FIRST)]
            ws = [weights[i] for i in cands]
            pick = rng.choices(cands, weights=ws, k=1)[0]
            chosen.append(pick)
            avail.remove(pick)
        paras = _chunks(rng, n_sent, 2, 4)
        text_parts: list[str] = []
        ents: list[tuple[int, int, str]] = []
        rels: list[tuple[int, str, int]] = []
        sb: list[tuple[int, int]] = []
        pos = 0
        si = 0
        for pi, plen in enumerate(paras):
            if pi:
                text_parts.append("\n\n")
                pos += 2
            for j in range(plen):
                if j:
                    text_parts.append(" ")
                    pos += 1
                dl = si == 0 and rng.random() < 0.3
                s = _sentence(g, TEMPLATES[chosen[si]][1], dl)
                base = len(ents)
                ents += [(a + pos, b + pos, lab) for a, b, lab in s.ents]
                rels += [(h + base, lab, t + base) for h, lab, t in s.rels]
                sb.append((pos, pos + s.n))
                text_parts.append(s.text)
                pos += s.n
                si += 1
        text = "".join(text_parts)
        order = sorted(range(len(ents)), key=lambda i: (ents[i][0], ents[i][1]))
        tid = {old: f"T{new + 1}" for new, old in enumerate(order)}
        entities = [Entity(tid[i], ents[i][0], ents[i][1], ents[i][2]) for i in order]
        relations = [Relation(tid[h], tid[t], lab) for h, lab, t in rels]
        doc = Document(id=f"syn-s{seed}-{di + 1:04d}", text=text, entities=entities, relations=relations,
                       meta={"synthetic": True, "generator": GENERATOR})
        docs.append(doc)
        bounds.append(sb)
    return docs, bounds


def generate(n_sentences: int, seed: int) -> list[Document]:
    """Synthetic annotated documents with ``n_sentences`` sentences in total (8-15 per document)."""
    return _generate(n_sentences, seed)[0]


def facility_names() -> list[str]:
    return [f.canonical for f in FACILITIES]


def _check(docs: list[Document], bounds: list[list[tuple[int, int]]], show: int, seed: int) -> int:
    """Every generated sentence must be one tokenizer sentence; print a few samples."""
    from ie.text import tokenize

    bad = 0
    for d, sb in zip(docs, bounds):
        sd = tokenize(d.text)
        got = []
        for sent in sd.sents:
            toks = [t for t in sent if not t.is_space]
            if toks:
                got.append((toks[0].idx, toks[-1].idx + len(toks[-1])))
        if got != sb:
            bad += 1
            if bad <= 5:
                print(f"sentence mismatch in {d.id}:")
                for a, b in sb:
                    if (a, b) not in got:
                        print("   ", repr(d.text[a:b]))
    rng = random.Random(seed + 1)
    pairs = [(d, a, b) for d, sb in zip(docs, bounds) for a, b in sb]
    for d, a, b in rng.sample(pairs, min(show, len(pairs))):
        print("\n" + d.text[a:b])
        inside = {e.id for e in d.entities if a <= e.start < b}
        emap = d.entity_map()
        for e in d.entities:
            if e.id in inside:
                print(f"   {e.id} {e.label:<9} {d.text[e.start:e.end]!r}")
        for r in d.relations:
            if r.head in inside:
                h, t = emap[r.head], emap[r.tail]
                print(f"   {r.label}: {d.text[h.start:h.end]!r} -> {d.text[t.start:t.end]!r}")
    print(f"\n{len(TEMPLATES)} templates, {len(FACILITIES)} facility names, "
          f"{sum(len(b) for b in bounds)} sentences, {bad} documents with sentence-split mismatches")
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output JSONL")
    ap.add_argument("--sentences", type=int, default=2500, help="total number of sentences to generate")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--check", action="store_true", help="verify sentence splitting and print sample sentences")
    ap.add_argument("--show", type=int, default=5, help="samples printed with --check")
    args = ap.parse_args(argv)
    docs, bounds = _generate(args.sentences, args.seed)
    n = write_jsonl(docs, args.out)
    print(f"wrote {n} documents ({args.sentences} sentences) to {args.out}", file=sys.stderr)
    if args.check:
        return 1 if _check(docs, bounds, args.show, args.seed) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
