-- UNLOGGED: rate-limit counters are not worth a WAL write per request; after a crash of
-- PostgreSQL the table is empty, which only starts every caller's window afresh (ADR 0022).
CREATE UNLOGGED TABLE "rate_limit_hits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL
);
