"""Rollup tables: exact copies of the facts the dashboard counts, one row per
learner, per enrolment and per in-person registration, kept up to date by
``reporting.rollup.rollup_refresh`` (Celery beat, every minute).

They are derived data: ``rollup_rebuild`` recreates them from the source tables.
"""

from django.conf import settings
from django.db import models


class LearnerFact(models.Model):
    """A learner (a user with a municipality and a role) and their latest
    activity: a lesson completed or an xAPI statement received."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "territory.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(max_length=30)
    last_active_at = models.DateTimeField(null=True)

    def __str__(self):
        return f"{self.user_id} ({self.role})"


class LearnerPathFact(models.Model):
    """One enrolment and the milestones of that learner in that path.

    ``started_at`` is the first lesson of the path completed; ``certified_at``
    the issue date of a certificate that is not revoked. Dimensions (theme,
    municipality, current role) and ``last_active_at`` are copied from the
    learner and the path so that every count reads this table alone.

    Derived columns, computed for ``dirty`` rows at each refresh:
    ``<milestone>_month`` is the local month of the milestone (for trends);
    ``prev_<milestone>_at`` is when the same learner reached the same milestone
    in the path just before this one (ordered by date, then path), and
    ``theme_prev_<milestone>_at`` the same within the theme. A learner reached a
    milestone during [start, end) exactly when one of their rows has it in the
    period with no previous one since ``start``: counting those rows counts
    learners, with no per-learner grouping.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
    )
    path = models.ForeignKey(
        "courses.LearningPathPage", on_delete=models.CASCADE, related_name="+"
    )
    theme = models.ForeignKey(
        "courses.Theme", on_delete=models.CASCADE, related_name="+"
    )
    municipality = models.ForeignKey(
        "territory.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(max_length=30)
    enrolled_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True)
    completed_at = models.DateTimeField(null=True)
    certified_at = models.DateTimeField(null=True)
    last_active_at = models.DateTimeField(null=True)
    enrolled_month = models.DateField(null=True)
    started_month = models.DateField(null=True)
    completed_month = models.DateField(null=True)
    certified_month = models.DateField(null=True)
    prev_enrolled_at = models.DateTimeField(null=True)
    prev_started_at = models.DateTimeField(null=True)
    prev_completed_at = models.DateTimeField(null=True)
    prev_certified_at = models.DateTimeField(null=True)
    theme_prev_enrolled_at = models.DateTimeField(null=True)
    theme_prev_started_at = models.DateTimeField(null=True)
    theme_prev_completed_at = models.DateTimeField(null=True)
    theme_prev_certified_at = models.DateTimeField(null=True)
    dirty = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "path"], name="reporting_unique_learner_path"
            )
        ]
        # Trends read these alone (index-only scans): date, then month.
        indexes = [
            models.Index(
                fields=["enrolled_at", "enrolled_month", "municipality"],
                name="reporting_lpf_enrolled",
            ),
            models.Index(
                fields=["started_at", "started_month"], name="reporting_lpf_started"
            ),
            models.Index(
                fields=["completed_at", "completed_month"],
                name="reporting_lpf_completed",
            ),
            models.Index(
                fields=["certified_at", "certified_month"],
                name="reporting_lpf_certified",
            ),
            models.Index(
                fields=["user"],
                condition=models.Q(dirty=True),
                name="reporting_lpf_dirty",
            ),
            # The few rows whose activity left (or entered) the last 30 days
            # since the tally was computed (``reporting.selectors.tally``).
            models.Index(fields=["last_active_at"], name="reporting_lpf_active"),
        ]

    def __str__(self):
        return f"{self.user_id} — {self.path_id}"


class AttendanceFact(models.Model):
    """A confirmed registration (status REGISTERED) to an in-person session
    that has ended and was not cancelled."""

    registration = models.OneToOneField(
        "learners.SessionRegistration",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "territory.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(max_length=30)
    path = models.ForeignKey(
        "courses.LearningPathPage", on_delete=models.CASCADE, related_name="+"
    )
    theme = models.ForeignKey(
        "courses.Theme", on_delete=models.CASCADE, related_name="+"
    )
    starts_at = models.DateTimeField(db_index=True)
    attended = models.BooleanField()

    def __str__(self):
        return str(self.registration_id)


class TallyLevel(models.TextChoices):
    LEARNER = "learner"  # per role: distinct learners (``prev_…`` columns)
    PATH = "path"  # per path: enrolments
    THEME = "theme"  # per theme: distinct learners in it (``theme_prev_…``)
    MONTH = "month"  # per month: milestones reached that month (trends)


class ParticipationTally(models.Model):
    """The dashboard's sums, per municipality, computed at each refresh from
    ``LearnerPathFact`` and ``AttendanceFact`` for the whole period (no date,
    role, path or theme filter): a report of a geography reads these few
    thousand rows instead of grouping every enrolment.

    One row per (municipality, ``level``, ``item``, ``role``): ``item`` is the
    path or theme id (0 for the other levels), ``role`` is set on the learner
    level only, ``month`` is the first month of enrolment (learner level) or
    the month counted (month level, where each milestone column counts the
    rows reaching it that month). ``active`` is as of the refresh
    (``RollupState.refreshed_at``); readers correct it for the time elapsed
    since. Derived data, recomputed whole by a refresh that changed the facts.
    """

    # No constraint: rewritten whole at each refresh from rows that have one
    # (checking it costs more than the rest of the insert).
    municipality = models.ForeignKey(
        "territory.Municipality",
        on_delete=models.CASCADE,
        related_name="+",
        db_constraint=False,
    )
    level = models.CharField(max_length=7, choices=TallyLevel.choices)
    item = models.IntegerField(default=0)
    role = models.CharField(max_length=30, blank=True)
    month = models.DateField(null=True)
    enrolled = models.IntegerField(default=0)
    started = models.IntegerField(default=0)
    completed = models.IntegerField(default=0)
    certified = models.IntegerField(default=0)
    active = models.IntegerField(default=0)
    elected_trained = models.IntegerField(default=0)
    registered = models.IntegerField(default=0)
    attended = models.IntegerField(default=0)

    def __str__(self):
        return f"{self.municipality_id} {self.level} {self.item} {self.role}"


class PathContent(models.Model):
    """Which learning path a module or a lesson page belongs to (the page
    tree, flattened). ``page_id`` is no foreign key on purpose: a deleted page
    must show up as a removed row, so that its path's rows are recomputed."""

    page_id = models.IntegerField(primary_key=True)
    path = models.ForeignKey(
        "courses.LearningPathPage", on_delete=models.CASCADE, related_name="+"
    )

    def __str__(self):
        return f"{self.page_id} → {self.path_id}"


class RollupState(models.Model):
    """A single row: when the rollup was last refreshed, and how far it read
    the append-only tables (lesson completions, xAPI statements)."""

    refreshed_at = models.DateTimeField(null=True)
    duration_ms = models.PositiveIntegerField(default=0)
    version = models.PositiveBigIntegerField(default=0)
    # When ``ParticipationTally`` was computed (its ``active`` counts the
    # 30 days before); None: not yet, reports count the facts.
    tallied_at = models.DateTimeField(null=True)

    def __str__(self):
        return f"v{self.version} ({self.refreshed_at})"


class RollupCheckpoint(models.Model):
    """The highest ids seen at one refresh. A refresh reads rows above the
    checkpoint taken a few minutes earlier, not above its own last one, so a
    row whose transaction committed late is still counted."""

    taken_at = models.DateTimeField(db_index=True)
    lesson_completion_id = models.BigIntegerField()
    statement_id = models.BigIntegerField()

    def __str__(self):
        return f"{self.taken_at}: {self.lesson_completion_id}, {self.statement_id}"
