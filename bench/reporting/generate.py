"""Learners spread by population, their progress over two years, sessions
and registrations, and xAPI statements: about 100 records per learner."""

import random
import sys
import time
from datetime import timedelta

from bench.reporting.catalogue import build_catalogue
from bench.reporting.database import copy_rows, vacuum_analyze

RECORDS_PER_LEARNER = 100  # 50,000 learners → 5,000,000 records

ROLES = [
    ("mayor", 4),
    ("councillor", 22),
    ("director_general", 6),
    ("manager", 18),
    ("employee", 50),
]


def weighted_municipalities(rng):
    from territory.models import Municipality

    places = list(Municipality.objects.values_list("id", "population"))
    rng.shuffle(places)
    taking_part = places[: int(len(places) * 0.8)]  # the others: no learner
    return [pk for pk, _ in taking_part], [
        max(pop, 50) ** 0.6 for _, pop in taking_part
    ]


def load_learners(rng, count, now):
    ids, weights = weighted_municipalities(rng)
    towns = rng.choices(ids, weights, k=count)
    roles = rng.choices([r for r, _ in ROLES], [w for _, w in ROLES], k=count)
    rows = (
        (
            "!",
            False,
            "Banc",
            f"Essai {n}",
            False,
            True,
            now,
            f"banc{n}@exemple.qc.ca",
            towns[n],
            roles[n],
        )
        for n in range(count)
    )
    columns = [
        "password",
        "is_superuser",
        "first_name",
        "last_name",
        "is_staff",
        "is_active",
        "date_joined",
        "email",
        "municipality_id",
        "role",
    ]
    copy_rows("learners_user", columns, rows)
    from learners.models import User

    return list(
        User.objects.filter(email__startswith="banc")
        .order_by("id")
        .values_list("id", "role")
    )


def progress_rows(rng, learners, paths, now):
    """Enrolments, lesson completions, path completions, certificates."""
    start = now - timedelta(days=730)
    popularity = [1 / (rank + 1) ** 0.8 for rank in range(len(paths))]
    out = {"enrolments": [], "lessons": [], "completions": [], "certificates": []}
    for user_id, role in learners:
        if rng.random() < 0.08:
            continue  # an account, no enrolment
        for path in {
            id(p): p
            for p in rng.choices(paths, popularity, k=rng.choice((1, 1, 2, 3, 4, 5, 6)))
        }.values():
            enrolled = start + timedelta(days=730 * rng.random() ** 0.7)
            out["enrolments"].append((user_id, path["id"], "self", enrolled))
            if rng.random() > 0.85:
                continue
            lessons = (
                path["lessons"]
                if rng.random() < 0.45
                else path["lessons"][: rng.randint(1, 14)]
            )
            when = enrolled + timedelta(days=20 * rng.random())
            done = []
            for lesson in lessons:
                if when >= now:
                    break
                done.append(lesson)
                out["lessons"].append((user_id, lesson, "manual", when))
                when += timedelta(days=0.2 + 6 * rng.random())
            if len(done) == len(path["lessons"]):
                completed = when - timedelta(days=0.1)
                out["completions"].append((user_id, path["id"], role, completed))
                if rng.random() < 0.92:
                    revoked = (
                        completed + timedelta(days=9) if rng.random() < 0.03 else None
                    )
                    code = f"{user_id:08x}{path['id']:08x}"
                    out["certificates"].append(
                        (
                            user_id,
                            path["id"],
                            code,
                            "{}",
                            completed,
                            completed,
                            "",
                            revoked,
                            "",
                            0,
                        )
                    )
    return out


def load_progress(rng, learners, paths, now):
    rows = progress_rows(rng, learners, paths, now)
    written = copy_rows(
        "learners_enrolment",
        ["user_id", "path_id", "source", "created_at"],
        rows["enrolments"],
    )
    written += copy_rows(
        "learners_lessoncompletion",
        ["user_id", "lesson_id", "source", "completed_at"],
        rows["lessons"],
    )
    written += copy_rows(
        "learners_pathcompletion",
        ["user_id", "path_id", "role", "completed_at"],
        rows["completions"],
    )
    written += copy_rows(
        "certification_certificate",
        [
            "user_id",
            "path_id",
            "code",
            "content",
            "issued_at",
            "completed_at",
            "pdf",
            "revoked_at",
            "revoked_reason",
            "verification_count",
        ],
        rows["certificates"],
    )
    return written, rows["enrolments"]


def load_sessions(rng, enrolments, paths, now):
    from courses.models import TrainingSession
    from learners.models import User
    from territory.models import Municipality

    trainer = User.objects.create_user(
        email="formation@banc.qc.ca", first_name="F", last_name="B"
    )
    towns = list(Municipality.objects.values_list("id", flat=True))
    by_path, sessions = {}, []
    for n in range(max(60, len(enrolments) // 120)):
        path = rng.choice(paths)
        starts = now - timedelta(days=730) + timedelta(days=760 * rng.random())
        in_person = rng.random() < 0.75
        sessions.append(
            TrainingSession(
                module_id=rng.choice(path["modules"]),
                title=f"Séance {n}",
                starts_at=starts,
                ends_at=starts + timedelta(hours=3),
                registration_deadline=starts - timedelta(days=1),
                capacity=200,
                trainer=trainer,
                session_format="in_person" if in_person else "virtual",
                address="1, rue Principale" if in_person else "",
                municipality_id=rng.choice(towns) if in_person else None,
                virtual_url="" if in_person else "https://visio.exemple.qc.ca/s",
                cancelled_at=starts - timedelta(days=3)
                if rng.random() < 0.05
                else None,
            )
        )
    for session in TrainingSession.objects.bulk_create(sessions):
        path_id = next(p["id"] for p in paths if session.module_id in p["modules"])
        by_path.setdefault(path_id, []).append(session)
    seen, rows = set(), []
    for user_id, path_id, _source, _enrolled in enrolments:
        if rng.random() > 0.35 or path_id not in by_path:
            continue
        session = rng.choice(by_path[path_id])
        if (user_id, session.pk) in seen:
            continue
        seen.add((user_id, session.pk))
        status = rng.choices(["registered", "waitlisted", "cancelled"], [85, 5, 10])[0]
        ended = session.ends_at < now
        attended = (
            rng.choices([True, False, None], [80, 10, 10])[0]
            if ended and status == "registered"
            else None
        )
        rows.append(
            (
                user_id,
                session.pk,
                status,
                session.starts_at - timedelta(days=10),
                attended,
            )
        )
    return len(sessions) + copy_rows(
        "learners_sessionregistration",
        ["user_id", "session_id", "status", "requested_at", "attended"],
        rows,
    )


def load_statements(target):
    """xAPI statements around each lesson completion, generated in SQL."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM learners_lessoncompletion")
        lessons = cursor.fetchone()[0] or 1
        per_lesson = max(target, 0) / lessons
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(
            """
            INSERT INTO learners_xapistatement (statement_id, user_id, verb, object_id,
              lesson_id, block_id, sub_content_id, score_raw, score_max, score_scaled,
              success, completion, duration_seconds, timestamp, stored, raw, content_hash,
              trusted)
            SELECT gen_random_uuid(), c.user_id,
              CASE WHEN g = 1 THEN 'http://adlnet.gov/expapi/verbs/completed'
                   ELSE 'http://adlnet.gov/expapi/verbs/answered' END,
              'http://localhost/xapi/activites/1/' || c.lesson_id || '/bloc', c.lesson_id,
              'bloc', '', 1, 1, 1, true, true, 4.5,
              c.completed_at - g * interval '3 minutes', c.completed_at - g * interval '3 minutes',
              '{}'::jsonb, 'banc', false
            FROM learners_lessoncompletion c, generate_series(1, %s) g
            WHERE g <= %s OR random() < %s
            """,
            [int(per_lesson) + 1, int(per_lesson), per_lesson - int(per_lesson)],
        )
        written = cursor.rowcount
        cursor.execute("SET session_replication_role = DEFAULT")
    return written


def generate(learner_count, seed=2026):
    from django.conf import settings
    from django.utils import timezone

    from territory.services import municipalities_load

    rng, now = random.Random(seed), timezone.now()
    started = time.perf_counter()

    def phase(name):
        print(f"{time.perf_counter() - started:7.1f} s  {name}", file=sys.stderr)

    municipalities_load(directory=settings.MUNICIPALITY_DATA_DIR)
    phase("municipalities")
    paths = build_catalogue()
    phase("catalogue")
    learners = load_learners(rng, learner_count, now)
    written, enrolments = load_progress(rng, learners, paths, now)
    phase("learners and progress")
    written += load_sessions(rng, enrolments, paths, now)
    written += load_statements(learner_count * RECORDS_PER_LEARNER - written)
    phase("sessions and statements")
    vacuum_analyze()
    phase("vacuum analyze")
    return {
        "rows": written,
        "learners": len(learners),
        "generate_s": round(time.perf_counter() - started, 1),
    }
