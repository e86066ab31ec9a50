-- Reports and hiding (issue 21, docs/decisions: reports and hiding). Anyone signed in reports content; an admin
-- resolves the report: no action, hide the content, warn or suspend its author.

-- The reasons people choose from. No report was ever written with the old values (nothing wrote Report before
-- this migration); the USING maps them anyway, so the step cannot fail on a database that has some.
CREATE TYPE "ReportReason_new" AS ENUM ('SPAM', 'ABUSIVE', 'UNSAFE', 'MISLEADING', 'OTHER');
ALTER TABLE "Report" ALTER COLUMN "reason" TYPE "ReportReason_new" USING (
  CASE "reason"::text
    WHEN 'INAPPROPRIATE' THEN 'ABUSIVE'
    WHEN 'SAFEGUARDING' THEN 'UNSAFE'
    WHEN 'NOT_A_CHARITY' THEN 'MISLEADING'
    WHEN 'NO_SHOW' THEN 'OTHER'
    ELSE "reason"::text
  END
)::"ReportReason_new";
ALTER TYPE "ReportReason" RENAME TO "ReportReason_old";
ALTER TYPE "ReportReason_new" RENAME TO "ReportReason";
DROP TYPE "ReportReason_old";

-- CreateEnum
CREATE TYPE "ReportResolution" AS ENUM ('NO_ACTION', 'HIDE', 'WARN', 'SUSPEND');

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "resolutionKind" "ReportResolution",
ADD COLUMN     "snapshot" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "subjectUserId" TEXT;

-- Hidden content. Each of these tables already runs cache_change() (migration 20261207123000_page_changes) on
-- every update, so hiding a row tells every cached page that shows it, with no trigger of its own.
ALTER TABLE "Ask" ADD COLUMN     "hiddenAt" TIMESTAMPTZ(3),
ADD COLUMN     "hiddenReason" TEXT;
ALTER TABLE "Offer" ADD COLUMN     "hiddenAt" TIMESTAMPTZ(3),
ADD COLUMN     "hiddenReason" TEXT;
ALTER TABLE "VolunteerProfile" ADD COLUMN     "hiddenAt" TIMESTAMPTZ(3),
ADD COLUMN     "hiddenReason" TEXT;
ALTER TABLE "Organisation" ADD COLUMN     "hiddenAt" TIMESTAMPTZ(3),
ADD COLUMN     "hiddenReason" TEXT;
ALTER TABLE "Feedback" ADD COLUMN     "hiddenAt" TIMESTAMPTZ(3),
ADD COLUMN     "hiddenReason" TEXT;

-- A listed ask is also not hidden: the listing indexes carry hiddenAt as payload, so /asks's capped count stays
-- an index-only scan (docs/decisions/0007).
DROP INDEX "Ask_listed_newest_idx";
CREATE INDEX "Ask_listed_newest_idx" ON "Ask"("status", "publishedAt" DESC, "id" DESC, "deadline", "organisationVerified", "durationMinutes", "organisationRegion", "media", "organisationCauseAreas", "skillCategoryIds", "skillIds", "hiddenAt");
DROP INDEX "Ask_listed_region_newest_idx";
CREATE INDEX "Ask_listed_region_newest_idx" ON "Ask"("organisationRegion", "status", "publishedAt" DESC, "id" DESC, "deadline", "organisationVerified", "durationMinutes", "media", "organisationCauseAreas", "skillCategoryIds", "skillIds", "hiddenAt");

-- One open report per reporter per target: a second, even sent twice at once, is refused here.
CREATE UNIQUE INDEX "Report_one_open_per_reporter" ON "Report"("reporterId", "targetType", "targetId") WHERE (status = 'OPEN');

-- CreateIndex
CREATE INDEX "Report_subjectUserId_createdAt_idx" ON "Report"("subjectUserId", "createdAt");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_subjectUserId_fkey" FOREIGN KEY ("subjectUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
