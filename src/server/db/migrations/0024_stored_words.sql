ALTER TABLE "channels" ADD COLUMN "status_reason_key" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "status_reason_values" jsonb;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "error_key" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "error_values" jsonb;--> statement-breakpoint
ALTER TABLE "delivery_attempts" ADD COLUMN "error_key" text;--> statement-breakpoint
ALTER TABLE "delivery_attempts" ADD COLUMN "error_values" jsonb;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "disabled_reason_key" text;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "disabled_reason_values" jsonb;