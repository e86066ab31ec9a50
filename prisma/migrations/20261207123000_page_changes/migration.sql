-- Written by hand (docs/decisions/0024): every cached page learns from the database itself what a committed
-- write changed. One trigger on every table a cached page reads runs cache_change(), which
-- - adds a DashboardChange row for each person whose dashboard shows the row (dashboard_people, as before:
--   their cached dashboard's key moves in the same transaction, so they see their own write at once), and
-- - sends the tags of the cached pages that show the row (page_tags) on the channel `halfhour_cache`.
--   PostgreSQL delivers a notification only when the transaction commits, and never for one rolled back;
--   every app server listens (lib/cache/listener.ts) and renders again any page carrying one of the tags.
-- A write the app makes tomorrow, a sweep in a worker or SQL typed by an operator all do the same: no code
-- path can forget. The tag names are lib/cache/page-tags.ts's.

-- Projects and stages show on staff dashboards (titles); skills and categories on no dashboard by themselves.
CREATE OR REPLACE FUNCTION dashboard_people(table_name text, row_data jsonb) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
BEGIN
  CASE table_name
    WHEN 'User' THEN RETURN ARRAY[row_data->>'id'];
    WHEN 'VolunteerProfile', 'Membership' THEN RETURN ARRAY[row_data->>'userId'];
    WHEN 'VolunteerSkill' THEN
      RETURN ARRAY(SELECT p."userId" FROM "VolunteerProfile" p WHERE p.id = row_data->>'volunteerProfileId');
    WHEN 'Invitation' THEN RETURN ARRAY[row_data->>'volunteerId'];
    WHEN 'Organisation' THEN RETURN dashboard_staff(row_data->>'id');
    WHEN 'Project' THEN RETURN dashboard_staff(row_data->>'organisationId');
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
    WHEN 'AskSkill', 'Skill', 'SkillCategory' THEN RETURN '{}';
    ELSE RAISE EXCEPTION 'dashboard_people: no rule for table %', table_name;
  END CASE;
END
$$;

-- The tags of everything an ask shows on: its own page and its project's other stages (which list it), its
-- project's page, every list of asks and the home page (a card, a count of offers, whether it is listed at
-- all), and the volunteers' "asks that fit you" (by its skills).
CREATE FUNCTION ask_page_tags(ask jsonb) RETURNS text[]
LANGUAGE sql STABLE AS $$
  SELECT ARRAY['asks:list', 'home', 'ask:' || (ask->>'id')]
      || ARRAY(SELECT 'skill:' || s FROM jsonb_array_elements_text(coalesce(ask->'skillIds', '[]')) s)
      || CASE WHEN ask->>'projectId' IS NULL THEN '{}'::text[]
              ELSE ARRAY['project:' || (ask->>'projectId')]
                || ARRAY(SELECT 'ask:' || a.id FROM "Ask" a WHERE a."projectId" = ask->>'projectId') END
$$;

-- The tags of the cached pages that show this row of this table (the row as JSON, so one function serves
-- every table). A table with no rule raises: a trigger on it must say what it shows.
CREATE FUNCTION page_tags(table_name text, row_data jsonb) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
BEGIN
  CASE table_name
    WHEN 'Ask' THEN RETURN ask_page_tags(row_data);
    -- A stage's skills: the ask as it is now (gone with its ask: then its own tags at least).
    WHEN 'AskSkill' THEN
      RETURN coalesce((SELECT ask_page_tags(to_jsonb(a)) FROM "Ask" a WHERE a.id = row_data->>'askId'),
                      ARRAY['asks:list', 'home', 'ask:' || (row_data->>'askId')]);
    -- Its count of waiting offers: on the ask's page and its card (the volunteers' own pages are dashboards).
    WHEN 'Offer' THEN RETURN ARRAY['asks:list', 'home', 'ask:' || (row_data->>'askId')];
    WHEN 'Project' THEN
      RETURN ARRAY['project:' || (row_data->>'id')]
          || ARRAY(SELECT 'ask:' || a.id FROM "Ask" a WHERE a."projectId" = row_data->>'id');
    -- Its name and details on every page of its asks and projects, and the home page's count of organisations.
    WHEN 'Organisation' THEN
      RETURN ARRAY['asks:list', 'home']
          || ARRAY(SELECT 'ask:' || a.id FROM "Ask" a WHERE a."organisationId" = row_data->>'id' AND a."publishedAt" IS NOT NULL)
          || ARRAY(SELECT 'project:' || p.id FROM "Project" p WHERE p."organisationId" = row_data->>'id');
    -- Names shown everywhere, changed by a reseed at most: every cached page.
    WHEN 'Skill', 'SkillCategory' THEN RETURN ARRAY['public'];
    -- The home page's figures: volunteers available, sessions held.
    WHEN 'User', 'VolunteerProfile', 'Meeting' THEN RETURN ARRAY['home'];
    -- Shown on dashboards only (their version moves instead).
    WHEN 'Membership', 'VolunteerSkill', 'Invitation', 'MeetingReschedule', 'Feedback', 'FollowUp' THEN RETURN '{}';
    ELSE RAISE EXCEPTION 'page_tags: no rule for table %', table_name;
  END CASE;
END
$$;

-- Sends tags on the channel, space-separated, in notifications under PostgreSQL's 8000-byte limit.
-- Identical notifications in one transaction are delivered once, so a statement touching many rows sends
-- `asks:list` once.
CREATE FUNCTION notify_page_tags(tags text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  payload text := '';
  tag text;
BEGIN
  FOR tag IN SELECT DISTINCT t FROM unnest(tags) AS t WHERE t IS NOT NULL ORDER BY t LOOP
    IF payload <> '' AND length(payload) + length(tag) >= 7900 THEN
      PERFORM pg_notify('halfhour_cache', payload);
      payload := '';
    END IF;
    payload := CASE WHEN payload = '' THEN tag ELSE payload || ' ' || tag END;
  END LOOP;
  IF payload <> '' THEN PERFORM pg_notify('halfhour_cache', payload); END IF;
END
$$;

CREATE FUNCTION cache_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  people text[] := '{}';
  tags text[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN
    people := dashboard_people(TG_TABLE_NAME, to_jsonb(OLD));
    tags := page_tags(TG_TABLE_NAME, to_jsonb(OLD));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    people := people || dashboard_people(TG_TABLE_NAME, to_jsonb(NEW));
    tags := tags || page_tags(TG_TABLE_NAME, to_jsonb(NEW));
  END IF;
  INSERT INTO "DashboardChange" ("userId")
  SELECT DISTINCT person FROM unnest(people) AS person WHERE person IS NOT NULL ORDER BY person;
  PERFORM notify_page_tags(tags);
  RETURN NULL;
END
$$;

-- TRUNCATE fires no row trigger: every cached page is rendered again (dashboards move with their next write,
-- and live five minutes at most).
CREATE FUNCTION cache_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_page_tags(ARRAY['public']);
  RETURN NULL;
END
$$;

DROP TRIGGER "User_dashboard_change" ON "User";
DROP TRIGGER "VolunteerProfile_dashboard_change" ON "VolunteerProfile";
DROP TRIGGER "VolunteerSkill_dashboard_change" ON "VolunteerSkill";
DROP TRIGGER "Membership_dashboard_change" ON "Membership";
DROP TRIGGER "Organisation_dashboard_change" ON "Organisation";
DROP TRIGGER "Ask_dashboard_change" ON "Ask";
DROP TRIGGER "Offer_dashboard_change" ON "Offer";
DROP TRIGGER "Invitation_dashboard_change" ON "Invitation";
DROP TRIGGER "Meeting_dashboard_change" ON "Meeting";
DROP TRIGGER "MeetingReschedule_dashboard_change" ON "MeetingReschedule";
DROP TRIGGER "Feedback_dashboard_change" ON "Feedback";
DROP TRIGGER "FollowUp_dashboard_change" ON "FollowUp";
DROP FUNCTION dashboard_change();

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['User', 'VolunteerProfile', 'VolunteerSkill', 'Membership', 'Organisation', 'Project',
                           'Ask', 'AskSkill', 'Skill', 'SkillCategory', 'Offer', 'Invitation', 'Meeting',
                           'MeetingReschedule', 'Feedback', 'FollowUp'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION cache_change()',
                   t || '_cache_change', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION cache_truncate()',
                   t || '_cache_truncate', t);
  END LOOP;
END
$$;
