-- Issue 7 (security review), issue 8 (search and staff removal): one migration.
-- Hand-written (keep when regenerating): pg_trgm comes first, for the word list's index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "forum_image_uses" (
	"image_id" uuid NOT NULL,
	"post_kind" text NOT NULL,
	"post_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	CONSTRAINT "forum_image_uses_image_id_post_kind_post_id_pk" PRIMARY KEY("image_id","post_kind","post_id")
);
--> statement-breakpoint
CREATE TABLE "forum_removals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_kind" text NOT NULL,
	"post_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"removed_by" uuid,
	"reason" text NOT NULL,
	"note" text,
	"removed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"restored_by" uuid,
	"restored_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "forum_search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "email_proven_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "role_visibility" text DEFAULT 'members' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "professional_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "about_visibility" text DEFAULT 'members' NOT NULL;--> statement-breakpoint
ALTER TABLE "group_members" ADD COLUMN "admission" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "invite_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "forum_image_uses" ADD CONSTRAINT "forum_image_uses_image_id_forum_images_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."forum_images"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_image_uses" ADD CONSTRAINT "forum_image_uses_topic_id_forum_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."forum_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_removals" ADD CONSTRAINT "forum_removals_topic_id_forum_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."forum_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_removals" ADD CONSTRAINT "forum_removals_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_removals" ADD CONSTRAINT "forum_removals_restored_by_users_id_fk" FOREIGN KEY ("restored_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forum_image_uses_post_idx" ON "forum_image_uses" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "forum_removals_post_idx" ON "forum_removals" USING btree ("post_id","removed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_removals_one_open_idx" ON "forum_removals" USING btree ("post_kind","post_id") WHERE "forum_removals"."restored_at" is null;--> statement-breakpoint
CREATE INDEX "forum_search_words_trgm_idx" ON "forum_search_words" USING gist ("word" gist_trgm_ops);--> statement-breakpoint
-- Hand-written (keep when regenerating): record the pictures that posts written before this migration show,
-- so they stay visible to those who may see those posts and no one else.
INSERT INTO "forum_image_uses" ("image_id", "post_kind", "post_id", "topic_id")
SELECT DISTINCT i."id", 'topic', t."id", t."id"
  FROM "forum_topics" t
  CROSS JOIN LATERAL regexp_matches(t."body", '/api/forum/images/([0-9a-fA-F-]{36})', 'g') AS m(found)
  JOIN "forum_images" i ON i."id"::text = lower(m.found[1])
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "forum_image_uses" ("image_id", "post_kind", "post_id", "topic_id")
SELECT DISTINCT i."id", 'reply', r."id", r."topic_id"
  FROM "forum_replies" r
  CROSS JOIN LATERAL regexp_matches(r."body", '/api/forum/images/([0-9a-fA-F-]{36})', 'g') AS m(found)
  JOIN "forum_images" i ON i."id"::text = lower(m.found[1])
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Hand-written (keep when regenerating): group memberships and settings from before issue 7.
-- Existing rows: a request in an "ask to join" group that was answered later (or put on the waitlist) was approved by a person. Everyone else stays unvetted ('open').
UPDATE "group_members" SET "admission" = 'approved' FROM "groups" WHERE "groups"."id" = "group_members"."group_id" AND "groups"."join_policy" = 'ask' AND ("group_members"."status" = 'waitlist' OR "group_members"."joined_at" > "group_members"."asked_at" + interval '1 minute');--> statement-breakpoint
UPDATE "group_members" SET "admission" = 'invite_link' FROM "groups" WHERE "groups"."id" = "group_members"."group_id" AND "groups"."join_policy" = 'invite' AND "group_members"."admission" = 'open';--> statement-breakpoint
-- Invite links made before links expired: they work for 30 more days.
UPDATE "groups" SET "invite_expires_at" = now() + interval '30 days' WHERE "invite_token_hash" IS NOT NULL;--> statement-breakpoint
-- A private group, or one only for carers, may not let people walk in: they ask instead.
UPDATE "groups" SET "join_policy" = 'ask' WHERE "join_policy" = 'open' AND ("privacy" = 'private' OR "caregivers_only" = true);--> statement-breakpoint
-- Hand-written (keep when regenerating): one word for carers (issue 8). Only the seeded name
-- changes; a name an administrator chose stays.
UPDATE "forum_categories" SET "name" = 'Carers'' corner' WHERE "slug" = 'caregivers' AND "name" = 'Caregivers'' corner';--> statement-breakpoint
-- Hand-written (keep when regenerating): the word list for "Did you mean …" is kept in step
-- by triggers, so every writer (the app, the demo seed, a bulk COPY) fills it. Only words
-- from posts every member may read go in: never a group's board. Statement-level triggers
-- with transition tables: one set-based insert per statement, and no lock on a word that is
-- already listed (ON CONFLICT DO NOTHING), so busy words never queue writers behind each other.
CREATE FUNCTION "forum_words_of"(body text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, body))) AS w
   WHERE length(w) BETWEEN 3 AND 30 AND w ~ '^[[:alpha:]]+$'
$$;--> statement-breakpoint
CREATE FUNCTION "forum_topics_search_words"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "forum_search_words" ("word")
    SELECT DISTINCT w FROM new_rows n, "forum_words_of"(n."title" || ' ' || n."body_text") AS w
     WHERE n."group_id" IS NULL AND n."deleted_at" IS NULL
     ORDER BY 1
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO "forum_search_words" ("word")
    SELECT DISTINCT w FROM new_rows n JOIN old_rows o ON o."id" = n."id",
           "forum_words_of"(n."title" || ' ' || n."body_text") AS w
     WHERE n."group_id" IS NULL AND n."deleted_at" IS NULL
       AND (n."title" IS DISTINCT FROM o."title" OR n."body_text" IS DISTINCT FROM o."body_text")
     ORDER BY 1
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "forum_replies_search_words"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "forum_search_words" ("word")
    SELECT DISTINCT w FROM new_rows n, "forum_words_of"(n."body_text") AS w
     WHERE n."group_id" IS NULL AND n."deleted_at" IS NULL
     ORDER BY 1
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO "forum_search_words" ("word")
    SELECT DISTINCT w FROM new_rows n JOIN old_rows o ON o."id" = n."id",
           "forum_words_of"(n."body_text") AS w
     WHERE n."group_id" IS NULL AND n."deleted_at" IS NULL
       AND n."body_text" IS DISTINCT FROM o."body_text"
     ORDER BY 1
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "forum_topics_search_words_insert" AFTER INSERT ON "forum_topics"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "forum_topics_search_words"();--> statement-breakpoint
CREATE TRIGGER "forum_topics_search_words_update" AFTER UPDATE ON "forum_topics"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "forum_topics_search_words"();--> statement-breakpoint
CREATE TRIGGER "forum_replies_search_words_insert" AFTER INSERT ON "forum_replies"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "forum_replies_search_words"();--> statement-breakpoint
CREATE TRIGGER "forum_replies_search_words_update" AFTER UPDATE ON "forum_replies"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "forum_replies_search_words"();--> statement-breakpoint
-- The words of the posts already written.
INSERT INTO "forum_search_words" ("word")
SELECT DISTINCT w FROM (
  SELECT "forum_words_of"(t."title" || ' ' || t."body_text") AS w
    FROM "forum_topics" t WHERE t."group_id" IS NULL AND t."deleted_at" IS NULL
  UNION ALL
  SELECT "forum_words_of"(r."body_text")
    FROM "forum_replies" r WHERE r."group_id" IS NULL AND r."deleted_at" IS NULL
) words
ORDER BY 1
ON CONFLICT DO NOTHING;
