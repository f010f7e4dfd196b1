ALTER TABLE "data_exports" ADD COLUMN "error_key" text;--> statement-breakpoint
ALTER TABLE "data_exports" ADD COLUMN "error_values" jsonb;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD COLUMN "error_key" text;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD COLUMN "error_values" jsonb;--> statement-breakpoint
ALTER TABLE "feed_items" ADD COLUMN "reason_key" text;--> statement-breakpoint
ALTER TABLE "feed_items" ADD COLUMN "reason_values" jsonb;--> statement-breakpoint
ALTER TABLE "feeds" ADD COLUMN "last_error_key" text;--> statement-breakpoint
ALTER TABLE "feeds" ADD COLUMN "last_error_values" jsonb;--> statement-breakpoint
ALTER TABLE "evergreen_settings" ADD COLUMN "skip_reason_key" text;--> statement-breakpoint
ALTER TABLE "evergreen_settings" ADD COLUMN "skip_reason_values" jsonb;