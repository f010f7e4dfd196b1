CREATE TABLE "evergreen_settings" (
	"post_group_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"every_days" integer NOT NULL,
	"max_times" integer NOT NULL,
	"variations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recycled_count" integer DEFAULT 0 NOT NULL,
	"last_recycled_at" timestamp with time zone,
	"owner_user_id" text,
	"skip_reason" text,
	"skipped_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "post_groups" ADD COLUMN "recycled_from" text;--> statement-breakpoint
ALTER TABLE "evergreen_settings" ADD CONSTRAINT "evergreen_settings_post_group_id_post_groups_id_fk" FOREIGN KEY ("post_group_id") REFERENCES "public"."post_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evergreen_settings" ADD CONSTRAINT "evergreen_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evergreen_settings" ADD CONSTRAINT "evergreen_settings_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evergreen_settings_due_idx" ON "evergreen_settings" USING btree ("enabled","last_recycled_at");--> statement-breakpoint
CREATE INDEX "evergreen_settings_workspace_idx" ON "evergreen_settings" USING btree ("workspace_id");--> statement-breakpoint
ALTER TABLE "post_groups" ADD CONSTRAINT "post_groups_recycled_from_post_groups_id_fk" FOREIGN KEY ("recycled_from") REFERENCES "public"."post_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_groups_recycled_from_idx" ON "post_groups" USING btree ("recycled_from");