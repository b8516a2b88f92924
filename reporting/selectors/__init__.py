from reporting.selectors.access import (
    Access,
    contact_municipality_id,
    municipality_access,
    reporting_allowed,
)
from reporting.selectors.figures import Figures, Row
from reporting.selectors.municipalities import (
    LearnerLine,
    municipalities_absent,
    municipalities_in_scope,
    municipality_accounts,
    municipality_learners,
)
from reporting.selectors.participation import (
    DIMENSIONS,
    Overview,
    participation_by_municipality,
    participation_overview,
)
from reporting.selectors.report import participation_report
from reporting.selectors.scope import Scope
from reporting.selectors.trends import Point, Trends, participation_trends

__all__ = [
    "DIMENSIONS",
    "Access",
    "Figures",
    "LearnerLine",
    "Overview",
    "Point",
    "Row",
    "Scope",
    "Trends",
    "contact_municipality_id",
    "municipalities_absent",
    "municipalities_in_scope",
    "municipality_accounts",
    "municipality_access",
    "municipality_learners",
    "participation_by_municipality",
    "participation_overview",
    "participation_report",
    "participation_trends",
    "reporting_allowed",
]
