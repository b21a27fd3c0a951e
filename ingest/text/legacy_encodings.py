"""Pre-Unicode Vietnamese font encodings: TCVN3 (ABC, ".VnTime" fonts) and VNI ("VNI-Times").

Text typed with these fonts is stored as ordinary Windows-1252 characters and reads as
mojibake: "Uû ban nh©n d©n" (TCVN3) or "UÛy ban nhaân daân" (VNI) for "Uỷ ban nhân dân".
The same mojibake turns up in UTF-8 files and in .docx runs, so detection and conversion work
on text (each legacy byte read as its cp1252 character), not on bytes.

TCVN3 (TCVN 5712:1993, table VN3) gives each lower-case letter with its marks one byte; only
the bare capitals Ă Â Ê Ô Ơ Ư Đ have their own; capitals with tones come from the separate
upper-case fonts (".VnTimeH"), which draw the lower-case codes as capitals.
VNI writes a base letter followed by one mark byte (a + ù -> á, a + â -> â, a + á -> ấ);
i, ỵ, ơ, ư and đ are single bytes.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "TCVN3",
    "VNI",
    "decode_tcvn3",
    "decode_vni",
    "detect_legacy",
    "encode_tcvn3",
    "encode_vni",
    "looks_unicode_vietnamese",
]

TCVN3 = "TCVN3"
VNI = "VNI"

_TCVN3_TABLE = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip
_TCVN3_DECODE = {chr(code): letter for code, letter in _TCVN3_TABLE.items()}
_TCVN3_ENCODE = {letter: chr(code) for code, letter in _TCVN3_TABLE.items()}

# VNI mark bytes (lower-case form; the upper-case form is the same byte minus 0x20).
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_VNI_MARKS = {
    "ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT,
    "â": _CIRC, "à": _CIRC + _GRAVE, "á": _CIRC + _ACUTE, "å": _CIRC + _HOOK,
    "ã": _CIRC + _TILDE, "ä": _CIRC + _DOT,
    "ê": _BREVE, "è": _BREVE + _GRAVE, "é": _BREVE + _ACUTE, "ú": _BREVE + _HOOK,
    "ü": _BREVE + _TILDE, "ë": _BREVE + _DOT,
}  # fmt: skip
_VNI_SINGLES = {
    "ô": "ơ", "ö": "ư", "ñ": "đ",
    "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
}  # fmt: skip
_TONES = (_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT)


def _vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(legacy sequence -> letter, letter -> legacy sequence), both cases."""
    bases = {"a": (_CIRC, _BREVE), "e": (_CIRC,), "o": (_CIRC,), "u": (), "y": ()}
    decode: dict[str, str] = {}
    for legacy, letter in _VNI_SINGLES.items():
        decode[legacy] = letter
    for base, hats in bases.items():
        for mark_char, marks in _VNI_MARKS.items():
            hat = marks[0] if marks[0] in (_CIRC, _BREVE) else ""
            if hat and hat not in hats:
                continue
            decode[base + mark_char] = unicodedata.normalize("NFC", base + marks)
    for legacy, letter in (("ô", "ơ"), ("ö", "ư")):
        for mark_char in "øùûõï":
            decode[legacy + mark_char] = unicodedata.normalize(
                "NFC", letter + _VNI_MARKS[mark_char]
            )
    for legacy, letter in list(decode.items()):
        decode[legacy.upper()] = letter.upper()
        if len(legacy) == 2:  # "Uû" as well as "UÛ": capital base, lower-case mark byte
            decode[legacy[0].upper() + legacy[1]] = letter.upper()
    encode: dict[str, str] = {}
    for legacy, letter in decode.items():
        # the canonical spelling: marks in the case of their base letter
        if len(legacy) == 1 or legacy[1].isupper() == legacy[0].isupper():
            encode.setdefault(letter, legacy)
    return decode, encode


_VNI_DECODE, _VNI_ENCODE = _vni_tables()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, _VNI_DECODE), key=len, reverse=True)))

# Letters a Vietnamese text may contain in the Latin-1 range; any other Latin-1 character
# in a run of Vietnamese words is a sign of a legacy font encoding.
_VIET_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# Vietnamese letters that exist only in Unicode (never produced by reading a legacy byte).
_UNICODE_ONLY = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]"
)
_LEGACY_SUSPECT = re.compile("[\u00a1-\u00ff]")


def looks_unicode_vietnamese(line: str) -> bool:
    """True if the line holds letters only Unicode can write (ạ, ư, đ …): not legacy text."""
    return _UNICODE_ONLY.search(line) is not None


def _foreign(text: str) -> int:
    return sum(1 for m in _LEGACY_SUSPECT.finditer(text) if m.group() not in _VIET_LATIN1)


def decode_tcvn3(text: str, upper: bool = False) -> str:
    """TCVN3 mojibake -> Unicode. `upper` for the capital fonts (.VnTimeH): all capitals.

    Without font information, words typed in capitals ("KÕ HO¹CH") get capitals.
    """
    if upper:
        return text.translate(_TCVN3_TRANS).upper()
    return "\n".join(_decode_tcvn3_line(line) for line in text.split("\n"))


def _decode_tcvn3_line(line: str) -> str:
    decoded = line.translate(_TCVN3_TRANS)  # one character for one: spans stay valid
    spans = [m.span() for m in _WORD.finditer(line)]
    caps, short, sources = set(), set(), set()
    for i, (a, b) in enumerate(spans):
        letters = "".join(_ASCII_LETTERS.findall(line, a, b))
        if len(letters) >= 2 and letters.isupper():
            caps.add(i)
            if any(not c.isascii() and c.islower() for c in decoded[a:b]):
                sources.add(i)
        elif len(letters) < 2 and not letters.islower():
            short.add(i)
    # "KÕ HO¹CH": a word with one capital takes the case of an all-capital legacy neighbour
    changed = True
    while changed:
        grown = {i for i in short - sources if {i - 1, i + 1} & sources}
        sources |= grown
        caps |= grown
        changed = bool(grown)
    if not caps:
        return decoded
    out, last = [], 0
    for i in sorted(caps):
        a, b = spans[i]
        out += [decoded[last:a], decoded[a:b].upper()]
        last = b
    out.append(decoded[last:])
    return "".join(out)


_WORD = re.compile(r"(?:[^\W\d_]|[\u00a1-\u00ff])+")
_ASCII_LETTERS = re.compile("[A-Za-z]")
_TCVN3_TRANS = str.maketrans(_TCVN3_DECODE)


def encode_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 characters (capitals with tones fall back to lower case: VN3 has none)."""
    out = []
    for c in unicodedata.normalize("NFC", text):
        legacy = _TCVN3_ENCODE.get(c) or _TCVN3_ENCODE.get(c.lower())
        out.append(legacy if legacy is not None else c)
    return "".join(out)


def decode_vni(text: str) -> str:
    return _VNI_RE.sub(lambda m: _VNI_DECODE[m.group()], text)


def encode_vni(text: str) -> str:
    return "".join(_VNI_ENCODE.get(c, c) for c in unicodedata.normalize("NFC", text))


def detect_legacy(text: str) -> str | None:
    """TCVN3, VNI or None for text whose lines may carry a legacy font encoding.

    Only lines that Unicode-only letters do not already mark as Unicode count. The text must
    show enough characters no Vietnamese word contains (©, ¸, µ, ø, ï …) and one conversion
    must clear nearly all of them; plain ASCII and real Unicode text are never converted.
    """
    candidate = "\n".join(ln for ln in text.split("\n") if not looks_unicode_vietnamese(ln))
    foreign = _foreign(candidate)
    letters = sum(1 for c in candidate if c.isalpha())
    if foreign < 3 or foreign < 0.02 * letters:
        return None
    # Codes 0xA1-0xBF (â ê ô ơ ư đ à á ả ã ạ in TCVN3) never occur in VNI text.
    low_block = sum(1 for c in candidate if "\u00a1" <= c <= "\u00bf")
    if low_block >= 0.25 * foreign:
        encoding, converted = TCVN3, decode_tcvn3(candidate)
    else:
        encoding, converted = VNI, decode_vni(candidate)
    return encoding if _foreign(converted) <= 0.2 * foreign else None
