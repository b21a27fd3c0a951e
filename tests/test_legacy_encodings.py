"""TCVN3 and VNI font encodings (ingest/text/legacy_encodings.py): real mojibake, round trips."""

import re
import unicodedata

import pytest

from plangraph.ingest.text.legacy_encodings import (
    TCVN3,
    VNI,
    decode_tcvn3,
    decode_vni,
    detect_legacy,
    encode_tcvn3,
    encode_vni,
)
from plangraph.ingest.text.vntext import match_key

# Strings as they appear when .VnTime / VNI-Times text is read without its font.
TCVN3_SAMPLES = [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("Uû ban nh©n d©n tØnh Tuyªn Quang", "Uỷ ban nhân dân tỉnh Tuyên Quang"),
    ("Thñ t\u00adíng ChÝnh phñ", "Thủ tướng Chính phủ"),
    ("Sè: 12/KH-UBND", "Số: 12/KH-UBND"),
    ("KÕ HO¹CH", "KẾ HOẠCH"),
    ("Së L§TBXH, QuyÕt ®Þnh sè 424/Q§-TTg", "Sở LĐTBXH, Quyết định số 424/QĐ-TTg"),
    ("Phßng, chèng AIDS, ma tuý, m¹i d©m", "Phòng, chống AIDS, ma tuý, mại dâm"),
    ("Së Lao ®éng - Th\u00adx¬ng binh", "Sở Lao động - Thưxơng binh"),
]
VNI_SAMPLES = [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("UÛy ban nhaân daân tænh Tieàn Giang", "Ủy ban nhân dân tỉnh Tiền Giang"),
    ("Thuû töôùng Chính phuû", "Thủ tướng Chính phủ"),
    ("KEÁ HOAÏCH", "KẾ HOẠCH"),
    ("ñöôïc khaúng ñònh, saün saøng, naêm, ñaët", "được khẳng định, sẵn sàng, năm, đặt"),
]


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_SAMPLES)
def test_decode_tcvn3(legacy, unicode):
    assert decode_tcvn3(legacy) == unicode


def test_decode_tcvn3_capital_font():
    # .VnTimeH draws the lower-case codes as capitals
    assert (
        decode_tcvn3("kÕ ho¹ch phßng, chèng ma tuý", upper=True) == "KẾ HOẠCH PHÒNG, CHỐNG MA TUÝ"
    )


@pytest.mark.parametrize(("legacy", "unicode"), VNI_SAMPLES)
def test_decode_vni(legacy, unicode):
    assert decode_vni(legacy) == unicode


def _seed_lines(seeds):
    for path in seeds.values():
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                yield line


def test_vni_round_trip_on_every_seed_line(seeds):
    for line in _seed_lines(seeds):
        line = unicodedata.normalize("NFC", line)
        assert decode_vni(encode_vni(line)) == line


TONED_CAPITAL = re.compile("[ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]")


def test_tcvn3_round_trip_on_every_seed_line(seeds):
    for line in _seed_lines(seeds):
        line = unicodedata.normalize("NFC", line)
        if re.search("[¡-¿]", line):  # "¹" and the like share codes with TCVN3 letters
            continue
        back = decode_tcvn3(encode_tcvn3(line))
        # VN3 has no capitals with tones: they survive in all-capital words only
        assert match_key(back) == match_key(line)
        if not TONED_CAPITAL.search(line):
            assert back == line


def test_detection_leaves_unicode_and_ascii_alone(seeds):
    for path in seeds.values():
        assert detect_legacy(path.read_text(encoding="utf-8")) is None
    assert detect_legacy("Plan 2024: HIV/AIDS prevention, 100% of communes.\n" * 20) is None
    # a few stray symbols in an otherwise Latin-1-only text are not an encoding
    assert detect_legacy("© 2024 Tài chính; 25°C; «Tài chính» và ¼ số xã") is None


def test_detection_finds_tcvn3_and_vni(seeds):
    for path in seeds.values():
        text = path.read_text(encoding="utf-8")
        assert detect_legacy(encode_tcvn3(text)) == TCVN3, path.name
        assert detect_legacy(encode_vni(text)) == VNI, path.name
    assert detect_legacy("\n".join(s for s, _ in TCVN3_SAMPLES)) == TCVN3
    assert detect_legacy("\n".join(s for s, _ in VNI_SAMPLES)) == VNI
