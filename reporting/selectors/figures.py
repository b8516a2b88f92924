"""The figures of a report and how rows of counts add up into them."""

from dataclasses import dataclass, field

from courses.roles import LearnerRole

ELECTED = tuple(str(role) for role in LearnerRole.elected())
MILESTONES = ("enrolled", "started", "completed", "certified")
COUNTS = (*MILESTONES, "active", "elected_trained")


@dataclass
class Figures:
    """Every figure of one group (a region, a role, a path…).

    Learner counts are of distinct learners; ``municipalities`` is how many
    municipalities the group covers (the denominator of the rate).
    """

    municipalities: int = 0
    participating: int = 0
    certified_municipalities: int = 0
    enrolled: int = 0
    started: int = 0
    completed: int = 0
    certified: int = 0
    active: int = 0
    elected_trained: int = 0
    registered: int = 0
    attended: int = 0
    _participating: set = field(default_factory=set, repr=False)
    _certified_municipalities: set = field(default_factory=set, repr=False)

    @property
    def participation_rate(self) -> float | None:
        return _rate(self.participating, self.municipalities)

    @property
    def attendance_rate(self) -> float | None:
        return _rate(self.attended, self.registered)

    def add_learners(self, municipality_id, counts: dict):
        """Add the learners of one municipality (``counts`` by name in
        ``COUNTS``)."""
        figures = self.__dict__  # tens of thousands of calls per dashboard
        for name in COUNTS:
            figures[name] += counts[name]
        if counts["enrolled"]:
            self._participating.add(municipality_id)
            self.participating = len(self._participating)
        if counts["certified"]:
            self._certified_municipalities.add(municipality_id)
            self.certified_municipalities = len(self._certified_municipalities)

    def add_attendance(self, registered, attended):
        self.registered += registered
        self.attended += attended


def _rate(part, whole) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@dataclass
class Row:
    """One line of a breakdown. ``fine``: its counts are at the municipality ×
    role level (one municipality, one role), where small cells are hidden."""

    key: object
    label: str
    figures: Figures
    fine: bool = False
    code: str = ""
