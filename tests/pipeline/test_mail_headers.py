"""Header text from user input: one readable line, bounded, never a BadHeaderError; and the
words a red flag's severity gives its e-mail, in one place."""

import smtplib

import pytest
from django.core.mail import EmailMessage
from django.db import OperationalError

from coaching import alerts
from coaching.delivery import backoff, is_permanent, one_line, user_text

RLM, RLO, FSI, PDI = "\u200f", "\u202e", "\u2068", "\u2069"


@pytest.mark.parametrize(
    "name",
    ["Nina\nNumb", "Nina\r\nNumb", "Nina\rNumb", "Nina\u2028Numb", "Nina\x85Numb",
     "Nina\tNumb", "Nina\x00Numb", "Nina\x1bNumb", "Nina \n\n  Numb"],
)  # fmt: skip
def test_line_breaks_and_control_characters_become_one_space(name):
    assert one_line(name, max_chars=60) == "Nina Numb"


def test_an_injected_header_stays_inside_the_subject():
    line = one_line("Nina\r\nBcc: someone@example.com", max_chars=80)
    message = EmailMessage(subject=line, body="x", to=["coach@example.com"]).message()
    assert message["Bcc"] is None and "Bcc: someone" in message["Subject"]


def test_right_to_left_text_and_emoji_are_kept_as_written():
    for name in (f"\u0646\u064a\u0646\u0627 {RLM}", "Nina \U0001f4aa\U0001f3fd",
                 "\U0001f468\u200d\U0001f469\u200d\U0001f467 family"):  # fmt: skip
        assert one_line(name, max_chars=60) == name.strip()


def test_a_long_name_is_cut_on_a_word_boundary_with_an_ellipsis():
    line = one_line("Alexandra " * 30, max_chars=60)
    assert len(line) <= 60 and line.endswith("Alexandra\u2026")


def test_a_long_word_is_cut_at_the_limit():
    line = one_line("x" * 5000, max_chars=60)
    assert line == "x" * 59 + "\u2026"


def test_a_lone_surrogate_becomes_the_replacement_character():
    line = one_line("Nina\udfffNumb", max_chars=60)
    assert line == "Nina\ufffdNumb"
    line.encode("utf-8")  # would raise with the surrogate


def test_text_with_direction_overrides_is_isolated_so_it_cannot_flip_the_subject():
    assert user_text(f"{RLO}bmuN aniN", max_chars=60) == f"{FSI}{RLO}bmuN aniN{PDI}"
    assert user_text(f"Nina {RLM}", max_chars=60) == f"Nina {RLM}"  # a mark alone is fine


@pytest.mark.parametrize(
    ("severity", "label", "phrase"),
    [("emergency", "EMERGENCY", "an emergency red flag"),
     ("urgent", "URGENT", "an urgent red flag"),
     ("soon", "Red flag", "a red flag")],
)  # fmt: skip
def test_each_severity_reads_right(severity, label, phrase):
    subject = alerts.subject(severity=severity, athlete_name="Nina", title="numbness")
    assert subject == f"[Legstrong] {label}: Nina reports numbness"
    assert alerts.wording(severity).phrase == phrase


def test_an_unknown_severity_still_takes_the_right_article():
    assert alerts.wording("imminent").phrase == "an imminent red flag"
    assert alerts.wording("grave").phrase == "a grave red flag"
    assert alerts.wording("odd\nsev").label == "ODD SEV"
    assert alerts.wording("").phrase == "a red flag"


def test_a_subject_stays_bounded_whatever_the_name():
    subject = alerts.subject(severity="urgent", athlete_name="N" * 10_000, title="numbness")
    assert len(subject) <= alerts.SUBJECT_MAX_CHARS and subject.endswith("reports numbness")


def test_refusals_of_the_recipient_or_message_are_permanent():
    assert is_permanent(smtplib.SMTPRecipientsRefused({"a@example.com": (550, b"no")}))
    assert is_permanent(smtplib.SMTPDataError(554, b"rejected"))
    assert is_permanent(ValueError("Invalid address; address parts cannot contain newlines."))
    assert is_permanent(UnicodeEncodeError("utf-8", "\udfff", 0, 1, "surrogates not allowed"))


def test_channel_failures_are_transient():
    assert not is_permanent(smtplib.SMTPRecipientsRefused({"a@example.com": (450, b"busy")}))
    assert not is_permanent(smtplib.SMTPDataError(451, b"try later"))
    assert not is_permanent(smtplib.SMTPServerDisconnected("gone"))
    assert not is_permanent(smtplib.SMTPAuthenticationError(535, b"bad credentials"))
    assert not is_permanent(ConnectionRefusedError(111, "refused"))
    assert not is_permanent(OperationalError("server closed the connection"))
    assert not is_permanent(KeyError("a bug"))  # retried until the row gives up


def test_backoff_doubles_up_to_its_longest_wait_even_after_many_attempts():
    import datetime as dt

    first, longest = dt.timedelta(seconds=10), dt.timedelta(minutes=10)
    waits = [backoff(n, first=first, longest=longest).total_seconds() for n in (1, 2, 3, 7)]
    assert waits == [10, 20, 40, 600]
    assert backoff(32_000, first=first, longest=longest) == longest
