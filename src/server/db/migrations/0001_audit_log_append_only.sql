-- The audit log is append-only. Account deletion (GDPR erasure) must still anonymise actor ids,
-- so a transaction may lift the guard explicitly with SET LOCAL herald.audit_maintenance = 'on'.
CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger AS $$
BEGIN
  IF coalesce(current_setting('herald.audit_maintenance', true), '') <> 'on' THEN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
