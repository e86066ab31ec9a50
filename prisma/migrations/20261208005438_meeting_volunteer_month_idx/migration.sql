-- A volunteer's sessions with their status in the index, so counting this month's scheduled and held ones (matching
-- counts it for every candidate, capacity for one) is an index-only scan (docs/decisions/0030, third round).
-- DropIndex
DROP INDEX "Meeting_volunteerId_startsAt_idx";

-- CreateIndex
CREATE INDEX "Meeting_volunteerId_startsAt_status_idx" ON "Meeting"("volunteerId", "startsAt", "status");
