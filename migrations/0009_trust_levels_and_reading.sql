CREATE TABLE "forum_reading" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"posts_read" integer DEFAULT 0 NOT NULL,
	"seconds_reading" integer DEFAULT 0 NOT NULL,
	"last_view_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trust_locks" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"locked_by" uuid,
	"locked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "forum_reading" ADD CONSTRAINT "forum_reading_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_locks" ADD CONSTRAINT "trust_locks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_locks" ADD CONSTRAINT "trust_locks_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;