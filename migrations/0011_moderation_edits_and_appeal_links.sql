CREATE TABLE "moderation_appeal_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "moderation_appeal_links_action_id_unique" UNIQUE("action_id"),
	CONSTRAINT "moderation_appeal_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD COLUMN "revision_id" uuid;--> statement-breakpoint
ALTER TABLE "moderation_appeal_links" ADD CONSTRAINT "moderation_appeal_links_action_id_moderation_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."moderation_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_appeal_links" ADD CONSTRAINT "moderation_appeal_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;