import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from courses.completion import BlockResult, block_complete
from courses.grading import GradingMethod


class XapiStatement(models.Model):
    """One xAPI statement as received, plus the fields the platform reads."""

    statement_id = models.UUIDField(unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="statements"
    )
    verb = models.CharField(max_length=255)
    object_id = models.CharField(max_length=1000)
    content = models.ForeignKey(
        "courses.H5PContent",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
    )
    lesson = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    block_id = models.CharField(max_length=64, blank=True)
    sub_content_id = models.CharField(max_length=64, blank=True)
    score_raw = models.FloatField(null=True, blank=True)
    score_min = models.FloatField(null=True, blank=True)
    score_max = models.FloatField(null=True, blank=True)
    score_scaled = models.FloatField(null=True, blank=True)
    success = models.BooleanField(null=True, blank=True)
    completion = models.BooleanField(null=True, blank=True)
    duration_seconds = models.FloatField(null=True, blank=True)
    timestamp = models.DateTimeField()
    stored = models.DateTimeField(auto_now_add=True)
    raw = models.JSONField()
    content_hash = models.CharField(max_length=64)
    attempt = models.ForeignKey(
        "learners.H5PAttempt",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
    )
    # The learner's launch named in context.registration, valid or not.
    launch = models.ForeignKey(
        "learners.H5PLaunch",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
    )
    # Carried a valid launch of its own exercise, so it could count; kept even
    # when old launches are deleted.
    trusted = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("déclaration xAPI")
        verbose_name_plural = _("déclarations xAPI")
        ordering = ["stored", "id"]
        indexes = [models.Index(fields=["user", "lesson", "block_id", "stored"])]

    def __str__(self):
        return f"{self.verb} {self.object_id}"


class H5PAttempt(models.Model):
    """A learner's try at one H5P block of a lesson, opened by its first
    top-level answer; sub-content results attach to the open attempt."""

    # No index of its own: the unique constraint's index starts with the
    # user and serves every read by user. A second one only cost each new
    # attempt a write, and with stale statistics PostgreSQL took it to find
    # a learner's last attempt, reading their whole history.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="h5p_attempts",
        db_index=False,
    )
    content = models.ForeignKey(
        "courses.H5PContent", on_delete=models.CASCADE, related_name="attempts"
    )
    lesson = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    block_id = models.CharField(max_length=64)
    number = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    completed = models.BooleanField(default=False)
    success = models.BooleanField(null=True, blank=True)
    score_raw = models.FloatField(null=True, blank=True)
    score_max = models.FloatField(null=True, blank=True)
    score_scaled = models.FloatField(null=True, blank=True)
    duration_seconds = models.FloatField(null=True, blank=True)

    class Meta:
        verbose_name = _("tentative H5P")
        verbose_name_plural = _("tentatives H5P")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "block_id", "number"],
                name="unique_h5p_attempt_number",
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.content} #{self.number}"


class H5PUserState(models.Model):
    """What H5P saves to resume a learner where they left off."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="h5p_states"
    )
    content = models.ForeignKey(
        "courses.H5PContent", on_delete=models.CASCADE, related_name="+"
    )
    lesson = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    block_id = models.CharField(max_length=64)
    data_type = models.CharField(max_length=127, default="state")
    sub_content_id = models.CharField(max_length=64, default="0")
    data = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "block_id", "data_type", "sub_content_id"],
                name="unique_h5p_user_state",
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.content} ({self.data_type})"


class H5PLaunch(models.Model):
    """The server's record that a learner opened one H5P block of a lesson
    (pressed "Commencer"). Its id travels in the statements' registration; a
    statement counts only under a valid launch of its own exercise."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="h5p_launches"
    )
    lesson = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    block_id = models.CharField(max_length=64)
    content = models.ForeignKey(
        "courses.H5PContent", on_delete=models.CASCADE, related_name="+"
    )
    # The lesson's live revision the block was found in: while it is still
    # live, statements need not read the lesson body again.
    lesson_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("lancement H5P")
        verbose_name_plural = _("lancements H5P")
        indexes = [models.Index(fields=["user", "expires_at"])]

    def __str__(self):
        return f"{self.user} — {self.lesson_id}/{self.block_id}"


class H5PBlockResult(models.Model):
    """A learner's closed attempts on one H5P block of a lesson, summed up as
    they close (``learners.services.xapi``), so that a block's result reads
    one row however many attempts came before. It keeps what every
    grading method needs, not one method's grade: a block's method, rule and
    pass mark may change when its lesson is published again, and the row
    stays right. The completed attempts' scaled scores (none counting as 0)
    are added oldest first, as ``courses.grading.grade`` adds them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="h5p_block_results",
    )
    lesson = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    block_id = models.CharField(max_length=64)
    closed_attempts = models.PositiveIntegerField(default=0)
    completed_attempts = models.PositiveIntegerField(default=0)
    score_sum = models.FloatField(default=0.0)
    score_best = models.FloatField(null=True, blank=True)
    score_first = models.FloatField(null=True, blank=True)
    score_last = models.FloatField(null=True, blank=True)

    # What the row sums up, in the order readers and writers of it use.
    SUMMARY_FIELDS = (
        "closed_attempts",
        "completed_attempts",
        "score_sum",
        "score_best",
        "score_first",
        "score_last",
    )

    class Meta:
        verbose_name = _("résultat d'un bloc H5P")
        verbose_name_plural = _("résultats des blocs H5P")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "block_id"],
                name="unique_h5p_block_result",
            ),
            models.CheckConstraint(
                condition=models.Q(completed_attempts__lte=models.F("closed_attempts")),
                name="h5p_block_result_counts",
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.lesson_id}/{self.block_id}"

    def graded(self, method: str) -> float | None:
        """The block's score under ``method``, as ``courses.grading.grade``
        gives it from the whole list; ``None`` before a completed attempt."""
        if not self.completed_attempts:
            return None
        return {
            GradingMethod.AVERAGE: lambda: self.score_sum / self.completed_attempts,
            GradingMethod.FIRST: lambda: self.score_first,
            GradingMethod.LAST: lambda: self.score_last,
        }.get(method, lambda: self.score_best)()

    def block_result(
        self,
        *,
        grading_method: str,
        completion_rule: str,
        pass_threshold: int,
        open_attempts: int = 0,
    ) -> BlockResult:
        """What ``courses.completion.block_result`` makes of the whole list
        of attempts, from this row (and the number of attempts still open,
        which it does not count: 0 or 1)."""
        score = self.graded(grading_method)
        return BlockResult(
            attempts=self.closed_attempts + open_attempts,
            completed_attempts=self.completed_attempts,
            score=score,
            complete=block_complete(
                [score] if self.completed_attempts else [],
                method=grading_method,
                rule=completion_rule,
                threshold=pass_threshold,
            ),
        )

    def close_attempt(self, *, completed: bool, score_scaled: float | None):
        """Count an attempt as it closes (attempts close oldest first: a
        block has one open attempt at a time)."""
        self.closed_attempts += 1
        if not completed:
            return
        score = score_scaled or 0.0
        self.completed_attempts += 1
        self.score_sum += score
        if self.score_best is None or score > self.score_best:
            self.score_best = score
        if self.score_first is None:
            self.score_first = score
        self.score_last = score
