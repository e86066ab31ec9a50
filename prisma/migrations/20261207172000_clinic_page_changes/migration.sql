-- Written by hand (docs/decisions/0024, docs/cached-pages.md): the clinic tables reach the cached pages that show
-- them. The public list of clinics and the home page's "Clinics coming up" carry `clinics:list`, a clinic's own
-- page `clinic:<id>`; a volunteer's dashboard lists their clinics, a charity's the clinics it holds a seat in.
-- dashboard_people and page_tags are each replaced whole, as they stand after 20261207150200_blocks_and_vouching,
-- plus the clinic cases (and a suspended volunteer's clinics leaving the list).

CREATE OR REPLACE FUNCTION dashboard_people(table_name text, row_data jsonb) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
BEGIN
  CASE table_name
    WHEN 'User' THEN RETURN ARRAY[row_data->>'id'];
    WHEN 'VolunteerProfile', 'Membership' THEN RETURN ARRAY[row_data->>'userId'];
    WHEN 'VolunteerSkill' THEN
      RETURN ARRAY(SELECT p."userId" FROM "VolunteerProfile" p WHERE p.id = row_data->>'volunteerProfileId');
    WHEN 'Invitation' THEN RETURN ARRAY[row_data->>'volunteerId'];
    -- A block changes the volunteer's "asks that fit you" (the organisation's asks leave it, or come back).
    WHEN 'Block' THEN RETURN ARRAY[row_data->>'volunteerId'];
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
    -- A clinic is on its volunteer's dashboard and on the dashboards of the charities holding a seat or place in it.
    WHEN 'Clinic' THEN
      RETURN ARRAY[row_data->>'volunteerId']
          || ARRAY(SELECT DISTINCT unnest(dashboard_staff(s."organisationId")) FROM "ClinicSeat" s WHERE s."clinicId" = row_data->>'id');
    WHEN 'ClinicSeat' THEN
      RETURN ARRAY(SELECT c."volunteerId" FROM "Clinic" c WHERE c.id = row_data->>'clinicId')
          || dashboard_staff(row_data->>'organisationId');
    -- A clinic's skills show on the public pages only ("clinics that fit" on a dashboard carries clinics:list).
    WHEN 'ClinicSkill' THEN RETURN '{}';
    ELSE RAISE EXCEPTION 'dashboard_people: no rule for table %', table_name;
  END CASE;
END
$$;

CREATE OR REPLACE FUNCTION page_tags(table_name text, row_data jsonb) RETURNS text[]
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
    -- The home page's figures: volunteers available, sessions held. A volunteer suspended or back takes their
    -- published clinics off the lists, or puts them back.
    WHEN 'User' THEN
      RETURN ARRAY['home']
          || ARRAY(SELECT 'clinics:list' FROM "Clinic" c WHERE c."volunteerId" = row_data->>'id' AND c.status = 'PUBLISHED' LIMIT 1);
    WHEN 'VolunteerProfile', 'Meeting' THEN RETURN ARRAY['home'];
    -- Shown on dashboards only (their version moves instead).
    WHEN 'Membership', 'VolunteerSkill', 'Invitation', 'MeetingReschedule', 'Feedback', 'FollowUp' THEN RETURN '{}';
    -- Blocks are private to the two sides: no public page shows one.
    WHEN 'Block' THEN RETURN '{}';
    -- A clinic, its skills and its seats (seats left) show on the lists of clinics and on its own page.
    WHEN 'Clinic' THEN RETURN ARRAY['clinics:list', 'clinic:' || (row_data->>'id')];
    WHEN 'ClinicSkill', 'ClinicSeat' THEN RETURN ARRAY['clinics:list', 'clinic:' || (row_data->>'clinicId')];
    ELSE RAISE EXCEPTION 'page_tags: no rule for table %', table_name;
  END CASE;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Clinic', 'ClinicSkill', 'ClinicSeat'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION cache_change()',
                   t || '_cache_change', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION cache_truncate()',
                   t || '_cache_truncate', t);
  END LOOP;
END
$$;
