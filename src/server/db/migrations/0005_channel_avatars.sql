CREATE TABLE "channel_avatars" (
	"channel_id" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"data" text NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "avatar_cached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channel_avatars" ADD CONSTRAINT "channel_avatars_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;