import json
import uuid
from types import SimpleNamespace

import pytest

from core.errors import ApplicationError
from learners.xapi import load_json, parse_statement
from tests.h5p_fixtures import statement

USER = SimpleNamespace(pk=7, email="apprenant@exemple.qc.ca")
CONTENT = SimpleNamespace(pk=3)
LESSON = SimpleNamespace(pk=12)


def parse(data, **kwargs):
    return parse_statement(data, user=USER, **kwargs)


def test_extracts_the_fields_the_platform_reads():
    data = statement(
        CONTENT, LESSON, scaled=0.5, raw=1, max_score=2, success=False, completion=True
    )

    parsed = parse(data)

    assert (parsed.content_id, parsed.lesson_id, parsed.block_id) == (3, 12, "bloc-1")
    assert parsed.verb_name == "answered"
    assert (parsed.score_raw, parsed.score_max, parsed.score_scaled) == (1, 2, 0.5)
    assert parsed.success is False and parsed.completion is True
    assert parsed.duration_seconds == 12.5
    assert parsed.ends_attempt
    assert str(parsed.statement_id) == data["id"]


def test_sub_content_statements_do_not_end_the_attempt():
    parsed = parse(
        statement(CONTENT, LESSON, scaled=1, raw=1, max_score=1, sub="abc-1")
    )

    assert parsed.sub_content_id == "abc-1"
    assert not parsed.ends_attempt


def test_missing_id_gets_one():
    data = statement(CONTENT, LESSON)
    del data["id"]

    assert isinstance(parse(data).statement_id, uuid.UUID)


def test_actor_of_someone_else_is_forbidden():
    data = statement(CONTENT, LESSON, email="quelquun@ailleurs.qc.ca")

    with pytest.raises(ApplicationError) as error:
        parse(data)

    assert error.value.status == 403
    assert "n'est pas la personne connectée" in error.value.message


def test_actor_by_account_name():
    data = statement(CONTENT, LESSON)
    data["actor"] = {"account": {"homePage": "http://testserver", "name": "7"}}

    assert parse(data).verb_name == "answered"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d.pop("verb"), "verb.id manquant."),
        (
            lambda d: d.update(verb={"id": "pas une iri"}),
            "verb.id n'est pas une IRI valide.",
        ),
        (lambda d: d.update(object={}), "object.id manquant."),
        (
            lambda d: d.update(result={"score": {"scaled": 1.5}}),
            "Le score relatif doit être compris entre -1 et 1.",
        ),
        (
            lambda d: d.update(result={"score": {"raw": 5, "min": 0, "max": 2}}),
            "Le score brut doit être compris entre le minimum et le maximum.",
        ),
        (
            lambda d: d.update(result={"score": {"min": 3, "max": 2}}),
            "Le score minimal dépasse le score maximal.",
        ),
        (
            lambda d: d.update(result={"score": {"scaled": "1"}}),
            "result.score.scaled doit être un nombre.",
        ),
        (
            lambda d: d.update(result={"success": "oui"}),
            "result.success doit être vrai ou faux.",
        ),
        (lambda d: d.update(result={"duration": "12 s"}), "Durée ISO 8601 invalide"),
        (lambda d: d.update(timestamp="hier"), "Horodatage invalide"),
        (lambda d: d.update(id="pas-un-uuid"), "Identifiant de déclaration invalide."),
    ],
)
def test_malformed_statements_are_refused_with_a_reason(change, reason):
    data = statement(CONTENT, LESSON)
    change(data)

    with pytest.raises(ApplicationError) as error:
        parse(data)

    assert error.value.status == 400
    assert reason in error.value.message


def test_not_an_object_is_refused():
    with pytest.raises(ApplicationError):
        parse(["answered"])


def test_put_id_must_match_the_statement_id():
    data = statement(CONTENT, LESSON)

    with pytest.raises(ApplicationError, match="ne correspond pas"):
        parse(data, expected_id=str(uuid.uuid4()))


def _nested(levels, leaf):
    value = leaf
    for _level in range(levels):
        value = {"x": value}
    return value


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_batch_is_measured_as_deep_as_it_nests(encoding):
    """A batch has more brackets than the limit: its depth is measured on
    the bytes (UTF-8) or on the parsed value, brackets in strings aside."""
    tricky = 'crochets [[{{ "guillemet" \\ et é ]]}}'
    batch = [_nested(30, tricky) for _item in range(5)]

    assert load_json(json.dumps(batch).encode(encoding)) == batch
    with pytest.raises(ApplicationError, match="32 niveaux"):
        load_json(json.dumps([*batch, _nested(32, tricky)]).encode(encoding))
