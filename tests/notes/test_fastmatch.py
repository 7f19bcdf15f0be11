"""The keyed matcher and the prefix-guided searcher give what plain ``re`` gives.

Reference for a Matcher: the alternatives joined with ``|``, tried at every word start and every
non-word character, leftmost non-overlapping, empty matches skipped. Reference for a Searcher:
``regex.search`` / ``regex.finditer``."""

from __future__ import annotations

import random
import re

import pytest

from spinecheck.notes.fastmatch import Matcher, Router, TextIndex
from spinecheck.notes.regextree import fold_case, literal_prefixes, parse
from spinecheck.notes.searcher import Searcher

PARTS = [  # each list: the alternatives of one matcher, as rules.alternative_parts writes them
    [r"(?:no)\b", r"(?:not)\b", r"(?:no (?:evidence|signs?) of)\b", r"(?:without(?: any)?)\b"],
    [r"(?:,?\s*\bso\b(?! far| much))(?:(?<!\w)|(?!\w))", r"(?:but)\b", r"(?:;)", r"(?:,\s*(?:she|he)\b)"],
    [r"(?:(?P<v0>\d{1,2}) ?(?:weeks?|wks?))\b", r"(?:x (?P<v1>\d+) ?d)\b"],
    [r"(?:[LS][1-5](?:[-/][LS]?[1-5])? radicul\w*)(?:(?<!\w)|(?!\w))", r"(?:(?-i:XR) (?:lumbar|l-spine))\b"],
    [r"(?:physical therap(?:y|ist))\b", r"(?:pt)\b", r"(?:p\.t\.)"],
    [r"(?:(\w)\1)\b", r"(?:aa)\b"],  # a back reference: matched as one pattern
]
UNBOUNDED = [r"(?:.{0,3}pain)\b"]  # no bounded start: re.finditer, matches inside words dropped
TEXTS = [
    "No evidence of cauda equina. Pain x 12 d, so PT for 6 wks; she reports relief, so far.",
    "Denies numbness,   so we wait. L4-5 radiculopathy; XR lumbar negative, xr lumbar again.",
    "Physical therapist notes p.t. helped. Not so much. no signs of infection.  aa bb cc",
    "PT x 3 d; pt declined.\tpain  so-called ,she said; NO; not; nothing; L5 Radicular pain",
    "Ünïcode café ſo ſpine; K 6 weeks ago, so; 12wks; WITHOUT any deficit.",
]


def _reference(regex: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, last = [], start
    for p in range(start, end):
        if p > 0 and (text[p].isalnum() or text[p] == "_") and (text[p - 1].isalnum() or text[p - 1] == "_"):
            continue  # never inside a word
        if p < last:
            continue
        m = regex.match(text, p, end)
        if m is not None and m.end() > p:
            out.append(m.span())
            last = m.end()
    return out


def _scanned(regex: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(text, start, end)
            if not (m.start() > 0 and text[m.start()].isalnum() and text[m.start() - 1].isalnum())]


def _texts() -> list[str]:
    rnd = random.Random(7)
    out = list(TEXTS)
    for t in TEXTS:
        for _ in range(6):
            chars = list(t)
            for _ in range(8):
                k = rnd.randrange(len(chars))
                chars[k] = rnd.choice([chars[k].upper(), chars[k].lower(), " ", ",", "   ", "\t", ";", "so"])
            out.append("".join(chars))
    return out


@pytest.mark.parametrize("flags", [re.IGNORECASE, 0])
def test_matcher_equals_plain_re(flags: int) -> None:
    matchers = [Matcher(parts, flags) for parts in PARTS + [UNBOUNDED]]
    assert not matchers[-1].bounded
    router = Router(eager=matchers[:4], lazy=matchers[4:])
    for text in _texts():
        routed, plain = TextIndex(text, router), TextIndex(text)
        ranges = [(0, len(text))] + [(a, b) for a in range(0, len(text), 9) for b in (a + 7, a + 30) if b <= len(text)]
        for parts, m in zip(PARTS + [UNBOUNDED], matchers):
            whole = re.compile("|".join(parts), flags)
            for a, b in ranges:
                want = (_reference if m.bounded else _scanned)(whole, text, a, b)
                assert [x.span() for x in m.finditer(routed, a, b)] == want, (parts, text[a:b])
                assert [x.span() for x in m.finditer(plain, a, b)] == want, (parts, text[a:b])


def test_value_groups_keep_their_names() -> None:
    m = Matcher(PARTS[2], re.IGNORECASE)
    index = TextIndex("pain x 11 d, PT 6 Wks", Router(eager=[m]))
    found = [(x.group(), {k: v for k, v in x.groupdict().items() if v}) for x in m.finditer(index)]
    assert found == [("x 11 d", {"v1": "11"}), ("6 wks", {"v0": "6"})]  # (folded: the lower-cased text)


def test_prefixes_know_word_boundaries_and_repeats() -> None:
    assert literal_prefixes(parse(r"(?:no)\b", re.I), 5) == {"no "}
    assert literal_prefixes(parse(r"\s*so\b", re.I), 5) >= {"so ", " so ", "\tso "}
    assert literal_prefixes(parse(r".{0,3}pain", re.I), 5) is None


def test_fold_case() -> None:
    folded = fold_case(parse(r"[A-Z]-spine (?:Pain|ACHE)", re.I))
    assert folded is not None
    assert re._compiler.compile(folded, 0).match("l-spine ache") is not None  # type: ignore[attr-defined]
    assert fold_case(parse(r"(?-i:XR) film", re.I)) is None  # its case matters
    assert fold_case(parse(r"caf\u00e9", re.I)) is None  # not ASCII
    assert fold_case(parse(r"abc", 0)) is None  # already case-sensitive


@pytest.mark.parametrize("pattern", [
    r"\b(?:history of|prior|previous)\b", r"(?:since|from|started)\s*$", r";|\bbut\b|\bhowever\b",
    r"\d|\b(?:jan|feb)|today|\blast\b", r"(?P<n>\d+)\s*(?:weeks?|days?)\b",
])
def test_searcher_equals_plain_re(pattern: str) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    searcher = Searcher(regex)
    assert searcher.finder is not None
    for text in _texts():
        index = TextIndex(text)
        for a in range(0, len(text), 7):
            for b in (a + 5, a + 40, len(text)):
                b = min(b, len(text))
                want = regex.search(text, a, b)
                for where in (index, text):
                    got = searcher.search(where, a, b)
                    assert (got and got.span()) == (want and want.span()), (pattern, text[a:b])
                    assert [x.span() for x in searcher.finditer(where, a, b)] == \
                        [x.span() for x in regex.finditer(text, a, b)]


@pytest.mark.parametrize("pattern, text", [
    (r"mri\b without", "an MRI without sedation"),
    (r"(?:mri|mr)\b(?: \w+){0,8}? without", "a brain MRI last month was done without any problem"),
    (r"\bno\b,? (?:fever|chills)", "no, fever"),
])
def test_a_boundary_followed_by_a_non_word_character_still_matches(pattern, text):
    # a word boundary takes no character: the space after it is the non-word character it asks for
    assert [m.span() for m in Matcher([pattern], re.I).finditer(TextIndex(text), 0, len(text))] == \
        [m.span() for m in re.finditer(pattern, text, re.I)]
