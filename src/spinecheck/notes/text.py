"""Note text hygiene: one cleaned copy of the note with the SAME length as the original, so
every offset found in the cleaned copy is an offset into the text the caller sent.

Control characters become spaces (tabs stay: they separate columns), lone carriage returns and form feeds become newlines, and
look-alike punctuation (curly quotes, dashes, the multiplication sign, no-break spaces) becomes
its ASCII twin. Nothing is inserted or removed."""

from __future__ import annotations

import re

from ..errors import InputError
from ..models import MAX_NOTE_CHARS

# one character in, one character out
_TRANSLATE = str.maketrans({
    "\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00d7": "x", "\u2022": "*", "\u25cf": "*", "\u25aa": "*", "\u25e6": "*", "\u2023": "*", "\u2043": "*",
    "\u00b7": "*", "\u2264": "<", "\u2265": ">", "\ufeff": " ", "\u200b": " ", "\u200c": " ", "\u200d": " ",
    "\u200e": " ", "\u200f": " ",
})
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_LONE_CR = re.compile(r"\r(?!\n)")


def clean(text: str) -> str:
    """The note with control characters neutralised; ``len(clean(t)) == len(t)``."""
    out = _LONE_CR.sub("\n", text).replace("\r", " ")
    out = out.translate(_TRANSLATE)
    out = _CONTROL.sub(" ", out)
    if len(out) != len(text):  # pragma: no cover - every replacement above is 1:1
        raise AssertionError("note cleaning changed the text length")
    return out


def is_blank(text: str) -> bool:
    return not text or text.isspace() or not clean(text).strip()


def decode_note_bytes(data: bytes, where: str) -> str:
    """Text of a note file, or a one-line InputError that never quotes the content.

    Rejects binary content (NUL bytes), non-UTF-8 bytes, other control characters and notes
    longer than the request limit (MAX_NOTE_CHARS)."""
    if b"\x00" in data:
        raise InputError("the note file contains NUL bytes (binary content); give a plain-text note", where=where,
                         code="binary_note")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"the note file is not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8",
                         where=where, code="not_utf8") from None
    if len(text) > MAX_NOTE_CHARS:
        raise InputError(f"the note has {len(text):,} characters, over the limit of {MAX_NOTE_CHARS:,} "
                         "(MAX_NOTE_CHARS, the same limit as a request's note); send the relevant part of the record",
                         where=where, code="note_too_long")
    bad = _CONTROL.search(text)
    if bad is not None:
        raise InputError(f"the note contains a control character (U+{ord(bad.group()):04X}) at offset {bad.start()}; "
                         "give plain text", where=where, code="control_characters")
    return text
