CREATE TABLE "event_exceptions" (
	"event_id" uuid NOT NULL,
	"original_start" timestamp with time zone NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"new_start_local" text,
	"new_duration_minutes" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_exceptions_event_id_original_start_pk" PRIMARY KEY("event_id","original_start")
);
--> statement-breakpoint
CREATE TABLE "event_rsvps" (
	"event_id" uuid NOT NULL,
	"meeting_start" timestamp with time zone NOT NULL,
	"user_id" uuid NOT NULL,
	"answer" text NOT NULL,
	"carer" boolean DEFAULT false NOT NULL,
	"access_needs" text DEFAULT '' NOT NULL,
	"place" text,
	"wait_order" integer,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_rsvps_event_id_meeting_start_user_id_pk" PRIMARY KEY("event_id","meeting_start","user_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_kind" text NOT NULL,
	"group_id" uuid,
	"organisation_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"format" text NOT NULL,
	"start_local" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"time_zone" text NOT NULL,
	"rrule" text,
	"first_start_at" timestamp with time zone NOT NULL,
	"last_start_at" timestamp with time zone,
	"capacity" integer,
	"venue_name" text,
	"venue_address" text,
	"venue_town" text,
	"lat" double precision,
	"lng" double precision,
	"access" text[] DEFAULT '{}' NOT NULL,
	"access_notes" text DEFAULT '' NOT NULL,
	"how_to_get_there" text DEFAULT '' NOT NULL,
	"video_kind" text,
	"video_url" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "video_base_url" text;--> statement-breakpoint
ALTER TABLE "event_exceptions" ADD CONSTRAINT "event_exceptions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD CONSTRAINT "event_rsvps_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD CONSTRAINT "event_rsvps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_rsvps_user_idx" ON "event_rsvps" USING btree ("user_id","meeting_start");--> statement-breakpoint
CREATE INDEX "event_rsvps_meeting_idx" ON "event_rsvps" USING btree ("event_id","meeting_start","place","wait_order");--> statement-breakpoint
CREATE INDEX "events_group_idx" ON "events" USING btree ("group_id","first_start_at");--> statement-breakpoint
CREATE INDEX "events_organisation_idx" ON "events" USING btree ("organisation_id","first_start_at");--> statement-breakpoint
CREATE INDEX "events_window_idx" ON "events" USING btree ("first_start_at","last_start_at") WHERE "events"."cancelled_at" is null;