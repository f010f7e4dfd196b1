CREATE TABLE "channel_daily_stats" (
	"channel_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"day" date NOT NULL,
	"followers" integer,
	"posts_published" integer DEFAULT 0 NOT NULL,
	"views" bigint,
	"likes" bigint,
	"comments" bigint,
	"shares" bigint,
	"reach" bigint,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_daily_stats_channel_id_day_pk" PRIMARY KEY("channel_id","day")
);
--> statement-breakpoint
CREATE TABLE "delivery_metric_readings" (
	"delivery_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	"views" integer,
	"likes" integer,
	"comments" integer,
	"shares" integer,
	"reach" integer,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "delivery_metric_readings_delivery_id_read_at_pk" PRIMARY KEY("delivery_id","read_at")
);
--> statement-breakpoint
CREATE TABLE "report_runs" (
	"workspace_id" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"kind" text NOT NULL,
	"sent_to" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_runs_workspace_id_kind_period_start_pk" PRIMARY KEY("workspace_id","kind","period_start")
);
--> statement-breakpoint
CREATE TABLE "report_schedules" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channel_daily_stats" ADD CONSTRAINT "channel_daily_stats_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_daily_stats" ADD CONSTRAINT "channel_daily_stats_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_metric_readings" ADD CONSTRAINT "delivery_metric_readings_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_metric_readings" ADD CONSTRAINT "delivery_metric_readings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_metric_readings" ADD CONSTRAINT "delivery_metric_readings_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_runs" ADD CONSTRAINT "report_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_daily_stats_workspace_idx" ON "channel_daily_stats" USING btree ("workspace_id","day");--> statement-breakpoint
CREATE INDEX "delivery_metric_readings_channel_idx" ON "delivery_metric_readings" USING btree ("channel_id","read_at");--> statement-breakpoint
CREATE INDEX "delivery_metric_readings_workspace_idx" ON "delivery_metric_readings" USING btree ("workspace_id","read_at");