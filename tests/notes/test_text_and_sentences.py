"""Text hygiene (same length, offsets preserved) and sentence splitting of real note layouts."""

from __future__ import annotations

import pytest

from spinecheck.errors import InputError
from spinecheck.models import MAX_NOTE_CHARS
from spinecheck.notes import load_rules
from spinecheck.notes.sentences import split
from spinecheck.notes.text import clean, decode_note_bytes


def test_clean_keeps_length_and_neutralises_controls():
    raw = "Pain\x00 9/10\r\nno\u2013radiation \u00d7 6 wks\u00a0\x0cEnd\rX"
    out = clean(raw)
    assert len(out) == len(raw)
    assert "\x00" not in out and "\r" not in out and "\x0c" not in out
    assert "x 6 wks" in out and "no-radiation" in out


@pytest.mark.parametrize("data, code", [
    (b"a\x00b", "binary_note"),
    (b"\xff\xfe bad", "not_utf8"),
    (b"x\x07y", "control_characters"),
    (b"a" * (MAX_NOTE_CHARS + 1), "note_too_long"),
])
def test_bad_note_files_are_one_line_errors_that_do_not_quote_the_note(data, code):
    with pytest.raises(InputError) as info:
        decode_note_bytes(data, "note.txt")
    assert info.value.code == code
    assert "\n" not in info.value.one_line()
    assert "bad" not in info.value.message.replace("bad byte", "")


def test_utf8_with_bom_and_tabs_is_fine():
    assert decode_note_bytes("\ufeffPain:\tnone".encode("utf-8"), "n") == "Pain:\tnone"


def texts(note):
    rules = load_rules()
    text = clean(note)
    return [(s.section, text[s.start:s.end]) for s in split(text, rules.headers)]


def test_abbreviations_do_not_end_sentences():
    out = texts("Seen by Dr. Smith, e.g. for PT. Pain improved approx. 50%. No red flags.")
    assert [t for _, t in out] == ["Seen by Dr. Smith, e.g. for PT.", "Pain improved approx. 50%.", "No red flags."]


def test_headers_set_sections_and_inline_headers_end_with_their_block():
    out = texts("HPI: back pain x 3 mo.\nPMH: prostate cancer 2015.\nExam: SLR neg.\n\nASSESSMENT AND PLAN:\nMRI lumbar spine.")
    assert out == [("hpi", "back pain x 3 mo."), ("pmh", "prostate cancer 2015."), ("exam", "SLR neg."),
                   ("assessment_plan", "MRI lumbar spine.")]


def test_bullets_and_columns_are_separate_sentences():
    out = texts("Red flags:\n- no fever\n- no weight loss\nFever: No      Saddle anesthesia: No")
    assert [t for _, t in out] == ["Red flags:", "no fever", "no weight loss", "Fever: No", "Saddle anesthesia: No"]


def test_hard_wrapped_faxed_lines_are_joined():
    note = ("I am writing in support of a CT of the lumbar spine for my patient, a 68-year-old woman with\n"
            "low back pain and right sciatica since the beginning of September.")
    assert len(texts(note)) == 1


def test_offsets_point_into_the_original_text():
    note = "CC: low back pain\x07.\n\nNo saddle anesthesia."
    rules = load_rules()
    for s in split(clean(note), rules.headers):
        assert clean(note)[s.start:s.end] == note[s.start:s.end].replace("\x07", " ")


def test_a_form_question_answered_on_its_line_is_one_sentence():
    text = "Diabetic? No. Any leg pain? Yes, on the left."
    assert [text[s.start:s.end] for s in split(text)] == ["Diabetic? No.", "Any leg pain? Yes, on the left."]


def test_saint_in_a_place_name_does_not_end_the_sentence():
    text = "An MRI at St. Clare's on June 4 showed a protrusion. Pain is worse."
    assert [text[s.start:s.end] for s in split(text)][0] == "An MRI at St. Clare's on June 4 showed a protrusion."


def test_a_pipe_separates_columns_and_a_row_is_not_joined_to_the_next_line():
    out = texts("Saddle anesthesia: No  |  Urinary retention: No  |  Foot drop: No\nExam: tenderness.")
    assert [t for _, t in out] == ["Saddle anesthesia: No", "Urinary retention: No", "Foot drop: No", "tenderness."]
    assert [t for _, t in texts("| Foot drop | No |\n| Fever | yes |")] == ["Foot drop | No", "Fever | yes"]
    assert [t for _, t in texts("L4|L5 disc bulge.")] == ["L4|L5 disc bulge."]


def test_a_bare_answer_in_a_column_stays_with_its_question():
    assert [t for _, t in texts("Saddle anesthesia\tNo\nFoot drop\tNo")] == ["Saddle anesthesia\tNo", "Foot drop\tNo"]
    assert [t for _, t in texts("Fever: No      Saddle anesthesia: No")] == ["Fever: No", "Saddle anesthesia: No"]


def test_a_short_line_that_ends_inside_a_list_continues_on_the_next_line():
    assert [t for _, t in texts("Denies saddle anesthesia,\nurinary retention,\nfoot drop.")] == [
        "Denies saddle anesthesia,\nurinary retention,\nfoot drop."]
    assert len(texts("No fever or\nchills.")) == 1
    # not onto a header or a field of a form
    assert [t for _, t in texts("Meds: ibuprofen,\nExam: normal.")] == ["ibuprofen,", "normal."]
    assert [t for _, t in texts("Fever: no,\nFoot drop: yes")] == ["Fever: no,", "Foot drop: yes"]
    # a short line without a comma still ends its block
    assert len(texts("Saddle anesthesia\nurinary retention")) == 2
