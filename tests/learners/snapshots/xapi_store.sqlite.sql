-- lookup (2 statements, 1 content, 1 lesson, 1 block, 1 launch)
SELECT 's' AS kind, s."statement_id" AS statement_id, s."content_hash" AS content_hash, s."user_id" AS owner_id, s."trusted" AS trusted, CAST(NULL AS char(32)) AS launch_id, CAST(NULL AS integer) AS content_id, CAST(NULL AS integer) AS lesson_id, CAST(NULL AS varchar(64)) AS block_id, CAST(NULL AS integer) AS attempt_id, CAST(NULL AS integer unsigned) AS attempt_number, CAST(NULL AS bool) AS attempt_open, CAST(NULL AS integer) AS lesson_state, CAST(NULL AS bool) AS unexpired FROM "learners_xapistatement" s WHERE s."statement_id" IN (%s, %s)
UNION ALL SELECT 'c', NULL, NULL, NULL, NULL, NULL, x."id", NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM "courses_h5pcontent" x WHERE x."id" IN (%s)
UNION ALL SELECT 'l', NULL, NULL, NULL, NULL, NULL, NULL, x."page_ptr_id", NULL, NULL, NULL, NULL, NULL, NULL FROM "courses_lessonpage" x WHERE x."page_ptr_id" IN (%s)
UNION ALL SELECT 'a', NULL, NULL, NULL, NULL, NULL, NULL, t."lesson_id", t."block_id", t."id", t."number", t."finished_at" IS NULL, NULL, NULL FROM "learners_h5pattempt" t WHERE t."user_id" = %s AND t."lesson_id" = %s AND t."block_id" = %s AND t."number" = (SELECT MAX(o."number") FROM "learners_h5pattempt" o WHERE o."user_id" = %s AND o."lesson_id" = %s AND o."block_id" = %s)
UNION ALL SELECT 'd', NULL, NULL, NULL, NULL, NULL, NULL, d."lesson_id", NULL, NULL, NULL, NULL, NULL, NULL FROM "learners_lessoncompletion" d WHERE d."user_id" = %s AND d."lesson_id" IN (%s)
UNION ALL SELECT 'r', NULL, NULL, NULL, NULL, r."id", r."content_id", r."lesson_id", r."block_id", NULL, NULL, NULL, CASE WHEN NOT p."live" THEN 0 WHEN (r."lesson_revision_id" = p."live_revision_id" OR (r."lesson_revision_id" IS NULL AND p."live_revision_id" IS NULL)) THEN 1 ELSE 2 END, r."expires_at" > %s FROM "learners_h5plaunch" r JOIN "wagtailcore_page" p ON p."id" = r."lesson_id" WHERE r."user_id" = %s AND r."id" IN (%s);

-- lookup (1 statement)
SELECT 's' AS kind, s."statement_id" AS statement_id, s."content_hash" AS content_hash, s."user_id" AS owner_id, s."trusted" AS trusted, CAST(NULL AS char(32)) AS launch_id, CAST(NULL AS integer) AS content_id, CAST(NULL AS integer) AS lesson_id, CAST(NULL AS varchar(64)) AS block_id, CAST(NULL AS integer) AS attempt_id, CAST(NULL AS integer unsigned) AS attempt_number, CAST(NULL AS bool) AS attempt_open, CAST(NULL AS integer) AS lesson_state, CAST(NULL AS bool) AS unexpired FROM "learners_xapistatement" s WHERE s."statement_id" IN (%s);

-- insert (2 statements)
INSERT INTO "learners_xapistatement" ("statement_id", "user_id", "verb", "object_id", "content_id", "lesson_id", "block_id", "sub_content_id", "score_raw", "score_min", "score_max", "score_scaled", "success", "completion", "duration_seconds", "timestamp", "raw", "content_hash", "attempt_id", "launch_id", "trusted", "stored") VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s), (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s);

-- close an attempt
UPDATE "learners_h5pattempt" SET "finished_at" = %s, "completed" = %s, "success" = %s, "score_raw" = %s, "score_max" = %s, "score_scaled" = %s, "duration_seconds" = %s WHERE "id" = %s AND "finished_at" IS NULL;

