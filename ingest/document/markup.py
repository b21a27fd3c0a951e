"""Markup of converted documents and the shape of a line, shared by every view of a document.

Converted plans carry markdown and HTML: headings ("## 2. Sở Y tế"), emphasis ("**8.** …"),
superscript points and footnote references ("<sup>(1)</sup>", "năm 2023¹"), escapes. Two
cleanings, for two views:

- `clean_line`: a line of the running text (header, citations): headings, emphasis, sup/sub
  tags, underscores and escapes removed; superscript text kept.
- `clean_markup`: a line of the skeleton (tasks): superscript points kept as "(1)", footnote
  references dropped, every tag and asterisk removed, spaces squeezed; tells whether the whole
  line was bold.

`is_caps` (the skeleton's section titles) and `mostly_caps` (the header's titles) say whether a
line is written in capitals.
"""

from __future__ import annotations

import re

__all__ = ["clean_line", "clean_markup", "is_caps", "mostly_caps"]

_MARKUP = re.compile(r"</?su[pb]>|\*+|(?<!\w)_{1,2}(?=\S)|(?<=\S)_{1,2}(?!\w)|\\(?=[\[\]().*_-])")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s*")
_MARKUP_CHARS = "<*_\\"  # every _MARKUP match holds one

def clean_line(line: str) -> str:
    """A line without markdown headings, emphasis, sup tags: '## **1. Sở Y tế**' -> '1. Sở Y tế'."""
    if "#" in line:
        line = _HEADING_MARK.sub("", line)
    if any(c in line for c in _MARKUP_CHARS):  # most lines hold no markup
        line = _MARKUP.sub("", line)
    return line.strip()


_SUP_POINT = re.compile(r"<sup>\s*(\(\s*\d+\s*\))\s*</sup>", re.IGNORECASE)
_SUP_REF = re.compile(r"<sup>\s*\d+\s*</sup>", re.IGNORECASE)
# a footnote reference: superscript digits after a word or after its punctuation ("năm 2023¹")
_SUP_DIGITS_REF = re.compile(r"(?<=[^\W\d_])[¹²³⁴⁵⁶⁷⁸⁹⁰]+"
                             r"|(?<=[\d.,;:)”\"])[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?=[\s.,;:]|$)")
_ANY_SUP_DIGIT = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]")
_TAG = re.compile(r"</?[a-zA-Z][^>]{0,40}>")


def clean_markup(text: str) -> tuple[str, bool]:
    """Text without markdown emphasis and tags; True when the whole line was bold."""
    bold = text.startswith("**") and text.rstrip(" :").endswith("**") and text.count("**") == 2
    if "<" in text:  # most lines hold no tag: the tag patterns need not scan them
        text = _SUP_POINT.sub(r" \1 ", text)
        text = _SUP_REF.sub("", text)
    if _ANY_SUP_DIGIT.search(text):
        text = _SUP_DIGITS_REF.sub("", text)
    if "<" in text:
        text = _TAG.sub("", text)
    bullet = re.match(r"^\*\s+", text)
    if bullet:
        text = "- " + text[bullet.end():]
    text = text.replace("*", "")
    return " ".join(text.split()), bold  # spaces squeezed (str.split: what \\s matches)


def _capitals(text: str) -> tuple[int, int]:
    """(capital letters, letters) of a text."""
    letters = list(filter(str.isalpha, text))
    return sum(map(str.isupper, letters)), len(letters)


def is_caps(text: str) -> bool:
    """A line in capitals, as the skeleton reads section titles: six letters or more, nine in
    ten of them capitals ("TỔ CHỨC THỰC HIỆN")."""
    upper, letters = _capitals(text)
    return letters >= 6 and upper >= 0.9 * letters


def mostly_caps(text: str) -> bool:
    """More than four in five letters capitals, as the header reads titles and kind words
    (a title in capitals keeps a symbol or a unit in lower case: "… 2021-2025 CỦA UBND tỉnh")."""
    upper, letters = _capitals(text)
    return bool(letters) and upper / letters > 0.8
