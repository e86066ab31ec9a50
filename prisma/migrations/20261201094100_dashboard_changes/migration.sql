-- CreateTable
CREATE TABLE "DashboardChange" (
    "id" BIGSERIAL NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "DashboardChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DashboardChange_userId_id_idx" ON "DashboardChange"("userId", "id");

-- Written by hand (docs/decisions/0015): every change to a row some dashboard shows adds a row here for each
-- person whose dashboard shows it, in the changing transaction. A person's newest id is their dashboard's
-- version: the cached dashboard is keyed by it, so no code path can forget to refresh it. Rows are only ever
-- added (never updated), so concurrent writers take no lock on each other's rows and cannot deadlock here.

-- The staff of an organisation: everyone whose dashboard shows its asks and sessions (Membership(organisationId, role)).
CREATE FUNCTION dashboard_staff(organisation_id text) RETURNS text[]
LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(m."userId"), '{}') FROM "Membership" m WHERE m."organisationId" = organisation_id
$$;

-- A session's two sides: its volunteer and its organisation's staff.
CREATE FUNCTION dashboard_meeting_people(meeting_id text) RETURNS text[]
LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT m."volunteerId" || dashboard_staff(m."organisationId") FROM "Meeting" m WHERE m.id = meeting_id), '{}')
$$;

-- Whose dashboard shows this row of this table (the row as JSON, so one function serves every table).
CREATE FUNCTION dashboard_people(table_name text, row_data jsonb) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
BEGIN
  CASE table_name
    WHEN 'User' THEN RETURN ARRAY[row_data->>'id'];
    WHEN 'VolunteerProfile', 'Membership' THEN RETURN ARRAY[row_data->>'userId'];
    WHEN 'VolunteerSkill' THEN
      RETURN ARRAY(SELECT p."userId" FROM "VolunteerProfile" p WHERE p.id = row_data->>'volunteerProfileId');
    WHEN 'Invitation' THEN RETURN ARRAY[row_data->>'volunteerId'];
    WHEN 'Organisation' THEN RETURN dashboard_staff(row_data->>'id');
    -- Staff count their asks by status; volunteers see the asks they offered on or were invited to.
    WHEN 'Ask' THEN
      RETURN dashboard_staff(row_data->>'organisationId')
          || ARRAY(SELECT f."volunteerId" FROM "Offer" f WHERE f."askId" = row_data->>'id')
          || ARRAY(SELECT i."volunteerId" FROM "Invitation" i WHERE i."askId" = row_data->>'id' AND i.status = 'PENDING');
    WHEN 'Offer' THEN
      RETURN ARRAY[row_data->>'volunteerId']
          || dashboard_staff((SELECT a."organisationId" FROM "Ask" a WHERE a.id = row_data->>'askId'));
    WHEN 'Meeting' THEN RETURN ARRAY[row_data->>'volunteerId'] || dashboard_staff(row_data->>'organisationId');
    WHEN 'MeetingReschedule', 'Feedback', 'FollowUp' THEN RETURN dashboard_meeting_people(row_data->>'meetingId');
    ELSE RAISE EXCEPTION 'dashboard_people: no rule for table %', table_name;
  END CASE;
END
$$;

CREATE FUNCTION dashboard_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  people text[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN people := dashboard_people(TG_TABLE_NAME, to_jsonb(OLD)); END IF;
  IF TG_OP <> 'DELETE' THEN people := people || dashboard_people(TG_TABLE_NAME, to_jsonb(NEW)); END IF;
  INSERT INTO "DashboardChange" ("userId")
  SELECT DISTINCT person FROM unnest(people) AS person WHERE person IS NOT NULL ORDER BY person;
  RETURN NULL;
END
$$;

CREATE TRIGGER "User_dashboard_change" AFTER INSERT OR UPDATE OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION dashboard_change();
CREATE TRIGGER "VolunteerProfile_dashboard_change" AFTER INSERT OR UPDATE OR DELETE ON "VolunteerProfile"
  FOR EACH ROW EXECUTE FUNCTION dashboard_change();
CREATE TRIGGER "VolunteerSkill_dashboard_change" AFTER INSERT OR UPDATE OR DELETE ON "VolunteerSkill"
  FOR EACH ROW EXECUTE FUNCTION dashboard_change();
CREATE TRIGGER "Membership_dashboard_change" AFTER INSERT OR UPDATE OR DELETE ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION dashboard_change();
CREATE TRIGGER "Organisation_dashboard_change" AFTER INSERT OR UPDATE OR DELETE ON "Organisation"
  FOR EACH ROW EXECUTE FUNCTION dashboard_change();
CREATE TRIGGER "Ask_dashboard_change" AFTER INSERT OR UPDATE OR DELETE ON "Ask"
  FOR EACH ROW EXECUTE FUNCTION dashboard_change();
CREATE TRIGGER "Offer_dashboard_change" AFTER INSERT OR UPDATE OR DELETE ON "Offer"
  FOR EACH ROW EXECUTE FUNCTION dashboard_change();
CREATE TRIGGER "Invitation_dashboard_change" AFTER INSERT OR UPDATE OR DELETE ON "Invitation"
  FOR EACH ROW EXECUTE FUNCTION dashboard_change();
CREATE TRIGGER "Meeting_dashboard_change" AFTER INSERT OR UPDATE OR DELETE ON "Meeting"
  FOR EACH ROW EXECUTE FUNCTION dashboard_change();
CREATE TRIGGER "MeetingReschedule_dashboard_change" AFTER INSERT OR UPDATE OR DELETE ON "MeetingReschedule"
  FOR EACH ROW EXECUTE FUNCTION dashboard_change();
CREATE TRIGGER "Feedback_dashboard_change" AFTER INSERT OR UPDATE OR DELETE ON "Feedback"
  FOR EACH ROW EXECUTE FUNCTION dashboard_change();
CREATE TRIGGER "FollowUp_dashboard_change" AFTER INSERT OR UPDATE OR DELETE ON "FollowUp"
  FOR EACH ROW EXECUTE FUNCTION dashboard_change();
