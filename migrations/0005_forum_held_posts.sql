ALTER TABLE "forum_replies" ADD COLUMN "held_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "forum_replies" ADD COLUMN "held_reason" text;--> statement-breakpoint
ALTER TABLE "forum_topics" ADD COLUMN "held_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "forum_topics" ADD COLUMN "held_reason" text;