-- Blocks between an organisation and a volunteer, and admins vouching for community groups with no registration
-- number (issue 21, docs/decisions/0026-blocks-and-vouching.md). The Prisma part first, then by hand: a block must
-- reach the dashboards it changes (docs/decisions/0024), so Block gets cache_change() like every table a cached
-- page reads, with its rules added to dashboard_people and page_tags (each replaced whole, as it stands after
-- 20261207123000_page_changes, plus the Block case).

-- CreateEnum
CREATE TYPE "BlockedBy" AS ENUM ('ORGANISATION', 'VOLUNTEER');

-- AlterEnum
ALTER TYPE "OfferWithdrawal" ADD VALUE 'BLOCKED';

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "vouchNote" TEXT,
ADD COLUMN     "vouchedAt" TIMESTAMPTZ(3),
ADD COLUMN     "vouchedById" TEXT;

-- CreateTable
CREATE TABLE "Block" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "by" "BlockedBy" NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Block_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Block_volunteerId_organisationId_idx" ON "Block"("volunteerId", "organisationId");

-- CreateIndex
CREATE INDEX "Block_createdById_idx" ON "Block"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "Block_organisationId_volunteerId_by_key" ON "Block"("organisationId", "volunteerId", "by");

-- CreateIndex
CREATE INDEX "Organisation_vouchedById_idx" ON "Organisation"("vouchedById");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_vouchedById_fkey" FOREIGN KEY ("vouchedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Block" ADD CONSTRAINT "Block_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Block" ADD CONSTRAINT "Block_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Block" ADD CONSTRAINT "Block_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Written by hand from here.

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
    -- The home page's figures: volunteers available, sessions held.
    WHEN 'User', 'VolunteerProfile', 'Meeting' THEN RETURN ARRAY['home'];
    -- Shown on dashboards only (their version moves instead).
    WHEN 'Membership', 'VolunteerSkill', 'Invitation', 'MeetingReschedule', 'Feedback', 'FollowUp' THEN RETURN '{}';
    -- Blocks are private to the two sides: no public page shows one.
    WHEN 'Block' THEN RETURN '{}';
    ELSE RAISE EXCEPTION 'page_tags: no rule for table %', table_name;
  END CASE;
END
$$;

CREATE TRIGGER "Block_cache_change" AFTER INSERT OR UPDATE OR DELETE ON "Block" FOR EACH ROW EXECUTE FUNCTION cache_change();
CREATE TRIGGER "Block_cache_truncate" AFTER TRUNCATE ON "Block" FOR EACH STATEMENT EXECUTE FUNCTION cache_truncate();
