"""Each factory builds a valid row with what its docstring says to pass."""

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_every_factory_builds_a_row(site, municipalities):
    learner = f.UserFactory()
    path, lesson = site["path"], site["lesson"]
    content = f.H5PContentFactory()
    rows = [
        f.ThemeFactory(),
        f.ModuleRoleRuleFactory(module=site["module"], role="mayor"),
        content,
        f.ScormPackageFactory(),
        f.ScormScoFactory(),
        f.EnrolmentFactory(user=learner, path=path),
        f.LessonCompletionFactory(user=learner, lesson=lesson),
        f.PathCompletionFactory(user=learner, path=path),
        f.RoleChangeFactory(user=learner),
        f.XapiStatementFactory(user=learner, content=content, lesson=lesson),
        f.H5PUserStateFactory(user=learner, content=content, lesson=lesson),
        f.CertificateTemplateFactory(path=path),
        f.CertificateFactory(user=learner, path=path),
        f.TrainingContactFactory(),
        f.PrivacyNoticeFactory(),
        f.IncidentFactory(),
    ]
    for row in rows:
        assert row.pk
    assert content.libraries.get() == content.main_library
    assert f.ScormPackageFactory().scos.count() == 1
