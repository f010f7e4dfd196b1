CREATE TABLE "network_usage" (
	"network" text NOT NULL,
	"bucket" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "network_usage_network_bucket_window_start_pk" PRIMARY KEY("network","bucket","window_start")
);
