CREATE TABLE "member_blocks" (
	"user_id" uuid NOT NULL,
	"other_id" uuid NOT NULL,
	"strength" text NOT NULL,
	"until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "member_blocks_user_id_other_id_pk" PRIMARY KEY("user_id","other_id"),
	CONSTRAINT "member_blocks_not_self" CHECK ("member_blocks"."user_id" <> "member_blocks"."other_id"),
	CONSTRAINT "member_blocks_strength" CHECK ("member_blocks"."strength" in ('mute', 'ignore', 'block'))
);
--> statement-breakpoint
ALTER TABLE "member_blocks" ADD CONSTRAINT "member_blocks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_blocks" ADD CONSTRAINT "member_blocks_other_id_users_id_fk" FOREIGN KEY ("other_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_blocks_other_idx" ON "member_blocks" USING btree ("other_id","user_id");--> statement-breakpoint
CREATE INDEX "member_blocks_list_idx" ON "member_blocks" USING btree ("user_id","created_at","other_id");