CREATE TABLE "pending_revocations" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" text,
	"workspace_id" text,
	"network" text NOT NULL,
	"instance" text,
	"token_sealed" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pending_revocations" ADD CONSTRAINT "pending_revocations_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channels" DROP COLUMN "revoke_pending_sealed";