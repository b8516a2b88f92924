"""Verification codes: pure functions, no database."""

import pytest

from certification.codes import (
    ALPHABET,
    CODE_BITS,
    CODE_LENGTH,
    code_display,
    code_generate,
    normalise_code,
)


def test_a_code_is_16_crockford_characters_carrying_80_bits():
    code = code_generate()

    assert CODE_BITS >= 80 and CODE_LENGTH * 5 == CODE_BITS
    assert len(code) == 16
    assert set(code) <= set(ALPHABET)
    assert not set(code) & set("ILOU")


def test_codes_do_not_repeat_and_use_the_whole_alphabet():
    codes = [code_generate() for _ in range(5000)]

    assert len(set(codes)) == len(codes)
    first_characters = {code[0] for code in codes}
    every_character = set("".join(codes))
    assert every_character == set(ALPHABET)
    # 80 bits = 16 × 5: the first character uses all of its 5 bits too.
    assert first_characters == set(ALPHABET)


def test_a_code_is_shown_in_four_groups():
    assert code_display("7K3M9QXA2B4C6D8E") == "7K3M-9QXA-2B4C-6D8E"


@pytest.mark.parametrize(
    "typed",
    [
        "7K3M9QXA2B4C6D8E",
        "7k3m-9qxa-2b4c-6d8e",
        " 7K3M 9QXA 2B4C 6D8E ",
        "7K3M.9QXA.2B4C.6D8E",
        "7K3M–9QXA—2B4C-6D8E",
    ],
)
def test_case_spaces_dashes_and_dots_are_ignored(typed):
    assert normalise_code(typed) == "7K3M9QXA2B4C6D8E"


def test_letters_that_look_like_digits_read_as_digits():
    assert normalise_code("OOOO-IIII-LLLL-oilo") == "0000111111110110"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "7K3M-9QXA-2B4C",  # too short
        "7K3M-9QXA-2B4C-6D8E-0",  # too long
        "7K3M-9QXA-2B4C-6D8U",  # U is not in the alphabet
        "7K3M-9QXA-2B4C-6D8!",
        "<script>alert(1)</script>",
        "7" * 10_000,
        None,
        12345,
    ],
)
def test_anything_else_is_not_a_code(typed):
    assert normalise_code(typed) is None
