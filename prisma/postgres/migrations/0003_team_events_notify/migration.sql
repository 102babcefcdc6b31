-- PostgreSQL only: every bump of a team's event stamp (lib/events/team-events.ts) is announced to the other studio
-- processes with NOTIFY on channel studio_team_events (payload "<teamId> <version>"), delivered when the bump
-- commits. Each process LISTENs and tells its own open tabs, so a change made through one process reaches the
-- browsers connected to another at once (SQLite's processes watch the stamp table instead).
CREATE FUNCTION "team_event_stamp_notify"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('studio_team_events', NEW."teamId" || ' ' || NEW."version");
  RETURN NULL;
END $$;

CREATE TRIGGER "team_event_stamp_notify" AFTER INSERT OR UPDATE OF "version" ON "TeamEventStamp"
  FOR EACH ROW EXECUTE FUNCTION "team_event_stamp_notify"();
